#include "lessons/LinearClassifierLesson.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFontMetricsF>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <vector>

#include "views/Palette.h"

namespace bps {
namespace {

const QColor kLadybird{213, 94, 0};      // Okabe–Ito vermillion
const QColor kCaterpillar{0, 158, 115};  // Okabe–Ito bluish green
constexpr int kFadedLines = 6;           // earlier lines drawn

QString n4(double v) {
    return QString::number(v, 'f', 4);
}

}  // namespace

// ---------------------------------------------------------------------------------------- plot

BugPlot::BugPlot(QWidget* parent) : QWidget(parent) {
    setMinimumSize(360, 380);  // fits beside the side panel at 1024×768
    setCursor(Qt::CrossCursor);
    retranslateUi();
}

void BugPlot::retranslateUi() {
    setToolTip(tr("Click to add a bug (right-click: the other kind)"));  // the rest is painted
}

void BugPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void BugPlot::setState(const std::vector<lessons::Bug>* bugs,
                       const lessons::LinearClassifier* model,
                       const std::vector<lessons::LinearStep>* steps) {
    m_bugs = bugs;
    m_model = model;
    m_steps = steps;
    update();
}

QRectF BugPlot::plotRect() const {
    const double side = std::min(width() - 80.0, height() - 70.0);
    return {64.0, 24.0, std::max(50.0, side), std::max(50.0, side)};
}

QPointF BugPlot::toWidget(QPointF d) const {
    const QRectF r = plotRect();
    return {r.left() + d.x() / kMax * r.width(), r.bottom() - d.y() / kMax * r.height()};
}

QPointF BugPlot::toData(QPointF w) const {
    const QRectF r = plotRect();
    return {(w.x() - r.left()) / r.width() * kMax, (r.bottom() - w.y()) / r.height() * kMax};
}

void BugPlot::mousePressEvent(QMouseEvent* e) {
    const QPointF d = toData(e->position());
    if (d.x() < 0 || d.y() < 0 || d.x() > kMax || d.y() > kMax) return;
    emit clicked(d, e->button() == Qt::RightButton);
}

void BugPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette::kBackground);
    const QRectF r = plotRect();
    if (!m_model || !m_bugs || !m_steps) return;

    // The two sides of the line: ladybirds below, caterpillars above.
    auto lineY = [this](double x) { return m_model->lineAt(x); };
    p.save();
    p.setClipRect(r);
    QPolygonF below, above;
    below << toWidget({0, lineY(0)}) << toWidget({kMax, lineY(kMax)}) << toWidget({kMax, -100})
          << toWidget({0, -100});
    above << toWidget({0, lineY(0)}) << toWidget({kMax, lineY(kMax)}) << toWidget({kMax, 100})
          << toWidget({0, 100});
    QColor lb = kLadybird, cp = kCaterpillar;
    lb.setAlpha(28);
    cp.setAlpha(28);
    p.setPen(Qt::NoPen);
    p.setBrush(lb);
    p.drawPolygon(below);
    p.setBrush(cp);
    p.drawPolygon(above);
    p.restore();

    // Grid and axes.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.95);
    p.setFont(small);
    for (int i = 0; i <= 8; ++i) {
        const double v = i * 0.5;
        p.setPen(QPen(QColor(0, 0, 0, i % 2 == 0 ? 40 : 18), 1));
        p.drawLine(toWidget({v, 0}), toWidget({v, kMax}));
        p.drawLine(toWidget({0, v}), toWidget({kMax, v}));
        if (i % 2 == 0) {
            p.setPen(palette::kInk);
            const QPointF bx = toWidget({v, 0});
            p.drawText(QRectF(bx.x() - 20, bx.y() + 4, 40, 18), Qt::AlignCenter,
                       QString::number(v, 'f', 0));
            const QPointF ly = toWidget({0, v});
            p.drawText(QRectF(ly.x() - 34, ly.y() - 9, 28, 18), Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(v, 'f', 0));
        }
    }
    p.setPen(QPen(palette::kInk, 1.5));
    p.drawRect(r);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(r.left(), r.bottom() + 22, r.width(), 20), Qt::AlignCenter, tr("width (x)"));
    p.save();
    p.translate(r.left() - 44, r.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-r.height() / 2, -10, r.height(), 20), Qt::AlignCenter, tr("length (y)"));
    p.restore();

    p.save();
    p.setClipRect(r.adjusted(-1, -1, 1, 1));
    // Earlier lines, faded, oldest lightest.
    const int nSteps = static_cast<int>(m_steps->size());
    const int first = std::max(0, nSteps - kFadedLines);
    p.setFont(small);
    for (int i = first; i < nSteps; ++i) {
        const double kb = (*m_steps)[static_cast<std::size_t>(i)].kBefore;
        const int alpha = 50 + 110 * (i - first + 1) / std::max(1, nSteps - first);
        p.setPen(QPen(QColor(90, 90, 100, alpha), 1.5, Qt::DashLine));
        const QPointF a = toWidget({0, m_model->b()}),
                      b = toWidget({kMax, kb * kMax + m_model->b()});
        p.drawLine(a, b);
    }
    // The current line.
    p.setPen(QPen(palette::kInk, 3));
    p.drawLine(toWidget({0, lineY(0)}), toWidget({kMax, lineY(kMax)}));
    p.restore();
    // Where the texts go, so that none lies on another: the legend (top left), the last step's
    // target and error, then the line's equation where it leaves the plot, or further along it.
    p.setFont(small);
    const QFontMetricsF smallFm(small);
    const QFontMetricsF boldFm(bold);
    const QString ladyText = tr("ladybird (belongs below the line)");
    const QString catText = tr("caterpillar (belongs above it)");
    const QRectF legend(
        r.left() + 10, r.top() + 10,
        36 + std::max(smallFm.horizontalAdvance(ladyText), smallFm.horizontalAdvance(catText)), 50);
    std::vector<QRectF> taken{legend};
    for (const lessons::Bug& bug : *m_bugs) {  // each bug with its "wrong side" ring
        const QPointF c = toWidget({bug.width, bug.length});
        taken.emplace_back(c.x() - 19, c.y() - 19, 38, 38);
    }
    const auto isFree = [&taken, &r](const QRectF& box) {
        if (!r.contains(box)) return false;
        for (const QRectF& t : taken)
            if (t.intersects(box)) return false;
        return true;
    };

    // The last step: the target the line was moved towards and the error E.
    QString targetText, errorText;
    QRectF targetBox, errorBox;
    if (nSteps > 0) {
        const lessons::LinearStep& s = m_steps->back();
        const QPointF y = toWidget({s.x, s.y}), t = toWidget({s.x, s.target});
        targetText = tr("target t = %1").arg(QString::number(s.target, 'f', 2));
        errorText = tr("E = t − y = %1").arg(n4(s.error));
        const double tw = smallFm.horizontalAdvance(targetText) + 4;
        const double ew = smallFm.horizontalAdvance(errorText) + 4;
        // Right of the dotted line, or left of it when the right side has no room.
        const bool left = t.x() + 16 + std::max(tw, ew) > r.right();
        targetBox = QRectF(left ? t.x() - 16 - tw : t.x() + 16, t.y() - 9, tw, 18);
        errorBox = QRectF(left ? t.x() - 16 - ew : t.x() + 16, (t.y() + y.y()) / 2 - 10, ew, 20);
        // A small error puts both labels at the same height: the error's goes on y's side.
        if (errorBox.intersects(targetBox)) {
            if (y.y() >= t.y())
                errorBox.moveTop(targetBox.bottom() + 2);
            else
                errorBox.moveBottom(targetBox.top() - 2);
        }
        taken.push_back(targetBox);
        taken.push_back(errorBox);
        p.setPen(QPen(QColor(0, 114, 178), 2, Qt::DotLine));
        p.drawLine(y, t);
        p.setPen(QPen(QColor(0, 114, 178), 2.5));
        p.drawLine(t + QPointF(-6, -6), t + QPointF(6, 6));
        p.drawLine(t + QPointF(-6, 6), t + QPointF(6, -6));
    }

    // The line's equation: where the line leaves the plot, left or right of that point, else
    // beside the line further in (never on the legend or the step's labels).
    {
        const double k = m_model->k();
        double xe = kMax, ye = lineY(kMax);
        if (ye > kMax && k > 0) {
            xe = (kMax - m_model->b()) / k;
            ye = kMax;
        }
        xe = std::clamp(xe, 0.0, kMax);
        const QPointF at = toWidget({xe, std::clamp(ye, 0.0, kMax)});
        const QString eq =
            m_model->b() == 0
                ? tr("y = %1·x").arg(n4(k))
                : tr("y = %1·x + %2").arg(n4(k), QString::number(m_model->b(), 'f', 2));
        const double w = boldFm.horizontalAdvance(eq) + 12, h = 22;
        std::vector<QRectF> candidates{QRectF(at.x() - w - 5, at.y() + 4, w, h),
                                       QRectF(at.x() + 5, at.y() + 4, w, h)};
        for (double f = 0.85; f > 0.1; f -= 0.15) {
            const QPointF on = toWidget({xe * f, std::clamp(lineY(xe * f), 0.0, kMax)});
            candidates.emplace_back(on.x() + 8, on.y(), w, h);          // below-right of the line
            candidates.emplace_back(on.x() - w - 8, on.y() - h, w, h);  // above-left of it
        }
        QRectF box = candidates.front();
        for (const QRectF& c : candidates)
            if (isFree(c)) {
                box = c;
                break;
            }
        p.setFont(bold);
        p.fillRect(box, QColor(255, 255, 255, 220));
        p.setPen(palette::kInk);
        p.drawText(box, Qt::AlignCenter, eq);
    }
    if (nSteps > 0) {
        p.setFont(small);
        p.setPen(QColor(0, 114, 178));
        p.drawText(errorBox, Qt::AlignLeft | Qt::AlignVCenter, errorText);
        p.drawText(targetBox, Qt::AlignLeft | Qt::AlignVCenter, targetText);
    }

    // The bugs: ladybirds round, caterpillars long (shape carries the kind without colour).
    for (std::size_t i = 0; i < m_bugs->size(); ++i) {
        const lessons::Bug& bug = (*m_bugs)[i];
        const QPointF c = toWidget({bug.width, bug.length});
        const bool wrong = m_model->classify(bug) != bug.kind;
        if (bug.kind == lessons::BugKind::Ladybird) {
            p.setPen(QPen(palette::kInk, 1.5));
            p.setBrush(kLadybird);
            p.drawEllipse(c, 11, 11);
            p.drawLine(c + QPointF(0, -11), c + QPointF(0, 11));
            p.setBrush(palette::kInk);
            p.drawEllipse(c + QPointF(-5, -3), 2.2, 2.2);
            p.drawEllipse(c + QPointF(5, 3), 2.2, 2.2);
        } else {
            p.setPen(QPen(palette::kInk, 1.5));
            p.setBrush(kCaterpillar);
            p.drawRoundedRect(QRectF(c.x() - 6, c.y() - 15, 12, 30), 6, 6);
            p.drawLine(c + QPointF(-6, -5), c + QPointF(6, -5));
            p.drawLine(c + QPointF(-6, 5), c + QPointF(6, 5));
        }
        if (wrong) {
            p.setPen(QPen(QColor(200, 0, 0), 2.5, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(c, 19, 19);
        }
    }

    // Legend.
    p.setFont(small);
    const QPointF lg = legend.topLeft();
    p.fillRect(legend, QColor(255, 255, 255, 215));
    p.setPen(palette::kInk);
    p.setBrush(kLadybird);
    p.drawEllipse(lg + QPointF(12, 14), 7, 7);
    p.drawText(QRectF(lg.x() + 26, lg.y() + 4, legend.width() - 30, 20), Qt::AlignVCenter,
               ladyText);
    p.setBrush(kCaterpillar);
    p.drawRoundedRect(QRectF(lg.x() + 8, lg.y() + 27, 8, 18), 4, 4);
    p.drawText(QRectF(lg.x() + 26, lg.y() + 26, legend.width() - 30, 20), Qt::AlignVCenter,
               catText);
}

// -------------------------------------------------------------------------------------- lesson

LinearClassifierLesson::LinearClassifierLesson(QWidget* parent) : Lesson(parent) {
    m_plot = new BugPlot(this);
    m_plot->setState(&m_bugs, &m_model, &m_steps);

    Texts& t = m_texts;
    auto* next = t.next = new QPushButton(this);
    auto* pass = t.pass = new QPushButton(this);
    auto* again = t.again = new QPushButton(this);
    auto* book = t.book = new QPushButton(this);
    auto* clear = t.clear = new QPushButton(this);
    m_moderate = new QCheckBox(this);
    m_moderate->setChecked(true);
    m_alpha = new QDoubleSpinBox(this);
    m_alpha->setRange(0.01, 1.0);
    m_alpha->setSingleStep(0.05);
    m_alpha->setDecimals(2);
    m_alpha->setValue(0.5);
    m_intercept = new QDoubleSpinBox(this);
    m_intercept->setRange(-2.0, 2.0);
    m_intercept->setSingleStep(0.1);
    m_intercept->setDecimals(2);
    m_intercept->setValue(0.0);
    m_addLadybird = new QRadioButton(this);
    m_addCaterpillar = new QRadioButton(this);
    m_addLadybird->setChecked(true);
    auto* group = new QButtonGroup(this);
    group->addButton(m_addLadybird);
    group->addButton(m_addCaterpillar);

    auto* train = t.trainBox = new QGroupBox(this);
    auto* tl = new QGridLayout(train);
    tl->addWidget(next, 0, 0, 1, 2);
    tl->addWidget(pass, 1, 0, 1, 2);
    tl->addWidget(again, 2, 0, 1, 2);
    tl->addWidget(m_moderate, 3, 0, 1, 2);
    tl->addWidget(t.alphaLabel = new QLabel(this), 4, 0);
    tl->addWidget(m_alpha, 4, 1);
    tl->addWidget(t.interceptLabel = new QLabel(this), 5, 0);
    tl->addWidget(m_intercept, 5, 1);
    auto* dataBox = t.bugsBox = new QGroupBox(this);
    auto* dl = new QGridLayout(dataBox);
    dl->addWidget(t.clickLabel = new QLabel(this), 0, 0);
    dl->addWidget(m_addLadybird, 0, 1);
    dl->addWidget(m_addCaterpillar, 0, 2);
    dl->addWidget(book, 1, 0, 1, 2);
    dl->addWidget(clear, 1, 2);

    m_status = new QLabel(this);
    QFont sf = m_status->font();
    sf.setPointSizeF(sf.pointSizeF() * 1.2);
    sf.setBold(true);
    m_status->setFont(sf);

    m_table = new QTableWidget(0, 7, this);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* side = new QVBoxLayout;
    side->addWidget(m_status);
    side->addWidget(train);
    side->addWidget(dataBox);
    side->addWidget(m_table, 1);
    side->addWidget(explanationPanel());
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_plot, 3);
    layout->addLayout(side, 2);

    connect(next, &QPushButton::clicked, this, [this] { trainNext(); });
    connect(pass, &QPushButton::clicked, this, &LinearClassifierLesson::trainPass);
    connect(again, &QPushButton::clicked, this, &LinearClassifierLesson::restart);
    connect(book, &QPushButton::clicked, this, &LinearClassifierLesson::loadBookBugs);
    connect(clear, &QPushButton::clicked, this, &LinearClassifierLesson::clearBugs);
    connect(m_moderate, &QCheckBox::toggled, this, [this](bool on) {
        m_alpha->setEnabled(on);
        refresh();
    });
    connect(m_intercept, &QDoubleSpinBox::valueChanged, this,
            [this](double b) { setIntercept(b); });
    connect(m_plot, &BugPlot::clicked, this, [this](QPointF d, bool other) {
        const bool lady = m_addLadybird->isChecked() != other;
        addBug({d.x(), d.y(), lady ? lessons::BugKind::Ladybird : lessons::BugKind::Caterpillar});
    });

    loadBookBugs();
    retranslateUi();
}

