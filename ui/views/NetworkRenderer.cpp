#include "views/NetworkRenderer.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "views/ControlPanel.h"
#include "views/Palette.h"

namespace bps {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kLevels = 6;  // width/opacity steps of the edges (one drawLines call each)

// The context lupdate files these strings under (tr() in NetworkRenderer members).
QString tr(const char* s, const char* disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("bps::NetworkRenderer", s, disambiguation, n);
}

double at(const std::vector<bp::Vector>& v, int k, int i) {
    if (k < 0 || k >= static_cast<int>(v.size())) return kNaN;
    if (i < 0 || i >= v[k].size()) return kNaN;
    return v[k](i);
}

// 12 → "₁₂"
QString subscript(int k) {
    QString out;
    for (const QChar ch : QString::number(k)) out += QChar(0x2080 + (ch.unicode() - u'0'));
    return out;
}

QString num(double v, int decimals = 3) {
    if (!std::isfinite(v)) return QStringLiteral("–");
    QString s = QString::number(v, 'f', decimals);
    if (s.startsWith(QLatin1Char('-')) && s.toDouble() == 0.0) s.remove(0, 1);  // no "-0.00"
    return s;
}

QFont font(double px, bool bold = false) {
    return networkFont(px, bold);
}

double distanceToSegment(QPointF p, const QLineF& l) {
    const QPointF d = l.p2() - l.p1();
    const double len2 = d.x() * d.x() + d.y() * d.y();
    double t = len2 > 0 ? QPointF::dotProduct(p - l.p1(), d) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF q = l.p1() + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

}  // namespace

NetworkRenderer::NetworkRenderer() = default;

void NetworkRenderer::setTextScale(double scale) {
    m_textScale = std::clamp(scale, 0.5, 4.0);
}

void NetworkRenderer::setStrokeScale(double scale) {
    m_strokeScale = std::clamp(scale, 0.5, 4.0);
}

void NetworkRenderer::setSnapshot(SnapshotPtr s) {
    m_snap = std::move(s);
    m_edges.reset();
    m_images.reset();
}

// ---------------------------------------------------------------------------------------------
// Phase

PhaseView NetworkRenderer::phaseView(const Snapshot* s) {
    PhaseView pv;
    if (!s) return pv;
    const int L = s->spec.weightLayers();
    pv.stepping = s->lastPhase.has_value() || s->nextPhase.has_value();
    pv.reachedLayer = L;
    if (!pv.stepping) return pv;
    if (!s->lastPhase) {  // a new sample: only the input is set
        pv.reachedLayer = 0;
        pv.highlightLayer = 0;
        return pv;
    }
    const bp::Phase& ph = *s->lastPhase;
    switch (ph.kind) {
        case bp::PhaseKind::Forward:
            pv.reachedLayer = ph.layer + 1;  // x_{k+1} = W_k·o_k, o_{k+1} = f(x_{k+1})
            pv.highlightLayer = ph.layer + 1;
            break;
        case bp::PhaseKind::OutputError:
            pv.highlightLayer = L;  // e_L = T − o_L
            pv.errorsFromLayer = L;
            break;
        case bp::PhaseKind::BackError:
            pv.highlightLayer = ph.layer;  // e_k = W_kᵀ·e_{k+1}
            pv.errorsFromLayer = ph.layer;
            break;
        case bp::PhaseKind::Update:
            pv.updatedWeights = ph.layer;  // W_k += ΔW_k; errors known down to max(k, 1)
            pv.errorsFromLayer = std::max(ph.layer, 1);
            break;
    }
    return pv;
}

// ---------------------------------------------------------------------------------------------
// Layout

bool NetworkRenderer::isImageInput() const {
    return m_snap && m_snap->imageWidth > 0 && m_snap->imageHeight > 0 &&
           m_snap->imageWidth * m_snap->imageHeight == m_snap->spec.layers.front();
}

NetworkTexts NetworkRenderer::texts() const {
    NetworkTexts t;
    if (!m_snap || m_snap->spec.layers.size() < 2) return t;
    const Snapshot& s = *m_snap;
    const std::vector<int>& layers = s.spec.layers;
    const int L = s.spec.weightLayers();
    for (int k = 0; k <= L; ++k) {
        QString title = layerName(k) + QStringLiteral(" · ") + QString::number(layers[k]);
        if (k == 0 && isImageInput())
            title = tr("input %1×%2").arg(s.imageWidth).arg(s.imageHeight);
        t.titles.push_back(title);
    }
    // Every caption the phases of this network can show (the widest sample number there is).
    const QString widest =
        QString(QString::number(std::max<qint64>(s.sample, 99999)).size(), QLatin1Char('8'));
    t.captions << tr("Training at %1: sample %2")
                      .arg(ControlPanel::paceText(ControlPanel::speedAt(0)), widest)
               << tr("Training at %1: sample %2")
                      .arg(ControlPanel::paceText(
                               ControlPanel::speedAt(ControlPanel::speedCount() - 2)),
                           widest)
               << tr("Training at full speed: sample %1").arg(widest)
               << tr("Ready to train: sample %1 comes first").arg(widest)
               << tr("Paused: sample %1 is next").arg(widest)
               << tr("New sample: the input I is set; next, the signal moves forward")
               << tr("Output error: E = T − O");
    for (int k = 0; k < L; ++k) {
        t.captions << tr("Forward: X%1 = W%2·O%2, O%1 = f(X%1) — the signal reaches the %3 layer")
                          .arg(subscript(k + 1))
                          .arg(subscript(k))
                          .arg(layerName(k + 1));
        if (k >= 1)
            t.captions << tr("Back-propagation: E%1 = W%1ᵀ·E%2 — the errors reach the %3 layer")
                              .arg(subscript(k))
                              .arg(subscript(k + 1))
                              .arg(layerName(k));
        t.captions << tr("Update: W%1 += ΔW%1 = α·(E%2∘O%2∘(1−O%2))·O%1ᵀ")
                          .arg(subscript(k))
                          .arg(subscript(k + 1));
    }
    const QString digits(QString::number(std::max(1, layers[L] - 1)).size(), QLatin1Char('8'));
    t.info = tr("label %1").arg(digits) + QStringLiteral("   ") + tr("prediction %1").arg(digits);
    t.outputNotes << QStringLiteral("◀ ") + tr("target") << QStringLiteral("◀ ") + tr("prediction")
                  << QStringLiteral("◀ ") + tr("target") + QStringLiteral(" = ") +
                         tr("prediction") + QStringLiteral(" ✓");
    if (isImageInput()) {
        const QString j(QString::number(std::max(1, layers[1] - 1)).size(), QLatin1Char('8'));
        t.heatCaption = tr("weights into %1 neuron %2 (±%3)")
                            .arg(layerName(1))
                            .arg(j)
                            .arg(QStringLiteral("8.88"));
        t.heatHint =
            tr("Click a %1 neuron to see its incoming weights as an image").arg(layerName(1));
    }
    ViewState st;
    t.legend = legendEntries(st, PhaseView{}, true);
    return t;
}

const NetworkLayout& NetworkRenderer::layout(QSizeF scene) const {
    NetworkLayoutInput in;
    in.size = scene;
    if (m_snap) {
        in.layers = m_snap->spec.layers;
        in.bias = m_snap->spec.bias;
        if (isImageInput()) {
            in.imageW = m_snap->imageWidth;
            in.imageH = m_snap->imageHeight;
        }
    }
    in.textScale = m_textScale;
    in.texts = texts();
    if (!m_layoutKey || !(*m_layoutKey == in)) {
        m_layout = NetworkLayout::compute(in);
        m_layoutKey = std::move(in);
    }
    return m_layout;
}

QPointF NetworkRenderer::neuronCenter(const QRectF& scene, int layer, int index) const {
    const NetworkLayout& l = layout(scene.size());
    if (layer < 0 || layer >= static_cast<int>(l.columns.size())) return {-1, -1};
    const auto& c = l.columns[static_cast<std::size_t>(layer)].centres;
    if (index < 0 || index >= static_cast<int>(c.size())) return {-1, -1};
    return c[static_cast<std::size_t>(index)] + scene.topLeft();
}

QRectF NetworkRenderer::imageRect(const QRectF& scene) const {
    const NetworkLayout& l = layout(scene.size());
    return isImageInput() ? l.image.translated(scene.topLeft()) : QRectF();
}

QRectF NetworkRenderer::heatRect(const QRectF& scene) const {
    const NetworkLayout& l = layout(scene.size());
    return isImageInput() ? l.heat.translated(scene.topLeft()) : QRectF();
}

QPointF NetworkRenderer::sourcePoint(const NetworkLayout& l, int k, int i) const {
    const NetworkLayout::Column& g = l.columns[static_cast<std::size_t>(k)];
    if (i < static_cast<int>(g.centres.size())) return g.centres[static_cast<std::size_t>(i)];
    return g.bias;
}

// ---------------------------------------------------------------------------------------------
// Edge choice: per neuron j the `density` largest |v_ji| of its row (EdgeSelection).

std::vector<NetworkRenderer::Seg> NetworkRenderer::segments(const NetworkLayout& l,
                                                            const ViewState& st) const {
    std::vector<Seg> segs;
    if (!m_snap || l.columns.empty()) return segs;
    const Snapshot& s = *m_snap;
    const int L = static_cast<int>(s.weights.size());
    const PhaseView pv = phaseView(&s);
    const bool anyFocus = st.selLayer >= 1 || st.hoverLayer >= 1;
    for (int k = 0; k < L; ++k) {
        const bool showDw = pv.updatedWeights == k && k < static_cast<int>(s.values.dW.size()) &&
                            s.values.dW[k].size() > 0;
        double opacity = 1.0;
        if (pv.stepping) {
            if (pv.updatedWeights >= 0 && !showDw) opacity = 0.35;
            if (pv.errorsFromLayer >= 0 && pv.updatedWeights < 0 && k != pv.highlightLayer)
                opacity = 0.4;  // back-propagation: the errors travel through W_k only
            if (pv.errorsFromLayer < 0 && k >= pv.reachedLayer) opacity = 0.18;  // not reached
        }
        if (anyFocus) opacity *= 0.45;
        // Small networks (every layer ≤ kSmallLayer) always show every connection.
        const int density = l.small ? kSmallLayer + 1 : st.density;
        const EdgeSelection::Set& set =
            showDw ? m_edges.deltas(s, k, density) : m_edges.weights(s, k, density);
        const double vmax = set.vmax > 0 ? set.vmax : 1.0;
        // The focused neurons of layer k+1 get all their incoming edges instead.
        auto focused = [&](int j) {
            return (st.selLayer == k + 1 && st.selIndex == j) ||
                   (st.hoverLayer == k + 1 && st.hoverIndex == j);
        };
        for (const EdgeSelection::Edge& e : set.edges) {
            if (focused(e.j)) continue;
            segs.push_back({QLineF(sourcePoint(l, k, e.i), l.columns[k + 1].centres[e.j]), k, e.j,
                            e.i, e.v, std::abs(e.v) / vmax, showDw, false, opacity});
        }
        const bp::Matrix& m = showDw ? s.values.dW[k] : s.weights[k];
        for (int j = 0; j < m.rows(); ++j) {
            if (!focused(j)) continue;
            const double rowMax = std::max(m.row(j).cwiseAbs().maxCoeff(), 1e-300);
            for (int i = 0; i < m.cols(); ++i)
                segs.push_back({QLineF(sourcePoint(l, k, i), l.columns[k + 1].centres[j]), k, j, i,
                                m(j, i), std::abs(m(j, i)) / rowMax, showDw, true, 1.0});
        }
    }
    return segs;
}

std::vector<int> NetworkRenderer::drawnInputsOf(const QRectF& scene, int layer, int index,
                                                const ViewState& st) const {
    std::vector<int> out;
    for (const Seg& s : segments(layout(scene.size()), st))
        if (s.k == layer - 1 && s.j == index) out.push_back(s.i);
    return out;
}

int NetworkRenderer::drawnEdgeCount(const QRectF& scene, int k, const ViewState& st) const {
    const auto segs = segments(layout(scene.size()), st);
    return static_cast<int>(
        std::count_if(segs.begin(), segs.end(), [k](const Seg& s) { return s.k == k; }));
}

// ---------------------------------------------------------------------------------------------
// Helpers

bool NetworkRenderer::hasValues(int layer) const {
    const auto& o = m_snap->values.o;
    return layer < static_cast<int>(o.size()) && o[layer].size() == m_snap->spec.layers[layer];
}

bool NetworkRenderer::saturated(int layer, int index) const {
    // Hidden layers only: an output at the book's target 0.01 or 0.99 sits on the edge of
    // saturation by design, and its error, not its slope, is what matters there.
    if (layer < 1 || layer >= m_snap->spec.weightLayers() || !hasValues(layer)) return false;
    return bp::isSaturated(m_snap->spec.hidden, m_snap->values.o[layer](index));
}

int NetworkRenderer::saturatedCount(const PhaseView& pv) const {
    int n = 0;
    for (int k = 1; k <= std::min(pv.reachedLayer, m_snap->spec.weightLayers() - 1); ++k)
        for (int i = 0; hasValues(k) && i < m_snap->spec.layers[k]; ++i) n += saturated(k, i);
    return n;
}

double NetworkRenderer::errorRange(int fromLayer) const {
    double m = 0;
    const auto& e = m_snap->values.e;
    for (int k = std::max(fromLayer, 1); k < static_cast<int>(e.size()); ++k)
        if (e[k].size() > 0) m = std::max(m, e[k].cwiseAbs().maxCoeff());
    if (!(m > 0) || !std::isfinite(m)) return 1.0;
    // A "nice" bound so the legend reads 0.25, 0.5, 1, 2, …
    double nice = 0.01;
    while (nice < m) nice *= (std::fmod(std::log10(nice) + 100.0, 1.0) < 0.2 ? 2.5 : 2.0);
    return nice;
}

QString NetworkRenderer::layerName(int layer) const {
    const int L = m_snap->spec.weightLayers();
    if (layer == 0) return tr("input");
    if (layer == L) return tr("output");
    if (L == 2) return tr("hidden");
    return tr("hidden %1").arg(layer);
}

QString NetworkRenderer::phaseCaption() const {
    const PhaseView pv = phaseView(m_snap.get());
    const Snapshot& s = *m_snap;
    if (!pv.stepping) {
        const QString n = s.sample >= 0 ? QString::number(s.sample) : QStringLiteral("–");
        if (s.playing && s.pace > 0)
            return tr("Training at %1: sample %2").arg(ControlPanel::paceText(s.pace), n);
        if (s.playing) return tr("Training at full speed: sample %1").arg(n);
        if (s.samplesSeen == 0) return tr("Ready to train: sample %1 comes first").arg(n);
        return tr("Paused: sample %1 is next").arg(n);
    }
    if (!s.lastPhase) return tr("New sample: the input I is set; next, the signal moves forward");
    const int k = s.lastPhase->layer;
    switch (s.lastPhase->kind) {
        case bp::PhaseKind::Forward:
            return tr("Forward: X%1 = W%2·O%2, O%1 = f(X%1) — the signal reaches the %3 layer")
                .arg(subscript(k + 1))
                .arg(subscript(k))
                .arg(layerName(k + 1));
        case bp::PhaseKind::OutputError:
            return tr("Output error: E = T − O");
        case bp::PhaseKind::BackError:
            return tr("Back-propagation: E%1 = W%1ᵀ·E%2 — the errors reach the %3 layer")
                .arg(subscript(k))
                .arg(subscript(k + 1))
                .arg(layerName(k));
        case bp::PhaseKind::Update:
            return tr("Update: W%1 += ΔW%1 = α·(E%2∘O%2∘(1−O%2))·O%1ᵀ")
                .arg(subscript(k))
                .arg(subscript(k + 1));
    }
    return {};
}

std::vector<LegendEntry> NetworkRenderer::legendEntries(const ViewState& st, const PhaseView& pv,
                                                        bool widest) const {
    using K = LegendEntry::Kind;
    std::vector<LegendEntry> e;
    e.push_back({K::Ramp, tr("activation o"), QStringLiteral("0"), QStringLiteral("1")});
    if (widest || pv.errorsFromLayer >= 0) {
        const double r = widest ? 88.88 : errorRange(pv.errorsFromLayer);
        e.push_back({K::Ramp, tr("error e"), num(-r, 2), QStringLiteral("+") + num(r, 2)});
    }
    if (widest || pv.updatedWeights >= 0) {
        e.push_back({K::Line, tr("ΔW > 0"), {}, {}});
        e.push_back({K::Line, tr("ΔW < 0"), {}, {}});
    }
    e.push_back({K::Tick, tr("target T"), {}, {}});
    e.push_back({K::Line, tr("w > 0"), {}, {}});
    e.push_back({K::Line, tr("w < 0"), {}, {}});
    int saturatedN = 0;
    if (widest) {
        for (int k = 1; k < m_snap->spec.weightLayers(); ++k) saturatedN += m_snap->spec.layers[k];
    } else {
        saturatedN = saturatedCount(pv);
    }
    if (saturatedN > 0)  // only when there are some
        e.push_back({K::Ring,
                     tr("saturated hidden: slope < 0.01 (%n neuron(s))", nullptr, saturatedN),
                     {},
                     {}});
    const bool small = std::all_of(m_snap->spec.layers.begin(), m_snap->spec.layers.end(),
                                   [](int n) { return n <= kSmallLayer; });
    e.push_back({K::Note,
                 small ? tr("line width ∝ |w|")
                       : tr("opacity ∝ |w|; the %1 strongest inputs of each neuron")
                             .arg(widest ? 888 : st.density),
                 {},
                 {}});
    return e;
}

// ---------------------------------------------------------------------------------------------
// Painting

void NetworkRenderer::paintEdges(QPainter& p, const NetworkLayout& l, const std::vector<Seg>& segs,
                                 bool focus) const {
    // Bucket by (style, colour scheme, sign, strength level, opacity): one drawLines each.
    struct Bucket {
        std::vector<QLineF> lines;
    };
    constexpr int kOpac = 4;    // opacities quantised to 1/4, 2/4, 3/4, 1
    constexpr int kStyles = 4;  // 0 small network, 1 a few hundred edges, 2 dense, 3 small but busy
    std::array<Bucket, kStyles * 2 * 2 * kLevels * kOpac> buckets;
    // Strength and opacity as bucket numbers; a diverged network's NaN or infinite weights give
    // NaN or huge values here, which must not be cast to int (UB, and an index out of range).
    auto unit = [](double x) { return x >= 0 ? std::min(x, 1.0) : 0.0; };  // NaN → 0
    auto opacityLevel = [&](double o) {
        return std::clamp(static_cast<int>(unit(o) * kOpac - 1e-9), 0, kOpac - 1);
    };
    // A weight layer with many edges drawn is "dense".
    std::vector<int> perLayer(l.columns.size(), 0);
    for (const Seg& s : segs) ++perLayer[static_cast<std::size_t>(s.k)];
    for (const Seg& s : segs) {
        if (s.focus != focus) continue;
        const int inLayer = perLayer[static_cast<std::size_t>(s.k)];
        const int style = l.small ? (inLayer > 30 ? 3 : 0) : (inLayer > 400 ? 2 : 1);
        const int level = std::min(kLevels - 1, static_cast<int>(unit(s.t) * kLevels));
        const int idx =
            (((style * 2 + (s.dw ? 1 : 0)) * 2 + (s.v < 0 ? 1 : 0)) * kLevels + level) * kOpac +
            opacityLevel(s.opacity);
        buckets[static_cast<std::size_t>(idx)].lines.push_back(s.line);
    }
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        if (buckets[b].lines.empty()) continue;
        const int ol = static_cast<int>(b % kOpac);
        const int level = static_cast<int>((b / kOpac) % kLevels);
        const bool neg = (b / (kOpac * kLevels)) % 2 == 1;
        const bool dw = (b / (kOpac * kLevels * 2)) % 2 == 1;
        const int style = static_cast<int>(b / (kOpac * kLevels * 4));
        const bool dense = style == 2;
        const double t = (level + 0.5) / kLevels;
        QColor c = dw ? (neg ? palette::kDwNegative : palette::kDwPositive)
                      : (neg ? palette::kNegative : palette::kPositive);
        // Dense layers: 1-px cosmetic pens without antialiasing, which Qt's raster engine draws
        // (dashes included) with its fast cosmetic stroker; |w| is carried by the opacity.
        // Measured on 784-200-10 at 1600×900 (bench_render): wide pens ~70 ms/frame, 1-px
        // antialiased ~8.5 ms, 1-px aliased ~5 ms.
        double alpha = 0.35 + 0.65 * t, width = (0.8 + 5.0 * t) * l.font / 18.0;
        if (style == 3) width = (0.6 + 2.4 * t) * l.font / 18.0;
        if (style == 1) {  // a few hundred edges: 1-px antialiased, also the fast stroker
            alpha = focus ? 0.15 + 0.7 * t : 0.3 + 0.65 * t;
            width = m_strokeScale;  // few enough to draw wider for a projector
        } else if (dense) {
            alpha = focus ? 0.06 + 0.8 * t * t : 0.15 + 0.75 * t * t;
            width = 1.0;
        }
        c.setAlphaF(static_cast<float>(std::clamp(alpha * (ol + 1.0) / kOpac, 0.04, 1.0)));
        QPen pen(c, width);
        pen.setCosmetic(style == 1 || style == 2);
        pen.setCapStyle(Qt::FlatCap);
        if (neg) {
            const double dash = (style == 0 || style == 3 ? 9.0 : 5.0) / width;
            const double gap = (style == 0 || style == 3 ? 6.0 : 3.0) / width;
            pen.setDashPattern({dash, gap});
        }
        p.setRenderHint(QPainter::Antialiasing, !dense);
        p.setPen(pen);
        p.drawLines(buckets[b].lines.data(), static_cast<int>(buckets[b].lines.size()));
    }
}

