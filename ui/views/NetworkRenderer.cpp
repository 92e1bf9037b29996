#include "views/NetworkRenderer.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

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
    QFont f;
    f.setPixelSize(std::max(6, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
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
    m_layoutValid = false;
}

void NetworkRenderer::setStrokeScale(double scale) {
    m_strokeScale = std::clamp(scale, 0.5, 4.0);
}

void NetworkRenderer::setSnapshot(SnapshotPtr s) {
    m_snap = std::move(s);
    for (auto& e : m_wEdges) e.valid = false;
    for (auto& e : m_dwEdges) e.valid = false;
    m_input = QImage();
    m_heatRow = -1;
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

const NetworkRenderer::Layout& NetworkRenderer::layout(const QRectF& scene) const {
    const Snapshot* s = m_snap.get();
    const std::vector<int> layers = s ? s->spec.layers : std::vector<int>{};
    const int iw = isImageInput() ? s->imageWidth : 0;
    const int ih = isImageInput() ? s->imageHeight : 0;
    const bool bias = s && s->spec.bias;
    Layout& l = m_layout;
    if (m_layoutValid && l.size == scene.size() && l.layers == layers && l.imageW == iw &&
        l.imageH == ih && l.bias == bias)
        return l;
    l = Layout{};
    l.size = scene.size();
    l.layers = layers;
    l.imageW = iw;
    l.imageH = ih;
    l.bias = bias;
    m_layoutValid = true;
    if (layers.size() < 2) return l;

    const double W = scene.width(), H = scene.height();
    const double fs = std::clamp(std::min(H / 40.0, W / 60.0), 11.0, 26.0) * m_textScale;
    l.font = fs;
    const double m = fs;
    // Scene origin is (0,0): painting translates to scene.topLeft().
    l.content = QRectF(m, 3.6 * fs, W - 2 * m, H - 3.6 * fs - 4.2 * fs);
    const QRectF c = l.content;
    l.small = std::all_of(layers.begin(), layers.end(), [](int n) { return n <= kSmallLayer; });

    const int L = static_cast<int>(layers.size()) - 1;
    l.geom.resize(layers.size());

    // Input column width, output bar area.
    double inW = 0;
    if (iw > 0) {
        const double side = std::min({c.height() * 0.46, W * 0.2, c.width() * 0.25});
        const double aspect = static_cast<double>(iw) / ih;
        const double imgW = aspect >= 1 ? side : side * aspect;
        const double imgH = aspect >= 1 ? side / aspect : side;
        inW = imgW;
        l.image = QRectF(c.left(), c.top() + fs * 0.4, imgW, imgH);
        l.heat = QRectF(c.left(), c.bottom() - imgH - fs * 0.2, imgW, imgH);
    }
    const double outArea = 19.0 * fs;  // labels, bars (6.5 fs) and their notes

    // Vertical placement of a column of n nodes (plus a bias node) in sub-columns.
    auto placeColumn = [&](LayerGeom& g, int n, double x, bool hasBias) {
        const int nSlots = n + (hasBias ? 1 : 0);
        int sub = 1;
        if (n > kSmallLayer)
            sub = std::clamp(static_cast<int>(std::ceil(nSlots * 13.0 / c.height())), 1, 5);
        const int rows = (nSlots + sub - 1) / sub;
        const double maxR = l.small ? 2.3 * fs : 1.6 * fs;
        const double r = std::min(0.38 * c.height() / rows, maxR);
        const double spacing = std::min(c.height() / rows, 3.4 * r);
        const double dx = sub > 1 ? spacing * 0.95 : 0;
        const double top = c.center().y() - spacing * (rows - 1) / 2.0;
        g.radius = r;
        g.x = x;
        g.centres.resize(n);
        auto pos = [&](int idx) {
            const int col = idx % sub, row = idx / sub;
            return QPointF(
                x + (col - (sub - 1) / 2.0) * dx,
                top + row * spacing + (sub > 1 ? col * spacing / sub - spacing / 2.0 / sub : 0.0));
        };
        for (int i = 0; i < n; ++i) g.centres[i] = pos(i);
        if (hasBias) g.bias = pos(n);
        const double halfW = (sub - 1) / 2.0 * dx + r;
        const double y0 = g.centres.empty() ? top : g.centres.front().y();
        const double y1 =
            std::max(hasBias ? g.bias.y() : y0, g.centres.empty() ? y0 : g.centres.back().y());
        const double pad = r + 0.5 * fs + (sub > 1 ? spacing / 2.0 : 0.0);
        g.band = QRectF(x - halfW - 0.5 * fs, y0 - pad, 2 * halfW + fs, y1 - y0 + 2 * pad);
        // (against the unscaled text size: presentation mode must not hide the numbers)
        g.numbers = n <= kSmallLayer && r >= 0.8 * fs / m_textScale;
    };

    // Column x positions: input, hidden…, output (its bars to the right).
    const double rOutGuess = std::min(0.38 * c.height() / std::max(1, layers[L]), 2.3 * fs);
    const double x0 = iw > 0 ? c.left() + inW / 2 : c.left() + 2.4 * fs;
    const double xL = c.right() - outArea - rOutGuess;
    for (int k = 0; k <= L; ++k) {
        const double x =
            L > 0 ? x0 + (xL - x0) * (iw > 0 && L > 1 ? (k == 0 ? 0.0 : 0.18 + 0.82 * k / L)
                                                      : static_cast<double>(k) / L)
                  : x0;
        LayerGeom& g = l.geom[k];
        const bool hasBias = bias && k < L;
        if (k == 0 && iw > 0) {
            g.x = x;
            g.radius = 0;
            g.centres.resize(layers[0]);
            const double pw = l.image.width() / iw, ph = l.image.height() / ih;
            for (int p = 0; p < layers[0]; ++p)
                g.centres[p] = QPointF(l.image.left() + (p % iw + 0.5) * pw,
                                       l.image.top() + (p / iw + 0.5) * ph);
            if (hasBias) g.bias = QPointF(l.image.right() + 0.9 * fs, l.image.bottom() - 0.5 * fs);
            g.band = l.image.adjusted(-0.4 * fs, -0.4 * fs, 0.4 * fs, 0.4 * fs);
            continue;
        }
        placeColumn(g, layers[k], x, hasBias);
    }
    const LayerGeom& out = l.geom[L];
    l.barX = out.x + out.radius + 2.0 * fs;
    l.barW = std::max(3.0 * fs, c.right() - l.barX - 10.0 * fs);
    return l;
}

QPointF NetworkRenderer::neuronCenter(const QRectF& scene, int layer, int index) const {
    const Layout& l = layout(scene);
    if (layer < 0 || layer >= static_cast<int>(l.geom.size())) return {-1, -1};
    const auto& c = l.geom[layer].centres;
    if (index < 0 || index >= static_cast<int>(c.size())) return {-1, -1};
    return c[index] + scene.topLeft();
}

QRectF NetworkRenderer::imageRect(const QRectF& scene) const {
    const Layout& l = layout(scene);
    return l.imageW > 0 ? l.image.translated(scene.topLeft()) : QRectF();
}

QRectF NetworkRenderer::heatRect(const QRectF& scene) const {
    const Layout& l = layout(scene);
    return l.imageW > 0 ? l.heat.translated(scene.topLeft()) : QRectF();
}

QPointF NetworkRenderer::sourcePoint(const Layout& l, int k, int i) const {
    const LayerGeom& g = l.geom[k];
    if (i < static_cast<int>(g.centres.size())) return g.centres[i];
    return g.bias;
}

// ---------------------------------------------------------------------------------------------
// Edge choice: per neuron j the `density` largest |v_ji| of its row (std::nth_element).

namespace {
void chooseStrongest(const bp::Matrix& m, int density, std::vector<std::pair<float, int>>& buf,
                     std::vector<std::pair<int, int>>& out) {
    out.clear();
    const int rows = static_cast<int>(m.rows()), cols = static_cast<int>(m.cols());
    if (density <= 0 || rows == 0) return;
    if (cols <= density) {
        out.reserve(static_cast<std::size_t>(rows) * cols);
        for (int j = 0; j < rows; ++j)
            for (int i = 0; i < cols; ++i) out.emplace_back(j, i);
        return;
    }
    out.reserve(static_cast<std::size_t>(rows) * density);
    if (density > 32) {  // many per row: std::nth_element over the row
        buf.resize(static_cast<std::size_t>(cols));
        for (int j = 0; j < rows; ++j) {
            for (int i = 0; i < cols; ++i) buf[i] = {static_cast<float>(std::abs(m(j, i))), i};
            std::nth_element(buf.begin(), buf.begin() + density, buf.end(),
                             [](const auto& a, const auto& b) { return a.first > b.first; });
            for (int q = 0; q < density; ++q) out.emplace_back(j, buf[q].second);
        }
        return;
    }
    // Few per row (the default): one pass over W in its column-major order, each row keeping
    // its `density` largest |w| in a small array sorted ascending (slot 0 = the smallest kept),
    // so almost every weight costs one comparison. 3× faster than nth_element per row here.
    const std::size_t k = static_cast<std::size_t>(density);
    buf.assign(static_cast<std::size_t>(rows) * k, {-1.0f, -1});
    for (int i = 0; i < cols; ++i) {
        const double* colPtr = m.data() + static_cast<std::ptrdiff_t>(i) * rows;
        for (int j = 0; j < rows; ++j) {
            const float a = static_cast<float>(std::abs(colPtr[j]));
            std::pair<float, int>* top = buf.data() + static_cast<std::size_t>(j) * k;
            if (a <= top[0].first) continue;
            std::size_t q = 0;  // shift smaller ones down, keep ascending order
            while (q + 1 < k && top[q + 1].first < a) {
                top[q] = top[q + 1];
                ++q;
            }
            top[q] = {a, i};
        }
    }
    for (int j = 0; j < rows; ++j)
        for (std::size_t q = k; q-- > 0;)
            out.emplace_back(j, buf[static_cast<std::size_t>(j) * k + q].second);
}
}  // namespace

const NetworkRenderer::EdgeSet& NetworkRenderer::weightEdges(int k, int density) const {
    const std::size_t L = m_snap ? m_snap->weights.size() : 0;
    if (m_edgeDensity != density) {
        for (auto& e : m_wEdges) e.valid = false;
        for (auto& e : m_dwEdges) e.valid = false;
        m_edgeDensity = density;
    }
    if (m_wEdges.size() != L) m_wEdges.assign(L, EdgeSet{});
    EdgeSet& set = m_wEdges[k];
    if (set.valid) return set;
    const bp::Matrix& w = m_snap->weights[k];
    std::vector<std::pair<int, int>> chosen;
    chooseStrongest(w, density, m_scratch, chosen);
    set.edges.clear();
    set.vmax = 0;
    for (auto [j, i] : chosen) {
        const float v = static_cast<float>(w(j, i));
        set.edges.push_back({j, i, v});
        set.vmax = std::max(set.vmax, static_cast<double>(std::abs(v)));
    }
    set.valid = true;
    return set;
}

const NetworkRenderer::EdgeSet& NetworkRenderer::deltaEdges(int k, int density) const {
    weightEdges(k, density);  // syncs density and sizes
    const std::size_t L = m_snap->weights.size();
    if (m_dwEdges.size() != L) m_dwEdges.assign(L, EdgeSet{});
    EdgeSet& set = m_dwEdges[k];
    if (set.valid) return set;
    set.edges.clear();
    set.vmax = 0;
    set.valid = true;
    const auto& dW = m_snap->values.dW;
    if (k >= static_cast<int>(dW.size()) || dW[k].size() == 0) return set;
    std::vector<std::pair<int, int>> chosen;
    chooseStrongest(dW[k], density, m_scratch, chosen);
    for (auto [j, i] : chosen) {
        const float v = static_cast<float>(dW[k](j, i));
        set.edges.push_back({j, i, v});
        set.vmax = std::max(set.vmax, static_cast<double>(std::abs(v)));
    }
    return set;
}

std::vector<NetworkRenderer::Seg> NetworkRenderer::segments(const Layout& l,
                                                            const ViewState& st) const {
    std::vector<Seg> segs;
    if (!m_snap || l.geom.empty()) return segs;
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
        const EdgeSet& set = showDw ? deltaEdges(k, density) : weightEdges(k, density);
        const double vmax = set.vmax > 0 ? set.vmax : 1.0;
        // The focused neurons of layer k+1 get all their incoming edges instead.
        auto focused = [&](int j) {
            return (st.selLayer == k + 1 && st.selIndex == j) ||
                   (st.hoverLayer == k + 1 && st.hoverIndex == j);
        };
        for (const Edge& e : set.edges) {
            if (focused(e.j)) continue;
            segs.push_back({QLineF(sourcePoint(l, k, e.i), l.geom[k + 1].centres[e.j]), k, e.j, e.i,
                            e.v, std::abs(e.v) / vmax, showDw, false, opacity});
        }
        const bp::Matrix& m = showDw ? s.values.dW[k] : s.weights[k];
        for (int j = 0; j < m.rows(); ++j) {
            if (!focused(j)) continue;
            const double rowMax = std::max(m.row(j).cwiseAbs().maxCoeff(), 1e-300);
            for (int i = 0; i < m.cols(); ++i)
                segs.push_back({QLineF(sourcePoint(l, k, i), l.geom[k + 1].centres[j]), k, j, i,
                                m(j, i), std::abs(m(j, i)) / rowMax, showDw, true, 1.0});
        }
    }
    return segs;
}

std::vector<int> NetworkRenderer::drawnInputsOf(const QRectF& scene, int layer, int index,
                                                const ViewState& st) const {
    std::vector<int> out;
    for (const Seg& s : segments(layout(scene), st))
        if (s.k == layer - 1 && s.j == index) out.push_back(s.i);
    return out;
}

int NetworkRenderer::drawnEdgeCount(const QRectF& scene, int k, const ViewState& st) const {
    const auto segs = segments(layout(scene), st);
    return static_cast<int>(
        std::count_if(segs.begin(), segs.end(), [k](const Seg& s) { return s.k == k; }));
}

// ---------------------------------------------------------------------------------------------
// Images

const QImage& NetworkRenderer::inputImage() const {
    if (!m_input.isNull() || !isImageInput()) return m_input;
    const int w = m_snap->imageWidth, h = m_snap->imageHeight;
    QImage img(w, h, QImage::Format_RGB32);
    const auto& o = m_snap->values.o;
    const bool have = !o.empty() && o[0].size() == w * h;
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w; ++x)
            line[x] = have ? palette::activation(o[0](y * w + x)) : qRgb(235, 235, 235);
    }
    m_input = img;
    return m_input;
}

