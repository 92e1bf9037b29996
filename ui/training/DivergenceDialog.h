// DivergenceDialog.h — what the studio says when training diverges (the trainer found an
// infinite or NaN value and the controller paused): plain words first, the trainer's own
// message as details, and Reset, since a diverged network cannot be trained back.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace bps {

class TrainingController;

class DivergenceDialog : public QObject {
    Q_OBJECT
  public:
    // Answers every trainingFailed of controller with the dialog, parented to `parent`.
    DivergenceDialog(TrainingController* controller, QWidget* parent);

    // Shows the dialog for message (modal) and resets the network if the user chooses so.
    void show(const QString& message);

  private:
    TrainingController* m_controller = nullptr;  // paused; reset on request
    QPointer<QWidget> m_parent;                  // of the message box
};

}  // namespace bps
