// test_mathspanel.cpp — the maths panel shows the core's numbers: the book's 3-3-3 example
// stepped through every phase (whole matrices), the book's "updating one weight" figures, and
// a 784-200-10 network (the selected neuron's row).
// With BP_SCREENSHOT_DIR set, also writes PNGs of the panel.
#include <QElapsedTimer>
#include <QLocale>
#include <QScrollBar>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTranslator>
#include <cmath>

#include "ViewFixtures.h"
#include "views/MathsPanel.h"

using bps::MathsPanel;

// Sizes the maths dock has in the studio's window: at 1600×900, 1280×720 and 1024×768 (the
// window tests check the key line in the real window at each screen size, too).
const QList<QSize> kStudioMathsSizes{{560, 300}, {440, 230}, {500, 260}};

namespace {

// The cells shown for `name` must be the core's values, rounded as displayed, in order, and
// appear in the document's text.
void expectCells(const MathsPanel& panel, const QString& name, const bp::Matrix& m, int decimals) {
    const QStringList cells = panel.shownCells(name);
    QVERIFY2(cells.size() == m.size(),
             qPrintable(QStringLiteral("%1: %2 cells shown, %3 expected; shown: %4")
                            .arg(name)
                            .arg(cells.size())
                            .arg(m.size())
                            .arg(panel.shownNames().join(QLatin1Char(' ')))));
    const QString text = panel.plainText();
    for (int r = 0; r < m.rows(); ++r) {
        for (int c = 0; c < m.cols(); ++c) {
            const QString& cell = cells[r * m.cols() + c];
            bool ok = false;
            const double shown = cell.toDouble(&ok);
            QVERIFY2(ok, qPrintable(name + QStringLiteral(": not a number: ") + cell));
            QVERIFY2(std::abs(shown - m(r, c)) <= 0.5 * std::pow(10.0, -decimals) + 1e-12,
                     qPrintable(QStringLiteral("%1(%2,%3) shows %4, core has %5")
                                    .arg(name)
                                    .arg(r)
                                    .arg(c)
                                    .arg(cell)
                                    .arg(m(r, c), 0, 'g', 12)));
            QVERIFY2(text.contains(cell),
                     qPrintable(name + QStringLiteral(" cell not in the text: ") + cell));
        }
    }
}

bp::Matrix col(const bp::Vector& v) {
    return v;
}

}  // namespace

class TestMathsPanel : public QObject {
    Q_OBJECT
  private slots:
    void bookExampleEveryPhase();
    void bookUpdatingOneWeight();
    void mnistSelectedRow();
    void snapshotWithoutValues();
    void followCoalescesWhileLive();
    void numbersNeverBreakInEitherLanguage();
    void brokenCellCheckCanFail();
    void keyLineFitsWithoutScrolling();
    void liveSamplesKeepFitAndPlace();
};

