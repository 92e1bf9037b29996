// test_lessons_errorchoice.cpp — "Which error to use": the table's three errors and sums (Σ(t − o)
// cancels to 0 while every output is wrong), the balls' paths are the core's bp::rollBall at the
// slider's rate, the V never converges at a fixed rate while the parabola does, α > 1 diverges
// and the text says so, Step / Play / Reset, the numbers shown are the path's, and the lesson fits
// the lessons window at 1280×720 and 1024×768.
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QtTest>
#include <cmath>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "backprop/GradientDescent.h"
#include "lessons/ErrorChoiceLesson.h"
#include "lessons/LessonRegistry.h"

using bp::CurveShape;
using bps::ErrorChoiceLesson;

class TestErrorChoiceLesson : public QObject {
    Q_OBJECT
  private slots:
    void tableSumCancels() {
        ErrorChoiceLesson l;
        const auto rows = ErrorChoiceLesson::exampleRows();
        QVERIFY(rows.size() >= 2);
        const ErrorChoiceLesson::Errors s = ErrorChoiceLesson::sumOf(rows);
        for (const auto& r : rows) QVERIFY(std::abs(r.target - r.output) > 0.05);  // all wrong
        QVERIFY(std::abs(s.difference) < 1e-12);                                   // yet Σ = 0
        double abs = 0, sq = 0;
        for (const auto& r : rows) {
            abs += std::abs(r.target - r.output);
            sq += (r.target - r.output) * (r.target - r.output);
        }
        QCOMPARE(s.absolute, abs);
        QCOMPARE(s.squared, sq);
        auto* table = l.findChild<QTableWidget*>(QStringLiteral("errorTable"));
        QVERIFY(table);
        const int sumRow = table->rowCount() - 1;
        QCOMPARE(sumRow, static_cast<int>(rows.size()));
        QCOMPARE(table->item(sumRow, 2)->text(), QStringLiteral("0.00"));  // never "-0.00"
        QCOMPARE(table->item(sumRow, 3)->text().toDouble(), std::round(abs * 100) / 100);
        QCOMPARE(table->item(sumRow, 4)->text().toDouble(), std::round(sq * 1000) / 1000);
        for (int r = 0; r < sumRow; ++r)
            QCOMPARE(table->item(r, 2)->text().toDouble(),
                     std::round((rows[r].target - rows[r].output) * 100) / 100);
    }

    void pathsAreTheCoresAtTheSlidersRate() {
        ErrorChoiceLesson l;
        auto* slider = l.findChild<QSlider*>(QStringLiteral("rateSlider"));
        QVERIFY(slider);
        slider->setValue(slider->maximum() / 5);  // α = 0.3 of 1.5
        const double alpha = l.learningRate();
        QCOMPARE(alpha, ErrorChoiceLesson::kMaxRate / 5);
        for (int i = 0; i < 30; ++i) l.step();
        QCOMPARE(l.stepsTaken(), 30);
        for (CurveShape shape : {CurveShape::V, CurveShape::Parabola}) {
            const bp::Curve curve{shape, ErrorChoiceLesson::kCentre};
            const auto expected = bp::rollBall(curve, ErrorChoiceLesson::kStart, alpha, 30);
            const auto& shown = l.path(shape);
            QCOMPARE(shown.size(), expected.size());
            for (std::size_t n = 0; n < shown.size(); ++n) {
                QCOMPARE(shown[n].x, expected[n].x);
                QCOMPARE(shown[n].step, expected[n].step);
            }
            // the numbers under the curve are the last point's
            const QString text = l.numbersText(shape);
            QVERIFY2(text.contains(QString::number(expected.back().x, 'f', 3)), qPrintable(text));
            QVERIFY2(text.contains(QString::number(expected[29].step, 'f', 3).remove('-')),
                     qPrintable(text));
        }
        // The V: fixed step α, bouncing across the bottom, never a fixed rate of convergence.
        const bp::DescentSummary v = l.summary(CurveShape::V);
        QVERIFY(!v.fixedRate);
        QVERIFY(v.constantStep);
        QCOMPARE(v.outcome, bp::DescentOutcome::Bounces);
        QVERIFY(v.crossings > 1);
        QVERIFY(l.outcomeText(CurveShape::V).contains(QStringLiteral("never shrinks")));
        for (std::size_t n = 0; n + 1 < l.path(CurveShape::V).size(); ++n)
            QCOMPARE(std::abs(l.path(CurveShape::V)[n].step), alpha);
        // The parabola: a fixed rate |1 − 2α| < 1, steps shrinking.
        const bp::DescentSummary p = l.summary(CurveShape::Parabola);
        QVERIFY(p.fixedRate);
        QVERIFY(std::abs(p.rate - std::abs(1 - 2 * alpha)) < 1e-9);
        QCOMPARE(p.outcome, bp::DescentOutcome::Converges);
        const auto& pp = l.path(CurveShape::Parabola);
        QVERIFY(std::abs(pp[5].step) < std::abs(pp[0].step));
        QVERIFY(l.outcomeText(CurveShape::Parabola)
                    .contains(QString::number(std::abs(1 - 2 * alpha), 'f', 3)));
    }

