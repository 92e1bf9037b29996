// SessionActions.h — the studio's sessions in the File menu: Open session…, Save session, Save
// session as…, Session title…, Recent sessions; a file named on the command line opened by its
// content; autosave, and the recovery offer after a crash. It owns the SessionManager (what a
// session holds and how it is read and written) and adds to it what lives in the controls
// (speed, edges per neuron).
#pragma once

#include <QObject>
#include <QString>

#include "document/StudioParts.h"

class QAction;
class QMenu;

namespace bps {

class SessionManager;

class SessionActions : public QObject {
    Q_OBJECT
  public:
    using Parts = StudioParts;

    explicit SessionActions(const Parts& parts, QObject* parent = nullptr);

    // File menu entries (before `before`, or at the end when null).
    void addActions(QMenu* file, QAction* before = nullptr);
    // The entries' texts in the current language (the window's retranslateUi calls it).
    void retranslate();

    // After the window is shown: offer the autosaved session if the last run crashed (and
    // offerRecovery: no file was named on the command line), mark this run as running, start
    // the autosave.
    void startUp(bool offerRecovery = true);
    // On a normal exit: the next start will not offer recovery.
    void shutDown();

    // Opens a session or a model file (by content); empty string on success, else the message.
    QString openDocument(const QString& path);

    SessionManager* manager() const { return m_sessions; }

  signals:
    // A line for the status bar ("Session saved automatically"), shown for `ms`.
    void message(const QString& text, int ms);

  public slots:
    void openSessionDialog();
    bool saveSession();       // to the current file, else asks
    bool saveSessionAs();     // asks for a file
    void editSessionTitle();  // File ▸ Session title…

  private:
    void rebuildRecent();
    void warn(const QString& title, const QString& message);

    Parts m_parts;                         // the studio's parts
    SessionManager* m_sessions = nullptr;  // save/open/autosave
    QAction* m_open = nullptr;             // Open session…
    QAction* m_save = nullptr;             // Ctrl+S
    QAction* m_saveAs = nullptr;           // Ctrl+Shift+S
    QAction* m_title = nullptr;            // Session title…
    QMenu* m_recent = nullptr;             // Recent sessions
};

}  // namespace bps
