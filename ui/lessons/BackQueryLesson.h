// BackQueryLesson.h — lesson 5, the book's back query: for each label 0–9 the picture the
// network "imagines" when its outputs are forced to the book's target (0.99 at the label, 0.01
// elsewhere) and the signal is run backwards (bp::Network::backquery). Live: every snapshot the
// studio sends while training redraws the row (coalesced to a few times a second).
// Under each picture: what the network answers when it is shown its own imagined picture.
// The row exports as a PNG (black ink on white, like the book's figures).
#pragma once

#include <QTimer>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "backprop/Network.h"
#include "lessons/Lesson.h"

class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace bps {

namespace lessons {
class ImageTile;
}

class BackQueryLesson : public Lesson {
    Q_OBJECT
  public:
    explicit BackQueryLesson(QWidget* parent = nullptr);
    ~BackQueryLesson() override;

    QString title() const override { return tr("Back query: what the network imagines"); }
    QString id() const override { return QStringLiteral("back-query"); }

    void setSnapshot(SnapshotPtr s) override;  // redrawn a few times a second while visible
    void activated() override;                 // draws the newest snapshot at once

    // Recomputes the ten pictures from the newest snapshot now (normally done by the timer).
    void refresh();
    // Ink bytes of the picture for a label (side² values, 0 = paper, 255 = ink): the back query
    // output (0.01 … 0.99) scaled to bytes. Empty before the first usable snapshot.
    const std::vector<std::uint8_t>& inkBytes(int label) const;
    int side() const { return m_side; }
    // The label the network gives its own imagined picture for `label`, and that output's value.
    int answerFor(int label) const { return m_answer[static_cast<std::size_t>(label)]; }
    double answerValue(int label) const { return m_answerValue[static_cast<std::size_t>(label)]; }
    int refreshCount() const { return m_refreshes; }  // pictures recomputed so far

    // The row of ten pictures, each scaled `scale` times, 4·scale pixels apart, black on white.
    QImage rowImage(int scale) const;
    bool exportPng(const QString& path, int scale) const;

    // Pictures per row on screen: 10 (one row) when the lesson is at least kRowWidth wide,
    // else 5 (two rows).
    static constexpr int kRowWidth = 1500;
    int columns() const { return m_columns; }

    // Back query output values (in 0.01 … 0.99) as ink bytes.
    static std::vector<std::uint8_t> toInkBytes(const bp::Vector& backquery);

  protected:
    void resizeEvent(QResizeEvent* e) override;
    void retranslateUi() override;

  private:
    void exportWithDialog();
    void showCaptions();  // "label 3", then "label 3 / seen as 3 (0.87)"
    void setColumns(int columns);

    SnapshotPtr m_pending;                            // newest snapshot, not yet drawn
    unsigned long long m_shownSamples = 0;            // samplesSeen of the drawn snapshot
    int m_side = 0;                                   // image side (28 for MNIST)
    std::array<std::vector<std::uint8_t>, 10> m_ink;  // per label, side² ink bytes
    std::array<int, 10> m_answer{};                   // query(backquery(label)) argmax
    std::array<double, 10> m_answerValue{};           // … and its output value
    int m_refreshes = 0;
    QTimer m_timer;                                 // coalesces snapshots (single shot)
    std::array<lessons::ImageTile*, 10> m_tiles{};  // the row of pictures
    QGridLayout* m_grid = nullptr;                  // holds the tiles
    int m_columns = 5;                              // tiles per row
    QLabel* m_status = nullptr;                     // which network is shown / why none
    std::function<QString()> m_statusText;          // … in the current language
    QLabel* m_scaleLabel = nullptr;                 // "Scale:"
    QSpinBox* m_scaleBox = nullptr;                 // export scale
    QPushButton* m_exportButton = nullptr;
};

}  // namespace bps