const QImage& NetworkRenderer::heatImage(int j, double* vmax) const {
    if (m_heatRow != j) {
        const int w = m_snap->imageWidth, h = m_snap->imageHeight;
        const bp::Matrix& W0 = m_snap->weights[0];
        m_heatMax = 1e-300;
        for (int p = 0; p < w * h; ++p) m_heatMax = std::max(m_heatMax, std::abs(W0(j, p)));
        m_heat = QImage(w, h, QImage::Format_RGB32);
        for (int y = 0; y < h; ++y) {
            auto* line = reinterpret_cast<QRgb*>(m_heat.scanLine(y));
            for (int x = 0; x < w; ++x) line[x] = palette::weight(W0(j, y * w + x) / m_heatMax);
        }
        m_heatRow = j;
    }
    *vmax = m_heatMax;
    return m_heat;
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
    if (!pv.stepping)
        return tr("Training: sample %1")
            .arg(s.sample >= 0 ? QString::number(s.sample) : QStringLiteral("–"));
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

// ---------------------------------------------------------------------------------------------
// Painting

void NetworkRenderer::paintEdges(QPainter& p, const Layout& l, const std::vector<Seg>& segs,
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
    std::vector<int> perLayer(l.layers.size(), 0);
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

void NetworkRenderer::paintEdgeValues(QPainter& p, const Layout& l,
                                      const std::vector<Seg>& segs) const {
    p.setFont(font(l.font * 0.72));
    const QFontMetricsF fm(p.font());
    // Every edge of a sparse layer is labelled; of a busy one only the focused neuron's.
    std::vector<int> perLayer(l.layers.size(), 0);
    for (const Seg& s : segs) ++perLayer[static_cast<std::size_t>(s.k)];
    for (const Seg& s : segs) {
        if (perLayer[static_cast<std::size_t>(s.k)] > 30 && !s.focus) continue;
        const int nOut = l.layers[s.k + 1];
        const double t = 0.22 + 0.42 * (nOut > 1 ? static_cast<double>(s.j) / (nOut - 1) : 0.5);
        const QPointF at = s.line.pointAt(t);
        const QString text = s.dw ? QString::number(s.v, 'g', 3) : num(s.v, 2);
        QRectF box = fm.boundingRect(text);
        box.moveCenter(at);
        box.adjust(-2, -1, 2, 1);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 225));
        p.drawRoundedRect(box, 3, 3);
        p.setPen(s.dw ? (s.v < 0 ? palette::kDwNegative : palette::kDwPositive)
                      : (s.v < 0 ? palette::kNegative : palette::kPositive));
        p.drawText(box, Qt::AlignCenter, text);
    }
}