void TestMathsPanel::bookExampleEveryPhase() {
    bp::Network net = fixtures::bookNetwork();
    const bp::Matrix W0 = net.weights(0), W1 = net.weights(1);
    bp::Stepper st(net);
    bp::Vector target(3);
    target << 0.01, 0.99, 0.01;
    st.setSample(fixtures::bookInput(), target);
    MathsPanel panel;
    panel.resize(900, 700);
    const double lr = 0.3;
    panel.setSnapshot(fixtures::snapshotOf(st, lr, 1));
    expectCells(panel, "O0", col(fixtures::bookInput()), 4);

    const QString dir = fixtures::screenshotDir();
    int n = 0;
    while (!st.finished()) {
        st.step(lr);
        const bp::Phase ph = *st.lastPhase();
        panel.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        const bp::PassValues& v = st.values();
        const int k = ph.layer;
        switch (ph.kind) {
            case bp::PhaseKind::Forward:
                // X_{k+1} = W_k·O_k with W_k as it is now (before any update of this sample)
                expectCells(panel, QStringLiteral("W%1").arg(k), k == 0 ? W0 : W1, 4);
                expectCells(panel, QStringLiteral("O%1").arg(k), col(v.o[k]), 4);
                expectCells(panel, QStringLiteral("X%1").arg(k + 1), col(v.x[k + 1]), 4);
                expectCells(panel, QStringLiteral("O%1").arg(k + 1), col(v.o[k + 1]), 4);
                if (k == 0) {  // the book: X_hidden = 1.16, 0.42, 0.62
                    QCOMPARE(panel.shownCells("X1"), (QStringList{"1.1600", "0.4200", "0.6200"}));
                } else {  // the book: O_output = 0.726, 0.708, 0.778
                    const QStringList o = panel.shownCells("O2");
                    QVERIFY(std::abs(o[0].toDouble() - 0.726) < 1e-3);
                    QVERIFY(std::abs(o[1].toDouble() - 0.708) < 1e-3);
                    QVERIFY(std::abs(o[2].toDouble() - 0.778) < 1e-3);
                }
                break;
            case bp::PhaseKind::OutputError:
                expectCells(panel, "T", col(target), 4);
                expectCells(panel, "O2", col(v.o[2]), 4);
                expectCells(panel, "E2", col(v.e[2]), 4);
                break;
            case bp::PhaseKind::BackError:
                expectCells(panel, "W1T", W1.transpose(), 4);
                expectCells(panel, "E2", col(v.e[2]), 4);
                expectCells(panel, "E1", col(v.e[1]), 4);
                break;
            case bp::PhaseKind::Update: {
                const bp::Matrix& before = k == 0 ? W0 : W1;
                expectCells(panel, QStringLiteral("delta%1").arg(k + 1), col(v.delta[k + 1]), 4);
                expectCells(panel, QStringLiteral("dW%1").arg(k), v.dW[k], 5);
                expectCells(panel, QStringLiteral("W%1old").arg(k), before, 5);
                expectCells(panel, QStringLiteral("W%1new").arg(k), net.weights(k), 5);
                // ΔW = α·δ·Oᵀ, recomputed here from the core's values
                const bp::Matrix dW = lr * v.delta[k + 1] * v.o[k].transpose();
                QVERIFY((dW - v.dW[k]).cwiseAbs().maxCoeff() < 1e-12);
                break;
            }
        }
        if (!dir.isEmpty()) panel.grab().save(dir + QStringLiteral("/maths-%1.png").arg(n));
        ++n;
    }
}

// The book's "updating one weight" example: w11 = 2.0 goes to 2.00265 (rounded as the book).
// Hidden outputs 0.4 and 0.5, w11 = 2.0, w21 = 3.0 into an output whose error is 0.8, α = 0.1.
// With a 2-1 network: o = σ(2.0·0.4 + 3.0·0.5) = σ(2.3), target chosen so that e = 0.8.
void TestMathsPanel::bookUpdatingOneWeight() {
    bp::NetworkSpec spec;
    spec.layers = {2, 1};
    bp::Network net(spec);
    bp::Matrix w(1, 2);
    w << 2.0, 3.0;
    net.setWeights(0, w);
    bp::Stepper st(net);
    bp::Vector in(2), t(1);
    in << 0.4, 0.5;
    const double o = 1.0 / (1.0 + std::exp(-2.3));
    t << o + 0.8;
    st.setSample(in, t);
    MathsPanel panel;
    while (!st.finished()) st.step(0.1);
    panel.setSnapshot(fixtures::snapshotOf(st, 0.1, -1));
    // The book rounds -0.1·(e)·o(1−o)·o_j with its sign convention: Δw = α·e·o(1−o)·0.4
    const QStringList w11 = panel.shownCells("w11");
    QCOMPARE(w11.size(), 2);
    QCOMPARE(w11[0], QStringLiteral("2.00000"));
    QCOMPARE(w11[1], QString::number(net.weights(0)(0, 0), 'f', 5));
    QCOMPARE(w11[1].left(7), QStringLiteral("2.00265"));  // the book's figure

    // With mini-batches set for Play, the update page says that stepping is per sample.
    QVERIFY(!panel.plainText().contains(QStringLiteral("Mini-batches")));
    auto batched = std::make_shared<bps::Snapshot>(*fixtures::snapshotOf(st, 0.1, -1));
    batched->batch = 32;
    panel.setSnapshot(batched);
    QVERIFY2(panel.plainText().contains(QStringLiteral("Mini-batches of 32")),
             qPrintable(panel.plainText()));
    QVERIFY(panel.plainText().contains(QStringLiteral("one sample's ΔW")));
}