    void tooLargeRateDiverges() {
        ErrorChoiceLesson l;
        l.setLearningRate(1.2);
        QCOMPARE(l.learningRate(), 1.2);
        for (int i = 0; i < 10; ++i) l.step();
        const bp::DescentSummary p = l.summary(CurveShape::Parabola);
        QCOMPARE(p.outcome, bp::DescentOutcome::Diverges);
        QVERIFY(p.lastDistance > p.firstDistance);
        const QString why = l.outcomeText(CurveShape::Parabola);
        QVERIFY2(why.contains(QStringLiteral("Diverging")), qPrintable(why));
        QVERIFY(why.contains(QString::number(std::abs(1 - 2 * 1.2), 'f', 3)));
        l.setLearningRate(1.0);  // the edge: bouncing between two points
        for (int i = 0; i < 4; ++i) l.step();
        QCOMPARE(l.summary(CurveShape::Parabola).outcome, bp::DescentOutcome::Bounces);
    }

    void stepPlayReset() {
        ErrorChoiceLesson l;
        auto* step = l.findChild<QPushButton*>();
        QVERIFY(step);
        QCOMPARE(l.stepsTaken(), 0);
        QCOMPARE(l.path(CurveShape::V).size(), std::size_t{1});
        l.step();
        l.step();
        QCOMPARE(l.stepsTaken(), 2);
        l.play();
        QVERIFY(l.playing());
        l.deactivated();  // hidden lessons stop
        QVERIFY(!l.playing());
        l.reset();
        QCOMPARE(l.stepsTaken(), 0);
        QCOMPARE(l.path(CurveShape::Parabola).front().x, ErrorChoiceLesson::kStart);
    }

    void inTheRegistryInTheBooksOrder() {
        const auto lessons = bps::makeLessons();
        int book = -1, mine = -1, saturation = -1;
        for (int i = 0; i < static_cast<int>(lessons.size()); ++i) {
            const QString id = lessons[static_cast<std::size_t>(i)]->id();
            if (id == QStringLiteral("book-examples")) book = i;
            if (id == QStringLiteral("which-error")) mine = i;
            if (id == QStringLiteral("saturation")) saturation = i;
        }
        QVERIFY(book >= 0 && mine > book && saturation > mine);
    }

    void screenshot() {
        // The lesson at the size it has in the lessons window on a 1280×720 screen.
        ErrorChoiceLesson l;
        for (int i = 0; i < 20; ++i) l.step();
        QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-which-error"), QSize(1000, 690)));
    }

    void fitsTheLessonsWindow() {
        for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
            const QStringList problems =
                whyfit::problemsAt(QStringLiteral("which-error"), size, 1.0,
                                   QStringLiteral("lesson-which-error"), [](bps::Lesson* l) {
                                       auto* e = qobject_cast<ErrorChoiceLesson*>(l);
                                       QVERIFY(e);
                                       for (int i = 0; i < 20; ++i) e->step();
                                   });
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        // presentation mode's font (×1.5): the texts stay whole (the window may scroll)
        const QStringList big = whyfit::problemsAt(QStringLiteral("which-error"), QSize(1280, 720),
                                                   1.5, QStringLiteral("lesson-which-error-big"));
        QVERIFY2(big.isEmpty(), qPrintable(big.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestErrorChoiceLesson)
#include "test_lessons_errorchoice.moc"
