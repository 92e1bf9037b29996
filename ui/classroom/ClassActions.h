// ClassActions.h — class mode in a studio window: the Class menu (Host a class…, Join a class…,
// Stop hosting, Leave the class), the teacher's class panel (a dock) and every student's curve
// over the window's error chart, and for a student the class line in the status bar (joined or
// waiting, the teacher's goal and whether this studio's run meets it) and the sessions the
// teacher sends, opened through the window's SessionManager as any session is.
//
// Per window (a re-created window makes a new one); the class itself lives in ClassMode, which
// outlives windows.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;

namespace bps {

class ClassMode;
class ClassPanel;
class ErrorPlot;
class SessionManager;
class TrainingController;

class ClassActions : public QObject {
    Q_OBJECT
  public:
    struct Parts {
        QMainWindow* window = nullptr;
        TrainingController* controller = nullptr;
        ErrorPlot* plot = nullptr;
        SessionManager* sessions = nullptr;
    };
    explicit ClassActions(const Parts& parts, QObject* parent = nullptr);

    // Fills the (empty) Class menu.
    void fillMenu(QMenu* menu);
    // The dock with the class panel (hidden unless hosting); the window places it.
    QDockWidget* dock() const { return m_dock; }
    ClassPanel* panel() const { return m_panel; }
    ClassMode* mode() const { return m_mode; }
    QLabel* statusLabel() const { return m_status; }

    // What the menu items do (also for the command line and tests).
    QString host(quint16 port, const QString& code);
    void askHost();
    void askJoin();
    void askSweep();
    void askChallenge();
    void retranslateUi();

  private:
    void onRoleChanged();
    void showDock();  // the teacher's panel, raised and wide enough for the table
    void onClassChanged();
    void updateStudentStatus();
    bool eventFilter(QObject* watched, QEvent* event) override;  // the window's LanguageChange

    Parts m_parts;
    ClassMode* m_mode = nullptr;    // the studio's (outlives this window)
    QDockWidget* m_dock = nullptr;  // the teacher's class panel
    ClassPanel* m_panel = nullptr;
    QLabel* m_status = nullptr;  // status bar: the student's class line
    QPointer<QMenu> m_menu;      // Class
    QAction* m_hostAction = nullptr;
    QAction* m_joinAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_leaveAction = nullptr;
    QAction* m_sweepAction = nullptr;
    QAction* m_challengeAction = nullptr;
    QTimer m_overlayTimer;  // coalesces the chart's overlays (≤ 2 Hz)
    QString m_notice;       // the last thing the teacher sent, in words
};

}  // namespace bps
