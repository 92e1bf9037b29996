// test_presentation.cpp — presentation mode: the application font grows by the zoom and comes
// back exactly, the high-contrast palette is applied and removed, dock title bars and the status
// bar are hidden and restored, F11 toggles it, the state is remembered. Runs at a device pixel
// ratio of 2 (QT_SCALE_FACTOR=2, set before the application starts) to check that the sample
// thumbnails and the network view are drawn at full resolution on high-DPI screens.
#include <QAbstractAxis>
#include <QAbstractItemView>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QLabel>
#include <QLegend>
#include <QListView>
#include <QMainWindow>
#include <QPainter>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTranslator>
#include <QVBoxLayout>
#include <QtTest>

#include "ViewFixtures.h"
#include "shell/PresentationMode.h"
#include "views/ErrorPlot.h"
#include "views/NetworkView.h"
#include "views/SampleBrowser.h"

using bps::PresentationMode;

namespace {

struct Window {
    QMainWindow window;
    QLabel* label = new QLabel(QStringLiteral("Backprop"));
    QDockWidget* dock = new QDockWidget(QStringLiteral("Dock"));
    Window() {
        window.setCentralWidget(label);
        dock->setWidget(new QLabel(QStringLiteral("inside")));
        window.addDockWidget(Qt::RightDockWidgetArea, dock);
        window.statusBar()->showMessage(QStringLiteral("status"));
        window.resize(800, 600);
    }
};

}  // namespace

class TestPresentation : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void fontPaletteAndClutterChangeAndComeBack() {
        Window w;
        w.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        const double before = w.label->font().pointSizeF();
        QVERIFY(before > 0);
        const QColor windowBefore = QApplication::palette().color(QPalette::Window);
        const int titleBefore = w.dock->widget()->mapTo(w.dock, QPoint(0, 0)).y();
        QVERIFY(titleBefore > 0);  // the title bar sits above the dock's content