void NetworkRenderer::paintEdgeValues(QPainter& p, const NetworkLayout& l,
                                      const std::vector<Seg>& segs) const {
    p.setFont(font(l.font * 0.72));
    const QFontMetricsF fm(p.font());
    // Every edge of a sparse layer is labelled; of a busy one only the focused neuron's. Each
    // label goes where it overlaps neither another label nor a node (NetworkLayout).
    std::vector<int> perLayer(l.columns.size(), 0);
    for (const Seg& s : segs) ++perLayer[static_cast<std::size_t>(s.k)];
    std::vector<const Seg*> shown;
    std::vector<QLineF> lines;
    std::vector<QSizeF> sizes;
    std::vector<double> prefer;
    std::vector<QString> texts;
    for (const Seg& s : segs) {
        if (perLayer[static_cast<std::size_t>(s.k)] > 30 && !s.focus) continue;
        const int nOut =
            static_cast<int>(l.columns[static_cast<std::size_t>(s.k) + 1].centres.size());
        const QString text = s.dw ? QString::number(s.v, 'g', 3) : num(s.v, 2);
        shown.push_back(&s);
        lines.push_back(s.line);
        sizes.push_back(QSizeF(fm.horizontalAdvance(text) + 4, fm.height() + 2));
        prefer.push_back(0.25 + 0.4 * (nOut > 1 ? static_cast<double>(s.j) / (nOut - 1) : 0.5));
        texts.push_back(text);
    }
    std::vector<QRectF> obstacles;
    for (const NetworkLayout::Column& c : l.columns)
        for (const QPointF& pt : c.centres)
            if (c.radius > 0)
                obstacles.push_back(
                    QRectF(pt.x() - c.radius, pt.y() - c.radius, 2 * c.radius, 2 * c.radius));
    const std::vector<QRectF> boxes =
        NetworkLayout::placeLineLabels(lines, sizes, prefer, obstacles);
    for (std::size_t q = 0; q < shown.size(); ++q) {
        const Seg& s = *shown[q];
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 225));
        p.drawRoundedRect(boxes[q], 3, 3);
        p.setPen(s.dw ? (s.v < 0 ? palette::kDwNegative : palette::kDwPositive)
                      : (s.v < 0 ? palette::kNegative : palette::kPositive));
        p.drawText(boxes[q], Qt::AlignCenter, texts[q]);
    }
}

