// BridgeExport.h — File ▸ Export ▸ Notebook… and ONNX model…: the network the studio shows,
// carried out through bridges/ (bridges/Notebook.h, bridges/Onnx.h), as backprop-cli export does.
//
// gather() takes what the export needs on the GUI thread, as values (the network the views show:
// the timeline's checkpoint when one is viewed, else the live one, as every other export and a
// saved session do); write() touches no widget and no controller, so ExportActions runs it on a
// worker thread. A notebook names the run's data files by their paths; data that are not a file
// (the embedded sets, a lesson's set) are written beside it, in <stem>_data/, so the notebook
// runs where it is:
//   lesson.ipynb                 the notebook (bridges::exportNotebook)
//   lesson_weights/wih.npy …     its weights (and order.npy for a shuffled run)
//   lesson_data/mnist_train_5000.csv.gz …   the embedded sets as they are embedded, or a
//                                lesson's set as training.csv.gz / test.csv.gz (bp::saveCsv)
#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

#include "backprop/ModelFile.h"
#include "backprop/Network.h"
#include "training/DatasetPtr.h"

namespace bps {

class DatasetLoader;
class TrainingController;

namespace BridgeExport {

enum class Kind { Notebook, Onnx };

// One data set of the run.
struct DataSource {
    QString path;     // the file it was loaded from, a ":/…" resource, or "" (not from a file)
    DatasetPtr data;  // the set itself (null: the run has none)
};

// Everything one export writes from.
struct Job {
    Kind kind = Kind::Onnx;
    QString path;                   // the .ipynb or .onnx file
    bp::Network network;            // the weights the views show
    bp::TrainingRecord training;    // α, batch, shuffle and samples seen of that network
    std::uint64_t shuffleSeed = 1;  // the run's shuffled order is drawn from it
    DataSource train, test;         // the notebook's data (ignored for ONNX)
    bool checkpoint = false;        // the network is a timeline checkpoint, not the live one
};

// What write() did.
struct Result {
    QString error;         // empty on success, else a sentence naming the file and the reason
    QStringList files;     // every file written, the notebook or model first
    QString weightsDir;    // the notebook's weights folder ("" for ONNX)
    qint64 elapsedMs = 0;  // time the writing took
};

// The job for the network the studio shows now (waits for the worker's newest values); nullopt
// before the controller has published a network. loader may be null (the data are then written
// beside the notebook).
std::optional<Job> gather(Kind kind, const QString& path, TrainingController& controller,
                          const DatasetLoader* loader);

// Writes the job's files. Safe on any thread.
Result write(const Job& job);

// The folder beside a notebook that data not from a file go into ("…/lesson_data").
QString dataFolderFor(const QString& notebookPath);

}  // namespace BridgeExport
}  // namespace bps
