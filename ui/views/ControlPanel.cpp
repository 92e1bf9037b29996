// ControlPanel.cpp — the training controls.
#include "views/ControlPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace bps {

namespace {
// Play's paces in samples per second; at ≤ 2/s Play goes phase by phase. The last, 0, is full
// speed (the toggle beside the slider); the slider holds the others. Sessions and settings store
// an index into this table, so entries are only ever added before the last.
constexpr double kSpeeds[] = {0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000, 0};

int rateToSlider(double lr) {
    const double v = (std::log10(lr) - std::log10(ControlPanel::kMinRate)) * 100.0;
    return std::clamp(static_cast<int>(std::lround(v)), 0, ControlPanel::kRateSteps);
}
// Tabs as high as the page shown (QTabWidget is as high as its tallest page), as wide as the
// widest: the compact strip does not keep the height of a tab that is not shown.
class CurrentPageTabs : public QTabWidget {
  public:
    using QTabWidget::QTabWidget;
    QSize sizeHint() const override { return shown(QTabWidget::sizeHint(), false); }
    QSize minimumSizeHint() const override { return shown(QTabWidget::minimumSizeHint(), true); }

  private:
    QSize shown(QSize all, bool minimum) const {
        int tallest = 0;
        for (int i = 0; i < count(); ++i) {
            const QSize page = minimum ? widget(i)->minimumSizeHint() : widget(i)->sizeHint();
            tallest = std::max(tallest, page.height());
        }
        const QWidget* current = currentWidget();
        if (!current) return all;
        const int here =
            minimum ? current->minimumSizeHint().height() : current->sizeHint().height();
        return {all.width(), all.height() - tallest + here};
    }
};

double sliderToRate(int v) {
    return std::pow(10.0, std::log10(ControlPanel::kMinRate) + v / 100.0);
}
}  // namespace

double ControlPanel::speedAt(int index) {
    return kSpeeds[std::clamp(index, 0, speedCount() - 1)];
}
int ControlPanel::speedCount() {
    return static_cast<int>(std::size(kSpeeds));
}
int ControlPanel::defaultSpeedIndex() {
    const auto* it = std::find(std::begin(kSpeeds), std::end(kSpeeds), kDefaultSpeed);
    return static_cast<int>(it - std::begin(kSpeeds));
}

QString ControlPanel::paceText(double s) {
    if (s <= 0) return tr("full speed");
    if (s < 1) return tr("1 sample every %n s", nullptr, static_cast<int>(std::lround(1 / s)));
    return tr("%n sample(s)/s", nullptr, static_cast<int>(std::lround(s)));
}

