// EvaluationLesson.h — lesson 7, how good is the network really: its accuracy on the test set
// (pictures it never trained on), a confusion matrix (rows: the true label, columns: the
// network's answer; click a cell to see its pictures) and a gallery of the test pictures it gets
// wrong, each with its answer and that output's value.
//
// Predictions come from bp::predictions on a worker (QtConcurrent::run + a QFutureWatcher owned
// by the lesson, so a closed lesson never receives a stale result), never on the GUI thread.
// The test set is the studio's (setDatasets); without one, the embedded 1,000 MNIST test samples.
#pragma once

#include <QFutureWatcher>
#include <QWidget>
#include <array>
#include <functional>
#include <memory>
#include <vector>

#include "backprop/Dataset.h"
#include "backprop/Network.h"
#include "lessons/Lesson.h"

class QLabel;
class QPushButton;
class QGridLayout;
class QScrollArea;

namespace bps {

namespace lessons {
class ImageTile;

// A 10×10 grid of counts, true label down, answer across; click a cell → cellClicked.
class ConfusionMatrixView : public QWidget {
    Q_OBJECT
  public:
    using Counts = std::array<std::array<int, 10>, 10>;

    explicit ConfusionMatrixView(QWidget* parent = nullptr);
    void setCounts(const Counts& counts, bool valid);
    void setSelected(int row, int col);  // −1, −1 = none
    QRect cellRect(int row, int col) const;
    QSize sizeHint() const override { return {460, 460}; }

  signals:
    void cellClicked(int row, int col);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mouseReleaseEvent(QMouseEvent* e) override;

  private:
    QRect gridRect() const;
    Counts m_counts{};  // [true][answer]
    bool m_valid = false;
    int m_selRow = -1, m_selCol = -1;
};

}  // namespace lessons

class EvaluationLesson : public Lesson {
    Q_OBJECT
  public:
    using DatasetPtr = std::shared_ptr<const bp::Dataset>;
    using Counts = lessons::ConfusionMatrixView::Counts;

    // What the worker computes.
    struct Result {
        DatasetPtr test;               // the set evaluated
        std::vector<int> predictions;  // argmax of the output per test sample
        std::vector<double>
            confidence;  // the answer's output value per sample (NaN if not computed)
        QString error;   // set if it could not run
    };

    static constexpr int kMaxGallery = 120;  // pictures shown at most
    static constexpr int kTileWidth = 68;    // a gallery picture with its spacing, in pixels

    explicit EvaluationLesson(QWidget* parent = nullptr);
    ~EvaluationLesson() override;  // waits for a running evaluation

    QString title() const override { return tr("Evaluation: accuracy and confusion"); }
    QString id() const override { return QStringLiteral("evaluation"); }
    QWidget* picture() const override;

    void setSnapshot(SnapshotPtr s) override;
    void setDatasets(DatasetPtr train, DatasetPtr test) override;
    void activated() override;  // evaluates if the network or the test set changed

    // Starts an evaluation of the newest network on the test set (on a worker).
    void evaluate();
    bool isRunning() const { return m_watcher.isRunning(); }

    // The last result.
    bool hasResult() const { return m_result.test != nullptr; }
    const Counts& counts() const { return m_counts; }
    double accuracy() const;  // share of the diagonal
    const std::vector<int>& predictions() const { return m_result.predictions; }
    // Shows the pictures of one cell (true label row, answer col); −1, −1 = all mistakes.
    void showCell(int row, int col);
    const std::vector<std::size_t>& galleryIndices() const { return m_gallery; }  // test indices
    lessons::ConfusionMatrixView* matrixView() const { return m_matrix; }

  signals:
    void evaluated();  // a result arrived (or failed: see the status text)

  private:
    void finished();
    void fillGallery();
    void layOutGallery();  // as many columns as fit the gallery's width
    // Shows a status sentence, and keeps how to say it again in another language.
    void setStatus(std::function<QString()> text);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void retranslateUi() override;

  private:
    SnapshotPtr m_snapshot;              // newest network from the studio
    SnapshotPtr m_evaluatedSnapshot;     // the one the result belongs to
    DatasetPtr m_test;                   // the studio's test set (null = embedded)
    bool m_again = false;                // evaluate again when the running one ends
    QFutureWatcher<Result> m_watcher;    // the worker's result
    Result m_result;                     // last result
    Counts m_counts{};                   // [true][answer]
    int m_selRow = -1, m_selCol = -1;    // cell shown in the gallery (−1 = all mistakes)
    std::vector<std::size_t> m_gallery;  // test indices in the gallery
    lessons::ConfusionMatrixView* m_matrix = nullptr;
    QLabel* m_accuracyLabel = nullptr;       // big "94.3 %"
    QLabel* m_status = nullptr;              // what was evaluated / running / error
    std::function<QString()> m_statusText;   // … in the current language
    QPushButton* m_showAllButton = nullptr;  // Show all mistakes
    QLabel* m_galleryTitle = nullptr;        // what the gallery shows
    QPushButton* m_evaluateButton = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_galleryWidget = nullptr;  // holds the tiles
    QGridLayout* m_galleryGrid = nullptr;
    std::vector<lessons::ImageTile*> m_tiles;  // reused tiles
    int m_columns = 0;                         // gallery columns laid out
};

}  // namespace bps
