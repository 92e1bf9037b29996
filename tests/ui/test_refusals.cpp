// test_refusals.cpp — nothing the studio is handed can abort or hang it (issue 12):
//   - what a file on the command line is (SessionManager::kindOf) is decided without waiting:
//     a FIFO with no writer, /dev/zero, a folder; the loader then refuses them naming the path;
//   - a network too large for this computer's memory, or a data set too wide for the network's
//     hidden layers, is refused by the controller before anything is allocated, with a message
//     saying how much memory was asked (and naming the file), and the studio goes on as it was;
//   - a session whose network does not fit the loaded training set says so and leaves the
//     network as it is, instead of silently making a fresh random one; a session whose training
//     set no network can be built on is refused by the loader naming the file and the limit;
//   - the studio's exports go through the core's atomic save: a set of weight files whole or
//     none, a symbolic link kept as a link.
#include <sys/stat.h>

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "backprop/DatasetIO.h"
#include "backprop/Limits.h"
#include "document/Exporter.h"
#include "document/SessionManager.h"
#include "training/DatasetLoader.h"
#include "training/TrainingController.h"

using bps::DatasetLoader;
using bps::SessionManager;
using bps::TrainingController;

namespace {

std::shared_ptr<const bp::Dataset> builtIn() {
    return std::make_shared<const bp::Dataset>(
        bp::loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/mnist_train_100.csv"));
}

// One sample of `inputs` values: as wide as the loaders accept at most.
std::shared_ptr<const bp::Dataset> wideSet(int inputs) {
    auto d = std::make_shared<bp::Dataset>();
    d->source = "wide.csv";
    d->inputs = inputs;
    d->pixels.assign(static_cast<std::size_t>(inputs), 7);
    d->labels = {3};
    return d;
}

std::uint64_t samplesSeen(TrainingController& c) {
    c.sync();
    return c.lastSnapshot() ? c.lastSnapshot()->samplesSeen : 0;
}

}  // namespace

class TestRefusals : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Returning at all is the test: open() on a FIFO with no writer used to wait forever.
    void kindOfNeverWaits() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("fifo.bps"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QCOMPARE(SessionManager::kindOf(fifo), SessionManager::FileKind::Dataset);
        QCOMPARE(SessionManager::kindOf(dir.path()), SessionManager::FileKind::Dataset);
        QCOMPARE(SessionManager::kindOf(QStringLiteral("/dev/zero")),
                 SessionManager::FileKind::Dataset);
        QCOMPARE(SessionManager::kindOf(dir.filePath(QStringLiteral("none"))),
                 SessionManager::FileKind::Missing);
        QFile session(dir.filePath(QStringLiteral("s.bps")));
        QVERIFY(session.open(QIODevice::WriteOnly));
        session.write("BPSESSION 1\n");
        session.close();
        QCOMPARE(SessionManager::kindOf(session.fileName()), SessionManager::FileKind::Session);
    }