ControlPanel::ControlPanel(QWidget* parent) : QWidget(parent) {
    // --- run ---
    auto* run = new QGroupBox(this);
    m_runBox = run;
    m_play = new QPushButton(run);
    m_stepPhase = new QPushButton(run);
    m_stepSample = new QPushButton(run);
    m_stepEpoch = new QPushButton(run);
    m_reset = new QPushButton(run);
    m_toggles = new QWidget(run);
    auto* toggles = new QHBoxLayout(m_toggles);
    toggles->setContentsMargins(0, 0, 0, 0);
    toggles->setSpacing(4);
    m_stepToggle = new QToolButton(m_toggles);
    m_stepToggle->setObjectName(QStringLiteral("stepToggle"));
    m_stepToggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toggles->addWidget(m_stepToggle);
    m_toggles->hide();  // until setStepToggle gives it an action
    m_speed = new QSlider(Qt::Horizontal, run);
    m_speed->setObjectName(QStringLiteral("pace"));
    m_speed->setRange(0, speedCount() - 2);  // the last pace is the toggle's
    m_speed->setValue(defaultSpeedIndex());
    m_speed->setPageStep(1);
    m_fullSpeed = new QPushButton(run);
    m_fullSpeed->setObjectName(QStringLiteral("fullSpeed"));
    m_fullSpeed->setCheckable(true);
    m_speedLabel = new QLabel(run);
    m_speedLabel->setObjectName(QStringLiteral("paceLabel"));
    m_speedLabel->setAlignment(Qt::AlignCenter);
    m_stopAfter = new QCheckBox(run);
    m_stopAfter->setObjectName(QStringLiteral("stopAfter"));
    m_epochs = new QSpinBox(run);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_epochs->setRange(1, kMaxEpochs);
    m_epochs->setEnabled(false);

    m_rate = new QSlider(Qt::Horizontal, run);
    m_rate->setRange(0, kRateSteps);
    m_rateField = new QDoubleSpinBox(run);
    m_rateField->setDecimals(5);
    m_rateField->setRange(kMinRate, kMaxRate);
    m_rateField->setSingleStep(0.01);

    m_speedCaption = new QLabel(run);
    m_rateCaption = new QLabel(run);
    // --- network shape ---
    auto* shape = new QGroupBox(this);
    m_shapeBox = shape;
    m_hidden = new QLineEdit(QStringLiteral("100"), shape);
    m_hidden->setObjectName(QStringLiteral("hiddenLayers"));
    m_hidden->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("^\\s*(\\d{1,4}(\\s*,\\s*\\d{1,4})*)?\\s*,?\\s*$")),
        m_hidden));
    m_activation = new QComboBox(shape);
    m_activation->addItem(QString(), static_cast<int>(bp::Activation::Sigmoid));
    m_activation->addItem(QString(), static_cast<int>(bp::Activation::Tanh));
    m_activation->addItem(QString(), static_cast<int>(bp::Activation::ReLU));
    m_batch = new QSpinBox(shape);
    m_batch->setRange(1, 1024);
    m_seed = new QSpinBox(shape);
    m_seed->setRange(0, kMaxSeed);
    m_seed->setValue(1);
    m_apply = new QPushButton(shape);
    m_hiddenCaption = new QLabel(shape);
    m_activationCaption = new QLabel(shape);
    m_batchCaption = new QLabel(shape);
    m_seedCaption = new QLabel(shape);

    // --- view ---
    auto* view = new QGroupBox(this);
    m_viewBox = view;
    m_density = new QSpinBox(view);
    m_density->setRange(1, 100);
    m_density->setValue(8);
    m_edgeValues = new QCheckBox(view);
    m_densityCaption = new QLabel(view);

    // --- progress ---
    auto* state = new QGroupBox(this);
    m_stateBox = state;
    m_phase = new QLabel(state);
    m_phase->setWordWrap(true);
    m_progress = new QLabel(state);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setWordWrap(true);
    m_progress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_throughput = new QLabel(state);
    auto* stateLayout = new QVBoxLayout(state);
    stateLayout->addWidget(m_phase);
    stateLayout->addWidget(m_progress);
    stateLayout->addWidget(m_throughput);
    stateLayout->addStretch(1);

    m_tabs = new CurrentPageTabs(this);
    m_tabs->setObjectName(QStringLiteral("controlTabs"));
    m_tabs->setDocumentMode(true);
    // The strip is as high as the tab shown, not the tallest one (Progress, when it is a tab).
    connect(m_tabs, &QTabWidget::currentChanged, m_tabs, &QWidget::updateGeometry);
    arrange();

    connect(m_play, &QPushButton::clicked, this, &ControlPanel::playToggled);
    connect(m_stepPhase, &QPushButton::clicked, this, &ControlPanel::stepPhaseRequested);
    connect(m_stepSample, &QPushButton::clicked, this, &ControlPanel::stepSampleRequested);
    connect(m_stepEpoch, &QPushButton::clicked, this, &ControlPanel::stepEpochRequested);
    connect(m_reset, &QPushButton::clicked, this, &ControlPanel::resetRequested);
    // Moving the slider chooses its pace, also when full speed was on.
    connect(m_speed, &QSlider::valueChanged, this, [this] {
        {
            const QSignalBlocker block(m_fullSpeed);
            m_fullSpeed->setChecked(false);
        }
        updateSpeedLabel();
        emit speedChanged(speed());
    });
    connect(m_fullSpeed, &QPushButton::toggled, this, [this] {
        updateSpeedLabel();
        emit speedChanged(speed());
    });
    connect(m_stopAfter, &QCheckBox::toggled, this, [this](bool on) {
        m_epochs->setEnabled(on);
        updateEpochsText();
        emit epochLimitChanged(epochLimit());
    });
    connect(m_epochs, &QSpinBox::valueChanged, this, [this] {
        updateEpochsText();
        if (m_stopAfter->isChecked()) emit epochLimitChanged(epochLimit());
    });
    connect(m_rate, &QSlider::valueChanged, this, [this](int v) {
        const double lr = sliderToRate(v);
        {
            const QSignalBlocker block(m_rateField);
            m_rateField->setValue(lr);
        }
        emit learningRateChanged(m_rateField->value());
    });
    connect(m_rate, &QSlider::sliderPressed, this, [this] { emit learningRateEditing(true); });
    connect(m_rate, &QSlider::sliderReleased, this, [this] { emit learningRateEditing(false); });
    connect(m_rateField, &QDoubleSpinBox::valueChanged, this, [this](double lr) {
        {
            const QSignalBlocker block(m_rate);
            m_rate->setValue(rateToSlider(lr));
        }
        emit learningRateChanged(lr);
    });
    connect(m_apply, &QPushButton::clicked, this, &ControlPanel::apply);
    connect(m_density, &QSpinBox::valueChanged, this, &ControlPanel::densityChanged);
    connect(m_edgeValues, &QCheckBox::toggled, this, &ControlPanel::showEdgeValuesChanged);
    connect(m_hidden, &QLineEdit::textEdited, this, &ControlPanel::markShapeDirty);
    connect(m_activation, &QComboBox::activated, this, &ControlPanel::markShapeDirty);
    connect(m_batch, &QSpinBox::valueChanged, this, &ControlPanel::markShapeDirty);
    connect(m_seed, &QSpinBox::valueChanged, this, &ControlPanel::markShapeDirty);

    setLearningRate(0.1);
    rememberApplied();
    retranslateUi();
}

