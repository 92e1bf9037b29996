// DocumentActions.h — what makes the studio a program people keep, wired into the main window's
// menus in one place (so MainWindow only assembles): File ▸ Open/Save session and Recent
// sessions, File ▸ Export (pictures at a chosen size, curve CSV, weights as .npy and CSV),
// View ▸ Presentation mode, Help ▸ Contents and About; autosave and the recovery offer after a
// crash; opening a file given on the command line by its content.
//
// The add…Actions functions create their actions as children of the menu they fill; the window
// calls retranslate() from its retranslateUi() (a language change) to set their texts again.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

namespace bps {

class ControlPanel;
class DatasetLoader;
class ErrorPlot;
class HelpWindow;
class NetworkView;
class PresentationMode;
class SessionManager;
class TrainingController;

class DocumentActions : public QObject {
    Q_OBJECT
  public:
    // The parts of the studio it reads and restores (all owned by the window).
    struct Parts {
        QMainWindow* window = nullptr;
        TrainingController* controller = nullptr;
        ErrorPlot* plot = nullptr;
        NetworkView* network = nullptr;
        DatasetLoader* loader = nullptr;
        ControlPanel* controls = nullptr;
    };

    explicit DocumentActions(const Parts& parts, QObject* parent = nullptr);
    ~DocumentActions() override;

    // File menu: Open session…, Save session, Save session as…, Recent sessions (before `before`,
    // or at the end when null).
    void addSessionActions(QMenu* file, QAction* before = nullptr);
    // Fills an (empty) Export menu.
    void fillExportMenu(QMenu* exportMenu);
    // View menu: Presentation mode and its zoom.
    void addViewActions(QMenu* view);
    // Help menu: Contents (F1) and About Backprop Studio.
    void addHelpActions(QMenu* help);

    // Sets the texts of the actions made so far in the current language.
    void retranslate();

    // After the window is shown: offer the autosaved session if the last run crashed (and
    // offerRecovery: no file was named on the command line), mark this run as running, start
    // the autosave, restore presentation mode.
    void startUp(bool offerRecovery = true);
    // On a normal exit: the next start will not offer recovery.
    void shutDown();

    // Opens a session or a model file (by content); empty string on success, else the message.
    QString openDocument(const QString& path);

    SessionManager* sessions() const { return m_sessions; }
    PresentationMode* presentation() const { return m_presentation; }
    HelpWindow* helpWindow() const;  // null until first shown

  public slots:
    void showHelp();
    void openSessionDialog();
    bool saveSession();       // to the current file, else asks
    bool saveSessionAs();     // asks for a file
    void editSessionTitle();  // File ▸ Session title…
    void exportImage(bool chart);
    void exportCurveCsv();
    void exportWeights(bool npy);

  private:
    void rebuildRecent(QMenu* menu);
    QString askSaveFile(const QString& title, const QString& filter, const QString& suffix);
    void warn(const QString& title, const QString& message);

    // The actions made by the add…/fill… functions (null until made).
    struct Actions {
        QAction* open = nullptr;              // Open session…
        QAction* save = nullptr;              // Ctrl+S
        QAction* saveAs = nullptr;            // Ctrl+Shift+S
        QAction* title = nullptr;             // Session title…
        QMenu* recent = nullptr;              // Recent sessions
        QAction* exportNetwork = nullptr;     // network view as PNG/SVG
        QAction* exportChart = nullptr;       // error chart as PNG/SVG
        QAction* exportCsv = nullptr;         // curves as CSV
        QAction* exportNpy = nullptr;         // weights as .npy
        QAction* exportWeightsCsv = nullptr;  // weights as CSV
        QMenu* zoom = nullptr;                // View ▸ Presentation size
        QAction* contents = nullptr;          // Help ▸ Contents (F1)
        QAction* about = nullptr;             // Help ▸ About
    };

    Parts m_parts;                               // the studio's parts
    Actions m_actions;                           // the menus' entries
    SessionManager* m_sessions = nullptr;        // save/open/autosave
    PresentationMode* m_presentation = nullptr;  // classroom display
    QPointer<HelpWindow> m_help;                 // the user guide window (made on demand)
};

}  // namespace bps
