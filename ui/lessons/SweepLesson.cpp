// SweepLesson.cpp — learning-rate sweep on two worker threads, its plot and its list of runs.
#include "lessons/SweepLesson.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMetaMethod>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "training/DatasetLoader.h"
#include "views/ErrorPlot.h"

namespace bps {
namespace lessons {

// ---- SweepPlot ----

SweepPlot::SweepPlot(QWidget* parent) : QWidget(parent) {
    setMinimumSize(360, 240);
}

void SweepPlot::setPoints(const std::vector<Point>& points) {
    m_points = points;
    update();
}

void SweepPlot::setSelected(int index) {
    m_selected = index;
    update();
}

QRectF SweepPlot::plotRect() const {
    const int h = fontMetrics().height();
    return QRectF(h * 3.5, h * 1.5, width() - h * 5.0, height() - h * 4.5);
}

bool SweepPlot::logarithmic() const {
    double lo = 0, hi = 0;
    for (const Point& p : m_points)
        if (p.rate > 0) {
            lo = lo > 0 ? std::min(lo, p.rate) : p.rate;
            hi = std::max(hi, p.rate);
        }
    return lo > 0 && hi / lo >= 10.0;
}

void SweepPlot::ranges(double& xMin, double& xMax, double& yMin, double& yMax) const {
    xMin = 0.0;
    xMax = 1.0;
    double lowest = 1.0;
    if (logarithmic()) {  // a little room either side of the smallest and largest rate
        xMin = std::numeric_limits<double>::max();
        xMax = 0.0;
        for (const Point& p : m_points)
            if (p.rate > 0) {
                xMin = std::min(xMin, p.rate / 1.4);
                xMax = std::max(xMax, p.rate * 1.4);
            }
    } else {
        for (const Point& p : m_points) xMax = std::max(xMax, p.rate * 1.05);
    }
    for (const Point& p : m_points)
        if (!std::isnan(p.accuracy)) lowest = std::min(lowest, p.accuracy);
    // accuracy axis in %: from a multiple of 5 a little below the lowest point to 100
    yMin = std::clamp(std::floor((lowest * 100.0 - 3.0) / 5.0) * 5.0, 0.0, 90.0);
    yMax = 100.0;
}

double SweepPlot::xOf(double rate, const QRectF& r, double xMin, double xMax) const {
    if (logarithmic()) return r.left() + r.width() * std::log(rate / xMin) / std::log(xMax / xMin);
    return r.left() + r.width() * (rate - xMin) / (xMax - xMin);
}

QPointF SweepPlot::pointPosition(int index) const {
    const QRectF r = plotRect();
    double xMin = 0, xMax = 1, yMin = 0, yMax = 100;
    ranges(xMin, xMax, yMin, yMax);
    const Point& p = m_points[static_cast<std::size_t>(index)];
    return {xOf(p.rate, r, xMin, xMax),
            r.bottom() - r.height() * (p.accuracy * 100.0 - yMin) / (yMax - yMin)};
}

void SweepPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QRectF r = plotRect();
    double xMin = 0, xMax = 1, yMin = 0, yMax = 100;
    ranges(xMin, xMax, yMin, yMax);
    const QColor text = palette().color(QPalette::WindowText);
    const int h = fontMetrics().height();
    // grid and tick labels
    p.setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1));
    for (double y = yMin; y <= yMax + 1e-9; y += 5.0) {
        const double py = r.bottom() - r.height() * (y - yMin) / (yMax - yMin);
        p.setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1));
        p.drawLine(QPointF(r.left(), py), QPointF(r.right(), py));
        p.setPen(text);
        // the lowest label sits just above the axis, clear of the rate label under the corner
        const double top = y <= yMin + 1e-9 ? py - h : py - h / 2.0;
        p.drawText(QRectF(0, top, r.left() - 6, h), Qt::AlignRight | Qt::AlignVCenter,
                   tr("%1 %").arg(y, 0, 'f', 0));
    }
    // rate ticks: 1, 2, 5 × 10ⁿ on a logarithmic axis (a label only where it has room), every
    // 0.1 or 0.5 on a linear one
    std::vector<double> ticks;
    if (logarithmic()) {
        for (int e = static_cast<int>(std::floor(std::log10(xMin)));
             e <= static_cast<int>(std::ceil(std::log10(xMax))); ++e)
            for (double m : {1.0, 2.0, 5.0}) {
                const double v = m * std::pow(10.0, e);
                if (v >= xMin && v <= xMax) ticks.push_back(v);
            }
    } else {
        const double step = xMax > 1.5 ? 0.5 : 0.1;
        for (int k = 0; k * step <= xMax + 1e-9; ++k) ticks.push_back(k * step);
    }
    double lastRight = -1e9;
    for (double x : ticks) {
        const double px = xOf(x, r, xMin, xMax);
        p.setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1));
        p.drawLine(QPointF(px, r.top()), QPointF(px, r.bottom()));
        const QString label =
            logarithmic() ? QString::number(x, 'g', 3) : QString::number(x, 'f', 1);
        const double half = fontMetrics().horizontalAdvance(label) / 2.0 + 2;
        if (px - half < lastRight + 4) continue;  // no two tick labels on each other
        lastRight = px + half;
        p.setPen(text);
        p.drawText(QRectF(px - half, r.bottom() + 4, 2 * half, h), Qt::AlignHCenter | Qt::AlignTop,
                   label);
    }
    p.setPen(QPen(text, 1));
    p.drawRect(r);
    p.drawText(QRectF(r.left(), r.bottom() + h + 6, r.width(), h), Qt::AlignCenter,
               logarithmic() ? tr("learning rate α (logarithmic: each tenfold the same width)")
                             : tr("learning rate α"));
    p.drawText(QRectF(r.left(), 0, r.width(), h * 1.4), Qt::AlignCenter,
               tr("test accuracy after training"));

    // the measured points, joined in order of the rate
    std::vector<int> order;
    for (int i = 0; i < static_cast<int>(m_points.size()); ++i)
        if (!std::isnan(m_points[static_cast<std::size_t>(i)].accuracy)) order.push_back(i);
    std::sort(order.begin(), order.end(), [this](int a, int b) {
        return m_points[static_cast<std::size_t>(a)].rate <
               m_points[static_cast<std::size_t>(b)].rate;
    });
    const QColor line(0x00, 0x72, 0xb2), mark(0xd5, 0x5e, 0x00);
    if (order.size() > 1) {
        QPainterPath path(pointPosition(order.front()));
        for (std::size_t k = 1; k < order.size(); ++k) path.lineTo(pointPosition(order[k]));
        p.setPen(QPen(line, 2.5));
        p.drawPath(path);
    }
    for (int i : order) {
        const QPointF c = pointPosition(i);
        const bool sel = i == m_selected;
        p.setPen(QPen(sel ? mark : line, 2));
        p.setBrush(sel ? mark : QColor(Qt::white));
        p.drawEllipse(c, sel ? 7.0 : 5.5, sel ? 7.0 : 5.5);
        p.setPen(text);
        p.drawText(
            QRectF(c.x() - 40, c.y() - h - 8, 80, h), Qt::AlignCenter,
            tr("%1 %").arg(m_points[static_cast<std::size_t>(i)].accuracy * 100.0, 0, 'f', 1));
    }
}

