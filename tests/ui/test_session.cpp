// test_session.cpp — SessionManager: save → open restores the same weights bit for bit, the same
// curves, settings and dataset paths into a fresh controller and chart; a bad file leaves the
// studio as it was; autosave, the crash-recovery flag and the recent sessions.
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <memory>

#include "TestFiles.h"
#include "backprop/DatasetIO.h"
#include "document/SessionManager.h"
#include "training/DatasetLoader.h"
#include "training/TrainingController.h"
#include "views/ErrorPlot.h"

using bps::ErrorPlot;
using bps::SessionManager;
using bps::TrainingController;

namespace {

std::shared_ptr<const bp::Dataset> loadData(const char* name) {
    return std::make_shared<const bp::Dataset>(
        bp::loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/" + name));
}

bool sameBits(const std::vector<bp::Matrix>& a, const std::vector<bp::Matrix>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k].rows() != b[k].rows() || a[k].cols() != b[k].cols()) return false;
        if (std::memcmp(a[k].data(), b[k].data(),
                        sizeof(double) * static_cast<std::size_t>(a[k].size())) != 0)
            return false;
    }
    return true;
}

bool sameRun(const ErrorPlot::Run& a, const ErrorPlot::Run& b) {
    if (a.label != b.label || a.error != b.error || a.accuracy != b.accuracy ||
        a.rateMarks.size() != b.rateMarks.size())
        return false;
    for (qsizetype i = 0; i < a.rateMarks.size(); ++i)
        if (a.rateMarks[i].x != b.rateMarks[i].x || a.rateMarks[i].lr != b.rateMarks[i].lr)
            return false;
    return true;
}

// The wiring MainWindow does between the controller and the chart.
void wire(TrainingController& c, ErrorPlot& plot) {
    QObject::connect(&c, &TrainingController::runStarted, &plot, &ErrorPlot::beginRun);
    QObject::connect(&c, &TrainingController::errorPoints, &plot, &ErrorPlot::addErrorPoints);
    QObject::connect(&c, &TrainingController::learningRateMarked, &plot,
                     &ErrorPlot::markLearningRate);
    QObject::connect(&c, &TrainingController::epochFinished, &plot,
                     [&plot](int, double seen, double, double accuracy, double) {
                         plot.addAccuracy(seen, accuracy);
                     });
}

// Plays one epoch and waits for its end.
void trainEpoch(TrainingController& c) {
    QSignalSpy epochs(&c, &TrainingController::epochFinished);
    c.stepEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(epochs.count() == 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying(), 5000);
    c.sync();
}

}  // namespace

