// ClassCommands.cpp — class-host and class-join: class mode without a display (classroom/).
//
// class-host runs a ClassHost on the main thread's event loop and writes the report as epoch
// results arrive. class-join trains on the calling thread exactly as train does (trainWith) and
// runs its ClassClient on a thread of its own, so the network never waits for training nor
// training for the network; the training hooks post what happened to the client, and the
// client's news (joined, waiting…) is printed by the training thread between samples, so one
// thread writes to the terminal at a time.
#include <string>

#include "Commands.h"

#ifndef BP_HAVE_CLASSROOM

namespace bp::cli {
int classHost(const Args& args, Context&) {
    args.fail("this backprop-cli was built without class mode (BP_BUILD_CLASSROOM=OFF)");
}
int classJoin(const Args& args, Context&) {
    args.fail("this backprop-cli was built without class mode (BP_BUILD_CLASSROOM=OFF)");
}
}  // namespace bp::cli

#else

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <cmath>
#include <csignal>
#include <mutex>
#include <ostream>
#include <vector>

#include "ClassClient.h"
#include "ClassHost.h"
#include "ClassReport.h"
#include "Cli.h"
#include "Json.h"

namespace bp::cli {
namespace {

using namespace bp::classroom;

std::atomic<bool> g_interrupted{false};  // Ctrl-C / SIGTERM asked the host to stop
extern "C" void onSignal(int) {
    g_interrupted.store(true);
}

// backprop-cli has no QCoreApplication until a class command needs one.
struct QtApp {
    int argc = 1;
    char name[13] = "backprop-cli";
    char* argv[2] = {name, nullptr};
    std::unique_ptr<QCoreApplication> app;
    QtApp() {
        if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);
    }
};

QString code(const Args& args) {
    const QString c = QString::fromStdString(args.required("code"));
    if (!isValidCode(c))
        args.fail("--code needs " + std::to_string(Limits::kMinCodeChars) + " to " +
                  std::to_string(Limits::kMaxCodeChars) + " letters or digits");
    return c;
}

}  // namespace

int classHost(const Args& args, Context& ctx) {
    ClassHost::Options options;
    options.port = static_cast<quint16>(args.integer("port", -1, 1, 65535));
    if (!args.has("port")) args.fail("missing required option '--port'");
    options.code = code(args);
    options.maxStudents = static_cast<int>(
        args.integer("max-students", Limits::kDefaultMaxStudents, 1, ClassHost::kMaxRemembered));
    const double duration = args.number("duration", 0, 0, 1e7);
    if (const auto a = args.value("listen")) {
        options.address = QHostAddress(QString::fromStdString(*a));
        if (options.address.isNull()) args.fail("--listen needs an IP address, got '" + *a + "'");
    }
    ClassReport report;
    const auto reportPath = args.value("report");

    QtApp qt;
    if (reportPath)
        if (const QString why = report.open(QString::fromStdString(*reportPath)); !why.isEmpty())
            throw std::runtime_error(why.toStdString());
    ClassHost host;
    if (const QString why = host.start(options); !why.isEmpty())
        throw std::runtime_error("cannot listen on port " + std::to_string(options.port) + ": " +
                                 why.toStdString());
    ctx.out << "hosting a class on port " << host.port() << ", code " << options.code.toStdString()
            << "\n"
            << std::flush;
    qint64 rows = 0;
    QObject::connect(&host, &ClassHost::studentJoined, [&](int, const QString& name) {
        ctx.out << "joined: " << name.toStdString() << "\n" << std::flush;
    });
    QObject::connect(&host, &ClassHost::studentLeft, [&](int id) {
        for (const StudentSummary& s : host.students())
            if (s.id == id) ctx.out << "left: " << s.name.toStdString() << "\n" << std::flush;
    });
    QObject::connect(&host, &ClassHost::epochReceived, [&](const EpochRow& r) {
        ++rows;
        report.write(r);
    });

    g_interrupted.store(false);
    auto* const oldInt = std::signal(SIGINT, onSignal);
    auto* const oldTerm = std::signal(SIGTERM, onSignal);
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        report.flush();
        if (g_interrupted.load() || (duration > 0 && clock.elapsed() >= duration * 1000))
            QCoreApplication::quit();
    });
    tick.start(100);
    QCoreApplication::exec();
    std::signal(SIGINT, oldInt);
    std::signal(SIGTERM, oldTerm);

    const QVector<StudentSummary> students = host.students();
    host.stop();
    if (const QString why = report.close(); !why.isEmpty())
        throw std::runtime_error(why.toStdString() + " (the report is incomplete)");
    ctx.out << "stopped: " << students.size() << " student(s), " << rows << " epoch result(s), "
            << host.messagesAccepted() << " message(s) accepted\n";
    std::string refused;
    const ClassHost::Counters c = host.counters();
    for (int i = 0; i < ClassHost::kCounters; ++i)
        if (c[static_cast<std::size_t>(i)] > 0)
            refused += std::string(refused.empty() ? "" : ", ") + ClassHost::counterName(i) + " " +
                       std::to_string(c[static_cast<std::size_t>(i)]);
    if (!refused.empty()) ctx.out << "refused: " << refused << "\n";
    if (reportPath) ctx.err << "wrote " << rows << " row(s) to " << *reportPath << "\n";
    return kExitOk;
}