void SweepPlot::mouseReleaseEvent(QMouseEvent* e) {
    const QPointF pos = e->position();
    int best = -1;
    double bestD = 15.0;  // pixels
    for (int i = 0; i < static_cast<int>(m_points.size()); ++i) {
        if (std::isnan(m_points[static_cast<std::size_t>(i)].accuracy)) continue;
        const QPointF d = pointPosition(i) - pos;
        const double dist = std::hypot(d.x(), d.y());
        if (dist < bestD) {
            bestD = dist;
            best = i;
        }
    }
    if (best >= 0) emit pointClicked(best);
}

}  // namespace lessons

// ---- SweepLesson ----

// What the sweep's workers share: settings, data, cancellation and the sample counter.
struct SweepLesson::Job {
    std::vector<double> rates;  // one run per rate
    int hidden = 100;           // hidden nodes
    int epochs = 1;
    std::uint64_t seed = 1;  // of the initial weights, the same for every run
    DatasetPtr train, test;  // null = the embedded sets (loaded by the task)
    std::atomic<bool> cancel{false};
    std::atomic<std::uint64_t> done{0};   // samples trained, all runs together
    std::atomic<std::uint64_t> total{0};  // samples to train, all runs together
    std::atomic<int> next{0};             // next run a worker takes
    std::atomic<int> active{0};           // runs training right now
    std::atomic<int> maxActive{0};        // most runs that trained at the same time
};

