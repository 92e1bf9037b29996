// WeightAtlas.cpp — the tiles of every neuron's incoming weights, and what changed (see the
// header).
#include "views/WeightAtlas.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <cmath>

#include "views/Palette.h"

namespace bps {

namespace {

constexpr int kGap = 3;  // pixels between two tiles

// 12 → "₁₂"
QString subscript(int k) {
    QString out;
    for (const QChar ch : QString::number(k)) out += QChar(0x2080 + (ch.unicode() - u'0'));
    return out;
}

QString num(double v, int digits = 4) {
    if (!std::isfinite(v)) return QStringLiteral("–");
    QString s = QString::number(v, 'g', digits);
    if (s.startsWith(QLatin1Char('-')) && s.toDouble() == 0.0) s.remove(0, 1);  // no "-0"
    return s;
}

// A diverging palette (−1 … 1) as a table of 2,049 colours, t = i/1024 − 1 (exact at −1, −½, 0,
// ½, 1): a tile repaint colours every weight of W_k (156,800 for 784-200), so one look-up each.
class ColourTable {
  public:
    explicit ColourTable(QRgb (*colour)(double)) {
        for (int i = 0; i < kSize; ++i) m_lut[std::size_t(i)] = colour(i / 1024.0 - 1.0);
    }
    QRgb operator()(double t) const {
        const double c = std::isfinite(t) ? std::clamp(t, -1.0, 1.0) : 0.0;
        return m_lut[std::size_t(std::lround((c + 1.0) * 1024.0))];
    }