void TestMathsPanel::mnistSelectedRow() {
    const bp::Dataset d = fixtures::mnist100();
    bp::Network net = fixtures::mnistNetwork(d, 1);
    bp::Stepper st(net);
    st.setSample(d.input(0), bp::bookTarget(d.label(0), 10));
    MathsPanel panel;
    panel.resize(800, 900);
    st.step(0.1);  // forward W0
    panel.setSelectedNeuron(1, 123);
    panel.setSnapshot(fixtures::snapshotOf(st, 0.1, d.label(0), 28, 28));
    const bp::PassValues& v = st.values();
    QCOMPARE(panel.shownCells("j"), QStringList{"123"});
    QCOMPARE(panel.shownCells("x_j"), QStringList{QString::number(v.x[1](123), 'f', 4)});
    QCOMPARE(panel.shownCells("o_j"), QStringList{QString::number(v.o[1](123), 'f', 4)});
    // The listed terms are w_123,i·o_i of the core, the 8 largest by magnitude.
    const QStringList terms = panel.shownCells("terms");
    QCOMPARE(terms.size(), 8 * 4);
    std::vector<double> all;
    for (int i = 0; i < 784; ++i) all.push_back(std::abs(net.weights(0)(123, i) * v.o[0](i)));
    std::sort(all.rbegin(), all.rend());
    for (int q = 0; q < 8; ++q) {
        const int i = terms[q * 4].toInt();
        QCOMPARE(terms[q * 4 + 1], QString::number(net.weights(0)(123, i), 'f', 4));
        QCOMPARE(terms[q * 4 + 2], QString::number(v.o[0](i), 'f', 4));
        QVERIFY(std::abs(std::abs(net.weights(0)(123, i) * v.o[0](i)) - all[q]) < 1e-15);
    }
    QVERIFY(panel.plainText().contains(QStringLiteral("784")));
    // Another selection changes the row shown.
    panel.setSelectedNeuron(1, 7);
    QCOMPARE(panel.shownCells("x_j"), QStringList{QString::number(v.x[1](7), 'f', 4)});
    // Output error: all ten values of E = T − O.
    st.step(0.1);
    st.step(0.1);
    panel.setSnapshot(fixtures::snapshotOf(st, 0.1, d.label(0), 28, 28));
    expectCells(panel, "E2", col(st.values().e[2]), 4);
    // Update W0 (last phase): the selected hidden neuron's largest changes.
    while (!st.finished()) st.step(0.1);
    panel.setSelectedNeuron(1, 7);
    panel.setSnapshot(fixtures::snapshotOf(st, 0.1, d.label(0), 28, 28));
    QCOMPARE(panel.shownCells("delta_j"),
             QStringList{QString::number(st.values().delta[1](7), 'f', 5)});
    const QStringList changes = panel.shownCells("changes");
    QVERIFY(changes.size() == 8 * 5);
    const int i0 = changes[0].toInt();
    QCOMPARE(changes[3], QString::number(st.values().dW[0](7, i0), 'f', 5));
    QCOMPARE(changes[4], QString::number(net.weights(0)(7, i0), 'f', 5));
    if (!fixtures::screenshotDir().isEmpty())
        panel.grab().save(fixtures::screenshotDir() + QStringLiteral("/maths-mnist.png"));
    // At full speed (no phase): the whole forward pass of the last sample and its error.
    panel.setSelectedNeuron(-1, -1);
    const auto full = fixtures::trainedSnapshot(net, d.input(5), d.label(5), 28, 28, 0.1);
    panel.setSnapshot(full);
    expectCells(panel, "X2", col(full->values.x[2]), 4);
    expectCells(panel, "O2", col(full->values.o[2]), 4);
    expectCells(panel, "E2", col(full->values.e[2]), 4);
    QVERIFY(panel.plainText().contains(QStringLiteral("through the current weights")));
    if (!fixtures::screenshotDir().isEmpty())
        panel.grab().save(fixtures::screenshotDir() + QStringLiteral("/maths-fullspeed.png"));
    // A checkpoint of the timeline: the title says whose weights these are, not "current".
    auto old = std::make_shared<bps::Snapshot>(*full);
    old->live = false;
    old->samplesSeen = 39000;
    panel.setSnapshot(old);
    QVERIFY(!panel.plainText().contains(QStringLiteral("current weights")));
    QVERIFY2(panel.plainText().contains(
                 QStringLiteral("as they were at sample %1").arg(QLocale().toString(39000))),
             qPrintable(panel.plainText().left(200)));
}

// A network that has not seen a sample yet (empty PassValues) shows a note, not garbage.
void TestMathsPanel::snapshotWithoutValues() {
    auto s = std::make_shared<bps::Snapshot>();
    s->spec.layers = {3, 3, 3};
    s->weights = fixtures::bookNetwork().allWeights();
    MathsPanel panel;
    panel.setSnapshot(s);
    QVERIFY(panel.shownNames().isEmpty());
    QVERIFY(!panel.plainText().isEmpty());
    s->nextPhase = bp::Phase{};
    panel.setSnapshot(s);
    QVERIFY(panel.shownNames().isEmpty());
}

