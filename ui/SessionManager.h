// SessionManager.h — File ▸ Save session / Open session, autosave, recovery after a crash and the
// recent sessions. The file format is the core's (bp::Session, docs/SESSION_FORMAT.md); this
// class only gathers the studio's state into a bp::Session and puts it back:
//   network + weights, learning rate, batch, shuffle, epochs  ← TrainingController (snapshot)
//   curves of the current and earlier runs                     ← ErrorPlot
//   dataset paths                                              ← DatasetLoader (last good load)
//   other settings (speed, view density, …)                    ← the gather/apply hooks
// Autosave writes the same format every N minutes to QStandardPaths::AppDataLocation. A flag in
// QSettings ("session/running") is set while the program runs and cleared on a clean exit, so
// the next start knows that the last one crashed and offers the autosaved session.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <optional>

#include "backprop/SessionFile.h"
#include "backprop/Trainer.h"

class QWidget;

namespace bps {

class DatasetLoader;
class ErrorPlot;
class TrainingController;

class SessionManager : public QObject {
    Q_OBJECT
  public:
    static constexpr int kMaxRecent = 8;               // recent sessions kept
    static constexpr int kDefaultAutosaveMinutes = 5;  // autosave period

    // loader may be null (then setDatasetPaths tells the paths).
    SessionManager(TrainingController* controller, ErrorPlot* plot, DatasetLoader* loader,
                   QObject* parent = nullptr);

    // The studio's state as a session (waits for the worker to publish its newest weights).
    bp::Session gather() const;
    // Puts a session back: network and settings into the controller, curves into the plot, the
    // datasets reloaded when they differ from the loaded ones. A dataset path that no longer
    // exists is looked up beside the session file (sessionDir) by its file name.
    void apply(const bp::Session& session, const QString& sessionDir = {});

    // Save / open a file; return an empty string on success, else the error for a dialog.
    QString save(const QString& path);
    QString open(const QString& path);
    // Opens a model file (.bpm, backprop-cli train --save): its network, weights and learning
    // rate go into the controller; curves and data stay.
    QString openModel(const QString& path);

    // What a file is, by its first bytes (not its name): for "backprop-studio FILE".
    enum class FileKind { Session, Model, Dataset, Missing };
    static FileKind kindOf(const QString& path);
    QString currentPath() const { return m_path; }

    // Hooks for settings outside the controller and the plot (set by the main window).
    void setGatherHook(std::function<void(bp::Session&)> hook) { m_gatherHook = std::move(hook); }
    void setApplyHook(std::function<void(const bp::Session&)> hook) {
        m_applyHook = std::move(hook);
    }
    // The dataset paths to save (when there is no loader, or to override it).
    void setDatasetPaths(const QString& train, const QString& test);
    QString trainPath() const { return m_trainPath; }
    QString testPath() const { return m_testPath; }

    // Recent sessions (QSettings "session/recent"), newest first.
    QStringList recentSessions() const;
    void clearRecentSessions();

    // Autosave every `minutes` (0 = off) into autosavePath().
    void setAutosaveMinutes(int minutes);
    int autosaveMinutes() const { return m_autosaveMinutes; }
    static QString autosavePath();
    // Writes the autosave file now; empty string on success.
    QString autosaveNow();

    // Crash recovery. markRunning() at start (after reading recoveryPending()), markCleanExit()
    // when the window closes normally.
    static bool recoveryPending();  // the last run did not exit cleanly and left an autosave
    static void markRunning();
    static void markCleanExit();
    // Asks whether to restore the autosaved session (dialog on parent) and opens it if yes.
    // Returns true when a session was restored.
    bool offerRecovery(QWidget* parent);

  signals:
    void recentSessionsChanged(const QStringList& files);
    // A session was opened or saved (path), e.g. for the window title.
    void sessionPathChanged(const QString& path);
    void autosaved(const QString& path);

  private:
    void addRecent(const QString& path);
    QString resolveDataPath(const QString& path, const QString& sessionDir) const;

    TrainingController* m_controller;                     // trains; holds network and options
    ErrorPlot* m_plot;                                    // the curves
    DatasetLoader* m_loader;                              // loads data (may be null)
    QString m_trainPath, m_testPath;                      // paths of the loaded datasets
    QString m_path;                                       // last session opened or saved
    std::function<void(bp::Session&)> m_gatherHook;       // adds other settings
    std::function<void(const bp::Session&)> m_applyHook;  // restores other settings
    QTimer m_autosave;                                    // autosave period
    // A session's network waiting for the session's training set: put into the controller
    // again when that set has loaded (its input size may differ from the set loaded before).
    std::optional<bp::Network> m_pendingNetwork;
    bp::TrainOptions m_pendingOptions;  // options that go with it
    int m_autosaveMinutes = 0;          // 0 = off
};

}  // namespace bps
