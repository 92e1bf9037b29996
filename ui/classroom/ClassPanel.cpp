// ClassPanel.cpp — see ClassPanel.h.
#include "classroom/ClassPanel.h"

#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>

#include "classroom/ClassDialogs.h"
#include "classroom/ClassMode.h"
#include "classroom/ClassTableModel.h"
#include "classroom/QrCode.h"
#include "document/Exporter.h"

namespace bps {

using bp::classroom::StudentSummary;

namespace {
// Qt's header keeps room for the sort arrow in every column; here only the sorted column has
// it, so that seven short columns fit the Class dock beside a projector's network view.
class CompactHeader : public QHeaderView {
  public:
    explicit CompactHeader(QWidget* parent) : QHeaderView(Qt::Horizontal, parent) {}

  protected:
    QSize sectionSizeFromContents(int logical) const override {
        QSize size = QHeaderView::sectionSizeFromContents(logical);
        if (isSortIndicatorShown() && logical != sortIndicatorSection())
            size.rwidth() -= size.height() + style()->pixelMetric(QStyle::PM_HeaderMargin);
        return size;
    }
};
}  // namespace

ClassPanel::ClassPanel(ClassMode* mode, QWidget* parent) : QWidget(parent), m_mode(mode) {
    m_address = new QLabel(this);
    m_code = new QLabel(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    for (QLabel* l : {m_address, m_code, m_summary}) {
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_qr = new QLabel(this);
    m_qr->setAlignment(Qt::AlignCenter);

    m_model = new ClassTableModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ClassTableModel::kSortRole);
    m_table = new QTableView(this);
    m_table->setHorizontalHeader(new CompactHeader(m_table));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ClassTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    // The numbers take what they need, the name the rest (elided, in full in its tooltip), so
    // the table fits the dock's width without scrolling sideways.
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ClassTableModel::Name, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    m_sweep = new SweepPlot(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_table, QString());
    m_tabs->addTab(m_sweep, QString());

    m_sweepButton = new QPushButton(this);
    m_challengeButton = new QPushButton(this);
    m_removeButton = new QPushButton(this);
    m_exportButton = new QPushButton(this);
    m_stopButton = new QPushButton(this);
    connect(m_sweepButton, &QPushButton::clicked, this, &ClassPanel::sweepRequested);
    connect(m_challengeButton, &QPushButton::clicked, this, &ClassPanel::challengeRequested);
    connect(m_removeButton, &QPushButton::clicked, this, &ClassPanel::removeSelected);
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        if (m_tabs->currentWidget() == m_sweep)
            exportSweep();
        else
            exportTable();
    });
    connect(m_stopButton, &QPushButton::clicked, this, &ClassPanel::stopRequested);

    // A column for the right-hand dock (beside the controls), so the error chart with every
    // student's curve keeps the width of the window: address and code large, the QR code and the
    // counts, the commands in two columns, then the table or the sweep's plot.
    auto* banner = new QHBoxLayout;
    banner->addWidget(m_qr, 0, Qt::AlignTop);
    banner->addWidget(m_summary, 1);
    auto* buttons = new QGridLayout;
    buttons->setSpacing(4);
    buttons->addWidget(m_sweepButton, 0, 0);
    buttons->addWidget(m_challengeButton, 0, 1);
    buttons->addWidget(m_removeButton, 1, 0);
    buttons->addWidget(m_exportButton, 1, 1);
    buttons->addWidget(m_stopButton, 2, 0, 1, 2);
    m_table->setMinimumHeight(80);
    m_sweep->setMinimumHeight(80);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(3);
    layout->addWidget(m_address);
    layout->addWidget(m_code);
    layout->addLayout(banner);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);
    retranslateUi();
    refresh();
}

// No mnemonics here: the panel sits in the main window, whose menus own the Alt+letters.
void ClassPanel::retranslateUi() {
    m_tabs->setTabText(0, tr("Class table"));
    m_tabs->setTabText(1, tr("Accuracy against α"));
    m_sweepButton->setText(tr("Class sweep…"));
    m_sweepButton->setToolTip(
        tr("Give every student the same start with a learning rate of their own"));
    m_challengeButton->setText(tr("Challenge…"));
    m_challengeButton->setToolTip(
        tr("Set a goal (accuracy, network size) that every student's studio checks"));
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setToolTip(
        tr("End the selected students' connection; they cannot rejoin under the same key"));
    m_exportButton->setText(tr("Export…"));
    m_exportButton->setToolTip(
        tr("The table as CSV, or the accuracy plot as PNG or SVG (the open tab)"));
    m_stopButton->setText(tr("Stop hosting"));
    m_stopButton->setToolTip(tr("Close the connections and stop listening on the network"));
    m_model->retranslate();
    refresh();
}

void ClassPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

int ClassPanel::preferredWidth() const {
    // Every column at its widest usual value (or its header), the name at 12 letters.
    const QFontMetrics cells = m_table->fontMetrics();
    const QHeaderView* header = m_table->horizontalHeader();
    const QFontMetrics head = header->fontMetrics();
    const int pad = 2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1) + 8;
    const QString widest[ClassTableModel::kColumns] = {
        QStringLiteral("Wwwwwwwwwwww"), QStringLiteral("0.0316"),           QStringLiteral("1000"),
        QStringLiteral("100.0 %"),      QLocale().toString(qint64{600000}), QStringLiteral("✓"),
        ClassTableModel::tr("away")};
    int width = 0;
    for (int c = 0; c < ClassTableModel::kColumns; ++c) {
        const QString title = m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        width += std::max(cells.horizontalAdvance(widest[c]), head.horizontalAdvance(title)) + pad;
    }
    width += head.height() + style()->pixelMetric(QStyle::PM_HeaderMargin);  // the sort arrow
    width += m_table->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * m_table->frameWidth();
    const QMargins m = layout()->contentsMargins();
    return width + m.left() + m.right() + 16;  // the tab widget's frame
}