// The controller's stream: while training runs the panel shows the newest snapshot at most every
// kLiveIntervalMs and never loses the last one; stepping shows each at once; hidden, it waits.
void TestMathsPanel::followCoalescesWhileLive() {
    auto make = [](unsigned long long seen) {
        auto s = std::make_shared<bps::Snapshot>();
        s->spec.layers = {3, 3, 3};
        s->weights = fixtures::bookNetwork().allWeights();
        s->samplesSeen = seen;
        return bps::SnapshotPtr(s);
    };
    MathsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const bps::SnapshotPtr a = make(1), b = make(2), c = make(3), d = make(4), e = make(5);
    panel.follow(a);  // not live: at once
    QCOMPARE(panel.snapshot(), a);
    panel.setLive(true);
    panel.follow(b);  // live, but the last one was shown just now: waits
    panel.follow(c);
    QCOMPARE(panel.snapshot(), a);
    QElapsedTimer t;
    t.start();
    QTRY_COMPARE_WITH_TIMEOUT(panel.snapshot(), c, 3000);  // the newest, b is skipped
    QVERIFY2(t.elapsed() >= MathsPanel::kLiveIntervalMs - 50,
             qPrintable(QString::number(t.elapsed())));
    panel.follow(d);
    QCOMPARE(panel.snapshot(), c);
    panel.setLive(false);  // Play stopped: the final state at once
    QCOMPARE(panel.snapshot(), d);
    panel.hide();
    panel.follow(e);  // hidden: kept, not typeset
    QCOMPARE(panel.snapshot(), d);
    panel.show();
    QCOMPARE(panel.snapshot(), e);
}

namespace {

// Every phase of one sample of `net`, as the panel would be handed them.
std::vector<bps::SnapshotPtr> everyPhase(bp::Network& net, const bp::Vector& in, int label,
                                         int imageW = 0) {
    std::vector<bps::SnapshotPtr> out;
    bp::Stepper st(net);
    st.setSample(in, bp::bookTarget(label, net.outputs()));
    out.push_back(fixtures::snapshotOf(st, 0.1, label, imageW, imageW));
    while (st.step(0.1)) out.push_back(fixtures::snapshotOf(st, 0.1, label, imageW, imageW));
    return out;
}

bp::Network lessonOneNetwork() {  // the book's two inputs, two neurons (lesson 1)
    bp::NetworkSpec spec;
    spec.layers = {2, 2};
    bp::Network net(spec);
    bp::Matrix w(2, 2);
    w << 0.9, 0.3, 0.2, 0.8;
    net.setWeights(0, w);
    return net;
}

}  // namespace

// No number, matrix entry or formula item is ever laid out on two lines ("0.9000" as "0." over
// "9000"), at any width, in English and in Chinese; what does not fit scrolls sideways.
void TestMathsPanel::numbersNeverBreakInEitherLanguage() {
    bp::Network two = lessonOneNetwork();
    bp::Vector in2(2);
    in2 << 1.0, 0.5;
    bp::Network book = fixtures::bookNetwork();
    std::vector<bps::SnapshotPtr> phases = everyPhase(two, in2, 1);
    for (const auto& s : everyPhase(book, fixtures::bookInput(), 1)) phases.push_back(s);
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/backprop_zh_CN.qm")));
    for (bool chinese : {false, true}) {
        if (chinese) QCoreApplication::installTranslator(&zh);
        MathsPanel panel;
        panel.show();
        for (int width : {200, 300, 380, 480, 700, 1000}) {
            panel.resize(width, 400);
            bool scrolled = false;
            for (const auto& s : phases) {
                panel.setSnapshot(s);
                QCoreApplication::processEvents();
                QVERIFY2(panel.brokenCells() == 0,
                         qPrintable(QStringLiteral("%1 cells broken at %2 px (%3)")
                                        .arg(panel.brokenCells())
                                        .arg(width)
                                        .arg(chinese ? "zh_CN" : "en")));
                const QTextBrowser* b = panel.findChild<QTextBrowser*>();
                scrolled = scrolled || b->horizontalScrollBar()->maximum() > 0;
            }
            // the narrowest panels scroll the widest matrices sideways rather than break them
            if (width <= 300) QVERIFY(scrolled);
        }
        if (chinese) QCoreApplication::removeTranslator(&zh);
    }
}

// The count fails on what it must: the same kind of table in a browser that wraps anywhere
// (Qt's default) and is too narrow has cells on two lines.
void TestMathsPanel::brokenCellCheckCanFail() {
    QTextBrowser b;
    QString h = QStringLiteral("<table><tr>");
    for (int c = 0; c < 6; ++c) h += QStringLiteral("<td>0.9000</td>");
    b.setHtml(h + QStringLiteral("</tr></table>"));
    b.resize(120, 200);
    b.show();
    QCoreApplication::processEvents();
    QVERIFY(MathsPanel::brokenCellsIn(*b.document()) > 0);
}

