#include "lessons/PlaygroundLesson.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <cmath>

#include "views/Palette.h"

namespace bps {
namespace {

// A map's value (−1 … 1) as a colour: the weight palette (orange < 0 < blue), lightened by
// `light` towards white so points drawn on it stay visible. Looked up in a table of kLut
// entries (the maps are recoloured on every tick).
constexpr int kLut = 512;

QRgb mapColourExact(double v, double light) {
    const QColor c = QColor::fromRgb(palette::weight(v));
    const auto mix = [light](int a) { return static_cast<int>(a + (255 - a) * light); };
    return qRgb(mix(c.red()), mix(c.green()), mix(c.blue()));
}

struct ColourTable {
    std::array<QRgb, kLut> rgb;
    explicit ColourTable(double light) {
        for (int i = 0; i < kLut; ++i)
            rgb[static_cast<std::size_t>(i)] = mapColourExact(-1.0 + 2.0 * i / (kLut - 1), light);
    }
    QRgb operator()(double v) const {
        const int i =
            static_cast<int>(std::lround((std::clamp(v, -1.0, 1.0) + 1.0) / 2.0 * (kLut - 1)));
        return rgb[static_cast<std::size_t>(i)];
    }
};

const ColourTable& table(double light) {
    static const ColourTable plain(0.0), light35(0.35);
    return light > 0 ? light35 : plain;
}

QRgb mapColour(double v, double light) {
    return table(light)(v);
}

QImage mapImage(const std::vector<double>& values, int side, double light) {
    const ColourTable& t = table(light);
    QImage img(side, side, QImage::Format_RGB32);
    for (int r = 0; r < side; ++r) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(r));
        for (int c = 0; c < side; ++c) line[c] = t(values[static_cast<std::size_t>(r * side + c)]);
    }
    return img;
}

}  // namespace

// ------------------------------------------------------------------------------------- view

PlaygroundView::PlaygroundView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(450, 460);  // the lesson fits a 1024×768 screen beside the side column
    setCursor(Qt::CrossCursor);
}

void PlaygroundView::setMaps(lessons::PlaygroundModel::Maps maps) {
    m_maps = std::move(maps);
    m_decision = mapImage(m_maps.decision, m_maps.side, 0.35);
    m_hidden.clear();
    const bool sigmoid = m_model && m_model->settings().activation == bp::Activation::Sigmoid;
    for (const auto& h : m_maps.hidden) {
        // tanh outputs are −1 … 1 already; sigmoid's 0 … 1 are drawn as 2o − 1.
        std::vector<double> v = h;
        if (sigmoid)
            for (double& x : v) x = 2 * x - 1;
        m_hidden.push_back(mapImage(v, m_maps.hiddenSide, 0.0));
    }
    update();
}

void PlaygroundView::setShowTestPoints(bool on) {
    m_showTest = on;
    update();
}

QRectF PlaygroundView::planeRect() const {
    // Room under the plane for its legend, two lines when the plane is narrower than it.
    const double side = std::min(height() - 64.0, width() * 0.54);
    return {width() - side - 16.0, (height() - side - 44.0) / 2.0, side, side};
}

QPointF PlaygroundView::toWidget(double x, double y) const {
    const QRectF r = planeRect();
    return {r.left() + (x + 1) / 2 * r.width(), r.top() + (1 - y) / 2 * r.height()};
}

QPointF PlaygroundView::toPlane(QPointF w) const {
    const QRectF r = planeRect();
    return {(w.x() - r.left()) / r.width() * 2 - 1, 1 - (w.y() - r.top()) / r.height() * 2};
}

void PlaygroundView::mousePressEvent(QMouseEvent* e) {
    const QPointF d = toPlane(e->position());
    if (std::abs(d.x()) > 1 || std::abs(d.y()) > 1) return;
    emit clicked(d.x(), d.y(), e->button() == Qt::RightButton ? 1 : 0);
}

void PlaygroundView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette::kBackground);
    if (!m_model) return;
    const QRectF plane = planeRect();
    paintNetwork(p, QRectF(8, 8, plane.left() - 30, height() - 16));
    paintPlane(p);
}

