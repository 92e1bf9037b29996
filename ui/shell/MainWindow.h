// MainWindow.h — assembles the studio: the network view in the centre, the controls, the sample
// browser, the error curve and the maths panel in docks, the menus and the shortcuts. It holds no
// training logic and draws nothing itself: the controller trains, the views draw.
#pragma once

#include <QMainWindow>
#include <QStringList>
#include <array>
#include <memory>
#include <vector>

#include "backprop/Network.h"
#include "backprop/Trainer.h"
#include "training/DatasetLoader.h"
#include "training/Snapshot.h"
#include "training/TrainingController.h"

class QAction;
class QDockWidget;
class QMenu;

namespace bps {

class CheckPanel;
class ClassActions;
class ControlPanel;
class ErrorPlot;
class ExportActions;
class HelpActions;
class LessonsWindow;
class MathsPanel;
class NetworkView;
class PredictPanel;
class PresentationMode;
class SampleBrowser;
class SessionActions;
class TimelineBar;
class TrainingController;
class WeightAtlas;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    // The embedded default data the window starts on.
    static constexpr const char* kDefaultTrain = ":/data/mnist_train_5000.csv.gz";
    static constexpr const char* kDefaultTest = ":/data/mnist_test_1000.csv.gz";
    // Screens narrower than this (projectors of 1024×768) get the compact layout: the controls
    // as a strip across the top, the samples dock hidden, the chart and the maths sharing the
    // whole width.
    static constexpr int kCompactBelowWidth = 1280;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads the training and test sets (files or ":/…" resources); empty = keep / default.
    void openDatasets(const QString& train, const QString& test);
    // Shows spec and options in the controls and builds that network (command line, sessions).
    void setTraining(const bp::NetworkSpec& spec, const bp::TrainOptions& options);
    // Sets Play's speed to full speed (benchmarks).
    void setFullSpeed();
    // Play stops after this many epochs (--epochs); 0 = it trains until Pause (the default).
    void setEpochLimit(int epochs);
    // Presses Play as soon as a training set is loaded (BP_AUTOPLAY, demos, benchmarks).
    void setAutoPlay(bool on) { m_autoPlay = on; }
    // Closing with training not saved in a session asks Save / Discard / Cancel (the default);
    // off for --quit-when-done, whose close is the program's own.
    void setAskToSaveOnClose(bool on) { m_askToSave = on; }
    // The network has been trained since the session was last saved or opened (or ever, when
    // there is none): what closing would lose.
    bool hasUnsavedTraining() const;

    TrainingController* controller() const { return m_controller; }
    DatasetLoader* loader() const { return m_loader; }
    // After the window is shown: the sessions' autosave and recovery offer (offerRecovery: no
    // file was named on the command line), presentation mode as it was left.
    void startUp(bool offerRecovery = true);

    // The menus' parts: File ▸ sessions, File ▸ Export, Help, View ▸ Presentation mode.
    SessionActions* sessions() const { return m_sessions; }
    ExportActions* exports() const { return m_exports; }
    HelpActions* help() const { return m_help; }
    PresentationMode* presentation() const { return m_presentation; }
    NetworkView* networkView() const { return m_network; }
    ErrorPlot* errorPlot() const { return m_errorPlot; }
    TimelineBar* timelineBar() const { return m_timeline; }
    ControlPanel* controlPanel() const { return m_controls; }
    SampleBrowser* sampleBrowser() const { return m_samples; }
    MathsPanel* mathsPanel() const { return m_maths; }
    PredictPanel* predictPanel() const { return m_predict; }
    WeightAtlas* weightAtlas() const { return m_atlas; }
    QAction* atlasAction() const { return m_menus.atlas; }
    QAction* predictAction() const { return m_menus.predict; }
    // Predict before reveal on or off: the panel, its dock, the action and the setting.
    void setPredicting(bool on);
    CheckPanel* checkPanel() const { return m_check; }
    QAction* checkAction() const { return m_menus.check; }
    // Check my calculation on or off: the panel, its dock, the action and the setting.
    void setChecking(bool on);
    LessonsWindow* lessonsWindow() const { return m_lessons; }
    // The compact layout is in use (chosen from the screen the window is on: narrower than
    // kCompactBelowWidth, times the zoom while presenting).
    bool isCompact() const { return m_compact; }
    // Puts the docks in the compact layout or the wide one (a side column of controls and
    // samples), each with the dock state last saved for it.
    void setCompactLayout(bool compact);
    // Class mode: the Class menu, the teacher's panel, the student's status (ui/classroom).
    ClassActions* classActions() const { return m_class; }

  protected:
    void closeEvent(QCloseEvent* event) override;
    // Once shown, the window knows its screen: the layout follows it (and every later move to
    // another screen).
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;  // the controls' LayoutRequest
    // Language switch (ui/shell/Language.h): QEvent::LanguageChange → retranslateUi(). Every
    // widget of the window does the same with its own texts, so the window, its controller and
    // every view's state stay as they are.
    void changeEvent(QEvent* event) override;

