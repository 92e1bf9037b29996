// AugmentationLesson.h — lesson 8, the book's rotated-image augmentation: every training picture
// is also used turned by +θ and −θ degrees (the book: ±10°), three times the samples from the
// same data (bp::withRotations, in the core). A preview shows a picture and its two turned
// copies; a comparison trains the same network (same seed) with and without the copies, both at
// once on the two cores, and reports each one's test accuracy. "Use in the studio" hands the
// augmented training set to whoever listens (augmentedTrainingSetReady).
#pragma once

#include <QFutureWatcher>
#include <QTimer>
#include <array>
#include <atomic>
#include <functional>
#include <memory>

#include "backprop/Dataset.h"
#include "lessons/Lesson.h"
#include "lessons/models/TrainRun.h"

class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace bps {

namespace lessons {
class ImageTile;
}

class AugmentationLesson : public Lesson {
    Q_OBJECT
  public:
    using DatasetPtr = std::shared_ptr<const bp::Dataset>;

    // The outcome of the comparison.
    struct Comparison {
        lessons::RunOutcome plain;    // trained on the training set as it is
        lessons::RunOutcome rotated;  // trained on it with the ±θ copies (3× the samples)
        QString error;                // data could not be loaded
    };

    explicit AugmentationLesson(QWidget* parent = nullptr);
    ~AugmentationLesson() override;  // cancels and waits for a running comparison

    QString title() const override { return tr("More data: rotated copies"); }
    QString id() const override { return QStringLiteral("augmentation"); }

    void setDatasets(DatasetPtr train, DatasetPtr test) override;
    void activated() override;  // loads the embedded 100 samples for the preview if needed
    // The studio trains on the augmented set (augmentedTrainingSetReady → useTrainingSet).
    bool connectToStudio(const StudioHooks& studio, QObject* context) override;

    // Preview.
    void setAngle(double degrees);
    double angle() const;
    void setSampleIndex(int i);
    // The three pictures shown: 0 = original, 1 = +θ, 2 = −θ (ink bytes, width × height).
    const std::vector<std::uint8_t>& previewBytes(int which) const {
        return m_preview[static_cast<std::size_t>(which)];
    }
    DatasetPtr previewSet() const { return m_previewSet; }

    // Comparison settings and run.
    void setExperiment(int hiddenNodes, double learningRate, int epochs);
    // Train / test sets of the comparison: the studio's when given (setDatasets), else the
    // embedded 5,000 / 1,000 MNIST samples. setComparisonData overrides both (tests).
    void setComparisonData(DatasetPtr train, DatasetPtr test);
    void startComparison();
    void cancelComparison();
    bool isComparing() const { return m_watcher.isRunning(); }
    const Comparison& comparison() const { return m_comparison; }
    bp::NetworkSpec specFor(int inputs) const;
    bp::TrainOptions options() const;

    // Makes the augmented training set (on a worker) and emits augmentedTrainingSetReady.
    void makeAugmentedSet();

  signals:
    void comparisonFinished();
    void augmentedTrainingSetReady(std::shared_ptr<const bp::Dataset> augmented);

  protected:
    void retranslateUi() override;

  private:
    // Shows the comparison's sentence, and keeps how to say it again in another language.
    void setResult(std::function<QString()> text);
    void showPreview();
    void updateProgress();
    void comparisonDone();

    DatasetPtr m_studioTrain, m_studioTest;              // from the studio
    DatasetPtr m_previewSet;                             // pictures for the preview
    DatasetPtr m_forcedTrain, m_forcedTest;              // setComparisonData
    std::array<std::vector<std::uint8_t>, 3> m_preview;  // original, +θ, −θ
    int m_hidden = 100;                                  // comparison network
    double m_rate = 0.1;
    int m_epochs = 1;
    Comparison m_comparison;                              // last comparison
    std::shared_ptr<std::atomic<bool>> m_cancel;          // of the running comparison
    std::shared_ptr<std::atomic<std::uint64_t>> m_done;   // samples trained by it
    std::shared_ptr<std::atomic<std::uint64_t>> m_total;  // samples it will train
    QFutureWatcher<Comparison> m_watcher;
    QFutureWatcher<DatasetPtr> m_augmentWatcher;
    QTimer m_progressTimer;
    std::array<lessons::ImageTile*, 3> m_tiles{};
    QSpinBox* m_indexBox = nullptr;
    QDoubleSpinBox* m_angleBox = nullptr;
    QPushButton* m_compareButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_useButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;             // the two accuracies
    std::function<QString()> m_resultText;  // … in the current language
    QLabel* m_previewInfo = nullptr;        // label, picture i of n in the set
    QLabel* m_pictureLabel = nullptr;       // "Picture:"
    QLabel* m_angleLabel = nullptr;         // "Angle θ:"
    QGroupBox* m_previewBox = nullptr;      // "Preview"
    QGroupBox* m_compareBox = nullptr;      // "Does it help?"
};

}  // namespace bps
