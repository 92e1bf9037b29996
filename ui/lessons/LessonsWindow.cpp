#include "lessons/LessonsWindow.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

#include "document/ExportDialog.h"
#include "document/Exporter.h"
#include "lessons/LessonRegistry.h"
#include "shell/ScreenFit.h"

namespace bps {

LessonsWindow::LessonsWindow(QWidget* parent) : QWidget(parent, Qt::Window) {
    m_sideBar = new QListWidget(this);
    m_sideBar->setObjectName(QStringLiteral("lessonSideBar"));
    m_sideBar->setMinimumWidth(230);
    m_sideBar->setMaximumWidth(300);
    m_sideBar->setWordWrap(true);
    // titles wrap to the bar's width: it never scrolls sideways (it did by a few pixels)
    m_sideBar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sideBar->setSpacing(3);
    m_sideBar->setStyleSheet(
        QStringLiteral("QListWidget#lessonSideBar::item { padding: 6px 4px; }"));
    QFont f = m_sideBar->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_sideBar->setFont(f);
    m_stack = new QStackedWidget(this);

    std::vector<std::unique_ptr<Lesson>> made = makeLessons();
    for (std::unique_ptr<Lesson>& l : made) {
        Lesson* raw = l.release();
        m_stack->addWidget(raw);  // the stack owns it
        auto* item = new QListWidgetItem(m_sideBar);
        item->setData(Qt::UserRole, raw->id());
        m_lessons.push_back(raw);
        m_policies.push_back(raw->sizePolicy());
    }
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("lessonExportPicture"));
    connect(m_exportButton, &QPushButton::clicked, this, &LessonsWindow::exportPictureDialog);
    m_sidePanel = new QWidget(this);
    auto* side = new QVBoxLayout(m_sidePanel);
    side->setContentsMargins(0, 0, 0, 0);
    side->addWidget(m_sideBar, 1);
    side->addWidget(m_exportButton);
    // Compact: the lessons in a picker above the lesson (Export beside it).
    m_topBar = new QWidget(this);
    m_topBar->setObjectName(QStringLiteral("lessonTopBar"));
    m_picker = new QComboBox(m_topBar);
    m_picker->setObjectName(QStringLiteral("lessonPicker"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (int i = 0; i < lessonCount(); ++i) m_picker->addItem(QString());
    auto* top = new QHBoxLayout(m_topBar);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_picker);
    top->addStretch(1);
    m_topBar->hide();
    // A lesson wider or taller than a projector's screen scrolls inside the window, which itself
    // always fits the screen (shell/ScreenFit.h).
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("lessonScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_stack);
    auto* body = new QHBoxLayout;
    body->addWidget(m_sidePanel);
    body->addWidget(scroll, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_topBar);
    layout->addLayout(body, 1);
    connect(m_picker, &QComboBox::currentIndexChanged, this, &LessonsWindow::showLesson);
    connect(m_sideBar, &QListWidget::currentRowChanged, this, &LessonsWindow::showLesson);
    if (!m_lessons.empty()) showLesson(0);
    retranslateUi();
    restoreFittedGeometry(this, QStringLiteral("lessons/geometry"), QSize(1440, 880));
}

LessonsWindow::~LessonsWindow() = default;

void LessonsWindow::retranslateUi() {
    setWindowTitle(tr("Backprop Studio — Lessons"));
    for (int i = 0; i < lessonCount(); ++i) {  // title() asks tr() each time
        const QString title = QStringLiteral("%1. %2").arg(i + 1).arg(lesson(i)->title());
        m_sideBar->item(i)->setText(title);
        m_picker->setItemText(i, title);
    }
    m_picker->setToolTip(tr("Choose a lesson (the list at the side, when the window is narrow)"));
    m_exportButton->setText(tr("Export picture…"));
    m_exportButton->setToolTip(
        tr("Save this lesson's picture (its chart, plot or network) as PNG or SVG, at a size "
           "you choose, for slides and worksheets"));
}

void LessonsWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

Lesson* LessonsWindow::lessonById(const QString& id) const {
    for (Lesson* l : m_lessons)
        if (l->id() == id) return l;
    return nullptr;
}

Lesson* LessonsWindow::currentLesson() const {
    const int i = currentIndex();
    return i >= 0 ? m_lessons[static_cast<std::size_t>(i)] : nullptr;
}

int LessonsWindow::currentIndex() const {
    return m_stack->currentIndex();
}

void LessonsWindow::showLesson(int index) {
    if (index < 0 || index >= lessonCount()) return;
    if (m_sideBar->currentRow() != index) {
        const QSignalBlocker block(m_sideBar);
        m_sideBar->setCurrentRow(index);
    }
    if (m_picker->currentIndex() != index) {
        const QSignalBlocker block(m_picker);
        m_picker->setCurrentIndex(index);
    }
    const int previous = m_stack->currentIndex();
    if (m_active >= 0 && m_active != index) {
        m_lessons[static_cast<std::size_t>(m_active)]->deactivated();
        m_active = -1;
    }
    // The stack is as large as the lesson shown, not as the largest of all: the hidden ones
    // ignore their size (else every lesson scrolls sideways for the widest one's sake).
    for (int i = 0; i < lessonCount(); ++i)
        m_lessons[static_cast<std::size_t>(i)]->setSizePolicy(
            i == index ? m_policies[static_cast<std::size_t>(i)]
                       : QSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored));
    m_stack->setCurrentIndex(index);
    Lesson* l = m_lessons[static_cast<std::size_t>(index)];
    m_exportButton->setEnabled(l->picture() != nullptr);
    if (m_snapshot) l->setSnapshot(m_snapshot);
    if (isVisible() && m_active != index) {
        l->activated();
        m_active = index;
    }
    updateCompact();
    if (previous != index) emit lessonChanged(l->id());
}

void LessonsWindow::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    updateCompact();
}

