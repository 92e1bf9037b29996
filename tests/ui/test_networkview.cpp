// test_networkview.cpp — the network view driven by a real bp::Network + bp::Stepper: the book's
// 3-3-3 example through every phase (highlighted layer, hover values, node colours equal to the
// core's values) and MNIST 784-200-10 (edge density, focus edges, selection, zoom).
// With BP_SCREENSHOT_DIR set, also writes PNGs of both to that directory.
#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "ViewFixtures.h"
#include "views/NetworkView.h"
#include "views/Palette.h"

using bps::HitResult;
using bps::NetworkView;

namespace {

// Largest channel difference between two colours.
int colourDistance(QRgb a, QRgb b) {
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b))});
}

QImage render(const NetworkView& v, QSize size) {
    QImage img(size, QImage::Format_RGB32);
    QPainter p(&img);
    v.renderTo(p, QRect(QPoint(0, 0), size));
    return img;
}

// The book's 3-3-3 network after its first phase (forward through W0), shown at 900×600.
void showBookFirstPhase(NetworkView& view) {
    bp::Network net = fixtures::bookNetwork();
    bp::Stepper st(net);
    st.setSample(fixtures::bookInput(), bp::bookTarget(1, 3));
    st.step(0.3);
    view.resize(900, 600);
    view.setSnapshot(fixtures::snapshotOf(st, 0.3, 1));
}

}  // namespace

class TestNetworkView : public QObject {
    Q_OBJECT
  private slots:
    void bookExampleEveryPhase();
    void bookExampleNumbersOnHover();
    void mnistDensityAndFocus();
    void mnistSelectionByClickAndHeatMap();
    void zoomKeepsHitTesting();
    void wheelDragAndHover();
    void otherShapes();
    void edgeValuesAndTooltip();
    void snapshotWithoutValues();
    void strokesFollowPresentationScale();
    void saturatedNeuronsAreRinged();
    void sessionTitleAtTheTop();
    void screenshots();
};

// Steps the book example through all phases; after each one the view's state must follow the
// phase, and each drawn node's colour must be the palette colour of the core's value.
void TestNetworkView::bookExampleEveryPhase() {
    bp::Network net = fixtures::bookNetwork();
    bp::Stepper st(net);
    bp::Vector target(3);
    target << 0.01, 0.99, 0.01;
    st.setSample(fixtures::bookInput(), target);

    NetworkView view;
    view.resize(1000, 620);
    const double lr = 0.3;
    view.setSnapshot(fixtures::snapshotOf(st, lr, 1));
    QCOMPARE(view.phaseView().stepping, true);
    QCOMPARE(view.phaseView().highlightLayer, 0);
    QCOMPARE(view.phaseView().reachedLayer, 0);

    int phases = 0;
    while (!st.finished()) {
        st.step(lr);
        ++phases;
        view.setSnapshot(fixtures::snapshotOf(st, lr, 1));
        const bp::Phase ph = *st.lastPhase();
        const bps::PhaseView pv = view.phaseView();
        const bp::PassValues& v = st.values();
        int errorsFrom = -1;
        switch (ph.kind) {
            case bp::PhaseKind::Forward:
                QCOMPARE(pv.highlightLayer, ph.layer + 1);
                QCOMPARE(pv.reachedLayer, ph.layer + 1);
                QCOMPARE(pv.errorsFromLayer, -1);
                break;
            case bp::PhaseKind::OutputError:
                QCOMPARE(pv.highlightLayer, 2);
                errorsFrom = 2;
                break;
            case bp::PhaseKind::BackError:
                QCOMPARE(pv.highlightLayer, ph.layer);
                errorsFrom = ph.layer;
                break;
            case bp::PhaseKind::Update:
                QCOMPARE(pv.updatedWeights, ph.layer);
                errorsFrom = std::max(1, ph.layer);
                break;
        }
        QCOMPARE(pv.errorsFromLayer, errorsFrom);

        // Node colours, sampled in the lower part of each circle (the number sits in the middle).
        const QImage img = render(view, view.size());
        for (int k = 1; k <= 2; ++k) {
            const bool computed = errorsFrom >= 0 || k <= pv.reachedLayer;
            if (!computed) continue;
            // the error scale's bound is not exposed: compare errors by sign and order instead
            for (int i = 0; i < 3; ++i) {
                const QPointF c = view.neuronCenter(k, i);
                const QRgb px = img.pixel(c.toPoint() + QPoint(0, 20));
                if (errorsFrom >= 0 && k >= errorsFrom) {
                    const double e = v.e[k](i);
                    // green when the target is above the output (e > 0), purple when below
                    if (std::abs(e) > 0.05) {
                        if (e > 0)
                            QVERIFY2(qGreen(px) > qRed(px), "positive error not green");
                        else
                            QVERIFY2(qRed(px) > qGreen(px), "negative error not purple");
                    }
                } else {
                    QVERIFY2(colourDistance(px, bps::palette::activation(v.o[k](i))) <= 6,
                             qPrintable(QStringLiteral("node %1,%2 colour").arg(k).arg(i)));
                }
            }
        }
        // Not yet reached layers are drawn empty (light grey), not with stale values.
        if (ph.kind == bp::PhaseKind::Forward && ph.layer == 0) {
            const QRgb px = img.pixel(view.neuronCenter(2, 0).toPoint() + QPoint(0, 20));
            QCOMPARE(colourDistance(px, qRgb(238, 238, 238)) <= 6, true);
        }
        // The update phase colours W_k's edges by ΔW: every edge of W_k is still drawn, and a
        // small network shows all its edges whatever the density.
        if (ph.kind == bp::PhaseKind::Update) QCOMPARE(view.drawnEdgeCount(ph.layer), 9);
        view.setDensity(1);
        QCOMPARE(view.drawnEdgeCount(0) + view.drawnEdgeCount(1), 18);
        view.setDensity(8);
    }
    QCOMPARE(phases, static_cast<int>(bp::phasesOf(2).size()));
}

