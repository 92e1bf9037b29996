// TimelineBar.cpp — the checkpoints slider, its buttons, the diagnosis row and the banner.
#include "views/TimelineBar.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "views/ControlPanel.h"

namespace bps {

namespace {

constexpr int kViewCoalesceMs = 60;             // a drag asks for at most one checkpoint this often
const QColor kTroubleColour(0xc6, 0x28, 0x28);  // the trouble's moment (red)
const QColor kGoodColour(0x2e, 0x7d, 0x32);     // the last good checkpoint (green)
const QColor kViewingColour(0xff, 0xe0, 0x82);  // "not the live network" (amber)

QString grouped(std::uint64_t n) {
    return QLocale().toString(static_cast<qulonglong>(n));
}

QString num(double v) {
    return QLocale().toString(v, 'g', 3);
}

}  // namespace

// A one-line label that elides its text to its width; the whole text is its tooltip.
class ElidedLabel : public QLabel {
  public:
    void setFullText(const QString& text) {
        m_full = text;
        setToolTip(text);
        setAccessibleName(text);
        elide();
    }
    const QString& fullText() const { return m_full; }
    QSize minimumSizeHint() const override { return {0, QLabel::minimumSizeHint().height()}; }

  protected:
    void resizeEvent(QResizeEvent* event) override {
        QLabel::resizeEvent(event);
        elide();
    }
    void changeEvent(QEvent* event) override {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::FontChange) elide();
    }

  private:
    void elide() {
        QString shown = fontMetrics().elidedText(m_full, Qt::ElideRight, width());
        if (shown == QStringLiteral("\u2026")) shown.clear();  // no room: nothing, not a lone "…"
        if (shown != text()) setText(shown);
    }
    QString m_full;  // the text before eliding
};

// A slider that marks two positions under its groove: the trouble (red) and the last good
// checkpoint (green).
class TimelineSlider : public QSlider {
  public:
    TimelineSlider() : QSlider(Qt::Horizontal) {}
    int troubleIndex = -1;   // slider value marked red, −1 none
    int lastGoodIndex = -1;  // slider value marked green, −1 none

  protected:
    void paintEvent(QPaintEvent* event) override {
        QSlider::paintEvent(event);
        if (troubleIndex < 0 && lastGoodIndex < 0) return;
        QStyleOptionSlider opt;
        initStyleOption(&opt);
        const QRect groove =
            style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
        const QRect handle =
            style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
        const int span = groove.width() - handle.width();
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        auto mark = [&](int value, const QColor& c) {
            if (value < 0) return;
            const int x = groove.x() + handle.width() / 2 +
                          QStyle::sliderPositionFromValue(minimum(), maximum(), value, span);
            const int h = std::max(4, height() / 4);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            const QPointF tri[3] = {QPointF(x, height() - h - 1),
                                    QPointF(x - h * 0.7, height() - 1),
                                    QPointF(x + h * 0.7, height() - 1)};
            p.drawPolygon(tri, 3);
            p.fillRect(QRectF(x - 1, 0, 2, h), c);
        };
        mark(lastGoodIndex, kGoodColour);
        mark(troubleIndex, kTroubleColour);
    }
};

