// The linear classifier of the book's first chapter: its slope after the book's two bugs,
// with and without moderation, and clicks adding bugs.
#include <QtTest>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "lessons/LinearClassifierLesson.h"

using bps::LinearClassifierLesson;
using bps::lessons::Bug;
using bps::lessons::BugKind;
using bps::lessons::LinearClassifier;

namespace {
QString n4(double v) {
    return QString::number(v, 'f', 4);
}
}  // namespace

class TestLessonsLinear : public QObject {
    Q_OBJECT
  private slots:
    void unmoderatedFitsTheLastBugOnly();
    void moderatedWithHalfRate();
    void clicksAddBugs();
    void interceptMovesTheLine();
    void fitsTheLessonsWindow();
};

// The model's own numbers (the book's first step) are in tests/lessons
// (LinearClassifier.FollowsTheBook).

// Without moderation the second bug (1.0, 3.0), target 2.9, sets k to 2.9: the line now fits the
// caterpillar and the ladybird's lesson is lost.
void TestLessonsLinear::unmoderatedFitsTheLastBugOnly() {
    LinearClassifierLesson l;
    l.setModerated(false);
    QCOMPARE(l.alpha(), 1.0);
    QVERIFY(l.trainNext());
    QCOMPARE(n4(l.k()), QStringLiteral("0.3667"));
    QVERIFY(l.trainNext());
    QCOMPARE(n4(l.k()), QStringLiteral("2.9000"));
    const auto& s = l.steps().back();
    QCOMPARE(n4(s.y), QStringLiteral("0.3667"));
    QCOMPARE(n4(s.error), QStringLiteral("2.5333"));
    // The line at the first bug's width is far from its target 1.1: only the last one fits.
    LinearClassifier m;
    m.setK(l.k());
    QVERIFY(std::abs(m.lineAt(1.0) - 2.9) < 1e-12);
    QVERIFY(std::abs(m.lineAt(3.0) - 1.1) > 7);
    QVERIFY(l.tableText().contains(QStringLiteral("2.9000")));
}

// With moderation α = 0.5 (the book): 0.3083 after the ladybird, 1.6042 after the caterpillar.
void TestLessonsLinear::moderatedWithHalfRate() {
    LinearClassifierLesson l;
    l.setModerated(true);
    l.setLearningRate(0.5);
    QCOMPARE(l.alpha(), 0.5);
    l.trainPass();
    QCOMPARE(static_cast<int>(l.steps().size()), 2);
    QCOMPARE(n4(l.steps()[0].kAfter), QStringLiteral("0.3083"));
    QCOMPARE(n4(l.steps()[1].deltaK), QStringLiteral("1.2958"));
    QCOMPARE(n4(l.k()), QStringLiteral("1.6042"));
    // The moderated line separates the two bugs.
    LinearClassifier m;
    m.setK(l.k());
    for (const Bug& b : l.bugs()) QCOMPARE(m.classify(b), b.kind);
    QVERIFY(l.tableText().contains(QStringLiteral("1.6042")));
    QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-linear-classifier")));
}

void TestLessonsLinear::clicksAddBugs() {
    LinearClassifierLesson l;
    l.resize(1200, 800);
    l.show();
    QVERIFY(QTest::qWaitForWindowExposed(&l));
    const int before = static_cast<int>(l.bugs().size());
    const QPoint at = l.plot()->toWidget({2.0, 1.5}).toPoint();
    QTest::mouseClick(l.plot(), Qt::LeftButton, {}, at);
    QCOMPARE(static_cast<int>(l.bugs().size()), before + 1);
    QVERIFY(std::abs(l.bugs().back().width - 2.0) < 0.05);
    QVERIFY(std::abs(l.bugs().back().length - 1.5) < 0.05);
    QCOMPARE(l.bugs().back().kind, BugKind::Ladybird);
    QTest::mouseClick(l.plot(), Qt::RightButton, {}, at);
    QCOMPARE(l.bugs().back().kind, BugKind::Caterpillar);
}

void TestLessonsLinear::interceptMovesTheLine() {
    LinearClassifierLesson l;
    l.setIntercept(0.5);
    QVERIFY(l.trainNext());
    // y = 0.25·3 + 0.5 = 1.25, E = 1.1 − 1.25 = −0.15, Δk = 0.5·(−0.15)/3 = −0.025
    QCOMPARE(n4(l.steps().back().y), QStringLiteral("1.2500"));
    QCOMPARE(n4(l.k()), QStringLiteral("0.2250"));
}

// After the book's two bugs with α = 0.5 (the target and the error drawn), in the lessons window at
// the classrooms' sizes: every text whole, no two painted texts on top of each other.
void TestLessonsLinear::fitsTheLessonsWindow() {
    const auto prepare = [](bps::Lesson* lesson) {
        auto* l = qobject_cast<LinearClassifierLesson*>(lesson);
        QVERIFY(l);
        l->setModerated(true);
        l->setLearningRate(0.5);
        l->trainPass();
    };
    // One step only: the ladybird's target 1.1 is 0.35 above y, so "target t" and "E = t − y"
    // would sit at the same height.
    const auto oneStep = [](bps::Lesson* lesson) {
        auto* l = qobject_cast<LinearClassifierLesson*>(lesson);
        QVERIFY(l);
        l->setModerated(true);
        l->setLearningRate(0.5);
        QVERIFY(l->trainNext());
    };
    for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
        QStringList problems =
            whyfit::problemsAt(QStringLiteral("linear-classifier"), size, 1.0,
                               QStringLiteral("lesson-linear-classifier"), prepare);
        problems << whyfit::problemsAt(QStringLiteral("linear-classifier"), size, 1.0,
                                       QStringLiteral("lesson-linear-classifier-one-step"),
                                       oneStep);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
}

QTEST_MAIN(TestLessonsLinear)
#include "test_lessons_linear.moc"