void PlaygroundView::paintNetwork(QPainter& p, const QRectF& area) {
    const bp::Network& net = m_model->network();
    const int L = net.weightLayers();
    std::vector<int> sizes = net.spec().layers;  // 2, [h,] 2 — the output is drawn as one map
    const int columns = L + 1;
    const int nHidden = L == 2 ? sizes[1] : 0;
    const int maxNodes = std::max(2, nHidden);
    const double colGap = area.width() / columns;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p.setFont(small);
    // The caption under the columns takes the lines it needs at this width (three when narrow);
    // the nodes share what is left between the column titles and it.
    const QString caption =
        tr("Each square: that neuron's output over the whole plane. Blue solid "
           "lines: positive weights, orange dashed: negative.");
    const double captionH = QFontMetricsF(small)
                                .boundingRect(QRectF(0, 0, area.width(), 1000),
                                              Qt::AlignCenter | Qt::TextWordWrap, caption)
                                .height() +
                            2;
    // Column titles take up to two lines each ("output" over "o₁ − o₀" when columns are narrow).
    const double titleH = 2 * QFontMetricsF(small).height() + 4;
    const QRectF nodeArea(area.left(), area.top() + titleH, area.width(),
                          area.height() - titleH - captionH - 8);
    const double node =
        std::clamp(std::min((nodeArea.height() - 20) / maxNodes - 8, colGap * 0.62), 14.0, 110.0);
    // Node rectangles per column.
    std::vector<std::vector<QRectF>> nodes(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
        const int n = c == 0 ? 2 : (c == columns - 1 ? 1 : nHidden);
        const double total = n * node + (n - 1) * 8;
        const double x = area.left() + colGap * c + (colGap - node) / 2;
        for (int i = 0; i < n; ++i)
            nodes[static_cast<std::size_t>(c)].push_back(
                QRectF(x, nodeArea.center().y() - total / 2 + i * (node + 8), node, node));
    }
    // Edges: colour by sign, width by |w| (bias weights are not drawn).
    auto edge = [&p](QPointF a, QPointF b, double w) {
        const double t = std::min(1.0, std::abs(w) / 3.0);
        QColor col = w >= 0 ? palette::kPositive : palette::kNegative;
        col.setAlphaF(0.25 + 0.75 * t);
        p.setPen(QPen(col, 0.6 + 4.0 * t, w >= 0 ? Qt::SolidLine : Qt::DashLine));
        p.drawLine(a, b);
    };
    for (int k = 0; k < L; ++k) {
        const bp::Matrix& W = net.weights(k);
        const auto& from = nodes[static_cast<std::size_t>(k)];
        const auto& to = nodes[static_cast<std::size_t>(k + 1)];
        for (int j = 0; j < static_cast<int>(to.size()); ++j)
            for (int i = 0; i < static_cast<int>(from.size()); ++i) {
                // Into the single output map: the weight difference w_1i − w_0i, which is what
                // moves the decision o_1 − o_0.
                const double w = k == L - 1 ? W(1, i) - W(0, i) : W(j, i);
                edge(QPointF(from[static_cast<std::size_t>(i)].right(),
                             from[static_cast<std::size_t>(i)].center().y()),
                     QPointF(to[static_cast<std::size_t>(j)].left(),
                             to[static_cast<std::size_t>(j)].center().y()),
                     w);
            }
    }
    // Node maps.
    const int side = 24;
    QImage xMap(side, side, QImage::Format_RGB32), yMap(side, side, QImage::Format_RGB32);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            xMap.setPixel(c, r, mapColour(-1.0 + 2.0 * (c + 0.5) / side, 0.0));
            yMap.setPixel(c, r, mapColour(1.0 - 2.0 * (r + 0.5) / side, 0.0));
        }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    auto drawNode = [&p](const QRectF& r, const QImage& img) {
        p.drawImage(r, img);
        p.setPen(QPen(palette::kInk, 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
    };
    drawNode(nodes[0][0], xMap);
    drawNode(nodes[0][1], yMap);
    p.setPen(palette::kInk);
    p.drawText(nodes[0][0].adjusted(-40, 0, -node - 4, 0), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("x₁"));
    p.drawText(nodes[0][1].adjusted(-40, 0, -node - 4, 0), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("x₂"));
    for (int j = 0; j < nHidden && j < static_cast<int>(m_hidden.size()); ++j)
        drawNode(nodes[1][static_cast<std::size_t>(j)], m_hidden[static_cast<std::size_t>(j)]);
    if (!m_decision.isNull()) drawNode(nodes.back()[0], m_decision);
    // Column titles.
    QFont bold = small;
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette::kInk);
    const QStringList titles =
        nHidden > 0
            ? QStringList{tr("inputs"), tr("hidden (%1)").arg(nHidden), tr("output o₁ − o₀")}
            : QStringList{tr("inputs"), tr("output o₁ − o₀")};
    for (int c = 0; c < columns; ++c)
        p.drawText(QRectF(area.left() + colGap * c, area.top(), colGap, titleH),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, titles.value(c));
    p.setFont(small);
    p.setPen(palette::kMuted);
    p.drawText(QRectF(area.left(), area.bottom() - captionH, area.width(), captionH),
               Qt::AlignCenter | Qt::TextWordWrap, caption);
}

