#include "lessons/SingleNeuronLesson.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "backprop/Activation.h"
#include "lessons/WhyNetworks.h"
#include "views/Palette.h"

namespace bps {
namespace {

QString n2(double v) {
    QString s = QString::number(v, 'f', 2);
    if (s == QStringLiteral("-0.00")) s = QStringLiteral("0.00");
    return s;
}

bp::Network oneNeuron() {
    bp::NetworkSpec spec;
    spec.layers = {SingleNeuronLesson::kInputs, 1};
    return bp::Network(spec);
}

}  // namespace

// ------------------------------------------------------------------------------- the curve

NeuronCurve::NeuronCurve(QWidget* parent) : QWidget(parent) {
    setMinimumSize(280, 200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void NeuronCurve::setPoint(double x, double o) {
    m_x = x;
    m_o = o;
    update();
}

void NeuronCurve::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette::kBackground);
    const QFontMetricsF fm(font());
    const QRectF r(fm.horizontalAdvance(QStringLiteral("0.00")) + 12, fm.height() + 8,
                   width() - fm.horizontalAdvance(QStringLiteral("0.00")) - 26,
                   height() - 3 * fm.height() - 22);
    auto at = [&](double x, double y) {
        return QPointF(r.left() + (x + kRange) / (2 * kRange) * r.width(),
                       r.bottom() - y * r.height());
    };
    for (int x = -static_cast<int>(kRange); x <= static_cast<int>(kRange); x += 2) {
        p.setPen(QPen(QColor(0, 0, 0, x == 0 ? 80 : 22), 1));
        p.drawLine(at(x, 0), at(x, 1));
        p.setPen(palette::kInk);
        p.drawText(QRectF(at(x, 0).x() - 20, r.bottom() + 3, 40, fm.height()), Qt::AlignCenter,
                   QString::number(x));
    }
    for (double y : {0.0, 0.5, 1.0}) {
        p.setPen(QPen(QColor(0, 0, 0, 22), 1));
        p.drawLine(at(-kRange, y), at(kRange, y));
        p.setPen(palette::kInk);
        const double top = std::min(at(0, y).y() - fm.height() / 2, r.bottom() - fm.height());
        p.drawText(QRectF(0, std::max(0.0, top), r.left() - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(y));
    }
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(r.left(), 2, r.width(), fm.height() + 4), Qt::AlignLeft | Qt::AlignVCenter,
               tr("o = sigmoid(x) = 1 / (1 + e⁻ˣ)"));
    p.setFont(font());
    p.drawText(QRectF(r.left(), r.bottom() + fm.height() + 4, r.width(), fm.height() + 2),
               Qt::AlignCenter, tr("net input x = Σ w·a"));
    QPainterPath curve;
    for (int i = 0; i <= 240; ++i) {
        const double x = -kRange + 2 * kRange * i / 240.0;
        const QPointF pt = at(x, bp::activate(bp::Activation::Sigmoid, x));
        i == 0 ? curve.moveTo(pt) : curve.lineTo(pt);
    }
    p.setPen(QPen(palette::kInk, 2.2));
    p.drawPath(curve);
    const double xc = std::clamp(m_x, -kRange, kRange);
    const QPointF pt = at(xc, m_o);
    p.setPen(QPen(QColor(0, 114, 178), 1.2, Qt::DashLine));
    p.drawLine(at(xc, 0), pt);
    p.drawLine(at(-kRange, m_o), pt);
    p.setPen(QPen(QColor(213, 94, 0).darker(140), 1.5));
    p.setBrush(QColor(213, 94, 0));
    p.drawEllipse(pt, 7, 7);
}

// ------------------------------------------------------------------------------- the lesson

SingleNeuronLesson::SingleNeuronLesson(QWidget* parent) : Lesson(parent), m_net(oneNeuron()) {
    m_box = new QGroupBox(this);
    auto* grid = new QGridLayout(m_box);
    for (int i = 0; i < kInputs; ++i) {
        const auto k = static_cast<std::size_t>(i);
        m_inputNames[k] = new QLabel(this);
        m_weightNames[k] = new QLabel(this);
        m_inputValues[k] = new QLabel(this);
        m_weightValues[k] = new QLabel(this);
        const int wide = QFontMetrics(font()).horizontalAdvance(QStringLiteral("−0.00"));
        m_inputValues[k]->setMinimumWidth(wide);
        m_weightValues[k]->setMinimumWidth(wide);
        m_inputSliders[k] = new QSlider(Qt::Horizontal, this);
        m_inputSliders[k]->setRange(0, kTicks);
        m_inputSliders[k]->setObjectName(QStringLiteral("input%1").arg(i + 1));
        m_weightSliders[k] = new QSlider(Qt::Horizontal, this);
        m_weightSliders[k]->setRange(static_cast<int>(-kMaxWeight * kTicks),
                                     static_cast<int>(kMaxWeight * kTicks));
        m_weightSliders[k]->setObjectName(QStringLiteral("weight%1").arg(i + 1));
        grid->addWidget(m_inputNames[k], 2 * i, 0);
        grid->addWidget(m_inputSliders[k], 2 * i, 1);
        grid->addWidget(m_inputValues[k], 2 * i, 2);
        grid->addWidget(m_weightNames[k], 2 * i + 1, 0);
        grid->addWidget(m_weightSliders[k], 2 * i + 1, 1);
        grid->addWidget(m_weightValues[k], 2 * i + 1, 2);
        connect(m_inputSliders[k], &QSlider::valueChanged, this, [this, k](int v) {
            m_inputs[k] = static_cast<double>(v) / kTicks;
            recompute();
        });
        connect(m_weightSliders[k], &QSlider::valueChanged, this, [this, k](int v) {
            m_weights[k] = static_cast<double>(v) / kTicks;
            recompute();
        });
    }
    grid->setColumnStretch(1, 1);
    m_sum = new QLabel(this);
    m_sum->setObjectName(QStringLiteral("neuronSum"));
    m_sum->setWordWrap(true);
    m_out = new QLabel(this);
    m_out->setObjectName(QStringLiteral("neuronOutput"));
    m_out->setWordWrap(true);
    QFont big = m_out->font();
    big.setBold(true);
    m_out->setFont(big);
    m_bookButton = new QPushButton(this);
    grid->addWidget(m_sum, 2 * kInputs, 0, 1, 3);
    grid->addWidget(m_out, 2 * kInputs + 1, 0, 1, 3);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_bookButton);
    buttons->addStretch(1);
    grid->addLayout(buttons, 2 * kInputs + 2, 0, 1, 3);
    connect(m_bookButton, &QPushButton::clicked, this, &SingleNeuronLesson::resetToBook);

