#include "lessons/ErrorSurfaceLesson.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <utility>

#include "views/NumberText.h"
#include "views/Palette.h"
#include "views/WeightPicker.h"

namespace bps {
namespace {

// 0 … 1 for a grid value: E's share of its range on the grid (lowest 0).
double level(const bp::SurfaceGrid& g, double e) {
    const double span = g.maxValue - g.minValue;
    return span > 0 ? (e - g.minValue) / span : 0;
}

}  // namespace

// ------------------------------------------------------------------------------- the map

SurfaceMap::SurfaceMap(QWidget* parent) : QWidget(parent) {
    setMinimumSize(300, 260);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SurfaceMap::setGrid(const bp::SurfaceGrid& grid, QString aName, QString bName) {
    m_grid = grid;
    m_aName = std::move(aName);
    m_bName = std::move(bName);
    const int n = grid.n;
    m_heat = QImage(n, n, QImage::Format_RGB32);
    if (grid.complete)
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)  // row i = b_i, drawn upwards
                m_heat.setPixel(j, n - 1 - i, palette::activation(1 - level(grid, grid.at(i, j))));
    update();
}

void SurfaceMap::setPath(std::vector<bp::SlicePoint> path) {
    m_path = std::move(path);
    update();
}

QRectF SurfaceMap::plotRect() const {
    const QFontMetricsF fm(font());
    const double left = fm.horizontalAdvance(QStringLiteral("−0.000")) + fm.height() + 14;
    const double bottom = 3 * fm.height() + 12;  // ticks, a's name, the legend
    const double side = std::max(40.0, std::min(width() - left - 10, height() - bottom - 8));
    return {left, 4, side, side};
}

QPointF SurfaceMap::at(double a, double b) const {
    const QRectF r = plotRect();
    const double ta = (a - m_grid.aRange.lo) / (m_grid.aRange.hi - m_grid.aRange.lo);
    const double tb = (b - m_grid.bRange.lo) / (m_grid.bRange.hi - m_grid.bRange.lo);
    return {r.left() + ta * r.width(), r.bottom() - tb * r.height()};
}

void SurfaceMap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette::kBackground);
    if (!m_grid.complete || m_grid.n < 2) return;
    const QRectF r = plotRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(r, m_heat);
    // Contour lines: marching squares over the grid at kLevels evenly spaced heights.
    const int n = m_grid.n;
    const double cw = r.width() / (n - 1), ch = r.height() / (n - 1);
    auto pt = [&](double j, double i) { return QPointF(r.left() + j * cw, r.bottom() - i * ch); };
    p.setPen(QPen(QColor(255, 255, 255, 150), 1));
    for (int L = 1; L < kLevels; ++L) {
        const double h = m_grid.minValue + (m_grid.maxValue - m_grid.minValue) * L / kLevels;
        for (int i = 0; i + 1 < n; ++i)
            for (int j = 0; j + 1 < n; ++j) {
                const double v[4] = {m_grid.at(i, j), m_grid.at(i, j + 1), m_grid.at(i + 1, j + 1),
                                     m_grid.at(i + 1, j)};
                const QPointF c[4] = {pt(j, i), pt(j + 1, i), pt(j + 1, i + 1), pt(j, i + 1)};
                QPointF cross[4];
                int k = 0;
                for (int e = 0; e < 4; ++e) {
                    const double v0 = v[e], v1 = v[(e + 1) % 4];
                    if ((v0 < h) != (v1 < h)) {
                        const double t = (h - v0) / (v1 - v0);
                        cross[k++] = c[e] + t * (c[(e + 1) % 4] - c[e]);
                    }
                }
                if (k >= 2) p.drawLine(cross[0], cross[1]);
                if (k == 4) p.drawLine(cross[2], cross[3]);
            }
    }
    p.setPen(QPen(palette::kInk, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    // Axes: the ends of each range and the weight's name.
    const QFontMetricsF fm(font());
    p.drawText(QRectF(r.left(), r.bottom() + 2, 80, fm.height()), Qt::AlignLeft,
               n4(m_grid.aRange.lo));
    p.drawText(QRectF(r.right() - 80, r.bottom() + 2, 80, fm.height()), Qt::AlignRight,
               n4(m_grid.aRange.hi));
    p.drawText(QRectF(r.left(), r.bottom() + fm.height() + 4, r.width(), fm.height()),
               Qt::AlignCenter, m_aName);
    p.drawText(QRectF(0, r.bottom() - fm.height(), r.left() - fm.height() - 10, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, n4(m_grid.bRange.lo));
    p.drawText(QRectF(0, r.top(), r.left() - fm.height() - 10, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, n4(m_grid.bRange.hi));
    p.save();
    p.translate(r.left() - 6, r.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-r.height() / 2, -fm.height(), r.height(), fm.height()), Qt::AlignCenter,
               m_bName);
    p.restore();
    p.drawText(QRectF(r.left(), r.bottom() + 2 * fm.height() + 6, r.width(), fm.height()),
               Qt::AlignCenter, tr("light: low error E, dark: high"));
    // The path.
    p.setClipRect(r);
    if (!m_path.empty()) {
        QPainterPath line(at(m_path[0].a, m_path[0].b));
        for (std::size_t k = 1; k < m_path.size(); ++k) line.lineTo(at(m_path[k].a, m_path[k].b));
        p.setPen(QPen(QColor(213, 94, 0), 2));
        p.drawPath(line);
        p.setBrush(QColor(213, 94, 0));
        for (const bp::SlicePoint& s : m_path) p.drawEllipse(at(s.a, s.b), 2.5, 2.5);
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(palette::kInk);
        p.drawEllipse(at(m_path.front().a, m_path.front().b), 5, 5);  // the network's own
        p.setBrush(QColor(213, 94, 0));
        p.drawEllipse(at(m_path.back().a, m_path.back().b), 6, 6);
    }
}

// ------------------------------------------------------------------------------- the lesson

ErrorSurfaceLesson::ErrorSurfaceLesson(QWidget* parent) : Lesson(parent) {
    m_map = new SurfaceMap(this);
    m_map->setObjectName(QStringLiteral("surfaceMap"));
    m_netBox = new QComboBox(this);
    m_netBox->addItem(QString());
    m_netBox->addItem(QString());
    auto makePicker = [this](Picker& pk) {
        pk.picker = new WeightPicker(this);
        pk.picker->setFirstIndex(1);  // the book counts nodes from 1
        pk.name = new QLabel(this);
        connect(pk.picker, &WeightPicker::weightChanged, this, [this] { readPickers(); });
    };
    makePicker(m_pickA);
    makePicker(m_pickB);
    m_alphaBox = new QDoubleSpinBox(this);
    m_alphaBox->setRange(0.01, 50);
    m_alphaBox->setDecimals(2);
    m_alphaBox->setSingleStep(0.5);
    m_alphaBox->setValue(kDefaultRate);
    m_rangeBox = new QDoubleSpinBox(this);
    m_rangeBox->setRange(0.5, 20);
    m_rangeBox->setDecimals(1);
    m_rangeBox->setSingleStep(0.5);
    m_rangeBox->setValue(kDefaultHalfRange);

    auto* pick = m_texts.pick = new QGroupBox(this);
    auto* grid = new QGridLayout(pick);
    grid->addWidget(m_texts.net = new QLabel(this), 0, 0);
    grid->addWidget(m_netBox, 0, 1, 1, 5);
    int row = 1;
    for (Picker* pk : {&m_pickA, &m_pickB}) {
        grid->addWidget(pk->name, row, 0);
        grid->addWidget(pk->picker, row, 1, 1, 5);
        ++row;
    }
    grid->setColumnStretch(1, 1);

    m_stepButton = new QPushButton(this);
    m_playButton = new QPushButton(this);
    m_resetButton = new QPushButton(this);
    auto* descent = m_texts.descent = new QGroupBox(this);
    auto* dl = new QGridLayout(descent);
    dl->addWidget(m_texts.alpha = new QLabel(this), 0, 0);
    dl->addWidget(m_alphaBox, 0, 1);
    dl->addWidget(m_texts.range = new QLabel(this), 1, 0);
    dl->addWidget(m_rangeBox, 1, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_stepButton);
    buttons->addWidget(m_playButton);
    buttons->addWidget(m_resetButton);
    dl->addLayout(buttons, 2, 0, 1, 2);
    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("surfaceStep"));
    m_stepLabel->setWordWrap(true);
    dl->addWidget(m_stepLabel, 3, 0, 1, 2);
    dl->setColumnStretch(1, 1);

    m_sliceLabel = new QLabel(this);
    m_sliceLabel->setObjectName(QStringLiteral("surfaceSlice"));
    m_sliceLabel->setWordWrap(true);

    auto* left = new QVBoxLayout;
    left->addWidget(m_map, 1);
    left->addWidget(m_sliceLabel);
    auto* right = new QVBoxLayout;
    right->addWidget(pick);
    right->addWidget(descent);
    right->addWidget(explanationPanel(), 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    connect(m_netBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (!useStudio(i == 1)) m_netBox->setCurrentIndex(0);
    });
    connect(m_alphaBox, &QDoubleSpinBox::valueChanged, this, [this] { recomputePath(); });
    connect(m_rangeBox, &QDoubleSpinBox::valueChanged, this, [this] { recompute(); });
    connect(m_stepButton, &QPushButton::clicked, this, &ErrorSurfaceLesson::step);
    connect(m_playButton, &QPushButton::clicked, this, [this] { playing() ? pause() : play(); });
    connect(m_resetButton, &QPushButton::clicked, this, &ErrorSurfaceLesson::reset);
    m_timer.setInterval(kPlayIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        step();
        if (m_steps >= kMaxSteps) pause();
    });

    rebuild();
    retranslateUi();
}