  private:
    static constexpr int kSize = 2049;
    std::array<QRgb, kSize> m_lut{};
};

QString signedNum(double v, int digits = 4) {
    return (v > 0 ? QStringLiteral("+") : QString()) + num(v, digits);
}

// Where n tiles of natural size `tile` go in `area`: the number of columns that makes them
// largest, and that size (whole pixels).
struct Grid {
    int cols = 1;
    QSize cell;  // a tile drawn
};

Grid gridFor(int n, QSize tile, QSize area) {
    Grid best;
    double bestScale = -1;
    for (int c = 1; c <= std::max(1, n); ++c) {
        const int r = (n + c - 1) / c;
        const double sx = (area.width() - (c - 1) * kGap) / double(c * tile.width());
        const double sy = (area.height() - (r - 1) * kGap) / double(std::max(1, r) * tile.height());
        const double s = std::min(sx, sy);
        if (s > bestScale) {
            bestScale = s;
            best.cols = c;
        }
    }
    // whole pixels of the image a tile pixel when it can (sharp squares), else any size
    const double whole = std::floor(bestScale);
    const double s = whole >= 1 && whole / bestScale >= 0.9 ? whole : std::max(bestScale, 0.25);
    best.cell = QSize(std::max(1, int(tile.width() * s)), std::max(1, int(tile.height() * s)));
    return best;
}

}  // namespace

// The painted part: the tiles scaled into a grid, the selected and hovered ones outlined, the
// colour scale underneath.
class AtlasCanvas : public QWidget {
  public:
    explicit AtlasCanvas(WeightAtlas* atlas) : m_atlas(atlas) {
        setMouseTracking(true);
        setMinimumSize(240, 180);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

    int legendHeight() const { return fontMetrics().height() * 2 + 10; }
    // Left of each row, the number of its first neuron (so "neuron 17" can be found).
    int labelWidth() const {
        return fontMetrics().horizontalAdvance(QString::number(std::max(0, m_atlas->m_tiles - 1))) +
               8;
    }
    QRect tilesArea() const {
        return rect().adjusted(6 + labelWidth(), 6, -6, -6 - legendHeight());
    }
    // Under the last row of tiles.
    QRect legendRect() const {
        const WeightAtlas& a = *m_atlas;
        const Grid g = gridFor(a.m_tiles, a.m_tileSize, tilesArea().size());
        const QRect last = tileRect(std::max(0, ((a.m_tiles - 1) / g.cols) * g.cols));
        return QRect(6, last.bottom() + 10, width() - 12, legendHeight() - 4);
    }

    QRect tileRect(int j) const {
        const WeightAtlas& a = *m_atlas;
        if (j < 0 || j >= a.m_tiles) return {};
        const QRect area = tilesArea();
        const Grid g = gridFor(a.m_tiles, a.m_tileSize, area.size());
        const int rows = (a.m_tiles + g.cols - 1) / g.cols;
        const int w = g.cols * g.cell.width() + (g.cols - 1) * kGap;
        const int h = rows * g.cell.height() + (rows - 1) * kGap;
        const QPoint origin(area.left() + (area.width() - w) / 2, area.top());
        (void)h;
        return QRect(origin + QPoint((j % g.cols) * (g.cell.width() + kGap),
                                     (j / g.cols) * (g.cell.height() + kGap)),
                     g.cell);
    }

    int tileAt(QPoint p) const {
        const WeightAtlas& a = *m_atlas;
        if (a.m_tiles <= 0) return -1;
        const Grid g = gridFor(a.m_tiles, a.m_tileSize, tilesArea().size());
        const QRect first = tileRect(0);
        const int col = (p.x() - first.left()) / (g.cell.width() + kGap);
        const int row = (p.y() - first.top()) / (g.cell.height() + kGap);
        if (p.x() < first.left() || p.y() < first.top() || col >= g.cols) return -1;
        const int j = row * g.cols + col;
        return j < a.m_tiles && tileRect(j).contains(p) ? j : -1;
    }

    WeightAtlas::Hit hitTest(QPoint p) const {
        const WeightAtlas& a = *m_atlas;
        WeightAtlas::Hit h;
        const int j = tileAt(p);
        if (j < 0) return h;
        h.neuron = j;
        const QRect r = tileRect(j);
        const int x = std::clamp((p.x() - r.left()) * a.m_tileSize.width() / r.width(), 0,
                                 a.m_tileSize.width() - 1);
        const int y = std::clamp((p.y() - r.top()) * a.m_tileSize.height() / r.height(), 0,
                                 a.m_tileSize.height() - 1);
        const int i = y * a.m_tileSize.width() + x;
        if (i < a.m_inputs) {
            h.input = i;
            h.value = a.m_values(j, i);
        }
        h.text = a.tipText(j, i);
        return h;
    }

  protected:
    void paintEvent(QPaintEvent*) override {
        const WeightAtlas& a = *m_atlas;
        QPainter p(this);
        p.fillRect(rect(), palette::kBackground);
        p.setPen(palette::kInk);
        if (a.m_tiles == 0 || a.m_strip.isNull()) {
            p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                       a.m_problem);
            return;
        }
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        const int tw = a.m_tileSize.width(), th = a.m_tileSize.height();
        for (int j = 0; j < a.m_tiles; ++j)
            p.drawImage(tileRect(j), a.m_strip, QRect(0, j * th, tw, th));
        // outlines: hovered thin, selected thick
        auto outline = [&](int j, int width) {
            if (j < 0 || j >= a.m_tiles) return;
            QPen pen(palette::kInk, width);
            pen.setJoinStyle(Qt::MiterJoin);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawRect(
                QRectF(tileRect(j)).adjusted(-width / 2.0, -width / 2.0, width / 2.0, width / 2.0));
        };
        const Grid g = gridFor(a.m_tiles, a.m_tileSize, tilesArea().size());
        p.setPen(palette::kMuted);
        for (int j = 0; j < a.m_tiles; j += g.cols) {
            const QRect r = tileRect(j);
            p.drawText(QRect(r.left() - labelWidth(), r.top(), labelWidth() - 6, r.height()),
                       Qt::AlignRight | Qt::AlignVCenter, QString::number(j));
        }
        if (m_hover != a.m_selected) outline(m_hover, 1);
        outline(a.m_selected, 3);
        paintLegend(p);
    }