    m_curve = new NeuronCurve(this);
    m_curve->setObjectName(QStringLiteral("neuronCurve"));
    m_curveBox = new QGroupBox(this);
    (new QVBoxLayout(m_curveBox))->addWidget(m_curve);

    auto* left = new QVBoxLayout;
    left->addWidget(m_box);
    left->addWidget(explanationPanel(), 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addWidget(m_curveBox, 3);

    resetToBook();
    retranslateUi();
}

SingleNeuronLesson::~SingleNeuronLesson() = default;

QWidget* SingleNeuronLesson::picture() const {
    return m_curve;
}

void SingleNeuronLesson::resetToBook() {
    // The book's hidden node 1 of "three layers of three": its inputs and incoming weights.
    const why::NetAndSample book = why::bookNetwork();
    for (int i = 0; i < kInputs; ++i) {
        m_inputs[static_cast<std::size_t>(i)] = book.input(i);
        m_weights[static_cast<std::size_t>(i)] = book.net.weights(0)(0, i);
    }
    syncSliders();
    recompute();
}

void SingleNeuronLesson::setInput(int i, double a) {
    m_inputs[static_cast<std::size_t>(i)] = std::round(std::clamp(a, 0.0, 1.0) * kTicks) / kTicks;
    syncSliders();
    recompute();
}

void SingleNeuronLesson::setWeight(int i, double w) {
    m_weights[static_cast<std::size_t>(i)] =
        std::round(std::clamp(w, -kMaxWeight, kMaxWeight) * kTicks) / kTicks;
    syncSliders();
    recompute();
}

void SingleNeuronLesson::syncSliders() {
    for (std::size_t k = 0; k < kInputs; ++k) {
        const QSignalBlocker b1(m_inputSliders[k]), b2(m_weightSliders[k]);
        m_inputSliders[k]->setValue(static_cast<int>(std::lround(m_inputs[k] * kTicks)));
        m_weightSliders[k]->setValue(static_cast<int>(std::lround(m_weights[k] * kTicks)));
    }
}

void SingleNeuronLesson::recompute() {
    bp::Matrix w(1, kInputs);
    bp::Vector a(kInputs);
    for (int i = 0; i < kInputs; ++i) {
        w(0, i) = m_weights[static_cast<std::size_t>(i)];
        a(i) = m_inputs[static_cast<std::size_t>(i)];
    }
    m_net.setWeights(0, w);
    bp::PassValues v;
    m_net.forward(a, v);  // x = W·a, o = sigmoid(x)
    m_x = v.x[1](0);
    m_o = v.o[1](0);
    m_curve->setPoint(m_x, m_o);
    for (std::size_t k = 0; k < kInputs; ++k) {
        m_inputValues[k]->setText(n2(m_inputs[k]));
        m_weightValues[k]->setText(n2(m_weights[k]));
    }
    m_sum->setText(sumText());
    m_out->setText(outputText());
}

QString SingleNeuronLesson::sumText() const {
    QStringList terms;
    for (std::size_t k = 0; k < kInputs; ++k)
        terms << QStringLiteral("%1·%2").arg(n2(m_weights[k]), n2(m_inputs[k]));
    return tr("x = w₁·a₁ + w₂·a₂ + w₃·a₃ = %1 = %2")
        .arg(terms.join(QStringLiteral(" + ")), QString::number(m_x, 'f', 4));
}

QString SingleNeuronLesson::outputText() const {
    return tr("o = sigmoid(%1) = %2")
        .arg(QString::number(m_x, 'f', 4), QString::number(m_o, 'f', 4));
}

void SingleNeuronLesson::retranslateUi() {
    m_box->setTitle(tr("Inputs and weights"));
    m_curveBox->setTitle(tr("The sigmoid: the neuron's output"));
    for (int i = 0; i < kInputs; ++i) {
        const auto k = static_cast<std::size_t>(i);
        m_inputNames[k]->setText(tr("input a%1").arg(i + 1));
        m_weightNames[k]->setText(tr("weight w%1").arg(i + 1));
        m_inputSliders[k]->setToolTip(tr("The signal arriving on link %1 (0 … 1)").arg(i + 1));
        m_weightSliders[k]->setToolTip(
            tr("How strongly link %1 counts (−%2 … %2); a negative weight holds the neuron back")
                .arg(i + 1)
                .arg(kMaxWeight));
    }
    m_bookButton->setText(tr("The book's numbers"));
    m_bookButton->setToolTip(
        tr("Inputs 0.9, 0.1, 0.8 and the weights into hidden node 1 of the book's three layers"));
    m_sum->setText(sumText());
    m_out->setText(outputText());
    setExplanation(
        tr("<b>A neuron adds up and squashes.</b> Each input is multiplied by the weight of its "
           "link, the products are added into the net input x, and the sigmoid turns x into an "
           "output between 0 and 1. A small x gives almost nothing; past a threshold the output "
           "rises quickly, then levels off near 1.<br><b>Try:</b> move one weight below 0, then "
           "make the inputs large. <b>Notice:</b> the output never reaches 0 or 1, and far out "
           "on the curve moving a weight hardly changes it — that flat slope matters when the "
           "network learns."));
}

}  // namespace bps
