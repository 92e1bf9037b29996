// test_control_panel.cpp — the log-scale learning-rate slider and its field, the pace (its
// default, its unit in words, the Full speed toggle), "stop after N epochs", the hidden-layer
// field, and the question before a trained network is thrown away.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QtTest>
#include <cmath>

#include "shell/Language.h"
#include "views/ControlPanel.h"

using bps::ControlPanel;

namespace {
// Answers the next message box with `button` and remembers that one was shown.
struct BoxAnswerer {
    QTimer timer;
    bool seen = false;
    explicit BoxAnswerer(QMessageBox::StandardButton button) {
        QObject::connect(&timer, &QTimer::timeout, [this, button] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                seen = true;
                box->button(button)->click();
            }
        });
        timer.start(20);
    }
};
}  // namespace

class TestControlPanel : public QObject {
    Q_OBJECT
  private slots:
    void learningRateSliderIsLogarithmic() {
        ControlPanel panel;
        QSignalSpy rates(&panel, &ControlPanel::learningRateChanged);
        auto* slider = panel.findChildren<QSlider*>().at(1);  // speed first, then rate
        QCOMPARE(slider->maximum(), ControlPanel::kRateSteps);
        slider->setValue(0);
        QCOMPARE(panel.learningRate(), 0.0001);
        slider->setValue(ControlPanel::kRateSteps);
        QCOMPARE(panel.learningRate(), 1.0);
        slider->setValue(300);  // 10^(−4 + 3) = 0.1
        QCOMPARE(panel.learningRate(), 0.1);
        QCOMPARE(rates.count(), 3);
        QCOMPARE(rates.last().at(0).toDouble(), 0.1);
        panel.setLearningRate(0.3);  // programmatic: no request
        QCOMPARE(rates.count(), 3);
        QCOMPARE(slider->value(), static_cast<int>(std::lround((std::log10(0.3) + 4) * 100)));
    }

    // Play starts at a pace a class can watch (50 samples/s: an epoch of the embedded 5,000
    // images lasts 100 s), says its unit with the right plural, and full speed is one click on
    // the toggle beside the slider and one click back.
    void paceDefaultUnitAndFullSpeed() {
        bps::Language::instance()->setLanguage(QStringLiteral("en"));
        ControlPanel panel;
        QCOMPARE(panel.speed(), ControlPanel::kDefaultSpeed);
        QCOMPARE(panel.speed(), 50.0);
        QVERIFY(!panel.fullSpeed());
        auto* pace = panel.findChild<QSlider*>(QStringLiteral("pace"));
        auto* label = panel.findChild<QLabel*>(QStringLiteral("paceLabel"));
        auto* full = panel.findChild<QPushButton*>(QStringLiteral("fullSpeed"));
        QVERIFY(pace && label && full);
        QCOMPARE(label->text(), QStringLiteral("50 samples/s"));
        QCOMPARE(full->text(), QStringLiteral("Full speed"));
        QSignalSpy speeds(&panel, &ControlPanel::speedChanged);
        pace->setValue(2);
        QCOMPARE(panel.speed(), 1.0);
        QCOMPARE(label->text(), QStringLiteral("1 sample/s"));
        pace->setValue(0);
        QCOMPARE(label->text(), QStringLiteral("1 sample every 4 s"));
        pace->setValue(pace->maximum());
        QCOMPARE(label->text(), QStringLiteral("5000 samples/s"));
        QCOMPARE(speeds.count(), 3);

        full->click();  // one click: full speed
        QVERIFY(panel.fullSpeed());
        QCOMPARE(panel.speed(), 0.0);
        QCOMPARE(speeds.last().at(0).toDouble(), 0.0);
        QCOMPARE(panel.speedIndex(), ControlPanel::speedCount() - 1);
        QVERIFY(!label->isEnabled());  // the slider's pace, greyed: what a click returns to
        full->click();                 // and back to the slider's pace
        QCOMPARE(speeds.last().at(0).toDouble(), 5000.0);
        full->click();
        pace->setValue(7);  // moving the slider chooses its pace
        QVERIFY(!panel.fullSpeed());
        QCOMPARE(speeds.last().at(0).toDouble(), 50.0);

        // Sessions and settings store an index; the last one is full speed.
        panel.setSpeedIndex(ControlPanel::speedCount() - 1);
        QVERIFY(panel.fullSpeed());
        panel.setSpeedIndex(ControlPanel::defaultSpeedIndex());
        QVERIFY(!panel.fullSpeed());
        QCOMPARE(panel.speed(), 50.0);

        bps::Language::instance()->setLanguage(QStringLiteral("zh_CN"));
        QTRY_COMPARE(label->text(), QStringLiteral("每秒 50 个样本"));
        QCOMPARE(full->text(), QStringLiteral("全速"));
        bps::Language::instance()->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(label->text(), QStringLiteral("50 samples/s"));
    }

