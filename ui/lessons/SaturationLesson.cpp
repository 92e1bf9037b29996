#include "lessons/SaturationLesson.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFontMetricsF>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "backprop/Activation.h"
#include "backprop/DatasetIO.h"
#include "training/SnapshotBuilder.h"
#include "views/ErrorPlot.h"
#include "views/NetworkView.h"
#include "views/Palette.h"

namespace bps {
namespace {

const QColor kLayerColours[] = {QColor(0, 114, 178), QColor(213, 94, 0), QColor(0, 158, 115),
                                QColor(204, 121, 167)};

double sigmoid(double x) {
    return bp::activate(bp::Activation::Sigmoid, x);
}

// |x| where σ′ = o(1 − o) falls to `slope`: o = (1 + √(1 − 4·slope)) / 2, x = ln(o / (1 − o)).
double saturationEdge(double slope) {
    const double o = (1 + std::sqrt(1 - 4 * slope)) / 2;
    return std::log(o / (1 - o));
}

}  // namespace

// ------------------------------------------------------------------------------- the curve

SigmoidPlot::SigmoidPlot(QWidget* parent) : QWidget(parent) {
    setMinimumSize(340, 300);  // half of a 1024 px screen's lesson view (the legends wrap)
}

void SigmoidPlot::setMarks(std::vector<std::vector<double>> xs, QStringList names) {
    m_xs = std::move(xs);
    m_names = std::move(names);
    update();
}

void SigmoidPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette::kBackground);
    // The legend's entries ("hidden layer: 100 neurons (3 beyond ±10)"), measured and laid out
    // in rows at the bottom: as many rows as the width needs, the plot above them.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    const QFontMetricsF smallFm(small);
    QStringList entries;
    std::vector<QPointF> entryAt;  // top left of each entry's dot box
    {
        double x = 56, row = 0;
        for (std::size_t k = 0; k < m_xs.size(); ++k) {
            int beyond = 0;
            for (double v : m_xs[k]) beyond += std::isfinite(v) && std::abs(v) > kRange ? 1 : 0;
            const QString name = k < static_cast<std::size_t>(m_names.size())
                                     ? m_names[static_cast<int>(k)]
                                     : QString();
            QString text = tr("%1: %2 neurons").arg(name).arg(m_xs[k].size());
            if (beyond > 0) text += tr(" (%1 beyond ±10)").arg(beyond);
            const double w = 16 + smallFm.horizontalAdvance(text) + 18;
            if (x > 56 && x + w > width() - 4) {
                x = 56;
                ++row;
            }
            entries << text;
            entryAt.emplace_back(x, row);
            x += w;
        }
        const double rows = entryAt.empty() ? 1 : entryAt.back().y() + 1;
        for (QPointF& e : entryAt) e.setY(height() - 20 * (rows - e.y()));
    }
    const double extraRows = entryAt.empty() ? 0 : height() - 20 - entryAt.front().y();
    // The curves' legend above the plot: one line, or two when the plot is narrow.
    const QString title = tr("σ(x) = 1/(1+e⁻ˣ) (solid)    slope o(1−o), ×4 (dashed)");
    QFont titleFont = small;
    titleFont.setBold(true);
    const QFontMetricsF boldFm(titleFont);
    const int titleRows = boldFm.horizontalAdvance(title) > width() - 16 ? 2 : 1;
    const double titleExtra = (titleRows - 1) * boldFm.height();
    const QRectF r(56, 30 + titleExtra, width() - 76, height() - 96 - extraRows - titleExtra);
    auto at = [&r](double x, double y) {
        return QPointF(r.left() + (x + kRange) / (2 * kRange) * r.width(),
                       r.bottom() - y * r.height());
    };
    // Saturated zones: slope below 0.01.
    const double edge = saturationEdge(SaturationLesson::kSaturatedSlope);
    const QColor zone(213, 94, 0, 30);
    p.fillRect(QRectF(at(-kRange, 1), at(-edge, 0)), zone);
    p.fillRect(QRectF(at(edge, 1), at(kRange, 0)), zone);
    p.setFont(small);
    p.setPen(QColor(160, 70, 0));
    p.drawText(QRectF(at(-kRange, 1), at(-edge, 0.84)), Qt::AlignCenter | Qt::TextWordWrap,
               tr("saturated\nslope < %1").arg(SaturationLesson::kSaturatedSlope));
    p.drawText(QRectF(at(edge, 0.5), at(kRange, 0.3)), Qt::AlignCenter | Qt::TextWordWrap,
               tr("saturated\nslope < %1").arg(SaturationLesson::kSaturatedSlope));
    // Axes and grid.
    for (int x = -10; x <= 10; x += 2) {
        p.setPen(QPen(QColor(0, 0, 0, x == 0 ? 90 : 25), 1));
        p.drawLine(at(x, 0), at(x, 1));
        p.setPen(palette::kInk);
        p.drawText(QRectF(at(x, 0).x() - 20, r.bottom() + 3, 40, 16), Qt::AlignCenter,
                   QString::number(x));
    }
    for (double y : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        p.setPen(QPen(QColor(0, 0, 0, 25), 1));
        p.drawLine(at(-kRange, y), at(kRange, y));
        p.setPen(palette::kInk);
        p.drawText(QRectF(r.left() - 44, at(0, y).y() - 8, 38, 16),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(y));
    }
    p.drawText(QRectF(r.left(), r.bottom() + 18, r.width(), 16), Qt::AlignCenter,
               tr("net input x = Σ w·o"));
    // σ(x) and 4·σ′(x).
    QPainterPath curve, slope;
    for (int i = 0; i <= 400; ++i) {
        const double x = -kRange + 2 * kRange * i / 400.0;
        const double o = sigmoid(x);
        const QPointF a = at(x, o), b = at(x, 4 * o * (1 - o));
        if (i == 0) {
            curve.moveTo(a);
            slope.moveTo(b);
        } else {
            curve.lineTo(a);
            slope.lineTo(b);
        }
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(palette::kInk, 2.5));
    p.drawPath(curve);
    p.setPen(QPen(QColor(90, 90, 100), 1.8, Qt::DashLine));
    p.drawPath(slope);
    // Legend.
    QFont bold = small;
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette::kInk);
    p.drawText(QRectF(8, 4, width() - 16, titleRows * boldFm.height() + 4),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title);
    // Marks: every neuron's net input on the curve, and a rug below the axis.
    p.setFont(small);
    for (std::size_t k = 0; k < m_xs.size(); ++k) {
        QColor c = kLayerColours[k % 4];
        for (double x : m_xs[k]) {
            if (!std::isfinite(x)) continue;
            const double xc = std::clamp(x, -kRange, kRange);
            QColor fill = c;
            fill.setAlpha(m_xs[k].size() > 30 ? 110 : 220);
            p.setPen(QPen(c.darker(130), 1));
            p.setBrush(fill);
            const QPointF pt = at(xc, sigmoid(xc));
            p.drawEllipse(pt, 5, 5);
            p.drawLine(QPointF(pt.x(), r.bottom() + 34 + 8 * static_cast<double>(k)),
                       QPointF(pt.x(), r.bottom() + 40 + 8 * static_cast<double>(k)));
        }
        p.setPen(c.darker(120));
        p.setBrush(c);
        const QRectF box(entryAt[k].x(), entryAt[k].y(),
                         smallFm.horizontalAdvance(entries.value(static_cast<int>(k))) + 20, 18);
        p.drawEllipse(QPointF(box.left() + 6, box.center().y()), 5, 5);
        p.drawText(box.adjusted(16, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   entries.value(static_cast<int>(k)));
    }
}

