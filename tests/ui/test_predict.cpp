// test_predict.cpp — Predict before reveal (issue 13): the marks are scored against the signs of
// the ΔW the core's stepper applied, on the book's 3-3-3 and on an MNIST 784-200-10 network;
// the clicked neuron is the one offered; in the studio's window it is off by default, one click
// away beside the step buttons, remembered, and reveals the controller's real update.
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "ViewFixtures.h"
#include "shell/MainWindow.h"
#include "training/TrainingController.h"
#include "views/ControlPanel.h"
#include "views/PredictPanel.h"

using bps::PredictPanel;
using Guess = PredictPanel::Guess;

namespace {

// Steps st until its next phase is Update(k); returns false if the sample ends first.
bool stepToUpdate(bp::Stepper& st, int k, double lr) {
    while (!st.finished()) {
        if (st.nextPhase() == bp::Phase{bp::PhaseKind::Update, k}) return true;
        st.step(lr);
    }
    return false;
}

Guess signOf(double d) {
    return d > 0 ? Guess::Grow : (d < 0 ? Guess::Shrink : Guess::None);
}

// E = Σ(T − O)² of the sample through net's weights, by the book's query().
double queryError(const bp::Network& net, const bp::Vector& input, const bp::Vector& target) {
    return (target - net.query(input)).squaredNorm();
}

// Guess the new error on one sample: closed before E is known, open from the output error on
// (the guess kept while the updates run), revealed after the last update with the core's E of
// the same sample through the updated weights.
void guessAndReveal(bp::Network& net, const bp::Vector& input, const bp::Vector& target, double lr,
                    int label, int w, int h, PredictPanel::ErrorGuess g) {
    bp::Stepper st(net);
    st.setSample(input, target);
    PredictPanel p;
    p.setOn(true);
    st.step(lr);  // Forward(0): E is not known yet
    p.setSnapshot(fixtures::snapshotOf(st, lr, label, w, h));
    QCOMPARE(p.errorState(), PredictPanel::ErrorState::Closed);
    const int L = net.weightLayers();
    while (!(*st.lastPhase() == bp::Phase{bp::PhaseKind::OutputError, L})) st.step(lr);
    p.setSnapshot(fixtures::snapshotOf(st, lr, label, w, h));
    QCOMPARE(p.errorState(), PredictPanel::ErrorState::Guessing);
    QCOMPARE(p.errorBefore(), st.values().error);
    QVERIFY(p.findChild<QWidget*>(QStringLiteral("predictError"))->isVisibleTo(&p));
    p.setErrorGuess(g);
    QVERIFY(!p.setErrorValueGuess(QStringLiteral("much")));
    QVERIFY(p.setErrorValueGuess(QStringLiteral("0,05")));
    st.step(lr);  // the first update (or error sent back): the guess stays open
    p.setSnapshot(fixtures::snapshotOf(st, lr, label, w, h));
    QCOMPARE(p.errorState(), PredictPanel::ErrorState::Guessing);
    QCOMPARE(p.errorGuess(), g);
    st.finish(lr);
    p.setSnapshot(fixtures::snapshotOf(st, lr, label, w, h));
    QCOMPARE(p.errorState(), PredictPanel::ErrorState::Revealed);
    bp::PassValues v;
    st.network().explain(input, target, v);  // the core's forward pass, updated weights
    QCOMPARE(p.errorAfter(), v.error);
    QVERIFY(std::abs(p.errorAfter() - queryError(st.network(), input, target)) < 1e-12);
    QVERIFY(p.errorAfter() != p.errorBefore());
    const bool down = p.errorAfter() < p.errorBefore();
    const QString t = p.errorText();
    QVERIFY2(t.contains(QStringLiteral("New E = ") + QString::number(v.error, 'g', 4)),
             qPrintable(t));
    QVERIFY2(t.contains(down ? QStringLiteral("went down") : QStringLiteral("went up")),
             qPrintable(t));
    const bool right = (g == PredictPanel::ErrorGuess::Lower) == down;
    QVERIFY2(t.contains(right ? QStringLiteral("right ✓") : QStringLiteral("wrong ✗")),
             qPrintable(t));
    QVERIFY2(t.contains(QStringLiteral("Your new E, 0.05, is off by ") +
                        QString::number(std::abs(0.05 - v.error), 'g', 3)),
             qPrintable(t));
    p.setErrorGuess(PredictPanel::ErrorGuess::None);  // no change after the reveal
    QCOMPARE(p.errorGuess(), g);
}

}  // namespace

