// LessonImages.h — the glue between the core's byte images and Qt for lessons 5–9 (back query,
// draw a digit, evaluation, augmentation, sweep): bytes ↔ QImage, a network rebuilt from a
// snapshot, and ImageTile, a small captioned picture drawn with square pixels.
//
// Byte images follow MNIST: 0 = no ink, 255 = full ink, row-major. On screen ink is black on
// white paper (the book plots with matplotlib's 'Greys'), so grey = 255 − ink.
#pragma once

#include <QImage>
#include <QString>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

#include "backprop/Network.h"
#include "training/Snapshot.h"

namespace bps::lessons {

// A Grayscale8 picture of ink bytes (w × h): black ink on white, or with inkBright white ink on
// black (how the network sees it: ink is the large value).
QImage inkImage(const std::uint8_t* ink, int w, int h, bool inkBright = false);
QImage inkImage(const std::vector<std::uint8_t>& ink, int w, int h, bool inkBright = false);
// The grey bytes (0 = black, 255 = white) of any picture, transparent parts on white paper.
std::vector<std::uint8_t> greyBytes(const QImage& image);
// Values known to lie in lo … hi as ink bytes: round(255·(v − lo)/(hi − lo)), clamped.
std::vector<std::uint8_t> unitToBytes(const bp::Vector& v, double lo, double hi);
// The snapshot's network (spec + weight copies); null if the snapshot is null or invalid.
std::unique_ptr<bp::Network> networkOf(const SnapshotPtr& s);
// Whether a network takes square images with 10 labelled outputs (an MNIST network).
bool isDigitNetwork(const bp::NetworkSpec& spec);

// A picture with a caption under it, scaled to fit with square pixels (no smoothing), a thin
// frame around it. Clicking it emits clicked().
class ImageTile : public QWidget {
    Q_OBJECT
  public:
    explicit ImageTile(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    void setCaption(const QString& caption);
    void setHighlighted(bool on);  // a coloured frame (e.g. the network's answer)
    const QImage& image() const { return m_image; }
    QString caption() const { return m_caption; }
    void setMinimumSide(int side);  // smallest drawn side of the picture, in pixels

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;  // never narrower than the caption's widest word
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;  // the caption wrapped to that width

  signals:
    void clicked();

  protected:
    void paintEvent(QPaintEvent*) override;
    void mouseReleaseEvent(QMouseEvent* e) override;

  private:
    int widestCaptionWord() const;
    int captionHeight(int width) const;  // of the caption wrapped to width (0: none)

    QImage m_image;     // what is shown (any size)
    QString m_caption;  // under the picture, wrapped between words to the tile's width
    bool m_highlighted = false;
    int m_minSide = 56;  // smallest picture side
};

}  // namespace bps::lessons