void NetworkRenderer::paintNodes(QPainter& p, const Layout& l, const ViewState& st,
                                 const PhaseView& pv) const {
    const Snapshot& s = *m_snap;
    const int L = static_cast<int>(l.geom.size()) - 1;
    const double emax = pv.errorsFromLayer >= 0 ? errorRange(pv.errorsFromLayer) : 1.0;
    for (int k = (isImageInput() ? 1 : 0); k <= L; ++k) {
        const LayerGeom& g = l.geom[k];
        const bool reached = k <= pv.reachedLayer && hasValues(k);
        const bool errors = pv.errorsFromLayer >= 0 && k >= pv.errorsFromLayer && k >= 1 &&
                            k < static_cast<int>(s.values.e.size()) &&
                            s.values.e[k].size() == s.spec.layers[k];
        const double r = g.radius;
        const bool thin = r < 6;
        const double sw = m_strokeScale;  // outline widths × the presentation scale
        const QPen outline = thin ? QPen(QColor(60, 60, 70, 150), 0.6 * sw)
                                  : QPen(palette::kInk, std::max(1.0, r / 14) * sw);
        p.setPen(outline);
        if (g.numbers) p.setFont(font(std::min(l.font * 0.78, r * 0.62), true));
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
            p.setBrush(QColor(fill));
            if (!reached && !errors) {
                QPen pen(palette::kMuted, (thin ? 0.6 : 1.2) * sw, Qt::DashLine);
                p.setPen(pen);
            }
            p.drawEllipse(g.centres[i], r, r);
            if (g.numbers && std::isfinite(v)) {
                const QPen keep = p.pen();
                p.setPen(palette::textOn(fill));
                p.drawText(QRectF(g.centres[i].x() - r, g.centres[i].y() - r, 2 * r, 2 * r),
                           Qt::AlignCenter, num(v, r > 1.6 * l.font ? 3 : 2));
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
                if (saturated(k, i)) p.drawEllipse(g.centres[i], rr, rr);
            p.setPen(keep);
        }
    }
    // The constant-1 bias nodes (also under an image input).
    for (int k = 0; s.spec.bias && k < L; ++k) {
        const LayerGeom& g = l.geom[k];
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
            index >= static_cast<int>(l.geom[layer].centres.size()))
            return;
        const LayerGeom& g = l.geom[layer];
        const double r =
            g.radius > 0 ? g.radius + 3 : l.image.width() / std::max(1, l.imageW) * 0.8;
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(g.centres[index], r, r);
    };
    ring(st.hoverLayer, st.hoverIndex, QPen(palette::kInk, 1.5 * m_strokeScale, Qt::DotLine));
    ring(st.selLayer, st.selIndex, QPen(palette::kInk, 3 * m_strokeScale));
}

