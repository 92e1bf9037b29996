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
#include "training/DatasetPtr.h"

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
    // exists is looked up beside the session file (sessionDir) by its file name. The run that
    // was going on when the session was saved goes on: the trainer resumes at the sample it had
    // reached (same epoch, same place) and the run's curve stays the current one. When data
    // must be loaded first, network and curves are put back once the loads have ended.
    void apply(const bp::Session& session, const QString& sessionDir = {});
    // True while a session waits for its datasets before its network and curves go back.
    bool isRestoring() const { return m_pending.has_value(); }

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
    // The session's title (File ▸ Session title…), saved in the file and shown in the window
    // title; empty when it has none.
    QString title() const { return m_title; }
    void setTitle(const QString& title);
    // What the window title names: the session's title, else its file name, else nothing.
    QString documentName() const;

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

    // Why net cannot go on training on train (inputs or labels differ), naming the file; empty
    // when it fits (or there is no training set).
    static QString misfit(const bp::Network& net, const DatasetPtr& train);

  signals:
    // A session opened but its network could not be restored (it does not fit the training
    // set, or is too large): a sentence for a dialog.
    void problem(const QString& message);
    void recentSessionsChanged(const QStringList& files);
    // A session was opened or saved (path), e.g. for the window title.
    void sessionPathChanged(const QString& path);
    // The session's title or file changed (documentName() has the new name).
    void documentChanged();
    void autosaved(const QString& path);

  private:
    void addRecent(const QString& path);
    void becomeCurrent(const QString& path);  // the file just saved or opened
    // Network, options, position and curves of a session into the controller and the plot.
    void restoreTraining(const bp::Session& session, const bp::TrainOptions& options, bool resume);
    void finishPending();  // after the last load of a session's data ended (or failed)
    QString resolveDataPath(const QString& path, const QString& sessionDir) const;

    TrainingController* m_controller;                     // trains; holds network and options
    ErrorPlot* m_plot;                                    // the curves
    DatasetLoader* m_loader;                              // loads data (may be null)
    QString m_trainPath, m_testPath;                      // paths of the loaded datasets
    QString m_path;                                       // last session opened or saved
    QString m_title;                                      // the session's title (may be empty)
    std::function<void(bp::Session&)> m_gatherHook;       // adds other settings
    std::function<void(const bp::Session&)> m_applyHook;  // restores other settings
    QTimer m_autosave;                                    // autosave period
    // A session waiting for its datasets: its network (whose input size may differ from the
    // data loaded before) and curves go back when the loads have ended.
    struct Pending {
        bp::Session session;
        bp::TrainOptions options;
        QString trainPath;  // its training set ("" = keep the loaded one)
    };
    std::optional<Pending> m_pending;
    int m_autosaveMinutes = 0;  // 0 = off
};

}  // namespace bps