void ControlPanel::fitPaceLabel() {
    // As wide as the widest pace, in the current language and font (so the slider does not
    // move as the pace changes).
    int wide = 0;
    for (int i = 0; i + 1 < speedCount(); ++i)
        wide = std::max(wide, m_speedLabel->fontMetrics().horizontalAdvance(paceText(speedAt(i))));
    m_speedLabel->setMinimumWidth(wide);
}

void ControlPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() == QEvent::FontChange) fitPaceLabel();  // presentation mode's font
    QWidget::changeEvent(event);
}

void ControlPanel::retranslateUi() {
    m_runBox->setTitle(tr("Training"));
    m_play->setToolTip(tr("Train continuously (Space)"));
    m_stepPhase->setText(tr("Step phase"));
    m_stepPhase->setToolTip(
        tr("Run one phase of the training step: forward through one layer, "
           "the output error, the error back through one layer, or one "
           "weight update (Right arrow)"));
    m_stepSample->setText(tr("Step sample"));
    m_stepSample->setToolTip(tr("Train on one sample: every phase at once"));
    m_stepEpoch->setText(tr("Step epoch"));
    m_stepEpoch->setToolTip(tr("Train to the end of the epoch at full speed"));
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(
        tr("Re-initialise the weights from the seed, so the run replays exactly; "
           "the curve of this run stays on the chart, faded"));
    m_speed->setToolTip(
        tr("Samples trained per second, from slow motion (at 2 per second or fewer each "
           "phase is shown) to 5,000 per second"));
    m_fullSpeed->setText(tr("Full speed"));
    m_fullSpeed->setToolTip(
        tr("Train as fast as the computer can; click again to return to the slider's pace"));
    fitPaceLabel();
    m_stopAfter->setText(tr("Stop after"));
    m_stopAfter->setToolTip(
        tr("Off: Play trains epoch after epoch until Pause. On: Play stops at the end of "
           "this many epochs"));
    m_epochs->setToolTip(m_stopAfter->toolTip());
    m_rate->setToolTip(
        tr("Learning rate α on a log scale from 0.0001 to 1; it takes effect at "
           "the next sample, also while training runs"));
    m_rateField->setToolTip(m_rate->toolTip());
    m_speedCaption->setText(tr("Pace"));
    m_rateCaption->setText(tr("Learning rate α"));

    m_shapeBox->setTitle(tr("Network"));
    m_hidden->setToolTip(
        tr("Neurons of each hidden layer, separated by commas: \"100\" or "
           "\"200, 50\"; empty for no hidden layer"));
    m_activation->setItemText(0, tr("sigmoid (the book)"));
    m_activation->setItemText(1, tr("tanh"));
    m_activation->setItemText(2, tr("ReLU"));
    m_activation->setToolTip(tr("Activation of the hidden layers (the output layer is sigmoid)"));
    m_batch->setToolTip(
        tr("1 = update after every sample, as the book does; more = mini-batches "
           "(mean ΔW of the batch)"));
    m_seed->setToolTip(tr("Seed of the initial weights: the same seed gives the same network"));
    m_apply->setToolTip(tr("Build a new network with these settings"));
    m_hiddenCaption->setText(tr("Hidden layers"));
    m_activationCaption->setText(tr("Activation"));
    m_batchCaption->setText(tr("Batch size"));
    m_seedCaption->setText(tr("Seed"));

    m_viewBox->setTitle(tr("View"));
    m_density->setToolTip(
        tr("Strongest incoming connections drawn per neuron (all of them for "
           "the neuron under the mouse or selected)"));
    m_edgeValues->setText(tr("Numbers on connections"));
    m_edgeValues->setToolTip(tr("Show each weight's value on its connection (small networks)"));
    m_densityCaption->setText(tr("Connections per neuron"));

    m_stateBox->setTitle(tr("Progress"));
    // Compact, the tabs carry the boxes' names (a box titled again inside its tab says it twice).
    for (QGroupBox* box : {m_runBox, m_stateBox, m_shapeBox, m_viewBox}) {
        const int tab = m_tabs->indexOf(box);
        if (tab >= 0) m_tabs->setTabText(tab, box->title());
        if (tab >= 0) box->setTitle(QString());
        box->setFlat(tab >= 0);
    }

    // The texts that say the state: shown again from the state they say.
    updateApplyText();
    updateSpeedLabel();
    updateEpochsText();
    setPlaying(m_playing);
    showSnapshotText();
    setThroughput(m_throughputValue);
}