  private:
    // The menus' entries (File, Training, View, Lessons, Help); their texts: retranslateUi().
    struct Menus {
        QMenu* file = nullptr;
        QAction* openTrain = nullptr;  // Ctrl+O
        QAction* openTest = nullptr;   // Ctrl+Shift+O
        QAction* defaults = nullptr;   // the built-in subset
        QMenu* exportMenu = nullptr;   // filled by ExportActions
        QAction* quit = nullptr;       // Ctrl+Q
        QMenu* training = nullptr;
        QAction* phase = nullptr;    // Right
        QAction* sample = nullptr;   // Shift+Right
        QAction* epoch = nullptr;    // Ctrl+Right
        QAction* predict = nullptr;  // Predict before reveal (checkable, off by default)
        QAction* check = nullptr;    // Check my calculation (checkable, off by default)
        QAction* reset = nullptr;    // Ctrl+R
        QAction* clear = nullptr;    // clear earlier curves
        QAction* fit = nullptr;      // View ▸ Fit network (Ctrl+0)
        QAction* atlas = nullptr;    // View ▸ Weight atlas (Ctrl+Shift+A, checkable)
        QMenu* zoom = nullptr;       // View ▸ Presentation size
        QMenu* lessons = nullptr;    // one action per lesson (data: its id)
        QMenu* help = nullptr;
        QAction* aboutQt = nullptr;
    };

    void createMenus();
    // Every text of the window in the current language (menus, docks, title, status bar).
    void retranslateUi();
    void wire();
    void restoreSettings();
    void saveSettings() const;
    void updateTitle();
    void rebuildRecentMenu();
    void onDatasetLoaded(DatasetLoader::Role role);
    // Hands new data sets to the controller (ask: a trained network goes on or not, as the
    // person answers), then to the views; newTraining: the sample browser shows train. False
    // if the controller refused them.
    bool useDatasets(const DatasetPtr& train, const DatasetPtr& test, bool newTraining, bool ask);
    // A training set a lesson made (the augmentation lesson's rotated copies): the studio trains
    // on it with the test set it has, asking first whether a trained network goes on.
    void trainOnLessonSet(std::shared_ptr<const bp::Dataset> train);
    // Asks whether the network trained on `seen` samples goes on with a new training set.
    TrainingController::OnNewData askKeepOrNew(unsigned long long seen);
    void arrangeForScreen();  // setCompactLayout as the window's screen says
    void fitControlStrip();   // compact: the controls' dock as high as its content
    // Asks to save unsaved training before closing; false = the user cancelled.
    bool offerToSave();

    TrainingController* m_controller = nullptr;  // trains on its worker thread
    DatasetLoader* m_loader = nullptr;           // background file loads
    NetworkView* m_network = nullptr;            // centre: the network drawn live
    ControlPanel* m_controls = nullptr;          // right dock
    SampleBrowser* m_samples = nullptr;          // left dock
    ErrorPlot* m_errorPlot = nullptr;            // bottom dock
    TimelineBar* m_timeline = nullptr;           // under the chart, in its dock
    QString m_runLabel;                          // the controller's name of the chart's run
    MathsPanel* m_maths = nullptr;               // bottom dock, beside the chart
    PredictPanel* m_predict = nullptr;           // bottom dock, beside the maths (when on)
    QDockWidget* m_predictDock = nullptr;        // its dock, shown while the mode is on
    WeightAtlas* m_atlas = nullptr;              // View ▸ Weight atlas: a window of its own
    CheckPanel* m_check = nullptr;               // Check my calculation, beside Predict
    QDockWidget* m_checkDock = nullptr;          // its dock, shown while it is on
    LessonsWindow* m_lessons = nullptr;          // Lessons ▸ …: a window of its own
    QAction* m_playAction = nullptr;             // Space
    QMenu* m_recentMenu = nullptr;               // File ▸ Recent files
    QMenu* m_viewMenu = nullptr;                 // dock toggles
    bool m_autoPlay = false;                     // press Play once data is there
    bool m_askToSave = true;                     // closing asks to save unsaved training
    unsigned long long m_savedSeen = 0;          // samples seen when the session was saved
    SessionActions* m_sessions = nullptr;        // File ▸ sessions, autosave, recovery
    ExportActions* m_exports = nullptr;          // File ▸ Export
    HelpActions* m_help = nullptr;               // Help ▸ Contents, About
    PresentationMode* m_presentation = nullptr;  // View ▸ Presentation mode
    ClassActions* m_class = nullptr;             // Class menu, class panel, class status
    Menus m_menus;                               // menu entries (texts: retranslateUi)
    std::array<QDockWidget*, 4> m_docks{};       // controls, samples, error curve, maths
    bool m_compact = false;                      // the compact layout is in use
    double m_layoutZoom = 1.0;                   // the zoom the layout is for (presenting)
    bool m_arranged = false;                     // a layout has been chosen
    bool m_followsScreen = false;                // connected to the window's screenChanged
    bool m_stripPending = false;                 // fitControlStrip is queued
    bool m_askKeepOrNew = false;                 // the training set loading was a person's choice
};

}  // namespace bps