// ------------------------------------------------------------------------------- the lesson

SaturationLesson::SaturationLesson(QWidget* parent) : Lesson(parent) {
    // The embedded data: Qt resource bytes handed to the core's CSV parser.
    auto samples = std::make_shared<bp::Dataset>();
    QFile f(QStringLiteral(":/data/mnist_train_100.csv"));
    if (f.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = f.readAll();
        try {
            *samples = bp::parseCsv(
                std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                "mnist_train_100.csv");
        } catch (const std::exception&) {
            *samples = {};  // the demo stays disabled
        }
        if (!samples->isImage()) bp::guessImageShape(*samples);
    }
    m_rows = samples->rows();
    m_imageData = samples->isImage();
    m_demo = std::make_shared<Demo>(std::move(samples));
    m_pool.setMaxThreadCount(1);
    connect(&m_job, &QFutureWatcher<DemoResult>::finished, this, &SaturationLesson::demoDone);

    m_plot = new SigmoidPlot(this);
    m_satBar = new QProgressBar(this);
    m_satBar->setRange(0, 1000);
    m_satBar->setTextVisible(false);
    m_satBar->setMaximumHeight(16);
    m_satLabel = new QLabel(this);
    QFont sf = m_satLabel->font();
    sf.setBold(true);
    sf.setPointSizeF(sf.pointSizeF() * 1.1);
    m_satLabel->setFont(sf);
    m_satLabel->setWordWrap(true);
    m_fromDemo = new QRadioButton(this);
    m_fromStudio = new QRadioButton(this);
    m_fromDemo->setChecked(true);
    m_fromStudio->setEnabled(false);

    auto* curveBox = m_texts.curveBox = new QGroupBox(this);
    auto* cl = new QVBoxLayout(curveBox);
    // "Show:" with its two choices one above the other (side by side they made the lesson too
    // wide for a 1024×768 screen).
    auto* src = new QGridLayout;
    src->addWidget(m_texts.show = new QLabel(this), 0, 0);
    src->addWidget(m_fromDemo, 0, 1);
    src->addWidget(m_fromStudio, 1, 1);
    src->setColumnStretch(2, 1);
    cl->addLayout(src);
    m_netView = new NetworkView(this);
    m_netView->setDensity(4);
    m_views = new QTabWidget(this);
    m_views->addTab(m_plot, QString());
    m_views->addTab(m_netView, QString());
    cl->addWidget(m_views, 1);
    cl->addWidget(m_satLabel);
    cl->addWidget(m_satBar);

    m_inputsBox = new QComboBox(this);
    for (int i = 0; i < 3; ++i) m_inputsBox->addItem(QString());
    m_targetsBox = new QComboBox(this);
    for (int i = 0; i < 2; ++i) m_targetsBox->addItem(QString());
    m_weightsBox = new QComboBox(this);
    for (int i = 0; i < 3; ++i) m_weightsBox->addItem(QString());
    auto* prepBox = m_texts.prepBox = new QGroupBox(this);
    auto* pl = m_texts.prepForm = new QFormLayout(prepBox);
    pl->addRow(new QLabel(this), m_inputsBox);  // QLabels: shown also when a row wraps
    pl->addRow(new QLabel(this), m_targetsBox);
    pl->addRow(new QLabel(this), m_weightsBox);
    pl->setRowWrapPolicy(QFormLayout::WrapLongRows);  // a field under its label when narrow
    m_warningArea = new QWidget(this);
    m_warningLayout = new QVBoxLayout(m_warningArea);
    m_warningLayout->setContentsMargins(0, 0, 0, 0);
    pl->addRow(m_warningArea);

    m_playButton = new QPushButton(this);
    auto* again = m_texts.again = new QPushButton(this);
    m_demoLabel = new QLabel(this);
    m_demoLabel->setWordWrap(true);
    m_chart = new ErrorPlot(this);
    m_chart->setErrorWindow(kWindow);
    m_chart->setMinimumHeight(260);
    auto* demoBox = m_texts.demoBox = new QGroupBox(this);
    auto* dl = new QVBoxLayout(demoBox);
    auto* db = new QHBoxLayout;
    db->addWidget(m_playButton);
    db->addWidget(again);
    db->addWidget(m_demoLabel, 1);
    dl->addLayout(db);
    dl->addWidget(m_chart, 1);

    auto* left = new QVBoxLayout;
    left->addWidget(curveBox, 5);
    left->addWidget(explanationPanel(), 1);
    auto* right = new QVBoxLayout;
    right->addWidget(prepBox);
    right->addWidget(demoBox, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);

    auto onPrep = [this] {
        Preparation p;
        p.inputs = static_cast<InputScaling>(m_inputsBox->currentIndex());
        p.targets = static_cast<Targets>(m_targetsBox->currentIndex());
        p.weights = static_cast<Weights>(m_weightsBox->currentIndex());
        setPreparation(p);
    };
    connect(m_inputsBox, &QComboBox::currentIndexChanged, this, onPrep);
    connect(m_targetsBox, &QComboBox::currentIndexChanged, this, onPrep);
    connect(m_weightsBox, &QComboBox::currentIndexChanged, this, onPrep);
    connect(m_fromStudio, &QRadioButton::toggled, this, [this](bool) { showSnapshot(); });
    connect(m_playButton, &QPushButton::clicked, this,
            [this] { demoRunning() ? pauseDemo() : startDemo(); });
    connect(again, &QPushButton::clicked, this, [this] {
        pauseDemo();
        restartDemo();
    });
    m_timer.setInterval(40);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!demoBusy()) trainDemo(Demo::kSamplesPerTick);  // a slow machine skips ticks
    });

    restartDemo();
    retranslateUi();
}

