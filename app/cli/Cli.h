// Cli.h — backprop-cli's entry point, callable from main() and from tests.
#pragma once

#include <iosfwd>

namespace bp::cli {

// Exit statuses of backprop-cli.
enum ExitCode : int {
    kExitOk = 0,
    kExitDataError = 1,  // bad data or model file, I/O failure
    kExitUsage = 2,      // unknown command or option, missing or malformed value
    kExitDiverged = 3,   // training produced NaN/Inf
};

// Runs the command line argv[1…]; results go to out, messages and progress to err.
// Progress bars are drawn only when stderrIsTerminal is true.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        bool stderrIsTerminal);

}  // namespace bp::cli
