// test_check_panel.cpp — "Check my calculation" in the studio (issue 13): on the hand-set 3-3-3
// and on an MNIST 784-100-10 network stepped by the core's stepper, a typed right E, O(1 − O)
// and ΔW (the stepper's own dW) is accepted; each usual slip is named by its factor (α, the
// error, the slope, the previous output, a transpose mix-up) with the network's value; hints off
// say only right or not; only what the phases run so far have computed can be checked; in the
// window it is off by default, one click away beside Predict, remembered, and a click on a
// connection of the network view asks that weight's ΔW.
#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <cmath>

#include "ViewFixtures.h"
#include "shell/MainWindow.h"
#include "training/TrainingController.h"
#include "views/CheckPanel.h"
#include "views/ControlPanel.h"
#include "views/NetworkView.h"

using bps::CalculationCheckForm;
using bps::CheckPanel;

namespace {

QString num(double v) {
    return QString::number(v, 'g', 10);
}

QString n4(double v) {
    return QString::number(v, 'g', 4);
}

// Steps st until `p` has run.
void stepThrough(bp::Stepper& st, const bp::Phase& p, double lr) {
    while (!st.finished()) {
        st.step(lr);
        if (*st.lastPhase() == p) return;
    }
}

// 784-100-10 trained one epoch on the embedded 100 samples (seed 1).
bp::Network mnist100Network(const bp::Dataset& d) {
    bp::NetworkSpec spec;
    spec.layers = {784, 100, 10};
    bp::Network net(spec);
    for (std::size_t i = 0; i < d.rows(); ++i)
        net.train(d.input(i), bp::bookTarget(d.label(i), 10), 0.1);
    return net;
}

// Every slip of one ΔW entry is named by its factor, the text gives the network's value; the
// right value (the stepper's dW) is accepted.
void slipsOfDeltaW(CheckPanel& p, const bp::PassValues& v, double a, int k, int r, int c) {
    CalculationCheckForm* f = p.form();
    p.setSelectedWeight(k, r, c);
    QCOMPARE(f->quantity(), bp::CheckQuantity::DeltaW);
    QCOMPARE(f->layer(), k);
    QCOMPARE(f->row(), r);
    QCOMPARE(f->col(), c);
    const auto ku = static_cast<std::size_t>(k);
    const double right = v.dW[ku](r, c);
    QCOMPARE(f->value(), bp::deltaWEntry(v, false, {k, r, c}, a));
    QVERIFY(std::abs(f->value() - right) <= 1e-15 * std::max(1.0, std::abs(right)));
    QVERIFY(f->check(num(right)));
    QVERIFY2(f->result().correct, qPrintable(f->resultText()));
    QVERIFY(f->resultText().startsWith(QStringLiteral("<b>Right.</b>")));
    const double e = v.e[ku + 1](r), o = v.o[ku + 1](r), prev = v.o[ku](c);
    struct Slip {
        double answer;
        bp::CheckFactor factor;
        QString word;
    };
    const Slip slips[] = {
        {e * o * (1 - o) * prev, bp::CheckFactor::LearningRate, QStringLiteral("α")},
        {-right, bp::CheckFactor::Error, QStringLiteral("the error")},
        {a * e * o * prev, bp::CheckFactor::Slope, QStringLiteral("o(1 − o)")},
        {a * e * o * (1 - o), bp::CheckFactor::PreviousOutput, QStringLiteral("o_j")},
    };
    for (const Slip& s : slips) {
        QVERIFY(f->check(QString::number(s.answer, 'g', 4)));  // rounded as by hand
        QVERIFY(!f->result().correct);
        QVERIFY2(f->result().factor == s.factor, qPrintable(f->resultText()));
        QVERIFY2(f->resultText().contains(s.word), qPrintable(f->resultText()));
        QVERIFY2(f->resultText().contains(n4(right)), qPrintable(f->resultText()));
    }
}

}  // namespace