void ControlPanel::setCompact(bool on) {
    if (on == m_compact) return;
    m_compact = on;
    arrange();
    retranslateUi();  // the boxes' titles move to the tabs and back
    updateGeometry();
}

void ControlPanel::setCompactWidth(int width) {
    if (!m_compact) return;
    // Progress beside the tabs when a long progress line fits there, else a tab of its own (a
    // presentation-size font at 1024 px).
    const QString longLine =
        tr("%n sample(s) seen, running error %1", nullptr, 999999).arg(0.1234, 0, 'f', 4);
    // (the Training page is the widest; the tabs' own width would count Progress' page too)
    const int need = m_runBox->sizeHint().width() + fontMetrics().horizontalAdvance(longLine) +
                     6 * fontMetrics().averageCharWidth();
    const bool beside = need <= width;
    if (beside == m_progressBeside) return;
    m_progressBeside = beside;
    const int current = m_tabs->currentIndex();
    arrange();
    m_tabs->setCurrentIndex(std::min(current, m_tabs->count() - 1));
    retranslateUi();
}

void ControlPanel::setStepToggle(QAction* action) {
    m_stepToggle->setDefaultAction(action);
    m_stepToggle->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_toggles->show();
}

QToolButton* ControlPanel::addStepToggle(QAction* action) {
    auto* b = new QToolButton(m_toggles);
    b->setObjectName(QStringLiteral("stepToggle_") + action->objectName());
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setDefaultAction(action);
    b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_toggles->layout()->addWidget(b);
    return b;
}