void NetworkRenderer::paintNodes(QPainter& p, const NetworkLayout& l, const ViewState& st,
                                 const PhaseView& pv, double zoom) const {
    const Snapshot& s = *m_snap;
    const int L = static_cast<int>(l.columns.size()) - 1;
    const double emax = pv.errorsFromLayer >= 0 ? errorRange(pv.errorsFromLayer) : 1.0;
    for (int k = (isImageInput() ? 1 : 0); k <= L; ++k) {
        const NetworkLayout::Column& g = l.columns[static_cast<std::size_t>(k)];
        const bool reached = k <= pv.reachedLayer && hasValues(k);
        const bool errors = pv.errorsFromLayer >= 0 && k >= pv.errorsFromLayer && k >= 1 &&
                            k < static_cast<int>(s.values.e.size()) &&
                            s.values.e[k].size() == s.spec.layers[k];
        const double r = g.radius;
        const bool thin = r < 6;
        const double sw = m_strokeScale;  // outline widths × the presentation scale
        const QPen outline = thin ? QPen(QColor(60, 60, 70, 150), 0.6 * sw)
                                  : QPen(palette::kInk, std::max(1.0, r / 14) * sw);
        // Values inside the nodes when they are large enough on screen: a small network at
        // zoom 1, any layer once zoomed in (the numbers grow with the zoom, drawn at the
        // screen's pixel size so that they stay sharp).
        const bool numbers = g.numbers || r * zoom >= 0.8 * l.font / m_textScale + 6;
        const int decimals = r > 1.6 * l.font ? 3 : 2;
        const QFont valueFont = font(g.valueFont * zoom, true);
        p.setPen(outline);
        for (int i = 0; i < static_cast<int>(g.centres.size()); ++i) {
            QRgb fill = qRgb(238, 238, 238);
            double v = kNaN;
            if (errors) {
                v = s.values.e[k](i);
                fill = palette::error(v / emax);
            } else if (reached) {
                v = s.values.o[k](i);
                fill = palette::activation(v);
            }
            const QPointF c = g.centres[static_cast<std::size_t>(i)];
            p.setBrush(QColor(fill));
            if (!reached && !errors)
                p.setPen(QPen(palette::kMuted, (thin ? 0.6 : 1.2) * sw, Qt::DashLine));
            p.drawEllipse(c, r, r);
            if (numbers && std::isfinite(v)) {
                const QPen keep = p.pen();
                p.save();
                p.translate(c);
                p.scale(1.0 / zoom, 1.0 / zoom);
                p.setFont(valueFont);
                p.setPen(palette::textOn(fill));
                const double rz = r * zoom;
                p.drawText(QRectF(-rz, -rz, 2 * rz, 2 * rz), Qt::AlignCenter, num(v, decimals));
                p.restore();
                p.setPen(keep);
            }
            if (!reached && !errors) p.setPen(outline);
        }
        // Saturated neurons ("frozen": slope below 0.01, their weights hardly learn) get a ring.
        if (reached && k >= 1) {
            const QPen keep = p.pen();
            p.setPen(QPen(palette::kSaturated, (thin ? 1.5 : 2.5) * sw));
            p.setBrush(Qt::NoBrush);
            const double rr = r + (thin ? 1.5 : 3.0) * sw;
            for (int i = 0; i < static_cast<int>(g.centres.size()); ++i)
                if (saturated(k, i)) p.drawEllipse(g.centres[static_cast<std::size_t>(i)], rr, rr);
            p.setPen(keep);
        }
    }
    // The constant-1 bias nodes (also under an image input).
    for (int k = 0; s.spec.bias && k < L; ++k) {
        const NetworkLayout::Column& g = l.columns[static_cast<std::size_t>(k)];
        const double b = std::max(g.radius * 0.7, 0.4 * l.font);
        const QRectF box(g.bias.x() - b, g.bias.y() - b, 2 * b, 2 * b);
        p.setPen(QPen(palette::kInk, m_strokeScale));
        p.setBrush(QColor(palette::activation(1.0)));
        p.drawRect(box);
        p.setFont(font(std::min(l.font * 0.7, 1.4 * b), true));
        p.drawText(box, Qt::AlignCenter, QStringLiteral("1"));
    }
    // Selection and hover rings.
    auto ring = [&](int layer, int index, const QPen& pen) {
        if (layer < 0 || layer > L || index < 0 ||
            index >= static_cast<int>(l.columns[static_cast<std::size_t>(layer)].centres.size()))
            return;
        const NetworkLayout::Column& g = l.columns[static_cast<std::size_t>(layer)];
        const double r =
            g.radius > 0 ? g.radius + 3 : l.image.width() / std::max(1, s.imageWidth) * 0.8;
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(g.centres[static_cast<std::size_t>(index)], r, r);
    };
    ring(st.hoverLayer, st.hoverIndex, QPen(palette::kInk, 1.5 * m_strokeScale, Qt::DotLine));
    ring(st.selLayer, st.selIndex, QPen(palette::kInk, 3 * m_strokeScale));
}

