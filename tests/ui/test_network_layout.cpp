// test_network_layout.cpp — the network view's layout as a value (NetworkLayout), at the sizes the
// view has on every screen, for the book's networks and MNIST ones, at zoom 1 and presenting:
// no two layer columns overlap, every title, caption and legend entry fits its box, nothing lies
// outside the view; and, drawn through every phase, no text is cut or drawn on another
// (LayoutAudit's TextRecorder). The values in the nodes grow with the view's zoom.
#include <QtTest>
#include <cmath>

#include "LayoutAudit.h"
#include "ViewFixtures.h"
#include "views/NetworkLayout.h"
#include "views/NetworkRenderer.h"
#include "views/NetworkView.h"

using bps::NetworkLayout;
using bps::NetworkRenderer;
using bps::NetworkView;

namespace {

struct Shape {
    std::vector<int> layers;
    bool bias = false;
    int image = 0;  // side of a square image input (0: neurons)
};

// The shapes the studio and the lessons show.
std::vector<Shape> shapes() {
    return {{{2, 2}},
            {{3, 3, 3}},
            {{2, 2, 2}},
            {{2, 4, 1}, true},
            {{12, 12, 12}},
            {{784, 100, 10}, false, 28},
            {{784, 200, 10}, false, 28},
            {{784, 200, 100, 10}, false, 28},
            {{64, 30, 10}, true, 8},
            {{784, 10}, false, 28}};
}

// The sizes the view has: main window docks at 1024×768 … 1920×1080, lessons, presentation.
std::vector<QSize> sizes() {
    return {{560, 360}, {640, 400}, {760, 480}, {900, 600}, {1100, 560}, {1280, 720}, {1600, 900}};
}

bp::Network networkOf(const Shape& sh) {
    bp::NetworkSpec spec;
    spec.layers = sh.layers;
    spec.bias = sh.bias;
    spec.seed = 3;
    return bp::Network(spec);
}

// A stepper through every phase of one sample of the shape's network.
bp::Stepper stepperOf(bp::Network& net, const Shape& sh) {
    bp::Stepper st(net);
    bp::Vector in(sh.layers.front());
    for (int i = 0; i < in.size(); ++i) in(i) = 0.01 + 0.98 * ((i * 37) % 100) / 100.0;
    st.setSample(in, bp::bookTarget(1 % sh.layers.back(), sh.layers.back()));
    return st;
}

QString where(const Shape& sh, QSizeF size, double scale) {
    QStringList l;
    for (int n : sh.layers) l << QString::number(n);
    return QStringLiteral("%1 at %2×%3, text ×%4")
        .arg(l.join(QLatin1Char('-')))
        .arg(size.width())
        .arg(size.height())
        .arg(scale);
}

double widest(const QStringList& lines, double px, bool bold) {
    double w = 0;
    for (const QString& s : lines)
        w = std::max(w, QFontMetricsF(bps::networkFont(px, bold)).horizontalAdvance(s));
    return w;
}

// What a person checks on the layout value; one line per problem.
QStringList layoutProblems(const NetworkLayout& l, const QString& at) {
    QStringList out;
    const QRectF scene(QPointF(0, 0), l.size);
    const QRectF inside = scene.adjusted(-0.5, -0.5, 0.5, 0.5);
    if (!l.fits) out << at + QStringLiteral(": does not fit at a readable size");
    for (std::size_t a = 0; a < l.columns.size(); ++a) {
        const NetworkLayout::Column& c = l.columns[a];
        if (!inside.contains(c.extent))
            out << at + QStringLiteral(": column %1 reaches outside the view").arg(a);
        const double tw = widest(c.title.lines, c.title.font, true);
        if (tw > c.title.box.width() + 0.5)
            out << at + QStringLiteral(": title of column %1 wider than its box").arg(a);
        for (const QPointF& p : c.centres)
            if (c.radius > 0 && !l.content.adjusted(-0.5, -0.5, 0.5, 0.5)
                                     .contains(QRectF(p.x() - c.radius, p.y() - c.radius,
                                                      2 * c.radius, 2 * c.radius))) {
                out << at + QStringLiteral(": a node of column %1 outside the content").arg(a);
                break;
            }
        for (std::size_t b = a + 1; b < l.columns.size(); ++b) {
            // columns are left to right: a's right edge before b's left edge, titles included
            const NetworkLayout::Column& d = l.columns[b];
            if (c.extent.right() > d.extent.left() || c.title.box.intersects(d.title.box) ||
                c.band.intersects(d.band))
                out << at + QStringLiteral(": columns %1 and %2 overlap").arg(a).arg(b);
        }
    }
    for (std::size_t a = 0; a < l.entries.size(); ++a) {
        if (!inside.contains(l.entries[a].box))
            out << at + QStringLiteral(": legend entry '%1' outside the view")
                            .arg(l.entries[a].entry.text);
        for (std::size_t b = a + 1; b < l.entries.size(); ++b)
            if (l.entries[a].box.adjusted(0.5, 0.5, -0.5, -0.5).intersects(l.entries[b].box))
                out << at + QStringLiteral(": legend entries '%1' and '%2' overlap")
                                .arg(l.entries[a].entry.text, l.entries[b].entry.text);
        if (NetworkLayout::entryWidth(l.entries[a].entry, l.legendFont) >
            l.entries[a].box.width() + 0.5)
            out << at + QStringLiteral(": legend entry '%1' wider than its box")
                            .arg(l.entries[a].entry.text);
    }
    if (l.legend.top() < l.content.bottom())
        out << at + QStringLiteral(": legend over the network");
    if (l.noteX + l.noteW > scene.right() + 0.5)
        out << at + QStringLiteral(": output notes reach outside the view");
    if (widest(l.caption.lines, l.caption.font, true) > l.caption.box.width() + 0.5)
        out << at + QStringLiteral(": caption wider than its box");
    if (l.caption.box.right() > l.info.left())
        out << at + QStringLiteral(": caption runs into the label and prediction");
    if (l.image.isValid()) {
        if (l.heatCaption.lines.isEmpty())
            out << at + QStringLiteral(": the heat map's caption has no room");
        if (widest(l.heatCaption.lines, l.heatCaption.font, false) >
            l.heatCaption.box.width() + 0.5)
            out << at + QStringLiteral(": heat caption wider than its box");
        if (l.heatCaption.box.intersects(l.image) || l.heatCaption.box.intersects(l.heat))
            out << at + QStringLiteral(": heat caption over an image");
        if (!l.heatHint.lines.isEmpty() &&
            widest(l.heatHint.lines, l.heatHint.font, false) > l.heatHint.box.width() + 0.5)
            out << at + QStringLiteral(": heat hint wider than the heat map");
    }
    return out;
}

// Every text the view paints at `size`: nothing cut, nothing drawn on top of another text.
QStringList paintProblems(NetworkView& view, QSize size, const QString& at) {
    view.resize(size);
    QStringList out;
    for (const QString& p :
         audit::paintedTextProblems(at, audit::paintedTexts(&view), QSizeF(size)))
        out << p;
    return out;
}

}  // namespace