// Hovering a node reports the core's exact value; the book's figures come out of the core.
void TestNetworkView::bookExampleNumbersOnHover() {
    bp::Network net = fixtures::bookNetwork();
    bp::Stepper st(net);
    bp::Vector target(3);
    target << 0.01, 0.99, 0.01;
    st.setSample(fixtures::bookInput(), target);
    st.step(0.3);  // forward W0
    st.step(0.3);  // forward W1
    NetworkView view;
    view.resize(900, 600);
    view.setSnapshot(fixtures::snapshotOf(st, 0.3, 1));
    const bp::PassValues& v = st.values();
    const double bookX1[3] = {1.16, 0.42, 0.62};
    const double bookO2[3] = {0.726, 0.708, 0.778};
    for (int i = 0; i < 3; ++i) {
        QVERIFY(std::abs(v.x[1](i) - bookX1[i]) < 1e-9);
        QVERIFY(std::abs(v.o[2](i) - bookO2[i]) < 1e-3);  // the book prints 3 decimals
        for (int k = 0; k <= 2; ++k) {
            const HitResult h = view.hitTest(view.neuronCenter(k, i));
            QCOMPARE(static_cast<int>(h.kind), static_cast<int>(HitResult::Kind::Neuron));
            QCOMPARE(h.layer, k);
            QCOMPARE(h.index, i);
            QCOMPARE(h.value, v.o[k](i));
            QVERIFY(h.text.contains(QString::number(v.o[k](i), 'f', 6)));
        }
    }
    // An edge: a quarter along the line from input 0 to hidden 2 lies w_20 = 0.1.
    const QPointF mid = (3 * view.neuronCenter(0, 0) + view.neuronCenter(1, 2)) / 4;
    const HitResult e = view.hitTest(mid);
    QCOMPARE(static_cast<int>(e.kind), static_cast<int>(HitResult::Kind::Edge));
    QCOMPARE(e.layer, 0);
    QCOMPARE(e.index, 2);
    QCOMPARE(e.from, 0);
    QCOMPARE(e.value, 0.1);
    // Away from everything: nothing.
    QCOMPARE(static_cast<int>(view.hitTest(QPointF(2, view.height() / 2)).kind),
             static_cast<int>(HitResult::Kind::None));
}