void NetworkRenderer::paintOutputs(QPainter& p, const Layout& l, const PhaseView& pv) const {
    const Snapshot& s = *m_snap;
    const int L = static_cast<int>(l.geom.size()) - 1;
    const LayerGeom& g = l.geom[L];
    const bool reached = pv.reachedLayer >= L && hasValues(L);
    const double fs = l.font;
    const double barH = std::clamp(g.radius * 0.9, 4.0, fs * 1.1);
    QFont labelFont = font(std::min(fs * 1.05, std::max(9.0, g.radius * 1.3)), true);
    QFont noteFont = font(std::min(fs * 0.8, std::max(8.0, g.radius * 1.1)));
    const bool hasTarget = s.values.target.size() == s.spec.layers[L];
    for (int j = 0; j < static_cast<int>(g.centres.size()); ++j) {
        const QPointF c = g.centres[j];
        // the label 0 … n−1
        p.setFont(labelFont);
        p.setPen(palette::kInk);
        p.drawText(QRectF(c.x() + g.radius + 0.2 * fs, c.y() - fs, 1.6 * fs, 2 * fs),
                   Qt::AlignCenter, QString::number(j));
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
            p.drawText(QRectF(track.right() + 0.4 * fs, c.y() - fs, 10 * fs, 2 * fs),
                       Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("◀ ") + text);
        }
    }
}