ErrorSurfaceLesson::~ErrorSurfaceLesson() = default;

QWidget* ErrorSurfaceLesson::picture() const {
    return m_map;
}

void ErrorSurfaceLesson::setSnapshot(SnapshotPtr s) {
    std::optional<why::NetAndSample> n = why::studioNetwork(s);
    if (!n) return;
    const bool first = !m_studio;
    m_studio = std::move(n);
    if (first) retranslateUi();  // the chooser's entry says it is available
    // The surface stays on the network it was drawn for until the student chooses again.
}

bool ErrorSurfaceLesson::useStudio(bool on) {
    if (on && !m_studio) return false;
    m_useStudio = on;
    m_net = on ? *m_studio : why::bookNetwork();
    {
        const QSignalBlocker b(m_netBox);
        m_netBox->setCurrentIndex(on ? 1 : 0);
    }
    const int last = m_net.net.weightLayers() - 1;
    m_a = {last, 0, 0};
    m_b = {std::max(0, last - 1), 0, last > 0 ? 0 : 1};
    rebuild();
    return true;
}

void ErrorSurfaceLesson::selectWeights(const bp::WeightRef& a, const bp::WeightRef& b) {
    const bp::Network& net = m_net.net;
    auto clampRef = [&net](bp::WeightRef w) {
        w.layer = std::clamp(w.layer, 0, net.weightLayers() - 1);
        w.row = std::clamp(w.row, 0, static_cast<int>(net.weights(w.layer).rows()) - 1);
        w.col = std::clamp(w.col, 0, static_cast<int>(net.weights(w.layer).cols()) - 1);
        return w;
    };
    m_a = clampRef(a);
    m_b = clampRef(b);
    if (m_a == m_b) {  // two different weights: move B to the next column (or row)
        const bp::Matrix& W = net.weights(m_b.layer);
        if (W.cols() > 1)
            m_b.col = (m_b.col + 1) % static_cast<int>(W.cols());
        else
            m_b.row = (m_b.row + 1) % static_cast<int>(W.rows());
    }
    rebuild();
}