void TestNetworkView::mnistDensityAndFocus() {
    const bp::Dataset d = fixtures::mnist100();
    QCOMPARE(d.width, 28);
    bp::Network net = fixtures::mnistNetwork(d, 1);
    NetworkView view;
    view.resize(1600, 900);
    view.setSnapshot(fixtures::trainedSnapshot(net, d.input(0), d.label(0), 28, 28, 0.1));
    view.setDensity(8);
    QCOMPARE(view.drawnEdgeCount(0), 200 * 8);
    QCOMPARE(view.drawnEdgeCount(1), 10 * 8);
    // The edges drawn into a neuron are its strongest |w|, for both density paths
    // (a small sorted array for ≤ 32, std::nth_element above).
    for (int density : {8, 40}) {
        view.setDensity(density);
        for (int j : {0, 17, 199}) {
            std::vector<int> drawn = view.drawnInputsOf(1, j);
            std::vector<int> expected(784);
            std::iota(expected.begin(), expected.end(), 0);
            const bp::Matrix& W0 = net.weights(0);
            std::partial_sort(
                expected.begin(), expected.begin() + density, expected.end(),
                [&](int a, int b) { return std::abs(W0(j, a)) > std::abs(W0(j, b)); });
            expected.resize(static_cast<std::size_t>(density));
            std::sort(drawn.begin(), drawn.end());
            std::sort(expected.begin(), expected.end());
            QCOMPARE(drawn, expected);
        }
    }
    view.setDensity(3);
    QCOMPARE(view.drawnEdgeCount(0), 200 * 3);
    // Selecting hidden neuron 17 draws all 784 of its incoming edges instead of its 3 strongest.
    view.setSelectedNeuron(1, 17);
    QCOMPARE(view.drawnEdgeCount(0), 199 * 3 + 784);
    QCOMPARE(view.drawnEdgeCount(1), 10 * 3);
    // Selecting an output neuron: all 200 incoming edges.
    view.setSelectedNeuron(2, 4);
    QCOMPARE(view.drawnEdgeCount(1), 9 * 3 + 200);
    // Hovering the input image reports the pixel's input value.
    const QPointF px = view.neuronCenter(0, 14 * 28 + 14);
    const HitResult h = view.hitTest(px);
    QCOMPARE(static_cast<int>(h.kind), static_cast<int>(HitResult::Kind::Pixel));
    QCOMPARE(h.index, 14 * 28 + 14);
    QCOMPARE(h.value, d.input(0)(14 * 28 + 14));
}

void TestNetworkView::mnistSelectionByClickAndHeatMap() {
    const bp::Dataset d = fixtures::mnist100();
    bp::Network net = fixtures::mnistNetwork(d, 1);
    NetworkView view;
    view.resize(1400, 800);
    view.setSnapshot(fixtures::trainedSnapshot(net, d.input(3), d.label(3), 28, 28, 0.1));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &NetworkView::neuronSelected);
    const QPoint c = view.neuronCenter(1, 42).toPoint();
    QTest::mouseClick(&view, Qt::LeftButton, {}, c);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QCOMPARE(spy.at(0).at(1).toInt(), 42);
    QCOMPARE(view.selectedLayer(), 1);
    // The heat map of its weights: each of its pixels reports W_0(42, pixel).
    const QRectF heat = view.heatMapRect();
    QVERIFY(!heat.isEmpty());
    QVERIFY(heat.top() > view.inputImageRect().bottom());
    for (int p : {0, 27, 28 * 14 + 3, 783}) {
        const QPointF at(heat.left() + (p % 28 + 0.5) * heat.width() / 28,
                         heat.top() + (p / 28 + 0.5) * heat.height() / 28);
        const HitResult h = view.hitTest(at);
        QCOMPARE(static_cast<int>(h.kind), static_cast<int>(HitResult::Kind::Edge));
        QCOMPARE(h.layer, 0);
        QCOMPARE(h.index, 42);
        QCOMPARE(h.from, p);
        QCOMPARE(h.value, net.weights(0)(42, p));
    }
    // and its colours are the weight palette of w / max|w| of the row
    const QImage img = render(view, view.size());
    const double wmax = net.weights(0).row(42).head(784).cwiseAbs().maxCoeff();
    for (int p : {5, 300, 600}) {
        const QPoint at(static_cast<int>(heat.left() + (p % 28 + 0.5) * heat.width() / 28),
                        static_cast<int>(heat.top() + (p / 28 + 0.5) * heat.height() / 28));
        QVERIFY(colourDistance(img.pixel(at), bps::palette::weight(net.weights(0)(42, p) / wmax)) <=
                2);
    }
    // Clicking empty space clears the selection.
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(view.width() / 2, 5));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), -1);
    QCOMPARE(view.selectedLayer(), -1);
}

