// DocumentActions.cpp — sessions, export, presentation mode and help in the main window's menus.
#include "shell/DocumentActions.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

#include "document/ExportDialog.h"
#include "document/Exporter.h"
#include "document/SessionManager.h"
#include "shell/HelpWindow.h"
#include "shell/Language.h"
#include "shell/PresentationMode.h"
#include "training/TrainingController.h"
#include "views/ControlPanel.h"
#include "views/ErrorPlot.h"
#include "views/NetworkView.h"

namespace bps {

namespace {

const QString kAutosaveKey = QStringLiteral("session/autosaveMinutes");
const QString kFolderKey = QStringLiteral("session/folder");

QString sessionFilter() {
    return DocumentActions::tr("Backprop Studio sessions (*.bps)");
}

}  // namespace

DocumentActions::DocumentActions(const Parts& parts, QObject* parent)
    : QObject(parent), m_parts(parts) {
    m_sessions = new SessionManager(parts.controller, parts.plot, parts.loader, this);
    m_presentation = new PresentationMode(parts.window, this);

    // Settings outside the controller and the chart travel in the session too.
    m_sessions->setGatherHook([this](bp::Session& s) {
        if (!m_parts.controls) return;
        s.settings.emplace_back("speed_index", std::to_string(m_parts.controls->speedIndex()));
        s.settings.emplace_back("speed", std::to_string(m_parts.controls->speed()));
        s.settings.emplace_back("view.density", std::to_string(m_parts.controls->density()));
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
        const int density = QString::fromStdString(s.setting("view.density")).toInt(&ok);
        if (ok) {
            c->setDensity(density);
            if (m_parts.network) m_parts.network->setDensity(c->density());
        }
    });
    // The network view's own text and lines follow the presentation zoom.
    connect(m_presentation, &PresentationMode::changed, this, [this](bool on, double zoom) {
        if (m_parts.plot) m_parts.plot->setCompact(on);
        if (!m_parts.network) return;
        m_parts.network->setTextScale(on ? zoom : 1.0);
        m_parts.network->setStrokeScale(m_presentation->strokeScale());
    });
    connect(m_sessions, &SessionManager::autosaved, this, [this] {
        if (m_parts.window)
            m_parts.window->statusBar()->showMessage(tr("Session saved automatically"), 3000);
    });
    connect(m_sessions, &SessionManager::sessionPathChanged, this, [this](const QString& path) {
        if (m_parts.window)
            m_parts.window->statusBar()->showMessage(
                tr("Session: %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    connect(Language::instance(), &Language::languageChanged, this, [this](const QString& code) {
        if (m_help) m_help->setLanguage(code);
    });
}

DocumentActions::~DocumentActions() = default;

HelpWindow* DocumentActions::helpWindow() const {
    return m_help;
}

void DocumentActions::addSessionActions(QMenu* file, QAction* before) {
    auto add = [&] {
        auto* a = new QAction(file);
        file->insertAction(before, a);
        return a;
    };
    m_actions.open = add();
    connect(m_actions.open, &QAction::triggered, this, &DocumentActions::openSessionDialog);
    m_actions.save = add();
    m_actions.save->setShortcut(QKeySequence::Save);
    connect(m_actions.save, &QAction::triggered, this, &DocumentActions::saveSession);
    m_actions.saveAs = add();
    connect(m_actions.saveAs, &QAction::triggered, this, &DocumentActions::saveSessionAs);
    m_actions.title = add();
    connect(m_actions.title, &QAction::triggered, this, &DocumentActions::editSessionTitle);
    m_actions.recent = new QMenu(file);
    file->insertMenu(before, m_actions.recent);
    rebuildRecent(m_actions.recent);
    connect(m_sessions, &SessionManager::recentSessionsChanged, m_actions.recent,
            [this] { rebuildRecent(m_actions.recent); });
    file->insertSeparator(before);
    retranslate();
}

void DocumentActions::retranslate() {
    Actions& a = m_actions;
    if (a.open) {
        a.open->setText(tr("&Open session…"));
        a.open->setToolTip(
            tr("Open a saved session (network, weights, data, settings, curves) or a "
               "model file"));
        a.open->setStatusTip(a.open->toolTip());
        a.save->setText(tr("&Save session"));
        a.save->setStatusTip(
            tr("Save the network, its weights, the data paths, the settings and the "
               "curves in one file"));
        a.saveAs->setText(tr("Save session &as…"));
        a.saveAs->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
        a.saveAs->setStatusTip(tr("Save the session in a new file"));
        a.title->setText(tr("Session tit&le…"));
        a.title->setStatusTip(
            tr("Give the session a title (e.g. the lesson's name): it is saved with the session "
               "and shown in the window title"));
        a.recent->setTitle(tr("Recent sessio&ns"));
        rebuildRecent(a.recent);  // its "Clear the list"
    }
    const auto set = [](QAction* action, const QString& text, const QString& tip) {
        if (!action) return;
        action->setText(text);
        action->setToolTip(tip);
        action->setStatusTip(tip);
    };
    set(a.exportNetwork, tr("&Network view as an image…"),
        tr("The network as drawn now, as PNG or SVG, at a size "
           "you choose"));
    set(a.exportChart, tr("&Error chart as an image…"),
        tr("The error curve chart as PNG or SVG, at a size you "
           "choose"));
    set(a.exportCsv, tr("Error &data as CSV…"),
        tr("Every point of every curve: run, label, series, samples "
           "seen, value"));
    set(a.exportNpy, tr("&Weights as NumPy .npy…"),
        tr("One .npy file per weight matrix (wih.npy, who.npy …), "
           "as the book's Python code loads them"));
    set(a.exportWeightsCsv, tr("Weights as &CSV…"),
        tr("One CSV file per weight matrix (wih.csv, who.csv …): a line "
           "per neuron of the next layer"));
    if (a.zoom) a.zoom->setTitle(tr("Presentation &size"));
    if (a.contents) {
        a.contents->setText(tr("&Contents"));
        a.contents->setStatusTip(tr("The user guide: getting started, the lessons, your own data"));
        a.about->setText(tr("&About Backprop Studio"));
    }
}

void DocumentActions::editSessionTitle() {
    bool ok = false;
    const QString title = QInputDialog::getText(
        m_parts.window, tr("Session title"),
        tr("Title of this session, shown in the window title and saved with the session:"),
        QLineEdit::Normal, m_sessions->title(), &ok);
    if (ok) m_sessions->setTitle(title);
}

void DocumentActions::rebuildRecent(QMenu* menu) {
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

void DocumentActions::fillExportMenu(QMenu* exportMenu) {
    auto add = [&](auto slot) {
        QAction* a = exportMenu->addAction(QString());
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_actions.exportNetwork = add([this] { exportImage(false); });
    m_actions.exportChart = add([this] { exportImage(true); });
    m_actions.exportCsv = add(&DocumentActions::exportCurveCsv);
    exportMenu->addSeparator();
    m_actions.exportNpy = add([this] { exportWeights(true); });
    m_actions.exportWeightsCsv = add([this] { exportWeights(false); });
    retranslate();
}

void DocumentActions::addViewActions(QMenu* view) {
    view->addSeparator();
    view->addAction(m_presentation->toggleAction());
    m_actions.zoom = view->addMenu(QString());
    for (QAction* a : m_presentation->zoomActions()) m_actions.zoom->addAction(a);
    retranslate();
}

void DocumentActions::addHelpActions(QMenu* help) {
    m_actions.contents = help->addAction(QString());
    m_actions.contents->setShortcut(QKeySequence::HelpContents);
    connect(m_actions.contents, &QAction::triggered, this, &DocumentActions::showHelp);
    m_actions.about = help->addAction(QString());
    m_actions.about->setMenuRole(QAction::AboutRole);
    connect(m_actions.about, &QAction::triggered, this,
            [this] { HelpWindow::showAbout(m_parts.window); });
    retranslate();
}

void DocumentActions::startUp(bool offerRecovery) {
    if (offerRecovery && SessionManager::recoveryPending())
        m_sessions->offerRecovery(m_parts.window);
    SessionManager::markRunning();
    m_sessions->setAutosaveMinutes(
        QSettings().value(kAutosaveKey, SessionManager::kDefaultAutosaveMinutes).toInt());
    m_presentation->restore();
}

void DocumentActions::shutDown() {
    SessionManager::markCleanExit();
}

QString DocumentActions::openDocument(const QString& path) {
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

void DocumentActions::showHelp() {
    if (!m_help) {
        const QString language = Language::instance()->current().isEmpty()
                                     ? QLocale().name()
                                     : Language::instance()->current();
        m_help = new HelpWindow(language, m_parts.window);
        m_help->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
}

void DocumentActions::openSessionDialog() {
    QFileDialog dialog(m_parts.window, tr("Open session"));
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setNameFilters(
        {sessionFilter(), tr("Backprop Studio models (*.bpm)"), tr("All files (*)")});
    dialog.setDirectory(
        QSettings()
            .value(kFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
    const QString path = dialog.selectedFiles().front();
    QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
    if (const QString e = openDocument(path); !e.isEmpty()) warn(tr("Open session"), e);
}

bool DocumentActions::saveSession() {
    if (m_sessions->currentPath().isEmpty()) return saveSessionAs();
    if (const QString e = m_sessions->save(m_sessions->currentPath()); !e.isEmpty()) {
        warn(tr("Save session"), e);
        return false;
    }
    return true;
}

bool DocumentActions::saveSessionAs() {
    const QString path = askSaveFile(tr("Save session"), sessionFilter(), QStringLiteral("bps"));
    if (path.isEmpty()) return false;
    QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
    if (const QString e = m_sessions->save(path); !e.isEmpty()) {
        warn(tr("Save session"), e);
        return false;
    }
    return true;
}

void DocumentActions::exportImage(bool chart) {
    QWidget* source =
        chart ? static_cast<QWidget*>(m_parts.plot) : static_cast<QWidget*>(m_parts.network);
    if (!source) return;
    ExportDialog dialog(chart ? tr("Export the error chart") : tr("Export the network view"),
                        chart ? QStringLiteral("chart") : QStringLiteral("network"),
                        chart ? QSize(1600, 800) : QSize(1920, 1080), m_parts.window);
    if (dialog.exec() != QDialog::Accepted) return;
    if (chart) m_parts.controller->sync();  // the newest points are on the chart
    const QString e = chart ? Exporter::exportWidget(*m_parts.plot, dialog.path(),
                                                     dialog.imageSize(), dialog.format())
                            : Exporter::exportNetwork(*m_parts.network, dialog.path(),
                                                      dialog.imageSize(), dialog.format());
    if (!e.isEmpty()) {
        warn(tr("Export"), e);
    } else if (m_parts.window) {
        m_parts.window->statusBar()->showMessage(
            tr("Exported %1").arg(QDir::toNativeSeparators(dialog.path())), 5000);
    }
}

void DocumentActions::exportCurveCsv() {
    const QString path =
        askSaveFile(tr("Export the error data"), tr("CSV (*.csv)"), QStringLiteral("csv"));
    if (path.isEmpty()) return;
    m_parts.controller->sync();
    if (const QString e = Exporter::exportCurveCsv(*m_parts.plot, path); !e.isEmpty())
        warn(tr("Export"), e);
}

void DocumentActions::exportWeights(bool npy) {
    const QString dir = QFileDialog::getExistingDirectory(
        m_parts.window,
        npy ? tr("Folder for the .npy weight files") : tr("Folder for the CSV weight files"),
        QSettings().value(QStringLiteral("export/weightsFolder")).toString(),
        QFileDialog::ShowDirsOnly | QFileDialog::DontUseNativeDialog);
    if (dir.isEmpty()) return;
    QSettings().setValue(QStringLiteral("export/weightsFolder"), dir);
    m_parts.controller->sync();
    const SnapshotPtr s = m_parts.controller->lastSnapshot();
    if (!s) return;
    const QString e = npy ? Exporter::exportWeightsNpy(s->weights, dir)
                          : Exporter::exportWeightsCsv(s->weights, dir);
    if (!e.isEmpty()) {
        warn(tr("Export"), e);
    } else if (m_parts.window) {
        const QStringList names =
            Exporter::weightFileNames(static_cast<int>(s->weights.size()),
                                      npy ? QStringLiteral(".npy") : QStringLiteral(".csv"));
        m_parts.window->statusBar()->showMessage(
            tr("Wrote %1 in %2")
                .arg(names.join(QStringLiteral(", ")), QDir::toNativeSeparators(dir)),
            8000);
    }
}

QString DocumentActions::askSaveFile(const QString& title, const QString& filter,
                                     const QString& suffix) {
    QFileDialog dialog(m_parts.window, title);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(filter);
    dialog.setDefaultSuffix(suffix);
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
    dialog.setDirectory(
        QSettings()
            .value(kFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return {};
    return dialog.selectedFiles().front();
}

void DocumentActions::warn(const QString& title, const QString& message) {
    QMessageBox::warning(m_parts.window, title, message);
}

}  // namespace bps
