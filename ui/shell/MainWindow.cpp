// MainWindow.cpp — docks, menus, shortcuts, settings; the wiring between views and controller.
#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

#include "classroom/ClassActions.h"
#include "classroom/ClassMode.h"
#include "document/ExportActions.h"
#include "document/SessionActions.h"
#include "document/SessionManager.h"
#include "lessons/LessonsWindow.h"
#include "shell/EditorKeys.h"
#include "shell/HelpActions.h"
#include "shell/Language.h"
#include "shell/PresentationMode.h"
#include "shell/ScreenFit.h"
#include "shell/StatusBar.h"
#include "training/DivergenceDialog.h"
#include "training/TrainingController.h"
#include "views/CheckPanel.h"
#include "views/ControlPanel.h"
#include "views/ErrorPlot.h"
#include "views/MathsPanel.h"
#include "views/NetworkView.h"
#include "views/PredictPanel.h"
#include "views/SampleBrowser.h"
#include "views/TimelineBar.h"
#include "views/WeightAtlas.h"

namespace bps {

namespace {

QDockWidget* makeDock(const QString& objectName, QWidget* content, QMainWindow* window) {
    auto* dock = new QDockWidget(window);
    dock->setObjectName(objectName);  // for saveState / restoreState
    dock->setWidget(content);
    return dock;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("MainWindow"));
    m_controller = new TrainingController(this);
    // Space and the arrows go to a focused slider, spin box or text field, not to the stepping
    // shortcuts (shell/EditorKeys.h).
    qApp->installEventFilter(new EditorKeys(this));
    m_loader = new DatasetLoader(this, this);
    m_lessons = new LessonsWindow(this);  // a window of its own, opened from the Lessons menu

    m_network = new NetworkView(this);
    setCentralWidget(m_network);