void NetworkRenderer::paintImages(QPainter& p, const Layout& l, const ViewState& st) const {
    if (!isImageInput()) return;
    const double fs = l.font;
    p.drawImage(l.image, inputImage());
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
    p.setFont(font(fs * 0.8));
    const QRectF cap(l.heat.left(), l.heat.top() - 1.5 * fs, l.heat.width() * 1.6, 1.4 * fs);
    if (j >= 0 && j < m_snap->spec.layers[1]) {
        double vmax = 0;
        p.drawImage(l.heat, heatImage(j, &vmax));
        p.drawRect(l.heat);
        p.setPen(palette::kInk);
        p.drawText(
            cap, Qt::AlignLeft | Qt::AlignBottom,
            tr("weights into %1 neuron %2 (±%3)").arg(layerName(1)).arg(j).arg(num(vmax, 2)));
    } else {
        p.setPen(QPen(palette::kMuted, m_strokeScale, Qt::DashLine));
        p.drawRect(l.heat);
        p.setPen(palette::kMuted);
        p.drawText(
            l.heat.adjusted(fs * 0.4, 0, -fs * 0.4, 0), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Click a %1 neuron to see its incoming weights as an image").arg(layerName(1)));
    }
}

void NetworkRenderer::paintCaptions(QPainter& p, const QRectF& scene, const Layout& l,
                                    const ViewState& st, const PhaseView& pv) const {
    Q_UNUSED(st);
    const Snapshot& s = *m_snap;
    const double fs = l.font;
    p.setPen(palette::kInk);
    const QFont captionFont = font(fs * 1.05, true);
    p.setFont(captionFont);
    const QRectF top(scene.left() + fs, scene.top() + 0.3 * fs, scene.width() - 2 * fs, 1.6 * fs);
    const QString caption = phaseCaption();
    p.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, caption);
    const QFont infoFont = font(fs * 0.9);
    p.setFont(infoFont);
    QStringList info;
    if (s.label >= 0) info << tr("label %1").arg(s.label);
    if (s.prediction >= 0 && pv.reachedLayer >= s.spec.weightLayers())
        info << tr("prediction %1").arg(s.prediction);
    const QString infoText = info.join(QStringLiteral("   "));
    p.drawText(top, Qt::AlignRight | Qt::AlignVCenter, infoText);
    // The session's title in the middle, where the two sides leave room (elided if need be).
    if (!m_documentTitle.isEmpty()) {
        const double left = QFontMetricsF(captionFont).horizontalAdvance(caption) + 2 * fs;
        const double right = QFontMetricsF(infoFont).horizontalAdvance(infoText) + 2 * fs;
        const QRectF gap(top.left() + left, top.top(), top.width() - left - right, top.height());
        if (gap.width() > 4 * fs) {
            QFont titleFont = font(fs * 1.05, true);
            titleFont.setItalic(true);
            p.setFont(titleFont);
            p.setPen(palette::kMuted);
            const QString shown =
                QFontMetricsF(titleFont).elidedText(m_documentTitle, Qt::ElideRight, gap.width());
            p.drawText(gap, Qt::AlignHCenter | Qt::AlignVCenter, shown);
        }
    }
}