    void paintLegend(QPainter& p) const {
        const WeightAtlas& a = *m_atlas;
        const QFontMetrics fm = fontMetrics();
        const QRect box = legendRect();
        const bool weights = a.m_mode == WeightAtlas::Mode::Weights;
        QString lo, hi, end;
        a.legendTexts(&lo, &hi, &end);
        const int rampW = std::clamp(box.width() / 3, 80, 360);
        const QRect ramp(box.center().x() - rampW / 2, box.top(), rampW, fm.height());
        p.drawImage(ramp, palette::ramp(weights ? palette::weight : palette::error, -1, 1, rampW));
        p.setPen(palette::kInk);
        p.drawRect(ramp.adjusted(0, 0, -1, -1));
        p.drawText(QRect(box.left(), ramp.top(), ramp.left() - box.left() - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, lo);
        p.drawText(QRect(ramp.right() + 6, ramp.top(), box.right() - ramp.right() - 6, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, hi);
        p.drawText(QRect(box.left(), ramp.bottom() + 2, box.width(), fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, end);
    }

    void mouseMoveEvent(QMouseEvent* e) override {
        const int j = tileAt(e->position().toPoint());
        if (j != m_hover) {
            m_hover = j;
            update();
        }
    }
    void leaveEvent(QEvent*) override {
        m_hover = -1;
        update();
    }
    void mousePressEvent(QMouseEvent* e) override {
        if (e->button() != Qt::LeftButton) return;
        const int j = tileAt(e->position().toPoint());
        if (j < 0) return;
        m_atlas->setSelectedNeuron(m_atlas->m_layer + 1, j);
        emit m_atlas->neuronClicked(m_atlas->m_layer + 1, j);
    }
    bool event(QEvent* e) override {
        if (e->type() == QEvent::ToolTip) {
            auto* he = static_cast<QHelpEvent*>(e);
            const WeightAtlas::Hit h = hitTest(he->pos());
            if (h.text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(he->globalPos(), h.text, this, tileRect(h.neuron));
            return true;
        }
        return QWidget::event(e);
    }

  private:
    WeightAtlas* m_atlas;
    int m_hover = -1;  // tile under the mouse
};

WeightAtlas::WeightAtlas(QWidget* parent) : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("WeightAtlas"));
    m_canvas = new AtlasCanvas(this);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("atlasTitle"));
    m_title->setWordWrap(true);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modeLabel = new QLabel;
    m_modeBox = new QComboBox;
    m_modeBox->addItems({QString(), QString()});
    m_modeLabel->setBuddy(m_modeBox);
    m_layerLabel = new QLabel;
    m_layerBox = new QComboBox;
    m_layerLabel->setBuddy(m_layerBox);
    m_fromLabel = new QLabel;
    m_fromBox = new QComboBox;
    m_fromLabel->setBuddy(m_fromBox);
    m_toLabel = new QLabel;
    m_toBox = new QComboBox;
    m_toLabel->setBuddy(m_toBox);
    m_ownScaleBox = new QCheckBox;
    // The range boxes take the room left, not the width of their longest entry.
    for (QComboBox* box : {m_fromBox, m_toBox}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
    }

    auto* row = new QHBoxLayout;
    row->addWidget(m_modeLabel);
    row->addWidget(m_modeBox);
    row->addSpacing(8);
    row->addWidget(m_layerLabel);
    row->addWidget(m_layerBox);
    row->addSpacing(8);
    row->addWidget(m_ownScaleBox);
    row->addStretch(1);
    for (QLabel* l : {m_modeLabel, m_layerLabel, m_fromLabel, m_toLabel}) {
        l->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
        l->setContentsMargins(0, 0, 4, 0);  // a round last letter clear of the box's frame
    }
    auto* range = new QHBoxLayout;
    range->addWidget(m_fromLabel);
    range->addWidget(m_fromBox, 1);
    range->addSpacing(8);
    range->addWidget(m_toLabel);
    range->addWidget(m_toBox, 1);
    auto* rows = new QVBoxLayout(this);
    rows->addLayout(row);
    rows->addLayout(range);
    rows->addWidget(m_title);
    rows->addWidget(m_canvas, 1);
    rows->addWidget(m_summary);

    m_throttle = new QTimer(this);
    m_throttle->setSingleShot(true);
    m_throttle->setInterval(kThrottleMs);
    connect(m_throttle, &QTimer::timeout, this, [this] {
        if (m_pending && isVisible()) rebuild();
    });
    connect(m_modeBox, &QComboBox::activated, this,
            [this](int i) { setMode(i == 1 ? Mode::Changes : Mode::Weights); });
    connect(m_layerBox, &QComboBox::activated, this, [this](int i) { setWeightLayer(i); });
    m_ownScaleBox->setChecked(!m_ownScale);
    connect(m_ownScaleBox, &QCheckBox::toggled, this, [this](bool one) { setOwnScale(!one); });
    auto rangeChanged = [this] {
        const QVariant f = m_fromBox->currentData(), t = m_toBox->currentData();
        setChangeRange(f.isValid() ? f.toULongLong() : 0, t.isValid() ? t.toULongLong() : kShown);
    };
    connect(m_fromBox, &QComboBox::activated, this, rangeChanged);
    connect(m_toBox, &QComboBox::activated, this, rangeChanged);
    retranslateUi();
    updateControls();
}

WeightAtlas::~WeightAtlas() = default;

QWidget* WeightAtlas::canvas() const {
    return m_canvas;
}

void WeightAtlas::setMode(Mode mode) {
    if (m_mode == mode) return;
    m_mode = mode;
    updateControls();
    m_pending = true;
    rebuild();  // a person's choice: at once
}

void WeightAtlas::setWeightLayer(int k) {
    if (m_layer == k) return;
    m_layer = k;
    m_selected = m_selLayer == k + 1 ? m_selIndex : -1;
    updateControls();
    m_pending = true;
    rebuild();
}

void WeightAtlas::setOwnScale(bool on) {
    if (m_ownScale == on) return;
    m_ownScale = on;
    m_ownScaleBox->setChecked(!on);
    m_pending = true;
    rebuild();
}

void WeightAtlas::setChangeRange(std::uint64_t from, std::uint64_t to) {
    m_from = from;
    m_to = to;
    fillRangeBoxes();
    m_pending = true;
    rebuild();
}

void WeightAtlas::setSnapshot(SnapshotPtr snapshot) {
    const bool shape = !m_snapshot || !snapshot || m_snapshot->spec.layers != snapshot->spec.layers;
    m_snapshot = std::move(snapshot);
    if (shape) {
        fillLayerBox();
        fillRangeBoxes();
    }
    request();
}

void WeightAtlas::setTimeline(RunTimelinePtr timeline) {
    m_timeline = std::move(timeline);
    fillRangeBoxes();
    if (m_mode == Mode::Changes) request();
}

void WeightAtlas::setSelectedNeuron(int layer, int index) {
    m_selLayer = layer;
    m_selIndex = index;
    const int sel = layer == m_layer + 1 ? index : -1;
    if (sel == m_selected) return;
    m_selected = sel;
    m_canvas->update();
}

void WeightAtlas::request() {
    m_pending = true;
    if (!isVisible()) return;            // painted when shown
    if (m_throttle->isActive()) return;  // painted when the throttle runs out
    rebuild();
}

void WeightAtlas::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_pending) rebuild();
    emit shownChanged(true);
}