void ControlPanel::arrange() {
    // The boxes' and the panel's own layouts are made anew; their widgets stay where they are
    // in the widget tree (children of the boxes), so nothing but the arrangement changes.
    delete m_runBox->layout();
    delete m_shapeBox->layout();
    delete m_viewBox->layout();
    delete layout();
    while (m_tabs->count() > 0) m_tabs->removeTab(0);

    auto* grid = new QGridLayout(m_runBox);
    auto* shape = new QGridLayout(m_shapeBox);
    auto* view = new QGridLayout(m_viewBox);
    if (m_compact) {
        // Two rows: the buttons and "stop after"; the pace and the learning rate.
        grid->addWidget(m_play, 0, 0);
        grid->addWidget(m_stepPhase, 0, 1);
        grid->addWidget(m_stepSample, 0, 2);
        grid->addWidget(m_stepEpoch, 0, 3);
        grid->addWidget(m_reset, 0, 4);
        grid->addWidget(m_stopAfter, 0, 5);
        grid->addWidget(m_epochs, 0, 6);
        grid->addWidget(m_toggles, 0, 7);
        grid->addWidget(m_speedCaption, 1, 0);
        grid->addWidget(m_speed, 1, 1);
        grid->addWidget(m_speedLabel, 1, 2);
        grid->addWidget(m_fullSpeed, 1, 3);
        grid->addWidget(m_rateCaption, 1, 4);
        grid->addWidget(m_rate, 1, 5);
        grid->addWidget(m_rateField, 1, 6);
        shape->addWidget(m_hiddenCaption, 0, 0);
        shape->addWidget(m_hidden, 0, 1);
        shape->addWidget(m_activationCaption, 0, 2);
        shape->addWidget(m_activation, 0, 3);
        shape->addWidget(m_batchCaption, 1, 0);
        shape->addWidget(m_batch, 1, 1);
        shape->addWidget(m_seedCaption, 1, 2);
        shape->addWidget(m_seed, 1, 3);
        shape->addWidget(m_apply, 0, 4, 2, 1);
        view->addWidget(m_densityCaption, 0, 0);
        view->addWidget(m_density, 0, 1);
        view->addWidget(m_edgeValues, 1, 0, 1, 2);
        view->setColumnStretch(2, 1);
        for (QGridLayout* g : {grid, shape, view}) g->setContentsMargins(4, 4, 4, 4);
        m_tabs->addTab(m_runBox, QString());
        if (!m_progressBeside) m_tabs->addTab(m_stateBox, QString());
        m_tabs->addTab(m_shapeBox, QString());
        m_tabs->addTab(m_viewBox, QString());
        m_tabs->show();
        auto* strip = new QHBoxLayout(this);
        strip->setContentsMargins(2, 2, 2, 2);
        strip->addWidget(m_tabs, m_progressBeside ? 0 : 1, Qt::AlignTop);
        if (m_progressBeside) {
            strip->addWidget(m_stateBox, 1);
            m_stateBox->show();
        }
        // One line each, so the strip stays as low as the tabs (it scrolls sideways instead).
        m_phase->setWordWrap(false);
        m_progress->setWordWrap(false);
        return;
    }
    grid->addWidget(m_play, 0, 0);
    grid->addWidget(m_stepPhase, 0, 1);
    grid->addWidget(m_stepSample, 0, 2);
    grid->addWidget(m_stepEpoch, 1, 0);
    grid->addWidget(m_reset, 1, 1);
    grid->addWidget(m_toggles, 1, 2);
    grid->addWidget(m_speedCaption, 2, 0);
    grid->addWidget(m_speed, 2, 1);
    grid->addWidget(m_fullSpeed, 2, 2);
    grid->addWidget(m_speedLabel, 3, 1);
    grid->addWidget(m_rateCaption, 4, 0);
    grid->addWidget(m_rate, 4, 1);
    grid->addWidget(m_rateField, 4, 2);
    grid->addWidget(m_stopAfter, 5, 0, 1, 2);
    grid->addWidget(m_epochs, 5, 2);
    // Label and field, one row each (as a form lays them out).
    QWidget* const rows[][2] = {{m_hiddenCaption, m_hidden},
                                {m_activationCaption, m_activation},
                                {m_batchCaption, m_batch},
                                {m_seedCaption, m_seed}};
    int row = 0;
    for (const auto& r : rows) {
        shape->addWidget(r[0], row, 0);
        shape->addWidget(r[1], row++, 1);
    }
    shape->addWidget(m_apply, row, 0, 1, 2);
    shape->setColumnStretch(1, 1);
    view->addWidget(m_densityCaption, 0, 0);
    view->addWidget(m_density, 0, 1);
    view->addWidget(m_edgeValues, 1, 0, 1, 2);
    view->setColumnStretch(1, 1);
    m_tabs->hide();
    m_phase->setWordWrap(true);
    m_progress->setWordWrap(true);
    auto* column = new QVBoxLayout(this);
    column->addWidget(m_runBox);
    column->addWidget(m_stateBox);
    column->addWidget(m_shapeBox);
    column->addWidget(m_viewBox);
    column->addStretch(1);
    for (QGroupBox* box : {m_runBox, m_stateBox, m_shapeBox, m_viewBox}) box->show();
}