void NetworkRenderer::paintOutputs(QPainter& p, const NetworkLayout& l, const PhaseView& pv) const {
    const Snapshot& s = *m_snap;
    const int L = static_cast<int>(l.columns.size()) - 1;
    const NetworkLayout::Column& g = l.columns[static_cast<std::size_t>(L)];
    const bool reached = pv.reachedLayer >= L && hasValues(L);
    const double fs = l.font;
    const double barH = l.barH;
    const QFont labelFont = font(l.labelFont, true);
    const QFont noteFont = font(l.noteFont);
    const double labelH = QFontMetricsF(labelFont).height();
    const double noteH = QFontMetricsF(noteFont).height();
    const bool hasTarget = s.values.target.size() == s.spec.layers[L];
    for (int j = 0; j < static_cast<int>(g.centres.size()); ++j) {
        const QPointF c = g.centres[static_cast<std::size_t>(j)];
        // the label 0 … n−1
        p.setFont(labelFont);
        p.setPen(palette::kInk);
        p.drawText(QRectF(l.labelX, c.y() - labelH / 2, l.labelW, labelH), Qt::AlignCenter,
                   QString::number(j));
        // the bar of o_j, with the target T_j as a tick
        const QRectF track(l.barX, c.y() - barH / 2, l.barW, barH);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(228, 228, 232));
        p.drawRect(track);
        const bool predicted = reached && j == s.prediction && s.spec.layers[L] > 1;
        if (reached) {
            const double o = std::clamp(s.values.o[L](j), 0.0, 1.0);
            p.setBrush(predicted ? palette::kInk : QColor(130, 134, 142));
            p.drawRect(QRectF(track.left(), track.top(), track.width() * o, track.height()));
        }
        if (hasTarget) {
            const double t = std::clamp(s.values.target(j), 0.0, 1.0);
            const double x = track.left() + track.width() * t;
            p.setPen(
                QPen(palette::kInk, (j == s.label ? std::max(2.5, fs / 7) : 1.5) * m_strokeScale));
            p.drawLine(QPointF(x, track.top() - barH * 0.35),
                       QPointF(x, track.bottom() + barH * 0.35));
        }
        QStringList notes;
        if (j == s.label) notes << tr("target");
        if (predicted) notes << tr("prediction");
        if (!notes.isEmpty()) {
            p.setFont(noteFont);
            p.setPen(palette::kInk);
            QString text = notes.join(QStringLiteral(" = "));
            if (notes.size() == 2) text += QStringLiteral(" ✓");
            p.drawText(QRectF(l.noteX, c.y() - noteH / 2, l.noteW, noteH),
                       Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("◀ ") + text);
        }
    }
}