void NetworkRenderer::paintLegend(QPainter& p, const QRectF& scene, const Layout& l,
                                  const ViewState& st, const PhaseView& pv) const {
    const double fs = l.font;
    const double y = scene.bottom() - 3.0 * fs;
    double x = scene.left() + fs;
    p.setFont(font(fs * 0.78));
    const QFontMetricsF fm(p.font());
    auto text = [&](const QString& t, double atX, double atY) {
        p.setPen(palette::kInk);
        p.drawText(QPointF(atX, atY), t);
        return fm.horizontalAdvance(t);
    };
    auto rampItem = [&](QRgb (*colour)(double), double lo, double hi, const QString& title,
                        const QString& left, const QString& right) {
        const double w = 9 * fs;
        const QRectF bar(x, y, w, 0.8 * fs);
        p.drawImage(bar, palette::ramp(colour, lo, hi, 128));
        p.setPen(QPen(palette::kMuted, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(bar);
        text(title, x, y - 0.3 * fs);
        text(left, x, y + 1.9 * fs);
        text(right, x + w - fm.horizontalAdvance(right), y + 1.9 * fs);
        x += w + 1.5 * fs;
    };
    auto lineItem = [&](const QColor& c, bool dashed, const QString& label) {
        QPen pen(c, 3 * m_strokeScale);
        if (dashed) pen.setDashPattern({3, 2});
        p.setPen(pen);
        p.drawLine(QPointF(x, y + 0.4 * fs), QPointF(x + 2.6 * fs, y + 0.4 * fs));
        x += 3.0 * fs;
        x += text(label, x, y + 0.4 * fs + fm.ascent() / 2 - 1) + 1.4 * fs;
    };
    double firstLineX = 0;  // where the line items start
    rampItem(palette::activation, 0, 1, tr("activation o"), QStringLiteral("0"),
             QStringLiteral("1"));
    if (pv.errorsFromLayer >= 0) {
        const double e = errorRange(pv.errorsFromLayer);
        rampItem(palette::error, -1, 1, tr("error e"), num(-e, 2), QStringLiteral("+") + num(e, 2));
    }
    firstLineX = x;
    if (pv.updatedWeights >= 0) {
        lineItem(palette::kDwPositive, false, tr("ΔW > 0"));
        lineItem(palette::kDwNegative, true, tr("ΔW < 0"));
    }
    {  // the target tick of the output bars
        p.setPen(QPen(palette::kInk, 2.5 * m_strokeScale));
        p.drawLine(QPointF(x + 0.3 * fs, y - 0.1 * fs), QPointF(x + 0.3 * fs, y + 0.9 * fs));
        x += 0.9 * fs;
        x += text(tr("target T"), x, y + 0.4 * fs + fm.ascent() / 2 - 1) + 1.4 * fs;
    }
    lineItem(palette::kPositive, false, tr("w > 0"));
    lineItem(palette::kNegative, true, tr("w < 0"));
    if (const int n = saturatedCount(pv); n > 0) {  // only when there are some
        const double r = 0.45 * fs;
        p.setPen(QPen(palette::kSaturated, 2.5 * m_strokeScale));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(x + r, y + 0.4 * fs), r, r);
        x += 2 * r + 0.4 * fs;
        x += text(tr("saturated hidden: slope < 0.01 (%n neuron(s))", nullptr, n), x,
                  y + 0.4 * fs + fm.ascent() / 2 - 1) +
             1.4 * fs;
    }
    // The note on what the lines mean; on the next row when the first is full.
    const QString note =
        l.small ? tr("line width ∝ |w|")
                : tr("opacity ∝ |w|; the %1 strongest inputs of each neuron").arg(st.density);
    double noteY = y + 0.4 * fs + fm.ascent() / 2 - 1;
    if (x + fm.horizontalAdvance(note) > scene.right() - fs) {
        x = firstLineX;
        noteY = y + 1.9 * fs;
    }
    p.setPen(palette::kMuted);
    p.drawText(QPointF(x, noteY), note);
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
    const Layout& l = layout(scene);
    const PhaseView pv = phaseView(m_snap.get());

    p.save();
    p.setClipRect(scene.adjusted(0, 2.2 * l.font, 0, -4.2 * l.font));
    QTransform t = QTransform::fromTranslate(scene.left(), scene.top()) * view;
    p.setTransform(t, true);
    // the layer the signal (or the error) just reached
    if (pv.highlightLayer >= 0 && pv.highlightLayer < static_cast<int>(l.geom.size())) {
        p.setPen(Qt::NoPen);
        p.setBrush(palette::kHighlight);
        p.drawRoundedRect(l.geom[pv.highlightLayer].band, l.font * 0.6, l.font * 0.6);
    }
    // column titles
    p.setPen(palette::kInk);
    p.setFont(font(l.font * 0.9, true));
    for (int k = 0; k < static_cast<int>(l.geom.size()); ++k) {
        const LayerGeom& g = l.geom[k];
        QString title = layerName(k) + QStringLiteral(" · ") + QString::number(l.layers[k]);
        if (k == 0 && l.imageW > 0) title = tr("input %1×%2").arg(l.imageW).arg(l.imageH);
        p.drawText(
            QRectF(g.x - 8 * l.font, l.content.top() - 1.7 * l.font, 16 * l.font, 1.4 * l.font),
            Qt::AlignHCenter | Qt::AlignBottom, title);
    }
    const std::vector<Seg> segs = segments(l, st);
    paintEdges(p, l, segs, false);
    paintEdges(p, l, segs, true);
    p.setRenderHint(QPainter::Antialiasing, true);
    paintImages(p, l, st);
    paintNodes(p, l, st, pv);
    paintOutputs(p, l, pv);
    if (st.edgeValues && l.small) paintEdgeValues(p, l, segs);
    p.restore();

    paintCaptions(p, scene, l, st, pv);
    paintLegend(p, scene, l, st, pv);
    p.restore();
}

// ---------------------------------------------------------------------------------------------
// Hit test

HitResult NetworkRenderer::hitTest(const QRectF& scene, QPointF pos, const ViewState& st) const {
    HitResult h;
    if (!m_snap || m_snap->spec.layers.size() < 2) return h;
    const Layout& l = layout(scene);
    const Snapshot& s = *m_snap;
    const QPointF q = pos - scene.topLeft();
    const int L = static_cast<int>(l.geom.size()) - 1;
    // neurons (nearest centre within its radius + a little)
    double best = std::numeric_limits<double>::max();
    for (int k = (isImageInput() ? 1 : 0); k <= L; ++k) {
        const LayerGeom& g = l.geom[k];
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
