// studio_main.cpp — starts Backprop Studio: the window on the embedded MNIST subset, or on the
// files given on the command line (training set, then test set).
//
// Measurement switches, for bench/studio_bench.py and docs/BENCHMARKS.md:
//   BP_LATENCY_PROBE=1   print the GUI thread's longest event-loop stall, the training throughput
//                        and the trainer's epoch timings on exit (stderr); =2 also prints each
//                        stall > 20 ms as it happens
//   BP_AUTOPLAY=1        press Full speed and Play as soon as the data is loaded (also --autoplay);
//                        =2 press Play at the default pace instead
//   BP_QUIT_AFTER_MS=N   close the window after N ms
//   --quit-when-done     close the window when Play stops (after its epochs)
#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "backprop/OptionText.h"
#include "classroom/ClassActions.h"
#include "classroom/ClassMode.h"
#include "document/SessionActions.h"
#include "document/SessionManager.h"
#include "shell/HelpActions.h"
#include "shell/Language.h"
#include "shell/MainWindow.h"
#include "studio/LatencyProbe.h"
#include "training/TrainingController.h"
#include "views/ControlPanel.h"

namespace {

// --help and --version only print: they must work without a display too (over ssh, in scripts,
// in a package check), so they run on the offscreen platform unless one is chosen.
bool onlyPrints(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--") break;
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version" ||
            a == "-?")
            return true;
    }
    return false;
}

}  // namespace