    // What kindOf calls data, the loader refuses on its worker, naming the path.
    void loaderRefusesFifoFolderAndZeros() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("fifo.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        for (const QString& path : {fifo, dir.path(), QStringLiteral("/dev/zero")}) {
            const DatasetLoader::Result r = DatasetLoader::loadNow(path);
            QVERIFY2(!r.data, qPrintable(path));
            QVERIFY2(r.error.contains(path), qPrintable(r.error));
        }
    }

    void controllerRefusesANetworkTooLargeForMemory() {
        TrainingController c;
        c.setDatasets(builtIn(), nullptr);
        const bp::NetworkSpec before = c.spec();
        QSignalSpy refused(&c, &TrainingController::networkRefused);
        bp::NetworkSpec huge = before;
        huge.layers = {784, bp::kMaxLayerNeurons, bp::kMaxLayerNeurons, 10};  // 10^12 weights
        QVERIFY(!c.setNetworkSpec(huge, c.options()));
        QCOMPARE(refused.count(), 1);
        const QString message = refused.front().front().toString();
        QVERIFY2(message.contains(QStringLiteral("needs")) &&
                     message.contains(QStringLiteral("of memory")),
                 qPrintable(message));
        QCOMPARE(c.spec().layers, before.layers);
        c.stepSample();  // the network of before still trains
        QTRY_COMPARE_WITH_TIMEOUT(samplesSeen(c), std::uint64_t{1}, 10000);
    }

    // The widest set the loaders accept, under hidden layers whose weights on it would not fit.
    void controllerRefusesDataTooWideForTheNetwork() {
        const std::uint64_t memory = bp::availableMemory();
        if (memory == 0) QSKIP("this computer's memory is unknown: no network is refused");
        const auto hidden = static_cast<int>(std::min<std::uint64_t>(
            bp::kMaxLayerNeurons, memory / (16ULL * bp::kMaxLayerNeurons) + 2));
        bp::NetworkSpec spec;
        spec.layers = {784, hidden, 10};
        if (!spec.validate().empty()) QSKIP("too little memory for the 784-input network itself");
        TrainingController c;
        c.setDatasets(builtIn(), nullptr);
        QVERIFY(c.setNetworkSpec(spec, c.options()));
        QSignalSpy refused(&c, &TrainingController::networkRefused);
        QVERIFY(!c.setDatasets(wideSet(bp::kMaxLayerNeurons), nullptr));
        QCOMPARE(refused.count(), 1);
        const QString message = refused.front().front().toString();
        QVERIFY2(message.startsWith(QStringLiteral("wide.csv: ")) &&
                     message.contains(QStringLiteral("of memory")),
                 qPrintable(message));
        QCOMPARE(c.trainingSet()->inputs, 784);  // the set of before still trains
        QCOMPARE(c.spec().layers.front(), 784);
        c.stepSample();
        QTRY_COMPARE_WITH_TIMEOUT(samplesSeen(c), std::uint64_t{1}, 10000);
    }

    void sessionWhoseNetworkDoesNotFitSaysSo() {
        TrainingController c;
        c.setDatasets(builtIn(), nullptr);
        c.stepSample();
        QTRY_COMPARE_WITH_TIMEOUT(samplesSeen(c), std::uint64_t{1}, 10000);
        const bp::NetworkSpec before = c.spec();
        SessionManager sessions(&c, nullptr, nullptr);
        QSignalSpy problems(&sessions, &SessionManager::problem);
        bp::Session session;
        bp::NetworkSpec small;
        small.layers = {3, 3, 3};  // the book's first network, not MNIST's
        session.network = bp::Network(small);
        session.training.learningRate = 0.3;
        sessions.apply(session);
        QCOMPARE(problems.count(), 1);
        const QString message = problems.front().front().toString();
        QVERIFY2(message.contains(QStringLiteral("3 inputs")) &&
                     message.contains(QStringLiteral("mnist_train_100.csv")) &&
                     message.contains(QStringLiteral("784")),
                 qPrintable(message));
        QCOMPARE(c.spec().layers, before.layers);  // not replaced by a fresh random network
        QCOMPARE(samplesSeen(c), std::uint64_t{1});
    }

    // A session whose training set is one no network can be built on (IDX images of more than
    // 1,000,000 pixels): the loader refuses it naming the file and the limit, and the studio goes
    // on with the set and network it had (it used to abort with an uncaught invalid_argument).
    void sessionNamingDataTooWideIsRefused() {
        QTemporaryDir dir;
        const auto be32 = [](quint32 v) {
            const char b[4] = {char(v >> 24), char((v >> 16) & 255), char((v >> 8) & 255),
                               char(v & 255)};
            return QByteArray(b, 4);
        };
        const QString images = dir.filePath(QStringLiteral("huge-images-idx3-ubyte"));
        for (const auto& [name, bytes] :
             {std::pair{images, be32(0x803) + be32(1) + be32(1001) + be32(1000)},
              std::pair{dir.filePath(QStringLiteral("huge-labels-idx1-ubyte")),
                        be32(0x801) + be32(1) + QByteArray(1, 3)}}) {
            QFile f(name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        TrainingController c;
        const auto before = builtIn();
        c.setDatasets(before, nullptr);
        const bp::NetworkSpec spec = c.spec();
        DatasetLoader loader;
        SessionManager sessions(&c, nullptr, &loader);
        QSignalSpy failed(&loader, &DatasetLoader::failed);
        QSignalSpy loaded(&loader, &DatasetLoader::loaded);
        bp::Session session;
        session.network = bp::Network(spec);
        session.trainData = images.toStdString();
        sessions.apply(session);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(loaded.count(), 0);
        const QString message = failed.front().at(1).toString();
        QVERIFY2(message.startsWith(images + QStringLiteral(": images of 1001×1000")) &&
                     message.contains(QStringLiteral("at most 1,000,000 inputs")),
                 qPrintable(message));
        QTRY_VERIFY(!loader.isLoading());
        QCoreApplication::processEvents();  // the session's queued rest (finishPending)
        QCOMPARE(c.trainingSet(), before);
        QCOMPARE(c.spec().layers, spec.layers);
        c.stepSample();  // still trains
        QTRY_COMPARE_WITH_TIMEOUT(samplesSeen(c), std::uint64_t{1}, 10000);
    }

    void exportsAreWholeOrNone() {
        QTemporaryDir dir;
        const std::vector<bp::Matrix> weights = {bp::Matrix::Constant(3, 3, 0.5),
                                                 bp::Matrix::Constant(3, 3, 0.25)};
        for (const QString& suffix : {QStringLiteral(".npy"), QStringLiteral(".csv")}) {
            QFile old(dir.filePath(QStringLiteral("wih") + suffix));  // an old first file
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
            old.close();
            // the second cannot be written: a folder has its name
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("who") + suffix));
        }
        QVERIFY(!bps::Exporter::exportWeightsNpy(weights, dir.path()).isEmpty());
        QVERIFY(!bps::Exporter::exportWeightsCsv(weights, dir.path()).isEmpty());
        for (const QString& suffix : {QStringLiteral(".npy"), QStringLiteral(".csv")}) {
            QFile first(dir.filePath(QStringLiteral("wih") + suffix));
            QVERIFY(first.open(QIODevice::ReadOnly));
            QCOMPARE(first.readAll(), QByteArray("old"));  // not half a set
        }
        for (const QString& name : QDir(dir.path()).entryList(QDir::Files | QDir::Hidden))
            QVERIFY2(!name.contains(QStringLiteral(".tmp-")), qPrintable(name));
    }

    void exportKeepsASymbolicLink() {
        QTemporaryDir dir;
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(Qt::white);
        QFile target(dir.filePath(QStringLiteral("picture.png")));
        QVERIFY(target.open(QIODevice::WriteOnly));
        target.close();
        QVERIFY(QFile::link(target.fileName(), dir.filePath(QStringLiteral("link.png"))));
        QCOMPARE(bps::Exporter::writePngImage(image, dir.filePath(QStringLiteral("link.png"))),
                 QString());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("link.png"))).isSymLink());
        QVERIFY(QFileInfo(target.fileName()).size() > 0);
    }
};

QTEST_MAIN(TestRefusals)
#include "test_refusals.moc"