class TestSession : public QObject {
    Q_OBJECT
  private:
    std::shared_ptr<const bp::Dataset> m_train, m_test;

  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_session"));
        QSettings().clear();
        m_train = loadData("mnist_train_100.csv");
        m_test = loadData("mnist_test_10.csv");
    }

    void saveOpenRestoresWeightsCurvesAndSettings() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("lesson.bps"));

        // A studio that trained two runs (two learning rates) and a bit of a third.
        TrainingController c;
        ErrorPlot plot;
        wire(c, plot);
        bp::NetworkSpec spec;
        spec.layers = {784, 30, 10};
        spec.seed = 5;
        bp::TrainOptions options;
        options.learningRate = 0.3;
        options.epochs = 2;
        c.setNetworkSpec(spec, options);
        c.setDatasets(m_train, m_test);
        trainEpoch(c);
        c.reset();
        c.setLearningRate(0.05);
        trainEpoch(c);
        c.setLearningRate(0.6);  // a change in the middle of a run is marked on the curve
        c.stepSample();
        c.stepSample();
        c.sync();
        plot.refresh();
        QCOMPARE(plot.previousRuns().size(), 1);
        QVERIFY(!plot.currentRun().error.isEmpty());
        QVERIFY(!plot.currentRun().accuracy.isEmpty());
        QVERIFY(!plot.currentRun().rateMarks.isEmpty());

        SessionManager saver(&c, &plot, nullptr);
        saver.setDatasetPaths(QStringLiteral(":/data/mnist_train_100.csv"),
                              QStringLiteral(":/data/mnist_test_10.csv"));
        saver.setGatherHook([](bp::Session& s) { s.settings.emplace_back("view.density", "17"); });
        QSignalSpy recent(&saver, &SessionManager::recentSessionsChanged);
        QCOMPARE(saver.save(path), QString());
        QCOMPARE(recent.count(), 1);
        QCOMPARE(saver.recentSessions().value(0), QFileInfo(path).absoluteFilePath());
        const std::vector<bp::Matrix> weights = c.lastSnapshot()->weights;
        const QVector<ErrorPlot::Run> runs = {plot.previousRuns().front(), plot.currentRun()};

        // A fresh studio with another network opens it.
        TrainingController d;
        ErrorPlot plot2;
        wire(d, plot2);
        d.setDatasets(m_train, m_test);
        trainEpoch(d);  // a curve that the session must replace
        SessionManager opener(&d, &plot2, nullptr);
        QString density;
        opener.setApplyHook([&density](const bp::Session& s) {
            density = QString::fromStdString(s.setting("view.density"));
        });
        QCOMPARE(opener.open(path), QString());
        d.sync();
        QVERIFY(d.lastSnapshot());
        QVERIFY(sameBits(d.lastSnapshot()->weights, weights));
        QCOMPARE(d.spec().layers, spec.layers);
        QCOMPARE(d.spec().seed, spec.seed);
        QCOMPARE(d.learningRate(), 0.6);
        QCOMPARE(d.options().epochs, 2);
        QCOMPARE(density, QStringLiteral("17"));
        QCOMPARE(opener.trainPath(), QStringLiteral(":/data/mnist_train_100.csv"));
        QCOMPARE(opener.testPath(), QStringLiteral(":/data/mnist_test_10.csv"));
        // Both runs are back: the first as an earlier run, the second (saved in its middle) as
        // the current run again; nothing of plot2's own run is left.
        QCOMPARE(plot2.previousRuns().size(), 1);
        QVERIFY(sameRun(plot2.previousRuns()[0], runs[0]));
        QVERIFY(sameRun(plot2.currentRun(), runs[1]));
        // The run goes on where it stopped: 100 + 2 samples seen, epoch 2, next sample index 2.
        QCOMPARE(d.lastSnapshot()->samplesSeen, 102ull);
        QCOMPARE(d.lastSnapshot()->epoch, 2);
        QCOMPARE(d.lastSnapshot()->sampleInEpoch, std::size_t{2});
        QCOMPARE(d.lastSnapshot()->sample, 2L);
        // The running error goes on from the run's last point, not from zero.
        QCOMPARE(d.lastSnapshot()->runningError, runs[1].error.back().y());

        // Training goes on from the restored weights with that sample, as the core does.
        bp::Network ref(spec);
        for (int k = 0; k < ref.weightLayers(); ++k)
            ref.setWeights(k, weights[static_cast<std::size_t>(k)]);
        ref.train(m_train->input(2), bp::bookTarget(m_train->label(2), 10), 0.6);
        d.stepSample();
        d.sync();
        QVERIFY(sameBits(d.lastSnapshot()->weights, ref.allWeights()));
        QCOMPARE(d.lastSnapshot()->samplesSeen, 103ull);
        // The run's curve goes on too: the next points are added to it, after its last one.
        const qsizetype before = plot2.currentRun().error.size();
        QSignalSpy epochs(&d, &TrainingController::epochFinished);
        d.stepEpoch();  // to the end of epoch 2: 97 samples
        QTRY_VERIFY_WITH_TIMEOUT(epochs.count() == 1, 30000);
        QCOMPARE(epochs.at(0).at(0).toInt(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isPlaying(), 5000);
        d.sync();
        plot2.refresh();
        QCOMPARE(plot2.previousRuns().size(), 1);
        QVERIFY(plot2.currentRun().error.size() > before);
        QVERIFY(plot2.currentRun().error.front() == runs[1].error.front());
        QVERIFY(plot2.currentRun().error.back().x() > runs[1].error.back().x());
        QCOMPARE(plot2.currentRun().accuracy.size(), runs[1].accuracy.size() + 1);
    }

    // A session's title is saved and opened with it, and names the document.
    void titleIsSavedAndOpened() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.bps"));
        TrainingController c;
        c.setDatasets(m_train, m_test);
        SessionManager m(&c, nullptr, nullptr);
        QSignalSpy changed(&m, &SessionManager::documentChanged);
        QCOMPARE(m.documentName(), QString());
        m.setTitle(QStringLiteral("Lesson 1 · 第一课"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.documentName(), QStringLiteral("Lesson 1 · 第一课"));
        QCOMPARE(m.save(path), QString());
        QCOMPARE(bp::loadSession(path.toStdString()).title, std::string("Lesson 1 · 第一课"));
        SessionManager n(&c, nullptr, nullptr);
        QCOMPARE(n.open(path), QString());
        QCOMPARE(n.title(), QStringLiteral("Lesson 1 · 第一课"));
        n.setTitle(QString());
        QCOMPARE(n.documentName(), QStringLiteral("t.bps"));  // no title: the file's name
    }

    void badFileLeavesTheStudioAsItWas() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.bps"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("BPSESSION 1\nmodel 10 bpm\nend\nBPSMODEL");
        f.close();
        TrainingController c;
        ErrorPlot plot;
        wire(c, plot);
        c.setDatasets(m_train, nullptr);
        c.stepSample();
        c.sync();
        const std::vector<bp::Matrix> before = c.lastSnapshot()->weights;
        SessionManager m(&c, &plot, nullptr);
        const QString error = m.open(path);
        QVERIFY2(error.startsWith(path + QStringLiteral(": file is truncated")), qPrintable(error));
        const QString missing = m.open(dir.filePath(QStringLiteral("none.bps")));
        QVERIFY2(missing.contains(QStringLiteral("cannot open session file")), qPrintable(missing));
        c.sync();
        QVERIFY(sameBits(c.lastSnapshot()->weights, before));
        QVERIFY(m.currentPath().isEmpty());
    }

    void autosaveAndRecoveryFlag() {
        QFile::remove(SessionManager::autosavePath());
        SessionManager::markCleanExit();
        QVERIFY(!SessionManager::recoveryPending());

        TrainingController c;
        ErrorPlot plot;
        wire(c, plot);
        c.setDatasets(m_train, nullptr);
        c.stepSample();
        SessionManager m(&c, &plot, nullptr);
        SessionManager::markRunning();
        QVERIFY(!SessionManager::recoveryPending());  // no autosave yet
        QSignalSpy saved(&m, &SessionManager::autosaved);
        m.setAutosaveMinutes(1);
        QCOMPARE(m.autosaveMinutes(), 1);
        QCOMPARE(m.autosaveNow(), QString());
        QCOMPARE(saved.count(), 1);
        QVERIFY(QFileInfo::exists(SessionManager::autosavePath()));
        // The process "crashes" here: the flag is still set, so the next start offers recovery.
        QVERIFY(SessionManager::recoveryPending());
        const bp::Session s = bp::loadSession(SessionManager::autosavePath().toStdString());
        c.sync();
        QVERIFY(sameBits(s.network.allWeights(), c.lastSnapshot()->weights));
        SessionManager::markCleanExit();
        QVERIFY(!SessionManager::recoveryPending());
        m.setAutosaveMinutes(0);
    }

    void datasetFoundBesideTheSession() {
        // A session prepared at home names /home/teacher/…; in class the file lies beside it.
        QTemporaryDir dir;
        QFile::copy(QString::fromLatin1(BP_SOURCE_DIR "/resources/data/mnist_test_10.csv"),
                    dir.filePath(QStringLiteral("mnist_test_10.csv")));
        TrainingController c;
        ErrorPlot plot;
        SessionManager m(&c, &plot, nullptr);
        bp::Session s;
        s.network = bp::Network(bp::NetworkSpec{{784, 5, 10}});
        s.trainData = "/home/teacher/nowhere/mnist_test_10.csv";
        s.testData = "/home/teacher/nowhere/missing.csv";
        m.apply(s, dir.path());
        QCOMPARE(m.trainPath(), dir.filePath(QStringLiteral("mnist_test_10.csv")));
        QCOMPARE(m.testPath(), QStringLiteral("/home/teacher/nowhere/missing.csv"));
    }

    // A .bpm model opens with its weights and learning rate; files are told apart by content.
    void modelFilesAndFileKinds() {
        using Kind = SessionManager::FileKind;
        QTemporaryDir dir;
        bp::NetworkSpec spec;
        spec.layers = {784, 12, 10};
        spec.seed = 9;
        bp::Network net(spec);
        net.train(m_train->input(3), bp::bookTarget(m_train->label(3), 10), 0.2);
        bp::TrainingRecord record;
        record.learningRate = 0.25;
        const QString model = dir.filePath(QStringLiteral("m.bpm"));
        bp::saveModel(model.toStdString(), net, record);

        TrainingController c;
        ErrorPlot plot;
        wire(c, plot);
        c.setDatasets(m_train, nullptr);
        SessionManager m(&c, &plot, nullptr);
        QCOMPARE(m.openModel(model), QString());
        c.sync();
        QVERIFY(sameBits(c.lastSnapshot()->weights, net.allWeights()));
        QCOMPARE(c.learningRate(), 0.25);
        QCOMPARE(c.spec().layers, spec.layers);
        // A model for other data is refused before anything changes.
        bp::NetworkSpec small;
        small.layers = {5, 3, 2};
        const QString other = dir.filePath(QStringLiteral("other.bpm"));
        bp::saveModel(other.toStdString(), bp::Network(small));
        const QString refused = m.openModel(other);
        QVERIFY2(refused.contains(QStringLiteral("the model has 5 inputs but the training set "
                                                 "loaded now has 784")),
                 qPrintable(refused));
        c.sync();
        QVERIFY(sameBits(c.lastSnapshot()->weights, net.allWeights()));
        const QString bad = m.openModel(dir.filePath(QStringLiteral("none.bpm")));
        QVERIFY2(bad.contains(QStringLiteral("cannot open model file")), qPrintable(bad));

        const QString session = dir.filePath(QStringLiteral("s.bps"));
        QCOMPARE(m.save(session), QString());
        QCOMPARE(SessionManager::kindOf(session), Kind::Session);
        QCOMPARE(SessionManager::kindOf(model), Kind::Model);
        QCOMPARE(SessionManager::kindOf(
                     QStringLiteral(BP_SOURCE_DIR "/resources/data/mnist_test_10.csv")),
                 Kind::Dataset);
        QCOMPARE(SessionManager::kindOf(dir.filePath(QStringLiteral("none"))), Kind::Missing);
        const QString disguised = dir.filePath(QStringLiteral("model.csv"));
        QVERIFY(QFile::copy(model, disguised));
        QCOMPARE(SessionManager::kindOf(disguised), Kind::Model);
    }

    // A session on data of another shape (3 inputs, while MNIST is loaded): its network waits
    // for its own training set and keeps its weights.
    void sessionOnOtherDataKeepsItsWeights() {
        QTemporaryDir dir;
        const QString csv =
            testfiles::writeFile(dir.filePath(QStringLiteral("points.csv")),
                                 "0,12,200,40\n1,250,3,90\n0,10,190,35\n1,240,20,80\n");
        QVERIFY(!csv.isEmpty());
        bps::DatasetLoader loader;
        TrainingController c;
        ErrorPlot plot;
        wire(c, plot);
        connect(&loader, &bps::DatasetLoader::loaded, &c, [&] {
            c.setDatasets(loader.current(bps::DatasetLoader::Role::Training),
                          loader.current(bps::DatasetLoader::Role::Test));
        });
        SessionManager m(&c, &plot, &loader);
        QSignalSpy loaded(&loader, &bps::DatasetLoader::loaded);
        loader.load(QStringLiteral(BP_SOURCE_DIR "/resources/data/mnist_train_100.csv"),
                    bps::DatasetLoader::Role::Training);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);

        bp::NetworkSpec spec;
        spec.layers = {3, 4, 2};
        spec.seed = 3;
        bp::Network net(spec);
        net.train(bp::Vector::Constant(3, 0.5), bp::bookTarget(1, 2), 0.5);
        bp::Session s;
        s.network = net;
        s.trainData = csv.toStdString();
        s.training.samplesSeen = 6;  // a run saved in its second epoch (4 rows), at sample 3
        s.runs.push_back({"α 0.5", {{4, 0.4}, {6, 0.3}}, {}, {}});
        // As when the studio starts with a session on its command line: another training set is
        // still loading; the session's load replaces (cancels) it, which is not a failure of
        // the session's own data.
        QSignalSpy cancelled(&loader, &bps::DatasetLoader::cancelledLoad);
        loader.load(QStringLiteral(BP_SOURCE_DIR "/resources/data/mnist_train_5000.csv.gz"),
                    bps::DatasetLoader::Role::Training);
        m.apply(s);
        QVERIFY(m.isRestoring());  // the network waits for its data
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 20000);
        QTRY_VERIFY(!m.isRestoring());
        QCOMPARE(cancelled.count(), 1);
        c.sync();
        QCOMPARE(c.spec().layers, spec.layers);
        QVERIFY(sameBits(c.lastSnapshot()->weights, net.allWeights()));
        QCOMPARE(c.lastSnapshot()->samplesSeen, 6ull);
        QCOMPARE(c.lastSnapshot()->epoch, 2);
        QCOMPARE(plot.currentRun().error.size(), 2);  // the run goes on, not faded
        QCOMPARE(m.trainPath(), csv);
    }

    void recentSessionsAreNewestFirstAndBounded() {
        TrainingController c;
        ErrorPlot plot;
        SessionManager m(&c, &plot, nullptr);
        m.clearRecentSessions();
        QTemporaryDir dir;
        for (int i = 0; i < SessionManager::kMaxRecent + 2; ++i)
            QCOMPARE(m.save(dir.filePath(QStringLiteral("s%1.bps").arg(i))), QString());
        QCOMPARE(m.save(dir.filePath(QStringLiteral("s3.bps"))), QString());
        const QStringList recent = m.recentSessions();
        QCOMPARE(recent.size(), SessionManager::kMaxRecent);
        QCOMPARE(QFileInfo(recent.front()).fileName(), QStringLiteral("s3.bps"));
        QCOMPARE(QFileInfo(recent[1]).fileName(),
                 QStringLiteral("s%1.bps").arg(SessionManager::kMaxRecent + 1));
        QCOMPARE(recent.count(recent.front()), 1);
        const QString error = m.save(dir.filePath(QStringLiteral("no/such/dir/x.bps")));
        QVERIFY2(error.contains(QStringLiteral("cannot save the session")), qPrintable(error));
    }
};

QTEST_MAIN(TestSession)
#include "test_session.moc"
