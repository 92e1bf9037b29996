// The book's worked examples: the maths panel (the studio's own) shows the book's numbers, and
// they are the stepper's values.
#include <QtTest>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "lessons/BookExamplesLesson.h"
#include "views/MathsPanel.h"
#include "views/NetworkView.h"

using bps::BookExamplesLesson;

namespace {

QString f4(double v) {
    return QString::number(v, 'f', 4);
}

// Each shown cell parsed back to a number.
QList<double> numbers(const QStringList& cells) {
    QList<double> out;
    for (const QString& c : cells) out << c.toDouble();
    return out;
}

}  // namespace

class TestLessonsBook : public QObject {
    Q_OBJECT
  private slots:
    void twoInputsTwoNeurons();
    void threeLayersOfThree();
    void updatingOneWeight();
    void splittingTheError();
    void stepsEveryPhaseAndRestarts();
    void fitsTheLessonsWindow();
};

void TestLessonsBook::twoInputsTwoNeurons() {
    BookExamplesLesson l;
    l.selectPreset(BookExamplesLesson::Preset::TwoByTwo);
    QVERIFY(l.mathsPanel()->shownCells(QStringLiteral("O1")).isEmpty());  // nothing run yet
    QVERIFY(l.stepPhase());                                               // forward W0
    const QStringList o = l.mathsPanel()->shownCells(QStringLiteral("O1"));
    QCOMPARE(o, (QStringList{QStringLiteral("0.7408"), QStringLiteral("0.6457")}));
    // The panel's numbers are the stepper's (the core's) numbers.
    const bp::Vector& out = l.stepper().values().o[1];
    QCOMPARE(o, (QStringList{f4(out(0)), f4(out(1))}));
    QCOMPARE(l.mathsPanel()->shownCells(QStringLiteral("X1")),
             (QStringList{QStringLiteral("1.0500"), QStringLiteral("0.6000")}));
    QCOMPARE(l.networkView()->snapshot()->values.o[1], out);
    QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-book-examples-2x2")));
}

void TestLessonsBook::threeLayersOfThree() {
    BookExamplesLesson l;
    l.selectPreset(BookExamplesLesson::Preset::ThreeLayers);
    QVERIFY(l.stepPhase());  // forward W0: hidden net input
    QCOMPARE(l.mathsPanel()->shownCells(QStringLiteral("X1")),
             (QStringList{QStringLiteral("1.1600"), QStringLiteral("0.4200"),
                          QStringLiteral("0.6200")}));
    QVERIFY(l.stepPhase());  // forward W1: outputs
    const QList<double> o = numbers(l.mathsPanel()->shownCells(QStringLiteral("O2")));
    QCOMPARE(o.size(), 3);
    const double book[3] = {0.726, 0.708, 0.778};  // the book prints three decimals
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(std::abs(o[i] - book[i]) < 0.001, qPrintable(QString::number(o[i])));
        QCOMPARE(l.mathsPanel()->shownCells(QStringLiteral("O2")).value(i),
                 f4(l.stepper().values().o[2](i)));
    }
    QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-book-examples")));
}

void TestLessonsBook::updatingOneWeight() {
    BookExamplesLesson l;
    l.selectPreset(BookExamplesLesson::Preset::UpdateWeight);
    QVERIFY(l.stepPhase());  // forward
    QVERIFY(l.stepPhase());  // output error: e1 = 0.8
    QCOMPARE(l.mathsPanel()->shownCells(QStringLiteral("E1")).value(0), QStringLiteral("0.8000"));
    QVERIFY(l.stepPhase());  // update W0
    QCOMPARE(l.stepper().lastPhase()->kind, bp::PhaseKind::Update);
    QCOMPARE(l.mathsPanel()->shownCells(QStringLiteral("w11")),
             (QStringList{QStringLiteral("2.00000"), QStringLiteral("2.00265")}));
    QCOMPARE(QString::number(l.network().weights(0)(0, 0), 'f', 5), QStringLiteral("2.00265"));
    QVERIFY(!l.stepPhase());  // the sample is finished
    QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-book-examples-update")));
}

