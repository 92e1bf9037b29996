// test_hostile_loads.cpp — hostile and huge files through the studio's DatasetLoader (the code
// path of File ▸ Open): each fails with the core loader's one-line message, the previously loaded
// set stays current, and the GUI thread keeps running its event loop during the load (a 10 ms
// timer never waits longer than 500 ms, generous for a loaded CI machine).
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "TestFiles.h"
#include "training/DatasetLoader.h"

using bps::DatasetLoader;
using Role = bps::DatasetLoader::Role;

class TestHostileLoads : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& content) {
        return testfiles::writeFile(m_dir.filePath(name), content);
    }
    static QByteArray resource(const char* name) {
        QFile f(QStringLiteral(BP_SOURCE_DIR "/resources/data/") + QLatin1String(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

  private slots:
    void hostileFiles_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");  // part of the loader's message
        QTest::newRow("png renamed")
            << QStringLiteral("digit.csv") << QStringLiteral("is a PNG image, not a CSV file");
        QTest::newRow("mid-line") << QStringLiteral("cut.csv")
                                  << QStringLiteral("expected 785 like line 1");
        QTest::newRow("truncated gz")
            << QStringLiteral("cut.csv.gz") << QStringLiteral("truncated");
        QTest::newRow("10 million fields")
            << QStringLiteral("wide.csv") << QStringLiteral("has 10000001 values");
        QTest::newRow("2 GiB sparse")
            << QStringLiteral("huge.csv") << QStringLiteral("NUL byte at byte");
    }

    void hostileFiles() {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QByteArray book = resource("mnist_train_100.csv");
        QVERIFY(!book.isEmpty());
        QString path;
        if (name == QLatin1String("digit.csv")) {
            path = writeFile(name, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x1c", 20));
        } else if (name == QLatin1String("cut.csv")) {
            path = writeFile(name, book.left(book.indexOf('\n', book.size() / 2) + 700));
        } else if (name == QLatin1String("cut.csv.gz")) {
            const QByteArray gz = resource("mnist_train_5000.csv.gz");
            path = writeFile(name, gz.left(gz.size() / 2));
        } else if (name == QLatin1String("wide.csv")) {
            QByteArray line("5");
            line.reserve(20'000'002);
            for (int i = 0; i < 10'000'000; ++i) line += ",0";
            path = writeFile(name, line + '\n');
        } else {
            path = writeFile(name, book.left(book.indexOf('\n') + 1));
            QFile f(path);
            QVERIFY(f.resize(qint64{2} << 30));  // a 2 GiB hole: NUL bytes, no newline
        }
        QVERIFY(!path.isEmpty());

        DatasetLoader loader;  // no dialog parent: no dialogs
        QSignalSpy loaded(&loader, &DatasetLoader::loaded);
        QSignalSpy failed(&loader, &DatasetLoader::failed);
        loader.load(QStringLiteral(BP_SOURCE_DIR "/resources/data/mnist_test_10.csv"), Role::Test);
        QTRY_COMPARE(loaded.count(), 1);
        const bps::DatasetPtr before = loader.current(Role::Test);
        QVERIFY(before);
        const std::vector<std::uint8_t> pixels = before->pixels;

        // The event loop must keep turning while the worker reads the file.
        QElapsedTimer clock;
        qint64 last = 0, longestGap = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            longestGap = std::max(longestGap, now - last);
            last = now;
        });
        clock.start();
        tick.start(10);
        loader.load(path, Role::Test);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
        tick.stop();

        const QString message = failed.at(0).at(1).toString();
        QVERIFY2(message.contains(name) && message.contains(expected), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
        QCOMPARE(loader.current(Role::Test), before);  // the same set, untouched
        QVERIFY(loader.current(Role::Test)->pixels == pixels);
        QCOMPARE(loaded.count(), 1);
        QVERIFY2(longestGap < 500,
                 qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(longestGap)));
    }
};

QTEST_MAIN(TestHostileLoads)
#include "test_hostile_loads.moc"
