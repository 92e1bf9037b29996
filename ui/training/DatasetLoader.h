// DatasetLoader.h — loads training and test sets off the GUI thread, with progress and Cancel.
//
// One-shot background jobs are QtConcurrent::run plus a QFutureWatcher owned by this object, so
// a closed window can never receive a stale result (the watcher dies with its owner). Files go
// through bp::loadDataset (CSV, CSV.gz, IDX); Qt resources (":/data/…", the embedded default
// data) are read as bytes and handed to bp::gunzip / bp::parseCsv. A bad file reports the
// loader's "<file>:<line>[:<field>]: message" and the previous dataset stays loaded.
#pragma once

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <atomic>
#include <memory>

#include "backprop/Dataset.h"
#include "training/DatasetPtr.h"

class QProgressDialog;
class QWidget;
class QFileDialog;

namespace bps {

class DatasetLoader : public QObject {
    Q_OBJECT
  public:
    enum class Role { Training = 0, Test = 1 };
    Q_ENUM(Role)

    // The outcome of one load, computed on the worker.
    struct Result {
        DatasetPtr data;  // the loaded set, null on error or cancel
        QString error;    // the loader's message on error
        bool cancelled = false;
    };

    // dialogParent: where the progress and error dialogs appear (null = no dialogs, e.g. tests).
    explicit DatasetLoader(QWidget* dialogParent = nullptr, QObject* parent = nullptr);
    ~DatasetLoader() override;  // cancels a running load and waits for it

    // Starts loading path for role (a file path or a ":/…" resource). A load still running for
    // the same role is cancelled first. Returns at once; see loaded / failed / cancelled.
    void load(const QString& path, Role role);
    // Loads a file synchronously with the same code as load() (used by load's worker).
    static Result loadNow(const QString& path, const std::atomic<bool>* cancel = nullptr,
                          std::atomic<int>* permille = nullptr);

    // Shows a non-native QFileDialog (filters: CSV, CSV.gz, IDX, all files) and loads the file
    // the user picks. Returns the dialog (open, window-modal); it deletes itself when closed.
    QFileDialog* openWithDialog(Role role);

    bool isLoading() const;
    void cancel();
    // The set currently loaded for role (the last good one), or null.
    DatasetPtr current(Role role) const { return m_current[static_cast<int>(role)]; }
    // Makes data the current set for role without loading (e.g. restored state, tests).
    void setCurrent(Role role, DatasetPtr data) {
        m_current[static_cast<int>(role)] = std::move(data);
        m_paths[static_cast<int>(role)].clear();
    }
    // The file name the current set of role came from ("mnist_train.csv"); empty if none.
    QString currentName(Role role) const { return m_names[static_cast<int>(role)]; }
    // The path it was loaded from (a file, or a ":/…" resource); empty if none (setCurrent).
    QString currentPath(Role role) const { return m_paths[static_cast<int>(role)]; }
    // A test set is loaded whose samples do not have the training set's width, so the network
    // cannot be tested on it (the controller leaves it out). After a load that makes it so, a
    // non-blocking message says it (with a dialog parent).
    bool testSetUnusable() const;
    QStringList recentFiles() const { return m_recent; }
    void setRecentFiles(const QStringList& files) { m_recent = files; }
    // Whether a failed load shows a warning dialog (on by default when there is a parent).
    void setShowErrors(bool on) { m_showErrors = on; }

    static QString nameFilters();  // the file dialog's filters (translated)

  signals:
    void loaded(bps::DatasetLoader::Role role, bps::DatasetPtr data, const QString& path);
    void failed(bps::DatasetLoader::Role role, const QString& message);
    void cancelledLoad(bps::DatasetLoader::Role role);
    void progress(int permille);
    void busyChanged(bool busy);
    void recentFilesChanged(const QStringList& files);

  private:
    void finished();
    void startNext();
    void addRecent(const QString& path);
    void reportUnusableTestSet();  // the non-blocking message (testSetUnusable)

    QPointer<QWidget> m_dialogParent;              // parent of the dialogs (may be null)
    QFutureWatcher<Result> m_watcher;              // the running job (owned: no stale callbacks)
    std::shared_ptr<std::atomic<bool>> m_cancel;   // cancel flag of the running job
    std::shared_ptr<std::atomic<int>> m_permille;  // progress of the running job, 0 … 1000
    QTimer m_progressTimer;                        // polls m_permille into the dialog
    QProgressDialog* m_progressDialog = nullptr;   // shown while loading (with a parent)
    QList<QPair<QString, Role>> m_queue;           // loads waiting for the running one
    QString m_path;                                // file of the running job
    Role m_role = Role::Training;                  // role of the running job
    DatasetPtr m_current[2];                       // last good training and test sets
    QString m_names[2];                            // their file names
    QString m_paths[2];                            // and the paths they were loaded from
    QStringList m_recent;                          // recently opened files, newest first
    bool m_busy = false;                           // a job runs or waits
    bool m_showErrors = true;                      // show a dialog on error (with a parent)
};

}  // namespace bps