void SaturationLesson::retranslateUi() {
    m_fromDemo->setText(tr("the demo network (right)"));
    m_fromStudio->setText(tr("the studio's network"));
    m_fromStudio->setToolTip(tr("Available once the studio has trained or stepped a sample"));
    m_fromDemo->setToolTip(
        tr("Mark the net inputs of the demo network that trains on the right, after each sample"));
    m_texts.curveBox->setTitle(tr("The sigmoid and each neuron's net input"));
    m_texts.show->setText(tr("Show:"));
    m_views->setTabText(0, tr("The sigmoid curve"));
    m_views->setTabText(1, tr("The network"));
    m_inputsBox->setItemText(0, tr("x/255·0.99 + 0.01 (the book)"));
    m_inputsBox->setItemText(1, tr("raw pixels 0 … 255"));
    m_inputsBox->setItemText(2, tr("x/255: 0 … 1"));
    m_inputsBox->setToolTip(
        tr("How each pixel (0 … 255) is scaled before it enters the network. Raw pixels give "
           "huge net inputs; inputs of 0 give their weights nothing to learn from"));
    m_targetsBox->setItemText(0, tr("0.01 and 0.99 (the book)"));
    m_targetsBox->setItemText(1, tr("0 and 1"));
    m_targetsBox->setToolTip(
        tr("The outputs the network is trained towards, for the wrong and the right digit. A "
           "sigmoid never reaches 0 or 1, so those targets push the weights into saturation"));
    m_weightsBox->setItemText(0, tr("normal, std 1/√incoming (the book)"));
    m_weightsBox->setItemText(1, tr("all zero"));
    m_weightsBox->setItemText(2, tr("huge: normal, std 10"));
    m_weightsBox->setToolTip(
        tr("The weights before training. All zero: the hidden layer never learns; huge: the "
           "neurons saturate from the first sample"));
    m_texts.prepBox->setTitle(tr("Preparing the data"));
    const auto rowLabel = [this](QWidget* field, const QString& text) {
        if (auto* label = qobject_cast<QLabel*>(m_texts.prepForm->labelForField(field)))
            label->setText(text);
    };
    rowLabel(m_inputsBox, tr("Inputs"));
    rowLabel(m_targetsBox, tr("Targets"));
    rowLabel(m_weightsBox, tr("Starting weights"));
    m_playButton->setText(demoRunning() ? tr("Pause ❙❙") : tr("Train ▶"));
    m_texts.again->setText(tr("Start again ⟲"));
    m_playButton->setToolTip(
        tr("Train the demo network on the 100 samples, prepared as chosen above, and watch the "
           "error curve and the saturation bar; press again to pause"));
    m_texts.again->setToolTip(
        tr("Forget the training so far and start the demo again from its starting weights"));
    m_texts.demoBox->setTitle(tr("Demo: 784-100-10 on 100 MNIST samples, α = 0.1"));
    setExplanation(
        tr("<b>Why the book scales its data.</b> A neuron learns in proportion to the slope of its "
           "sigmoid, o(1−o). Far out on the flat ends (shaded) the slope is almost 0: the neuron "
           "is <i>saturated</i> and its weights hardly change.<br><b>Try:</b> choose <i>huge</i> "
           "starting weights or <i>raw pixels</i> and press Train. <b>Notice:</b> the net inputs "
           "jump into the shaded zones, the saturation bar fills up and the error stays high — "
           "after 300 samples still many times the book's preparation (faded line), which "
           "learns at once. Each warning's <i>Fix</i> "
           "button puts back the book's choice."));
    // The state's words: the warnings (from the same facts), the chart's two runs, the
    // indicator and the demo's line (from the same snapshot).
    if (m_hasFacts) m_warnings = check(m_facts);
    updateWarnings();
    m_chart->setRunLabel(0, tr("the book's preparation"));
    m_chart->setRunLabel(1, tr("your preparation"));
    showShown();
}