namespace {
constexpr const char* kEmbeddedTrain = ":/data/mnist_train_5000.csv.gz";
constexpr const char* kEmbeddedTest = ":/data/mnist_test_1000.csv.gz";

// Keeps a combo box as wide as its longest entry in its current font: the splitter around the
// lesson's form would squeeze it to a few letters (QComboBox's minimum size ignores its items),
// and presentation mode's larger font makes the entries wider.
class WideAsItsEntries : public QObject {
  public:
    explicit WideAsItsEntries(QComboBox* box) : QObject(box), m_box(box) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->installEventFilter(this);
        fit();
    }
    void fit() {
        m_box->setMinimumWidth(0);
        m_box->setMinimumWidth(m_box->sizeHint().width());
    }

  protected:
    bool eventFilter(QObject*, QEvent* e) override {
        if (e->type() == QEvent::FontChange || e->type() == QEvent::StyleChange) fit();
        return false;
    }

  private:
    QComboBox* m_box;
};
}  // namespace

SweepLesson::SweepLesson(QWidget* parent) : Lesson(parent) {
    m_threads = std::max(1, std::min(2, QThread::idealThreadCount()));
    m_ratesEdit = new QLineEdit(QStringLiteral("0.01, 0.05, 0.1, 0.2, 0.3, 0.6, 0.9"), this);
    m_hiddenBox = new QSpinBox(this);
    m_hiddenBox->setRange(1, 1000);
    m_hiddenBox->setValue(100);
    m_epochsBox = new QSpinBox(this);
    m_epochsBox->setRange(1, 20);
    m_epochsBox->setValue(1);
    m_seedBox = new QSpinBox(this);
    m_seedBox->setRange(0, 1000000);
    m_seedBox->setValue(1);
    m_dataBox = new QComboBox(this);
    m_dataBox->addItem(QString());
    m_dataBox->addItem(QString());
    m_dataBox->setItemData(1, 0, Qt::UserRole - 1);  // disabled until the studio gives sets
    m_dataBoxWidth = new WideAsItsEntries(m_dataBox);
    m_startButton = new QPushButton(this);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto* form = m_form = new QFormLayout;
    for (QWidget* field : std::initializer_list<QWidget*>{m_ratesEdit, m_hiddenBox, m_epochsBox,
                                                          m_seedBox, m_dataBox})
        form->addRow(new QLabel(this), field);  // a QLabel: addRow(QString()) makes none
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_cancelButton);
    m_list = new QListWidget(this);
    m_openButton = new QPushButton(this);
    m_openButton->setEnabled(false);

    auto* controls = new QVBoxLayout;
    controls->addLayout(form);
    controls->addLayout(buttons);
    controls->addWidget(m_progress);
    controls->addWidget(m_status);
    controls->addWidget(m_list, 1);
    controls->addWidget(m_openButton);
    auto* controlBox = new QWidget(this);
    controlBox->setLayout(controls);

    m_plot = new lessons::SweepPlot(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(controlBox);
    split->addWidget(m_plot);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 3);
    layout->addWidget(explanationPanel(), 1);

    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &SweepLesson::updateProgress);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &SweepLesson::onAllFinished);
    connect(m_startButton, &QPushButton::clicked, this, &SweepLesson::start);
    connect(m_dataBox, &QComboBox::activated, this, [this] { m_dataChosen = true; });
    connect(m_cancelButton, &QPushButton::clicked, this, &SweepLesson::cancel);
    connect(m_plot, &lessons::SweepPlot::pointClicked, this, [this](int i) {
        m_list->setCurrentRow(i);
        openRun(i);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_plot->setSelected(row);
        m_openButton->setEnabled(row >= 0 && row < static_cast<int>(m_runs.size()) &&
                                 m_runs[static_cast<std::size_t>(row)].done);
    });
    connect(m_openButton, &QPushButton::clicked, this, [this] { openRun(m_list->currentRow()); });
    setStatus([n = rates().size(), threads = m_threads] {
        return tr("Press Start: %1 runs, %2 at a time.").arg(n).arg(threads);
    });
    retranslateUi();
}