TimelineBar::TimelineBar(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("TimelineBar"));
    setAutoFillBackground(true);
    m_slider = new TimelineSlider;
    m_slider->setObjectName(QStringLiteral("timelineSlider"));
    m_slider->setFocusPolicy(Qt::StrongFocus);
    m_slider->setRange(0, 0);
    m_slider->setPageStep(10);
    m_title = new QLabel;
    m_title->setBuddy(m_slider);
    m_state = new ElidedLabel;
    m_state->setObjectName(QStringLiteral("timelineState"));
    m_state->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_live = new QPushButton;
    m_live->setObjectName(QStringLiteral("timelineLive"));
    m_resume = new QPushButton;
    m_resume->setObjectName(QStringLiteral("timelineResume"));
    m_branch = new QPushButton;
    m_branch->setObjectName(QStringLiteral("timelineBranch"));
    m_replay = new QPushButton;
    m_replay->setObjectName(QStringLiteral("timelineReplay"));
    m_rateLabel = new QLabel;
    m_rate = new QDoubleSpinBox;
    m_rate->setObjectName(QStringLiteral("timelineRate"));
    m_rate->setDecimals(4);
    m_rate->setRange(ControlPanel::kMinRate, ControlPanel::kMaxRate);  // the controls' range
    m_rate->setSingleStep(0.01);
    m_rate->setValue(0.1);
    m_rateLabel->setBuddy(m_rate);
    m_diagnosis = new ElidedLabel;
    m_diagnosis->setObjectName(QStringLiteral("timelineDiagnosis"));
    m_diagnosis->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QPalette troublePal = m_diagnosis->palette();
    troublePal.setColor(QPalette::WindowText, kTroubleColour);
    m_diagnosis->setPalette(troublePal);
    QFont bold = m_diagnosis->font();
    bold.setBold(true);
    m_diagnosis->setFont(bold);
    m_rewind = new QPushButton;
    m_rewind->setObjectName(QStringLiteral("timelineRewind"));

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title);
    top->addWidget(m_slider, 3);
    top->addWidget(m_live);
    // Shown while a checkpoint is viewed: the live bar is one row, so the chart keeps its room.
    m_actionsRow = new QWidget;
    auto* actions = new QHBoxLayout(m_actionsRow);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(m_resume);
    actions->addWidget(m_branch);
    actions->addWidget(m_rateLabel);
    actions->addWidget(m_rate);
    actions->addWidget(m_replay);
    actions->addWidget(m_state, 1);
    m_troubleRow = new QWidget;
    auto* trouble = new QHBoxLayout(m_troubleRow);
    trouble->setContentsMargins(0, 0, 0, 0);
    trouble->addWidget(m_diagnosis, 1);
    trouble->addWidget(m_rewind, 0, Qt::AlignTop);
    m_troubleRow->hide();
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(4, 2, 4, 2);
    rows->setSpacing(2);
    rows->addLayout(top);
    rows->addWidget(m_actionsRow);
    rows->addWidget(m_troubleRow);

    m_viewTimer = new QTimer(this);
    m_viewTimer->setSingleShot(true);
    m_viewTimer->setInterval(kViewCoalesceMs);
    connect(m_viewTimer, &QTimer::timeout, this, &TimelineBar::sendView);
    connect(m_slider, &QSlider::valueChanged, this, [this] {
        if (!m_settingSlider) m_viewTimer->start();
    });
    // A click or key press is sent at once; a drag's positions are coalesced.
    connect(m_slider, &QSlider::sliderReleased, this, &TimelineBar::sendView);
    connect(m_live, &QPushButton::clicked, this, [this] {
        m_viewTimer->stop();
        emit liveRequested();
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_viewing) emit resumeRequested(m_viewedSample);
    });
    connect(m_branch, &QPushButton::clicked, this, [this] {
        if (m_viewing) emit branchRequested(m_viewedSample, m_rate->value());
    });
    connect(m_replay, &QPushButton::clicked, this,
            [this] { emit replayRequested(m_rate->value()); });
    connect(m_rewind, &QPushButton::clicked, this, [this] {
        if (!m_timeline || m_timeline->trouble.trouble == bp::Trouble::None) return;
        const bp::CheckpointPtr cp = m_timeline->atOrBefore(m_timeline->trouble.lastGoodSample);
        if (cp) emit viewRequested(cp->sample());
    });
    retranslateUi();
    updateState();
}

TimelineBar::~TimelineBar() = default;

QSlider* TimelineBar::slider() const {
    return m_slider;
}

QLabel* TimelineBar::stateLabel() const {
    return m_state;
}

QLabel* TimelineBar::diagnosisLabel() const {
    return m_diagnosis;
}

