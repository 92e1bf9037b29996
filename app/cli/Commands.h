// Commands.h — the commands of backprop-cli. Each returns an exit status or throws
// (UsageError → 2, DivergenceError → 3, any other std::exception → 1; see Cli.cpp).
#pragma once

#include <functional>
#include <iosfwd>
#include <vector>

#include "Args.h"
#include "backprop/Network.h"
#include "backprop/Trainer.h"

namespace bp::cli {

struct Context {
    std::ostream& out;  // results (stdout)
    std::ostream& err;  // messages and the progress bar (stderr)
    bool terminal;      // stderr is a terminal: progress bars allowed
};

// What a caller may watch of a train run (class-join sends it to the teacher). Each hook is
// called on the training thread; progress after every sample, so it must be cheap.
struct TrainObserver {
    std::function<void(const NetworkSpec&, const TrainOptions&)> started;  // before epoch 1
    std::function<void(const TrainProgress&)> progress;
    std::function<void(const EpochResult&, double learningRate)> epoch;  // after its line
};

// The options of train, shared by every command that trains as train does (class-join).
const std::vector<OptionSpec>& trainOptions();
int train(const Args& args, Context& ctx);
int trainWith(const Args& args, Context& ctx, const TrainObserver& observer);
// Class mode (ClassCommands.cpp; without BP_HAVE_CLASSROOM they say so and exit with 2).
int classHost(const Args& args, Context& ctx);
int classJoin(const Args& args, Context& ctx);
int eval(const Args& args, Context& ctx);
int query(const Args& args, Context& ctx);
int backquery(const Args& args, Context& ctx);
int convert(const Args& args, Context& ctx);
int info(const Args& args, Context& ctx);
// export: a notebook in the book's style (bridges/Notebook.h) and/or an ONNX model (Onnx.h).
int exportModel(const Args& args, Context& ctx);

}  // namespace bp::cli