void SweepLesson::retranslateUi() {
    setExplanation(
        tr("<h3>Which learning rate is best?</h3>"
           "<p>The book finds out by hand: train the same network several times, changing only the "
           "learning rate α, and compare the test accuracy. Here every run starts from the "
           "<b>same random weights</b> (same seed) and sees the samples in the same order, so the "
           "learning rate is the only difference. Two runs train at once, one per processor "
           "core.</p>"
           "<p><b>Try:</b> press Start, then click a point to see that run's error curve in the "
           "studio's error chart, beside the runs you opened before. Try 2 epochs, or fewer "
           "hidden nodes.</p>"
           "<p><b>Notice:</b> too small a rate learns too slowly in the time given; too large a "
           "rate overshoots and bounces around. The best lies in between — the book found about "
           "0.1–0.3 for one epoch.</p>"));

    m_ratesEdit->setToolTip(tr("Learning rates, separated by commas or spaces"));
    m_hiddenBox->setToolTip(
        tr("Neurons in the one hidden layer (784-n-10), the same for every run"));
    m_epochsBox->setToolTip(tr("Passes over the training set per run"));
    m_seedBox->setToolTip(
        tr("Seed of the random starting weights: every run starts from the same weights"));
    m_dataBox->setItemText(0, tr("Embedded MNIST: 5,000 train / 1,000 test"));
    m_dataBox->setItemText(1, tr("The studio's training and test sets"));
    static_cast<WideAsItsEntries*>(m_dataBoxWidth)->fit();
    m_dataBox->setToolTip(
        tr("What the runs train and test on (the studio's sets once it has "
           "loaded them)"));
    m_startButton->setText(tr("Start"));
    m_cancelButton->setText(tr("Cancel"));
    m_startButton->setToolTip(tr("Train one network per learning rate, two at a time"));
    m_cancelButton->setToolTip(tr("Stop every run at its next sample"));
    const auto rowLabel = [this](QWidget* field, const QString& text) {
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(field))) label->setText(text);
    };
    rowLabel(m_ratesEdit, tr("Learning rates:"));
    rowLabel(m_hiddenBox, tr("Hidden nodes:"));
    rowLabel(m_epochsBox, tr("Epochs:"));
    rowLabel(m_seedBox, tr("Seed:"));
    rowLabel(m_dataBox, tr("Data:"));
    m_openButton->setText(tr("Show this run's error curve"));
    m_openButton->setToolTip(
        tr("Show the selected run's training error in an error chart (or click its point)"));
    if (m_ownPlot) m_ownPlot->setWindowTitle(tr("Learning-rate sweep: error curves"));
    m_status->setText(m_statusText());
    for (int i = 0; i < static_cast<int>(m_runs.size()); ++i)
        if (QListWidgetItem* item = m_list->item(i)) item->setText(runLine(i));
}

