// DivergenceDialog.cpp — "Training stopped", with Reset.
#include "training/DivergenceDialog.h"

#include <QMessageBox>
#include <QPushButton>

#include "training/TrainingController.h"

namespace bps {

DivergenceDialog::DivergenceDialog(TrainingController* controller, QWidget* parent)
    : QObject(parent), m_controller(controller), m_parent(parent) {
    connect(controller, &TrainingController::trainingFailed, this, &DivergenceDialog::show);
}

void DivergenceDialog::show(const QString& message) {
    QMessageBox box(QMessageBox::Warning, tr("Training stopped"),
                    tr("The numbers in the network grew too large to compute (they became "
                       "infinite or not a number), so training was paused. This usually "
                       "means the learning rate is too high for this network."),
                    QMessageBox::NoButton, m_parent);
    box.setInformativeText(
        tr("Reset starts again from new random weights; then try a smaller learning rate."));
    box.setDetailedText(message);
    QPushButton* reset = box.addButton(tr("&Reset the network"), QMessageBox::ResetRole);
    box.addButton(QMessageBox::Close);
    box.setDefaultButton(reset);
    box.exec();
    if (box.clickedButton() == reset) m_controller->reset();
}

}  // namespace bps