// At the sizes the maths panel has in the studio (beside the chart, under the network, at
// 1600×900, 1280×720 and 1024×768), each phase's key line — its formula with the real numbers — is
// in view without scrolling, for the book's 3-3-3 network and for MNIST 784-100-10.
void TestMathsPanel::keyLineFitsWithoutScrolling() {
    bp::Network book = fixtures::bookNetwork();
    std::vector<bps::SnapshotPtr> phases = everyPhase(book, fixtures::bookInput(), 1);
    bp::NetworkSpec spec;
    spec.layers = {784, 100, 10};
    bp::Network mnist(spec);
    for (const auto& s : everyPhase(mnist, bp::Vector::Constant(784, 0.3), 3, 28))
        phases.push_back(s);
    for (const QSize size : kStudioMathsSizes) {
        MathsPanel panel;
        panel.resize(size);
        panel.show();
        int n = 0;
        for (const auto& s : phases) {
            panel.setSnapshot(s);
            QCoreApplication::processEvents();
            const QRectF key = panel.keyLineRect();
            QVERIFY2(!key.isNull(), qPrintable(QStringLiteral("phase %1 has no key line").arg(n)));
            const QRectF view(QPointF(0, 0), QSizeF(panel.viewportSize()));
            if (!fixtures::screenshotDir().isEmpty())
                panel.grab().save(fixtures::screenshotDir() +
                                  QStringLiteral("/maths-key-%1x%2-%3.png")
                                      .arg(size.width())
                                      .arg(size.height())
                                      .arg(n));
            QVERIFY2(
                view.adjusted(-1, -1, 1, 1).contains(key),
                qPrintable(QStringLiteral("%1×%2, phase %3: key line %4,%5 %6×%7 outside %8×%9")
                               .arg(size.width())
                               .arg(size.height())
                               .arg(n)
                               .arg(key.x())
                               .arg(key.y())
                               .arg(key.width())
                               .arg(key.height())
                               .arg(view.width())
                               .arg(view.height())));
            ++n;
        }
    }
}

// While Play trains, the panel writes a new sample twice a second into a fresh document: the key
// line stays in view at the text size fitted for the first (the numbers change, not the shape),
// a student who scrolled further down keeps the place, and the old documents are deleted.
void TestMathsPanel::liveSamplesKeepFitAndPlace() {
    const bp::Dataset d = fixtures::mnist100();
    bp::NetworkSpec spec;
    spec.layers = {784, 100, 10};
    const bp::Network net(spec);
    MathsPanel panel;
    panel.resize(360, 290);  // as in the main window at 1280×720
    panel.show();
    auto* browser = panel.findChild<QTextBrowser*>();
    QVERIFY(browser);
    const auto live = [&](int i) {
        auto s = std::make_shared<bps::Snapshot>(
            *fixtures::trainedSnapshot(net, d.input(static_cast<std::size_t>(i)),
                                       d.label(static_cast<std::size_t>(i)), 28, 28, 0.1));
        s->playing = true;
        s->pace = 50;
        s->sample = static_cast<std::uint64_t>(1000 + i);
        return s;
    };
    panel.setSnapshot(live(0));
    QCoreApplication::processEvents();
    const double fitted = browser->document()->defaultFont().pointSizeF();
    QVERIFY2(fitted < std::max(13.0, panel.font().pointSizeF() * 1.25),  // the base size
             "the key line of 784-100-10 needs a smaller text at 360×290");
    QScrollBar* down = browser->verticalScrollBar();
    QVERIFY(down->maximum() > 40);
    down->setValue(40);
    for (int i = 1; i < 8; ++i) {
        panel.setSnapshot(live(i));
        QCoreApplication::processEvents();
        QVERIFY(panel.plainText().contains(QString::number(1000 + i)));
        QCOMPARE(browser->document()->defaultFont().pointSizeF(), fitted);
        QCOMPARE(down->value(), 40);
        down->setValue(0);
        const QRectF key = panel.keyLineRect();
        QVERIFY(QRectF(QPointF(0, 0), QSizeF(panel.viewportSize()))
                    .adjusted(-1, -1, 1, 1)
                    .contains(key));
        down->setValue(40);
    }
    QCOMPARE(browser->findChildren<QTextDocument*>().size(), 1);
}

QTEST_MAIN(TestMathsPanel)
#include "test_mathspanel.moc"