class TestCheckPanel : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_settingsDir;

  private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_check_panel"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    // The hand-set 3-3-3: what each phase has computed is what can be checked.
    void onlyWhatThePhasesComputed() {
        bp::Network net = fixtures::bookNetwork();
        bp::Stepper st(net);
        const double lr = 0.3;
        st.setSample(fixtures::bookInput(), bp::bookTarget(1, 3));
        CheckPanel p;
        QCOMPARE(p.state(), CheckPanel::State::Off);  // off by default
        p.setOn(true);
        st.step(lr);  // Forward(0): the hidden layer's outputs
        p.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        QCOMPARE(p.state(), CheckPanel::State::Ready);
        CalculationCheckForm::Available a =
            CheckPanel::availableIn(*fixtures::snapshotOf(st, lr, 1));
        QVERIFY(!a.error);
        QCOMPARE(a.slopeLayers, 1);
        QCOMPARE(a.deltaFrom, 2);
        CalculationCheckForm* f = p.form();
        f->ask(bp::CheckQuantity::SampleError);
        QVERIFY(!f->isAvailable());
        QVERIFY(!f->check(QStringLiteral("0.5")));
        QVERIFY(!f->checked());
        QVERIFY(f->resultText().contains(QStringLiteral("Not computed yet")));
        f->ask(bp::CheckQuantity::ActivationSlope, 1, 2);
        const double o = st.values().o[1](2);
        QVERIFY(f->check(num(o * (1 - o))));
        QVERIFY(f->result().correct);
        stepThrough(st, {bp::PhaseKind::OutputError, 2}, lr);
        p.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        QVERIFY(f->checked());  // the same value: the verdict stays
        a = f->available();
        QVERIFY(a.error);
        QCOMPARE(a.slopeLayers, 2);
        QCOMPARE(a.deltaFrom, 1);
        f->ask(bp::CheckQuantity::DeltaW, 0, 1, 1);
        QVERIFY(!f->isAvailable());
        stepThrough(st, {bp::PhaseKind::BackError, 1}, lr);
        p.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        QCOMPARE(f->available().deltaFrom, 0);
        QVERIFY(f->isAvailable());
        f->ask(bp::CheckQuantity::SampleError);
        QVERIFY(f->check(num(st.values().error)));
        QVERIFY(f->result().correct);
        QVERIFY(f->check(num(st.values().e[2].sum())));  // Σ(t − o), not squared
        QCOMPARE(f->result().factor, bp::CheckFactor::Error);
        QCOMPARE(f->result().mistake, bp::Mistake::ErrorNotSquared);
    }

    // The hand-set 3-3-3 after its whole step: every ΔW entry's right value and slips.
    void bookNetworkEverySlipNamed() {
        bp::Network net = fixtures::bookNetwork();
        bp::Stepper st(net);
        const double lr = 0.3;
        st.setSample(fixtures::bookInput(), bp::bookTarget(1, 3));
        st.finish(lr);
        CheckPanel p;
        p.setOn(true);
        p.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        QCOMPARE(p.state(), CheckPanel::State::Ready);
        for (int k = 0; k < 2; ++k)
            for (int r = 0; r < 3; ++r)
                for (int c = 0; c < 3; ++c) slipsOfDeltaW(p, st.values(), lr, k, r, c);
        // The transpose: ΔW(c, r) in place of ΔW(r, c).
        const bp::PassValues& v = st.values();
        p.setSelectedWeight(1, 0, 2);
        QVERIFY(p.form()->check(num(v.dW[1](2, 0))));
        QCOMPARE(p.form()->result().factor, bp::CheckFactor::Transpose);
        QVERIFY(p.form()->resultText().contains(QStringLiteral("ΔW(2, 0)")));  // from 0
        // A clicked output neuron: its slope.
        p.form()->ask(bp::CheckQuantity::ActivationSlope);
        p.setSelectedNeuron(2, 1);
        QCOMPARE(p.form()->layer(), 2);
        QCOMPARE(p.form()->row(), 1);
        const double o = v.o[2](1);
        QVERIFY(p.form()->check(num(o)));  // o in place of o(1 − o)
        QCOMPARE(p.form()->result().factor, bp::CheckFactor::Slope);
        // Hints off (a test): right or not, no value, no slip.
        p.form()->setHints(false);
        QVERIFY(p.form()->check(num(o)));
        QVERIFY(!p.form()->resultText().contains(n4(o * (1 - o))));
        QVERIFY(!p.form()->resultText().contains(QStringLiteral("slope")));
        QVERIFY(p.form()->check(num(o * (1 - o))));
        QVERIFY(p.form()->result().correct);
    }

    // MNIST 784-100-10: a weight from a pixel into a hidden neuron and one into an output.
    void mnistNetworkSlipsNamed() {
        const bp::Dataset d = fixtures::mnist100();
        bp::Network net = mnist100Network(d);
        bp::Stepper st(net);
        const double lr = 0.1;
        st.setSample(d.input(3), bp::bookTarget(d.label(3), 10));
        st.finish(lr);
        CheckPanel p;
        p.setOn(true);
        p.setSnapshot(fixtures::snapshotOf(st, lr, d.label(3), 28, 28));
        QCOMPARE(p.state(), CheckPanel::State::Ready);
        const bp::PassValues& v = st.values();
        // A pixel of mid grey (its o_c is neither 1 nor tiny), into the hidden neuron of largest
        // |δ| (its ΔW is not lost under the tolerance's floor).
        int pixel = -1;
        for (int c = 0; c < 784 && pixel < 0; ++c)
            if (v.o[0](c) > 0.3 && v.o[0](c) < 0.7) pixel = c;
        QVERIFY(pixel >= 0);
        int hidden = 0;
        v.delta[1].cwiseAbs().maxCoeff(&hidden);
        slipsOfDeltaW(p, v, lr, 0, hidden, pixel);
        int out = 0;
        v.delta[2].cwiseAbs().maxCoeff(&out);
        slipsOfDeltaW(p, v, lr, 1, out, 42);
        // The transpose of an output weight: ΔW(c, r).
        const int other = out == 7 ? 3 : 7;
        p.setSelectedWeight(1, out, other);
        QVERIFY(p.form()->check(num(lr * v.delta[2](other) * v.o[1](out))));
        QCOMPARE(p.form()->result().factor, bp::CheckFactor::Transpose);
        QVERIFY(p.form()->resultText().contains(n4(v.dW[1](out, other))));
        // E of the sample, and a hidden slope.
        p.form()->ask(bp::CheckQuantity::SampleError);
        QVERIFY(p.form()->check(num(v.error)));
        QVERIFY(p.form()->result().correct);
        QVERIFY(p.form()->check(num(v.error / 2)));
        QCOMPARE(p.form()->result().mistake, bp::Mistake::ErrorHalved);
        p.form()->ask(bp::CheckQuantity::ActivationSlope, 1, hidden);
        const double o = v.o[1](hidden);
        QVERIFY(p.form()->check(num(o * (1 - o))));
        QVERIFY(p.form()->result().correct);
    }

    // While Play runs and on a network that is not sigmoid, nothing is offered.
    void playingAndNotSigmoid() {
        bp::Network net = fixtures::bookNetwork();
        bp::Stepper st(net);
        st.setSample(fixtures::bookInput(), bp::bookTarget(1, 3));
        st.finish(0.3);
        CheckPanel p;
        p.setOn(true);
        auto s = std::make_shared<bps::Snapshot>(*fixtures::snapshotOf(st, 0.3, 1));
        s->playing = true;
        p.setSnapshot(s);
        QCOMPARE(p.state(), CheckPanel::State::Playing);
        QVERIFY(!p.form()->isEnabled());
        auto t = std::make_shared<bps::Snapshot>(*fixtures::snapshotOf(st, 0.3, 1));
        t->spec.hidden = bp::Activation::Tanh;
        p.setSnapshot(t);
        QCOMPARE(p.state(), CheckPanel::State::NotSigmoid);
        QVERIFY(p.promptText().contains(QStringLiteral("sigmoid")));
    }

    // The window: off by default; the button beside Predict turns it on (remembered); after
    // stepping a sample of the studio's MNIST 784-100-10, a click on a connection asks its ΔW,
    // and the controller's dW is the right answer.
    void windowOffByDefaultOneClickAway() {
        {
            bps::MainWindow w;
            w.setAskToSaveOnClose(false);
            QVERIFY(!w.checkAction()->isChecked());
            QVERIFY(!w.checkPanel()->isOn());
            auto* button =
                w.controlPanel()->findChild<QToolButton*>(QStringLiteral("stepToggle_checkAction"));
            QVERIFY(button);
            QCOMPARE(button->defaultAction(), w.checkAction());
            auto* predict = w.controlPanel()->findChild<QToolButton*>(QStringLiteral("stepToggle"));
            QVERIFY(predict && predict->parentWidget() == button->parentWidget());  // beside it
            w.openDatasets(QString::fromLatin1(bps::MainWindow::kDefaultTrain), QString());
            w.resize(1280, 720);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QTRY_VERIFY_WITH_TIMEOUT(w.controller()->lastSnapshot() &&
                                         w.controller()->lastSnapshot()->samplesPerEpoch == 5000,
                                     20000);
            QVERIFY(!w.checkPanel()->isVisible());
            QTest::mouseClick(button, Qt::LeftButton);
            QVERIFY(w.checkPanel()->isOn());
            QTRY_VERIFY(w.checkPanel()->isVisible());
            QCOMPARE(QSettings().value(QStringLiteral("view/check")).toBool(), true);

            bps::TrainingController* c = w.controller();
            c->stepSample();
            c->sync();
            QTRY_VERIFY(c->lastSnapshot() && c->lastSnapshot()->lastPhase &&
                        *c->lastSnapshot()->lastPhase == (bp::Phase{bp::PhaseKind::Update, 0}));
            QCoreApplication::processEvents();
            CheckPanel* p = w.checkPanel();
            QCOMPARE(p->state(), CheckPanel::State::Ready);
            const bps::SnapshotPtr s = c->lastSnapshot();
            QCOMPARE(s->spec.layers, (std::vector<int>{784, 100, 10}));
            // A connection of the view, clicked: the first point on the way from hidden neuron
            // 0 to an output neuron where the view finds an edge.
            bps::NetworkView* view = w.networkView();
            bps::HitResult hit;
            QPoint at;
            for (int r = 0; r < 10 && hit.kind != bps::HitResult::Kind::Edge; ++r)
                for (int j = 0; j < 100 && hit.kind != bps::HitResult::Kind::Edge; ++j) {
                    const QPointF a = view->neuronCenter(1, j), b = view->neuronCenter(2, r);
                    at = (a + 0.5 * (b - a)).toPoint();
                    hit = view->hitTest(QPointF(at));
                }
            QCOMPARE(hit.kind, bps::HitResult::Kind::Edge);
            QTest::mouseClick(view, Qt::LeftButton, {}, at);
            CalculationCheckForm* f = p->form();
            QCOMPARE(f->quantity(), bp::CheckQuantity::DeltaW);
            QCOMPARE(f->layer(), hit.layer);
            QCOMPARE(f->row(), hit.index);
            QCOMPARE(f->col(), hit.from);
            const double right =
                s->values.dW[static_cast<std::size_t>(hit.layer)](hit.index, hit.from);
            auto* answer = p->findChild<QLineEdit*>(QStringLiteral("checkAnswer"));
            answer->setText(num(right));
            QTest::mouseClick(p->findChild<QPushButton*>(QStringLiteral("checkButton")),
                              Qt::LeftButton);
            QVERIFY(f->checked());
            QVERIFY2(f->result().correct, qPrintable(f->resultText()));
            // The same worked without α: the slip is named.
            const auto k = static_cast<std::size_t>(hit.layer);
            const double o = s->values.o[k + 1](hit.index);
            answer->setText(QString::number(
                s->values.e[k + 1](hit.index) * o * (1 - o) * s->values.o[k](hit.from), 'g', 3));
            QTest::keyClick(answer, Qt::Key_Return);
            QCOMPARE(f->result().factor, bp::CheckFactor::LearningRate);
            // A teacher turns the hints off for a test: remembered for the next start.
            auto* hints = p->findChild<QCheckBox*>(QStringLiteral("checkHints"));
            QVERIFY(hints && hints->isChecked());
            QTest::mouseClick(hints, Qt::LeftButton, {}, QPoint(8, hints->height() / 2));
            QVERIFY(!f->hints());
            QVERIFY(!f->resultText().contains(QStringLiteral("α")));
            QCOMPARE(QSettings().value(QStringLiteral("view/checkHints")).toBool(), false);
            w.close();
        }
        bps::MainWindow again;
        again.setAskToSaveOnClose(false);
        QVERIFY(again.checkAction()->isChecked());  // remembered
        QVERIFY(again.checkPanel()->isOn());
        QVERIFY(!again.checkPanel()->form()->hints());
        again.checkAction()->trigger();
        QVERIFY(!again.checkPanel()->isOn());
        QCOMPARE(QSettings().value(QStringLiteral("view/check")).toBool(), false);
    }
};

QTEST_MAIN(TestCheckPanel)
#include "test_check_panel.moc"
