// Cli.cpp — command dispatch, help texts and the mapping of errors to exit statuses.
#include "Cli.h"

#include <ostream>
#include <string>
#include <vector>

#include "Args.h"
#include "Commands.h"
#include "backprop/Trainer.h"

namespace bp::cli {
namespace {

constexpr const char* kVersion = "backprop-cli " BP_VERSION " (Backprop Studio)";

constexpr const char* kMainHelp =
    R"HELP(backprop-cli — the book's neural network ("Make Your Own Neural Network") in a terminal

Usage: backprop-cli COMMAND [OPTIONS]

Commands:
  train      train a network on an MNIST-style data file, print one line per epoch
  eval       test accuracy of a saved model on a data file
  query      a saved model's output vector and predicted label for one row of a file
  backquery  draw the input a model "imagines" for a label, as a PNG
  convert    convert a data file between CSV and IDX
  info       rows, inputs and label counts of a data file (or the loader's error)

Data files: MNIST CSV (label, then the pixels; header row, CRLF, BOM allowed; .csv.gz too)
and IDX (*-images-idx3-ubyte with *-labels-idx1-ubyte beside it, .gz allowed).

  backprop-cli COMMAND --help    options of one command
  backprop-cli --version

Exit status: 0 success, 1 bad data/model file or I/O error, 2 usage error, 3 training diverged.
Errors are printed as one line on stderr: file:line[:field]: what was wrong.
)HELP";

constexpr const char* kTrainHelp =
    R"HELP(Usage: backprop-cli train --train FILE [--test FILE] [OPTIONS]

Trains the book's network sample by sample (or in mini-batches) and prints one line per epoch.

  --train FILE          training data (CSV, CSV.gz or IDX)
  --test FILE           test data; each epoch reports its accuracy
  --layers LIST         neurons per layer, input first (default auto,200,10); 'auto' (or
                        nothing, as in ,200,10) as the first value takes the data's width;
                        a number there must equal it
  --lr RATE             learning rate α (default 0.1)
  --epochs N            epochs to train (default 1); 0 only initialises (with --save or
                        --export-npy: the initial weights)
  --seed N              seed of the initial weights and of --shuffle (default 1)
  --batch N             mini-batch size (default 1: per-sample updates as in the book)
  --shuffle             shuffle the samples each epoch (default: file order, as the book)
  --limit N             use only the first N training rows
  --augment-rotate DEG  also train on each image turned by +DEG and −DEG degrees (the book
                        uses 10): three times the samples; needs square images
  --activation NAME     hidden-layer activation: sigmoid (default), tanh or relu;
                        the output layer is always sigmoid
  --bias                add a bias node to every non-output layer (the book has none)
  --rule NAME           book (default: errors travel back as Wᵀ·E) or gradient (Wᵀ·(E∘f'))
  --init-npy DIR        start from DIR/wih.npy and DIR/who.npy (w0.npy, w1.npy … for other depths)
  --export-npy DIR      write the trained weights as .npy files into DIR
  --save MODEL          save the trained model (.bpm, see docs/MODEL_FORMAT.md)
  --json                one JSON object per epoch: epoch, epochs, seconds (training loop of the
                        epoch), mean_error, test_accuracy (null without --test), samples,
                        learning_rate
  --quiet               no header line, no progress bar, no "saved" messages
A progress bar is drawn on stderr when stderr is a terminal.
)HELP";

constexpr const char* kEvalHelp = R"HELP(Usage: backprop-cli eval --model MODEL --test FILE [--json]

Prints the model's accuracy on FILE: "test_accuracy 0.9512 (9512 of 10000 correct)", or with
--json {"test_accuracy": …, "correct": …, "rows": …}.
)HELP";

constexpr const char* kQueryHelp =
    R"HELP(Usage: backprop-cli query --model MODEL --input FILE [--row N] [--json]

Prints the output vector of MODEL for row N of FILE (0 = the first row, the default), the
row's label and the predicted label (the largest output).
)HELP";

constexpr const char* kBackqueryHelp =
    R"HELP(Usage: backprop-cli backquery --model MODEL --label D --out FILE.png [OPTIONS]

Runs the book's back query for label D (target 0.99 at D, 0.01 elsewhere, back through the
inverse activation and the transposed weights) and writes the resulting input as an 8-bit
greyscale PNG, one pixel per input (28×28 for an MNIST model; the input count must be a square).

  --white-on-black      draw the digit white on black (default: black digit on white, like the
                        book's matplotlib plots with cmap='Greys')
  --scale N             enlarge each pixel to N×N (default 1)
The image is stretched so its darkest and lightest values use the full 0–255 range.
)HELP";

