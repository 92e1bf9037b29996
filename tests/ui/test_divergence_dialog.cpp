// test_divergence_dialog.cpp — when training diverges the studio pauses, says what happened in
// plain words and offers Reset; pressing Reset gives a fresh, finite network.
#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

#include "shell/MainWindow.h"
#include "training/TrainingController.h"

using bps::MainWindow;
using Role = bps::DatasetLoader::Role;

class TestDivergenceDialog : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioDivergenceTest"));
    }

    void pausesExplainsAndOffersReset() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDatasets(QString::fromLatin1(MainWindow::kDefaultTrain),
                       QString::fromLatin1(MainWindow::kDefaultTest));
        QTRY_VERIFY_WITH_TIMEOUT(
            w.loader()->current(Role::Training) != nullptr && !w.loader()->isLoading(), 60000);
        bps::TrainingController* c = w.controller();
        // Deep ReLU at rate 100 overflows within a few samples (NumbersGoWrongTest).
        bp::NetworkSpec spec;
        spec.layers = {784, 100, 100, 100, 100, 10};
        spec.hidden = bp::Activation::ReLU;
        bp::TrainOptions options;
        options.learningRate = 100;
        c->setNetworkSpec(spec, options);
        c->sync();

        QString text, informative;
        bool hadReset = false, wasPlaying = true;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box == nullptr) return;
            poll.stop();
            text = box->text();
            informative = box->informativeText();
            wasPlaying = c->isPlaying();
            for (QAbstractButton* b : box->buttons())
                if (box->buttonRole(b) == QMessageBox::ResetRole) {
                    hadReset = true;
                    b->click();
                    return;
                }
            box->reject();
        });
        poll.start(10);
        QSignalSpy failed(c, &bps::TrainingController::trainingFailed);
        c->play();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!text.isEmpty(), 10000);
        QVERIFY2(text.contains(QStringLiteral("learning rate")), qPrintable(text));
        QVERIFY2(!wasPlaying, "training was still running under the message");
        QVERIFY2(hadReset, "the message offers no Reset button");
        c->sync();
        QVERIFY(!c->isPlaying());
        QVERIFY(!c->isTrained());  // Reset: a fresh network, nothing trained yet
    }
};

QTEST_MAIN(TestDivergenceDialog)
#include "test_divergence_dialog.moc"