int TimelineBar::checkpointCount() const {
    return m_timeline ? static_cast<int>(m_timeline->checkpoints.size()) : 0;
}

int TimelineBar::indexOf(std::uint64_t sample) const {
    if (!m_timeline) return -1;
    int best = -1;
    for (std::size_t i = 0; i < m_timeline->checkpoints.size(); ++i)
        if (m_timeline->checkpoints[i]->sample() <= sample) best = static_cast<int>(i);
    return best;
}

int TimelineBar::troubleIndex() const {
    return m_slider->troubleIndex;
}

int TimelineBar::lastGoodIndex() const {
    return m_slider->lastGoodIndex;
}

void TimelineBar::setTimeline(RunTimelinePtr timeline) {
    m_timeline = std::move(timeline);
    updateState();
}

void TimelineBar::setSnapshot(SnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    if (!m_snapshot) return;
    const bool viewing = !m_snapshot->live;
    const bool changed = viewing != m_viewing || m_viewedSample != m_snapshot->samplesSeen;
    m_viewing = viewing;
    m_viewedSample = viewing ? m_snapshot->samplesSeen : 0;
    if (changed) updateState();
}

void TimelineBar::setLearningRate(double lr) {
    if (lr > 0 && std::isfinite(lr)) m_rate->setValue(lr);
}

void TimelineBar::sendView() {
    m_viewTimer->stop();
    const int n = checkpointCount();
    const int v = m_slider->value();
    if (v >= n) {
        if (m_viewing) emit liveRequested();
        return;
    }
    const std::uint64_t sample = m_timeline->checkpoints[static_cast<std::size_t>(v)]->sample();
    if (!m_viewing || sample != m_viewedSample) emit viewRequested(sample);
}

QString TimelineBar::headline(const bp::Diagnosis& d) {
    switch (d.trouble) {
        case bp::Trouble::None:
            return {};
        case bp::Trouble::Diverges:
            if (d.nonFinite)
                return tr("Diverged at sample %1: a weight or output became NaN or ∞ (α %2)")
                    .arg(grouped(d.atSample), num(d.learningRate));
            return tr("Diverges: the largest weight grew from %1 to %2 since sample %3 (α %4)")
                .arg(num(d.weightThen), num(d.weightNow), grouped(d.sinceSample),
                     num(d.learningRate));
        case bp::Trouble::Stalls:
            if (2 * (d.saturated + d.dead) > d.hidden && d.hidden > 0)
                return (d.dead > d.saturated
                            ? tr("Stalls: %1 of %2 hidden neurons dead, error flat between %3 "
                                 "and %4 (α %5)")
                            : tr("Stalls: %1 of %2 hidden neurons saturated, error flat between "
                                 "%3 and %4 (α %5)"))
                    .arg(QString::number(d.saturated + d.dead), QString::number(d.hidden),
                         num(d.errorLow), num(d.errorHigh), num(d.learningRate));
            return tr("Stalls: all %1 output neurons saturated, error flat between %2 and %3 "
                      "(α %4)")
                .arg(QString::number(d.outputs), num(d.errorLow), num(d.errorHigh),
                     num(d.learningRate));
        case bp::Trouble::Oscillates:
            return tr("Oscillates: the error turned %1 times between %2 and %3 since sample %4 "
                      "(α %5)")
                .arg(QString::number(d.reversals), num(d.errorLow), num(d.errorHigh),
                     grouped(d.sinceSample), num(d.learningRate));
    }
    return {};
}

