// test_protocol.cpp — class mode's messages: every type survives encode → parse unchanged, and
// the parser refuses what docs/CLASSROOM_PROTOCOL.md does not allow, saying why.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>

#include "Protocol.h"

using namespace bp::classroom;

class TestProtocol : public QObject {
    Q_OBJECT
  private:
    static ParseError studentError(const QByteArray& json) {
        const auto p = parseStudentMessage(json);
        return p.message ? ParseError::None : p.error;
    }

  private slots:
    void studentRoundTrips() {
        const Hello hello{1, QStringLiteral("K7Q2XM"), QStringLiteral("李雷"),
                          QStringLiteral("abcDEF123456")};
        RunStart run;
        run.run = 3;
        run.layers = {784, 100, 50, 10};
        run.learningRate = 0.0316;
        run.seed = 42;
        run.batch = 8;
        Progress progress;
        progress.run = 3;
        progress.samplesSeen = 12345;
        progress.learningRate = 0.05;
        progress.error = {{100, 0.9}, {200, 0.45}, {300, 0.125}};
        progress.rateChanges = {{250, 0.05}};
        Epoch epoch;
        epoch.run = 3;
        epoch.epoch = 2;
        epoch.samplesSeen = 120000;
        epoch.testAccuracy = 0.9547;
        epoch.meanError = 0.0712;
        epoch.learningRate = 0.05;
        Epoch noTest = epoch;
        noTest.testAccuracy = std::nan("");
        for (const StudentMessage& m :
             {StudentMessage(hello), StudentMessage(run), StudentMessage(progress),
              StudentMessage(epoch), StudentMessage(noTest)}) {
            const QByteArray wire = encode(m);
            const auto parsed = parseStudentMessage(wire);
            QVERIFY2(parsed.message.has_value(), qPrintable(wire + " → " + parsed.detail));
            QVERIFY2(*parsed.message == m, wire.constData());
        }
        QCOMPARE(run.hiddenNeurons(), 150);
        QVERIFY(encode(noTest).contains("\"test_accuracy\":null"));
    }

    void teacherRoundTrips() {
        QByteArray bps(300000, '\0');
        for (int i = 0; i < bps.size(); ++i) bps[i] = static_cast<char>(i * 7);
        for (const TeacherMessage& m :
             {TeacherMessage(Welcome{1, QStringLiteral("Ann")}),
              TeacherMessage(Refused{RefuseReason::NameTaken}),
              TeacherMessage(Refused{RefuseReason::Flood}),
              TeacherMessage(SessionOffer{SessionPurpose::Sweep, bps}),
              TeacherMessage(Goal{true, 0.95, 50}), TeacherMessage(Goal{false, 0.5, 0})}) {
            const QByteArray wire = encode(m);
            const auto parsed = parseTeacherMessage(wire);
            QVERIFY2(parsed.message.has_value(), qPrintable(parsed.detail));
            QVERIFY(*parsed.message == m);
        }
    }

    // Each direction parses only its own messages.
    void directions() {
        QCOMPARE(parseStudentMessage(encode(TeacherMessage(Goal{}))).error, ParseError::BadType);
        QCOMPARE(
            parseTeacherMessage(encode(StudentMessage(Hello{1, "ABCD", "x", "abcdefgh"}))).error,
            ParseError::BadType);
    }