int classJoin(const Args& args, Context& ctx) {
    const std::string hostPort = args.required("host");
    const std::size_t colon = hostPort.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == hostPort.size())
        args.fail("--host needs ADDRESS:PORT, such as 192.168.1.20:5710, got '" + hostPort + "'");
    std::string address = hostPort.substr(0, colon);
    if (address.size() > 2 && address.front() == '[' && address.back() == ']')
        address = address.substr(1, address.size() - 2);  // [::1]:5710
    int port = 0;
    try {
        std::size_t used = 0;
        port = std::stoi(hostPort.substr(colon + 1), &used);
        if (used != hostPort.size() - colon - 1) port = 0;
    } catch (const std::exception&) {
        port = 0;
    }
    if (port < 1 || port > 65535) args.fail("--host needs a port from 1 to 65535 after the ':'");
    ClassClient::Options options;
    options.host = QString::fromStdString(address);
    options.port = static_cast<quint16>(port);
    options.code = code(args);
    options.name = QString::fromStdString(args.required("name"));
    if (normalizedName(options.name).isEmpty())
        args.fail("--name needs 1 to " + std::to_string(Limits::kMaxNameChars) +
                  " letters, digits, spaces or - _ . '");
    const double wait = args.number("wait", 10, 0, 3600);
    const bool quiet = args.flag("quiet");

    QtApp qt;
    QThread network;
    network.setObjectName(QStringLiteral("class-join network"));
    auto* client = new ClassClient;  // lives on the network thread; deleted there
    client->moveToThread(&network);
    QObject::connect(&network, &QThread::finished, client, &QObject::deleteLater);

    // News from the network thread, printed by the training thread.
    std::mutex newsMutex;
    std::vector<std::string> news;
    std::atomic<bool> hasNews{false};
    QObject::connect(client, &ClassClient::stateChanged, client, [&, client](ClassClient::State s) {
        std::string line;
        switch (s) {
            case ClassClient::State::Joined:
                line = "joined the class as " + client->joinedName().toStdString();
                break;
            case ClassClient::State::Waiting:
                line = "the teacher's host is not reachable; training goes on, trying again";
                break;
            case ClassClient::State::Refused:
                line = std::string("the teacher's host refused: ") +
                       refuseReasonName(client->lastRefusal());
                break;
            default:
                return;
        }
        std::lock_guard lock(newsMutex);
        news.push_back(line);
        hasNews.store(true, std::memory_order_release);
    });
    const auto printNews = [&] {
        if (!hasNews.load(std::memory_order_acquire)) return;
        std::lock_guard lock(newsMutex);
        if (!quiet)
            for (const std::string& n : news) ctx.err << "class: " << n << "\n";
        ctx.err.flush();
        news.clear();
        hasNews.store(false, std::memory_order_relaxed);
    };
    network.start();
    QString startError;
    QMetaObject::invokeMethod(
        client, [&] { startError = client->start(options); }, Qt::BlockingQueuedConnection);
    if (!startError.isEmpty()) {
        network.quit();
        network.wait();
        args.fail(startError.toStdString());
    }

    // The run, posted to the client as it happens: one error point every kPointEvery samples.
    constexpr std::uint64_t kPointEvery = 100;
    int runNumber = 0;
    TrainObserver observer;
    observer.started = [&](const NetworkSpec& spec, const TrainOptions& o) {
        RunStart run;
        run.run = ++runNumber;
        run.layers = spec.layers;
        run.learningRate = o.learningRate;
        run.seed = spec.seed;
        run.batch = o.batch;
        QMetaObject::invokeMethod(client, [client, run] { client->beginRun(run); });
    };
    observer.progress = [&](const TrainProgress& p) {
        if (p.samplesSeen % kPointEvery == 0 && p.samplesSeen > 0) {
            const QPointF point(static_cast<double>(p.samplesSeen), p.runningError);
            QMetaObject::invokeMethod(client, [client, point] { client->addErrorPoints({point}); });
        }
        printNews();
    };
    observer.epoch = [&](const EpochResult& r, double lr) {
        Epoch e;
        e.epoch = r.epoch;
        e.samplesSeen = static_cast<double>(r.epoch) * static_cast<double>(r.samples);
        e.testAccuracy = r.testAccuracy;
        e.meanError = r.meanError;
        e.learningRate = lr;
        QMetaObject::invokeMethod(client, [client, e] { client->addEpoch(e); });
        printNews();
    };

    int status = kExitOk;
    try {
        status = trainWith(args, ctx, observer);
    } catch (...) {
        network.quit();
        network.wait();
        throw;
    }

    // Training is done: give the results up to --wait seconds to reach the teacher.
    QElapsedTimer waited;
    waited.start();
    bool flushed = false;
    qint64 sent = 0, lost = 0;
    int pending = 0;
    ClassClient::State state = ClassClient::State::Idle;
    RefuseReason refusal = RefuseReason::Code;
    for (;;) {
        QMetaObject::invokeMethod(
            client,
            [&] {
                flushed = client->isFlushed();
                sent = client->epochsSent();
                lost = client->epochsLost();
                pending = client->pendingEpochs();
                state = client->state();
                refusal = client->lastRefusal();
            },
            Qt::BlockingQueuedConnection);
        printNews();
        if (flushed || state == ClassClient::State::Refused ||
            static_cast<double>(waited.elapsed()) >= wait * 1000)
            break;
        QThread::msleep(50);
    }
    QMetaObject::invokeMethod(
        client, [client] { client->stop(); }, Qt::BlockingQueuedConnection);
    network.quit();
    network.wait();
    if (flushed) {
        if (!quiet) ctx.err << "class: sent " << sent << " epoch result(s) to the teacher\n";
        return status;
    }
    ctx.err << "backprop-cli: class-join: " << pending + lost
            << " epoch result(s) did not reach the teacher"
            << (state == ClassClient::State::Refused
                    ? std::string(" (refused: ") + refuseReasonName(refusal) + ")"
                    : std::string(" within --wait ") + jsonNumber(wait) + " s")
            << "\n";
    return status == kExitOk ? kExitDataError : status;
}

}  // namespace bp::cli

#endif
