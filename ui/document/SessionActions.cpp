// SessionActions.cpp — File ▸ sessions, autosave and recovery.
#include "document/SessionActions.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include "document/SessionManager.h"
#include "training/TrainingController.h"
#include "views/ControlPanel.h"
#include "views/NetworkView.h"

namespace bps {

namespace {

const QString kAutosaveKey = QStringLiteral("session/autosaveMinutes");
const QString kFolderKey = QStringLiteral("session/folder");

QString sessionFilter() {
    return SessionActions::tr("Backprop Studio sessions (*.bps)");
}

QString documentsFolder() {
    return QSettings()
        .value(kFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

}  // namespace

SessionActions::SessionActions(const Parts& parts, QObject* parent)
    : QObject(parent), m_parts(parts) {
    m_sessions = new SessionManager(parts.controller, parts.plot, parts.loader, this);

    // Settings outside the controller and the chart travel in the session too.
    m_sessions->setGatherHook([this](bp::Session& s) {
        if (!m_parts.controls) return;
        s.settings.emplace_back("speed_index", std::to_string(m_parts.controls->speedIndex()));
        s.settings.emplace_back("speed", std::to_string(m_parts.controls->speed()));
        s.settings.emplace_back("view.density", std::to_string(m_parts.controls->density()));
        s.settings.emplace_back("epoch_limit", std::to_string(m_parts.controls->epochLimit()));
    });
    m_sessions->setApplyHook([this](const bp::Session& s) {
        if (!m_parts.controls) return;
        ControlPanel* c = m_parts.controls;
        c->setSettings(m_parts.controller->spec(), m_parts.controller->options());
        c->setLearningRate(m_parts.controller->learningRate());
        bool ok = false;
        const int speedIndex = QString::fromStdString(s.setting("speed_index")).toInt(&ok);
        if (ok) {
            c->setSpeedIndex(speedIndex);
            m_parts.controller->setSpeed(c->speed());
        }
        const int limit = QString::fromStdString(s.setting("epoch_limit")).toInt(&ok);
        if (ok) {
            c->setEpochLimit(limit);
            m_parts.controller->setEpochLimit(c->epochLimit());
        }
        const int density = QString::fromStdString(s.setting("view.density")).toInt(&ok);
        if (ok) {
            c->setDensity(density);
            if (m_parts.network) m_parts.network->setDensity(c->density());
        }
    });
    // Said without a modal loop (a session's network may be restored after its data loaded).
    connect(m_sessions, &SessionManager::problem, this, [this](const QString& message) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Open session"), message,
                                    QMessageBox::Ok, m_parts.window);
        box->setObjectName(QStringLiteral("sessionProblem"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_sessions, &SessionManager::autosaved, this,
            [this] { emit message(tr("Session saved automatically"), 3000); });
    connect(m_sessions, &SessionManager::sessionPathChanged, this, [this](const QString& path) {
        emit message(tr("Session: %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
}

void SessionActions::addActions(QMenu* file, QAction* before) {
    auto add = [&] {
        auto* a = new QAction(file);
        file->insertAction(before, a);
        return a;
    };
    m_open = add();
    connect(m_open, &QAction::triggered, this, &SessionActions::openSessionDialog);
    m_save = add();
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QAction::triggered, this, &SessionActions::saveSession);
    m_saveAs = add();
    connect(m_saveAs, &QAction::triggered, this, &SessionActions::saveSessionAs);
    m_title = add();
    connect(m_title, &QAction::triggered, this, &SessionActions::editSessionTitle);
    m_recent = new QMenu(file);
    file->insertMenu(before, m_recent);
    connect(m_sessions, &SessionManager::recentSessionsChanged, m_recent,
            [this] { rebuildRecent(); });
    file->insertSeparator(before);
    retranslate();
}

void SessionActions::retranslate() {
    if (!m_open) return;
    m_open->setText(tr("&Open session…"));
    m_open->setToolTip(
        tr("Open a saved session (network, weights, data, settings, curves) or a "
           "model file"));
    m_open->setStatusTip(m_open->toolTip());
    m_save->setText(tr("&Save session"));
    m_save->setStatusTip(
        tr("Save the network, its weights, the data paths, the settings and the "
           "curves in one file"));
    m_saveAs->setText(tr("Save session &as…"));
    m_saveAs->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    m_saveAs->setStatusTip(tr("Save the session in a new file"));
    m_title->setText(tr("Session tit&le…"));
    m_title->setStatusTip(
        tr("Give the session a title (e.g. the lesson's name): it is saved with the session "
           "and shown in the window title"));
    m_recent->setTitle(tr("Recent sessio&ns"));
    rebuildRecent();  // its "Clear the list"
}

void SessionActions::editSessionTitle() {
    bool ok = false;
    const QString title = QInputDialog::getText(
        m_parts.window, tr("Session title"),
        tr("Title of this session, shown in the window title and saved with the session:"),
        QLineEdit::Normal, m_sessions->title(), &ok);
    if (ok) m_sessions->setTitle(title);
}

void SessionActions::rebuildRecent() {
    QMenu* menu = m_recent;
    menu->clear();
    const QStringList files = m_sessions->recentSessions();
    menu->setEnabled(!files.isEmpty());
    for (const QString& f : files) {
        QAction* a = menu->addAction(QFileInfo(f).fileName());
        a->setToolTip(QDir::toNativeSeparators(f));
        a->setStatusTip(a->toolTip());
        connect(a, &QAction::triggered, this, [this, f] {
            if (const QString e = m_sessions->open(f); !e.isEmpty()) warn(tr("Open session"), e);
        });
    }
    if (!files.isEmpty()) {
        menu->addSeparator();
        connect(menu->addAction(tr("&Clear the list")), &QAction::triggered, m_sessions,
                &SessionManager::clearRecentSessions);
    }
}

void SessionActions::startUp(bool offerRecovery) {
    if (offerRecovery && SessionManager::recoveryPending())
        m_sessions->offerRecovery(m_parts.window);
    SessionManager::markRunning();
    m_sessions->setAutosaveMinutes(
        QSettings().value(kAutosaveKey, SessionManager::kDefaultAutosaveMinutes).toInt());
}

void SessionActions::shutDown() {
    SessionManager::markCleanExit();
}

QString SessionActions::openDocument(const QString& path) {
    switch (SessionManager::kindOf(path)) {
        case SessionManager::FileKind::Session:
            return m_sessions->open(path);
        case SessionManager::FileKind::Model:
            return m_sessions->openModel(path);
        case SessionManager::FileKind::Missing:
            return tr("%1: cannot open the file").arg(QDir::toNativeSeparators(path));
        case SessionManager::FileKind::Dataset:
            break;
    }
    return tr("%1 is not a session or a model file").arg(QDir::toNativeSeparators(path));
}

void SessionActions::openSessionDialog() {
    QFileDialog dialog(m_parts.window, tr("Open session"));
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setNameFilters(
        {sessionFilter(), tr("Backprop Studio models (*.bpm)"), tr("All files (*)")});
    dialog.setDirectory(documentsFolder());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
    const QString path = dialog.selectedFiles().front();
    QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
    if (const QString e = openDocument(path); !e.isEmpty()) warn(tr("Open session"), e);
}

bool SessionActions::saveSession() {
    if (m_sessions->currentPath().isEmpty()) return saveSessionAs();
    if (const QString e = m_sessions->save(m_sessions->currentPath()); !e.isEmpty()) {
        warn(tr("Save session"), e);
        return false;
    }
    return true;
}

bool SessionActions::saveSessionAs() {
    QFileDialog dialog(m_parts.window, tr("Save session"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(sessionFilter());
    dialog.setDefaultSuffix(QStringLiteral("bps"));
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
    dialog.setDirectory(documentsFolder());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return false;
    const QString path = dialog.selectedFiles().front();
    QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
    if (const QString e = m_sessions->save(path); !e.isEmpty()) {
        warn(tr("Save session"), e);
        return false;
    }
    return true;
}

void SessionActions::warn(const QString& title, const QString& message) {
    QMessageBox::warning(m_parts.window, title, message);
}

}  // namespace bps
