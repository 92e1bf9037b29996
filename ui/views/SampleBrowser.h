// SampleBrowser.h — thumbnails of the training set with their labels and, once the network has
// been trained, its prediction (wrong ones in a second colour and struck out). Clicking a
// thumbnail makes it the current sample for stepping.
#pragma once

#include <QWidget>
#include <memory>
#include <vector>

#include "backprop/Dataset.h"

class QLabel;
class QListView;

namespace bps {

class SampleModel;

class SampleBrowser : public QWidget {
    Q_OBJECT
  public:
    explicit SampleBrowser(QWidget* parent = nullptr);
    ~SampleBrowser() override;

    void setDataset(std::shared_ptr<const bp::Dataset> dataset);
    // Predicted label of the first samples (may cover fewer samples than the set holds).
    void setPredictions(std::shared_ptr<const std::vector<int>> predictions);
    // Highlights sample i (the one the network shows now) without emitting sampleActivated.
    void setCurrentSample(long i);
    long currentSample() const { return m_current; }
    int count() const;
    // The text shown under thumbnail i ("7", or "7 → 3" with the prediction).
    QString textAt(int i) const;
    QListView* list() const { return m_list; }

  signals:
    void sampleActivated(long index);

  protected:
    // FontChange: the grid follows the text; LanguageChange: retranslateUi().
    void changeEvent(QEvent* event) override;

  private:
    void updateGrid();     // cell size: the thumbnail and its label in the current font
    void retranslateUi();  // the caption; the samples' labels are asked for again

    SampleModel* m_model = nullptr;  // thumbnails, labels, predictions
    QListView* m_list = nullptr;     // icon-mode list of the thumbnails
    QLabel* m_caption = nullptr;     // what the browser shows and what a click does
    long m_current = -1;             // sample highlighted now
};

}  // namespace bps