QString TimelineBar::describe(const bp::Diagnosis& d) {
    const QString layer = QStringLiteral("W<sub>%1</sub>").arg(d.weightLayer);
    QString s;
    switch (d.trouble) {
        case bp::Trouble::None:
            return {};
        case bp::Trouble::Diverges:
            if (d.nonFinite) {
                s = tr("<b>Training diverged</b> at sample %1: a weight or an output became NaN "
                       "or infinite (α %2). The largest weight had grown from %3 at sample %4 to "
                       "%5 (in %6).")
                        .arg(grouped(d.atSample), num(d.learningRate), num(d.weightThen),
                             grouped(d.sinceSample), num(d.weightNow), layer);
            } else {
                s = tr("<b>Training diverges</b>: the largest weight (in %1) grew from %2 to %3 "
                       "since sample %4, while the error on the probe samples is worse than its "
                       "best, %5 (now %6); %7 of %8 hidden neurons are saturated (α %9).")
                        .arg(layer, num(d.weightThen), num(d.weightNow), grouped(d.sinceSample),
                             num(d.errorLow), num(d.errorNow), QString::number(d.saturated),
                             QString::number(d.hidden), num(d.learningRate));
            }
            break;
        case bp::Trouble::Stalls:
            if (2 * (d.saturated + d.dead) > d.hidden && d.hidden > 0) {
                s = (d.dead > d.saturated
                         ? tr("<b>Training stalls</b>: since sample %1 the error on the probe "
                              "samples has stayed between %2 and %3 while %4 of %5 hidden "
                              "neurons are dead (ReLU output 0 for every probe sample; α %6).")
                         : tr("<b>Training stalls</b>: since sample %1 the error on the probe "
                              "samples has stayed between %2 and %3 while %4 of %5 hidden "
                              "neurons are saturated (slope f′ < 0.01: their updates hardly move "
                              "them; α %6)."))
                        .arg(grouped(d.sinceSample), num(d.errorLow), num(d.errorHigh),
                             QString::number(d.saturated + d.dead), QString::number(d.hidden),
                             num(d.learningRate));
            } else {
                s = tr("<b>Training stalls</b>: since sample %1 the error on the probe samples "
                       "has stayed between %2 and %3 while all %4 output neurons are saturated "
                       "(slope f′ < 0.01; α %5).")
                        .arg(grouped(d.sinceSample), num(d.errorLow), num(d.errorHigh),
                             QString::number(d.outputs), num(d.learningRate));
            }
            if (d.weightNow >= 10 * d.weightThen)
                s += QLatin1Char(' ') + tr("The largest weight (in %1) had grown from %2 to %3.")
                                            .arg(layer, num(d.weightThen), num(d.weightNow));
            break;
        case bp::Trouble::Oscillates:
            s = tr("<b>Training oscillates</b>: since sample %1 the error on the probe samples "
                   "has turned %2 times between %3 and %4 without a new low (α %5).")
                    .arg(grouped(d.sinceSample), QString::number(d.reversals), num(d.errorLow),
                         num(d.errorHigh), num(d.learningRate));
            break;
    }
    s += QLatin1Char(' ') + tr("The last good checkpoint is at sample %1: rewind there and lower "
                               "the learning rate.")
                                .arg(grouped(d.lastGoodSample));
    return s;
}

