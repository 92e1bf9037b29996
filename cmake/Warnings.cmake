# bp_warnings(target): the project's warning set, applied per target (not directory-wide).
function(bp_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Woverloaded-virtual)
  if(BP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
