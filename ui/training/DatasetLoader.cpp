// DatasetLoader.cpp — background dataset loading with progress, Cancel and error dialogs.
#include "training/DatasetLoader.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

#include "backprop/DatasetIO.h"
#include "backprop/Gzip.h"

namespace bps {

namespace {
constexpr int kMaxRecent = 8;  // entries of File ▸ Recent files

// "Loading mnist_train.csv…": says its texts again in a new language (it stays open while the
// user may switch).
class LoadProgressDialog : public QProgressDialog {
  public:
    using QProgressDialog::QProgressDialog;
    void setFileName(const QString& name) {
        m_fileName = name;
        retranslateUi();
    }

  protected:
    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::LanguageChange) retranslateUi();
        QProgressDialog::changeEvent(event);
    }

  private:
    void retranslateUi() {
        setWindowTitle(DatasetLoader::tr("Loading"));
        setLabelText(DatasetLoader::tr("Loading %1…").arg(m_fileName));
    }
    QString m_fileName;  // the file being loaded
};
}  // namespace

DatasetLoader::DatasetLoader(QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_dialogParent(dialogParent) {
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &DatasetLoader::finished);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (!m_permille) return;
        const int p = m_permille->load();
        if (m_progressDialog) m_progressDialog->setValue(p);
        emit progress(p);
    });
}

DatasetLoader::~DatasetLoader() {
    if (m_cancel) m_cancel->store(true);
    m_watcher.waitForFinished();
}

QString DatasetLoader::nameFilters() {
    return tr(
        "MNIST CSV (*.csv *.csv.gz);;MNIST IDX (*-ubyte *-ubyte.gz *.idx3 *.idx3.gz);;"
        "All files (*)");
}

bool DatasetLoader::isLoading() const {
    return m_busy;
}

void DatasetLoader::cancel() {
    m_queue.clear();
    if (m_cancel) m_cancel->store(true);
}

DatasetLoader::Result DatasetLoader::loadNow(const QString& path, const std::atomic<bool>* cancel,
                                             std::atomic<int>* permille) {
    Result r;
    bp::LoadOptions options;
    options.cancel = cancel;
    if (permille) {
        options.progress = [permille](std::uint64_t done, std::uint64_t total) {
            if (total > 0) permille->store(static_cast<int>(done * 1000 / total));
            return true;
        };
    }
    try {
        bp::Dataset d;
        if (path.startsWith(QLatin1Char(':'))) {  // a Qt resource: bytes → gunzip → CSV
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                r.error = tr("%1: cannot be opened").arg(path);
                return r;
            }
            const QByteArray bytes = file.readAll();
            const std::string name = path.toStdString();
            const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
            if (bp::isGzip(view)) {
                const std::string text = bp::gunzip(view, name);
                d = bp::parseCsv(text, name, options);
            } else {
                d = bp::parseCsv(view, name, options);
            }
        } else {
            d = bp::loadDataset(QFile::encodeName(path).toStdString(), options);
        }
        if (d.empty()) {
            r.error = tr("%1: the file holds no samples").arg(path);
            return r;
        }
        r.data = std::make_shared<const bp::Dataset>(std::move(d));
    } catch (const bp::LoadCancelled&) {
        r.cancelled = true;
    } catch (const bp::DataError& e) {
        r.error = QString::fromStdString(e.what());
    } catch (const std::exception& e) {  // I/O errors, out of memory
        r.error = tr("%1: %2").arg(path, QString::fromStdString(e.what()));
    }
    if (cancel && cancel->load()) {
        r.data.reset();
        r.cancelled = true;
    }
    return r;
}

void DatasetLoader::load(const QString& path, Role role) {
    // One job at a time: a request for the role being loaded replaces it, others wait in turn.
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        it = it->second == role ? m_queue.erase(it) : it + 1;
    }
    m_queue.append({path, role});
    // m_busy, not m_watcher.isRunning(): a job that has just finished on its thread is no longer
    // running, but its result has not reached finished() yet; a new setFuture would drop it.
    if (m_busy) {
        if (m_role == role && m_cancel) m_cancel->store(true);
        return;
    }
    startNext();
}

