// LessonsWindow.h — the lessons: a side bar listing every lesson (LessonRegistry.h, the book's
// order) and the chosen lesson beside it. The studio's main window opens it at a lesson from
// its Lessons menu and connects TrainingController::snapshotReady to setSnapshot(): the newest
// snapshot goes to the visible lesson, and to a lesson when it becomes visible. The studio's
// loaded data sets go to every lesson through setDatasets().
// Compact layout: when the lesson shown is wider than the room the side bar leaves it (a
// 1024×768 projector, presentation mode's larger text), the side bar gives way to a lesson
// picker above the lesson, so the lesson has the window's whole width and does not scroll
// sideways; it comes back when there is room again.
#pragma once

#include <QSize>
#include <QSizePolicy>
#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

#include "document/Exporter.h"
#include "lessons/Lesson.h"
#include "training/Snapshot.h"

class QComboBox;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace bps {

class LessonsWindow : public QWidget {
    Q_OBJECT
  public:
    explicit LessonsWindow(QWidget* parent = nullptr);
    ~LessonsWindow() override;

    // The lesson picker above the lesson instead of the side bar (see above).
    bool isCompact() const { return m_compact; }

    int lessonCount() const { return static_cast<int>(m_lessons.size()); }
    Lesson* lesson(int i) const { return m_lessons[static_cast<std::size_t>(i)]; }
    Lesson* lessonById(const QString& id) const;  // nullptr if none
    Lesson* currentLesson() const;
    int currentIndex() const;
    SnapshotPtr lastSnapshot() const { return m_snapshot; }
    std::shared_ptr<const bp::Dataset> trainingSet() const { return m_train; }
    std::shared_ptr<const bp::Dataset> testSet() const { return m_test; }

  public slots:
    void showLesson(int index);
    bool showLessonById(const QString& id);  // false if there is no such lesson
    // Opens (shows, raises, activates) the window at a lesson.
    void openAt(const QString& id);
    void setSnapshot(SnapshotPtr s);
    // Connects every lesson's offer to the studio (Lesson::connectToStudio); once, by the main
    // window. The connections die with context.
    void connectToStudio(const StudioHooks& studio, QObject* context);
    // The studio's loaded training and test sets (either may be null), handed to every lesson.
    void setDatasets(std::shared_ptr<const bp::Dataset> train,
                     std::shared_ptr<const bp::Dataset> test);
    // Writes the current lesson's picture (Lesson::picture) to path at size; empty string on
    // success, else the message. exportPictureDialog asks for format, size and file first.
    QString exportPicture(const QString& path, QSize size, Exporter::ImageFormat format);
    void exportPictureDialog();

  signals:
    void lessonChanged(const QString& id);

  protected:
    void hideEvent(QHideEvent*) override;      // the visible lesson is deactivated
    void showEvent(QShowEvent*) override;      // and activated again
    void changeEvent(QEvent*) override;        // LanguageChange → retranslateUi()
    void resizeEvent(QResizeEvent*) override;  // side bar or picker (updateCompact)

  private:
    void retranslateUi();  // title, side bar (the lessons' titles), Export button
    void updateCompact();  // compact exactly when the lesson shown needs the side bar's room

    std::vector<Lesson*> m_lessons;                      // owned by m_stack (Qt parent)
    std::vector<QSizePolicy> m_policies;                 // each lesson's own size policy
    QListWidget* m_sideBar = nullptr;                    // lesson titles
    QWidget* m_sidePanel = nullptr;                      // the side bar and Export
    QWidget* m_topBar = nullptr;                         // compact: the picker and Export
    QComboBox* m_picker = nullptr;                       // compact: lesson titles
    bool m_compact = false;                              // the top bar is shown
    QStackedWidget* m_stack = nullptr;                   // one page per lesson
    QPushButton* m_exportButton = nullptr;               // Export picture… (current lesson)
    SnapshotPtr m_snapshot;                              // newest snapshot from the studio
    std::shared_ptr<const bp::Dataset> m_train, m_test;  // the studio's data sets
    int m_active = -1;                                   // lesson that was last activated
};

}  // namespace bps
