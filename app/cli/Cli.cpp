// Cli.cpp — command dispatch, help texts and the mapping of errors to exit statuses.
#include "Cli.h"

#include <ostream>
#include <string>
#include <vector>

#include "Args.h"
#include "Commands.h"
#include "backprop/FileText.h"
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
  export     a saved model as a Jupyter notebook in the book's style, or as an ONNX model
  class-host host a class: students' runs arrive over the room's network (class mode)
  class-join join a class and train as 'train' does, sending the run to the teacher

Data files: MNIST CSV (label, then the pixels; header row, CRLF, BOM allowed; .csv.gz too)
and IDX (*-images-idx3-ubyte with *-labels-idx1-ubyte beside it, .gz allowed).

  backprop-cli COMMAND --help    options of one command
  backprop-cli --version

Exit status: 0 success, 1 bad data/model file or I/O error, 2 usage error, 3 training diverged,
130 interrupted (Ctrl-C; train --save saves first). Every file is written whole or not at all.
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
  --threads N           threads sharing the first weight matrix's rows in per-sample training
                        (default: every core this process may use; more than that are not
                        started); the result is the same, bit for bit, for any N
  --precision P         double (default, the book's float64) or float: the first weight matrix
                        in float32, faster, not bit-identical (per-sample training only)
  --limit N             use only the first N training rows
  --augment-rotate DEG  also train on each image turned by +DEG and −DEG degrees (the book
                        uses 10): three times the samples; needs square images
  --activation NAME     hidden-layer activation: sigmoid (default), tanh or relu;
                        the output layer is always sigmoid
  --bias                add a bias node to every non-output layer (the book has none)
  --rule NAME           book (default: errors travel back as Wᵀ·E) or gradient (Wᵀ·(E∘f'))
  --init-npy DIR        start from DIR/wih.npy and DIR/who.npy (w0.npy, w1.npy … for other depths)
  --export-npy DIR      write the trained weights as .npy files into DIR
  --save MODEL          save the trained model (.bpm, see docs/MODEL_FORMAT.md); its folder is
                        checked before training, and it may not be the --train or --test file;
                        Ctrl-C stops after the current sample, saves, and exits with status 130
  --json                one JSON object per epoch: epoch, epochs, seconds (training loop of the
                        epoch), mean_error, test_accuracy (null without --test), samples,
                        learning_rate, threads, precision
  --quiet               no header line, no progress bar, no "saved" messages
  --resume MODEL        go on with MODEL's network where its training stopped: the same epoch,
                        the same place in the same order (the model's seed shuffles), at its
                        learning rate and batch unless --lr / --batch say otherwise; --epochs 1
                        finishes the epoch it stopped in (or trains a whole one from a boundary)
  --diagnose            look at the network every tenth of an epoch and print, after training,
                        the first trouble seen: diverges, stalls or oscillates, with its numbers
                        and the last good moment (or that none was seen); with --json an object
                        {"diagnosis", "at_sample", "last_good_sample", "message"}
A progress bar is drawn on stderr when stderr is a terminal.
)HELP";

constexpr const char* kExportHelp =
    R"HELP(Usage: backprop-cli export --model MODEL (--notebook FILE.ipynb | --onnx FILE.onnx)

Carries a saved model on into other tools (docs/TAKING_IT_FURTHER.md).

  --notebook FILE.ipynb  a Jupyter notebook in the book's style: its neuralNetwork class with
                         NumPy, the weights (written as .npy files into FILE_weights/ beside
                         it), a cell that evaluates the test data and prints
                         "test_accuracy = 0.XXXX (k of n correct)" as eval does, a cell that
                         trains one more epoch exactly as `train --resume` would (1e-9), and
                         one that saves the weights after it
  --test FILE            the test data the notebook evaluates (its path goes into the notebook)
  --train FILE           the training data the notebook's extra epoch goes on with (needed for
                         a shuffled model: the order of its next epoch is written down)
  --onnx FILE.onnx       the network as an ONNX model, opset 13: input "input" float64
                         [N, inputs] of raw values 0-255 (the CSV's numbers; the graph scales
                         them x/255*0.99+0.01 as the book does), output "output" [N, outputs]
Both may be given. Files are written whole or not at all.
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

constexpr const char* kClassHostHelp =
    R"HELP(Usage: backprop-cli class-host --port P --code C [--report FILE.csv] [--duration S]

Hosts a class (class mode, docs/CLASSROOM_PROTOCOL.md) without a display: students join with
the code (backprop-cli class-join, or Class > Join a class in the studio) and their runs
arrive here. Prints who joins and leaves; stops after S seconds, or on Ctrl-C.

  --port P              TCP port to listen on (1-65535)
  --code C              the join code: 4 to 16 letters or digits (not case-sensitive)
  --report FILE.csv     one row per epoch result received:
                        name,learning_rate,hidden,epoch,test_accuracy,samples_seen
                        (written as results arrive; complete when the host stops)
  --duration S          stop after S seconds (default: run until interrupted)
  --listen ADDRESS      listen on this address only (default: every address; 127.0.0.1 for
                        this computer alone)
  --max-students N      connections accepted at once (default 80)
On exit prints the number of students and results, and what was refused (by kind).
)HELP";

constexpr const char* kClassJoinHelp =
    R"HELP(Usage: backprop-cli class-join --host ADDRESS:P --code C --name N [TRAIN OPTIONS]

Joins the class at ADDRESS:P with its code and a display name, trains exactly as
'backprop-cli train' does with the TRAIN OPTIONS that follow (see 'backprop-cli train --help')
and sends the run to the teacher: network shape, learning rate, the running error
(downsampled) and each epoch's test accuracy, at most 10 messages a second.
If the teacher's host is away, training goes on and the client tries again every few seconds;
results wait (up to 500) and are sent when it is back.

  --host ADDRESS:P      the teacher's computer and port (e.g. 192.168.1.20:5710, [::1]:5710)
  --code C              the class's join code
  --name N              your name as the class sees it: 1 to 24 letters, digits, spaces, - _ . '
  --wait S              after training, wait up to S seconds for every result to reach the
                        teacher (default 10)
Exit status as train; also 1 when results could not be delivered in time.
)HELP";