    // "Stop after N epochs" is off by default (Play trains until Pause); ticking it asks for a
    // limit at once, with its unit in words.
    void stopAfterEpochsIsOptional() {
        bps::Language::instance()->setLanguage(QStringLiteral("en"));
        ControlPanel panel;
        QCOMPARE(panel.epochLimit(), 0);
        auto* stop = panel.findChild<QCheckBox*>(QStringLiteral("stopAfter"));
        auto* epochs = panel.findChild<QSpinBox*>(QStringLiteral("epochs"));
        QVERIFY(stop && epochs);
        QVERIFY(!stop->isChecked());
        QVERIFY(!epochs->isEnabled());
        QSignalSpy limits(&panel, &ControlPanel::epochLimitChanged);
        stop->click();
        QCOMPARE(panel.epochLimit(), 1);
        QCOMPARE(limits.last().at(0).toInt(), 1);
        QCOMPARE(epochs->text(), QStringLiteral("1 epoch"));
        epochs->setValue(3);
        QCOMPARE(limits.last().at(0).toInt(), 3);
        QCOMPARE(epochs->text(), QStringLiteral("3 epochs"));
        QCOMPARE(panel.options().epochs, 3);
        stop->click();
        QCOMPARE(limits.last().at(0).toInt(), 0);
        QCOMPARE(panel.epochLimit(), 0);
        QCOMPARE(panel.options().epochs, 3);  // the N is kept for the next time
        panel.setEpochLimit(5);               // settings, sessions, --epochs: no request
        QCOMPARE(limits.count(), 3);
        QVERIFY(stop->isChecked());
        QCOMPARE(panel.epochLimit(), 5);
    }

    // "(settings changed)" says the fields differ from the network's: it goes when a value is
    // put back, and Return in "Hidden layers" pops no dialog (not even on a trained network).
    void settingsChangedMarkFollowsTheValues() {
        bps::Language::instance()->setLanguage(QStringLiteral("en"));
        ControlPanel panel;
        bp::NetworkSpec spec;
        spec.layers = {784, 100, 10};
        spec.seed = 1;
        panel.setSettings(spec, bp::TrainOptions{});
        QPushButton* apply = nullptr;
        for (auto* b : panel.findChildren<QPushButton*>())
            if (b->text().startsWith(QStringLiteral("New network"))) apply = b;
        QVERIFY(apply);
        QCOMPARE(apply->text(), QStringLiteral("New network"));
        auto* hidden = panel.findChild<QLineEdit*>(QStringLiteral("hiddenLayers"));
        QVERIFY(hidden);
        hidden->setFocus();
        hidden->selectAll();
        QTest::keyClicks(hidden, QStringLiteral("50"));
        QCOMPARE(apply->text(), QStringLiteral("New network (settings changed)"));
        QVERIFY(apply->font().bold());
        hidden->selectAll();
        QTest::keyClicks(hidden, QStringLiteral("100"));
        QCOMPARE(apply->text(), QStringLiteral("New network"));  // restored: no mark
        QVERIFY(!apply->font().bold());
        auto* seed = panel.findChildren<QSpinBox*>().at(2);  // epochs, batch, seed
        QCOMPARE(seed->value(), 1);
        seed->setValue(2);
        QCOMPARE(apply->text(), QStringLiteral("New network (settings changed)"));
        seed->setValue(1);
        QCOMPARE(apply->text(), QStringLiteral("New network"));

        auto trained = std::make_shared<bps::Snapshot>();
        trained->spec = spec;
        trained->samplesSeen = 10;
        panel.setSnapshot(trained);
        QSignalSpy requests(&panel, &ControlPanel::networkRequested);
        BoxAnswerer any(QMessageBox::Cancel);
        hidden->selectAll();
        QTest::keyClicks(hidden, QStringLiteral("50"));
        QTest::keyClick(hidden, Qt::Key_Return);
        QTest::qWait(100);  // the answerer looks every 20 ms
        QVERIFY2(!any.seen, "Return in Hidden layers popped a dialog");
        QCOMPARE(requests.count(), 0);
    }

    void hiddenLayersParse() {
        std::vector<int> h;
        QVERIFY(ControlPanel::parseHidden(QStringLiteral("200, 50"), h));
        QCOMPARE(h, (std::vector<int>{200, 50}));
        QVERIFY(ControlPanel::parseHidden(QString(), h));
        QVERIFY(h.empty());
        QVERIFY(!ControlPanel::parseHidden(QStringLiteral("0"), h));
        QVERIFY(!ControlPanel::parseHidden(QStringLiteral("12,x"), h));
    }

    void newNetworkAsksBeforeDiscardingATrainedOne() {
        ControlPanel panel;
        bp::NetworkSpec spec;
        spec.layers = {784, 64, 10};
        spec.seed = 9;
        bp::TrainOptions options;
        options.epochs = 3;
        panel.setSettings(spec, options);
        QSignalSpy requests(&panel, &ControlPanel::networkRequested);

        panel.apply();  // untrained: no question
        QCOMPARE(requests.count(), 1);
        const auto got = requests.at(0).at(0).value<bp::NetworkSpec>();
        QCOMPARE(got.layers, spec.layers);
        QCOMPARE(got.seed, std::uint64_t{9});
        QCOMPARE(requests.at(0).at(1).value<bp::TrainOptions>().epochs, 3);

        auto trained = std::make_shared<bps::Snapshot>();
        trained->spec = spec;
        trained->samplesSeen = 10;
        panel.setSnapshot(trained);
        {
            BoxAnswerer no(QMessageBox::Cancel);
            panel.apply();
            QVERIFY(no.seen);
            QCOMPARE(requests.count(), 1);  // kept the trained network
        }
        {
            BoxAnswerer yes(QMessageBox::Yes);
            panel.apply();
            QVERIFY(yes.seen);
            QCOMPARE(requests.count(), 2);
        }
    }
};

QTEST_MAIN(TestControlPanel)
#include "test_control_panel.moc"