void ErrorSurfaceLesson::readPickers() {
    selectWeights(m_pickA.picker->weight(), m_pickB.picker->weight());
}

void ErrorSurfaceLesson::setLearningRate(double alpha) {
    m_alphaBox->setValue(alpha);
}

double ErrorSurfaceLesson::learningRate() const {
    return m_alphaBox->value();
}

void ErrorSurfaceLesson::setHalfRange(double r) {
    m_rangeBox->setValue(r);
}

void ErrorSurfaceLesson::rebuild() {
    const bp::NetworkSpec& spec = m_net.net.spec();
    for (auto [pk, w] : {std::pair{&m_pickA, &m_a}, std::pair{&m_pickB, &m_b}}) {
        pk->picker->setNetwork(spec.layers, spec.bias);
        pk->picker->setWeight(*w);  // the weights are clamped already (selectWeights)
    }
    recompute();
}

void ErrorSurfaceLesson::recompute() {
    m_slice = std::make_unique<bp::ErrorSlice>(
        m_net.net, std::vector<bp::TrainingPair>{{m_net.input, m_net.target}}, m_a, m_b);
    const double r = m_rangeBox->value();
    m_grid = m_slice->grid({m_slice->a0() - r, m_slice->a0() + r},
                           {m_slice->b0() - r, m_slice->b0() + r}, kGridPoints);
    m_map->setGrid(m_grid, shortName(QStringLiteral("a"), m_a),
                   shortName(QStringLiteral("b"), m_b));
    m_steps = 0;
    recomputePath();
}