class TestNetworkLayout : public QObject {
    Q_OBJECT
  private slots:
    void layoutFitsEverySizeAndShape();
    void paintedTextsAreWholeAndApart();
    void narrowViewsBreakTitlesNotWords();
    void checkerCatchesOverlapAndCut();
    void valuesGrowWithTheZoom();
    void edgeLabelsNeverOverlap();
};

// The layout value at every size, for every shape, at zoom 1 and presenting (text × 1.5, 2).
void TestNetworkLayout::layoutFitsEverySizeAndShape() {
    QStringList problems;
    int checked = 0;
    for (const Shape& sh : shapes()) {
        bp::Network net = networkOf(sh);
        const bp::Stepper st = stepperOf(net, sh);
        NetworkRenderer r;
        r.setSnapshot(fixtures::snapshotOf(st, 0.1, 1, sh.image, sh.image));
        for (const QSize size : sizes())
            for (double scale : {1.0, 1.5, 2.0}) {
                // presenting, the view is at least the 1024×768 projector's network area
                if (scale > 1 && size.width() < 760) continue;
                if (scale > 1.5 && size.width() < 900) continue;
                r.setTextScale(scale);
                problems << layoutProblems(r.layout(QSizeF(size)), where(sh, size, scale));
                ++checked;
            }
    }
    QVERIFY(checked > 150);
    // and the check can fail: 784-200-100-10 in a 260×170 view does not fit
    {
        const Shape sh{{784, 200, 100, 10}, false, 28};
        bp::Network net = networkOf(sh);
        const bp::Stepper st = stepperOf(net, sh);
        NetworkRenderer r;
        r.setSnapshot(fixtures::snapshotOf(st, 0.1, 1, 28, 28));
        QVERIFY(!layoutProblems(r.layout(QSizeF(260, 170)), QStringLiteral("tiny")).isEmpty());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// Drawn through every phase of a sample, selected and not, no painted text is cut or lies on
// another text.
void TestNetworkLayout::paintedTextsAreWholeAndApart() {
    QStringList problems;
    for (const Shape& sh : shapes()) {
        bp::Network net = networkOf(sh);
        bp::Stepper st = stepperOf(net, sh);
        NetworkView view;
        view.setShowEdgeValues(true);
        int phase = 0;
        do {
            view.setSnapshot(fixtures::snapshotOf(st, 0.1, 1, sh.image, sh.image));
            if (phase == 2 && sh.layers.size() > 2) view.setSelectedNeuron(1, 0);
            for (const QSize size : {QSize(640, 400), QSize(900, 600), QSize(1280, 720)})
                problems << paintProblems(
                    view, size, where(sh, size, 1) + QStringLiteral(", phase %1").arg(phase));
            view.setTextScale(1.5);
            problems << paintProblems(
                view, QSize(900, 560),
                where(sh, QSize(900, 560), 1.5) + QStringLiteral(", phase %1").arg(phase));
            view.setTextScale(1.0);
            ++phase;
        } while (st.step(0.1));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// When the columns are close the titles go on two lines at their spaces ("hidden · 100" as
// "hidden ·" over "100"), never inside a word, and still do not overlap.
void TestNetworkLayout::narrowViewsBreakTitlesNotWords() {
    const Shape sh{{784, 200, 100, 10}, false, 28};
    bp::Network net = networkOf(sh);
    const bp::Stepper st = stepperOf(net, sh);
    NetworkRenderer r;
    r.setSnapshot(fixtures::snapshotOf(st, 0.1, 1, 28, 28));
    r.setTextScale(1.5);
    const NetworkLayout l = r.layout(QSizeF(560, 420));
    QVERIFY2(layoutProblems(l, QStringLiteral("narrow")).isEmpty(),
             qPrintable(layoutProblems(l, QStringLiteral("narrow")).join(QLatin1Char('\n'))));
    const std::vector<QString> titles = r.texts().titles;
    for (std::size_t k = 0; k < l.columns.size(); ++k) {
        // the lines, put back together, are the title: nothing dropped, no word split
        const QString joined = l.columns[k].title.lines.join(QLatin1Char(' '));
        QCOMPARE(joined.simplified(), titles[k].simplified());
        for (const QString& line : l.columns[k].title.lines)
            for (const QString& word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                QVERIFY2(
                    titles[k].split(QLatin1Char(' ')).contains(word),
                    qPrintable(QStringLiteral("'%1' is not a word of '%2'").arg(word, titles[k])));
    }
}

// The painted-text checker fails on what it must: two texts on one spot, a text past the edge,
// a text cut by the box it is drawn in (and passes when they are apart and whole).
void TestNetworkLayout::checkerCatchesOverlapAndCut() {
    class Canvas : public QWidget {
      public:
        int mode = 0;
        void paintEvent(QPaintEvent*) override {
            QPainter p(this);
            p.setFont(bps::networkFont(14));
            if (mode == 0) {  // apart and whole
                p.drawText(QPointF(10, 30), QStringLiteral("hidden · 100"));
                p.drawText(QPointF(10, 60), QStringLiteral("output · 10"));
            } else if (mode == 1) {  // on top of each other
                p.drawText(QPointF(10, 30), QStringLiteral("hidden · 100"));
                p.drawText(QPointF(60, 32), QStringLiteral("output · 10"));
            } else if (mode == 2) {  // past the right edge
                p.drawText(QPointF(width() - 30, 30), QStringLiteral("output · 10"));
            } else {  // cut by its box
                p.drawText(QRectF(10, 10, 30, 20), Qt::AlignLeft, QStringLiteral("output · 10"));
            }
        }
    } canvas;
    canvas.resize(200, 100);
    for (int mode = 0; mode < 4; ++mode) {
        canvas.mode = mode;
        const QStringList found = audit::paintedTextProblems(
            QStringLiteral("canvas"), audit::paintedTexts(&canvas), QSizeF(canvas.size()));
        QCOMPARE(found.isEmpty(), mode == 0);
    }
}

// The numbers inside the nodes follow the wheel zoom: at zoom 1 a 100-neuron hidden layer is
// too small for them; zoomed in they appear, and the output values grow.
void TestNetworkLayout::valuesGrowWithTheZoom() {
    const Shape sh{{784, 100, 10}, false, 28};
    bp::Network net = networkOf(sh);
    bp::Stepper st = stepperOf(net, sh);
    st.step(0.1);
    st.step(0.1);  // forward through both layers: every node has its value
    NetworkView view;
    view.resize(1280, 720);
    view.setSnapshot(fixtures::snapshotOf(st, 0.1, 1, 28, 28));
    auto valueTexts = [&](int layer) {
        const QPointF c = view.neuronCenter(layer, 0);
        double height = 0;
        for (const audit::PaintedText& t : audit::paintedTexts(&view))
            if (t.box.contains(c) && t.text.contains(QLatin1Char('.')))
                height = std::max(height, t.box.height());
        return height;
    };
    const double outAt1 = valueTexts(2);
    QVERIFY(outAt1 > 0);
    QCOMPARE(valueTexts(1), 0.0);
    view.setZoom(4.0, view.neuronCenter(1, 0));
    QVERIFY2(valueTexts(1) > 0, "zoomed in, the hidden values appear");
    view.resetView();
    view.setZoom(2.0, view.neuronCenter(2, 0));
    QVERIFY2(valueTexts(2) > 1.6 * outAt1,
             qPrintable(QStringLiteral("%1 → %2").arg(outAt1).arg(valueTexts(2))));
}

// The numbers on the edges of the book's examples each find a place of their own.
void TestNetworkLayout::edgeLabelsNeverOverlap() {
    std::vector<QLineF> lines;
    std::vector<QSizeF> sizes;
    std::vector<double> prefer;
    // 2×2 with crossing diagonals, as in lesson 1
    const QPointF a0(50, 50), a1(50, 250), b0(450, 50), b1(450, 250);
    for (const QLineF& l : {QLineF(a0, b0), QLineF(a0, b1), QLineF(a1, b0), QLineF(a1, b1)}) {
        lines.push_back(l);
        sizes.push_back(QSizeF(44, 18));
        prefer.push_back(0.5);  // all prefer the middle, where the diagonals cross
    }
    const std::vector<QRectF> nodes{QRectF(20, 20, 60, 60), QRectF(420, 220, 60, 60)};
    const std::vector<QRectF> boxes = NetworkLayout::placeLineLabels(lines, sizes, prefer, nodes);
    QCOMPARE(boxes.size(), lines.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        QVERIFY(lines[i].pointAt(0.1).x() <= boxes[i].center().x());
        for (const QRectF& n : nodes) QVERIFY(!boxes[i].intersects(n));
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            QVERIFY2(!boxes[i].intersects(boxes[j]),
                     qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
    }
}

QTEST_MAIN(TestNetworkLayout)
#include "test_network_layout.moc"