void SweepLesson::setStatus(std::function<QString()> text) {
    m_statusText = std::move(text);
    m_status->setText(m_statusText());
}

QString SweepLesson::runLine(int index) const {
    const Run& r = m_runs[static_cast<std::size_t>(index)];
    if (!r.done) return tr("α = %1: waiting").arg(r.rate);
    if (r.outcome.cancelled) return tr("α = %1: cancelled").arg(r.rate);
    if (r.outcome.diverged) return tr("α = %1: diverged (weights became infinite)").arg(r.rate);
    return tr("α = %1: %2 % test accuracy").arg(r.rate).arg(r.outcome.accuracy * 100.0, 0, 'f', 2);
}

SweepLesson::~SweepLesson() {
    if (m_job) m_job->cancel = true;
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void SweepLesson::setDatasets(DatasetPtr train, DatasetPtr test) {
    m_studioTrain = std::move(train);
    m_studioTest = std::move(test);
    const bool usable = m_studioTrain && m_studioTest && !m_studioTrain->empty() &&
                        !m_studioTest->empty() && m_studioTrain->inputs == m_studioTest->inputs;
    m_dataBox->setItemData(1, usable ? QVariant() : QVariant(0), Qt::UserRole - 1);
    if (!usable && m_dataBox->currentIndex() == 1) m_dataBox->setCurrentIndex(0);
    // The studio's data, as the other lessons use it, unless the person chose otherwise.
    if (usable && !m_dataChosen) m_dataBox->setCurrentIndex(1);
}

bool SweepLesson::usesStudioData() const {
    return m_dataBox->currentIndex() == 1 && m_studioTrain && m_studioTest;
}

void SweepLesson::setRates(const std::vector<double>& rates) {
    QStringList parts;
    for (double r : rates) parts << QString::number(r);
    m_ratesEdit->setText(parts.join(QStringLiteral(", ")));
}

std::vector<double> SweepLesson::rates() const {
    std::vector<double> out;
    const QStringList parts = m_ratesEdit->text().split(
        QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString& s : parts) {
        bool ok = false;
        const double v = s.toDouble(&ok);
        if (ok && v > 0 && v <= 10) out.push_back(v);
    }
    return out;
}

void SweepLesson::setHiddenNodes(int n) {
    m_hiddenBox->setValue(n);
}
void SweepLesson::setEpochs(int n) {
    m_epochsBox->setValue(n);
}
void SweepLesson::setSeed(int seed) {
    m_seedBox->setValue(seed);
}
void SweepLesson::setUseStudioData(bool on) {
    m_dataChosen = true;
    m_dataBox->setCurrentIndex(on ? 1 : 0);
}

bp::NetworkSpec SweepLesson::specFor(int inputs) const {
    bp::NetworkSpec spec;  // sigmoid, no bias, the book's error rule
    spec.layers = {inputs, m_hiddenBox->value(), 10};
    spec.seed = static_cast<std::uint64_t>(m_seedBox->value());
    return spec;
}

bp::TrainOptions SweepLesson::optionsFor(double rate) const {
    bp::TrainOptions o;  // per sample, file order: the book's way
    o.learningRate = rate;
    o.epochs = m_epochsBox->value();
    return o;
}

void SweepLesson::start() {
    if (isRunning()) return;
    const std::vector<double> rs = rates();
    if (rs.empty()) {
        setStatus([] { return tr("Give at least one learning rate between 0 and 10."); });
        return;
    }
    auto job = std::make_shared<Job>();
    job->rates = rs;
    if (usesStudioData()) {
        job->train = m_studioTrain;
        job->test = m_studioTest;
    }
    m_job = job;
    m_runs.assign(rs.size(), Run{});
    for (std::size_t i = 0; i < rs.size(); ++i) m_runs[i].rate = rs[i];
    m_list->clear();
    for (int i = 0; i < static_cast<int>(rs.size()); ++i) m_list->addItem(runLine(i));
    updatePlot();
    m_startButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_openButton->setEnabled(false);
    m_progress->setValue(0);
    setStatus([n = rs.size(), threads = m_threads] {
        return tr("Training %1 networks, %2 at a time…").arg(n).arg(threads);
    });

    // Settings are read here, on the GUI thread; the workers get copies.
    const int threads = m_threads;
    const bp::NetworkSpec specTemplate = specFor(0);
    std::vector<bp::TrainOptions> options;
    for (double r : rs) options.push_back(optionsFor(r));
    m_watcher.setFuture(QtConcurrent::run([this, job, threads, specTemplate, options] {
        if (!job->train) {  // the embedded sets, read from the resources on this worker
            const DatasetLoader::Result trainLoad =
                DatasetLoader::loadNow(QString::fromLatin1(kEmbeddedTrain));
            const DatasetLoader::Result testLoad =
                DatasetLoader::loadNow(QString::fromLatin1(kEmbeddedTest));
            if (!trainLoad.data || !testLoad.data) {
                const QString error = !trainLoad.data ? trainLoad.error : testLoad.error;
                QMetaObject::invokeMethod(
                    this, [this, error] { setStatus([error] { return error; }); },
                    Qt::QueuedConnection);
                return;
            }
            job->train = trainLoad.data;
            job->test = testLoad.data;
        }
        job->total = static_cast<std::uint64_t>(job->train->rows()) *
                     static_cast<std::uint64_t>(options.front().epochs) * job->rates.size();
        auto worker = [this, job, specTemplate, options] {
            for (int i = job->next++; i < static_cast<int>(job->rates.size()); i = job->next++) {
                lessons::RunSettings settings;
                settings.spec = specTemplate;
                settings.spec.layers.front() = job->train->inputs;
                settings.options = options[static_cast<std::size_t>(i)];
                lessons::RunOutcome outcome;
                if (job->cancel)
                    outcome.cancelled = true;
                else {
                    const int now = ++job->active;
                    for (int seen = job->maxActive.load();
                         now > seen && !job->maxActive.compare_exchange_weak(seen, now);) {
                    }
                    outcome = lessons::trainRun(settings, *job->train, *job->test, &job->cancel,
                                                &job->done);
                    --job->active;
                }
                QMetaObject::invokeMethod(
                    this, [this, i, outcome] { onRunFinished(i, outcome); }, Qt::QueuedConnection);
            }
        };
        std::vector<std::thread> helpers;  // this task is one worker, the helpers the others
        for (int t = 1; t < threads; ++t) helpers.emplace_back(worker);
        worker();
        for (std::thread& h : helpers) h.join();
    }));
    m_progressTimer.start();
}

void SweepLesson::cancel() {
    if (m_job) m_job->cancel = true;
    if (isRunning()) setStatus([] { return tr("Cancelling…"); });
}

QString SweepLesson::runLabel(int index) const {
    const Run& r = m_runs[static_cast<std::size_t>(index)];
    return tr("sweep α = %1, hidden %2, %3 epoch(s), seed %4")
        .arg(r.rate)
        .arg(m_hiddenBox->value())
        .arg(m_epochsBox->value())
        .arg(m_seedBox->value());
}

void SweepLesson::onRunFinished(int index, const lessons::RunOutcome& outcome) {
    if (index < 0 || index >= static_cast<int>(m_runs.size())) return;
    Run& r = m_runs[static_cast<std::size_t>(index)];
    r.done = true;
    r.outcome = outcome;
    if (QListWidgetItem* item = m_list->item(index)) item->setText(runLine(index));
    updatePlot();
    if (m_list->currentRow() == index) m_openButton->setEnabled(true);
    emit runFinished(index);
}

void SweepLesson::onAllFinished() {
    m_progressTimer.stop();
    updateProgress();
    m_startButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    const bool cancelled = m_job && m_job->cancel.load();
    int best = -1;
    for (int i = 0; i < static_cast<int>(m_runs.size()); ++i) {
        const Run& r = m_runs[static_cast<std::size_t>(i)];
        if (r.done && !std::isnan(r.outcome.accuracy) &&
            (best < 0 ||
             r.outcome.accuracy > m_runs[static_cast<std::size_t>(best)].outcome.accuracy))
            best = i;
    }
    if (cancelled) {
        setStatus([] { return tr("Cancelled."); });
    } else if (best >= 0) {
        const Run& b = m_runs[static_cast<std::size_t>(best)];
        setStatus([rate = b.rate, accuracy = b.outcome.accuracy] {
            return tr("Done. Best: α = %1 with %2 % on the test set.")
                .arg(rate)
                .arg(accuracy * 100.0, 0, 'f', 2);
        });
    }
    emit sweepFinished(cancelled);
}

void SweepLesson::updateProgress() {
    if (!m_job) return;
    const std::uint64_t total = m_job->total.load();
    const std::uint64_t done = m_job->done.load();
    m_progress->setValue(
        total ? static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total))
              : 0);
}

