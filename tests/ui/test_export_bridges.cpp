// test_export_bridges.cpp — File ▸ Export ▸ Notebook… and ONNX model… in the studio: the entries
// are in the Export menu; what they write is accepted by the bridges' own checks
// (tests/bridges/bridges_tests.py, run from here): the notebook, executed by Jupyter, prints the
// studio's test accuracy and its extra epoch ends on the weights the studio trains in the same
// epoch (to 1e-9); the ONNX model passes onnx.checker and its graph gives the outputs of the
// network the studio shows — the timeline's checkpoint when one is viewed — to 1e-12. Data that
// are not a file (the embedded sets, a lesson's set) go beside the notebook; a file that cannot
// be written is said with its path; the dialog opens in the folder used last.
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "backprop/DatasetIO.h"
#include "backprop/Trainer.h"
#include "document/BridgeExport.h"
#include "document/ExportActions.h"
#include "document/Exporter.h"
#include "shell/Language.h"
#include "shell/MainWindow.h"
#include "training/DatasetLoader.h"
#include "training/TrainingController.h"

using bps::MainWindow;
using Kind = bps::BridgeExport::Kind;

namespace {

QString data(const char* name) {
    return QStringLiteral(BP_SOURCE_DIR "/resources/data/") + QString::fromLatin1(name);
}

QAction* findAction(const MainWindow& w, const char* objectName, QMenu** owner = nullptr) {
    QList<QMenu*> menus;
    for (QAction* a : w.menuBar()->actions())
        if (a->menu()) menus << a->menu();
    for (int i = 0; i < menus.size(); ++i)
        for (QAction* a : menus[i]->actions()) {
            if (a->menu()) menus << a->menu();
            if (a->objectName() == QLatin1String(objectName)) {
                if (owner) *owner = menus[i];
                return a;
            }
        }
    return nullptr;
}

void openData(MainWindow& w, const QString& train, const QString& test) {
    QSignalSpy loaded(w.loader(), &bps::DatasetLoader::loaded);
    w.openDatasets(train, test);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 2 && !w.loader()->isLoading(), 20000);
}

// Answers the next modal file dialog: types path into its file name field and accepts, or
// cancels it when path is empty; *openedIn gets the folder it opened in.
void answerFileDialog(const QString& path, QString* openedIn = nullptr) {
    auto* timer = new QTimer;
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, [timer, path, openedIn] {
        auto* d = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!d || !d->isVisible()) return;
        timer->stop();
        timer->deleteLater();
        if (openedIn) *openedIn = d->directory().absolutePath();
        auto* edit = d->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        if (path.isEmpty() || !edit) {
            d->reject();
            return;
        }
        edit->setText(path);
        static_cast<QDialog*>(d)->accept();  // QFileDialog::accept, as Save does
    });
    timer->start();
}

// Trains until the run has seen `samples` samples and stopped.
bool trainedTo(bps::TrainingController& c, unsigned long long samples) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (c.lastSnapshot() && c.lastSnapshot()->samplesSeen == samples && !c.isPlaying()) {
            c.sync();
            return true;
        }
    }
    return false;
}

bp::Network networkOf(const bps::Snapshot& s) {
    bp::Network net(s.spec);
    for (int k = 0; k < net.weightLayers(); ++k)
        net.setWeights(k, s.weights[static_cast<std::size_t>(k)]);
    return net;
}

int correctCount(const bp::Network& net, const bp::Dataset& test) {
    const std::vector<int> predicted = bp::predictions(net, test);
    int correct = 0;
    for (std::size_t i = 0; i < test.rows(); ++i) correct += predicted[i] == test.label(i);
    return correct;
}

QString writeJson(const QString& path, const QJsonObject& o) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write ") + path;
    f.write(QJsonDocument(o).toJson());
    return {};
}