void PlaygroundView::paintPlane(QPainter& p) {
    const QRectF r = planeRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    if (!m_decision.isNull()) p.drawImage(r, m_decision);
    p.setPen(QPen(QColor(0, 0, 0, 50), 1));
    p.drawLine(toWidget(-1, 0), toWidget(1, 0));
    p.drawLine(toWidget(0, -1), toWidget(0, 1));
    auto drawPoint = [&](const lessons::PlanePoint& pt, bool test) {
        const QPointF c = toWidget(pt.x, pt.y);
        const QColor col = pt.label == 1 ? palette::kPositive : palette::kNegative;
        p.setPen(QPen(test ? col : QColor(255, 255, 255), test ? 2.4 : 1.2));
        p.setBrush(test ? QColor(255, 255, 255) : col);
        if (pt.label == 1)
            p.drawRect(QRectF(c.x() - 4.5, c.y() - 4.5, 9, 9));  // class 1: squares
        else
            p.drawEllipse(c, 5, 5);  // class 0: circles
    };
    for (const auto& pt : m_model->trainingPoints()) drawPoint(pt, false);
    if (m_showTest)
        for (const auto& pt : m_model->testPoints()) drawPoint(pt, true);
    p.setPen(QPen(palette::kInk, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    // Legend under the plane.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p.setFont(small);
    p.setPen(palette::kInk);
    // (not clipped: a wrapped line may be a fraction of a pixel wider than the plane)
    p.drawText(QRectF(r.left(), r.bottom() + 2, r.width(), 40),
               Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap | Qt::TextDontClip,
               tr("● class 0 (orange)   ■ class 1 (blue)   hollow: test points   "
                  "click: add class 0, right-click: class 1"));
}

// ----------------------------------------------------------------------------------- lesson

PlaygroundLesson::PlaygroundLesson(QWidget* parent) : Lesson(parent) {
    m_view = new PlaygroundView(this);
    m_view->setModel(&m_model);

    m_shapeBox = new QComboBox(this);
    for (int i = 0; i < 5; ++i) m_shapeBox->addItem(QString());
    m_noiseSlider = new QSlider(Qt::Horizontal, this);
    m_noiseSlider->setRange(0, 100);
    m_testSlider = new QSlider(Qt::Horizontal, this);
    m_testSlider->setRange(10, 50);
    m_testSlider->setValue(30);
    m_showTest = new QCheckBox(this);
    m_showTest->setChecked(true);
    auto* newPoints = m_texts.newPoints = new QPushButton(this);
    m_hiddenSpin = new QSpinBox(this);
    m_hiddenSpin->setRange(0, 16);
    m_hiddenSpin->setValue(4);
    m_activationBox = new QComboBox(this);
    m_activationBox->addItem(QString());
    m_activationBox->addItem(QString());
    m_rateSpin = new QDoubleSpinBox(this);
    m_rateSpin->setRange(0.001, 3.0);
    m_rateSpin->setDecimals(3);
    m_rateSpin->setSingleStep(0.05);
    m_rateSpin->setValue(0.1);
    m_playButton = new QPushButton(this);
    auto* stepButton = m_texts.step = new QPushButton(this);
    auto* resetButton = m_texts.reset = new QPushButton(this);
    m_status = new QLabel(this);
    QFont sf = m_status->font();
    sf.setPointSizeF(sf.pointSizeF() * 1.1);
    m_status->setFont(sf);
    m_status->setWordWrap(true);

    auto* dataBox = m_texts.dataBox = new QGroupBox(this);
    auto* dl = m_texts.dataForm = new QFormLayout(dataBox);
    dl->addRow(new QLabel(this), m_shapeBox);  // a QLabel: shown also when wrapped
    m_noiseLabel = new QLabel(this);
    m_testLabel = new QLabel(this);
    dl->addRow(m_noiseLabel, m_noiseSlider);
    dl->addRow(m_testLabel, m_testSlider);
    dl->addRow(m_showTest, newPoints);
    auto* netBox = m_texts.netBox = new QGroupBox(this);
    auto* nl = m_texts.netForm = new QFormLayout(netBox);
    nl->addRow(new QLabel(this), m_hiddenSpin);
    nl->addRow(new QLabel(this), m_activationBox);
    nl->addRow(new QLabel(this), m_rateSpin);
    // Two rows of buttons and forms that put a field under its label when the column is
    // narrow: the column needs ~250 px, so the lesson fits a 1024 px screen (736 px of view).
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_playButton, 0, 0);
    buttons->addWidget(stepButton, 0, 1);
    buttons->addWidget(resetButton, 1, 0, 1, 2);
    nl->addRow(buttons);
    dl->setRowWrapPolicy(QFormLayout::WrapLongRows);
    nl->setRowWrapPolicy(QFormLayout::WrapLongRows);

    auto* side = new QVBoxLayout;
    side->addWidget(dataBox);
    side->addWidget(netBox);
    side->addWidget(m_status);
    side->addWidget(explanationPanel(), 1);
    auto* sideWidget = new QWidget(this);
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(380);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(sideWidget);
    layout->addWidget(m_view, 1);

    connect(m_shapeBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setShape(static_cast<lessons::PlaneShape>(i)); });
    connect(m_noiseSlider, &QSlider::valueChanged, this, [this](int v) { setNoise(v / 100.0); });
    connect(m_testSlider, &QSlider::valueChanged, this, [this](int v) { setTestShare(v / 100.0); });
    connect(m_showTest, &QCheckBox::toggled, this, &PlaygroundLesson::setShowTestPoints);
    connect(newPoints, &QPushButton::clicked, this, &PlaygroundLesson::regenerate);
    connect(m_hiddenSpin, &QSpinBox::valueChanged, this, &PlaygroundLesson::setHidden);
    connect(m_activationBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        setActivation(i == 0 ? bp::Activation::Tanh : bp::Activation::Sigmoid);
    });
    connect(m_rateSpin, &QDoubleSpinBox::valueChanged, this, &PlaygroundLesson::setLearningRate);
    connect(m_playButton, &QPushButton::clicked, this, [this] { running() ? pause() : play(); });
    connect(stepButton, &QPushButton::clicked, this, [this] { trainEpochs(1); });
    connect(resetButton, &QPushButton::clicked, this, &PlaygroundLesson::resetNetwork);
    connect(m_view, &PlaygroundView::clicked, this, [this](double x, double y, int label) {
        const lessons::PlanePoint pt{x, y, label};
        m_userPoints.push_back(pt);
        m_model.addTrainingPoint(pt);
        redraw();
    });
    m_timer.setInterval(30);
    connect(&m_timer, &QTimer::timeout, this, &PlaygroundLesson::tick);

    rebuildData();
    rebuildNetwork();
    retranslateUi();
}