void TestLessonsBook::splittingTheError() {
    BookExamplesLesson l;
    l.selectPreset(BookExamplesLesson::Preset::SplitError);
    // The book's figure: two hidden neurons (outputs 0.4, 0.5) and two output neurons, one
    // weight matrix; no first layer of its own.
    QCOMPARE(l.network().weightLayers(), 1);
    QCOMPARE(l.stepper().values().o[0], (bp::Vector(2) << 0.4, 0.5).finished());
    // Opening the preset runs the stepper up to the output errors e = (0.8, 0.5).
    QCOMPARE(l.stepper().lastPhase()->kind, bp::PhaseKind::OutputError);
    QCOMPARE(l.mathsPanel()->shownCells(QStringLiteral("E1")),
             (QStringList{QStringLiteral("0.8000"), QStringLiteral("0.5000")}));
    const bp::Vector prop = l.proportionalSplit();
    const bp::Vector wt = l.transposeSplit();
    QCOMPARE(prop.size(), 2);
    QVERIFY(std::abs(prop(0) - 0.42) < 1e-9 && std::abs(prop(1) - 0.88) < 1e-9);
    QVERIFY(std::abs(wt(0) - 2.1) < 1e-9 && std::abs(wt(1) - 4.4) < 1e-9);
    const QString text = l.splitText();
    QVERIFY2(text.contains(QStringLiteral("= 0.32 + 0.10 = 0.42")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("= 0.48 + 0.40 = 0.88")));
    QVERIFY(text.contains(QStringLiteral("= 2.10")) && text.contains(QStringLiteral("= 4.40")));
    QVERIFY(text.contains(QStringLiteral("5.00")));  // the ratio, from the numbers
    QVERIFY(text.contains(QStringLiteral("Both sums are equal")));
    QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-book-examples-split")));

    // After the update the text still agrees with its numbers: the split is worked on the
    // weights the error crossed (5.00× and 5.00×, "both sums are equal"), not the moved ones.
    QVERIFY(l.stepPhase());
    QCOMPARE(l.stepper().lastPhase()->kind, bp::PhaseKind::Update);
    QVERIFY(l.network().weights(0)(0, 0) != 2.0);  // the weights moved
    const QString after = l.splitText();
    QVERIFY2(after.contains(QStringLiteral("5.00× and 5.00×")), qPrintable(after));
    QVERIFY2(after.contains(QStringLiteral("Both sums are equal")), qPrintable(after));
    QVERIFY(!after.contains(QStringLiteral("The sums differ")));
    QVERIFY(std::abs(l.proportionalSplit()(0) - 0.42) < 1e-9);
    QVERIFY(!l.stepPhase());  // the sample is finished
}

void TestLessonsBook::stepsEveryPhaseAndRestarts() {
    BookExamplesLesson l;
    l.selectPreset(BookExamplesLesson::Preset::ThreeLayers);
    int steps = 0;
    while (l.stepPhase()) ++steps;
    QCOMPARE(steps, static_cast<int>(bp::phasesOf(2).size()));
    QVERIFY(l.network().weights(0)(0, 0) != 0.9);  // the weights moved
    l.restart();
    QCOMPARE(l.network().weights(0)(0, 0), 0.9);
    QVERIFY(!l.stepper().started());
    QVERIFY(!l.explanation().isEmpty());
    QCOMPARE(l.id(), QStringLiteral("book-examples"));
}

// Each preset, stepped to its end, in the lessons window at the classrooms' sizes: no scrolling
// sideways (the button bar, the network view and the maths panel needed more than the 736 px a
// 1024×768 window gives), every text whole, no painted texts on top of each other.
void TestLessonsBook::fitsTheLessonsWindow() {
    for (const auto preset :
         {BookExamplesLesson::Preset::TwoByTwo, BookExamplesLesson::Preset::ThreeLayers,
          BookExamplesLesson::Preset::UpdateWeight, BookExamplesLesson::Preset::SplitError}) {
        const auto prepare = [preset](bps::Lesson* lesson) {
            auto* l = qobject_cast<BookExamplesLesson*>(lesson);
            QVERIFY(l);
            l->selectPreset(preset);
            while (l->stepPhase()) {
            }
        };
        for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
            const QStringList problems =
                whyfit::problemsAt(QStringLiteral("book-examples"), size, 1.0,
                                   preset == BookExamplesLesson::Preset::ThreeLayers
                                       ? QStringLiteral("lesson-book-examples")
                                       : QString(),
                                   prepare);
            QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("preset %1 at %2×%3:\n")
                                                        .arg(static_cast<int>(preset))
                                                        .arg(size.width())
                                                        .arg(size.height()) +
                                                    problems.join(QLatin1Char('\n'))));
        }
    }
}

QTEST_MAIN(TestLessonsBook)
#include "test_lessons_book.moc"
