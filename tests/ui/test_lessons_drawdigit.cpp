// test_lessons_drawdigit.cpp — lesson 6: a "1" drawn with the mouse on the canvas goes through
// the core's preprocessing (crop box around the stroke, fitted to 20 high, centre of mass at
// (14, 14) ± ½), the same as bp::preprocessDigit on the canvas bytes; the bars are the network's
// query() of that input, updated while the pen is still down; a PNG file opens onto the canvas.
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "LessonFixtures.h"
#include "backprop/Network.h"
#include "backprop/Preprocess.h"
#include "lessons/DrawDigitLesson.h"
#include "lessons/LessonImages.h"

using namespace bps;

class TestDrawDigitLesson : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        m_train = lessonfix::embedded("mnist_train_5000.csv.gz");
        m_net = std::make_unique<bp::Network>(lessonfix::trainedNetwork(*m_train, 100, 5000));
    }

    void drawnOneIsPreprocessedLikeMnist() {
        DrawDigitLesson lesson;
        QCOMPARE(lesson.id(), QStringLiteral("draw-digit"));
        lesson.setSnapshot(lessonfix::snapshotOf(*m_net, 5000));
        lesson.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        lessons::DrawCanvas* canvas = lesson.canvas();
        const int pen = canvas->penWidth();
        // a "1": one vertical stroke, drawn with the mouse
        QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(150, 40));
        for (int y = 50; y <= 120; y += 10) QTest::mouseMove(canvas, QPoint(150, y));
        // the bars follow the pen before it is lifted
        QTRY_COMPARE(lesson.outputs().size(), Eigen::Index{10});
        const bp::Vector halfway = lesson.outputs();
        for (int y = 130; y <= 240; y += 10) QTest::mouseMove(canvas, QPoint(150, y));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(150, 240));
        lesson.recompute();

        const bp::DigitSteps& s = lesson.steps();
        QVERIFY(!s.empty());
        // crop box: the stroke from y 40 to 240, x 150, widened by the round pen
        QVERIFY(std::abs(s.crop.x - (150 - pen / 2)) <= 2);
        QVERIFY(std::abs(s.crop.y - (40 - pen / 2)) <= 2);
        QVERIFY(std::abs(s.crop.w - pen) <= 3);
        QVERIFY(std::abs(s.crop.h - (200 + pen)) <= 3);
        // fitted: the long side is 20, the aspect kept
        QCOMPARE(s.fitH, 20);
        QCOMPARE(s.fitW, static_cast<int>(std::lround(s.crop.w * 20.0 / s.crop.h)));
        // centred by mass in 28×28
        double mx = 0, my = 0;
        QVERIFY(bp::centreOfMass(s.centred, 28, 28, mx, my));
        QVERIFY2(std::abs(mx - 14.0) <= 0.5, qPrintable(QString::number(mx)));
        QVERIFY2(std::abs(my - 14.0) <= 0.5, qPrintable(QString::number(my)));
        // the ui only glues: the same as the core on the canvas' bytes
        const QImage& pic = canvas->picture();
        const bp::DigitSteps direct =
            bp::preprocessDigit(lessons::greyBytes(pic), pic.width(), pic.height());
        QCOMPARE(s.centred, direct.centred);
        QCOMPARE(s.input, direct.input);
        QCOMPARE(s.input.minCoeff(), 0.01);
        QCOMPARE(s.input.maxCoeff(), 1.0);
        // the bars are the network's query() of the prepared input
        QCOMPARE(lesson.outputs(), m_net->query(direct.input));
        QVERIFY(lesson.outputs() != halfway);
        QCOMPARE(lesson.answer(), 1);  // a trained network reads a straight stroke as 1

        // Clear empties everything
        canvas->clear();
        lesson.recompute();
        QVERIFY(lesson.steps().empty());
        QCOMPARE(lesson.outputs().size(), Eigen::Index{0});
        QCOMPARE(lesson.answer(), -1);
    }

    void opensPngOfADigit() {
        DrawDigitLesson lesson;
        lesson.setSnapshot(lessonfix::snapshotOf(*m_net, 5000));
        // a test digit from MNIST, drawn as dark ink on light grey paper, 5× larger, off-centre
        const std::shared_ptr<const bp::Dataset> test =
            lessonfix::embedded("mnist_test_1000.csv.gz");
        QImage paper(300, 200, QImage::Format_RGB32);
        paper.fill(QColor(235, 235, 235));
        {
            QPainter p(&paper);
            p.drawImage(QRect(10, 30, 140, 140), lessons::inkImage(test->row(0), 28, 28));
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("digit.png"));
        QVERIFY(paper.save(path));
        QVERIFY(lesson.loadPicture(path));
        const bp::DigitSteps& s = lesson.steps();
        QVERIFY(!s.empty());
        double mx = 0, my = 0;
        QVERIFY(bp::centreOfMass(s.centred, 28, 28, mx, my));
        QVERIFY(std::abs(mx - 14.0) <= 0.5 && std::abs(my - 14.0) <= 0.5);
        QCOMPARE(std::max(s.fitW, s.fitH), 20);
        QCOMPARE(lesson.answer(), bp::argmax(m_net->query(test->input(0))));
        QVERIFY(!lesson.loadPicture(dir.filePath(QStringLiteral("missing.png"))));
    }

    // Before the first stroke the lesson is not blank: the paper invites to draw (painted over
    // it, not part of the picture), the bars say what they will show, the answer line asks for
    // a digit; all of it goes when the pen touches the paper, and comes back on Clear.
    void invitesBeforeTheFirstStroke() {
        for (const bool withNetwork : {false, true}) {
            DrawDigitLesson lesson;
            if (withNetwork) lesson.setSnapshot(lessonfix::snapshotOf(*m_net, 5000));
            lesson.resize(1024, 700);
            lesson.show();
            QVERIFY(QTest::qWaitForWindowExposed(&lesson));
            lesson.recompute();
            lessons::DrawCanvas* canvas = lesson.canvas();
            QVERIFY(canvas->isBlank());
            QVERIFY(lesson.steps().empty());  // the network sees white paper, not the words
            // the invitation is on the screen: the grabbed canvas has ink-grey pixels
            const auto greyPixels = [canvas] {
                const QImage shown = canvas->grab().toImage().convertToFormat(QImage::Format_RGB32);
                int n = 0;
                for (int y = 2; y < shown.height() - 2; ++y)
                    for (int x = 2; x < shown.width() - 2; ++x)
                        if (qGray(shown.pixel(x, y)) < 200) ++n;
                return n;
            };
            QVERIFY2(greyPixels() > 100, "the empty paper shows no invitation");
            QVERIFY(!lesson.answerText().isEmpty());
            auto* bars = lesson.findChild<lessons::OutputBars*>();
            QVERIFY(bars);
            QVERIFY(!bars->hint().isEmpty());

            canvas->drawStroke({QPointF(150, 40), QPointF(150, 240)});
            lesson.recompute();
            QVERIFY(!canvas->isBlank());
            if (withNetwork) {
                QVERIFY(bars->hint().isEmpty());
                QVERIFY(lesson.answerText().contains(QString::number(lesson.answer())));
            }
            canvas->clear();
            lesson.recompute();
            QVERIFY(canvas->isBlank());
            QVERIFY(greyPixels() > 100);
            QVERIFY(!bars->hint().isEmpty());
        }
    }

    void screenshot() {
        const QString dir = lessonfix::screenshotDir();
        if (dir.isEmpty()) QSKIP("set BP_SCREENSHOT_DIR to write screenshots");
        DrawDigitLesson lesson;
        lesson.setSnapshot(lessonfix::snapshotOf(*m_net, 5000));
        lesson.resize(1280, 760);
        lesson.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        // a "7": a bar across and a slanted stroke down
        lesson.canvas()->drawStroke({QPointF(70, 60), QPointF(210, 60), QPointF(190, 100),
                                     QPointF(160, 160), QPointF(135, 235)});
        lesson.recompute();
        QVERIFY(lesson.grab().save(dir + QStringLiteral("/lesson-draw-digit.png")));
        lesson.canvas()->clear();
        lesson.recompute();
        QVERIFY(lesson.grab().save(dir + QStringLiteral("/lesson-draw-digit-empty.png")));
    }

  private:
    std::shared_ptr<const bp::Dataset> m_train;
    std::unique_ptr<bp::Network> m_net;
};

QTEST_MAIN(TestDrawDigitLesson)
#include "test_lessons_drawdigit.moc"
