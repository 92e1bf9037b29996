// StatusBar.h — the bottom line of the studio's window: the data sets loaded (name and samples,
// and a test set that does not fit the training set), the loading progress, each finished
// epoch's mean error and test accuracy; sessions and exports show their messages here too
// (showMessage). It reads the loader and the controller; the window only installs it.
#pragma once

#include <QStatusBar>

class QLabel;
class QProgressBar;

namespace bps {

class DatasetLoader;
class TrainingController;

class StatusBar : public QStatusBar {
    Q_OBJECT
  public:
    StatusBar(TrainingController* controller, DatasetLoader* loader, QWidget* parent = nullptr);

    QString dataText() const;  // what the data label says now

  public slots:
    void updateData();  // the data label, from the loader's current sets

  protected:
    void changeEvent(QEvent* event) override;  // LanguageChange → the data label again

  private:
    void showEpoch(int epoch, double meanError, double accuracy, double seconds);

    DatasetLoader* m_loader = nullptr;       // the data sets shown
    QLabel* m_data = nullptr;                // "Training: … (5000 samples) · Test: …"
    QProgressBar* m_loadProgress = nullptr;  // while loading
};

}  // namespace bps