void WeightAtlas::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_throttle->stop();
    emit shownChanged(false);
}

void WeightAtlas::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

const std::vector<bp::Matrix>* WeightAtlas::weightsAt(std::uint64_t sample) const {
    if (sample == kShown) return m_snapshot ? &m_snapshot->weights : nullptr;
    if (!m_timeline) return nullptr;
    const bp::CheckpointPtr c = m_timeline->atOrBefore(sample);
    return c ? &c->weights : nullptr;
}

void WeightAtlas::rebuild() {
    m_pending = false;
    m_throttle->start();  // the next paint of the tiles waits at least kThrottleMs
    ++m_repaints;
    m_tiles = 0;
    m_strip = QImage();
    m_diff = {};
    m_problem.clear();
    const Snapshot* s = m_snapshot.get();
    if (!s || s->weights.empty()) {
        m_problem = tr("No network yet.");
    } else {
        const int k = std::clamp(m_layer, 0, int(s->weights.size()) - 1);
        if (m_mode == Mode::Weights) {
            m_values = s->weights[std::size_t(k)];
        } else {
            const auto* from = weightsAt(m_from);
            const auto* to = weightsAt(m_to);
            if (!from || !to) {
                m_problem = tr("The run has no checkpoint yet: train a little first.");
            } else {
                auto sampleOf = [&](std::uint64_t end) -> std::uint64_t {
                    if (end == kShown) return s->samplesSeen;
                    const bp::CheckpointPtr c = m_timeline->atOrBefore(end);
                    return c ? c->sample() : 0;
                };
                m_fromSample = sampleOf(m_from);
                m_toSample = sampleOf(m_to);
                try {
                    m_diff = bp::diffWeights(*from, *to, 1);
                    m_values = (*to)[std::size_t(k)] - (*from)[std::size_t(k)];
                } catch (const std::invalid_argument&) {
                    m_problem = tr("The two networks have different shapes.");
                }
            }
        }
        if (m_problem.isEmpty()) {
            m_layer = k;
            m_tiles = int(m_values.rows());
            m_inputs = s->spec.layers[std::size_t(k)];
            m_bias = m_values.cols() > m_inputs;
            m_image = k == 0 && s->imageWidth > 0 && s->imageWidth * s->imageHeight == m_inputs;
            if (m_image) {
                m_tileSize = QSize(s->imageWidth, s->imageHeight);
            } else {
                const int w = std::max(1, int(std::ceil(std::sqrt(double(m_inputs)))));
                m_tileSize = QSize(w, (m_inputs + w - 1) / w);
            }
            m_sample = s->samplesSeen;
            // the colour scale: ±max|value| of the layer's inputs (or of each tile)
            const auto inputs = m_values.leftCols(m_inputs);
            m_scales.assign(std::size_t(m_tiles), 0.0);
            double shared = 0;
            for (int j = 0; j < m_tiles; ++j) {
                double mx = 0;
                for (int i = 0; i < m_inputs; ++i)
                    if (std::isfinite(inputs(j, i))) mx = std::max(mx, std::abs(inputs(j, i)));
                m_scales[std::size_t(j)] = mx;
                shared = std::max(shared, mx);
            }
            if (!m_ownScale) std::fill(m_scales.begin(), m_scales.end(), shared);
            for (double& v : m_scales)
                if (!(v > 0)) v = 1;  // an all-zero tile is white on any scale
            static const ColourTable weightColours(palette::weight), changeColours(palette::error);
            const ColourTable& colour = m_mode == Mode::Weights ? weightColours : changeColours;
            const int tw = m_tileSize.width(), th = m_tileSize.height();
            m_strip = QImage(tw, th * m_tiles, QImage::Format_RGB32);
            m_strip.fill(qRgb(200, 200, 200));  // cells of a near-square grid with no input
            for (int j = 0; j < m_tiles; ++j) {
                const double inv = 1.0 / m_scales[std::size_t(j)];
                for (int i = 0; i < m_inputs; ++i) {
                    auto* line = reinterpret_cast<QRgb*>(m_strip.scanLine(j * th + i / tw));
                    line[i % tw] = colour(inputs(j, i) * inv);
                }
            }
        }
    }
    m_selected = m_selLayer == m_layer + 1 ? m_selIndex : -1;
    updateTexts();  // the title and the summary say what is shown
    m_canvas->update();
}