void ControlPanel::markShapeDirty() {
    // Edited, or edited back: the mark says whether the fields differ from the network's.
    std::vector<int> hidden;
    m_shapeDirty = !parseHidden(m_hidden->text(), hidden) || hidden != m_applied.hidden ||
                   m_activation->currentData().toInt() != m_applied.activation ||
                   m_batch->value() != m_applied.batch || m_seed->value() != m_applied.seed;
    updateApplyText();
}

void ControlPanel::rememberApplied() {
    parseHidden(m_hidden->text(), m_applied.hidden);
    m_applied.activation = m_activation->currentData().toInt();
    m_applied.batch = m_batch->value();
    m_applied.seed = m_seed->value();
    m_shapeDirty = false;
    updateApplyText();
}

void ControlPanel::updateApplyText() {
    m_apply->setText(m_shapeDirty ? tr("New network (settings changed)") : tr("New network"));
    QFont f = font();
    f.setBold(m_shapeDirty);
    m_apply->setFont(f);
}

bool ControlPanel::parseHidden(const QString& text, std::vector<int>& out) {
    out.clear();
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& p : parts) {
        bool ok = false;
        const int n = p.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > kMaxHiddenNeurons) return false;
        out.push_back(n);
    }
    return true;
}

bp::NetworkSpec ControlPanel::spec() const {
    bp::NetworkSpec s;
    std::vector<int> hidden;
    parseHidden(m_hidden->text(), hidden);
    s.layers.clear();
    s.layers.push_back(m_inputs);
    s.layers.insert(s.layers.end(), hidden.begin(), hidden.end());
    s.layers.push_back(m_outputs);
    s.hidden = static_cast<bp::Activation>(m_activation->currentData().toInt());
    s.seed = static_cast<std::uint64_t>(m_seed->value());
    return s;
}

bp::TrainOptions ControlPanel::options() const {
    bp::TrainOptions o;
    o.learningRate = learningRate();
    o.epochs = m_epochs->value();
    o.batch = m_batch->value();
    return o;
}

