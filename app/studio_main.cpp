// studio_main.cpp — starts Backprop Studio: the window on the embedded MNIST subset, or on the
// files given on the command line (training set, then test set).
//
// Measurement switches (environment), for the benchmarks in docs/BENCHMARKS.md:
//   BP_LATENCY_PROBE=1   print the GUI thread's longest event-loop stall and the training
//                        throughput on exit (stderr); =2 also prints each stall > 50 ms
//   BP_AUTOPLAY=1        press Play as soon as the data is loaded
//   BP_QUIT_AFTER_MS=N   close the window after N ms
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

#include "LatencyProbe.h"
#include "MainWindow.h"
#include "TrainingController.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Backprop Studio"));
    QApplication::setOrganizationName(QStringLiteral("Backprop Studio"));
    QApplication::setApplicationVersion(QStringLiteral(BP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main",
                                "See a neural network learn, the way Make Your Own "
                                "Neural Network teaches it."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("train"),
        QApplication::translate("main",
                                "Training set (MNIST CSV, CSV.gz or IDX); default: the "
                                "built-in 5,000-sample MNIST subset."),
        QStringLiteral("[train]"));
    parser.addPositionalArgument(QStringLiteral("test"),
                                 QApplication::translate("main", "Test set."),
                                 QStringLiteral("[test]"));
    parser.process(app);
    const QStringList args = parser.positionalArguments();

    bps::MainWindow window;
    double lastRate = 0;
    QObject::connect(window.controller(), &bps::TrainingController::throughput, &window,
                     [&lastRate](double r) {
                         if (r > 0) lastRate = r;
                     });
    QStringList epochLines;  // the trainer's own epoch timings, comparable with backprop-cli's
    QObject::connect(
        window.controller(), &bps::TrainingController::epochFinished, &window,
        [&epochLines](int epoch, double seen, double meanError, double accuracy, double seconds) {
            epochLines << QStringLiteral(
                              "epoch %1: %2 s, mean error %3, test accuracy %4%, "
                              "%5 samples seen")
                              .arg(epoch)
                              .arg(seconds, 0, 'f', 3)
                              .arg(meanError, 0, 'f', 6)
                              .arg(accuracy * 100, 0, 'f', 2)
                              .arg(seen, 0, 'f', 0);
        });
    std::unique_ptr<bps::LatencyProbe> probe;
    if (qEnvironmentVariableIntValue("BP_LATENCY_PROBE") != 0) {
        probe = std::make_unique<bps::LatencyProbe>(5);
        probe->setVerbose(qEnvironmentVariableIntValue("BP_LATENCY_PROBE") > 1);
        probe->start();
    }
    window.setAutoPlay(qEnvironmentVariableIntValue("BP_AUTOPLAY") != 0);
    window.openDatasets(
        args.size() > 0 ? args[0] : QString::fromLatin1(bps::MainWindow::kDefaultTrain),
        args.size() > 1
            ? args[1]
            : (args.isEmpty() ? QString::fromLatin1(bps::MainWindow::kDefaultTest) : QString()));
    window.show();
    if (const int ms = qEnvironmentVariableIntValue("BP_QUIT_AFTER_MS"); ms > 0) {
        QTimer::singleShot(ms, &window, &QWidget::close);
    }
    const int rc = QApplication::exec();
    if (probe) {
        probe->stop();
        const auto s = window.controller()->lastSnapshot();
        std::fprintf(stderr, "%s\ntraining: %llu samples seen, %.0f samples/s while playing\n",
                     qPrintable(probe->report()), s ? s->samplesSeen : 0ULL, lastRate);
        for (const QString& line : epochLines) std::fprintf(stderr, "%s\n", qPrintable(line));
    }
    return rc;
}