void TestNetworkView::zoomKeepsHitTesting() {
    NetworkView view;
    showBookFirstPhase(view);
    const QPointF before = view.neuronCenter(1, 1);
    const QPointF anchor(300, 200);
    view.setZoom(2.0, anchor);
    const QPointF after = view.neuronCenter(1, 1);
    // p' = anchor + 2·(p − anchor)
    QVERIFY(std::abs(after.x() - (anchor.x() + 2 * (before.x() - anchor.x()))) < 1e-6);
    QVERIFY(std::abs(after.y() - (anchor.y() + 2 * (before.y() - anchor.y()))) < 1e-6);
    const HitResult h = view.hitTest(after);
    QCOMPARE(h.layer, 1);
    QCOMPARE(h.index, 1);
    view.resetView();
    QCOMPARE(view.neuronCenter(1, 1), before);
}

// The mouse: the wheel zooms about the cursor, a drag pans (and selects nothing), hovering a
// hidden neuron draws all its incoming edges.
void TestNetworkView::wheelDragAndHover() {
    const bp::Dataset d = fixtures::mnist100();
    bp::Network net = fixtures::mnistNetwork(d, 1);
    NetworkView view;
    view.resize(1200, 700);
    view.setSnapshot(fixtures::trainedSnapshot(net, d.input(1), d.label(1), 28, 28, 0.1));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &NetworkView::neuronSelected);

    const QPointF out3 = view.neuronCenter(2, 3);
    QWheelEvent wheel(out3, view.mapToGlobal(out3), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    QVERIFY(std::abs(view.zoom() - 1.2) < 1e-9);
    QVERIFY((view.neuronCenter(2, 3) - out3).manhattanLength() < 1e-6);  // anchored
    QCOMPARE(view.hitTest(out3).index, 3);

    const QPointF start(view.width() / 2.0, 12), end = start + QPointF(60, 40);
    const QPointF before = view.neuronCenter(1, 10);
    auto send = [&](QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
        QMouseEvent e(type, at, view.mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
        QApplication::sendEvent(&view, &e);
    };
    send(QEvent::MouseButtonPress, start, Qt::LeftButton);
    send(QEvent::MouseMove, (start + end) / 2, Qt::LeftButton);
    send(QEvent::MouseMove, end, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, end, Qt::NoButton);
    QVERIFY((view.neuronCenter(1, 10) - (before + QPointF(60, 40))).manhattanLength() < 1e-6);
    QCOMPARE(spy.count(), 0);  // a drag is not a click

    QCOMPARE(view.drawnEdgeCount(0), 200 * 8);
    send(QEvent::MouseMove, view.neuronCenter(1, 10), Qt::NoButton);
    QCOMPARE(view.drawnEdgeCount(0), 199 * 8 + 784);
    QCOMPARE(view.hitTest(view.neuronCenter(1, 10)).index, 10);
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(&view, &leave);
    QCOMPARE(view.drawnEdgeCount(0), 200 * 8);
    view.resetView();
    QCOMPARE(view.zoom(), 1.0);
}

// Every shape the lessons use draws, and every neuron is found where it is drawn: 2-2 and 2-1
// (the book's first examples), 2-4-1 with bias (XOR), two hidden layers on MNIST, 8×8 images.
void TestNetworkView::otherShapes() {
    struct Shape {
        std::vector<int> layers;
        bool bias;
        int imageW;
    };
    const std::vector<Shape> shapes{{{2, 2}, false, 0},      {{2, 1}, false, 0},
                                    {{2, 4, 1}, true, 0},    {{784, 100, 50, 10}, false, 28},
                                    {{64, 30, 10}, true, 8}, {{12, 12, 12}, false, 0}};
    int n = 0;
    for (const Shape& sh : shapes) {
        bp::NetworkSpec spec;
        spec.layers = sh.layers;
        spec.bias = sh.bias;
        bp::Network net(spec);
        bp::Stepper st(net);
        bp::Vector in = bp::Vector::Constant(sh.layers.front(), 0.5);
        st.setSample(in, bp::Vector::Constant(sh.layers.back(), 0.99));
        NetworkView view;
        view.resize(1000, 640);
        view.setShowEdgeValues(true);
        // through every phase, drawing each one
        do {
            view.setSnapshot(fixtures::snapshotOf(st, 0.2, 0, sh.imageW, sh.imageW));
            const QImage img = render(view, view.size());
            QVERIFY(!img.isNull());
        } while (st.step(0.2));
        for (int k = sh.imageW > 0 ? 1 : 0; k < static_cast<int>(sh.layers.size()); ++k) {
            for (int i = 0; i < sh.layers[k]; ++i) {
                const HitResult h = view.hitTest(view.neuronCenter(k, i));
                QCOMPARE(static_cast<int>(h.kind), static_cast<int>(HitResult::Kind::Neuron));
                QCOMPARE(h.layer, k);
                QCOMPARE(h.index, i);
            }
        }
        if (!fixtures::screenshotDir().isEmpty())
            render(view, view.size())
                .save(fixtures::screenshotDir() + QStringLiteral("/shape-%1.png").arg(n));
        ++n;
    }
}

// Edge values appear only when asked; the tooltip shows the hit test's text.
void TestNetworkView::edgeValuesAndTooltip() {
    bp::Network net = fixtures::bookNetwork();
    bp::Stepper st(net);
    st.setSample(fixtures::bookInput(), bp::bookTarget(1, 3));
    st.step(0.3);
    NetworkView view;
    view.resize(900, 600);
    view.setSnapshot(fixtures::snapshotOf(st, 0.3, 1));
    QCOMPARE(view.showEdgeValues(), false);
    const QImage plain = render(view, view.size());
    view.setShowEdgeValues(true);
    const QImage labelled = render(view, view.size());
    // The label of w_00 = 0.9 sits on the straight line from input 0 to hidden 0: there the
    // labelled picture has the label's light box and text, the plain one only the line.
    const QPointF a = view.neuronCenter(0, 0), b = view.neuronCenter(1, 0);
    int differing = 0;
    for (double t = 0.15; t < 0.5; t += 0.01) {
        const QPoint at = (a + t * (b - a)).toPoint() + QPoint(0, -4);
        if (colourDistance(plain.pixel(at), labelled.pixel(at)) > 40) ++differing;
    }
    QVERIFY2(differing >= 3, "no edge label drawn");

    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPoint at = view.neuronCenter(1, 2).toPoint();
    QHelpEvent help(QEvent::ToolTip, at, view.mapToGlobal(at));
    QApplication::sendEvent(&view, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), view.hitTest(at).text);
    QVERIFY(QToolTip::text().contains(QString::number(st.values().o[1](2), 'f', 6)));
}