void PlaygroundLesson::retranslateUi() {
    m_shapeBox->setItemText(0, tr("XOR (four corners)"));
    m_shapeBox->setItemText(1, tr("Circle in a ring"));
    m_shapeBox->setItemText(2, tr("Two Gaussians"));
    m_shapeBox->setItemText(3, tr("Spiral"));
    m_shapeBox->setItemText(4, tr("Your own points (click)"));
    m_shapeBox->setToolTip(
        tr("The points the network must separate: orange circles (class 0) from blue squares "
           "(class 1). Choosing other points starts the training again"));
    m_noiseSlider->setToolTip(
        tr("Scatter the points at random, 0 … 100%. The more noise, the more the test points "
           "disagree with the training points"));
    m_testSlider->setToolTip(
        tr("The share of the points (10 … 50%) kept out of training, to test the network on"));
    m_showTest->setText(tr("Show test points"));
    m_showTest->setToolTip(
        tr("Draw the test points (hollow) on the plane; the network never trains on them"));
    m_texts.newPoints->setText(tr("New points"));
    m_texts.newPoints->setToolTip(
        tr("A new random draw of the same points; your clicked points and the weights stay"));
    m_hiddenSpin->setSpecialValueText(tr("none (one linear classifier)"));
    m_hiddenSpin->setToolTip(
        tr("Neurons in the hidden layer, 0 … 16; with none the network can draw only one "
           "straight line. Changing it starts the training again"));
    m_activationBox->setItemText(0, tr("tanh"));
    m_activationBox->setItemText(1, tr("sigmoid"));
    m_activationBox->setToolTip(
        tr("The hidden neurons' activation function: tanh (−1 … 1) or the book's sigmoid "
           "(0 … 1). Changing it starts the training again"));
    m_rateSpin->setToolTip(
        tr("The size α of each weight update; it takes effect at once, also while playing. Too "
           "large and the boundary jumps about"));
    m_playButton->setText(running() ? tr("Pause ❙❙") : tr("Play ▶"));
    m_texts.step->setText(tr("One epoch"));
    m_texts.reset->setText(tr("New weights ⟲"));
    m_playButton->setToolTip(
        tr("Train without stopping and watch the background colours move; press again to "
           "pause"));
    m_texts.step->setToolTip(tr("Train once on every training point, then stop"));
    m_texts.reset->setToolTip(tr("Start again from new random weights, on the same points"));
    m_texts.dataBox->setTitle(tr("Data"));
    m_texts.netBox->setTitle(tr("Network: 2 → hidden → 2"));
    const auto rowLabel = [](QFormLayout* form, QWidget* field, const QString& text) {
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(field))) label->setText(text);
    };
    rowLabel(m_texts.dataForm, m_shapeBox, tr("Points"));
    rowLabel(m_texts.netForm, m_hiddenSpin, tr("Hidden neurons"));
    rowLabel(m_texts.netForm, m_activationBox, tr("Hidden activation"));
    rowLabel(m_texts.netForm, m_rateSpin, tr("Learning rate α"));
    setExplanation(
        tr("<b>One line cannot separate XOR.</b> Orange and blue points must end up on different "
           "colours of the background, which shows what the network answers at every place.<br>"
           "<b>Try:</b> XOR with <i>Hidden neurons: none</i> and press Play — the single linear "
           "classifier never gets more than three corners right. Then give it 2–4 hidden neurons. "
           "<b>Notice:</b> each hidden neuron's square shows one straight boundary; the output "
           "combines these lines into a region no single line could draw. The spiral needs about "
           "12 neurons and patience. Add noise and watch the test points (hollow) disagree with "
           "the training points."));
    showShares();
    showStatus();
}