// tests/bridges/bridges_tests.py CASE --expect expectJson; empty on success, else its output.
QString runChecker(const char* kase, const QString& expectJson, const QString& work) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral(BP_SOURCE_DIR "/tests/bridges/bridges_tests.py"),
             QStringLiteral("--cli"), QStringLiteral(BP_CLI), QStringLiteral("--data"),
             QStringLiteral(BP_SOURCE_DIR "/resources/data"), QStringLiteral("--work"), work,
             QStringLiteral("--expect"), expectJson, QString::fromLatin1(kase)});
    if (!p.waitForFinished(280000)) return QStringLiteral("the checker did not finish");
    const QString out = QString::fromUtf8(p.readAll());
    qInfo().noquote() << out.trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("checker failed (%1):\n%2").arg(p.exitCode()).arg(out);
    return {};
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestExportBridges : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_dir;

  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_export_bridges"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    // File ▸ Export ▸ Notebook… and ONNX model…, in both languages.
    void entriesInTheExportMenu() {
        MainWindow w;
        QMenu* menu = nullptr;
        QAction* notebook = findAction(w, "exportNotebook", &menu);
        QVERIFY(notebook && menu);
        QAction* onnx = findAction(w, "exportOnnx");
        QVERIFY(onnx);
        QVERIFY(menu->actions().contains(onnx));
        QVERIFY2(menu->title().remove(QLatin1Char('&')).contains(QStringLiteral("Export")),
                 qPrintable(menu->title()));
        QCOMPARE(notebook->text().remove(QLatin1Char('&')), QStringLiteral("Notebook…"));
        QCOMPARE(onnx->text().remove(QLatin1Char('&')), QStringLiteral("ONNX model…"));
        QVERIFY(notebook->isEnabled() && onnx->isEnabled());
        QVERIFY(!notebook->statusTip().isEmpty() && !onnx->statusTip().isEmpty());
        // The window retranslates on the (coalesced) LanguageChange event.
        bps::Language::instance()->setLanguage(QStringLiteral("zh_CN"));
        QTRY_VERIFY2(notebook->text().contains(QStringLiteral("笔记本")),
                     qPrintable(notebook->text()));
        QTRY_VERIFY2(onnx->text().contains(QStringLiteral("ONNX 模型")), qPrintable(onnx->text()));
        bps::Language::instance()->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(onnx->text().remove(QLatin1Char('&')), QStringLiteral("ONNX model…"));
        QCOMPARE(QCoreApplication::translate("bps::ExportActions", "&ONNX model…"),
                 QStringLiteral("&ONNX model…"));
    }

    // The book's network after one epoch, exported through the menu and its dialog: Jupyter
    // runs the notebook, which prints the studio's test accuracy of that epoch and, training one
    // more epoch, ends on the weights the studio has after its second.
    void notebookRunsAndAgreesWithTheStudio() {
        const QString dir = m_dir.filePath(QStringLiteral("book"));
        QVERIFY(QDir().mkpath(dir));
        MainWindow w;
        openData(w, data("mnist_train_100.csv"), data("mnist_test_1000.csv.gz"));
        bp::NetworkSpec spec;
        spec.layers = {784, 100, 10};
        spec.seed = 3;
        bp::TrainOptions options;
        options.learningRate = 0.2;
        w.setTraining(spec, options);
        w.setFullSpeed();
        bps::TrainingController* c = w.controller();
        QSignalSpy epochs(c, &bps::TrainingController::epochFinished);
        c->stepEpoch();
        QVERIFY(trainedTo(*c, 100));
        QTRY_COMPARE(epochs.count(), 1);
        const double studioAccuracy = epochs.at(0).at(3).toDouble();
        const bp::Dataset test = bp::loadDataset(data("mnist_test_1000.csv.gz").toStdString());
        const int correct = correctCount(networkOf(*c->lastSnapshot()), test);
        QCOMPARE(static_cast<double>(correct) / static_cast<double>(test.rows()), studioAccuracy);

        QSignalSpy finished(w.exports(), &bps::ExportActions::bridgeFinished);
        QSignalSpy said(w.exports(), &bps::ExportActions::message);
        const QString notebook = dir + QStringLiteral("/lesson.ipynb");
        answerFileDialog(notebook);
        findAction(w, "exportNotebook")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        const QStringList files = finished.at(0).at(1).toStringList();
        QCOMPARE(files.value(0), notebook);
        QVERIFY(files.contains(dir + QStringLiteral("/lesson_weights/wih.npy")));
        QVERIFY(files.contains(dir + QStringLiteral("/lesson_weights/who.npy")));
        QVERIFY2(!QFileInfo::exists(dir + QStringLiteral("/lesson_data")),
                 "data read from files are named, not copied");
        const QString json = QString::fromUtf8(fileBytes(notebook));
        QVERIFY(json.contains(data("mnist_train_100.csv")));
        QVERIFY(json.contains(data("mnist_test_1000.csv.gz")));
        QVERIFY(said.count() >= 1);
        QVERIFY2(said.last().at(0).toString().contains(QStringLiteral("lesson.ipynb")),
                 qPrintable(said.last().at(0).toString()));
        QVERIFY(findAction(w, "exportNotebook")->isEnabled());

        c->stepEpoch();  // the studio's next epoch
        QVERIFY(trainedTo(*c, 200));
        const QString next = dir + QStringLiteral("/studio_next");
        QCOMPARE(bps::Exporter::exportWeightsNpy(c->lastSnapshot()->weights, next), QString());
        QJsonObject expect{{QStringLiteral("notebook"), notebook},
                           {QStringLiteral("weights"), dir + QStringLiteral("/lesson_weights")},
                           {QStringLiteral("next"), next},
                           {QStringLiteral("correct"), correct},
                           {QStringLiteral("rows"), static_cast<int>(test.rows())},
                           {QStringLiteral("trained"), 100}};
        const QString expectPath = dir + QStringLiteral("/expect.json");
        QCOMPARE(writeJson(expectPath, expect), QString());
        const QString problem =
            runChecker("studio_notebook", expectPath, dir + QStringLiteral("/check"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // A shuffled run stopped inside its epoch: the notebook gets the rest of the epoch's order
    // and trains the 70 samples the studio trains next, in the same order.
    void shuffledRunStoppedInsideAnEpoch() {
        const QString dir = m_dir.filePath(QStringLiteral("shuffled"));
        QVERIFY(QDir().mkpath(dir));
        MainWindow w;
        openData(w, data("mnist_train_100.csv"), data("mnist_test_10.csv"));
        bp::NetworkSpec spec;
        spec.layers = {784, 30, 10};
        spec.seed = 5;
        bp::TrainOptions options;
        options.learningRate = 0.3;
        options.shuffle = true;
        options.shuffleSeed = 7;
        w.setTraining(spec, options);
        w.setFullSpeed();
        bps::TrainingController* c = w.controller();
        for (int i = 0; i < 30; ++i) c->stepSample();
        c->sync();
        QCOMPARE(c->lastSnapshot()->samplesSeen, 30ULL);
        const bp::Dataset test = bp::loadDataset(data("mnist_test_10.csv").toStdString());
        const int correct = correctCount(networkOf(*c->lastSnapshot()), test);

        QSignalSpy finished(w.exports(), &bps::ExportActions::bridgeFinished);
        const QString notebook = dir + QStringLiteral("/shuffled.ipynb");
        w.exports()->exportBridgeTo(Kind::Notebook, notebook);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        QVERIFY(finished.at(0).at(1).toStringList().contains(
            dir + QStringLiteral("/shuffled_weights/order.npy")));

        c->stepEpoch();  // the rest of the epoch
        QVERIFY(trainedTo(*c, 100));
        const QString next = dir + QStringLiteral("/studio_next");
        QCOMPARE(bps::Exporter::exportWeightsNpy(c->lastSnapshot()->weights, next), QString());
        const QString expectPath = dir + QStringLiteral("/expect.json");
        QCOMPARE(writeJson(expectPath,
                           {{QStringLiteral("notebook"), notebook},
                            {QStringLiteral("weights"), dir + QStringLiteral("/shuffled_weights")},
                            {QStringLiteral("next"), next},
                            {QStringLiteral("correct"), correct},
                            {QStringLiteral("rows"), static_cast<int>(test.rows())},
                            {QStringLiteral("trained"), 70}}),
                 QString());
        const QString problem =
            runChecker("studio_notebook", expectPath, dir + QStringLiteral("/check"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // With the timeline dragged back to sample 40, the model is the network at sample 40 (as
    // the views show it and the other exports write it), not the live one at sample 100.
    void onnxOfTheViewedCheckpoint() {
        const QString dir = m_dir.filePath(QStringLiteral("onnx"));
        QVERIFY(QDir().mkpath(dir));
        MainWindow w;
        openData(w, data("mnist_train_100.csv"), data("mnist_test_10.csv"));
        bp::NetworkSpec spec;
        spec.layers = {784, 40, 10};
        spec.seed = 2;
        bp::TrainOptions options;
        options.learningRate = 0.3;
        w.setTraining(spec, options);
        w.setFullSpeed();
        bps::TrainingController* c = w.controller();
        c->stepEpoch();
        QVERIFY(trainedTo(*c, 100));
        const bp::Network live = networkOf(*c->lastSnapshot());
        c->viewCheckpoint(40);
        c->sync();
        QVERIFY(!c->lastSnapshot()->live);
        QCOMPARE(c->lastSnapshot()->samplesSeen, 40ULL);
        const bp::Network then = networkOf(*c->lastSnapshot());

        const bp::Dataset rows = bp::loadDataset(data("mnist_test_10.csv").toStdString());
        QJsonArray values;
        double fromLive = 0;
        for (std::size_t i = 0; i < rows.rows(); ++i) {
            const bp::Vector o = then.query(rows.input(i));
            fromLive = std::max(fromLive, (o - live.query(rows.input(i))).cwiseAbs().maxCoeff());
            QJsonArray row;
            for (Eigen::Index j = 0; j < o.size(); ++j) row.append(o(j));
            values.append(row);
        }
        QVERIFY2(fromLive > 1e-6, "checkpoint and live network agree: the test would be empty");

        QSignalSpy finished(w.exports(), &bps::ExportActions::bridgeFinished);
        QSignalSpy said(w.exports(), &bps::ExportActions::message);
        const QString model = dir + QStringLiteral("/at40.onnx");
        w.exports()->exportBridgeTo(Kind::Onnx, model);
        // Written off the GUI thread: the entries wait until the worker is done.
        QVERIFY(!findAction(w, "exportOnnx")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        QVERIFY(findAction(w, "exportOnnx")->isEnabled());
        QVERIFY2(said.last().at(0).toString().contains(QStringLiteral("sample 40")),
                 qPrintable(said.last().at(0).toString()));
        const QString expectPath = dir + QStringLiteral("/expect.json");
        QCOMPARE(writeJson(expectPath, {{QStringLiteral("onnx"), model},
                                        {QStringLiteral("inputs"), 784},
                                        {QStringLiteral("outputs"), 10},
                                        {QStringLiteral("samples_seen"), 40},
                                        {QStringLiteral("rows_file"), data("mnist_test_10.csv")},
                                        {QStringLiteral("values"), values}}),
                 QString());
        const QString problem =
            runChecker("studio_onnx", expectPath, dir + QStringLiteral("/check"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // The studio's embedded sets are not files: the notebook gets them beside it, byte for byte.
    // Also measures how long the writing takes on this thread (the menu runs it on a worker).
    void embeddedDataGoBesideTheNotebook() {
        const QString dir = m_dir.filePath(QStringLiteral("embedded"));
        QVERIFY(QDir().mkpath(dir));
        MainWindow w;
        openData(w, QString::fromLatin1(MainWindow::kDefaultTrain),
                 QString::fromLatin1(MainWindow::kDefaultTest));
        bp::NetworkSpec book;  // the book's 784-200-10, for the timing below
        book.layers = {784, 200, 10};
        w.setTraining(book, bp::TrainOptions{});
        QCOMPARE(w.controller()->spec().layers, book.layers);
        QSignalSpy finished(w.exports(), &bps::ExportActions::bridgeFinished);
        const QString notebook = dir + QStringLiteral("/first.ipynb");
        w.exports()->exportBridgeTo(Kind::Notebook, notebook);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        const QStringList files = finished.at(0).at(1).toStringList();
        const QString train = dir + QStringLiteral("/first_data/mnist_train_5000.csv.gz");
        const QString test = dir + QStringLiteral("/first_data/mnist_test_1000.csv.gz");
        QVERIFY2(files.contains(train) && files.contains(test), qPrintable(files.join(' ')));
        QCOMPARE(fileBytes(train), fileBytes(QString::fromLatin1(MainWindow::kDefaultTrain)));
        QCOMPARE(fileBytes(test), fileBytes(QString::fromLatin1(MainWindow::kDefaultTest)));
        const QString json = QString::fromUtf8(fileBytes(notebook));
        QVERIFY(json.contains(train) && json.contains(test));
        QVERIFY(!json.contains(QStringLiteral(":/data")));

        // How long the GUI thread would stall if it wrote them itself (784-200-10).
        for (const Kind kind : {Kind::Notebook, Kind::Onnx}) {
            const QString path = dir + (kind == Kind::Onnx ? QStringLiteral("/timed.onnx")
                                                           : QStringLiteral("/timed.ipynb"));
            QElapsedTimer clock;
            clock.start();
            const auto job = bps::BridgeExport::gather(kind, path, *w.controller(), w.loader());
            QVERIFY(job);
            const qint64 gathered = clock.elapsed();
            const bps::BridgeExport::Result r = bps::BridgeExport::write(*job);
            QCOMPARE(r.error, QString());
            qInfo("%s of 784-200-10: gather %lld ms, write %lld ms (%lld files)",
                  kind == Kind::Onnx ? "ONNX" : "notebook with the embedded data",
                  static_cast<long long>(gathered), static_cast<long long>(r.elapsedMs),
                  static_cast<long long>(r.files.size()));
            if (kind == Kind::Notebook) {  // the same 5,000 rows as a lesson's set: CSV, gzipped
                auto lesson = *job;
                lesson.path = dir + QStringLiteral("/lesson.ipynb");
                lesson.train.path.clear();
                lesson.test.path.clear();
                const bps::BridgeExport::Result l = bps::BridgeExport::write(lesson);
                QCOMPARE(l.error, QString());
                qInfo("notebook with 5,000 + 1,000 rows written as CSV: write %lld ms",
                      static_cast<long long>(l.elapsedMs));
            }
        }
    }

    // A lesson's set (no file behind it) is written beside the notebook as the book's CSV.
    void aSetWithoutAFileIsWrittenOut() {
        const QString dir = m_dir.filePath(QStringLiteral("lesson"));
        QVERIFY(QDir().mkpath(dir));
        auto set = std::make_shared<bp::Dataset>();
        set->source = "rotated copies";
        set->inputs = 4;
        set->pixels = {0, 10, 20, 255, 1, 2, 3, 4, 9, 8, 7, 6};
        set->labels = {1, 0, 1};
        bps::BridgeExport::Job job;
        job.kind = Kind::Notebook;
        job.path = dir + QStringLiteral("/small.ipynb");
        bp::NetworkSpec spec;
        spec.layers = {4, 3, 2};
        job.network = bp::Network(spec);
        job.train.data = set;
        const bps::BridgeExport::Result r = bps::BridgeExport::write(job);
        QCOMPARE(r.error, QString());
        const QString written = dir + QStringLiteral("/small_data/training.csv.gz");
        QVERIFY2(r.files.contains(written), qPrintable(r.files.join(' ')));
        const bp::Dataset back = bp::loadDataset(written.toStdString());
        QCOMPARE(back.pixels, set->pixels);
        QCOMPARE(back.labels, set->labels);
        QVERIFY(QString::fromUtf8(fileBytes(job.path)).contains(written));
    }

    // A file that cannot be written: said in a warning naming it, the entries usable again.
    void problemsAreSaid() {
        const QString plain = m_dir.filePath(QStringLiteral("plain"));
        {
            QFile f(plain);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("a file, not a folder");
        }
        MainWindow w;
        openData(w, data("mnist_train_100.csv"), data("mnist_test_10.csv"));
        for (const Kind kind : {Kind::Onnx, Kind::Notebook}) {
            const QString path = plain + (kind == Kind::Onnx ? QStringLiteral("/x.onnx")
                                                             : QStringLiteral("/x.ipynb"));
            QSignalSpy finished(w.exports(), &bps::ExportActions::bridgeFinished);
            w.exports()->exportBridgeTo(kind, path);
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
            const QString error = finished.at(0).at(0).toString();
            QVERIFY2(error.contains(path), qPrintable(error));
            QVERIFY2(error.contains(kind == Kind::Onnx ? QStringLiteral("ONNX model")
                                                       : QStringLiteral("notebook")),
                     qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("Not a directory")) ||
                         error.contains(QStringLiteral("not a folder")) ||
                         error.contains(QStringLiteral("cannot")),
                     qPrintable(error));
            QMessageBox* box = nullptr;
            QTRY_VERIFY((box = w.findChild<QMessageBox*>(QStringLiteral("exportProblem"))) &&
                        box->isVisible());
            QCOMPARE(box->text(), error);
            box->close();
            QTRY_VERIFY(!w.findChild<QMessageBox*>(QStringLiteral("exportProblem")));
            QVERIFY(findAction(w, "exportNotebook")->isEnabled());
            QVERIFY(findAction(w, "exportOnnx")->isEnabled());
        }
    }

    // The dialog opens in the folder the last notebook or model went to; Cancel writes nothing.
    void theLastFolderIsRemembered() {
        const QString first = m_dir.filePath(QStringLiteral("first"));
        QVERIFY(QDir().mkpath(first));
        MainWindow w;
        openData(w, data("mnist_train_100.csv"), data("mnist_test_10.csv"));
        QSignalSpy finished(w.exports(), &bps::ExportActions::bridgeFinished);
        answerFileDialog(first + QStringLiteral("/net.onnx"));
        findAction(w, "exportOnnx")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        QVERIFY(QFileInfo::exists(first + QStringLiteral("/net.onnx")));

        QString openedIn;
        answerFileDialog(QString(), &openedIn);  // Cancel
        findAction(w, "exportNotebook")->trigger();
        QCOMPARE(openedIn, first);
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!w.exports()->isWriting());
        QCOMPARE(QDir(first).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("net.onnx")});
    }
};

QTEST_MAIN(TestExportBridges)
#include "test_export_bridges.moc"