// Presentation mode widens the lines a projector must show: neuron outlines, the selection
// ring and the output ticks. The text stays the same size (that is textScale), so the extra ink
// is the strokes'.
void TestNetworkView::strokesFollowPresentationScale() {
    NetworkView view;
    showBookFirstPhase(view);
    view.setSelectedNeuron(1, 1);
    auto inkPixels = [&] {
        const QImage img = render(view, view.size());
        int n = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                if (colourDistance(img.pixel(x, y), bps::palette::kInk.rgb()) < 40) ++n;
        return n;
    };
    QCOMPARE(view.strokeScale(), 1.0);
    const int thin = inkPixels();
    view.setStrokeScale(2.5);
    QCOMPARE(view.strokeScale(), 2.5);
    const int wide = inkPixels();
    QVERIFY2(wide > thin * 13 / 10, qPrintable(QStringLiteral("ink %1 → %2").arg(thin).arg(wide)));
    view.setStrokeScale(1.0);
    QCOMPARE(inkPixels(), thin);
}

// A neuron whose sigmoid slope o(1−o) is below 0.01 is "frozen": it gets a ring, and hovering
// says why it barely learns. The others, and layers the signal has not reached, get none.
void TestNetworkView::saturatedNeuronsAreRinged() {
    bp::Network net = fixtures::bookNetwork();
    bp::Matrix w0 = net.weights(0);
    w0.row(0).setConstant(4.0);  // hidden 0: x = 4·(0.9 + 0.1 + 0.8) = 7.2, o = 0.99925
    net.setWeights(0, w0);
    bp::Stepper st(net);
    st.setSample(fixtures::bookInput(), bp::bookTarget(1, 3));
    NetworkView view;
    view.resize(900, 600);
    auto ringPixels = [&](int layer, int index) {
        const QImage img = render(view, view.size());
        const QPointF c = view.neuronCenter(layer, index);
        // within half the distance to the next neuron of the column (its ring, not theirs)
        const QPointF next = view.neuronCenter(layer, index == 0 ? 1 : index - 1);
        const double reach = 0.5 * std::hypot(next.x() - c.x(), next.y() - c.y());
        int n = 0;
        for (int dy = -60; dy <= 60; ++dy)
            for (int dx = -60; dx <= 60; ++dx) {
                const QPoint at = c.toPoint() + QPoint(dx, dy);
                if (std::hypot(dx, dy) <= reach && img.rect().contains(at) &&
                    colourDistance(img.pixel(at), bps::palette::kSaturated.rgb()) < 30)
                    ++n;
            }
        return n;
    };
    view.setSnapshot(fixtures::snapshotOf(st, 0.3, 1));  // nothing computed yet
    QCOMPARE(ringPixels(1, 0), 0);
    st.step(0.3);  // forward through W0: the hidden layer has its outputs
    view.setSnapshot(fixtures::snapshotOf(st, 0.3, 1));
    QVERIFY(st.values().o[1](0) > 0.9899);
    QVERIFY2(ringPixels(1, 0) > 20, qPrintable(QString::number(ringPixels(1, 0))));
    QCOMPARE(ringPixels(1, 1), 0);  // o = 0.77: slope 0.18
    const QString text = view.hitTest(view.neuronCenter(1, 0)).text;
    QVERIFY2(text.contains(QStringLiteral("saturated: slope f′ = 0.0007")), qPrintable(text));
    QVERIFY(!view.hitTest(view.neuronCenter(1, 1)).text.contains(QStringLiteral("saturated")));
    // Outputs are not marked: at the book's targets 0.01 / 0.99 they sit on the edge by design.
    bp::Matrix w1 = net.weights(1);
    w1.row(0).setConstant(-6.0);  // output 0: o ≈ 0.0001
    net.setWeights(1, w1);
    st.step(0.3);  // forward through W1
    view.setSnapshot(fixtures::snapshotOf(st, 0.3, 1));
    QVERIFY(bp::isSaturated(bp::Activation::Sigmoid, st.values().o[2](0)));
    QCOMPARE(ringPixels(2, 0), 0);
    QVERIFY(ringPixels(1, 0) > 20);
}

