// cli_main.cpp — backprop-cli: every command lives in app/cli (library bp_cli).
#include <unistd.h>

#include <iostream>

#include "Cli.h"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    return bp::cli::run(argc, argv, std::cout, std::cerr, ::isatty(STDERR_FILENO) != 0);
}