QImage WeightAtlas::tileImage(int neuron) const {
    if (neuron < 0 || neuron >= m_tiles) return {};
    return m_strip.copy(0, neuron * m_tileSize.height(), m_tileSize.width(), m_tileSize.height());
}

double WeightAtlas::scaleOf(int neuron) const {
    return neuron >= 0 && neuron < m_tiles ? m_scales[std::size_t(neuron)] : 0.0;
}

QRect WeightAtlas::tileRect(int neuron) const {
    return m_canvas->tileRect(neuron);
}

WeightAtlas::Hit WeightAtlas::hitTest(QPoint canvasPos) const {
    return m_canvas->hitTest(canvasPos);
}

QString WeightAtlas::summaryText() const {
    return m_summary->text();
}

QString WeightAtlas::layerName(int layer) const {
    const int L = m_snapshot ? m_snapshot->spec.weightLayers() : 2;
    if (layer == 0) return tr("input");
    if (layer == L) return tr("output");
    if (L == 2) return tr("hidden");
    return tr("hidden %1").arg(layer);
}

QString WeightAtlas::inputName(int input) const {
    if (input >= m_inputs) return tr("bias");
    if (m_image)
        return tr("pixel (row %1, column %2)")
            .arg(input / m_tileSize.width())
            .arg(input % m_tileSize.width());
    return tr("%1 neuron %2").arg(layerName(m_layer)).arg(input);
}