    m_controls = new ControlPanel;
    m_controls->installEventFilter(this);  // its layout's changes resize the compact strip
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_controls);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_controls->sizeHint().width() + 20);
    m_samples = new SampleBrowser;
    m_errorPlot = new ErrorPlot;
    m_maths = new MathsPanel;
    m_predict = new PredictPanel;
    // View ▸ Weight atlas: every neuron's incoming weights, a window of its own that fits the
    // screen (a dock would take the network view's room on a 1024×768 projector).
    m_atlas = new WeightAtlas(this);
    restoreFittedGeometry(m_atlas, QStringLiteral("atlas/geometry"), QSize(960, 720));
    m_check = new CheckPanel;
    // What lessons offer the studio: sweep runs into this chart, a lesson's set to train on.
    m_lessons->connectToStudio(
        {m_errorPlot,
         [this](std::shared_ptr<const bp::Dataset> d) { trainOnLessonSet(std::move(d)); }},
        this);

    auto* controlsDock = makeDock(QStringLiteral("ControlsDock"), scroll, this);
    auto* samplesDock = makeDock(QStringLiteral("SamplesDock"), m_samples, this);
    // The run's timeline under the chart (views/TimelineBar.h), in the same dock.
    m_timeline = new TimelineBar;
    m_timeline->attachBanner(m_network);
    auto* chartBox = new QWidget;
    auto* chartRows = new QVBoxLayout(chartBox);
    chartRows->setContentsMargins(0, 0, 0, 0);
    chartRows->setSpacing(0);
    chartRows->addWidget(m_errorPlot, 1);
    chartRows->addWidget(m_timeline);
    auto* chartDock = makeDock(QStringLiteral("ErrorDock"), chartBox, this);
    auto* mathsDock = makeDock(QStringLiteral("MathsDock"), m_maths, this);
    m_docks = {controlsDock, samplesDock, chartDock, mathsDock};
    // The side docks run the full height; the chart and the maths sit under the network.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, controlsDock);
    addDockWidget(Qt::LeftDockWidgetArea, samplesDock);
    addDockWidget(Qt::BottomDockWidgetArea, chartDock);
    splitDockWidget(chartDock, mathsDock, Qt::Horizontal);
    resizeDocks({samplesDock, controlsDock}, {250, 330}, Qt::Horizontal);
    resizeDocks({chartDock, mathsDock}, {600, 600}, Qt::Horizontal);
    resizeDocks({chartDock}, {300}, Qt::Vertical);
    // Predict before reveal: a tab over the error curve (the curve says little while stepping,
    // and the maths beside it explains the update), shown while the mode is on (its action
    // closes it).
    m_predictDock = makeDock(QStringLiteral("PredictDock"), m_predict, this);
    m_predictDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    tabifyDockWidget(chartDock, m_predictDock);
    m_predictDock->hide();
    m_checkDock = makeDock(QStringLiteral("CheckDock"), m_check, this);  // the same, for checks
    m_checkDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    tabifyDockWidget(chartDock, m_checkDock);
    m_checkDock->hide();

    setStatusBar(new StatusBar(m_controller, m_loader, this));
    new DivergenceDialog(m_controller, this);  // answers trainingFailed

    m_sessions = new SessionActions(
        {this, m_controller, m_errorPlot, m_network, m_loader, m_controls}, this);
    m_class = new ClassActions({this, m_controller, m_errorPlot, m_sessions->manager()}, this);
    addDockWidget(Qt::RightDockWidgetArea, m_class->dock());  // beside the controls, so the
    tabifyDockWidget(controlsDock, m_class->dock());          // chart keeps its width
    m_class->dock()->setVisible(m_class->mode()->role() == ClassMode::Role::Teacher);
    m_exports =
        new ExportActions({this, m_controller, m_errorPlot, m_network, m_loader, m_controls}, this);
    m_help = new HelpActions(this, this);
    m_presentation = new PresentationMode(this, this);
    createMenus();
    m_viewMenu->addAction(controlsDock->toggleViewAction());
    m_viewMenu->addAction(samplesDock->toggleViewAction());
    m_viewMenu->addAction(chartDock->toggleViewAction());
    m_viewMenu->addAction(mathsDock->toggleViewAction());
    m_viewMenu->addAction(m_menus.atlas);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_presentation->toggleAction());
    m_menus.zoom = m_viewMenu->addMenu(QString());
    for (QAction* a : m_presentation->zoomActions()) m_menus.zoom->addAction(a);
    wire();
    restoreSettings();
    retranslateUi();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
    Menus& m = m_menus;
    m.file = menuBar()->addMenu(QString());
    m.openTrain = m.file->addAction(QString());
    m.openTrain->setShortcut(QKeySequence::Open);
    connect(m.openTrain, &QAction::triggered, this, [this] {
        m_askKeepOrNew = true;  // a person's choice of data: ask about the trained network
        m_loader->openWithDialog(DatasetLoader::Role::Training);
    });
    m.openTest = m.file->addAction(QString());
    connect(m.openTest, &QAction::triggered, this,
            [this] { m_loader->openWithDialog(DatasetLoader::Role::Test); });
    m_recentMenu = m.file->addMenu(QString());
    m.defaults = m.file->addAction(QString());
    connect(m.defaults, &QAction::triggered, this, [this] {
        m_askKeepOrNew = true;
        openDatasets(QString::fromLatin1(kDefaultTrain), QString::fromLatin1(kDefaultTest));
    });
    m.file->addSeparator();
    m_sessions->addActions(m.file);
    m.exportMenu = m.file->addMenu(QString());
    m_exports->fillMenu(m.exportMenu);
    m.file->addSeparator();
    m.quit = m.file->addAction(QString());
    m.quit->setMenuRole(QAction::QuitRole);
    connect(m.quit, &QAction::triggered, this, &QWidget::close);

    m.training = menuBar()->addMenu(QString());
    m_playAction = m.training->addAction(QString());
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    connect(m_playAction, &QAction::triggered, m_controller, &TrainingController::togglePlay);
    m.phase = m.training->addAction(QString());
    m.phase->setShortcut(QKeySequence(Qt::Key_Right));
    connect(m.phase, &QAction::triggered, m_controller, &TrainingController::stepPhase);
    m.sample = m.training->addAction(QString());
    connect(m.sample, &QAction::triggered, m_controller, &TrainingController::stepSample);
    m.epoch = m.training->addAction(QString());
    connect(m.epoch, &QAction::triggered, m_controller, &TrainingController::stepEpoch);
    m.predict = m.training->addAction(QString());
    m.predict->setObjectName(QStringLiteral("predictAction"));
    m.predict->setCheckable(true);  // off by default; remembered (restoreSettings)
    connect(m.predict, &QAction::toggled, this, &MainWindow::setPredicting);
    m_controls->setStepToggle(m.predict);  // one click away, beside Step phase
    m.check = m.training->addAction(QString());
    m.check->setObjectName(QStringLiteral("checkAction"));
    m.check->setCheckable(true);  // off by default; remembered (restoreSettings)
    connect(m.check, &QAction::toggled, this, &MainWindow::setChecking);
    m_controls->addStepToggle(m.check);  // beside Predict
    m.training->addSeparator();
    m.reset = m.training->addAction(QString());
    connect(m.reset, &QAction::triggered, m_controller, &TrainingController::reset);
    m.clear = m.training->addAction(QString());
    connect(m.clear, &QAction::triggered, m_errorPlot, &ErrorPlot::clearPreviousRuns);

    m_viewMenu = menuBar()->addMenu(QString());
    m.fit = m_viewMenu->addAction(QString());
    connect(m.fit, &QAction::triggered, m_network, &NetworkView::resetView);
    m_viewMenu->addSeparator();
    m.atlas = new QAction(this);  // placed after the panels' toggles
    m.atlas->setObjectName(QStringLiteral("atlasAction"));
    m.atlas->setCheckable(true);
    m.atlas->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m.atlas, &QAction::toggled, this, [this](bool on) {
        if (on) {
            fitToScreen(m_atlas);
            m_atlas->show();
            m_atlas->raise();
            m_atlas->activateWindow();
        } else {
            m_atlas->hide();
        }
    });

    // One action per lesson, in the lessons window's (the book's) order.
    m.lessons = menuBar()->addMenu(QString());
    m.lessons->setObjectName(QStringLiteral("lessonsMenu"));
    for (int i = 0; i < m_lessons->lessonCount(); ++i) {
        const QString id = m_lessons->lesson(i)->id();
        QAction* a = m.lessons->addAction(QString());
        a->setData(id);
        connect(a, &QAction::triggered, m_lessons, [this, id] { m_lessons->openAt(id); });
    }

    QMenu* classMenu = menuBar()->addMenu(tr("&Class"));
    classMenu->setObjectName(QStringLiteral("classMenu"));
    m_class->fillMenu(classMenu);

    menuBar()->addMenu(Language::createMenu(this));  // English / 简体中文, switched at once

    m.help = menuBar()->addMenu(QString());
    m_help->addActions(m.help);
    m.aboutQt = m.help->addAction(QString());
    connect(m.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::retranslateUi() {
    const Menus& m = m_menus;
    m.file->setTitle(tr("&File"));
    m.openTrain->setText(tr("Open &training set…"));
    m.openTrain->setStatusTip(tr("Load a training set: MNIST CSV (.csv, .csv.gz) or IDX files"));
    m.openTest->setText(tr("Open t&est set…"));
    m.openTest->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m.openTest->setStatusTip(tr("Load a test set, measured after every epoch"));
    m_recentMenu->setTitle(tr("&Recent files"));
    rebuildRecentMenu();
    m.defaults->setText(tr("Open the &built-in MNIST subset"));
    m.exportMenu->setTitle(tr("E&xport"));
    m.quit->setText(tr("&Quit"));
    m.quit->setShortcut(QKeySequence(tr("Ctrl+Q")));

    m.training->setTitle(tr("&Training"));
    m_playAction->setText(m_controller->isPlaying() ? tr("&Pause") : tr("&Play"));
    m.phase->setText(tr("Step p&hase"));
    m.sample->setText(tr("Step &sample"));
    m.sample->setShortcut(QKeySequence(tr("Shift+Right")));
    m.epoch->setText(tr("Step &epoch"));
    m.epoch->setShortcut(QKeySequence(tr("Ctrl+Right")));
    m.predict->setText(tr("Pre&dict before reveal"));
    m.predict->setIconText(tr("Predict"));  // the button beside the step buttons
    m.predict->setToolTip(
        tr("Predict before reveal: before a neuron's weight update is shown, "
           "mark whether each of its weights will grow or shrink"));
    m.predict->setStatusTip(
        tr("While stepping, mark whether each weight of a neuron will grow "
           "or shrink before its update is shown"));
    m.check->setText(tr("Chec&k my calculation"));
    m.check->setIconText(tr("Check"));  // the button beside Predict
    m.check->setToolTip(
        tr("Check my calculation: work out E, a slope O(1 − O) or one ΔW of the step by hand "
           "and have it checked"));
    m.check->setStatusTip(
        tr("While stepping, type a value you worked out by hand; the slip is named when it "
           "is wrong"));
    m.reset->setText(tr("&Reset"));
    m.reset->setShortcut(QKeySequence(tr("Ctrl+R")));
    m.clear->setText(tr("&Clear earlier curves"));

    m_viewMenu->setTitle(tr("&View"));
    m.fit->setText(tr("&Fit network"));
    m.fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    m.atlas->setText(tr("&Weight atlas"));
    m.atlas->setStatusTip(
        tr("Every neuron's incoming weights as tiles, live, and what changed "
           "between two moments of the run"));
    m.zoom->setTitle(tr("Presentation &size"));

    m.lessons->setTitle(tr("&Lessons"));
    const QList<QAction*> lessonActions = m.lessons->actions();
    // Lessons 1–9 have their digit as the mnemonic; from 10 on none ("&10" would repeat "&1").
    for (int i = 0; i < m_lessons->lessonCount() && i < lessonActions.size(); ++i)
        lessonActions[i]->setText(QStringLiteral("%1%2. %3")
                                      .arg(i < 9 ? QStringLiteral("&") : QString())
                                      .arg(i + 1)
                                      .arg(m_lessons->lesson(i)->title()));

    m.help->setTitle(tr("&Help"));
    m.aboutQt->setText(tr("About &Qt"));
    m_sessions->retranslate();
    m_exports->retranslate();
    m_help->retranslate();

    m_docks[0]->setWindowTitle(tr("Controls"));
    m_docks[1]->setWindowTitle(tr("Samples"));
    m_docks[2]->setWindowTitle(tr("Error curve"));
    m_docks[3]->setWindowTitle(tr("Maths"));
    m_predictDock->setWindowTitle(tr("Predict"));
    m_checkDock->setWindowTitle(tr("Check"));
    updateTitle();
}

void MainWindow::wire() {
    TrainingController* c = m_controller;
    // controller → views
    connect(c, &TrainingController::snapshotReady, m_network, &NetworkView::setSnapshot);
    connect(c, &TrainingController::snapshotReady, m_maths, &MathsPanel::follow);
    connect(c, &TrainingController::snapshotReady, m_predict, &PredictPanel::setSnapshot);
    connect(m_predict, &PredictPanel::revealRequested, c, &TrainingController::stepPhase);
    connect(c, &TrainingController::snapshotReady, m_check, &CheckPanel::setSnapshot);
    connect(c, &TrainingController::playingChanged, m_maths, &MathsPanel::setLive);
    connect(c, &TrainingController::snapshotReady, m_controls, &ControlPanel::setSnapshot);
    connect(c, &TrainingController::snapshotReady, m_lessons, &LessonsWindow::setSnapshot);
    connect(c, &TrainingController::snapshotReady, this, [this](SnapshotPtr s) {
        if (s) m_samples->setCurrentSample(s->sample);
    });
    connect(c, &TrainingController::errorPoints, m_errorPlot, &ErrorPlot::addErrorPoints);
    // The weight atlas follows the snapshots and the timeline; its selection is the view's.
    connect(c, &TrainingController::snapshotReady, m_atlas, &WeightAtlas::setSnapshot);
    connect(c, &TrainingController::timelineChanged, m_atlas, &WeightAtlas::setTimeline);
    connect(m_atlas, &WeightAtlas::neuronClicked, m_network, &NetworkView::setSelectedNeuron);
    connect(m_network, &NetworkView::neuronSelected, m_atlas, &WeightAtlas::setSelectedNeuron);
    // Closing its window unchecks View ▸ Weight atlas.
    connect(m_atlas, &WeightAtlas::shownChanged, m_menus.atlas, &QAction::setChecked);
    // The timeline: its checkpoints and diagnosis, the network it shows, and what it asks for.
    connect(c, &TrainingController::timelineChanged, m_timeline, &TimelineBar::setTimeline);
    connect(c, &TrainingController::snapshotReady, m_timeline, &TimelineBar::setSnapshot);
    connect(c, &TrainingController::runRewound, m_errorPlot, &ErrorPlot::rewindRun);
    connect(c, &TrainingController::learningRateSet, this, [this](double lr) {
        m_controls->setLearningRate(lr);
        m_timeline->setLearningRate(lr);
    });
    connect(m_timeline, &TimelineBar::viewRequested, c, &TrainingController::viewCheckpoint);
    connect(m_timeline, &TimelineBar::liveRequested, c, &TrainingController::viewLive);
    connect(m_timeline, &TimelineBar::resumeRequested, c,
            [c](std::uint64_t sample) { c->resumeFrom(sample); });
    connect(m_timeline, &TimelineBar::branchRequested, c,
            [c](std::uint64_t sample, double lr) { c->branchFrom(sample, lr); });
    connect(m_timeline, &TimelineBar::replayRequested, c, &TrainingController::replay);
    // A person's change of the learning rate is one mark (a drag of the slider, many values).
    connect(c, &TrainingController::learningRateMarked, m_errorPlot,
            &ErrorPlot::changeLearningRate);
    connect(c, &TrainingController::epochFinished, m_errorPlot,
            [this](int, double seen, double, double accuracy, double) {
                m_errorPlot->addAccuracy(seen, accuracy);
            });
    connect(c, &TrainingController::runStarted, m_errorPlot, [this](const QString& label) {
        m_runLabel = label;
        m_errorPlot->beginRun(label);
    });
    connect(c, &TrainingController::runStarted, this, &MainWindow::updateTitle);
    connect(m_sessions->manager(), &SessionManager::documentChanged, this,
            &MainWindow::updateTitle);
    // A session saved or opened: its training is what closing would keep.
    connect(m_sessions->manager(), &SessionManager::sessionPathChanged, this, [this] {
        m_controller->sync();  // the worker's newest state (a session that was just put back)
        const SnapshotPtr s = m_controller->lastSnapshot();
        m_savedSeen = s ? s->samplesSeen : 0;
    });
    // Sessions and exports report in the status bar.
    connect(m_sessions, &SessionActions::message, statusBar(), &QStatusBar::showMessage);
    connect(m_exports, &ExportActions::message, statusBar(), &QStatusBar::showMessage);
    // Presenting at 150 % on a 1280 px projector leaves the room of an 853 px screen: the
    // compact layout is chosen for the width divided by the zoom, when presentation starts.
    connect(m_presentation, &PresentationMode::aboutToTurnOn, this, [this](double zoom) {
        m_layoutZoom = zoom;
        arrangeForScreen();
    });
    // The chart and the network view follow presentation mode (the view's text and lines grow
    // with its zoom; the chart drops its caption).
    connect(m_presentation, &PresentationMode::changed, this, [this](bool on, double zoom) {
        if (!on && m_layoutZoom != 1.0) {  // back to the layout of the screen as it is
            m_layoutZoom = 1.0;
            arrangeForScreen();
        }
        m_errorPlot->setCompact(on);
        m_network->setTextScale(on ? zoom : 1.0);
        m_network->setStrokeScale(m_presentation->strokeScale());
        fitControlStrip();  // the compact strip's height follows the font
    });
    connect(c, &TrainingController::playingChanged, m_controls, &ControlPanel::setPlaying);
    connect(c, &TrainingController::playingChanged, this,
            [this](bool playing) { m_playAction->setText(playing ? tr("&Pause") : tr("&Play")); });
    connect(c, &TrainingController::predictionsReady, m_samples, &SampleBrowser::setPredictions);
    connect(c, &TrainingController::throughput, m_controls, &ControlPanel::setThroughput);

    // controls → controller and views
    connect(m_controls, &ControlPanel::playToggled, c, &TrainingController::togglePlay);
    connect(m_controls, &ControlPanel::stepPhaseRequested, c, &TrainingController::stepPhase);
    connect(m_controls, &ControlPanel::stepSampleRequested, c, &TrainingController::stepSample);
    connect(m_controls, &ControlPanel::stepEpochRequested, c, &TrainingController::stepEpoch);
    connect(m_controls, &ControlPanel::resetRequested, c, &TrainingController::reset);
    connect(m_controls, &ControlPanel::speedChanged, c, &TrainingController::setSpeed);
    connect(m_controls, &ControlPanel::epochLimitChanged, c, &TrainingController::setEpochLimit);
    connect(m_controls, &ControlPanel::learningRateChanged, c,
            &TrainingController::setLearningRate);
    connect(m_controls, &ControlPanel::learningRateChanged, m_timeline,
            &TimelineBar::setLearningRate);
    connect(m_controls, &ControlPanel::learningRateEditing, m_errorPlot,
            &ErrorPlot::setRateEditing);
    connect(m_controls, &ControlPanel::networkRequested, c, &TrainingController::setNetworkSpec);
    // A network or data set too large to build on: said at once, without waiting (not modal
    // to the event loop: training and tests go on), and nothing was changed.
    connect(c, &TrainingController::networkRefused, this, [this](const QString& message) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Backprop Studio"), message,
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("networkRefused"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_controls, &ControlPanel::densityChanged, m_network, &NetworkView::setDensity);
    connect(m_controls, &ControlPanel::showEdgeValuesChanged, m_network,
            &NetworkView::setShowEdgeValues);
    connect(m_network, &NetworkView::neuronSelected, m_maths, &MathsPanel::setSelectedNeuron);
    connect(m_network, &NetworkView::neuronSelected, m_predict, &PredictPanel::setSelectedNeuron);
    connect(m_network, &NetworkView::neuronSelected, m_check, &CheckPanel::setSelectedNeuron);
    connect(m_network, &NetworkView::edgeSelected, m_check, &CheckPanel::setSelectedWeight);
    // Hints off (a teacher's test) stays off at the next start.
    connect(m_check->form(), &CalculationCheckForm::hintsChanged, this,
            [](bool on) { QSettings().setValue(QStringLiteral("view/checkHints"), on); });
    connect(m_samples, &SampleBrowser::sampleActivated, c, &TrainingController::selectSample);

    // data
    connect(
        m_loader, &DatasetLoader::loaded, this,
        [this](DatasetLoader::Role role, DatasetPtr, const QString&) { onDatasetLoaded(role); });
    connect(m_loader, &DatasetLoader::recentFilesChanged, this, &MainWindow::rebuildRecentMenu);
}

void MainWindow::openDatasets(const QString& train, const QString& test) {
    if (!train.isEmpty()) m_loader->load(train, DatasetLoader::Role::Training);
    if (!test.isEmpty()) m_loader->load(test, DatasetLoader::Role::Test);
}

void MainWindow::setTraining(const bp::NetworkSpec& spec, const bp::TrainOptions& options) {
    m_controls->setSettings(spec, options);
    m_controls->setLearningRate(options.learningRate);
    m_controller->setNetworkSpec(spec, options);
    updateTitle();
}

void MainWindow::setFullSpeed() {
    m_controls->setFullSpeed(true);
}

void MainWindow::setEpochLimit(int epochs) {
    m_controls->setEpochLimit(epochs);
    m_controller->setEpochLimit(m_controls->epochLimit());
}

void MainWindow::onDatasetLoaded(DatasetLoader::Role role) {
    const DatasetPtr train = m_loader->current(DatasetLoader::Role::Training);
    const DatasetPtr test = m_loader->current(DatasetLoader::Role::Test);
    // A training set the person chose while the network is trained: keep it or make a new one?
    const bool ask = role == DatasetLoader::Role::Training && m_askKeepOrNew;
    m_askKeepOrNew = false;
    if (!useDatasets(train, test, role == DatasetLoader::Role::Training, ask)) return;
    if (m_autoPlay && train && !m_loader->isLoading()) {
        m_autoPlay = false;
        m_controller->play();
    }
}

bool MainWindow::useDatasets(const DatasetPtr& train, const DatasetPtr& test, bool newTraining,
                             bool ask) {
    m_controller->sync();
    const SnapshotPtr last = m_controller->lastSnapshot();
    // A set no network of these layers can be built on is refused (networkRefused says why).
    if (ask && last && last->samplesSeen > 0) {
        if (!m_controller->setDatasets(train, test, askKeepOrNew(last->samplesSeen))) return false;
    } else if (!m_controller->setDatasets(train, test)) {
        return false;
    }
    if (newTraining) m_samples->setDataset(train);
    m_lessons->setDatasets(train, test);
    m_controls->setSettings(m_controller->spec(), m_controller->options());
    updateTitle();
    return true;
}

void MainWindow::trainOnLessonSet(std::shared_ptr<const bp::Dataset> train) {
    if (!train || train->empty()) return;
    if (!useDatasets(train, m_controller->testSet(), true, true)) return;
    statusBar()->showMessage(tr("Training set: %1 (%n sample(s)), from the lessons", nullptr,
                                static_cast<int>(std::min<std::size_t>(train->rows(), 2147483647)))
                                 .arg(QString::fromStdString(train->source)),
                             8000);
    raise();
    activateWindow();
}

TrainingController::OnNewData MainWindow::askKeepOrNew(unsigned long long seen) {
    const int n = static_cast<int>(std::min<unsigned long long>(seen, 2147483647ULL));
    QMessageBox box(QMessageBox::Question, tr("New training set"),
                    tr("The network has been trained on %n sample(s). Go on training it on the "
                       "new set, or start a new network from the seed?",
                       nullptr, n),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("keepOrNew"));
    QPushButton* keep = box.addButton(tr("Keep the trained network"), QMessageBox::AcceptRole);
    QPushButton* fresh = box.addButton(tr("New network"), QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);  // what loading did before it asked
    box.exec();
    return box.clickedButton() == fresh ? TrainingController::OnNewData::NewNetwork
                                        : TrainingController::OnNewData::KeepTrained;
}

void MainWindow::updateTitle() {
    const QString shape = QString::fromStdString(m_controller->spec().describe());
    const QString trainName = m_loader->currentName(DatasetLoader::Role::Training);
    QString title = trainName.isEmpty() ? tr("Backprop Studio — %1").arg(shape)
                                        : tr("Backprop Studio — %1 — %2").arg(shape, trainName);
    // The session's title (or file name) first, as document programs name their document.
    if (const QString doc = m_sessions->manager()->documentName(); !doc.isEmpty())
        title = tr("%1 — %2").arg(doc, title);
    setWindowTitle(title);
    // On the picture too, for the projector (full screen has no title bar) and for exports.
    m_network->setDocumentTitle(m_sessions->manager()->title());
}

void MainWindow::startUp(bool offerRecovery) {
    m_sessions->startUp(offerRecovery);
    m_presentation->restore();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = m_loader->recentFiles();
    m_recentMenu->setEnabled(!files.isEmpty());
    for (const QString& f : files) {
        QMenu* sub = m_recentMenu->addMenu(QFileInfo(f).fileName());
        sub->setToolTip(f);
        connect(sub->addAction(tr("As training set")), &QAction::triggered, this, [this, f] {
            m_askKeepOrNew = true;
            m_loader->load(f, DatasetLoader::Role::Training);
        });
        connect(sub->addAction(tr("As test set")), &QAction::triggered, this,
                [this, f] { m_loader->load(f, DatasetLoader::Role::Test); });
    }
}

void MainWindow::restoreSettings() {
    QSettings s;
    bp::NetworkSpec spec;
    spec.layers = {784, 100, 10};
    const QString hidden =
        s.value(QStringLiteral("network/hidden"), QStringLiteral("100")).toString();
    std::vector<int> sizes;
    if (ControlPanel::parseHidden(hidden, sizes)) {
        spec.layers = {784};
        spec.layers.insert(spec.layers.end(), sizes.begin(), sizes.end());
        spec.layers.push_back(10);
    }
    spec.hidden = static_cast<bp::Activation>(
        std::clamp(s.value(QStringLiteral("network/activation"), 0).toInt(), 0, 2));
    spec.seed = s.value(QStringLiteral("network/seed"), 1).toULongLong();
    bp::TrainOptions options;
    options.learningRate =
        std::clamp(s.value(QStringLiteral("training/learningRate"), 0.1).toDouble(),
                   ControlPanel::kMinRate, ControlPanel::kMaxRate);
    options.epochs = std::max(1, s.value(QStringLiteral("training/epochs"), 1).toInt());
    options.batch = std::max(1, s.value(QStringLiteral("training/batch"), 1).toInt());
    m_controls->setSettings(spec, options);
    m_controls->setLearningRate(options.learningRate);
    m_controls->setSpeedIndex(
        s.value(QStringLiteral("training/speedIndex"), ControlPanel::defaultSpeedIndex()).toInt());
    m_controls->setEpochLimit(s.value(QStringLiteral("training/epochLimit"), 0).toInt());
    m_controller->setEpochLimit(m_controls->epochLimit());
    m_controls->setDensity(s.value(QStringLiteral("view/density"), m_controls->density()).toInt());
    m_network->setDensity(m_controls->density());
    m_controller->setSpeed(m_controls->speed());
    m_controller->setNetworkSpec(spec, options);
    m_loader->setRecentFiles(s.value(QStringLiteral("data/recent")).toStringList());
    m_menus.predict->setChecked(s.value(QStringLiteral("view/predict"), false).toBool());
    m_menus.check->setChecked(s.value(QStringLiteral("view/check"), false).toBool());
    m_check->form()->setHints(s.value(QStringLiteral("view/checkHints"), true).toBool());
    rebuildRecentMenu();

    restoreFittedGeometry(this, QStringLiteral("window/geometry"), QSize(1600, 900));
    arrangeForScreen();  // and the dock state saved for that layout
}

namespace {
// Each layout keeps its own dock state (a compact one restored on a desk would be cramped).
QString stateKey(bool compact) {
    return compact ? QStringLiteral("window/compactState") : QStringLiteral("window/state");
}
}  // namespace

void MainWindow::arrangeForScreen() {
    const QScreen* s = screen();
    setCompactLayout(s && s->availableGeometry().width() < kCompactBelowWidth * m_layoutZoom);
}

void MainWindow::fitControlStrip() {
    if (!m_compact) return;
    auto* scroll = qobject_cast<QScrollArea*>(m_docks[0]->widget());
    m_controls->setCompactWidth(width() - 2 * scroll->frameWidth());
    // As high as the panel, and its scroll bar when the panel cannot be as narrow as the window.
    const QSize panel = m_controls->sizeHint().expandedTo(m_controls->minimumSizeHint());
    const int room = width() - 2 * scroll->frameWidth();
    const int bar = panel.width() > room ? scroll->horizontalScrollBar()->sizeHint().height() : 0;
    scroll->setMinimumHeight(panel.height() + bar + 2 * scroll->frameWidth());
    resizeDocks({m_docks[0]}, {scroll->minimumHeight()}, Qt::Vertical);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // The panel's layout changed (a font, a text, a tab): the strip's height again, once the
    // layout has settled.
    if (watched == m_controls && event->type() == QEvent::LayoutRequest && m_compact &&
        !m_stripPending) {
        m_stripPending = true;
        QTimer::singleShot(0, this, [this] {
            m_stripPending = false;
            fitControlStrip();
        });
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (!m_followsScreen && windowHandle()) {
        m_followsScreen = true;
        connect(windowHandle(), &QWindow::screenChanged, this, &MainWindow::arrangeForScreen);
    }
    arrangeForScreen();
}

void MainWindow::setCompactLayout(bool compact) {
    if (m_arranged && compact == m_compact) return;
    if (m_arranged) QSettings().setValue(stateKey(m_compact), saveState());  // the one we leave
    m_arranged = true;
    m_compact = compact;
    QDockWidget* controls = m_docks[0];
    QDockWidget* samples = m_docks[1];
    QDockWidget* chart = m_docks[2];
    QDockWidget* maths = m_docks[3];
    QDockWidget* classDock = m_class->dock();
    const bool classShown = !classDock->isHidden();
    auto* scroll = qobject_cast<QScrollArea*>(controls->widget());
    m_controls->setCompact(compact);
    const Qt::DockWidgetArea area = compact ? Qt::TopDockWidgetArea : Qt::RightDockWidgetArea;
    addDockWidget(area, controls);
    addDockWidget(area, classDock);
    tabifyDockWidget(controls, classDock);
    classDock->setVisible(classShown);
    controls->raise();
    if (compact) {
        // A strip as high as its content, scrolling sideways if a larger font makes it wider
        // than the screen (presentation mode).
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setMinimumWidth(0);
        fitControlStrip();
        samples->hide();  // View ▸ Samples brings it back
    } else {
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        scroll->setMinimumHeight(0);
        scroll->setMinimumWidth(m_controls->sizeHint().width() + 20);
        samples->show();
    }
    const QByteArray saved = QSettings().value(stateKey(compact)).toByteArray();
    if (saved.isEmpty() || !restoreState(saved)) {
        if (compact) {
            resizeDocks({controls}, {scroll->minimumHeight()}, Qt::Vertical);
        } else {
            resizeDocks({samples, controls}, {150, 330}, Qt::Horizontal);
        }
        resizeDocks({chart, maths}, {width() / 2, width() / 2}, Qt::Horizontal);
        resizeDocks({chart}, {300}, Qt::Vertical);
    }
    m_predictDock->setVisible(m_predict->isOn());  // as the mode says, whatever the state says
    if (m_predict->isOn()) m_predictDock->raise();
    m_checkDock->setVisible(m_check->isOn());
    if (m_check->isOn()) m_checkDock->raise();
}

void MainWindow::setPredicting(bool on) {
    m_predict->setOn(on);
    m_predictDock->setVisible(on);
    if (on) m_predictDock->raise();  // in front of the error curve (its tab brings it back)
    if (m_menus.predict->isChecked() != on) m_menus.predict->setChecked(on);
    QSettings().setValue(QStringLiteral("view/predict"), on);
}

void MainWindow::setChecking(bool on) {
    m_check->setOn(on);
    m_checkDock->setVisible(on);
    if (on) m_checkDock->raise();
    if (m_menus.check->isChecked() != on) m_menus.check->setChecked(on);
    QSettings().setValue(QStringLiteral("view/check"), on);
}

void MainWindow::saveSettings() const {
    QSettings s;
    saveFittedGeometry(this, QStringLiteral("window/geometry"));
    if (m_atlas->isVisible()) saveFittedGeometry(m_atlas, QStringLiteral("atlas/geometry"));
    s.setValue(stateKey(m_compact), saveState());
    const bp::NetworkSpec spec = m_controls->spec();
    QStringList hidden;
    for (std::size_t k = 1; k + 1 < spec.layers.size(); ++k)
        hidden << QString::number(spec.layers[k]);
    s.setValue(QStringLiteral("network/hidden"), hidden.join(QStringLiteral(", ")));
    s.setValue(QStringLiteral("network/activation"), static_cast<int>(spec.hidden));
    s.setValue(QStringLiteral("network/seed"), static_cast<qulonglong>(spec.seed));
    s.setValue(QStringLiteral("training/learningRate"), m_controls->learningRate());
    s.setValue(QStringLiteral("training/epochs"), m_controls->options().epochs);
    s.setValue(QStringLiteral("training/batch"), m_controls->options().batch);
    s.setValue(QStringLiteral("training/speedIndex"), m_controls->speedIndex());
    s.setValue(QStringLiteral("training/epochLimit"), m_controls->epochLimit());
    s.setValue(QStringLiteral("view/density"), m_controls->density());
    s.setValue(QStringLiteral("data/recent"), m_loader->recentFiles());
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The chart's current run, if the controller named it, in the new language too.
        const int current = static_cast<int>(m_errorPlot->previousRuns().size());
        if (m_errorPlot->currentRun().label == m_runLabel) {
            m_runLabel = m_controller->runLabel();
            m_errorPlot->setRunLabel(current, m_runLabel);
        }
    }
    QMainWindow::changeEvent(event);
}

bool MainWindow::hasUnsavedTraining() const {
    const SnapshotPtr s = m_controller->lastSnapshot();
    return s && s->samplesSeen > 0 && s->samplesSeen != m_savedSeen;
}

bool MainWindow::offerToSave() {
    const bool wasPlaying = m_controller->isPlaying();
    m_controller->pause();
    m_controller->sync();  // the state the question is about, and the one Save writes
    if (!hasUnsavedTraining()) return true;
    const SnapshotPtr s = m_controller->lastSnapshot();
    const int seen = static_cast<int>(std::min<unsigned long long>(s->samplesSeen, 2147483647ULL));
    QMessageBox box(QMessageBox::Question, tr("Quit Backprop Studio"),
                    tr("The network has been trained on %n sample(s) and the training is not "
                       "saved. Save the session before quitting?",
                       nullptr, seen),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("saveBeforeQuit"));
    box.setDefaultButton(QMessageBox::Save);
    const int answer = box.exec();
    if (answer == QMessageBox::Discard) return true;
    if (answer == QMessageBox::Save && m_sessions->saveSession()) return true;
    if (wasPlaying) m_controller->play();  // Cancel (or a save not made): as it was
    return false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_askToSave && !offerToSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    m_controller->pause();
    event->accept();
}

}  // namespace bps
