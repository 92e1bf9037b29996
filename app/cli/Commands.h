// Commands.h — the six commands of backprop-cli. Each returns an exit status or throws
// (UsageError → 2, DivergenceError → 3, any other std::exception → 1; see Cli.cpp).
#pragma once

#include <iosfwd>

#include "Args.h"

namespace bp::cli {

struct Context {
    std::ostream& out;  // results (stdout)
    std::ostream& err;  // messages and the progress bar (stderr)
    bool terminal;      // stderr is a terminal: progress bars allowed
};

int train(const Args& args, Context& ctx);
int eval(const Args& args, Context& ctx);
int query(const Args& args, Context& ctx);
int backquery(const Args& args, Context& ctx);
int convert(const Args& args, Context& ctx);
int info(const Args& args, Context& ctx);

}  // namespace bp::cli