void ErrorSurfaceLesson::recomputePath() {
    if (!m_slice) return;
    m_path = m_slice->descend(m_slice->a0(), m_slice->b0(), learningRate(), m_steps,
                              bp::ErrorRule::Gradient);
    m_map->setPath(m_path);
    m_stepLabel->setText(stepText());
}

void ErrorSurfaceLesson::step() {
    if (static_cast<int>(m_path.size()) < m_steps + 1) return;  // diverged: stopped
    ++m_steps;
    recomputePath();
}

void ErrorSurfaceLesson::play() {
    if (m_steps >= kMaxSteps) reset();
    m_timer.start();
    m_playButton->setText(tr("Pause"));
}

void ErrorSurfaceLesson::pause() {
    m_timer.stop();
    m_playButton->setText(tr("Play"));
}

void ErrorSurfaceLesson::reset() {
    m_steps = 0;
    recomputePath();
}

QString ErrorSurfaceLesson::shortName(const QString& axis, const bp::WeightRef& w) {
    // "a = W1: 1 → 2": from node 1 (the column) to node 2 (the row)
    return QStringLiteral("%1 = W%2: %3 → %4").arg(axis).arg(w.layer).arg(w.col + 1).arg(w.row + 1);
}

QString ErrorSurfaceLesson::stepText() const {
    if (m_path.empty()) return {};
    const bp::SlicePoint& s = m_path.back();
    QString t = tr("Step %1: a = %2, b = %3, E = %4\nslope (∂E/∂a, ∂E/∂b) with the 2 dropped = "
                   "(%5, %6)")
                    .arg(static_cast<int>(m_path.size()) - 1)
                    .arg(n4(s.a), n4(s.b), n4(s.error), n4(s.slopeA), n4(s.slopeB));
    if (m_path.size() >= 2)
        t += QLatin1Char('\n') +
             tr("E went from %1 to %2").arg(n4(m_path.front().error), n4(s.error));
    if (static_cast<int>(m_path.size()) < m_steps + 1)
        t += QLatin1Char('\n') + tr("Stopped: the step flew off the surface (α too large).");
    return t;
}

QString ErrorSurfaceLesson::sliceText() const {
    const auto weights = static_cast<int>(m_net.net.parameterCount());
    return tr("This is a slice. The network has %1 weights, so its real error surface has %1 "
              "dimensions; here all but two are held where they are. Gradient descent moves only "
              "these two, downhill across the contour lines.")
        .arg(weights);
}

void ErrorSurfaceLesson::retranslateUi() {
    m_texts.pick->setTitle(tr("Two weights"));
    m_texts.descent->setTitle(tr("Gradient descent on the slice"));
    m_texts.net->setText(tr("Network:"));
    m_netBox->setItemText(0, tr("the book's 3-3-3, one sample"));
    m_netBox->setItemText(1, m_studio ? tr("the studio's network, its current sample")
                                      : tr("the studio's network (step a sample first)"));
    m_pickA.name->setText(tr("a (across):"));
    m_pickB.name->setText(tr("b (up):"));
    m_texts.alpha->setText(tr("Learning rate α:"));
    m_texts.range->setText(tr("Range ±:"));
    m_rangeBox->setToolTip(tr("The map shows each weight's own value ± this much"));
    m_stepButton->setText(tr("Step"));
    m_stepButton->setToolTip(tr("One step downhill: (a, b) ← (a, b) − α · slope"));
    m_playButton->setText(playing() ? tr("Pause") : tr("Play"));
    m_resetButton->setText(tr("Reset"));
    m_playButton->setToolTip(tr("Step downhill until you pause (at most %1 steps)").arg(kMaxSteps));
    m_alphaBox->setToolTip(tr("How far each step goes against the slope"));
    m_netBox->setToolTip(
        tr("Whose error surface: the book's small network on its sample, or "
           "the studio's network on its current sample (taken when chosen)"));
    m_resetButton->setToolTip(tr("Back to the network's own weights (the black dot)"));
    m_sliceLabel->setText(sliceText());
    m_stepLabel->setText(stepText());
    m_map->setGrid(m_grid, shortName(QStringLiteral("a"), m_a),
                   shortName(QStringLiteral("b"), m_b));
    setExplanation(
        tr("<b>The error surface.</b> Each point of the map is the error E the network would "
           "make on the sample if these two weights had those values. Learning is walking "
           "downhill on it: each step goes against the slope, as far as α says.<br><b>Try:</b> "
           "press Play, then a larger α, then pick a weight of the other layer. <b>Notice:</b> "
           "the path crosses the contour lines at right angles; with a large α it overshoots "
           "and zig-zags."));
}

}  // namespace bps