void LinearClassifierLesson::retranslateUi() {
    const Texts& t = m_texts;
    t.next->setText(tr("Train on the next bug ▶"));
    t.pass->setText(tr("One pass over all bugs ▶▶"));
    t.again->setText(tr("Start again (k = 0.25) ⟲"));
    t.book->setText(tr("The book's two bugs"));
    t.clear->setText(tr("Remove all bugs"));
    t.next->setToolTip(
        tr("Move the line by one step for the next bug: Δk = α·E/x. The table shows the sums"));
    t.pass->setToolTip(tr("Train on every bug once, in order"));
    t.again->setToolTip(
        tr("Put the slope back to the book's k = 0.25 and clear the table; the bugs stay"));
    t.book->setToolTip(tr("Put back the book's two example bugs and start again"));
    t.clear->setToolTip(tr("Start from an empty plot, then click to add your own bugs"));
    m_moderate->setText(tr("Moderate each update with a learning rate α"));
    m_moderate->setToolTip(
        tr("Ticked, each step moves the line only a fraction α of the way. Unticked, the line "
           "fits the last bug exactly and forgets the one before"));
    m_alpha->setToolTip(
        tr("The fraction of each correction that is applied, 0.01 … 1 (the book: 0.5); used "
           "from the next step"));
    m_intercept->setToolTip(
        tr("Where the line crosses the length axis (the book: 0). Training changes only the "
           "slope k"));
    m_addLadybird->setText(tr("ladybird"));
    m_addCaterpillar->setText(tr("caterpillar"));
    m_addLadybird->setToolTip(
        tr("A click on the plot adds a ladybird (right-click: a caterpillar)"));
    m_addCaterpillar->setToolTip(
        tr("A click on the plot adds a caterpillar (right-click: a ladybird)"));
    t.trainBox->setTitle(tr("Training"));
    t.alphaLabel->setText(tr("learning rate α"));
    t.interceptLabel->setText(tr("intercept b in y = kx + b"));
    t.bugsBox->setTitle(tr("Bugs"));
    t.clickLabel->setText(tr("A click adds a"));
    m_table->setHorizontalHeaderLabels({tr("bug"), tr("x"), tr("target t"), tr("y = kx + b"),
                                        tr("E = t − y"), tr("Δk = α·E/x"), tr("new k")});
    setExplanation(tr(
        "<b>The simplest learner: a line.</b> Ladybirds are wide and short, caterpillars narrow "
        "and long. The line y = k·x should keep ladybirds below it and caterpillars above. For "
        "each bug the target t is just past the bug (its length ± 0.1); the error is E = t − y "
        "and the slope moves by Δk = α·E/x.<br><b>Try:</b> train on the book's two bugs with "
        "α = 0.5, then untick <i>Moderate</i> and start again. <b>Notice:</b> without moderation "
        "each step makes the line fit the last bug exactly and forget the one before (k = 2.9 "
        "after two bugs); with α = 0.5 the line ends between them. Click to add bugs; ringed "
        "bugs are on the wrong side."));
    refresh();  // the table's bug names and the status line
}

