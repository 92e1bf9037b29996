// Notebook.cpp — writes the book's Python for this network, cell by cell (see Notebook.h).
//
// The class follows the book's code line for line (chapter 2, "neural network code"): the same
// names (wih, who, hidden_inputs, hidden_outputs, final_outputs, output_errors, hidden_errors),
// the same comments, the same order of the updates (errors go back through a weight matrix before
// it changes). What the book's network does not have is written only when this one has it:
// deeper layers (w0, w1, …, hidden1_…), tanh or ReLU hidden layers, bias nodes, the exact
// gradient rule, mini-batches.
#include "bridges/Notebook.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "backprop/AtomicFile.h"
#include "backprop/Npy.h"
#include "backprop/Trainer.h"

namespace bp::bridges {
namespace {

namespace fs = std::filesystem;

// ---- text helpers -------------------------------------------------------------------------

// A JSON string literal (UTF-8 passes through; quotes, backslashes and controls escaped).
std::string jsonQuote(const std::string& s) {
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

// A Python string literal (double quotes), or None for "".
std::string pyString(const std::string& s) {
    if (s.empty()) return "None";
    std::string out = "\"";
    for (const char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "\"";
}

// The shortest decimal that reads back as the same double (Python's repr does the same).
std::string pyFloat(double v) {
    char buf[40];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    std::string s = buf;
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
    return s;
}

std::string grouped(std::uint64_t n) {
    std::string d = std::to_string(n), out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return out;
}

// ---- the network's names, as the book writes them -------------------------------------------

struct Names {
    int L = 2;         // weight layers
    bool book = true;  // one hidden layer: the book's wih / who, hidden_…
    bool allSigmoid = true;
    bool bias = false;
    bool gradient = false;  // ErrorRule::Gradient
    std::vector<int> nodes;
    std::vector<Activation> act;  // act[k]: activation of layer k ≥ 1

    std::string weight(int k) const {  // self.wih, self.who, self.w0, …
        const std::string file = npyNames(L)[static_cast<std::size_t>(k)];
        return "self." + file.substr(0, file.size() - 4);
    }
    std::string file(int k) const { return npyNames(L)[static_cast<std::size_t>(k)]; }
    std::string layer(int k) const {  // prefix of layer k's names
        if (k == L) return "final";
        return book ? "hidden" : "hidden" + std::to_string(k);
    }
    std::string outputs(int k) const { return k == 0 ? "inputs" : layer(k) + "_outputs"; }
    std::string netInputs(int k) const { return layer(k) + "_inputs"; }
    std::string errors(int k) const { return k == L ? "output_errors" : layer(k) + "_errors"; }
    std::string fn(int k) const {
        if (allSigmoid) return "self.activation_function";
        return k == L ? "self.output_activation" : "self.hidden_activation";
    }
    // f'(O) written through the output O, as the book does: O * (1 - O) for the sigmoid
    std::string slope(int k) const {
        const std::string o = outputs(k);
        switch (act[static_cast<std::size_t>(k)]) {
            case Activation::Tanh:
                return "(1.0 - " + o + " ** 2)";
            case Activation::ReLU:
                return "(" + o + " > 0)";
            case Activation::Sigmoid:
                break;
        }
        return o + " * (1.0 - " + o + ")";
    }
    // O_k as the next matrix multiplies it: with the bias node's constant 1 appended
    std::string fed(int k) const { return bias ? "with_bias(" + outputs(k) + ")" : outputs(k); }
};

Names namesOf(const Network& net) {
    Names n;
    n.L = net.weightLayers();
    n.book = n.L == 2;
    n.bias = net.spec().bias;
    n.gradient = net.spec().rule == ErrorRule::Gradient;
    n.nodes = net.spec().layers;
    n.act.push_back(Activation::Sigmoid);  // layer 0 has none
    for (int k = 1; k <= n.L; ++k) {
        n.act.push_back(net.activationOf(k));
        if (net.activationOf(k) != Activation::Sigmoid) n.allSigmoid = false;
    }
    return n;
}

std::string activationLambda(Activation a) {
    switch (a) {
        case Activation::Tanh:
            return "lambda x: numpy.tanh(x)";
        case Activation::ReLU:
            return "lambda x: numpy.maximum(x, 0.0)";
        case Activation::Sigmoid:
            break;
    }
    return "lambda x: 1.0 / (1.0 + numpy.exp(-x))";
}

std::string layerWord(const Names& n, int k) {
    if (k == 0) return "input";
    if (k == n.L) return "final output";
    return n.book ? "hidden" : "hidden " + std::to_string(k);
}

// The forward pass, indented for a method body.
void forwardLines(std::ostream& o, const Names& n) {
    for (int k = 0; k < n.L; ++k) {
        o << "        # calculate signals into " << layerWord(n, k + 1) << " layer\n";
        o << "        " << n.netInputs(k + 1) << " = numpy.dot(" << n.weight(k) << ", " << n.fed(k)
          << ")\n";
        o << "        # calculate the signals emerging from " << layerWord(n, k + 1) << " layer\n";
        o << "        " << n.outputs(k + 1) << " = " << n.fn(k + 1) << "(" << n.netInputs(k + 1)
          << ")\n";
    }
}

// Errors back and every weight matrix updated, last layer first; `rate` is the step's α.
void backwardLines(std::ostream& o, const Names& n, const std::string& rate) {
    o << "        # output layer error is the (target - actual)\n";
    o << "        output_errors = targets - final_outputs\n";
    for (int k = n.L - 1; k >= 0; --k) {
        if (k >= 1) {
            const std::string w =
                n.bias ? n.weight(k) + "[:, :-1]" : n.weight(k);  // the bias node has no error
            if (n.gradient) {
                o << "        # " << layerWord(n, k)
                  << " layer error: the errors times the slope, back through the weights\n"
                  << "        # (exact gradient descent; the book sends back the errors alone)\n";
                o << "        " << n.errors(k) << " = numpy.dot(" << w << ".T, " << n.errors(k + 1)
                  << " * " << n.slope(k + 1) << ")\n";
            } else {
                o << "        # " << layerWord(n, k) << " layer error is the " << n.errors(k + 1)
                  << ", split by weights, recombined at " << layerWord(n, k) << " nodes\n";
                o << "        " << n.errors(k) << " = numpy.dot(" << w << ".T, " << n.errors(k + 1)
                  << ")\n";
            }
        }
        o << "        # update the weights for the links between the " << layerWord(n, k) << " and "
          << layerWord(n, k + 1) << " layers\n";
        o << "        " << n.weight(k) << " += " << rate << " * numpy.dot((" << n.errors(k + 1)
          << " * " << n.slope(k + 1) << "), numpy.transpose(" << n.fed(k) << "))\n";
    }
}

std::string classCell(const Names& n, int batch) {
    std::ostringstream o;
    if (n.bias)
        o << "# the book has no bias nodes; this network has one in every layer but the last: a\n"
             "# constant 1 appended to the layer's outputs, its weights the last column of each "
             "matrix\n"
             "def with_bias(outputs):\n"
             "    return numpy.vstack([outputs, numpy.ones((1, outputs.shape[1]))])\n\n\n";
    o << "# neural network class definition\n";
    o << "class neuralNetwork:\n\n";
    o << "    # initialise the neural network\n";
    const std::string plus = n.bias ? " + 1" : "";
    if (n.book) {
        o << "    def __init__(self, inputnodes, hiddennodes, outputnodes, learningrate):\n";
        o << "        # set number of nodes in each input, hidden, output layer\n";
        o << "        self.inodes = inputnodes\n        self.hnodes = hiddennodes\n"
             "        self.onodes = outputnodes\n\n";
        o << "        # link weight matrices, wih and who\n";
        o << "        # weights inside the arrays are w_i_j, where link is from node i to node j "
             "in "
             "the next layer\n";
        o << "        # w11 w21\n        # w12 w22 etc\n";
        o << "        self.wih = numpy.random.normal(0.0, pow(self.inodes" << plus
          << ", -0.5), (self.hnodes, self.inodes" << plus << "))\n";
        o << "        self.who = numpy.random.normal(0.0, pow(self.hnodes" << plus
          << ", -0.5), (self.onodes, self.hnodes" << plus << "))\n\n";
    } else {
        o << "    def __init__(self, nodes, learningrate):\n";
        o << "        # number of nodes in each layer, input first\n";
        o << "        self.nodes = list(nodes)\n\n";
        o << "        # link weight matrices w0, w1, … (rows = next layer, columns = previous "
             "layer)\n";
        for (int k = 0; k < n.L; ++k)
            o << "        " << n.weight(k) << " = numpy.random.normal(0.0, pow(self.nodes[" << k
              << "]" << plus << ", -0.5), (self.nodes[" << k + 1 << "], self.nodes[" << k << "]"
              << plus << "))\n";
        o << "\n";
    }
    o << "        # learning rate\n        self.lr = learningrate\n\n";
    if (n.allSigmoid) {
        o << "        # activation function is the sigmoid function (the book's "
             "scipy.special.expit)\n";
        o << "        self.activation_function = " << activationLambda(Activation::Sigmoid)
          << "\n\n";
    } else {
        o << "        # activation functions: " << activationName(n.act[1])
          << " in the hidden layers, " << activationName(n.act[static_cast<std::size_t>(n.L)])
          << " at the output\n";
        o << "        self.hidden_activation = " << activationLambda(n.act[1]) << "\n";
        o << "        self.output_activation = "
          << activationLambda(n.act[static_cast<std::size_t>(n.L)]) << "\n\n";
    }
    o << "        pass\n\n";

    o << "    # train the neural network: one sample; returns its error sum((T - O)^2), the\n"
         "    # error Backprop Studio plots\n";
    o << "    def train(self, inputs_list, targets_list):\n";
    o << "        # convert inputs list to 2d array\n";
    o << "        inputs = numpy.array(inputs_list, ndmin=2).T\n";
    o << "        targets = numpy.array(targets_list, ndmin=2).T\n\n";
    forwardLines(o, n);
    o << "\n";
    backwardLines(o, n, "self.lr");
    o << "\n        return float(numpy.sum(output_errors ** 2))\n\n";

    if (batch > 1) {
        o << "    # train on a mini-batch: inputs and targets hold one sample per column; each\n"
             "    # weight moves by the mean of the samples' updates (learning rate / batch "
             "size)\n";
        o << "    def train_batch(self, inputs, targets):\n";
        forwardLines(o, n);
        o << "\n";
        backwardLines(o, n, "(self.lr / inputs.shape[1])");
        o << "\n        return numpy.sum(output_errors ** 2, axis=0)\n\n";
    }

    o << "    # query the neural network\n";
    o << "    def query(self, inputs_list):\n";
    o << "        # convert inputs list to 2d array\n";
    o << "        inputs = numpy.array(inputs_list, ndmin=2).T\n\n";
    forwardLines(o, n);
    o << "\n        return final_outputs\n";
    return o.str();
}

const char* kReaderCell =
    R"PY(# the data files as the book reads them: a list of lines "label,pixel,pixel,...".
# Reads the book's CSV (also gzip-compressed, with a header row, CRLF line ends or a BOM) and
# MNIST's original IDX files (an images file and its labels file), as Backprop Studio does.
def read_records(path, labels_path=None):
    def read_bytes(p):
        with open(p, 'rb') as f:
            data = f.read()
        return gzip.decompress(data) if data[:2] == b'\x1f\x8b' else data
    data = read_bytes(path)
    if data[:4] == b'\x00\x00\x08\x03':
        # IDX images: big-endian counts n, rows, columns, then n * rows * columns bytes
        n, rows, cols = (int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(3))
        pixels = numpy.frombuffer(data, numpy.uint8, n * rows * cols, 16).reshape(n, rows * cols)
        labels = numpy.frombuffer(read_bytes(labels_path), numpy.uint8, n, 8)
        return [str(l) + ',' + ','.join(map(str, p)) for l, p in zip(labels, pixels)]
    lines = data.decode('utf-8-sig').splitlines()
    # keep the sample lines: skip blank lines and a header row such as "label,pixel0,..."
    return [line for line in lines if line.split(',')[0].strip().isdigit()]
)PY";

const char* kEvaluateCell =
    R"PY(# test the neural network: the book's scorecard, over every record of the test data
def evaluate(n, test_data_list):
    # scorecard for how well the network performs, initially empty
    scorecard = []
    # go through all the records in the test data set
    for record in test_data_list:
        # split the record by the ',' commas
        all_values = record.split(',')
        # correct answer is first value
        correct_label = int(all_values[0])
        # scale and shift the inputs (the book's numpy.asfarray, in today's NumPy)
        inputs = (numpy.asarray(all_values[1:], dtype=float) / 255.0 * 0.99) + 0.01
        # query the network
        outputs = n.query(inputs)
        # the index of the highest value corresponds to the label
        label = numpy.argmax(outputs)
        # append correct or incorrect to list
        if (label == correct_label):
            # network's answer matches correct answer, add 1 to scorecard
            scorecard.append(1)
        else:
            # network's answer doesn't match correct answer, add 0 to scorecard
            scorecard.append(0)
    # the performance score is the fraction of correct answers
    scorecard_array = numpy.asarray(scorecard)
    print("test_accuracy = %.4f (%d of %d correct)"
          % (scorecard_array.sum() / scorecard_array.size, scorecard_array.sum(), scorecard_array.size))

if test_data_path is None:
    print("no test data was named when this notebook was exported: set test_data_path above")
else:
    test_data_list = read_records(test_data_path, test_labels_path)
    evaluate(n, test_data_list)
)PY";

// ---- the notebook -----------------------------------------------------------------------------

struct Cell {
    bool code;
    std::string text;
};

std::string cellJson(const Cell& c) {
    std::string src = "[";
    std::size_t start = 0;
    bool first = true;
    while (start < c.text.size()) {
        std::size_t end = c.text.find('\n', start);
        end = end == std::string::npos ? c.text.size() : end + 1;
        if (!first) src += ",\n    ";
        src += jsonQuote(c.text.substr(start, end - start));
        first = false;
        start = end;
    }
    src += "]";
    std::string j = "  {\n   \"cell_type\": ";
    j += c.code ? "\"code\",\n   \"execution_count\": null,\n   \"metadata\": {},\n   "
                  "\"outputs\": [],\n"
                : "\"markdown\",\n   \"metadata\": {},\n";
    j += "   \"source\": " + src + "\n  }";
    return j;
}

std::string describeRun(const Network& net, const NotebookSource& s) {
    std::string d = net.spec().describe() + " network";
    d += net.spec().bias ? ", with bias nodes" : "";
    d += net.spec().rule == ErrorRule::Gradient ? ", exact gradient rule" : "";
    d += ", trained on " + grouped(s.training.samplesSeen) + " samples at learning rate " +
         pyFloat(s.training.learningRate) + ",";
    d += s.training.batch > 1 ? " in mini-batches of " + std::to_string(s.training.batch)
                              : " one sample at a time";
    d += s.training.shuffle ? ", shuffled" : ", in file order";
    return d;
}

}  // namespace

std::string notebookJson(const Network& net, const NotebookSource& s,
                         const std::string& weightsDir) {
    const Names n = namesOf(net);
    const std::string dir = weightsDir.empty() ? std::string() : weightsDir + "/";
    std::vector<Cell> cells;

    {
        std::ostringstream o;
        o << "# " << (s.title.empty() ? std::string("The network from Backprop Studio") : s.title)
          << "\n\n";
        o << "A " << describeRun(net, s) << ".\n\n";
        o << "This notebook carries it on in Python, in the style of *Make Your Own Neural "
             "Network*: the book's `neuralNetwork` class (NumPy only), the network's weights from "
             "`"
          << dir
          << "` (as `numpy.save` writes them; rows are the next layer, columns the previous "
             "one, as in the book), the run's data files, the book's test of the network, "
             "and one more epoch of training that goes on exactly where the run stopped.\n\n"
             "Run the cells in order (Cell ▸ Run All).";
        cells.push_back({false, o.str()});
    }
    cells.push_back(
        {true,
         "# numpy provides arrays and useful functions for working with them\n"
         "import numpy\n"
         "# gzip reads compressed data files, os makes a folder for the saved weights\n"
         "import gzip\nimport os\n\n"
         "# a saturated sigmoid's exp(-x) may overflow to infinity, which gives the right "
         "0.0: no warning\n_ = numpy.seterr(over='ignore')"});
    cells.push_back({true, classCell(n, s.training.batch)});
    cells.push_back({true, kReaderCell});
    {
        std::ostringstream o;
        o << "# the run's data files (as the studio had them)\n";
        o << "training_data_path = " << pyString(s.trainData) << "\n";
        o << "training_labels_path = " << pyString(s.trainLabels) << "\n";
        o << "test_data_path = " << pyString(s.testData) << "\n";
        o << "test_labels_path = " << pyString(s.testLabels) << "\n\n";
        if (n.book) {
            o << "# number of input, hidden and output nodes\n";
            o << "input_nodes = " << n.nodes[0] << "\nhidden_nodes = " << n.nodes[1]
              << "\noutput_nodes = " << n.nodes[2] << "\n\n";
        } else {
            o << "# number of nodes in each layer, input first\n";
            o << "nodes = [";
            for (std::size_t i = 0; i < n.nodes.size(); ++i) o << (i ? ", " : "") << n.nodes[i];
            o << "]\noutput_nodes = " << n.nodes.back() << "\n\n";
        }
        o << "# learning rate of the run\nlearning_rate = " << pyFloat(s.training.learningRate)
          << "\n\n";
        o << "# create instance of neural network\n";
        o << (n.book ? "n = neuralNetwork(input_nodes, hidden_nodes, output_nodes, learning_rate)\n"
                     : "n = neuralNetwork(nodes, learning_rate)\n");
        o << "\n# the weights Backprop Studio trained, in place of the random ones\n";
        for (int k = 0; k < n.L; ++k)
            o << "n." << n.weight(k).substr(5) << " = numpy.load(\"" << dir << n.file(k) << "\")\n";
        o << "print(\"weights:\", ";
        for (int k = 0; k < n.L; ++k)
            o << (k ? ", " : "") << "n." << n.weight(k).substr(5) << ".shape";
        o << ")";
        cells.push_back({true, o.str()});
    }
    cells.push_back({false,
                     "## Test the network\n\nThe book's scorecard over the test data: the same "
                     "figure as `backprop-cli eval` and the studio's test accuracy."});
    cells.push_back({true, kEvaluateCell});
    {
        std::ostringstream m;
        m << "## Train one more epoch\n\nThe run has seen " << grouped(s.training.samplesSeen)
          << " samples. This cell goes on from there as the studio would: ";
        m << "if that is inside an epoch it trains the rest of it, else a whole new epoch; "
          << (s.training.shuffle ? "in the run's shuffled order (saved in `" + dir + "order.npy`)"
                                 : "in file order")
          << ", at learning rate " << pyFloat(s.training.learningRate)
          << (s.training.batch > 1 ? ", in mini-batches of " + std::to_string(s.training.batch)
                                   : ", one sample at a time (the book's way)")
          << ". The weights it ends with agree with the studio's (or `backprop-cli train "
             "--resume`) after the same epoch to 1e-9.";
        cells.push_back({false, m.str()});

        std::ostringstream o;
        o << "if training_data_path is None:\n"
             "    raise SystemExit(\"no training data was named when this notebook was exported: "
             "set training_data_path above\")\n\n";
        o << "# load the training data into a list\n";
        o << "training_data_list = read_records(training_data_path, training_labels_path)\n\n";
        o << "# where the run stopped: samples seen, and the place in the epoch they give\n";
        o << "samples_seen = " << s.training.samplesSeen << "\n";
        o << "start = samples_seen % len(training_data_list)\n";
        if (s.training.shuffle) {
            o << "# the run's shuffled order of this epoch, from that place on (Backprop Studio "
                 "draws it\n# from the seed "
              << s.shuffleSeed << " and the epoch's number)\n";
            o << "assert len(training_data_list) == " << s.trainRows
              << ", \"the training file is not the one the order was made for\"\n";
            o << "order = numpy.load(\"" << dir << "order.npy\")[:, 0].astype(int)\n";
        } else {
            o << "# the book's file order, from that place on\n";
            o << "order = numpy.arange(start, len(training_data_list))\n";
        }
        o << "\ndef scaled_inputs_and_targets(record):\n";
        o << "    # split the record by the ',' commas\n";
        o << "    all_values = record.split(',')\n";
        o << "    # scale and shift the inputs\n";
        o << "    inputs = (numpy.asarray(all_values[1:], dtype=float) / 255.0 * 0.99) + 0.01\n";
        o << "    # create the target output values (all 0.01, except the desired label which is "
             "0.99)\n";
        o << "    targets = numpy.zeros(output_nodes) + 0.01\n";
        o << "    # all_values[0] is the target label for this record\n";
        o << "    targets[int(all_values[0])] = 0.99\n";
        o << "    return inputs, targets\n\n";
        o << "epoch_errors = []\n";
        if (s.training.batch > 1) {
            o << "batch = " << s.training.batch << "\n";
            o << "for b in range(0, len(order), batch):\n";
            o << "    pairs = [scaled_inputs_and_targets(training_data_list[i]) for i in order[b:b "
                 "+ "
                 "batch]]\n";
            o << "    inputs = numpy.array([p[0] for p in pairs]).T\n";
            o << "    targets = numpy.array([p[1] for p in pairs]).T\n";
            o << "    epoch_errors.extend(n.train_batch(inputs, targets))\n";
        } else {
            o << "for i in order:\n";
            o << "    inputs, targets = scaled_inputs_and_targets(training_data_list[i])\n";
            o << "    epoch_errors.append(n.train(inputs, targets))\n";
        }
        o << "\nprint(\"trained %d samples, mean_error = %.15g\" % (len(epoch_errors), "
             "numpy.mean(epoch_errors)))\n";
        o << "if test_data_path is not None:\n    evaluate(n, test_data_list)";
        cells.push_back({true, o.str()});
    }
    {
        std::ostringstream o;
        o << "# save the weights after the extra epoch (backprop-cli train --init-npy reads them, "
             "as does the book's\n# numpy.load)\n";
        o << "os.makedirs(\"" << dir << "next_epoch\", exist_ok=True)\n";
        for (int k = 0; k < n.L; ++k)
            o << "numpy.save(\"" << dir << "next_epoch/" << n.file(k) << "\", n."
              << n.weight(k).substr(5) << ")\n";
        o << "print(\"saved to " << dir << "next_epoch/\")";
        cells.push_back({true, o.str()});
    }

    std::string j = "{\n \"cells\": [\n";
    for (std::size_t i = 0; i < cells.size(); ++i) j += (i ? ",\n" : "") + cellJson(cells[i]);
    j += "\n ],\n";
    j += " \"metadata\": {\n"
         "  \"kernelspec\": {\"display_name\": \"Python 3\", \"language\": \"python\", "
         "\"name\": \"python3\"},\n"
         "  \"language_info\": {\"name\": \"python\"},\n"
         "  \"backprop_studio\": {\"version\": \"" BP_VERSION
         "\"}\n"
         " },\n";
    j += " \"nbformat\": 4,\n \"nbformat_minor\": 4\n}\n";
    return j;
}

NotebookFiles exportNotebook(const std::string& path, const Network& net,
                             const NotebookSource& source) {
    if (source.training.shuffle && source.trainRows == 0)
        throw ExportError(path +
                          ": a shuffled run's notebook needs its training data (for the "
                          "order of the next epoch)");
    const fs::path nb(path);
    const std::string stem = nb.stem().string();
    const std::string weightsName = stem + "_weights";
    const fs::path dir = (nb.has_parent_path() ? nb.parent_path() : fs::path(".")) / weightsName;
    NotebookFiles files;
    files.notebook = path;
    files.weightsDir = dir.string();

    NotebookSource s = source;  // data paths absolute: the notebook runs from its own folder
    for (std::string* p : {&s.trainData, &s.trainLabels, &s.testData, &s.testLabels})
        if (!p->empty()) *p = fs::absolute(*p).lexically_normal().string();
    const std::string json = notebookJson(net, s, weightsName);

    try {
        exportNpy(net, dir.string());
        for (const std::string& name : npyNames(net.weightLayers()))
            files.files.push_back((dir / name).string());
        if (s.training.shuffle) {  // the rest of this epoch's order, as the trainer would go
            const std::uint64_t rows = s.trainRows;
            const int epoch = static_cast<int>(s.training.samplesSeen / rows) + 1;
            const std::size_t start = static_cast<std::size_t>(s.training.samplesSeen % rows);
            const std::vector<std::size_t> order = epochOrder(s.trainRows, s.shuffleSeed, epoch);
            Matrix column(static_cast<Eigen::Index>(rows - start), 1);
            for (std::size_t p = start; p < rows; ++p)
                column(static_cast<Eigen::Index>(p - start), 0) = static_cast<double>(order[p]);
            const std::string orderPath = (dir / "order.npy").string();
            writeNpy(orderPath, column);
            files.files.push_back(orderPath);
        }
    } catch (const NpyError& e) {
        throw ExportError(e.what());
    }
    try {
        writeFileAtomically(path, std::vector<char>(json.begin(), json.end()));
    } catch (const std::exception& e) {
        throw ExportError(path + ": " + e.what());
    }
    files.files.insert(files.files.begin(), path);
    return files;
}

}  // namespace bp::bridges