void SweepLesson::updatePlot() {
    std::vector<lessons::SweepPlot::Point> points;
    for (const Run& r : m_runs)
        points.push_back({r.rate, r.done && !r.outcome.cancelled
                                      ? r.outcome.accuracy
                                      : std::numeric_limits<double>::quiet_NaN()});
    m_plot->setPoints(points);
}

int SweepLesson::maxConcurrentRuns() const {
    return m_job ? m_job->maxActive.load() : 0;
}

void SweepLesson::selectRun(int index) {
    m_list->setCurrentRow(index);
}

void SweepLesson::openRun(int index) {
    if (index < 0 || index >= static_cast<int>(m_runs.size())) return;
    const Run& r = m_runs[static_cast<std::size_t>(index)];
    if (!r.done) return;
    QVector<QPointF> error, accuracy;
    for (const auto& [x, y] : r.outcome.error) error.append(QPointF(x, y));
    for (const auto& [x, y] : r.outcome.accuracyPerEpoch) accuracy.append(QPointF(x, y));
    static const QMetaMethod signal = QMetaMethod::fromSignal(&SweepLesson::runCurveRequested);
    if (isSignalConnected(signal)) {
        emit runCurveRequested(runLabel(index), error, accuracy);
        return;
    }
    if (!m_ownPlot) {
        m_ownPlot = new ErrorPlot(this);
        m_ownPlot->setWindowFlag(Qt::Window);
        m_ownPlot->setWindowTitle(tr("Learning-rate sweep: error curves"));
        m_ownPlot->resize(900, 520);
    }
    showRunIn(m_ownPlot, runLabel(index), error, accuracy);
    m_ownPlot->show();
    m_ownPlot->raise();
}

bool SweepLesson::connectToStudio(const StudioHooks& studio, QObject* context) {
    if (!studio.plot) return false;
    QPointer<ErrorPlot> plot(studio.plot);
    connect(this, &SweepLesson::runCurveRequested, context,
            [plot](const QString& label, const QVector<QPointF>& error,
                   const QVector<QPointF>& accuracy) {
                if (plot) showRunIn(plot, label, error, accuracy);
            });
    return true;
}

void SweepLesson::showRunIn(ErrorPlot* plot, const QString& label, const QVector<QPointF>& error,
                            const QVector<QPointF>& accuracy) {
    if (!plot) return;
    plot->beginRun(label);
    plot->addErrorPoints(error);
    for (const QPointF& a : accuracy) plot->addAccuracy(a.x(), a.y());
}

QWidget* SweepLesson::picture() const {
    return m_plot;
}

}  // namespace bps