double LinearClassifierLesson::alpha() const {
    return m_moderate->isChecked() ? m_alpha->value() : 1.0;
}

bool LinearClassifierLesson::trainNext() {
    const int n = static_cast<int>(m_bugs.size());
    for (int tries = 0; tries < n; ++tries) {
        const int i = m_next % n;
        m_next = (m_next + 1) % n;
        if (m_bugs[static_cast<std::size_t>(i)].width < lessons::LinearClassifier::kMinWidth)
            continue;  // Δk = E/x would explode
        m_steps.push_back(m_model.train(m_bugs[static_cast<std::size_t>(i)], i, alpha()));
        refresh();
        return true;
    }
    return false;
}

void LinearClassifierLesson::trainPass() {
    m_next = 0;
    for (std::size_t i = 0; i < m_bugs.size(); ++i) trainNext();
}

void LinearClassifierLesson::restart() {
    m_model.setK(lessons::LinearClassifier::kBookStartK);
    m_steps.clear();
    m_next = 0;
    refresh();
}

void LinearClassifierLesson::loadBookBugs() {
    m_bugs = lessons::LinearClassifier::bookBugs();
    restart();
}

void LinearClassifierLesson::clearBugs() {
    m_bugs.clear();
    restart();
}

void LinearClassifierLesson::addBug(const lessons::Bug& bug) {
    m_bugs.push_back(bug);
    refresh();
}