    void refusals_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("error");
        const int bad = static_cast<int>(ParseError::BadField);
        QTest::newRow("not json") << QByteArray("{\"type\":") << int(ParseError::NotJson);
        QTest::newRow("array") << QByteArray("[1,2]") << int(ParseError::NotJson);
        QTest::newRow("no type") << QByteArray("{\"run\":1}") << int(ParseError::BadType);
        QTest::newRow("type number") << QByteArray("{\"type\":7}") << int(ParseError::BadType);
        QTest::newRow("unknown type")
            << QByteArray("{\"type\":\"open_file\",\"path\":\"/etc/passwd\"}")
            << int(ParseError::BadType);
        QTest::newRow("unknown key")
            << QByteArray(
                   R"({"type":"hello","protocol":1,"code":"ABCD","name":"A","key":"abcdefgh","x":1})")
            << bad;
        QTest::newRow("missing key")
            << QByteArray(R"({"type":"hello","protocol":1,"code":"ABCD","name":"A"})") << bad;
        QTest::newRow("short key")
            << QByteArray(R"({"type":"hello","protocol":1,"code":"ABCD","name":"A","key":"abc"})")
            << bad;
        QTest::newRow("key symbols")
            << QByteArray(
                   R"({"type":"hello","protocol":1,"code":"ABCD","name":"A","key":"abc/../def"})")
            << bad;
        QTest::newRow("code too long")
            << QByteArray(
                   R"({"type":"hello","protocol":1,"code":"ABCDEFGHIJKLMNOPQ","name":"A","key":"abcdefgh"})")
            << bad;
        QTest::newRow("protocol string")
            << QByteArray(
                   R"({"type":"hello","protocol":"1","code":"ABCD","name":"A","key":"abcdefgh"})")
            << bad;
        QTest::newRow("one layer")
            << QByteArray(
                   R"({"type":"run","run":0,"layers":[784],"learning_rate":0.1,"seed":1,"batch":1})")
            << bad;
        QTest::newRow("nine layers")
            << QByteArray(
                   R"({"type":"run","run":0,"layers":[1,1,1,1,1,1,1,1,1],"learning_rate":0.1,"seed":1,"batch":1})")
            << bad;
        QTest::newRow("huge layer")
            << QByteArray(
                   R"({"type":"run","run":0,"layers":[784,100001,10],"learning_rate":0.1,"seed":1,"batch":1})")
            << bad;
        QTest::newRow("fraction layer")
            << QByteArray(
                   R"({"type":"run","run":0,"layers":[784,2.5,10],"learning_rate":0.1,"seed":1,"batch":1})")
            << bad;
        QTest::newRow("rate zero")
            << QByteArray(
                   R"({"type":"run","run":0,"layers":[784,10],"learning_rate":0,"seed":1,"batch":1})")
            << bad;
        QTest::newRow("rate huge")
            << QByteArray(
                   R"({"type":"run","run":0,"layers":[784,10],"learning_rate":1e7,"seed":1,"batch":1})")
            << bad;
        QTest::newRow("negative run")
            << QByteArray(
                   R"({"type":"run","run":-1,"layers":[784,10],"learning_rate":0.1,"seed":1,"batch":1})")
            << bad;
        QTest::newRow("points decrease")
            << QByteArray(
                   R"({"type":"progress","run":0,"samples_seen":9,"learning_rate":0.1,"error":[[5,0.1],[4,0.1]]})")
            << bad;
        QTest::newRow("point shape")
            << QByteArray(
                   R"({"type":"progress","run":0,"samples_seen":9,"learning_rate":0.1,"error":[[5,0.1,3]]})")
            << bad;
        QTest::newRow("point nan text")
            << QByteArray(
                   R"({"type":"progress","run":0,"samples_seen":9,"learning_rate":0.1,"error":[[5,"NaN"]]})")
            << bad;
        QTest::newRow("fractional samples")
            << QByteArray(
                   R"({"type":"progress","run":0,"samples_seen":9.5,"learning_rate":0.1,"error":[]})")
            << bad;
        QTest::newRow("accuracy above 1")
            << QByteArray(
                   R"({"type":"epoch","run":0,"epoch":1,"samples_seen":9,"test_accuracy":1.5,"mean_error":0.1,"learning_rate":0.1})")
            << bad;
        QTest::newRow("epoch 0")
            << QByteArray(
                   R"({"type":"epoch","run":0,"epoch":0,"samples_seen":9,"test_accuracy":null,"mean_error":0.1,"learning_rate":0.1})")
            << bad;
    }
    void refusals() {
        QFETCH(QByteArray, json);
        QFETCH(int, error);
        const auto p = parseStudentMessage(json);
        QVERIFY2(!p.message.has_value(), json.constData());
        QCOMPARE(int(p.error), error);
        QVERIFY(!p.detail.isEmpty());
    }

    void sizeCaps() {
        Progress p;
        p.learningRate = 0.1;
        for (int i = 0; i < Limits::kMaxProgressPoints; ++i)
            p.error.append(QPointF(i * 1000, 0.123456789));
        const QByteArray full = encode(StudentMessage(p));
        QVERIFY2(full.size() <= Limits::kMaxStudentMessageBytes, QByteArray::number(full.size()));
        QVERIFY(parseStudentMessage(full).message.has_value());
        p.error.append(QPointF(1e9, 0.1));
        QCOMPARE(studentError(encode(StudentMessage(p))), ParseError::BadField);  // 129 points
        QByteArray padded = "{\"type\":\"hello\",\"pad\":\"" +
                            QByteArray(Limits::kMaxStudentMessageBytes, 'x') + "\"}";
        QCOMPARE(studentError(padded), ParseError::TooLarge);
        // A session over the cap is refused before base64 is decoded into memory.
        const QByteArray big(Limits::kMaxTeacherMessageBytes + 1, 'A');
        QCOMPARE(parseTeacherMessage(big).error, ParseError::TooLarge);
        QByteArray overSession = encode(TeacherMessage(
            SessionOffer{SessionPurpose::Start, QByteArray(Limits::kMaxSessionBytes + 3, 'z')}));
        QVERIFY(!parseTeacherMessage(overSession).message.has_value());
    }

    void names() {
        QCOMPARE(normalizedName(QStringLiteral("  Ann   Lee ")), QStringLiteral("Ann Lee"));
        QCOMPARE(normalizedName(QStringLiteral("李雷")), QStringLiteral("李雷"));
        QCOMPARE(normalizedName(QStringLiteral("O'Neil-Smith_2.0")),
                 QStringLiteral("O'Neil-Smith_2.0"));
        QVERIFY(normalizedName(QString()).isEmpty());
        QVERIFY(normalizedName(QStringLiteral("   ")).isEmpty());
        QVERIFY(normalizedName(QString(Limits::kMaxNameChars + 1, QLatin1Char('a'))).isEmpty());
        QVERIFY(!normalizedName(QString(Limits::kMaxNameChars, QLatin1Char('a'))).isEmpty());
        for (const char* bad :
             {"<b>Ann</b>", "Ann\x01", "a/b", "Ann;rm", "x\u202Ey", "\xF0\x9F\x98\x80"})
            QVERIFY2(normalizedName(QString::fromUtf8(bad)).isEmpty(), bad);
        // Letters outside the BMP are letters.
        QCOMPARE(normalizedName(QString::fromUtf8("\xF0\xA0\x80\x80")),
                 QString::fromUtf8("\xF0\xA0\x80\x80"));
    }

    void codes() {
        QVERIFY(isValidCode(QStringLiteral("K7Q2XM")));
        QVERIFY(!isValidCode(QStringLiteral("K7Q")));
        QVERIFY(!isValidCode(QStringLiteral("K7Q 2XM")));
        QVERIFY(!isValidCode(QStringLiteral("ÄBCD")));
        for (int i = 0; i < 50; ++i) {
            const QString c = makeJoinCode();
            QVERIFY(isValidCode(c));
            for (const QChar ch : c) QVERIFY(!QStringLiteral("01OIL").contains(ch));
        }
        QVERIFY(makeStudentKey() != makeStudentKey());
    }

    void goals() {
        const Goal g{true, 0.95, 50};
        QVERIFY(g.metBy(0.95, 50));
        QVERIFY(g.metBy(9500.0 / 10000.0, 20));
        QVERIFY(!g.metBy(0.9499, 50));
        QVERIFY(!g.metBy(0.99, 51));
        QVERIFY(!g.metBy(std::nan(""), 10));
        QVERIFY(Goal({true, 0.9, 0}).metBy(0.91, 100000));
        QVERIFY(!Goal({false, 0.0, 0}).metBy(1.0, 1));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "test_protocol.moc"