QString ClassPanel::joinAddress() const {
    return QStringLiteral("%1:%2").arg(ClassMode::roomAddresses().value(0)).arg(m_mode->port());
}

QVector<SweepPlot::Point> ClassPanel::sweepPoints(const QVector<StudentSummary>& students) {
    QVector<SweepPlot::Point> out;
    for (const StudentSummary& s : students) {
        if (!s.hasRun || s.epochResults.isEmpty()) continue;
        double best = -1;
        for (const bp::classroom::Epoch& e : s.epochResults)
            if (!std::isnan(e.testAccuracy)) best = std::max(best, e.testAccuracy);
        if (best >= 0) out.append({s.name, s.run.learningRate, best});
    }
    return out;
}

void ClassPanel::refresh() {
    const QVector<StudentSummary> students = m_mode->students();
    const bp::classroom::Goal goal = m_mode->goal();
    const QString address = joinAddress();
    m_address->setText(tr("Join: %1").arg(address));
    m_code->setText(tr("Code: %1").arg(m_mode->code()));
    // Large enough to read from the back of a room: twice and three times the panel's font.
    QFont big = font();
    big.setBold(true);
    big.setPointSizeF(font().pointSizeF() * 1.5);
    m_address->setFont(big);
    big.setPointSizeF(font().pointSizeF() * 2.4);
    big.setLetterSpacing(QFont::AbsoluteSpacing, font().pointSizeF() * 0.25);
    m_code->setFont(big);
    if (address != m_qrFor) {
        m_qrFor = address;
        const QImage qr = qrCodeImage(address, 3);
        m_qr->setPixmap(QPixmap::fromImage(qr));
    }
    m_qr->setToolTip(tr("QR code of %1").arg(address));  // every time: the language may change
    int connected = 0, met = 0;
    for (const StudentSummary& s : students) {
        connected += s.connected;
        met += s.metGoal;
    }
    qint64 refused = 0;
    for (qint64 c : m_mode->counters()) refused += c;
    QString summary = tr("%n student(s) connected", nullptr, connected);
    if (students.size() > connected)
        summary += QStringLiteral(" · ") +
                   tr("%n away", nullptr, static_cast<int>(students.size() - connected));
    if (refused > 0)
        summary += QStringLiteral(" · ") + tr("%n message(s) refused", nullptr,
                                              static_cast<int>(std::min<qint64>(refused, 1 << 30)));
    if (goal.active)
        summary +=
            QLatin1Char('\n') +
            tr("Challenge: %1 — %2 of %3 met it").arg(goalText(goal)).arg(met).arg(students.size());
    m_summary->setText(summary);
    m_model->setStudents(students, goal.active);
    // Columns that would say nothing are left out: Goal without a challenge, Connection while
    // everyone is connected.
    m_table->setColumnHidden(ClassTableModel::Goal, !goal.active);
    m_table->setColumnHidden(ClassTableModel::Status, connected == students.size());
    m_sweep->setPoints(sweepPoints(students));
    const bool any = !students.isEmpty();
    m_sweepButton->setEnabled(connected > 0);
    m_removeButton->setEnabled(any);
}

void ClassPanel::removeSelected() {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    QStringList names;
    for (const QModelIndex& r : rows) names << r.data().toString();
    QMessageBox box(QMessageBox::Question, tr("Remove students"),
                    tr("Remove %1 from the class?").arg(names.join(QStringLiteral(", "))),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);  // names are plain text
    if (box.exec() != QMessageBox::Yes) return;
    for (const QModelIndex& r : rows)
        m_mode->removeStudent(r.data(ClassTableModel::kIdRole).toInt());
}

void ClassPanel::exportTable() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the class table"), QStringLiteral("class.csv"), tr("CSV (*.csv)"), nullptr,
        QFileDialog::DontUseNativeDialog);
    if (path.isEmpty()) return;
    // The atomic save: a failed export leaves an older file as it was.
    if (const QString e = Exporter::writeTextFile(path, m_model->csv().toUtf8()); !e.isEmpty())
        QMessageBox::warning(this, tr("Export the class table"), e);
}

void ClassPanel::exportSweep() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the accuracy plot"), QStringLiteral("class-sweep.png"),
        tr("PNG image (*.png);;SVG drawing (*.svg)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (path.isEmpty()) return;
    QFont large = font();  // the plot's labels at the size of a 1200 × 750 picture
    large.setPointSizeF(large.pointSizeF() * 1.6);
    const QString e = Exporter::paintToFile(
        path, QSize(1200, 750), Exporter::formatOf(path),
        [this, &large](QPainter& p, const QRect& r) {
            p.setFont(large);
            m_sweep->paint(p, QRectF(r));
        },
        tr("Test accuracy against learning rate α (class sweep)"));
    if (!e.isEmpty()) QMessageBox::warning(this, tr("Export the accuracy plot"), e);
}

}  // namespace bps