SaturationLesson::~SaturationLesson() {
    m_timer.stop();
    m_pendingRestart.reset();
    m_pendingSamples = 0;
    m_job.disconnect(this);
    m_pool.waitForDone();  // the job holds the demo, not this lesson; let it end first
}

// share of neurons with f′(o) < 0.01, layers ≥ 1
double SaturationLesson::saturationShare(const Snapshot& s, std::vector<double>* perLayer) {
    const int L = s.spec.weightLayers();
    if (perLayer) perLayer->clear();
    int saturated = 0, total = 0;
    for (int k = 1; k <= L && k < static_cast<int>(s.values.o.size()); ++k) {
        const bp::Activation a = k == L ? s.spec.output : s.spec.hidden;
        const bp::Vector& o = s.values.o[static_cast<std::size_t>(k)];
        int layerSat = 0;
        for (int i = 0; i < o.size(); ++i)
            layerSat += bp::slopeFromOutput(a, o(i)) < kSaturatedSlope ? 1 : 0;
        if (perLayer)
            perLayer->push_back(
                o.size() ? static_cast<double>(layerSat) / static_cast<double>(o.size()) : 0.0);
        saturated += layerSat;
        total += static_cast<int>(o.size());
    }
    return total ? static_cast<double>(saturated) / total : 0.0;
}

