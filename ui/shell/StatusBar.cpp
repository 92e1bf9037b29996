// StatusBar.cpp — data sets, loading progress and epoch results at the bottom of the window.
#include "shell/StatusBar.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <cmath>

#include "training/DatasetLoader.h"
#include "training/TrainingController.h"

namespace bps {

StatusBar::StatusBar(TrainingController* controller, DatasetLoader* loader, QWidget* parent)
    : QStatusBar(parent), m_loader(loader) {
    m_data = new QLabel(this);
    m_loadProgress = new QProgressBar(this);
    m_loadProgress->setRange(0, 1000);
    m_loadProgress->setMaximumWidth(200);
    m_loadProgress->setVisible(false);
    addWidget(m_data, 1);
    addPermanentWidget(m_loadProgress);
    connect(loader, &DatasetLoader::loaded, this, &StatusBar::updateData);
    connect(loader, &DatasetLoader::busyChanged, m_loadProgress, &QWidget::setVisible);
    connect(loader, &DatasetLoader::progress, m_loadProgress, &QProgressBar::setValue);
    connect(controller, &TrainingController::epochFinished, this,
            [this](int epoch, double, double meanError, double accuracy, double seconds) {
                showEpoch(epoch, meanError, accuracy, seconds);
            });
    updateData();
}

QString StatusBar::dataText() const {
    return m_data->text();
}

void StatusBar::updateData() {
    using Role = DatasetLoader::Role;
    const DatasetPtr train = m_loader->current(Role::Training);
    const DatasetPtr test = m_loader->current(Role::Test);
    QString text;
    if (train)
        text = tr("Training: %1 (%2 samples)")
                   .arg(m_loader->currentName(Role::Training))
                   .arg(train->rows());
    if (m_loader->testSetUnusable())
        text += tr(" · Test: %1 (not used: %2 values per sample, not %3)")
                    .arg(m_loader->currentName(Role::Test))
                    .arg(test->inputs)
                    .arg(train->inputs);
    else if (test)
        text +=
            tr(" · Test: %1 (%2 samples)").arg(m_loader->currentName(Role::Test)).arg(test->rows());
    m_data->setText(text);
}

void StatusBar::showEpoch(int epoch, double meanError, double accuracy, double seconds) {
    showMessage(std::isfinite(accuracy) ? tr("Epoch %1: mean error %2, test accuracy %3 % (%4 s)")
                                              .arg(epoch)
                                              .arg(meanError, 0, 'f', 4)
                                              .arg(accuracy * 100, 0, 'f', 1)
                                              .arg(seconds, 0, 'f', 2)
                                        : tr("Epoch %1: mean error %2 (%3 s)")
                                              .arg(epoch)
                                              .arg(meanError, 0, 'f', 4)
                                              .arg(seconds, 0, 'f', 2),
                10000);
}

void StatusBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) updateData();
    QStatusBar::changeEvent(event);
}

}  // namespace bps