// The session's title is drawn on the top line between the phase caption and the label (the
// projector shows no title bar), and only where they leave room.
void TestNetworkView::sessionTitleAtTheTop() {
    NetworkView view;
    showBookFirstPhase(view);
    view.resize(1400, 700);
    auto topStrip = [&](const NetworkView& v) {
        const QImage img = render(v, v.size());
        return img.copy(QRect(v.width() / 2, 0, v.width() / 3, 40));
    };
    const QImage plain = topStrip(view);
    view.setDocumentTitle(QStringLiteral("Lesson 3: learning rates"));
    QCOMPARE(view.documentTitle(), QStringLiteral("Lesson 3: learning rates"));
    const QImage titled = topStrip(view);
    int differing = 0;
    for (int y = 0; y < plain.height(); ++y)
        for (int x = 0; x < plain.width(); ++x)
            if (colourDistance(plain.pixel(x, y), titled.pixel(x, y)) > 40) ++differing;
    QVERIFY2(differing > 50, qPrintable(QString::number(differing)));
    // Too narrow for it next to the caption: left out, nothing drawn over the caption.
    view.resize(260, 300);
    const QImage narrowTitled = render(view, view.size());
    view.setDocumentTitle(QString());
    QCOMPARE(render(view, view.size()), narrowTitled);
}