std::vector<SaturationLesson::Warning> SaturationLesson::check(const DataFacts& f) {
    std::vector<Warning> w;
    if (f.inputMax > 1.0 + 1e-9)
        w.push_back({QStringLiteral("inputs-unscaled"),
                     tr("Inputs go up to %1. Large inputs give large net inputs, the sigmoids "
                        "saturate and learning stalls. Scale them into 0.01 … 1.00.")
                         .arg(f.inputMax, 0, 'g', 4)});
    if (f.inputMin < 0.005)
        w.push_back({QStringLiteral("inputs-zero"),
                     tr("Some inputs are %1. A weight changes in proportion to its input "
                        "(ΔW = α·δ·O<sup>T</sup>), so weights from zero inputs never learn. "
                        "Start the inputs at 0.01.")
                         .arg(f.inputMin, 0, 'g', 3)});
    if (f.targetMin <= 0.0 || f.targetMax >= 1.0)
        w.push_back({QStringLiteral("targets-unreachable"),
                     tr("Targets of %1 and %2: a sigmoid reaches 0 and 1 only at x = ±∞, so "
                        "training keeps pushing the weights larger, into saturation. Use 0.01 "
                        "and 0.99.")
                         .arg(f.targetMin, 0, 'g', 3)
                         .arg(f.targetMax, 0, 'g', 3)});
    if (f.weightsAllZero)
        w.push_back({QStringLiteral("weights-zero"),
                     tr("All weights start at 0: every hidden neuron computes the same thing "
                        "and, with the errors split by Wᵀ·E = 0, the hidden layer never learns. "
                        "Start from small random weights.")});
    else if (f.bookWeightRms > 0 && f.weightRms > 3 * f.bookWeightRms)
        w.push_back({QStringLiteral("weights-large"),
                     tr("The starting weights are %1× the book's size (std 1/√incoming): net "
                        "inputs are large, the sigmoids saturate and learning stalls.")
                         .arg(f.weightRms / f.bookWeightRms, 0, 'f', 0)});
    return w;
}

void SaturationLesson::setPreparation(const Preparation& p) {
    m_prep = p;
    const QSignalBlocker b1(m_inputsBox), b2(m_targetsBox), b3(m_weightsBox);
    m_inputsBox->setCurrentIndex(static_cast<int>(p.inputs));
    m_targetsBox->setCurrentIndex(static_cast<int>(p.targets));
    m_weightsBox->setCurrentIndex(static_cast<int>(p.weights));
    const bool wasRunning = demoRunning();
    pauseDemo();
    restartDemo();
    if (wasRunning) startDemo();
}

bool SaturationLesson::fix(const QString& warningId) {
    Preparation p = m_prep;
    if (warningId == QLatin1String("inputs-unscaled") || warningId == QLatin1String("inputs-zero"))
        p.inputs = InputScaling::Book;
    else if (warningId == QLatin1String("targets-unreachable"))
        p.targets = Targets::Book;
    else if (warningId == QLatin1String("weights-zero") ||
             warningId == QLatin1String("weights-large"))
        p.weights = Weights::Book;
    else
        return false;
    setPreparation(p);
    return true;
}