void PlaygroundLesson::showShares() {
    m_noiseLabel->setText(tr("Noise %1%").arg(std::lround(m_noise * 100)));
    m_testLabel->setText(tr("Test share %1%").arg(std::lround(m_testShare * 100)));
}

void PlaygroundLesson::rebuildData() {
    showShares();
    std::vector<lessons::PlanePoint> all =
        lessons::makePlaneData(m_shape, kPoints, m_noise, m_dataSeed);
    m_model.setData(all, m_testShare, m_dataSeed);
    for (const auto& p : m_userPoints) m_model.addTrainingPoint(p);
}

void PlaygroundLesson::rebuildNetwork() {
    lessons::PlaygroundSettings s;
    s.hidden = m_hiddenSpin->value();
    s.activation =
        m_activationBox->currentIndex() == 0 ? bp::Activation::Tanh : bp::Activation::Sigmoid;
    s.learningRate = m_rateSpin->value();
    s.seed = m_weightSeed;
    m_model.reset(s);
    redraw();
}

void PlaygroundLesson::setShape(lessons::PlaneShape s) {
    m_shape = s;
    if (m_shapeBox->currentIndex() != static_cast<int>(s)) {
        const QSignalBlocker b(m_shapeBox);
        m_shapeBox->setCurrentIndex(static_cast<int>(s));
    }
    if (s != lessons::PlaneShape::User) m_userPoints.clear();
    rebuildData();
    rebuildNetwork();
}