// Draws the lines of a text box, one under the other, aligned as asked.
static void drawLines(QPainter& p, const NetworkLayout::TextBox& t, const QStringList& lines,
                      Qt::Alignment align, bool bold = false) {
    if (lines.isEmpty() || t.font <= 0) return;
    const QFont f = networkFont(t.font, bold);
    p.setFont(f);
    const double h = QFontMetricsF(f).height();
    const double pitch = std::max(h, t.font * 1.3);
    const double total = (lines.size() - 1) * pitch + h;
    double y = t.box.top() + (align & Qt::AlignBottom    ? t.box.height() - total
                              : align & Qt::AlignVCenter ? (t.box.height() - total) / 2
                                                         : 0.0);
    for (const QString& line : lines) {
        p.drawText(QRectF(t.box.left(), y, t.box.width(), h),
                   (align & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter, line);
        y += pitch;
    }
}

void NetworkRenderer::paintImages(QPainter& p, const NetworkLayout& l, const ViewState& st) const {
    if (!isImageInput()) return;
    p.drawImage(l.image, m_images.input(*m_snap));
    p.setPen(QPen(palette::kInk, m_strokeScale));
    p.setBrush(Qt::NoBrush);
    p.drawRect(l.image);
    // The heat map of the selected (else hovered) hidden neuron's incoming weights.
    int j = -1;
    if (st.selLayer == 1 && st.selIndex >= 0)
        j = st.selIndex;
    else if (st.hoverLayer == 1 && st.hoverIndex >= 0)
        j = st.hoverIndex;
    // (For 784-10 without a hidden layer, layer 1 is the output: its rows are images too.)
    if (j >= 0 && j < m_snap->spec.layers[1]) {
        double vmax = 0;
        p.drawImage(l.heat, m_images.heat(*m_snap, j, &vmax));
        p.drawRect(l.heat);
        p.setPen(palette::kInk);
        const QString caption =
            tr("weights into %1 neuron %2 (±%3)").arg(layerName(1)).arg(j).arg(num(vmax, 2));
        drawLines(
            p, l.heatCaption,
            NetworkLayout::breakLines(caption, font(l.heatCaption.font), l.heatCaption.box.width()),
            Qt::AlignLeft | Qt::AlignBottom);
    } else {
        p.setPen(QPen(palette::kMuted, m_strokeScale, Qt::DashLine));
        p.drawRect(l.heat);
        p.setPen(palette::kMuted);
        drawLines(p, l.heatHint, l.heatHint.lines, Qt::AlignHCenter | Qt::AlignVCenter);
    }
}

void NetworkRenderer::paintCaptions(QPainter& p, const QRectF& scene,
                                    const NetworkLayout& l) const {
    const Snapshot& s = *m_snap;
    const PhaseView pv = phaseView(m_snap.get());
    const QPointF o = scene.topLeft();
    p.setPen(palette::kInk);
    const QString caption = phaseCaption();
    NetworkLayout::TextBox cap = l.caption;
    cap.box.translate(o);
    const QStringList lines =
        NetworkLayout::breakLines(caption, font(cap.font, true), cap.box.width());
    drawLines(p, cap, lines, Qt::AlignLeft | Qt::AlignTop, true);
    const QFont infoFont = font(l.infoFont);
    p.setFont(infoFont);
    QStringList info;
    if (s.label >= 0) info << tr("label %1").arg(s.label);
    if (s.prediction >= 0 && pv.reachedLayer >= s.spec.weightLayers())
        info << tr("prediction %1").arg(s.prediction);
    const QString infoText = info.join(QStringLiteral("   "));
    p.drawText(l.info.translated(o), Qt::AlignRight | Qt::AlignVCenter, infoText);
    // The session's title in the middle, where the caption and the info leave room (elided
    // if need be).
    if (!m_documentTitle.isEmpty() && lines.size() == 1) {
        const QFont captionFont = font(cap.font, true);
        const double left =
            QFontMetricsF(captionFont).horizontalAdvance(lines.front()) + 2 * l.font;
        const double right = QFontMetricsF(infoFont).horizontalAdvance(infoText) + 2 * l.font;
        const QRectF line(cap.box.left(), cap.box.top(), l.info.right() - l.caption.box.left(),
                          QFontMetricsF(captionFont).height());
        const QRectF gap(line.left() + left, line.top(), line.width() - left - right,
                         line.height());
        if (gap.width() > 4 * l.font) {
            QFont titleFont = captionFont;
            titleFont.setItalic(true);
            p.setFont(titleFont);
            p.setPen(palette::kMuted);
            const QString shown =
                QFontMetricsF(titleFont).elidedText(m_documentTitle, Qt::ElideRight, gap.width());
            p.drawText(gap, Qt::AlignHCenter | Qt::AlignVCenter, shown);
        }
    }
}

void NetworkRenderer::paintLegend(QPainter& p, const QRectF& scene, const NetworkLayout& l,
                                  const ViewState& st, const PhaseView& pv) const {
    using K = LegendEntry::Kind;
    const double lf = l.legendFont;
    const QFont f = font(lf);
    p.setFont(f);
    const QFontMetricsF fm(f);
    const std::vector<NetworkLayout::LegendBox> boxes = NetworkLayout::flowLegend(
        legendEntries(st, pv, false), l.legend.topLeft() + scene.topLeft(), l.legend.width(), lf,
        m_strokeScale);
    const double shortRow = NetworkLayout::legendRowHeight(lf, false);
    for (const NetworkLayout::LegendBox& b : boxes) {
        const QRectF r = b.box;
        // the row's middle line: the ramps' bar, the other entries' sample and text
        const double mid =
            r.height() > shortRow + 0.5 ? r.top() + fm.height() + 0.5 * lf : r.center().y();
        const double baseline = mid + (fm.ascent() - fm.descent()) / 2;
        p.setPen(palette::kInk);
        switch (b.entry.kind) {
            case K::Ramp: {
                const QRectF bar(r.left(), mid - 0.5 * lf, r.width(), lf);
                const bool error = b.entry.text == tr("error e");
                p.drawImage(bar, palette::ramp(error ? palette::error : palette::activation,
                                               error ? -1 : 0, 1, 128));
                p.setPen(QPen(palette::kMuted, 1));
                p.setBrush(Qt::NoBrush);
                p.drawRect(bar);
                p.setPen(palette::kInk);
                p.drawText(QPointF(r.left(), bar.top() - 0.25 * lf - fm.descent()), b.entry.text);
                const double below = bar.bottom() + 0.25 * lf + fm.ascent();
                p.drawText(QPointF(r.left(), below), b.entry.left);
                p.drawText(QPointF(r.right() - fm.horizontalAdvance(b.entry.right), below),
                           b.entry.right);
                break;
            }
            case K::Line: {
                const bool dw = b.entry.text.startsWith(QStringLiteral("Δ")) ||
                                b.entry.text == tr("ΔW > 0") || b.entry.text == tr("ΔW < 0");
                const bool neg = b.entry.text == tr("w < 0") || b.entry.text == tr("ΔW < 0");
                QPen pen(dw ? (neg ? palette::kDwNegative : palette::kDwPositive)
                            : (neg ? palette::kNegative : palette::kPositive),
                         3 * m_strokeScale);
                if (neg) pen.setDashPattern({3, 2});
                p.setPen(pen);
                const double w = r.width() - fm.horizontalAdvance(b.entry.text) - 0.6 * lf;
                p.drawLine(QPointF(r.left(), mid), QPointF(r.left() + w, mid));
                p.setPen(palette::kInk);
                p.drawText(QPointF(r.right() - fm.horizontalAdvance(b.entry.text), baseline),
                           b.entry.text);
                break;
            }
            case K::Tick:
                p.setPen(QPen(palette::kInk, 2.5 * m_strokeScale));
                p.drawLine(QPointF(r.left() + 0.4 * lf, mid - 0.6 * lf),
                           QPointF(r.left() + 0.4 * lf, mid + 0.6 * lf));
                p.setPen(palette::kInk);
                p.drawText(QPointF(r.left() + 1.6 * lf, baseline), b.entry.text);
                break;
            case K::Ring: {
                const double rr = 0.5 * lf;
                p.setPen(QPen(palette::kSaturated, 2.5 * m_strokeScale));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(QPointF(r.left() + rr + 0.1 * lf, mid), rr, rr);
                p.setPen(palette::kInk);
                p.drawText(QPointF(r.left() + 1.6 * lf, baseline), b.entry.text);
                break;
            }
            case K::Note:
                p.setPen(palette::kMuted);
                p.drawText(QPointF(r.left(), baseline), b.entry.text);
                break;
        }
    }
}

void NetworkRenderer::paint(QPainter& p, const QRectF& scene, const QTransform& view,
                            const ViewState& st) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(scene, palette::kBackground);
    if (!m_snap || m_snap->spec.layers.size() < 2 ||
        static_cast<int>(m_snap->weights.size()) != m_snap->spec.weightLayers()) {
        p.setPen(palette::kMuted);
        p.drawText(scene, Qt::AlignCenter, tr("No network yet"));
        p.restore();
        return;
    }
    const NetworkLayout& l = layout(scene.size());
    const PhaseView pv = phaseView(m_snap.get());
    const double zoom = std::max(1e-6, std::sqrt(std::abs(view.determinant())));

    p.save();
    // the network moves with zoom and pan between the header and the legend
    p.setClipRect(QRectF(scene.left(), scene.top() + l.header.bottom(), scene.width(),
                         l.legend.top() - 0.2 * l.font - l.header.bottom()));
    QTransform t = QTransform::fromTranslate(scene.left(), scene.top()) * view;
    p.setTransform(t, true);
    // the layer the signal (or the error) just reached
    if (pv.highlightLayer >= 0 && pv.highlightLayer < static_cast<int>(l.columns.size())) {
        p.setPen(Qt::NoPen);
        p.setBrush(palette::kHighlight);
        p.drawRoundedRect(l.columns[static_cast<std::size_t>(pv.highlightLayer)].band, l.font * 0.6,
                          l.font * 0.6);
    }
    // column titles
    p.setPen(palette::kInk);
    for (const NetworkLayout::Column& c : l.columns)
        drawLines(p, c.title, c.title.lines, Qt::AlignHCenter | Qt::AlignBottom, true);
    const std::vector<Seg> segs = segments(l, st);
    paintEdges(p, l, segs, false);
    paintEdges(p, l, segs, true);
    p.setRenderHint(QPainter::Antialiasing, true);
    paintImages(p, l, st);
    paintNodes(p, l, st, pv, zoom);
    paintOutputs(p, l, pv);
    if (st.edgeValues && l.small) paintEdgeValues(p, l, segs);
    p.restore();

    paintCaptions(p, scene, l);
    paintLegend(p, scene, l, st, pv);
    p.restore();
}