void SaturationLesson::restartDemo() {
    runDemo(m_prep, 0);
}

void SaturationLesson::trainDemo(int samples) {
    runDemo(std::nullopt, samples);
}

bool SaturationLesson::demoBusy() const {
    return m_jobOpen || m_pendingRestart || m_pendingSamples > 0;
}

void SaturationLesson::waitForDemo() {
    while (demoBusy()) {
        m_job.waitForFinished();
        // Its finished() (posted by the worker, maybe a moment after the future is finished):
        // demoDone shows the result and starts the next job asked for.
        QCoreApplication::sendPostedEvents(&m_job);
        if (m_jobOpen && m_job.isFinished()) QThread::yieldCurrentThread();
    }
}

void SaturationLesson::runDemo(std::optional<Preparation> restart, int samples) {
    if (m_rows == 0) return;
    if (m_jobOpen) {  // one job at a time: the demo is the worker's until its result is shown
        if (restart) {
            m_pendingRestart = restart;  // what was asked before it is trained away
            m_pendingSamples = 0;
        }
        m_pendingSamples += samples;
        return;
    }
    m_jobRestarts = restart.has_value();
    m_jobOpen = true;
    m_job.setFuture(QtConcurrent::run(&m_pool, [demo = m_demo, restart, samples] {
        DemoResult r;
        if (restart) {
            demo->restart(*restart);
            r.restarted = true;
            r.book = demo->bookCurve();
            r.facts = demo->facts();
        }
        r.points = demo->train(samples);
        r.samples = demo->samplesTrained();
        r.finished = demo->finished();
        r.error = demo->error();
        r.bookError = demo->bookError();
        bp::Vector in, t;
        demo->shownSample(in, t);
        auto shown = snapshotOfSample(demo->network(), in, t, Demo::kLearningRate);
        shown->sample = 0;
        shown->label = bp::argmax(t);
        if (demo->data().isImage()) {
            shown->imageWidth = demo->data().width;
            shown->imageHeight = demo->data().height;
        }
        r.shown = std::move(shown);
        return r;
    }));
}

void SaturationLesson::demoDone() {
    DemoResult r = m_job.result();
    m_jobOpen = false;
    m_jobRestarts = false;
    const auto toPoints = [](const Demo::Curve& c) {
        QVector<QPointF> pts;
        pts.reserve(static_cast<qsizetype>(c.size()));
        for (const auto& [x, y] : c) pts << QPointF(x, y);
        return pts;
    };
    if (r.restarted) {
        m_facts = r.facts;
        m_hasFacts = true;
        m_warnings = check(m_facts);
        updateWarnings();
        // The book's preparation as the faded reference line, then the chosen one's run.
        m_chart->clearPreviousRuns();
        m_chart->beginRun(tr("the book's preparation"));
        m_chart->addErrorPoints(toPoints(r.book));
        m_chart->beginRun(tr("your preparation"));
        m_chart->refresh();
    }
    if (!r.points.empty()) m_chart->addErrorPoints(toPoints(r.points));
    m_demoShown = std::move(r.shown);
    r.book.clear();
    r.points.clear();
    m_state = std::move(r);
    showSnapshot();
    if (m_state.finished && demoRunning() && !m_pendingRestart) pauseDemo();
    if (m_pendingRestart || m_pendingSamples > 0) {
        const std::optional<Preparation> restart = std::exchange(m_pendingRestart, std::nullopt);
        runDemo(restart, std::exchange(m_pendingSamples, 0));
    }
}

void SaturationLesson::startDemo() {
    if (m_rows == 0) return;
    // A finished run starts again (unless a restart is on its way already).
    if (m_state.finished && !m_jobRestarts && !m_pendingRestart) restartDemo();
    m_timer.start();
    m_playButton->setText(tr("Pause ❙❙"));
}

void SaturationLesson::pauseDemo() {
    m_timer.stop();
    m_playButton->setText(tr("Train ▶"));
}

bool SaturationLesson::usingStudio() const {
    return m_fromStudio->isChecked() && m_studio;
}