class TestPredict : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_settingsDir;

  private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_predict"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    // The book's 3-3-3: before Update(1) the output neuron of largest |δ| is offered with all
    // its three weights; after it, each mark is scored by the sign of the stepper's dW.
    void bookNetworkScoredAgainstCore() {
        bp::Network net = fixtures::bookNetwork();
        bp::Stepper st(net);
        const double lr = 0.3;
        st.setSample(fixtures::bookInput(), bp::bookTarget(1, 3));
        QVERIFY(stepToUpdate(st, 1, lr));
        PredictPanel p;
        p.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        QCOMPARE(p.state(), PredictPanel::State::Off);  // off by default
        p.setOn(true);
        QCOMPARE(p.state(), PredictPanel::State::Predicting);
        QCOMPARE(p.weightLayer(), 1);
        int j = 0;  // the largest |δ| = |e·o(1 − o)| of the output layer
        const bp::Vector& e2 = st.values().e[2];
        const bp::Vector& o2 = st.values().o[2];
        (e2.array() * o2.array() * (1 - o2.array())).abs().maxCoeff(&j);
        QCOMPARE(p.neuron(), j);
        QCOMPARE(p.columns(), (std::vector<int>{0, 1, 2}));
        QVERIFY(!p.revealedDelta(0).has_value());  // nothing shown before the update

        // Row 0 marked with the right sign, row 1 with the wrong one, row 2 not marked: the
        // signs are the core's, computed on a copy of the same step.
        bp::Network ref = fixtures::bookNetwork();
        bp::Stepper rs(ref);
        rs.setSample(fixtures::bookInput(), bp::bookTarget(1, 3));
        QVERIFY(stepToUpdate(rs, 1, lr));
        rs.step(lr);
        const bp::Matrix& dW = rs.values().dW[1];
        const Guess right0 = signOf(dW(j, 0));
        const Guess wrong1 = signOf(dW(j, 1)) == Guess::Grow ? Guess::Shrink : Guess::Grow;
        QVERIFY(right0 != Guess::None);
        p.setGuess(0, right0);
        p.setGuess(1, wrong1);
        QCOMPARE(p.markedCount(), 2);

        st.step(lr);  // the update
        p.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        QCOMPARE(p.state(), PredictPanel::State::Revealed);
        for (int c = 0; c < 3; ++c) QCOMPARE(*p.revealedDelta(c), st.values().dW[1](j, c));
        QCOMPARE(p.rightCount(), 1);
        QCOMPARE(p.wrongRows(), std::vector<int>{1});
        QVERIFY2(p.scoreText().startsWith(QStringLiteral("1 of 3 right")),
                 qPrintable(p.scoreText()));
        QVERIFY(p.scoreText().contains(QStringLiteral("1 not marked")));
        QVERIFY(p.scoreText().contains(QStringLiteral("Wrong: from hidden neuron 1: ΔW = ")));
        // Marks cannot change after the reveal.
        p.setGuess(1, signOf(dW(j, 1)));
        QCOMPARE(p.rightCount(), 1);
    }

    // The clicked neuron is offered at its own layer's update only; an input neuron is none.
    void clickedNeuronIsTheOneOffered() {
        bp::Network net = fixtures::bookNetwork();
        bp::Stepper st(net);
        const double lr = 0.3;
        st.setSample(fixtures::bookInput(), bp::bookTarget(1, 3));
        PredictPanel p;
        p.setOn(true);
        p.setSelectedNeuron(1, 2);  // hidden neuron 2: W0's row 2
        QVERIFY(stepToUpdate(st, 1, lr));
        p.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        QCOMPARE(p.state(), PredictPanel::State::Waiting);  // Update(1) is not its update
        st.step(lr);
        QVERIFY(stepToUpdate(st, 0, lr));
        p.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        QCOMPARE(p.state(), PredictPanel::State::Predicting);
        QCOMPARE(p.weightLayer(), 0);
        QCOMPARE(p.neuron(), 2);
        for (int r = 0; r < 3; ++r) p.setGuess(r, Guess::Grow);
        st.step(lr);
        p.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        QCOMPARE(p.state(), PredictPanel::State::Revealed);
        int grew = 0;
        for (int c = 0; c < 3; ++c) grew += st.values().dW[0](2, c) > 0 ? 1 : 0;
        QCOMPARE(p.rightCount(), grew);
        p.setSelectedNeuron(0, 1);  // an input neuron has no incoming weights
        QCOMPARE(p.state(), PredictPanel::State::Waiting);
        QVERIFY(p.columns().empty());
    }

    // MNIST 784-200-10: a hidden neuron's 784 weights are too many to mark; the 8 of largest
    // |w·o| are offered, named by their pixel, and scored against the core's dW.
    void mnistOffersTheLargestContributions() {
        const bp::Dataset d = fixtures::mnist100();
        bp::Network net = fixtures::mnistNetwork(d, 1);
        bp::Stepper st(net);
        const double lr = 0.1;
        st.setSample(d.input(3), bp::bookTarget(d.label(3), 10));
        PredictPanel p;
        p.setOn(true);
        p.setSelectedNeuron(1, 17);
        QVERIFY(stepToUpdate(st, 0, lr));
        p.setSnapshot(fixtures::snapshotOf(st, lr, d.label(3), 28, 28));
        QCOMPARE(p.state(), PredictPanel::State::Predicting);
        const std::vector<int> cols = p.columns();
        QCOMPARE(static_cast<int>(cols.size()), PredictPanel::kOfferedWeights);
        const bp::Matrix& W = st.network().weights(0);
        const bp::Vector& o = st.values().o[0];
        std::vector<double> terms;
        for (int c = 0; c < 784; ++c) terms.push_back(std::abs(W(17, c) * o(c)));
        std::vector<double> sorted = terms;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        for (int r = 0; r < PredictPanel::kOfferedWeights; ++r)
            QCOMPARE(terms[static_cast<std::size_t>(cols[static_cast<std::size_t>(r)])],
                     sorted[static_cast<std::size_t>(r)]);
        for (int r = 0; r < PredictPanel::kOfferedWeights; ++r) p.setGuess(r, Guess::Shrink);
        st.step(lr);
        p.setSnapshot(fixtures::snapshotOf(st, lr, d.label(3), 28, 28));
        QCOMPARE(p.state(), PredictPanel::State::Revealed);
        int shrank = 0;
        for (int c : cols) shrank += st.values().dW[0](17, c) < 0 ? 1 : 0;
        QCOMPARE(p.rightCount(), shrank);
        QCOMPARE(static_cast<int>(p.wrongRows().size()), PredictPanel::kOfferedWeights - shrank);
        QVERIFY(p.findChild<QLabel*>(QStringLiteral("result0")) != nullptr);
    }

    // Guess the new error on the hand-set 3-3-3 (a guess of lower) and on MNIST 784-100-10 (a
    // guess of higher): the reveal is the core's new E of the same sample.
    void guessTheNewError() {
        bp::Network book = fixtures::bookNetwork();
        guessAndReveal(book, fixtures::bookInput(), bp::bookTarget(1, 3), 0.3, 1, 0, 0,
                       PredictPanel::ErrorGuess::Lower);
        const bp::Dataset d = fixtures::mnist100();
        bp::NetworkSpec spec;
        spec.layers = {784, 100, 10};
        bp::Network mnist(spec);
        guessAndReveal(mnist, d.input(5), bp::bookTarget(d.label(5), 10), 0.1, d.label(5), 28, 28,
                       PredictPanel::ErrorGuess::Higher);
    }

    // The window: off by default, one click on the button beside the step buttons turns it on
    // (remembered for the next start); stepping with the controller reaches the update of
    // the output layer, and Reveal runs it and scores the marks against the controller's dW.
    void windowOffByDefaultRememberedAndReveals() {
        {
            bps::MainWindow w;
            w.setAskToSaveOnClose(false);
            QVERIFY(!w.predictAction()->isChecked());
            QVERIFY(!w.predictPanel()->isOn());
            auto* button = w.controlPanel()->findChild<QToolButton*>(QStringLiteral("stepToggle"));
            QVERIFY(button);
            QCOMPARE(button->defaultAction(), w.predictAction());
            w.openDatasets(QString::fromLatin1(bps::MainWindow::kDefaultTrain), QString());
            w.resize(1280, 720);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(!w.predictPanel()->isVisible());
            QTRY_VERIFY_WITH_TIMEOUT(w.controller()->lastSnapshot() &&
                                         w.controller()->lastSnapshot()->samplesPerEpoch == 5000,
                                     20000);
            QTest::mouseClick(button, Qt::LeftButton);
            QVERIFY(w.predictAction()->isChecked());
            QVERIFY(w.predictPanel()->isOn());
            QTRY_VERIFY(w.predictPanel()->isVisible());
            QCOMPARE(QSettings().value(QStringLiteral("view/predict")).toBool(), true);

            PredictPanel* p = w.predictPanel();
            bps::TrainingController* c = w.controller();
            const int L = c->lastSnapshot()->spec.weightLayers();
            for (int i = 0; i < 10 && p->state() != PredictPanel::State::Predicting; ++i) {
                c->stepPhase();
                c->sync();
                QCoreApplication::processEvents();
            }
            QCOMPARE(p->state(), PredictPanel::State::Predicting);
            QCOMPARE(p->weightLayer(), L - 1);
            const int rows = static_cast<int>(p->columns().size());
            QVERIFY(rows > 0);
            for (int r = 0; r < rows; ++r) p->setGuess(r, r % 2 ? Guess::Grow : Guess::Shrink);
            auto* reveal = p->findChild<QPushButton*>(QStringLiteral("predictReveal"));
            QVERIFY(reveal && reveal->isVisible());
            QTest::mouseClick(reveal, Qt::LeftButton);
            QTRY_COMPARE(p->state(), PredictPanel::State::Revealed);
            const bps::SnapshotPtr s = c->lastSnapshot();
            QCOMPARE(*s->lastPhase, (bp::Phase{bp::PhaseKind::Update, L - 1}));
            const bp::Matrix& dW = s->values.dW[static_cast<std::size_t>(L - 1)];
            int right = 0;
            for (int r = 0; r < rows; ++r) {
                const double d = dW(p->neuron(), p->columns()[static_cast<std::size_t>(r)]);
                QCOMPARE(*p->revealedDelta(r), d);
                right += signOf(d) == (r % 2 ? Guess::Grow : Guess::Shrink) ? 1 : 0;
            }
            QCOMPARE(p->rightCount(), right);
            // Guess the new error: open since the output error; Step sample ends the sample and
            // reveals E of the same sample through the controller's updated weights.
            QCOMPARE(p->errorState(), PredictPanel::ErrorState::Guessing);
            p->setErrorGuess(PredictPanel::ErrorGuess::Lower);
            c->stepSample();
            c->sync();
            QTRY_COMPARE(p->errorState(), PredictPanel::ErrorState::Revealed);
            const bps::SnapshotPtr after = c->lastSnapshot();
            QCOMPARE(after->sample, s->sample);
            QCOMPARE(p->errorBefore(), after->values.error);
            bp::Network updated(after->spec);
            for (int k = 0; k < L; ++k)
                updated.setWeights(k, after->weights[static_cast<std::size_t>(k)]);
            QVERIFY(std::abs(p->errorAfter() - queryError(updated, after->values.o[0],
                                                          after->values.target)) < 1e-12);
            QVERIFY(p->errorText().contains(QString::number(p->errorAfter(), 'g', 4)));
            w.close();
        }
        bps::MainWindow again;
        again.setAskToSaveOnClose(false);
        QVERIFY(again.predictAction()->isChecked());  // remembered
        QVERIFY(again.predictPanel()->isOn());
        again.predictAction()->trigger();  // one click off again
        QVERIFY(!again.predictPanel()->isOn());
        QCOMPARE(QSettings().value(QStringLiteral("view/predict")).toBool(), false);
    }
};

QTEST_MAIN(TestPredict)
#include "test_predict.moc"
