// Notebook.h — the trained network as a Jupyter notebook in the book's own style, so a reader
// of "Make Your Own Neural Network" carries on in Python with the network the studio trained.
//
// exportNotebook("out.ipynb", …) writes
//   out.ipynb              nbformat 4: the book's neuralNetwork class (NumPy only), written for
//                          this network's layers, activations, bias nodes and error rule; a
//                          reader for the run's data files (the book's CSV, .gz, header rows,
//                          MNIST IDX); cells that load the weights, evaluate the test set and
//                          print "test_accuracy = 0.XXXX (k of n correct)" — the same figure as
//                          `backprop-cli eval` —, train one more epoch exactly as the run would
//                          go on (same position, same order, same α and batch: the weights agree
//                          with the studio's or `backprop-cli train --resume` to 1e-9), and save
//                          the weights after it.
//   out_weights/wih.npy …  the weights (the names of bp::npyNames), float64, as numpy.save
//   out_weights/order.npy  for a shuffled run: the sample indices the next epoch visits
// Data paths are written as absolute paths; the weights folder relative to the notebook, so the
// two move together. The notebook is written atomically (core's AtomicFile); the .npy files by
// core's writeNpy (bp::exportNpy), which issue 12 moves onto the same atomic save.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "backprop/ModelFile.h"
#include "backprop/Network.h"

namespace bp::bridges {

// Any failure to write the notebook or its files; what() names the file.
class ExportError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What the notebook needs to know of the run besides the network.
struct NotebookSource {
    std::string title;              // first heading ("" = "The network from Backprop Studio")
    std::string trainData;          // training data path ("" = the training cells ask for one)
    std::string trainLabels;        // IDX: the labels file beside trainData ("" for CSV)
    std::size_t trainRows = 0;      // rows of trainData (for a shuffled run's order)
    std::string testData;           // test data path ("" = the evaluation cell asks for one)
    std::string testLabels;         // IDX: the labels file beside testData
    TrainingRecord training;        // α, batch, shuffle, samples seen so far
    std::uint64_t shuffleSeed = 1;  // seed of the shuffled order (the CLI uses the model's seed)
};

// What exportNotebook wrote.
struct NotebookFiles {
    std::string notebook;            // the .ipynb
    std::string weightsDir;          // the folder of .npy files beside it
    std::vector<std::string> files;  // every file written, the notebook first
};

// The notebook's JSON for `net`, reading its weights from `weightsDir` (relative to the notebook).
std::string notebookJson(const Network& net, const NotebookSource& source,
                         const std::string& weightsDir);

// Writes the notebook and its weights folder (<stem>_weights beside it). Throws ExportError.
// A shuffled run needs source.trainRows (the order file lists them); throws ExportError if 0.
NotebookFiles exportNotebook(const std::string& path, const Network& net,
                             const NotebookSource& source);

}  // namespace bp::bridges