// Before any sample (empty PassValues): nodes drawn empty, nothing reported as a value.
void TestNetworkView::snapshotWithoutValues() {
    for (int imageW : {0, 28}) {
        auto s = std::make_shared<bps::Snapshot>();
        s->spec.layers = imageW ? std::vector<int>{784, 20, 10} : std::vector<int>{3, 3, 3};
        bp::Network net(s->spec);
        s->weights = net.allWeights();
        s->imageWidth = s->imageHeight = imageW;
        NetworkView view;
        view.resize(800, 500);
        view.setSnapshot(s);
        const QImage img = render(view, view.size());
        const QPointF c = view.neuronCenter(1, 0);
        const HitResult h = view.hitTest(c);
        QCOMPARE(h.layer, 1);
        QVERIFY(std::isnan(h.value));
        const int below = imageW ? 0 : 20;  // big circles carry a number in the middle
        QVERIFY(colourDistance(img.pixel(c.toPoint() + QPoint(0, below)), qRgb(238, 238, 238)) <=
                6);
    }
}

void TestNetworkView::screenshots() {
    const QString dir = fixtures::screenshotDir();
    if (dir.isEmpty()) QSKIP("set BP_SCREENSHOT_DIR to write screenshots");
    {  // the book example mid-step: errors travelling back, numbers on edges
        bp::Network net = fixtures::bookNetwork();
        bp::Stepper st(net);
        bp::Vector target(3);
        target << 0.01, 0.99, 0.01;
        st.setSample(fixtures::bookInput(), target);
        const QString names[] = {"start", "fwd0", "fwd1", "outerr", "back1", "upd1", "upd0"};
        int n = 0;
        NetworkView view;
        view.setShowEdgeValues(true);
        view.setSnapshot(fixtures::snapshotOf(st, 0.3, 1));
        render(view, QSize(1280, 720)).save(dir + "/small-" + names[n++] + ".png");
        while (!st.finished()) {
            st.step(0.3);
            view.setSnapshot(fixtures::snapshotOf(st, 0.3, 1));
            render(view, QSize(1280, 720)).save(dir + "/small-" + names[n++] + ".png");
        }
    }
    {
        const bp::Dataset d = fixtures::mnist5000();
        bp::Network net = fixtures::mnistNetwork(d, 1);
        NetworkView view;
        view.setSnapshot(fixtures::trainedSnapshot(net, d.input(7), d.label(7), 28, 28, 0.1));
        render(view, QSize(1600, 900)).save(dir + "/mnist.png");
        render(view, QSize(760, 480)).save(dir + "/mnist-narrow.png");
        // mid-step: every phase of one sample
        bp::Stepper st(net);
        st.setSample(d.input(9), bp::bookTarget(d.label(9), 10));
        NetworkView stepView;
        for (int n = 0; st.step(0.1); ++n) {
            stepView.setSnapshot(fixtures::snapshotOf(st, 0.1, d.label(9), 28, 28));
            render(stepView, QSize(1600, 900))
                .save(dir + QStringLiteral("/mnist-step%1.png").arg(n));
        }
        view.resize(1600, 900);
        view.setSelectedNeuron(1, 57);
        render(view, QSize(1600, 900)).save(dir + "/mnist-selected.png");
    }
}

QTEST_MAIN(TestNetworkView)
#include "test_networkview.moc"
