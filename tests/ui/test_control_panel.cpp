// test_control_panel.cpp — the log-scale learning-rate slider and its field, the hidden-layer
// field, and the question before a trained network is thrown away.
#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTimer>
#include <QtTest>
#include <cmath>

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
