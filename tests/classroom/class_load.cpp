// class_load.cpp — the load generator of bench/class_load.py: N headless students (the real
// ClassClient, one WebSocket each) sending at the host's highest sustained rate, each feeding its
// client an epoch result and new curve points every other message, optionally beside hostile
// connections. Prints one JSON line: what was sent, what the clients still hold, how long.
//
//   class_load --host 127.0.0.1:5710 --code ROOM42 [--students 60] [--seconds 60]
//              [--rate 20] [--hostile] [--name-prefix S]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <cstdio>
#include <memory>
#include <vector>

#include "ClassClient.h"

using namespace bp::classroom;

namespace {

// A connection that misbehaves in one way, again and again (reconnecting when closed).
class Hostile : public QObject {
  public:
    enum Kind { Malformed, Oversized, HugeFrame, Binary, Flood, NoHello, WrongCode };
    Hostile(Kind kind, QUrl url, QString code, int index)
        : m_kind(kind), m_url(std::move(url)), m_code(std::move(code)), m_index(index) {
        connect(&m_socket, &QWebSocket::connected, this, [this] { onConnected(); });
        connect(&m_socket, &QWebSocket::disconnected, this, [this] {
            ++reconnects;
            QTimer::singleShot(1000, this, [this] { m_socket.open(m_url); });
        });
        connect(&m_timer, &QTimer::timeout, this, [this] { fire(); });
        m_socket.open(m_url);
    }
    int reconnects = 0;
    qint64 sent = 0;

  private:
    void onConnected() {
        if (m_kind != NoHello)
            say(encode(StudentMessage(Hello{
                1, m_kind == WrongCode ? QStringLiteral("WRONG0") : m_code,
                QStringLiteral("hostile%1-%2").arg(m_index).arg(reconnects), makeStudentKey()})));
        m_timer.start(m_kind == Flood ? 1 : 20);
    }
    void say(const QByteArray& b) {
        if (m_socket.state() == QAbstractSocket::ConnectedState) {
            m_socket.sendTextMessage(QString::fromUtf8(b));
            ++sent;
        }
    }
    void fire() {
        if (m_socket.state() != QAbstractSocket::ConnectedState) return;
        switch (m_kind) {
            case Malformed:
                say("{\"type\":\"epoch\",\"run\":1,\"epoch\":");
                say("{\"type\":\"run\",\"run\":1,\"layers\":[784,1e12,10],\"learning_rate\":-1,"
                    "\"seed\":1,\"batch\":1}");
                break;
            case Oversized:
                say("{\"type\":\"progress\",\"pad\":\"" + QByteArray(9000, 'x') + "\"}");
                break;
            case HugeFrame:
                say(QByteArray(200 * 1024, 'h'));
                break;
            case Binary:
                m_socket.sendBinaryMessage(QByteArray(512, '\x07'));
                ++sent;
                break;
            case Flood: {
                RunStart r;
                r.layers = {784, 100, 10};
                for (int i = 0; i < 20; ++i) say(encode(StudentMessage(r)));
                break;
            }
            case NoHello:
                say("{\"type\":\"progress\",\"run\":1,\"samples_seen\":1,\"learning_rate\":0.1,"
                    "\"error\":[]}");
                break;
            case WrongCode:
                m_socket.close();
                break;  // hello again with the wrong code
        }
    }
    Kind m_kind;
    QUrl m_url;
    QString m_code;
    int m_index;
    QWebSocket m_socket;
    QTimer m_timer;
};

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({"host", "ADDRESS:PORT", "host"});
    p.addOption({"code", "join code", "code"});
    p.addOption({"students", "students", "n", "60"});
    p.addOption({"seconds", "seconds of sending", "s", "60"});
    p.addOption({"rate", "messages per second per student", "r", "20"});
    p.addOption({"name-prefix", "student names", "text", "student"});
    p.addOption({"hostile",
                 "add malformed, oversized, huge-frame, binary, flooding, no-hello and wrong-code "
                 "connections"});
    p.process(app);
    const QString hostPort = p.value("host");
    const int colon = static_cast<int>(hostPort.lastIndexOf(QLatin1Char(':')));
    const QString host = hostPort.left(colon);
    const quint16 port = static_cast<quint16>(hostPort.mid(colon + 1).toUInt());
    const int students = p.value("students").toInt();
    const double seconds = p.value("seconds").toDouble();
    const double rate = p.value("rate").toDouble();