struct Command {
    const char* name;
    const char* help;
    std::vector<OptionSpec> options;
    int (*run)(const Args&, Context&);
};

std::vector<OptionSpec> classJoinOptions() {
    std::vector<OptionSpec> list = {{"host"}, {"code"}, {"name"}, {"wait"}};
    const std::vector<OptionSpec>& t = trainOptions();
    list.insert(list.end(), t.begin(), t.end());
    return list;
}

const std::vector<Command>& commands() {
    static const std::vector<Command> list = {
        {"train", kTrainHelp, trainOptions(), &train},
        {"eval", kEvalHelp, {{"model"}, {"test"}, {"json", false}}, &eval},
        {"query", kQueryHelp, {{"model"}, {"input"}, {"row"}, {"json", false}}, &query},
        {"backquery",
         kBackqueryHelp,
         {{"model"}, {"label"}, {"out"}, {"scale"}, {"white-on-black", false}},
         &backquery},
        {"convert", kConvertHelp, {{"to"}, {"quiet", false}}, &convert},
        {"info", kInfoHelp, {{"json", false}}, &info},
        {"export",
         kExportHelp,
         {{"model"}, {"notebook"}, {"onnx"}, {"test"}, {"train"}},
         &exportModel},
        {"class-host",
         kClassHostHelp,
         {{"port"}, {"code"}, {"report"}, {"duration"}, {"listen"}, {"max-students"}},
         &classHost},
        {"class-join", kClassJoinHelp, classJoinOptions(), &classJoin},
    };
    return list;
}

// what() as one line for a terminal: newlines and tabs become spaces, and whatever came from
// a file or the command line (a path, a value, a header field) has its control bytes and
// non-UTF-8 bytes written as \xNN — the one place every error message leaves through, so no
// ESC sequence reaches the terminal whichever code quoted it.
std::string oneLine(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return printable(s, std::size_t{1} << 16);
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
        err << "backprop-cli: unknown command '" << printable(first)
            << "' (see 'backprop-cli --help')\n";
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
