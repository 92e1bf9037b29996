// DrawDigitLesson.h — lesson 6, "draw your own digit": a canvas drawn with the mouse (or a PNG of
// a handwritten digit) becomes a 28×28 MNIST-like input the way MNIST was made — invert, crop to
// the ink, fit into 20×20, centre by mass in 28×28, scale to 0.01–1.00 (bp::preprocessDigit, in
// the core) — every step shown as a small picture, and the network's ten outputs as bars that
// follow the pen while the user draws. The network is the studio's (its newest snapshot).
#pragma once

#include <QImage>
#include <QTimer>
#include <QWidget>
#include <array>
#include <functional>
#include <memory>

#include "backprop/Network.h"
#include "backprop/Preprocess.h"
#include "lessons/Lesson.h"

class QLabel;
class QPushButton;

namespace bps {

namespace lessons {
class ImageTile;

// A sheet of white paper drawn on with a round black pen.
class DrawCanvas : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kSide = 280;  // paper size in pixels (10× MNIST)

    explicit DrawCanvas(QWidget* parent = nullptr);
    const QImage& picture() const { return m_paper; }  // RGB32, kSide × kSide
    void clear();
    // Puts a picture on the paper, scaled to fit and centred, on white.
    void setPicture(const QImage& image);
    void setPenWidth(int px) { m_penWidth = px; }
    int penWidth() const { return m_penWidth; }
    // Draws a stroke through points (paper coordinates), as the mouse would.
    void drawStroke(const QVector<QPointF>& points);
    // Nothing drawn (or opened) on the paper yet: it shows an invitation to draw (painted over
    // the paper, never part of the picture the network sees).
    bool isBlank() const { return m_blank; }

  signals:
    void changed();  // the paper changed (emitted while drawing, not only at the end)

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;

  private:
    void lineTo(const QPointF& p);
    QImage m_paper;  // the drawing (white paper, black ink)
    QPointF m_last;  // previous pen position while drawing
    bool m_drawing = false;
    bool m_blank = true;  // no ink yet: the invitation is shown
    int m_penWidth = 22;  // pen diameter in paper pixels
};

// Ten output values as labelled bars (0 … 1), the largest highlighted.
class OutputBars : public QWidget {
    Q_OBJECT
  public:
    explicit OutputBars(QWidget* parent = nullptr);
    void setValues(const bp::Vector& values);  // empty = no network
    const bp::Vector& values() const { return m_values; }
    // Said over the empty bars while there are no values (what to do to get some).
    void setHint(const QString& hint);
    QString hint() const { return m_hint; }
    QSize sizeHint() const override { return {260, 300}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    bp::Vector m_values;  // one per label
    QString m_hint;       // shown while m_values is empty
};

}  // namespace lessons

class DrawDigitLesson : public Lesson {
    Q_OBJECT
  public:
    explicit DrawDigitLesson(QWidget* parent = nullptr);
    ~DrawDigitLesson() override;

    QString title() const override { return tr("Draw your own digit"); }
    QString id() const override { return QStringLiteral("draw-digit"); }
    QWidget* picture() const override;

    void setSnapshot(SnapshotPtr s) override;
    void activated() override;  // answers with the newest snapshot at once

    // Runs the preprocessing and the network on the canvas now (normally after each pen move).
    void recompute();
    // Opens a picture file (PNG, JPEG, …) onto the canvas; false (and a message) if unreadable.
    bool loadPicture(const QString& path);

    lessons::DrawCanvas* canvas() const { return m_canvas; }
    const bp::DigitSteps& steps() const { return m_steps; }
    const bp::Vector& outputs() const { return m_outputs; }  // empty without a network
    int answer() const;                                      // argmax of outputs, −1 if none
    QString answerText() const;  // the big line under the bars ("The network says: 7", …)
    bool hasNetwork() const { return m_net != nullptr; }

  protected:
    void retranslateUi() override;

  private:
    void openWithDialog();
    void showSteps();   // the four pictures and their captions
    void showAnswer();  // "The network says: 7" and which network answers

    lessons::DrawCanvas* m_canvas = nullptr;
    lessons::OutputBars* m_bars = nullptr;
    std::array<lessons::ImageTile*, 4> m_stepTiles{};  // ink+crop box, cropped, fitted, centred
    QLabel* m_answerLabel = nullptr;                   // "The network says: 7"
    QLabel* m_networkLabel = nullptr;                  // which network answers
    std::function<QString()> m_networkText;            // … in the current language
    std::array<QLabel*, 3> m_headings{};               // draw here, prepared, outputs
    QPushButton* m_clearButton = nullptr;
    QPushButton* m_openButton = nullptr;
    std::unique_ptr<bp::Network> m_net;  // from the newest snapshot
    SnapshotPtr m_pending;               // snapshot not yet made a network
    bp::DigitSteps m_steps;              // the last preprocessing
    bp::Vector m_outputs;                // the network's outputs for it
    QTimer m_timer;                      // coalesces pen moves (single shot)
};

}  // namespace bps