    std::vector<std::unique_ptr<ClassClient>> clients;
    std::vector<int> epochs(static_cast<std::size_t>(students), 0);
    for (int i = 0; i < students; ++i) {
        auto c = std::make_unique<ClassClient>();
        c->setRate(rate);
        c->setProgressInterval(0);
        ClassClient::Options o;
        o.host = host;
        o.port = port;
        o.code = p.value("code");
        o.name =
            QStringLiteral("%1%2").arg(p.value("name-prefix")).arg(i + 1, 2, 10, QLatin1Char('0'));
        if (const QString why = c->start(o); !why.isEmpty()) {
            std::fprintf(stderr, "class_load: %s\n", qPrintable(why));
            return 2;
        }
        RunStart r;
        r.run = 1;
        r.layers = {784, 20 + 10 * (i % 20), 10};
        r.learningRate = 0.01 * (1 + i % 30);
        r.seed = 1;
        c->beginRun(r);
        clients.push_back(std::move(c));
    }
    std::vector<std::unique_ptr<Hostile>> hostile;
    if (p.isSet("hostile")) {
        QUrl url;
        url.setScheme(QStringLiteral("ws"));
        url.setHost(host);
        url.setPort(port);
        url.setPath(QStringLiteral("/"));
        int k = 0;
        for (auto kind : {Hostile::Malformed, Hostile::Oversized, Hostile::HugeFrame,
                          Hostile::Binary, Hostile::Flood, Hostile::NoHello, Hostile::WrongCode})
            hostile.push_back(std::make_unique<Hostile>(kind, url, p.value("code"), ++k));
    }

    // Once every student has joined, feed each an epoch and curve points per two messages of
    // budget: the client then alternates epoch, progress, epoch, … at the full rate.
    QElapsedTimer clock;
    bool sending = false;
    qint64 fed = 0;
    QTimer feed;
    const int feedMs = static_cast<int>(2000.0 / rate);
    QObject::connect(&feed, &QTimer::timeout, [&] {
        if (!sending) {
            for (const auto& c : clients)
                if (c->state() != ClassClient::State::Joined) return;
            sending = true;
            clock.start();
        }
        if (clock.elapsed() >= seconds * 1000) {
            feed.stop();
            return;
        }
        for (std::size_t i = 0; i < clients.size(); ++i) {
            ClassClient& c = *clients[i];
            const int e = ++epochs[i];
            Epoch ep;
            ep.epoch = e;
            ep.samplesSeen = 100.0 * e;
            ep.testAccuracy = 0.5 + 0.4 * (1.0 - 1.0 / e);
            ep.meanError = 1.0 / e;
            ep.learningRate = 0.01 * (1 + static_cast<int>(i) % 30);
            c.addEpoch(ep);
            c.addErrorPoints({{100.0 * e - 50, 1.0 / e}, {100.0 * e, 1.0 / e}});
            ++fed;
        }
    });
    feed.start(feedMs);

    QElapsedTimer total;
    total.start();
    QTimer done;
    QObject::connect(&done, &QTimer::timeout, [&] {
        const bool fedAll = sending && !feed.isActive();
        bool flushed = fedAll;
        for (const auto& c : clients) flushed = flushed && c->isFlushed();
        if (flushed || total.elapsed() > (seconds + 60) * 1000) app.quit();
    });
    done.start(100);
    app.exec();

    qint64 sent = 0, lost = 0, pending = 0, joined = 0;
    for (const auto& c : clients) {
        sent += c->epochsSent();
        lost += c->epochsLost();
        pending += c->pendingEpochs();
        joined += c->state() == ClassClient::State::Joined;
    }
    qint64 hostileSent = 0, hostileReconnects = 0;
    for (const auto& h : hostile) {
        hostileSent += h->sent;
        hostileReconnects += h->reconnects;
    }
    const QJsonObject out{{"students", students},
                          {"joined_at_end", joined},
                          {"epochs_fed", fed},
                          {"epochs_sent", sent},
                          {"epochs_lost", lost},
                          {"epochs_pending", pending},
                          {"sending_seconds", clock.isValid() ? clock.elapsed() / 1000.0 : 0.0},
                          {"rate", rate},
                          {"hostile_messages", hostileSent},
                          {"hostile_reconnects", hostileReconnects}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return pending == 0 && lost == 0 && joined == students ? 0 : 1;
}
