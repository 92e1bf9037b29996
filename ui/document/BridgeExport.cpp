// BridgeExport.cpp — the notebook and ONNX exports of the studio (bridges/).
#include "document/BridgeExport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>

#include "backprop/AtomicFile.h"
#include "backprop/DatasetIO.h"
#include "bridges/Notebook.h"
#include "bridges/Onnx.h"
#include "training/DatasetLoader.h"
#include "training/TrainingController.h"

namespace bps::BridgeExport {

namespace {

// Translation context of the messages ("BridgeExport"): lupdate reads Text::tr calls.
class Text {
    Q_DECLARE_TR_FUNCTIONS(BridgeExport)
};

std::string encoded(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

QString decoded(const std::string& path) {
    return QFile::decodeName(QByteArray::fromStdString(path));
}

bool isFile(const QString& path) {
    return !path.isEmpty() && !path.startsWith(QLatin1Char(':')) && QFileInfo(path).isFile();
}

// The labels file of an IDX images file, found as the loader finds it; "" for CSV (the same
// rule as backprop-cli export).
std::string idxLabelsOf(const std::string& path) {
    const bool idx =
        path.find("ubyte") != std::string::npos || path.find("idx") != std::string::npos;
    return idx ? bp::idxLabelsPathFor(path) : std::string();
}

// Where the notebook reads a data set from: its file when it came from one, else a copy beside
// the notebook (an embedded set as it is embedded, any other set as the book's CSV, gzipped).
// Returns the file written, or "" when the set's own file is named.
QString placeData(const DataSource& d, const QString& dataDir, const QString& fallbackName,
                  std::string& path, std::string& labels) {
    if (!d.data) return {};
    if (isFile(d.path)) {
        path = encoded(QFileInfo(d.path).absoluteFilePath());
        labels = idxLabelsOf(path);
        return {};
    }
    if (!QDir().mkpath(dataDir))
        throw std::runtime_error(encoded(QDir::toNativeSeparators(dataDir)) +
                                 ": cannot create the folder");
    QString out;
    if (d.path.startsWith(QLatin1Char(':'))) {
        out = QDir(dataDir).filePath(QFileInfo(d.path).fileName());
        QFile resource(d.path);
        if (!resource.open(QIODevice::ReadOnly))
            throw std::runtime_error(encoded(d.path) + ": cannot read the embedded data");
        const QByteArray bytes = resource.readAll();
        bp::writeFileAtomically(
            encoded(out),
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    } else {
        out = QDir(dataDir).filePath(fallbackName);
        bp::saveCsv(*d.data, encoded(out));
    }
    path = encoded(out);
    labels.clear();
    return out;
}

}  // namespace

QString dataFolderFor(const QString& notebookPath) {
    const QFileInfo nb(notebookPath);
    return nb.dir().filePath(nb.completeBaseName() + QStringLiteral("_data"));
}

std::optional<Job> gather(Kind kind, const QString& path, TrainingController& controller,
                          const DatasetLoader* loader) {
    controller.sync();  // the newest weights are published
    const SnapshotPtr s = controller.lastSnapshot();
    if (!s) return std::nullopt;
    Job job;
    job.kind = kind;
    job.path = path;
    job.network = bp::Network(s->spec);
    for (int k = 0; k < job.network.weightLayers(); ++k)
        job.network.setWeights(k, s->weights[static_cast<std::size_t>(k)]);
    const bp::TrainOptions options = controller.options();
    job.training.learningRate = s->learningRate;  // the checkpoint's when one is viewed
    job.training.batch = std::max(1, options.batch);
    job.training.shuffle = options.shuffle;
    job.training.samplesSeen = s->samplesSeen;
    job.training.epochsTrained =
        s->samplesPerEpoch > 0 ? static_cast<int>(s->samplesSeen / s->samplesPerEpoch) : 0;
    job.shuffleSeed = options.shuffleSeed;
    job.checkpoint = !s->live;
    const auto source = [loader](DatasetLoader::Role role, const DatasetPtr& data) {
        DataSource d;
        d.data = data;
        // The loaded file's path only if the run trains on that very set (not a lesson's).
        if (data && loader && loader->current(role) == data) d.path = loader->currentPath(role);
        return d;
    };
    job.train = source(DatasetLoader::Role::Training, controller.trainingSet());
    job.test = source(DatasetLoader::Role::Test, controller.testSet());
    return job;
}

Result write(const Job& job) {
    QElapsedTimer clock;
    clock.start();
    Result r;
    try {
        if (job.kind == Kind::Onnx) {
            bp::bridges::exportOnnx(encoded(job.path), job.network, job.training);
            r.files << job.path;
        } else {
            bp::bridges::NotebookSource source;
            source.training = job.training;
            source.shuffleSeed = job.shuffleSeed;
            source.trainRows = job.train.data ? job.train.data->rows() : 0;
            const QString dataDir = dataFolderFor(job.path);
            QStringList dataFiles;
            for (const QString& f :
                 {placeData(job.train, dataDir, QStringLiteral("training.csv.gz"), source.trainData,
                            source.trainLabels),
                  placeData(job.test, dataDir, QStringLiteral("test.csv.gz"), source.testData,
                            source.testLabels)})
                if (!f.isEmpty()) dataFiles << f;
            const bp::bridges::NotebookFiles files =
                bp::bridges::exportNotebook(encoded(job.path), job.network, source);
            for (const std::string& f : files.files) r.files << decoded(f);
            r.files << dataFiles;
            r.weightsDir = decoded(files.weightsDir);
        }
    } catch (const std::exception& e) {
        const QString what = QString::fromStdString(e.what());
        const QString file = QDir::toNativeSeparators(job.path);
        r.error = job.kind == Kind::Onnx
                      ? Text::tr("Could not export the ONNX model %1:\n%2").arg(file, what)
                      : Text::tr("Could not export the notebook %1:\n%2").arg(file, what);
        r.files.clear();
        r.weightsDir.clear();
    }
    r.elapsedMs = clock.elapsed();
    return r;
}

}  // namespace bps::BridgeExport