void PlaygroundLesson::setHidden(int neurons) {
    if (m_hiddenSpin->value() != neurons) {
        const QSignalBlocker b(m_hiddenSpin);
        m_hiddenSpin->setValue(neurons);
    }
    rebuildNetwork();
}

void PlaygroundLesson::setActivation(bp::Activation a) {
    const int i = a == bp::Activation::Sigmoid ? 1 : 0;
    if (m_activationBox->currentIndex() != i) {
        const QSignalBlocker b(m_activationBox);
        m_activationBox->setCurrentIndex(i);
    }
    rebuildNetwork();
}

void PlaygroundLesson::setNoise(double share) {
    m_noise = share;
    if (m_noiseSlider->value() != static_cast<int>(std::lround(share * 100))) {
        const QSignalBlocker b(m_noiseSlider);
        m_noiseSlider->setValue(static_cast<int>(std::lround(share * 100)));
    }
    rebuildData();
    redraw();
}

void PlaygroundLesson::setTestShare(double share) {
    m_testShare = share;
    if (m_testSlider->value() != static_cast<int>(std::lround(share * 100))) {
        const QSignalBlocker b(m_testSlider);
        m_testSlider->setValue(static_cast<int>(std::lround(share * 100)));
    }
    rebuildData();
    redraw();
}

void PlaygroundLesson::setLearningRate(double lr) {
    if (m_rateSpin->value() != lr) {
        const QSignalBlocker b(m_rateSpin);
        m_rateSpin->setValue(lr);
    }
    m_model.setLearningRate(lr);
}

void PlaygroundLesson::setShowTestPoints(bool on) {
    if (m_showTest->isChecked() != on) {
        const QSignalBlocker b(m_showTest);
        m_showTest->setChecked(on);
    }
    m_view->setShowTestPoints(on);
}

void PlaygroundLesson::regenerate() {
    ++m_dataSeed;
    rebuildData();
    redraw();
}

void PlaygroundLesson::resetNetwork() {
    ++m_weightSeed;
    rebuildNetwork();
}

void PlaygroundLesson::play() {
    m_timer.start();
    m_playButton->setText(tr("Pause ❙❙"));
}

void PlaygroundLesson::pause() {
    m_timer.stop();
    m_playButton->setText(tr("Play ▶"));
}

void PlaygroundLesson::tick() {
    QElapsedTimer t;
    t.start();
    const int n = static_cast<int>(m_model.trainingPoints().size());
    m_lastLoss = m_model.train(kEpochsPerTick * n);
    redraw();
    m_lastTickMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
}

void PlaygroundLesson::trainEpochs(int epochs) {
    m_lastLoss = m_model.train(epochs * static_cast<int>(m_model.trainingPoints().size()));
    redraw();
}

QString PlaygroundLesson::statusText() const {
    return m_status->text();
}

void PlaygroundLesson::redraw() {
    m_view->setMaps(m_model.maps(kMapSide, kNodeMapSide));
    showStatus();
}

void PlaygroundLesson::showStatus() {
    const auto& tr_ = m_model.trainingPoints();
    const auto& te = m_model.testPoints();
    m_status->setText(
        tr("Epoch %1 · training loss %2<br>accuracy: training %3%, test %4%")
            .arg(m_model.epochs(), 0, 'f', 0)
            .arg(m_model.loss(tr_), 0, 'f', 4)
            .arg(m_model.accuracy(tr_) * 100, 0, 'f', 1)
            .arg(te.empty() ? tr("—") : QString::number(m_model.accuracy(te) * 100, 'f', 1)));
}

QWidget* PlaygroundLesson::picture() const {
    return m_view;
}

}  // namespace bps