QString WeightAtlas::tipText(int j, int i) const {
    const QString into = layerName(m_layer + 1);
    if (i >= m_inputs) return tr("%1 neuron %2").arg(into).arg(j);
    const double v = m_values(j, i);
    const bool weights = m_mode == Mode::Weights;
    QStringList lines;
    lines << (weights ? tr("weight from %1 into %2 neuron %3: w = %4")
                            .arg(inputName(i), into)
                            .arg(j)
                            .arg(num(v, 6))
                      : tr("change of the weight from %1 into %2 neuron %3: Δw = %4")
                            .arg(inputName(i), into)
                            .arg(j)
                            .arg(signedNum(v, 6)));
    if (m_bias)
        lines << (weights
                      ? tr("its bias weight: w = %1").arg(num(m_values(j, m_inputs), 6))
                      : tr("its bias weight: Δw = %1").arg(signedNum(m_values(j, m_inputs), 6)));
    return lines.join(QLatin1Char('\n'));
}

void WeightAtlas::legendTexts(QString* lo, QString* hi, QString* end) const {
    const bool weights = m_mode == Mode::Weights;
    *lo = weights ? tr("w < 0") : tr("Δw < 0: fell");
    *hi = weights ? tr("w > 0") : tr("Δw > 0: grew");
    double shared = 0;
    for (double v : m_scales) shared = std::max(shared, v);
    *end = m_ownScale ? (weights ? tr("each tile from −max|w| to +max|w| of its own weights")
                                 : tr("each tile from −max|Δw| to +max|Δw| of its own"))
                      : tr("all tiles from %1 to %2").arg(num(-shared, 3), num(shared, 3));
}