void TimelineBar::updateState() {
    const int n = checkpointCount();
    m_settingSlider = true;
    m_slider->setRange(0, n);  // n = live
    if (m_slider->isSliderDown()) {
        // a person drags it: leave the handle where the hand is
    } else if (m_viewing) {
        const int i = indexOf(m_viewedSample);
        m_slider->setValue(i < 0 ? n : i);
    } else if (!m_slider->isSliderDown() && !m_viewTimer->isActive()) {
        m_slider->setValue(n);
    }
    m_settingSlider = false;
    m_slider->setEnabled(n > 0);

    const std::uint64_t live =
        m_snapshot ? m_snapshot->liveSamplesSeen : (m_timeline ? m_timeline->liveSample : 0);
    if (m_viewing && m_snapshot) {
        m_state->setFullText(tr("Not the live network: sample %1 of %2 (epoch %3, error %4)")
                                 .arg(grouped(m_viewedSample), grouped(live))
                                 .arg(m_snapshot->epoch)
                                 .arg(num(m_snapshot->runningError)));
    } else {
        m_state->setFullText(tr("Live network · %n checkpoint(s)", nullptr, n));
    }
    m_live->setVisible(m_viewing);
    m_actionsRow->setVisible(m_viewing);
    m_resume->setEnabled(m_viewing);
    m_branch->setEnabled(m_viewing);
    m_replay->setEnabled(n > 0);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, m_viewing ? kViewingColour : QPalette().color(QPalette::Window));
    pal.setColor(QPalette::WindowText,
                 m_viewing ? QColor(Qt::black) : QPalette().color(QPalette::WindowText));
    setPalette(pal);

    const bp::Diagnosis* d = m_timeline && m_timeline->trouble.trouble != bp::Trouble::None
                                 ? &m_timeline->trouble
                                 : nullptr;
    m_slider->troubleIndex = d ? indexOf(d->atSample) : -1;
    m_slider->lastGoodIndex = d ? indexOf(d->lastGoodSample) : -1;
    m_slider->update();
    m_troubleRow->setVisible(d != nullptr);
    if (d) {
        m_diagnosis->setFullText(headline(*d));
        m_diagnosis->setToolTip(describe(*d));  // the whole story, with every number
        const bp::CheckpointPtr cp = m_timeline->atOrBefore(d->lastGoodSample);
        m_rewind->setText(tr("Re&wind to %1").arg(grouped(cp ? cp->sample() : 0)));
    }
    if (m_banner) {
        m_banner->setVisible(m_viewing);
        m_banner->setText(tr("Not the live network — as it was at sample %1. Live returns to it.")
                              .arg(grouped(m_viewedSample)));
        placeBanner();
    }
}

void TimelineBar::attachBanner(QWidget* view) {
    m_banner = new QLabel(view);
    m_banner->setObjectName(QStringLiteral("notLiveBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette pal = m_banner->palette();
    pal.setColor(QPalette::Window, kViewingColour);
    pal.setColor(QPalette::WindowText, Qt::black);
    m_banner->setPalette(pal);
    m_banner->setMargin(2);
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setAttribute(Qt::WA_TransparentForMouseEvents);
    view->installEventFilter(this);
    updateState();
}

void TimelineBar::placeBanner() {
    if (!m_banner || !m_banner->parentWidget()) return;
    // Across the top of the view, over its caption line (which tells the live network's phase,
    // not the one shown), above the layer titles.
    QWidget* view = m_banner->parentWidget();
    m_banner->setGeometry(0, 0, view->width(), m_banner->sizeHint().height());
    m_banner->raise();
}

bool TimelineBar::eventFilter(QObject* watched, QEvent* event) {
    if (m_banner && watched == m_banner->parentWidget() && event->type() == QEvent::Resize)
        placeBanner();
    return QWidget::eventFilter(watched, event);
}

void TimelineBar::retranslateUi() {
    m_title->setText(tr("Ti&meline"));
    m_slider->setToolTip(
        tr("The run's checkpoints, a tenth of an epoch apart (thinned as the "
           "run grows); the right end is the live network. Drag back to see "
           "the network as it was then."));
    m_slider->setAccessibleName(tr("Timeline of the run"));
    m_live->setText(tr("L&ive"));
    m_live->setToolTip(tr("Show the live network again"));
    m_resume->setText(tr("Res&ume"));
    m_resume->setToolTip(
        tr("Training continues from this checkpoint with the learning rate it "
           "had; what came after it is dropped"));
    m_rateLabel->setText(tr("α"));
    m_rate->setToolTip(tr("Learning rate of a branch or a replay"));
    m_branch->setText(tr("&Branch"));
    m_branch->setToolTip(
        tr("A new run from this checkpoint's weights at the learning rate in "
           "the box, drawn beside this one"));
    m_replay->setText(tr("Repla&y"));
    m_replay->setToolTip(
        tr("A new run from the same initial weights and sample order at the "
           "learning rate in the box"));
    m_rewind->setToolTip(tr("Show the last good checkpoint; then resume or branch from it"));
    updateState();
}

void TimelineBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace bps