void LessonsWindow::updateCompact() {
    const Lesson* l = currentLesson();
    if (!l || !m_sidePanel) return;
    // The room the lesson has beside the side bar (margins, spacing, a vertical scroll bar).
    const int need = l->minimumSizeHint().expandedTo(l->minimumSize()).width();
    const int sideBar = m_sidePanel->minimumSizeHint().width() + layout()->spacing();
    const int besideSideBar =
        width() - 8 - sideBar - style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const bool compact = need > besideSideBar;
    if (compact == m_compact) return;
    m_compact = compact;
    // Export picture… goes with the lesson titles (one button, in the panel shown).
    if (compact)
        static_cast<QHBoxLayout*>(m_topBar->layout())->addWidget(m_exportButton);
    else
        static_cast<QVBoxLayout*>(m_sidePanel->layout())->addWidget(m_exportButton);
    m_sidePanel->setVisible(!compact);
    m_topBar->setVisible(compact);
}

bool LessonsWindow::showLessonById(const QString& id) {
    for (int i = 0; i < lessonCount(); ++i) {
        if (m_lessons[static_cast<std::size_t>(i)]->id() == id) {
            showLesson(i);
            return true;
        }
    }
    return false;
}

void LessonsWindow::openAt(const QString& id) {
    showLessonById(id);
    show();
    raise();
    activateWindow();
}

void LessonsWindow::setSnapshot(SnapshotPtr s) {
    m_snapshot = std::move(s);
    if (Lesson* l = currentLesson(); l && isVisible()) l->setSnapshot(m_snapshot);
}

void LessonsWindow::connectToStudio(const StudioHooks& studio, QObject* context) {
    for (Lesson* l : m_lessons) l->connectToStudio(studio, context);
}

void LessonsWindow::setDatasets(std::shared_ptr<const bp::Dataset> train,
                                std::shared_ptr<const bp::Dataset> test) {
    m_train = std::move(train);
    m_test = std::move(test);
    for (Lesson* l : m_lessons) l->setDatasets(m_train, m_test);
}

QString LessonsWindow::exportPicture(const QString& path, QSize size,
                                     Exporter::ImageFormat format) {
    const Lesson* l = currentLesson();
    QWidget* picture = l ? l->picture() : nullptr;
    if (!picture) return tr("This lesson has no picture to export.");
    return Exporter::exportWidget(*picture, path, size, format);
}

void LessonsWindow::exportPictureDialog() {
    const Lesson* l = currentLesson();
    if (!l || !l->picture()) return;
    ExportDialog dialog(tr("Export the lesson's picture"), QStringLiteral("lesson-") + l->id(),
                        QSize(1600, 1000), this);
    if (dialog.exec() != QDialog::Accepted) return;
    if (const QString e = exportPicture(dialog.path(), dialog.imageSize(), dialog.format());
        !e.isEmpty())
        QMessageBox::warning(this, tr("Export"), e);
}

void LessonsWindow::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    const int i = currentIndex();
    if (i >= 0 && m_active != i) {
        Lesson* l = m_lessons[static_cast<std::size_t>(i)];
        if (m_snapshot) l->setSnapshot(m_snapshot);
        l->activated();
        m_active = i;
    }
}

void LessonsWindow::hideEvent(QHideEvent* e) {
    QWidget::hideEvent(e);
    saveFittedGeometry(this, QStringLiteral("lessons/geometry"));
    if (m_active >= 0) m_lessons[static_cast<std::size_t>(m_active)]->deactivated();
    m_active = -1;
}

}  // namespace bps