QString WeightAtlas::describeSummary() const {
    if (m_mode != Mode::Changes || m_diff.layers.empty()) return {};
    if (m_diff.identical()) return tr("No weight changed between these two.");
    const Snapshot* s = m_snapshot.get();
    QStringList lines;
    for (const bp::LayerDiff& l : m_diff.layers) {
        QString line = tr("W%1 (%2 ← %3, %4×%5): mean |Δw| %6")
                           .arg(subscript(l.layer))
                           .arg(layerName(l.layer + 1))
                           .arg(layerName(l.layer))
                           .arg(l.rows)
                           .arg(l.cols)
                           .arg(num(l.meanAbs, 3));
        if (!l.largest.empty()) {
            const bp::WeightChange& c = l.largest.front();
            QString from;
            const int inputs = s ? s->spec.layers[std::size_t(l.layer)] : l.cols;
            const bool image =
                l.layer == 0 && s && s->imageWidth > 0 && s->imageWidth * s->imageHeight == inputs;
            if (c.col >= inputs)
                from = tr("bias");
            else if (image)
                from = tr("pixel (row %1, column %2)")
                           .arg(c.col / s->imageWidth)
                           .arg(c.col % s->imageWidth);
            else
                from = tr("%1 neuron %2").arg(layerName(l.layer)).arg(c.col);
            line +=
                QStringLiteral(" · ") + tr("largest |Δw| %1 (%2 → %3) into %4 neuron %5 from %6")
                                            .arg(num(std::abs(c.delta()), 4))
                                            .arg(num(c.before, 4))
                                            .arg(num(c.after, 4))
                                            .arg(layerName(l.layer + 1))
                                            .arg(c.row)
                                            .arg(from);
        }
        line += QStringLiteral(" · ") + tr("%Ln weight(s) changed", nullptr,
                                           int(std::min<std::size_t>(l.changed, 1u << 30)));
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

void WeightAtlas::fillLayerBox() {
    m_layerBox->clear();
    if (!m_snapshot) return;
    const int L = m_snapshot->spec.weightLayers();
    for (int k = 0; k < L; ++k)
        m_layerBox->addItem(QStringLiteral("W%1: %2 ← %3")
                                .arg(subscript(k))
                                .arg(layerName(k + 1))
                                .arg(layerName(k)));
    if (m_layer >= L) m_layer = 0;
    m_layerBox->setCurrentIndex(m_layer);
    m_layerBox->setEnabled(L > 1);
}

void WeightAtlas::fillRangeBoxes() {
    const QLocale loc;
    auto fill = [&](QComboBox* box, bool shown, std::uint64_t current) {
        box->clear();
        if (shown) box->addItem(tr("the network shown"), QVariant::fromValue(qulonglong(kShown)));
        int pick = shown && current == kShown ? 0 : -1;
        if (m_timeline)
            for (std::size_t i = 0; i < m_timeline->checkpoints.size(); ++i) {
                const bp::Checkpoint& c = *m_timeline->checkpoints[i];
                box->addItem(
                    i == 0
                        ? tr("the run's start (sample %1)")
                              .arg(loc.toString(qulonglong(c.sample())))
                        : tr("checkpoint at sample %1").arg(loc.toString(qulonglong(c.sample()))),
                    QVariant::fromValue(qulonglong(c.sample())));
                if (current != kShown && c.sample() <= current) pick = box->count() - 1;
            }
        if (pick < 0 && box->count() > 0) pick = 0;
        box->setCurrentIndex(pick);
    };
    fill(m_fromBox, false, m_from);
    fill(m_toBox, true, m_to);
}

void WeightAtlas::updateControls() {
    const bool changes = m_mode == Mode::Changes;
    m_modeBox->setCurrentIndex(changes ? 1 : 0);
    for (QWidget* w : {static_cast<QWidget*>(m_fromLabel), static_cast<QWidget*>(m_fromBox),
                       static_cast<QWidget*>(m_toLabel), static_cast<QWidget*>(m_toBox),
                       static_cast<QWidget*>(m_summary)})
        w->setVisible(changes);
}

void WeightAtlas::retranslateUi() {
    setWindowTitle(tr("Weight atlas"));
    m_modeLabel->setText(tr("&Show"));
    m_modeBox->setItemText(0, tr("Weights"));
    m_modeBox->setItemText(1, tr("What changed (ΔW)"));
    m_layerLabel->setText(tr("&Layer"));
    m_fromLabel->setText(tr("Be&fore"));
    m_toLabel->setText(tr("&After"));
    m_fromBox->setToolTip(tr("ΔW = W(after) − W(before): the earlier moment of the run"));
    m_toBox->setToolTip(tr("ΔW = W(after) − W(before): the later moment, or the network shown"));
    m_ownScaleBox->setText(tr("&One scale for all tiles"));
    m_ownScaleBox->setToolTip(
        tr("Colour every tile on one scale, so tiles compare; otherwise each tile is scaled to "
           "its own largest |value|, as the network view's heat map is"));
    const int L = m_snapshot ? m_snapshot->spec.weightLayers() : 0;
    for (int k = 0; k < L && k < m_layerBox->count(); ++k)
        m_layerBox->setItemText(k, QStringLiteral("W%1: %2 ← %3")
                                       .arg(subscript(k))
                                       .arg(layerName(k + 1))
                                       .arg(layerName(k)));
    fillRangeBoxes();
    updateTexts();
}

void WeightAtlas::updateTexts() {
    if (m_tiles > 0) {
        QString what =
            m_mode == Mode::Weights
                ? tr("Incoming weights of each of the %1 %2 neurons (rows of W%3) as %4×%5 "
                     "tiles, at sample %6. Hover for values, click to select.")
                : tr("How the incoming weights of each of the %1 %2 neurons changed (ΔW%3) from "
                     "sample %6 to sample %7, as %4×%5 tiles. Hover for values, click to select.");
        what = what.arg(m_tiles)
                   .arg(layerName(m_layer + 1))
                   .arg(subscript(m_layer))
                   .arg(m_tileSize.width())
                   .arg(m_tileSize.height());
        const QLocale loc;
        if (m_mode == Mode::Weights)
            what = what.arg(loc.toString(qulonglong(m_sample)));
        else
            what = what.arg(loc.toString(qulonglong(m_fromSample)),
                            loc.toString(qulonglong(m_toSample)));
        m_title->setText(what);
    } else {
        m_title->clear();
    }
    m_summary->setText(describeSummary());
}

}  // namespace bps