void DatasetLoader::startNext() {
    if (m_queue.isEmpty()) return;
    const auto [path, role] = m_queue.takeFirst();
    m_path = path;
    m_role = role;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_permille = std::make_shared<std::atomic<int>>(0);
    if (m_dialogParent) {
        if (!m_progressDialog) {
            m_progressDialog = new LoadProgressDialog(m_dialogParent);
            m_progressDialog->setRange(0, 1000);
            m_progressDialog->setMinimumDuration(400);  // quick loads show no dialog
            m_progressDialog->setWindowModality(Qt::NonModal);
            connect(m_progressDialog, &QProgressDialog::canceled, this, &DatasetLoader::cancel);
        }
        static_cast<LoadProgressDialog*>(m_progressDialog)->setFileName(QFileInfo(path).fileName());
        m_progressDialog->reset();
        m_progressDialog->setValue(0);
    }
    m_watcher.setFuture(QtConcurrent::run([path, cancel = m_cancel, permille = m_permille] {
        return loadNow(path, cancel.get(), permille.get());
    }));
    m_progressTimer.start(50);
    if (!m_busy) {
        m_busy = true;
        emit busyChanged(true);
    }
}

void DatasetLoader::finished() {
    m_progressTimer.stop();
    if (m_progressDialog) m_progressDialog->reset();
    const Result r = m_watcher.result();
    if (m_queue.isEmpty()) {
        m_busy = false;
        emit busyChanged(false);
    }
    if (r.cancelled) {
        emit cancelledLoad(m_role);
    } else if (r.data) {
        m_current[static_cast<int>(m_role)] = r.data;
        m_names[static_cast<int>(m_role)] = QFileInfo(m_path).fileName();
        m_paths[static_cast<int>(m_role)] = m_path;
        if (!m_path.startsWith(QLatin1Char(':'))) addRecent(m_path);
        // A test set whose samples do not fit the training set's width cannot be used: say so
        // (the controller leaves it out) instead of quietly measuring no accuracy.
        if (testSetUnusable()) reportUnusableTestSet();
        emit loaded(m_role, r.data, m_path);
    } else {
        // The previous set stays loaded: m_current is untouched.
        if (m_dialogParent && m_showErrors) {
            QMessageBox::warning(m_dialogParent,
                                 m_role == Role::Training ? tr("Cannot open the training set")
                                                          : tr("Cannot open the test set"),
                                 r.error);
        }
        emit failed(m_role, r.error);
    }
    startNext();
}

bool DatasetLoader::testSetUnusable() const {
    const DatasetPtr& train = m_current[static_cast<int>(Role::Training)];
    const DatasetPtr& test = m_current[static_cast<int>(Role::Test)];
    return train && test && test->inputs != train->inputs;
}

void DatasetLoader::reportUnusableTestSet() {
    if (!m_dialogParent) return;
    const DatasetPtr& train = m_current[static_cast<int>(Role::Training)];
    const DatasetPtr& test = m_current[static_cast<int>(Role::Test)];
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Test set not used"),
        tr("The test set %1 has %2 values per sample, the training set %3 has %4, so the "
           "network cannot be tested on it. Load a test set of the same kind as the "
           "training set.")
            .arg(currentName(Role::Test))
            .arg(test->inputs)
            .arg(currentName(Role::Training))
            .arg(train->inputs),
        QMessageBox::Ok, m_dialogParent);
    box->setObjectName(QStringLiteral("testSetMismatch"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // not exec(): training and loading go on
}

void DatasetLoader::addRecent(const QString& path) {
    const QString abs = QFileInfo(path).absoluteFilePath();
    m_recent.removeAll(abs);
    m_recent.prepend(abs);
    while (m_recent.size() > kMaxRecent) m_recent.removeLast();
    emit recentFilesChanged(m_recent);
}

QFileDialog* DatasetLoader::openWithDialog(Role role) {
    auto* dialog = new QFileDialog(
        m_dialogParent, role == Role::Training ? tr("Open training set") : tr("Open test set"));
    dialog->setOption(QFileDialog::DontUseNativeDialog, true);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setNameFilter(nameFilters());
    if (!m_recent.isEmpty()) dialog->setDirectory(QFileInfo(m_recent.front()).absolutePath());
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, role](const QString& file) { load(file, role); });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

}  // namespace bps