void SaturationLesson::useStudioSnapshot(bool on) {
    (on ? m_fromStudio : m_fromDemo)->setChecked(true);
    showSnapshot();
}

void SaturationLesson::setSnapshot(SnapshotPtr s) {
    m_studio = std::move(s);
    m_fromStudio->setEnabled(m_studio != nullptr);
    if (usingStudio()) showSnapshot();
}

QString SaturationLesson::saturationText() const {
    return m_satLabel->text();
}

void SaturationLesson::updateWarnings() {
    while (QLayoutItem* item = m_warningLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_warnings.empty()) {
        auto* ok = new QLabel(tr("✔ The data and the starting weights are prepared as the book "
                                 "does."),
                              m_warningArea);
        ok->setStyleSheet(QStringLiteral("color: #1b6e3a; font-weight: bold;"));
        m_warningLayout->addWidget(ok);
        return;
    }
    for (const Warning& w : m_warnings) {
        auto* frame = new QFrame(m_warningArea);
        frame->setObjectName(QStringLiteral("warning-") + w.id);
        frame->setStyleSheet(QStringLiteral(
            "QFrame { background: #fff3e0; border: 1px solid #e0a060; border-radius: 4px; }"
            " QLabel, QPushButton { border: none; }"));
        auto* row = new QHBoxLayout(frame);
        auto* text = new QLabel(QStringLiteral("⚠ ") + w.text, frame);
        text->setWordWrap(true);
        auto* button = new QPushButton(tr("Fix"), frame);
        button->setObjectName(QStringLiteral("fix-") + w.id);
        button->setToolTip(tr("Put back the book's choice for this and start the demo again"));
        button->setStyleSheet(QStringLiteral(
            "QPushButton { background: #ffffff; border: 1px solid #c07020; border-radius: 3px; "
            "padding: 3px 12px; font-weight: bold; }"));
        row->addWidget(text, 1);
        row->addWidget(button);
        const QString id = w.id;
        // Queued: the fix rebuilds this list, which deletes the button being clicked.
        connect(
            button, &QPushButton::clicked, this, [this, id] { fix(id); }, Qt::QueuedConnection);
        m_warningLayout->addWidget(frame);
    }
}

void SaturationLesson::showSnapshot() {
    m_shown = usingStudio() ? m_studio : m_demoShown;
    showShown();
}

void SaturationLesson::showShown() {
    std::vector<std::vector<double>> xs;
    QStringList names;
    std::vector<double> perLayer;
    m_shownShare = 0;
    if (m_shown) {
        const int L = m_shown->spec.weightLayers();
        for (int k = 1; k <= L && k < static_cast<int>(m_shown->values.x.size()); ++k) {
            const bp::Vector& x = m_shown->values.x[static_cast<std::size_t>(k)];
            xs.emplace_back(x.data(), x.data() + x.size());
            names << (k == L ? tr("output layer") : tr("hidden layer %1").arg(k));
        }
        m_shownShare = saturationShare(*m_shown, &perLayer);
    }
    m_plot->setMarks(std::move(xs), names);
    m_netView->setSnapshot(m_shown);
    QStringList parts;
    for (std::size_t k = 0; k < perLayer.size(); ++k)
        parts
            << tr("%1 %2%").arg(names.value(static_cast<int>(k))).arg(perLayer[k] * 100, 0, 'f', 0);
    m_satLabel->setText(tr("Saturated (slope o(1−o) < %1): %2% of the neurons — %3")
                            .arg(kSaturatedSlope)
                            .arg(m_shownShare * 100, 0, 'f', 1)
                            .arg(parts.join(QStringLiteral(", "))));
    m_satBar->setValue(static_cast<int>(std::lround(m_shownShare * 1000)));
    m_satBar->setStyleSheet(m_shownShare > 0.5
                                ? QStringLiteral("QProgressBar::chunk { background: #d55e00; }")
                                : QStringLiteral("QProgressBar::chunk { background: #0072b2; }"));
    m_demoLabel->setText(tr("samples %1 · running error: yours %2, the book's %3")
                             .arg(m_state.samples)
                             .arg(demoError(), 0, 'f', 3)
                             .arg(bookDemoError(), 0, 'f', 3));
}

QWidget* SaturationLesson::picture() const {
    return m_views->currentWidget();  // the curve or the network, as shown
}

}  // namespace bps