constexpr const char* kConvertHelp =
    R"HELP(Usage: backprop-cli convert IN OUT [--to csv|idx] [--quiet]

Reads IN (any supported format) and writes OUT. The format of OUT comes from its name:
  *.csv, *.csv.gz               the book's CSV (label, then the pixels; no header; LF)
  PREFIX-images-idx3-ubyte[.gz] IDX: writes PREFIX-images-idx3-ubyte and
                                PREFIX-labels-idx1-ubyte side by side
or from --to (with --to idx, OUT may be just the PREFIX).
)HELP";

constexpr const char* kInfoHelp = R"HELP(Usage: backprop-cli info FILE [--json]

Loads FILE and prints its rows, inputs per row (and image shape) and the count of each label,
or the loader's error (exit status 1).
)HELP";

struct Command {
    const char* name;
    const char* help;
    std::vector<OptionSpec> options;
    int (*run)(const Args&, Context&);
};

const std::vector<Command>& commands() {
    static const std::vector<Command> list = {
        {"train",
         kTrainHelp,
         {{"train"},
          {"test"},
          {"layers"},
          {"lr"},
          {"epochs"},
          {"seed"},
          {"batch"},
          {"shuffle", false},
          {"limit"},
          {"augment-rotate"},
          {"activation"},
          {"bias", false},
          {"rule"},
          {"init-npy"},
          {"export-npy"},
          {"save"},
          {"json", false},
          {"quiet", false}},
         &train},
        {"eval", kEvalHelp, {{"model"}, {"test"}, {"json", false}}, &eval},
        {"query", kQueryHelp, {{"model"}, {"input"}, {"row"}, {"json", false}}, &query},
        {"backquery",
         kBackqueryHelp,
         {{"model"}, {"label"}, {"out"}, {"scale"}, {"white-on-black", false}},
         &backquery},
        {"convert", kConvertHelp, {{"to"}, {"quiet", false}}, &convert},
        {"info", kInfoHelp, {{"json", false}}, &info},
    };
    return list;
}

// what() as one line: newlines and tabs become spaces.
std::string oneLine(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        bool stderrIsTerminal) {
    if (argc < 2) {
        err << kMainHelp;
        return kExitUsage;
    }
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        if (first == "help" && argc > 2)
            for (const Command& c : commands())
                if (argv[2] == std::string(c.name)) {
                    out << c.help;
                    return kExitOk;
                }
        out << kMainHelp;
        return kExitOk;
    }
    if (first == "--version" || first == "-V") {
        out << kVersion << "\n";
        return kExitOk;
    }
    const Command* cmd = nullptr;
    for (const Command& c : commands())
        if (first == c.name) cmd = &c;
    if (!cmd) {
        err << "backprop-cli: unknown command '" << first << "' (see 'backprop-cli --help')\n";
        return kExitUsage;
    }
    for (int i = 2; i < argc; ++i)
        if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
            out << cmd->help;
            return kExitOk;
        }

    Context ctx{out, err, stderrIsTerminal};
    try {
        const Args args(cmd->name, cmd->options, argc, argv, 2);
        if (cmd->run != &convert && cmd->run != &info && !args.positional().empty())
            args.fail("unexpected argument '" + args.positional().front() + "'");
        return cmd->run(args, ctx);
    } catch (const UsageError& e) {
        err << "backprop-cli " << oneLine(e.what()) << "\n";
        return kExitUsage;
    } catch (const DivergenceError& e) {
        err << "backprop-cli: " << oneLine(e.what()) << "\n";
        return kExitDiverged;
    } catch (const std::exception& e) {
        err << "backprop-cli: " << oneLine(e.what()) << "\n";
        return kExitDataError;
    }
}

}  // namespace bp::cli