double ControlPanel::learningRate() const {
    return m_rateField->value();
}
double ControlPanel::speed() const {
    return speedAt(speedIndex());
}
int ControlPanel::speedIndex() const {
    return m_fullSpeed->isChecked() ? speedCount() - 1 : m_speed->value();
}
bool ControlPanel::fullSpeed() const {
    return m_fullSpeed->isChecked();
}
int ControlPanel::epochLimit() const {
    return m_stopAfter->isChecked() ? m_epochs->value() : 0;
}
int ControlPanel::density() const {
    return m_density->value();
}
bool ControlPanel::showEdgeValues() const {
    return m_edgeValues->isChecked();
}

void ControlPanel::setSettings(const bp::NetworkSpec& spec, const bp::TrainOptions& options) {
    QStringList hidden;
    for (std::size_t k = 1; k + 1 < spec.layers.size(); ++k)
        hidden << QString::number(spec.layers[k]);
    if (spec.layers.size() >= 2) {
        m_inputs = spec.layers.front();
        m_outputs = spec.layers.back();
    }
    const QSignalBlocker b1(m_hidden), b2(m_activation), b3(m_epochs), b4(m_batch), b5(m_seed);
    // options.epochs is the N of "stop after N epochs" (whether it is on: setEpochLimit).
    m_hidden->setText(hidden.join(QStringLiteral(", ")));
    m_activation->setCurrentIndex(
        std::max(0, m_activation->findData(static_cast<int>(spec.hidden))));
    m_epochs->setValue(options.epochs);
    updateEpochsText();
    m_batch->setValue(options.batch);
    m_seed->setValue(
        static_cast<int>(std::min<std::uint64_t>(spec.seed, std::numeric_limits<int>::max())));
    rememberApplied();
}

void ControlPanel::setLearningRate(double lr) {
    const QSignalBlocker b1(m_rate), b2(m_rateField);
    m_rateField->setValue(lr);
    m_rate->setValue(rateToSlider(lr));
}

void ControlPanel::setSpeedIndex(int index) {
    index = std::clamp(index, 0, speedCount() - 1);
    if (index == speedCount() - 1) {
        setFullSpeed(true);
        return;
    }
    const double before = speed();
    {
        const QSignalBlocker b1(m_speed), b2(m_fullSpeed);
        m_speed->setValue(index);
        m_fullSpeed->setChecked(false);
    }
    updateSpeedLabel();
    if (speed() != before) emit speedChanged(speed());
}

void ControlPanel::setFullSpeed(bool on) {
    m_fullSpeed->setChecked(on);  // toggled → speedChanged
}

void ControlPanel::setEpochLimit(int epochs) {
    const QSignalBlocker b1(m_stopAfter), b2(m_epochs);
    m_stopAfter->setChecked(epochs > 0);
    if (epochs > 0) m_epochs->setValue(epochs);
    m_epochs->setEnabled(epochs > 0);
    updateEpochsText();
}

void ControlPanel::updateEpochsText() {
    m_epochs->setSuffix(tr(" epoch(s)", "after the number of \"Stop after\"", m_epochs->value()));
}

void ControlPanel::setDensity(int edgesPerNeuron) {
    m_density->setValue(edgesPerNeuron);
}

void ControlPanel::updateSpeedLabel() {
    // The slider's pace, also while full speed is on (greyed: what a second click returns to).
    const double s = speedAt(m_speed->value());
    m_speedLabel->setText(paceText(s));
    m_speedLabel->setEnabled(!m_fullSpeed->isChecked());
    m_speedLabel->setToolTip(s > 0 && s <= 2 ? tr("Slow motion: Play shows every phase")
                                             : QString());
}

void ControlPanel::setPlaying(bool playing) {
    m_playing = playing;
    m_play->setText(playing ? tr("Pause") : tr("Play"));
}