        PresentationMode pm(&w.window);
        QSignalSpy changed(&pm, &PresentationMode::changed);
        pm.setOn(true);
        QVERIFY(pm.isOn());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(w.label->font().pointSizeF(), before * PresentationMode::kDefaultZoom);
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
        QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));
        QCOMPARE(w.label->palette().color(QPalette::WindowText), QColor(Qt::black));
        QVERIFY(!w.window.statusBar()->isVisible());
        QVERIFY(w.dock->titleBarWidget() != nullptr);
        QTRY_VERIFY(w.dock->widget()->mapTo(w.dock, QPoint(0, 0)).y() < titleBefore);
        QVERIFY(pm.strokeScale() > 1.0);
        QVERIFY(pm.toggleAction()->isChecked());

        // The zoom scales the whole UI while presenting, within bounds.
        pm.zoomIn();
        QCOMPARE(w.label->font().pointSizeF(), before * (PresentationMode::kDefaultZoom + 0.25));
        pm.setZoom(100);
        QCOMPARE(pm.zoom(), PresentationMode::kMaxZoom);
        QCOMPARE(w.label->font().pointSizeF(), before * PresentationMode::kMaxZoom);

        pm.setOn(false);
        QCOMPARE(w.label->font().pointSizeF(), before);
        QCOMPARE(QApplication::palette().color(QPalette::Window), windowBefore);
        QVERIFY(w.window.statusBar()->isVisible());
        QVERIFY(w.dock->titleBarWidget() == nullptr);
        QVERIFY(!w.window.isFullScreen());
        QCOMPARE(pm.strokeScale(), 1.0);
        QVERIFY(!pm.toggleAction()->isChecked());
        pm.setZoom(PresentationMode::kDefaultZoom);
    }

    // A status-bar message that arrives while presenting (the bar hidden) must not be drawn
    // over the bar's own widgets when the bar comes back: Qt hides them only while a message
    // shows, and showing the bar again would show them under it.
    void statusMessageDoesNotOverlapTheBarsWidgetsAfterwards() {
        Window w;
        auto* data = new QLabel(QStringLiteral("Training: 100 samples"));
        w.window.statusBar()->clearMessage();
        w.window.statusBar()->addWidget(data, 1);
        w.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QVERIFY(data->isVisible());
        PresentationMode pm(&w.window);
        pm.setOn(true);
        w.window.statusBar()->showMessage(QStringLiteral("Epoch 1: mean error 0.2"), 60000);
        pm.setOn(false);
        QVERIFY(w.window.statusBar()->isVisible());
        QCOMPARE(w.window.statusBar()->currentMessage(), QStringLiteral("Epoch 1: mean error 0.2"));
        QVERIFY(!data->isVisible());  // the message has the bar
        w.window.statusBar()->clearMessage();
        QVERIFY(data->isVisible());  // and gives it back
        // The same when the message was there before presenting.
        w.window.statusBar()->showMessage(QStringLiteral("Session saved"), 60000);
        QVERIFY(!data->isVisible());
        pm.setOn(true);
        pm.setOn(false);
        QVERIFY(!data->isVisible());
        w.window.statusBar()->clearMessage();
        QVERIFY(data->isVisible());
    }

    void shortcutAndMemory() {
        Window w;
        w.window.show();
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        const double before = w.label->font().pointSizeF();
        {
            PresentationMode pm(&w.window);
            QTest::keyClick(&w.window, Qt::Key_F11);
            QVERIFY(pm.isOn());
            QCOMPARE(QSettings().value(QStringLiteral("presentation/on")).toBool(), true);
            pm.setZoom(2.0);
        }  // a window closed while presenting: the font comes back
        QCOMPARE(w.label->font().pointSizeF(), before);

        PresentationMode again(&w.window);
        QVERIFY(!again.isOn());
        again.restore();
        QVERIFY(again.isOn());
        QCOMPARE(again.zoom(), 2.0);
        QCOMPARE(w.label->font().pointSizeF(), before * 2.0);
        QTest::keyClick(&w.window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!again.isOn());
        QCOMPARE(w.label->font().pointSizeF(), before);
        QCOMPARE(QSettings().value(QStringLiteral("presentation/on")).toBool(), false);
    }

    // A language switch (a translator installed while running) renames the entries at once.
    void entriesFollowALanguageSwitch() {
        struct Shouting : QTranslator {
            QString translate(const char* context, const char* source, const char*,
                              int) const override {
                return qstrcmp(context, "bps::PresentationMode") == 0
                           ? QString::fromUtf8(source).toUpper()
                           : QString();
            }
            bool isEmpty() const override { return false; }
        } translator;
        PresentationMode pm(nullptr);
        const QString english = pm.toggleAction()->text();
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCOMPARE(pm.toggleAction()->text(), english.toUpper());
        QCOMPARE(pm.zoomActions().front()->toolTip(),
                 QStringLiteral("MAKE EVERYTHING LARGER WHILE PRESENTING"));
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(pm.toggleAction()->text(), english);
    }

    // A panel that never scrolls sideways (the controls) is widened to its larger content, and
    // the window's layout comes back afterwards.
    void panelsWidenAndLayoutComesBack() {
        Window w;
        auto* area = new QScrollArea;
        auto* content = new QWidget;
        auto* layout = new QVBoxLayout(content);
        layout->addWidget(new QLabel(QStringLiteral("A fairly long label in the controls panel")));
        area->setWidget(content);
        area->setWidgetResizable(true);
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        area->setMinimumWidth(content->sizeHint().width() + 20);
        const int before = area->minimumWidth();
        auto* dock = new QDockWidget(QStringLiteral("Controls"));
        dock->setObjectName(QStringLiteral("ControlsDock"));
        w.dock->setObjectName(QStringLiteral("Dock"));
        dock->setWidget(area);
        w.window.addDockWidget(Qt::LeftDockWidgetArea, dock);
        w.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        const QByteArray state = w.window.saveState();
        PresentationMode pm(&w.window);
        pm.setOn(true);
        QVERIFY(area->minimumWidth() >= content->sizeHint().width());
        QVERIFY(area->minimumWidth() > before);
        pm.setOn(false);
        QCOMPARE(area->minimumWidth(), before);
        QCOMPARE(w.window.saveState(), state);
    }

    // The error chart's texts (Qt Charts keeps its own fonts) follow the zoom, and come back.
    void chartFontsFollowTheZoom() {
        QMainWindow window;
        auto* plot = new bps::ErrorPlot;
        window.setCentralWidget(plot);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QChartView* view = plot->findChild<QChartView*>();
        QVERIFY(view);
        const QList<QAbstractAxis*> axes = view->chart()->axes();
        QVERIFY(!axes.isEmpty());
        const double legend = view->chart()->legend()->font().pointSizeF();
        const double labels = axes.front()->labelsFont().pointSizeF();
        QVERIFY(legend > 0 && labels > 0);
        PresentationMode pm(&window);
        pm.setZoom(2.0);
        pm.setOn(true);
        QCOMPARE(view->chart()->legend()->font().pointSizeF(), legend * 2.0);
        for (QAbstractAxis* axis : axes) QCOMPARE(axis->labelsFont().pointSizeF(), labels * 2.0);
        pm.setOn(false);
        QCOMPARE(view->chart()->legend()->font().pointSizeF(), legend);
        QCOMPARE(axes.back()->labelsFont().pointSizeF(), labels);
        pm.setZoom(PresentationMode::kDefaultZoom);
    }

    // The network view's own text (captions, labels) grows with the presentation zoom, and the
    // picture is exactly the same again at scale 1.
    void networkViewTextScales() {
        auto data = std::make_shared<const bp::Dataset>(fixtures::mnist100());
        const bp::Network net = fixtures::mnistNetwork(*data, 1);
        bps::NetworkView view;
        view.setSnapshot(
            fixtures::trainedSnapshot(net, data->input(0), data->label(0), 28, 28, 0.1));
        auto render = [&view] {
            QImage image(800, 450, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter p(&image);
            view.renderTo(p, image.rect());
            return image;
        };
        const QImage normal = render();
        view.setTextScale(2.0);
        QCOMPARE(view.textScale(), 2.0);
        const QImage large = render();
        QVERIFY(large != normal);
        view.setTextScale(1.0);
        QVERIFY(render() == normal);
    }

    // High DPI: at a device pixel ratio of 2 the thumbnails carry twice the pixels and say so,
    // and the network view grabs at full resolution.
    void highDpiThumbnailsAndView() {
        QCOMPARE(qApp->devicePixelRatio(), 2.0);
        auto data = std::make_shared<const bp::Dataset>(fixtures::mnist100());
        bps::SampleBrowser browser;
        browser.setDataset(data);
        auto* list = browser.findChild<QListView*>();
        QVERIFY(list);
        const QVariant deco = list->model()->data(list->model()->index(0, 0), Qt::DecorationRole);
        const QPixmap thumb = deco.value<QPixmap>();
        QVERIFY(!thumb.isNull());
        QCOMPARE(thumb.devicePixelRatio(), 2.0);
        QCOMPARE(thumb.deviceIndependentSize().toSize() * 2, thumb.size());

        bps::NetworkView view;
        view.resize(400, 300);
        const bp::Network net = fixtures::mnistNetwork(*data, 1);
        view.setSnapshot(
            fixtures::trainedSnapshot(net, data->input(0), data->label(0), 28, 28, 0.1));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPixmap shot = view.grab();
        QCOMPARE(shot.devicePixelRatio(), 2.0);
        QCOMPARE(shot.size(), QSize(800, 600));
    }
};

int main(int argc, char** argv) {
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_presentation"));
    TestPresentation test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_presentation.moc"