void LinearClassifierLesson::setModerated(bool on) {
    m_moderate->setChecked(on);
}

void LinearClassifierLesson::setLearningRate(double a) {
    m_alpha->setValue(a);
}

void LinearClassifierLesson::setIntercept(double b) {
    if (m_intercept->value() != b) m_intercept->setValue(b);  // comes back here
    m_model.setB(b);
    refresh();
}

QString LinearClassifierLesson::tableText() const {
    QStringList rows;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_table->columnCount(); ++c)
            cells << (m_table->item(r, c) ? m_table->item(r, c)->text() : QString());
        rows << cells.join(QLatin1Char('\t'));
    }
    return rows.join(QLatin1Char('\n'));
}

void LinearClassifierLesson::refresh() {
    m_table->setRowCount(static_cast<int>(m_steps.size()));
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const lessons::LinearStep& s = m_steps[i];
        const lessons::Bug& bug = m_bugs[static_cast<std::size_t>(s.example)];
        const QStringList cells{
            (bug.kind == lessons::BugKind::Ladybird ? tr("ladybird %1") : tr("caterpillar %1"))
                .arg(s.example + 1),
            QString::number(s.x, 'f', 2),
            QString::number(s.target, 'f', 2),
            n4(s.y),
            n4(s.error),
            n4(s.deltaK),
            n4(s.kAfter)};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(static_cast<int>(i), c, new QTableWidgetItem(cells[c]));
    }
    if (!m_steps.empty()) m_table->scrollToBottom();
    m_status->setText(tr("k = %1   α = %2   right side: %3 of %4 bugs")
                          .arg(n4(m_model.k()), QString::number(alpha(), 'f', 2))
                          .arg(static_cast<int>(std::lround(m_model.accuracy(m_bugs) *
                                                            static_cast<double>(m_bugs.size()))))
                          .arg(m_bugs.size()));
    m_plot->update();
}

QWidget* LinearClassifierLesson::picture() const {
    return m_plot;
}

}  // namespace bps