QString ControlPanel::phaseText(const bp::Phase& phase, int weightLayers) {
    switch (phase.kind) {
        case bp::PhaseKind::Forward:
            return tr("forward through W%1: X%2 = W%1·O%1, O%2 = sigmoid(X%2)")
                .arg(phase.layer)
                .arg(phase.layer + 1);
        case bp::PhaseKind::OutputError:
            return tr("output error: E%1 = T − O%1").arg(weightLayers);
        case bp::PhaseKind::BackError:
            return tr("error back through W%1: E%1 = W%1ᵀ·E%2")
                .arg(phase.layer)
                .arg(phase.layer + 1);
        case bp::PhaseKind::Update:
            return tr("update W%1: ΔW%1 = α·(E%2∘O%2∘(1−O%2))·O%1ᵀ")
                .arg(phase.layer)
                .arg(phase.layer + 1);
    }
    return {};
}

void ControlPanel::setSnapshot(SnapshotPtr s) {
    if (!s) return;
    m_trained = s->samplesSeen > 0;
    if (s->spec.layers.size() >= 2) {
        m_inputs = s->spec.layers.front();
        m_outputs = s->spec.layers.back();
    }
    m_snapshot = std::move(s);
    showSnapshotText();
}

void ControlPanel::showSnapshotText() {
    const Snapshot* s = m_snapshot.get();
    if (!s) return;
    const int L = s->spec.weightLayers();
    QString phase;
    if (s->lastPhase) phase = tr("Done: %1").arg(phaseText(*s->lastPhase, L));
    if (s->nextPhase) {
        if (!phase.isEmpty()) phase += QLatin1Char('\n');
        phase += tr("Next: %1").arg(phaseText(*s->nextPhase, L));
    }
    m_phase->setText(phase);
    QString sample = tr("no sample");
    if (s->sample >= 0 && s->prediction >= 0) {
        sample = tr("sample %1, label %2, prediction %3")
                     .arg(s->sample)
                     .arg(s->label)
                     .arg(s->prediction);
    } else if (s->sample >= 0) {
        sample = tr("sample %1, label %2").arg(s->sample).arg(s->label);
    }
    // At an epoch's end the trainer's cursor is at sample 0 of the next one: that epoch is
    // finished, the next has not begun.
    QString epoch;
    if (s->sampleInEpoch == 0 && s->epoch > 1 && s->samplesPerEpoch > 0) {
        epoch = tr("Epoch %1 finished: %2 of %2 samples").arg(s->epoch - 1).arg(s->samplesPerEpoch);
    } else {
        epoch = tr("Epoch %1, %2 of %3 samples")
                    .arg(s->epoch)
                    .arg(s->sampleInEpoch)
                    .arg(s->samplesPerEpoch);
    }
    const int seen = static_cast<int>(
        std::min<unsigned long long>(s->samplesSeen, std::numeric_limits<int>::max()));
    const QString trained = seen == 0 ? tr("nothing trained yet")
                                      : tr("%n sample(s) seen, running error %1", nullptr, seen)
                                            .arg(s->runningError, 0, 'f', 4);
    m_progress->setText(epoch + QLatin1Char('\n') + trained + QLatin1Char('\n') + sample);
}

void ControlPanel::setThroughput(double samplesPerSecond) {
    m_throughputValue = samplesPerSecond;
    m_throughput->setText(samplesPerSecond > 0 ? tr("measured: %1").arg(paceText(samplesPerSecond))
                                               : QString());
}

void ControlPanel::apply() {
    std::vector<int> hidden;
    if (!parseHidden(m_hidden->text(), hidden)) {
        QMessageBox::warning(this, tr("Hidden layers"),
                             tr("Write the neurons of each hidden layer separated by commas, "
                                "for example \"100\" or \"200, 50\" (1 to 4096 each)."));
        return;
    }
    if (m_trained) {
        const auto answer = QMessageBox::question(
            this, tr("Replace the trained network?"),
            tr("A new network starts from new random weights; the trained one is lost "
               "(its error curve stays on the chart). Continue?"),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) return;
    }
    rememberApplied();
    emit networkRequested(spec(), options());
}

}  // namespace bps