// ---------------------------------------------------------------------------------------------
// Hit test

HitResult NetworkRenderer::hitTest(const QRectF& scene, QPointF pos, const ViewState& st) const {
    HitResult h;
    if (!m_snap || m_snap->spec.layers.size() < 2) return h;
    const NetworkLayout& l = layout(scene.size());
    const Snapshot& s = *m_snap;
    const QPointF q = pos - scene.topLeft();
    const int L = static_cast<int>(l.columns.size()) - 1;
    // neurons (nearest centre within its radius + a little)
    double best = std::numeric_limits<double>::max();
    for (int k = (isImageInput() ? 1 : 0); k <= L; ++k) {
        const NetworkLayout::Column& g = l.columns[static_cast<std::size_t>(k)];
        for (int i = 0; i < static_cast<int>(g.centres.size()); ++i) {
            const double d = std::hypot(q.x() - g.centres[i].x(), q.y() - g.centres[i].y());
            if (d <= g.radius + 2 && d < best) {
                best = d;
                h.kind = HitResult::Kind::Neuron;
                h.layer = k;
                h.index = i;
            }
        }
    }
    if (h.kind == HitResult::Kind::Neuron) {
        const int k = h.layer, i = h.index;
        h.value = at(s.values.o, k, i);
        QStringList lines;
        lines << tr("%1 neuron %2 (layer %3)").arg(layerName(k)).arg(i).arg(k);
        if (k >= 1 && std::isfinite(at(s.values.x, k, i)))
            lines << tr("net input x = %1").arg(num(at(s.values.x, k, i), 6));
        if (std::isfinite(h.value)) lines << tr("output o = %1").arg(num(h.value, 6));
        if (k >= 1 && std::isfinite(at(s.values.e, k, i)))
            lines << tr("error e = %1").arg(num(at(s.values.e, k, i), 6));
        if (saturated(k, i))
            lines << tr("saturated: slope f′ = %1 < 0.01, so its weights hardly change")
                         .arg(num(bp::slopeFromOutput(s.spec.hidden, h.value), 4));
        h.text = lines.join(QLatin1Char('\n'));
        return h;
    }
    if (isImageInput()) {
        const int iw = s.imageWidth, ih = s.imageHeight;
        auto pixelAt = [&](const QRectF& r) {
            if (!r.contains(q)) return -1;
            const int px =
                std::clamp(static_cast<int>((q.x() - r.left()) / r.width() * iw), 0, iw - 1);
            const int py =
                std::clamp(static_cast<int>((q.y() - r.top()) / r.height() * ih), 0, ih - 1);
            return py * iw + px;
        };
        const int p = pixelAt(l.image);
        if (p >= 0) {
            h.kind = HitResult::Kind::Pixel;
            h.layer = 0;
            h.index = p;
            h.value = at(s.values.o, 0, p);
            h.text = tr("pixel (row %1, column %2): input = %3")
                         .arg(p / iw)
                         .arg(p % iw)
                         .arg(num(h.value, 4));
            return h;
        }
        int j = st.selLayer == 1 ? st.selIndex : (st.hoverLayer == 1 ? st.hoverIndex : -1);
        const int hp = pixelAt(l.heat);
        if (hp >= 0 && j >= 0 && j < s.spec.layers[1]) {
            h.kind = HitResult::Kind::Edge;
            h.layer = 0;
            h.index = j;
            h.from = hp;
            h.value = s.weights[0](j, hp);
            h.text = tr("weight from pixel (row %1, column %2) into %3 neuron %4: w = %5")
                         .arg(hp / iw)
                         .arg(hp % iw)
                         .arg(layerName(1))
                         .arg(j)
                         .arg(num(h.value, 6));
            return h;
        }
    }
    // edges: the nearest drawn one within 4 px (focus edges first)
    const auto segs = segments(l, st);
    const Seg* hit = nullptr;
    double bestD = 4.0;
    for (const Seg& sg : segs) {
        const double d = distanceToSegment(q, sg.line) - (sg.focus ? 1.0 : 0.0);
        if (d < bestD) {
            bestD = d;
            hit = &sg;
        }
    }
    if (hit) {
        h.kind = HitResult::Kind::Edge;
        h.layer = hit->k;
        h.index = hit->j;
        h.from = hit->i;
        h.value = s.weights[hit->k](hit->j, hit->i);
        const QString from = hit->i < s.spec.layers[hit->k] ? QString::number(hit->i) : tr("bias");
        h.text = tr("weight W%1[%2, %3] from %4 neuron %3 to %5 neuron %2: w = %6")
                     .arg(hit->k)
                     .arg(hit->j)
                     .arg(from)
                     .arg(layerName(hit->k))
                     .arg(layerName(hit->k + 1))
                     .arg(num(h.value, 6));
        if (hit->dw)
            h.text +=
                QLatin1Char('\n') + tr("last change ΔW = %1").arg(QString::number(hit->v, 'g', 6));
    }
    return h;
}

}  // namespace bps
