# Installation in the standard places and a Debian package (CPack).
#   cmake --install build/release --prefix /usr/local
#   cpack --config build/release/CPackConfig.cmake -G DEB      (or: cmake --build ... --target package)
# Debian keeps a package's documents in /usr/share/doc/<package> (GNUInstallDirs would use the
# CMake project name, BackpropStudio).
if(NOT CMAKE_INSTALL_DOCDIR)  # a -DCMAKE_INSTALL_DOCDIR=… given by the user still wins
  set(CMAKE_INSTALL_DOCDIR "share/doc/backprop-studio")
endif()
include(GNUInstallDirs)

if(BP_BUILD_UI)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/backprop-studio.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  # Sessions (.bps) and models (.bpm) open with the studio from a file manager.
  install(FILES ${PROJECT_SOURCE_DIR}/resources/mime/backprop-studio.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/backprop-studio.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  foreach(size 16 32 48 64 128 256)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/backprop-studio-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME backprop-studio.png)
  endforeach()
  # Translations (.qm from ui/CMakeLists.txt). The program uses its embedded copies
  # (":/i18n/"); these are for packagers and translators.
  get_property(bp_qm_files GLOBAL PROPERTY BP_QM_FILES)
  install(FILES ${bp_qm_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/backprop-studio/translations)
endif()
# The licence (GPL-3.0-or-later, LICENSE) in Debian's machine-readable copyright format.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/resources/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
        PATTERN "TEAM_NOTES.md" EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/resources/data/mnist_train_100.csv
              ${PROJECT_SOURCE_DIR}/resources/data/mnist_test_10.csv
        DESTINATION ${CMAKE_INSTALL_DATADIR}/backprop-studio/data)

set(CPACK_PACKAGE_NAME backprop-studio)
set(CPACK_PACKAGE_VENDOR "Backprop Studio")
set(CPACK_PACKAGE_CONTACT "Backprop Studio developers <dev@backprop.studio>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY backprop-studio)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # libQt6*, libstdc++ … from dpkg-shlibdeps
# Not found by shlibdeps: the Qt platform plugins, Qt's own translations, a CJK font.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, qt6-translations-l10n, fonts-wqy-microhei | fonts-noto-cjk")
set(CPACK_GENERATOR DEB)
include(CPack)
