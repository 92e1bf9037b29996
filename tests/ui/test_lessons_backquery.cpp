// test_lessons_backquery.cpp — lesson 5: the ten pictures are bp::Network::backquery of the
// book's targets scaled to bytes, they follow new snapshots (coalesced), what the network answers
// for its own picture is its query(), and the PNG export holds exactly those pixels.
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "LessonFixtures.h"
#include "backprop/Network.h"
#include "lessons/BackQueryLesson.h"

using namespace bps;

class TestBackQueryLesson : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { m_train = lessonfix::embedded("mnist_train_5000.csv.gz"); }

    void picturesAreTheBackQuery() {
        BackQueryLesson lesson;
        QCOMPARE(lesson.id(), QStringLiteral("back-query"));
        QVERIFY(lesson.inkBytes(3).empty());
        const bp::Network net = lessonfix::trainedNetwork(*m_train, 100, 2000);
        lesson.setSnapshot(lessonfix::snapshotOf(net, 2000));
        lesson.refresh();
        QCOMPARE(lesson.side(), 28);
        for (int l = 0; l < 10; ++l) {
            const bp::Vector bq = net.backquery(bp::bookTarget(l, 10));
            const std::vector<std::uint8_t>& ink = lesson.inkBytes(l);
            QCOMPARE(ink.size(), std::size_t{784});
            int lo = 255, hi = 0;
            for (int i = 0; i < 784; ++i) {
                // bytes = round(255·(v − 0.01)/0.98): the back query's 0.01 … 0.99 as 0 … 255
                const long expected = std::lround(255.0 * (bq[i] - 0.01) / 0.98);
                QCOMPARE(static_cast<long>(ink[static_cast<std::size_t>(i)]), expected);
                lo = std::min(lo, int{ink[static_cast<std::size_t>(i)]});
                hi = std::max(hi, int{ink[static_cast<std::size_t>(i)]});
            }
            QCOMPARE(lo, 0);  // backquery spans 0.01 … 0.99 exactly
            QCOMPARE(hi, 255);
            const bp::Vector out = net.query(bq);
            int best = 0;
            for (int k = 1; k < 10; ++k)
                if (out[k] > out[best]) best = k;
            QCOMPARE(lesson.answerFor(l), best);
            QCOMPARE(lesson.answerValue(l), out[best]);
        }
    }

    void followsSnapshotsCoalesced() {
        BackQueryLesson lesson;
        lesson.show();  // hidden lessons only keep the newest snapshot
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        const bp::Network early = lessonfix::trainedNetwork(*m_train, 50, 100);
        const bp::Network later = lessonfix::trainedNetwork(*m_train, 50, 3000);
        lesson.setSnapshot(lessonfix::snapshotOf(early, 100));
        lesson.setSnapshot(lessonfix::snapshotOf(later, 3000));  // arrives before the timer
        QTRY_COMPARE(lesson.refreshCount(), 1);                  // one redraw for both
        QTest::qWait(300);
        QCOMPARE(lesson.refreshCount(), 1);
        const bp::Vector bq = later.backquery(bp::bookTarget(7, 10));
        QCOMPARE(lesson.inkBytes(7), BackQueryLesson::toInkBytes(bq));
        // hidden: snapshots are kept, not drawn, until the lesson is activated
        lesson.hide();
        lesson.setSnapshot(lessonfix::snapshotOf(early, 100));
        QTest::qWait(300);
        QCOMPARE(lesson.refreshCount(), 1);
        lesson.activated();
        QCOMPARE(lesson.refreshCount(), 2);
        QCOMPARE(lesson.inkBytes(7),
                 BackQueryLesson::toInkBytes(early.backquery(bp::bookTarget(7, 10))));
        QVERIFY(lesson.inkBytes(7) != BackQueryLesson::toInkBytes(bq));
    }

    void rejectsNonImageNetworks() {
        BackQueryLesson lesson;
        bp::NetworkSpec spec;
        spec.layers = {3, 3, 3};
        lesson.setSnapshot(lessonfix::snapshotOf(bp::Network(spec), 0));
        lesson.refresh();
        QVERIFY(lesson.inkBytes(0).empty());
        QCOMPARE(lesson.refreshCount(), 0);
    }

    void exportsPng() {
        BackQueryLesson lesson;
        const bp::Network net = lessonfix::trainedNetwork(*m_train, 100, 2000);
        lesson.setSnapshot(lessonfix::snapshotOf(net, 2000));
        lesson.refresh();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bq.png"));
        const int scale = 3;
        QVERIFY(lesson.exportPng(path, scale));
        QImage img(path);
        QVERIFY(!img.isNull());
        QCOMPARE(img.width(), 10 * 28 * scale + 9 * 4 * scale);
        QCOMPARE(img.height(), 28 * scale);
        img = img.convertToFormat(QImage::Format_Grayscale8);
        for (int l = 0; l < 10; ++l)
            for (int i = 0; i < 784; i += 13) {
                const int x = l * (28 + 4) * scale + (i % 28) * scale + 1, y = (i / 28) * scale + 2;
                QCOMPARE(int{img.constScanLine(y)[x]},
                         255 - lesson.inkBytes(l)[static_cast<std::size_t>(i)]);
            }
    }

    void rowOfTenWhenWide() {
        BackQueryLesson lesson;
        lesson.resize(1700, 500);
        lesson.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        QTRY_COMPARE(lesson.columns(), 10);
        lesson.resize(1000, 700);
        QTRY_COMPARE(lesson.columns(), 5);
    }

    void screenshot() {
        const QString dir = lessonfix::screenshotDir();
        if (dir.isEmpty()) QSKIP("set BP_SCREENSHOT_DIR to write screenshots");
        BackQueryLesson lesson;
        const bp::Network net = lessonfix::trainedNetwork(*m_train, 200, 5000);
        lesson.setSnapshot(lessonfix::snapshotOf(net, 5000));
        lesson.refresh();
        lesson.resize(1280, 640);
        lesson.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        QVERIFY(lesson.grab().save(dir + QStringLiteral("/lesson-back-query.png")));
    }

  private:
    std::shared_ptr<const bp::Dataset> m_train;
};

QTEST_MAIN(TestBackQueryLesson)
#include "test_lessons_backquery.moc"