int main(int argc, char* argv[]) {
    if (onlyPrints(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Backprop Studio"));
    QApplication::setOrganizationName(QStringLiteral("Backprop Studio"));
    QApplication::setApplicationVersion(QStringLiteral(BP_VERSION));
    bps::Language::instance()->initialise();  // the remembered choice, else the system's

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main",
                                "See a neural network learn, the way Make Your Own "
                                "Neural Network teaches it."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QApplication::translate("main",
                                "A session (.bps), a model (.bpm) or a training set (MNIST CSV, "
                                "CSV.gz or IDX), recognised by its content; default: the "
                                "built-in 5,000-sample MNIST subset."),
        QStringLiteral("[file]"));
    parser.addPositionalArgument(QStringLiteral("test"),
                                 QApplication::translate("main", "Test set."),
                                 QStringLiteral("[test]"));
    const QCommandLineOption hiddenOpt(
        QStringLiteral("hidden"),
        QApplication::translate("main", "Hidden layer sizes, e.g. 200 or 200,50."),
        QStringLiteral("sizes"));
    const QCommandLineOption lrOpt(QStringLiteral("lr"),
                                   QApplication::translate("main", "Learning rate."),
                                   QStringLiteral("rate"));
    const QCommandLineOption epochsOpt(QStringLiteral("epochs"),
                                       QApplication::translate("main", "Epochs Play runs."),
                                       QStringLiteral("n"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"),
                                     QApplication::translate("main", "Seed of the weights."),
                                     QStringLiteral("n"));
    const QCommandLineOption autoplayOpt(
        QStringLiteral("autoplay"),
        QApplication::translate("main", "Play at full speed as soon as the data is loaded."));
    const QCommandLineOption quitOpt(
        QStringLiteral("quit-when-done"),
        QApplication::translate("main", "Close the window when Play stops."));
    // Class mode from the command line (a teacher's shortcut, scripts, the load test).
    const QCommandLineOption hostClassOpt(
        QStringLiteral("host-class"),
        QApplication::translate("main", "Host a class on this port (Class > Host a class)."),
        QStringLiteral("port"));
    const QCommandLineOption joinClassOpt(
        QStringLiteral("join-class"),
        QApplication::translate("main",
                                "Join the class at this address:port (Class > Join a class)."),
        QStringLiteral("address"));
    const QCommandLineOption classCodeOpt(
        QStringLiteral("class-code"),
        QApplication::translate("main",
                                "The class's join code (with --host-class or --join-class)."),
        QStringLiteral("code"));
    const QCommandLineOption classNameOpt(
        QStringLiteral("class-name"),
        QApplication::translate("main", "Your name in the class (with --join-class)."),
        QStringLiteral("name"));
    const QCommandLineOption classReportOpt(
        QStringLiteral("class-report"),
        QApplication::translate(
            "main", "Write every epoch result the hosted class sends to this CSV file."),
        QStringLiteral("file"));
    parser.addOptions({hiddenOpt, lrOpt, epochsOpt, seedOpt, autoplayOpt, quitOpt, hostClassOpt,
                       joinClassOpt, classCodeOpt, classNameOpt, classReportOpt});
    parser.process(app);
    const QStringList args = parser.positionalArguments();

    // The window lives until the end: a language switch retranslates it in place.
    auto* first = new bps::MainWindow;
    bps::MainWindow& window = *first;
    bps::TrainingController* controller = window.controller();
    double lastRate = 0;
    QObject::connect(window.controller(), &bps::TrainingController::throughput, controller,
                     [&lastRate](double r) {
                         if (r > 0) lastRate = r;
                     });
    QStringList epochLines;  // the trainer's own epoch timings, comparable with backprop-cli's
    QObject::connect(
        window.controller(), &bps::TrainingController::epochFinished, controller,
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
        probe->watchFirstPaint(first);
    }
    // The options are checked by the code that checks backprop-cli's (backprop/OptionText.h),
    // within the ranges of the control panel's fields, and refused with the same messages.
    const auto refuse = [first](const std::string& why) {
        std::fprintf(stderr, "backprop-studio: %s\n", why.c_str());
        delete first;  // and with it the controller's worker
        return 2;
    };
    if (parser.isSet(hiddenOpt) || parser.isSet(lrOpt) || parser.isSet(epochsOpt) ||
        parser.isSet(seedOpt)) {
        bp::NetworkSpec spec = window.controlPanel()->spec();
        bp::TrainOptions options = window.controlPanel()->options();
        const auto text = [&parser](const QCommandLineOption& o) {
            return parser.value(o).toStdString();
        };
        if (parser.isSet(hiddenOpt)) {
            std::vector<int> hidden;
            if (const std::string why = bp::parseNeuronCountsOption(
                    "hidden", text(hiddenOpt), bps::ControlPanel::kMaxHiddenNeurons, hidden);
                !why.empty())
                return refuse(why);
            const int inputs = spec.layers.front(), outputs = spec.layers.back();
            spec.layers = {inputs};
            spec.layers.insert(spec.layers.end(), hidden.begin(), hidden.end());
            spec.layers.push_back(outputs);
        }
        if (parser.isSet(lrOpt))
            if (const std::string why =
                    bp::parseNumberOption("lr", text(lrOpt), bps::ControlPanel::kMinRate,
                                          bps::ControlPanel::kMaxRate, options.learningRate);
                !why.empty())
                return refuse(why);
        long long n = 0;
        if (parser.isSet(epochsOpt)) {
            if (const std::string why = bp::parseIntegerOption("epochs", text(epochsOpt), 1,
                                                               bps::ControlPanel::kMaxEpochs, n);
                !why.empty())
                return refuse(why);
            options.epochs = static_cast<int>(n);
        }
        if (parser.isSet(seedOpt)) {
            if (const std::string why = bp::parseIntegerOption("seed", text(seedOpt), 0,
                                                               bps::ControlPanel::kMaxSeed, n);
                !why.empty())
                return refuse(why);
            spec.seed = static_cast<std::uint64_t>(n);
        }
        // Before anything is allocated: weights that would not fit in memory are refused.
        if (const std::string why = spec.validate(); !why.empty()) return refuse(why);
        window.setTraining(spec, options);
        if (parser.isSet(epochsOpt)) window.setEpochLimit(options.epochs);
    }
    const int autoplayEnv = qEnvironmentVariableIntValue("BP_AUTOPLAY");
    const bool autoplay = parser.isSet(autoplayOpt) || autoplayEnv != 0;
    if (autoplay && autoplayEnv != 2) window.setFullSpeed();
    window.setAutoPlay(autoplay);
    if (parser.isSet(quitOpt)) {
        window.setAskToSaveOnClose(false);  // the program closes itself: nothing to ask
        QObject::connect(window.controller(), &bps::TrainingController::playingChanged, controller,
                         [&window, played = false](bool playing) mutable {
                             if (playing) played = true;
                             if (played && !playing) window.close();
                         });
    }
    // Files by their content: sessions and models open as documents, anything else is data.
    QStringList datasets, documents;
    for (const QString& arg : args) {
        const auto kind = bps::SessionManager::kindOf(arg);
        const bool document = kind == bps::SessionManager::FileKind::Session ||
                              kind == bps::SessionManager::FileKind::Model;
        (document ? documents : datasets) << arg;
    }
    window.openDatasets(
        datasets.size() > 0 ? datasets[0] : QString::fromLatin1(bps::MainWindow::kDefaultTrain),
        datasets.size() > 1
            ? datasets[1]
            : (datasets.isEmpty() ? QString::fromLatin1(bps::MainWindow::kDefaultTest)
                                  : QString()));
    window.show();
    for (const QString& document : documents) {
        if (const QString error = window.sessions()->openDocument(document); !error.isEmpty())
            QMessageBox::warning(&window, QApplication::translate("main", "Backprop Studio"),
                                 error);
    }
    if (parser.isSet(hostClassOpt) || parser.isSet(joinClassOpt)) {
        bps::ClassActions* classActions = window.classActions();
        QString why;
        const QString code = parser.value(classCodeOpt).isEmpty() ? bp::classroom::makeJoinCode()
                                                                  : parser.value(classCodeOpt);
        if (parser.isSet(hostClassOpt)) {
            classActions->mode()->setReportFile(parser.value(classReportOpt));
            long long port = 0;
            if (const std::string bad = bp::parseIntegerOption(
                    "host-class", parser.value(hostClassOpt).toStdString(), 1, 65535, port);
                !bad.empty())
                return refuse(bad);
            why = classActions->host(static_cast<quint16>(port), code);
        } else {
            const QString address = parser.value(joinClassOpt);
            bp::classroom::ClassClient::Options o;
            o.host = address.section(QLatin1Char(':'), 0, -2);
            o.port = static_cast<quint16>(address.section(QLatin1Char(':'), -1).toUInt());
            o.code = code;
            o.name = parser.value(classNameOpt);
            why = classActions->mode()->join(o);
        }
        if (!why.isEmpty()) {
            std::fprintf(stderr, "backprop-studio: %s\n", qPrintable(why));
            return 2;
        }
    }
    // Autosave, crash recovery, presentation mode. Recovery is offered only when no file was
    // named and nobody is scripting the run (benchmarks must never meet a dialog).
    window.startUp(args.isEmpty() && !autoplay && !parser.isSet(quitOpt) &&
                   qEnvironmentVariableIntValue("BP_QUIT_AFTER_MS") == 0);
    if (const int ms = qEnvironmentVariableIntValue("BP_QUIT_AFTER_MS"); ms > 0) {
        window.setAskToSaveOnClose(false);  // a measurement closes it: never wait on a question
        QTimer::singleShot(ms, controller, [&window] { window.close(); });
    }
    const int rc = QApplication::exec();
    window.sessions()->shutDown();  // a normal exit: no recovery offer next time
    if (probe) {
        probe->stop();
        const auto s = controller->lastSnapshot();
        std::fprintf(stderr, "%s\ntraining: %llu samples seen, %.0f samples/s while playing\n",
                     qPrintable(probe->report()), s ? s->samplesSeen : 0ULL, lastRate);
        for (const QString& line : epochLines) std::fprintf(stderr, "%s\n", qPrintable(line));
    }
    delete first;  // and with it the controller, which stops its worker
    return rc;
}
