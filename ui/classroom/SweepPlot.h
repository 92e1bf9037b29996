// SweepPlot.h — the class sweep's answer: each student's test accuracy (y, %) against their
// learning rate α (x, log scale), from their real runs, labelled by name. Painted with QPainter
// (a scatter of thirty points needs no chart library); exported as PNG or SVG like the studio's
// other pictures (paint() draws into any device).
#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

namespace bps {

class SweepPlot : public QWidget {
    Q_OBJECT
  public:
    struct Point {
        QString name;     // plain text
        double lr = 0;    // α > 0
        double accuracy;  // 0 … 1
    };

    explicit SweepPlot(QWidget* parent = nullptr);
    void setPoints(const QVector<Point>& points);
    const QVector<Point>& points() const { return m_points; }
    // Draws the plot into rect of any paint device (screen, image, SVG).
    void paint(QPainter& p, const QRectF& rect) const;
    QSize sizeHint() const override { return {420, 260}; }
    QSize minimumSizeHint() const override { return {240, 160}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    QVector<Point> m_points;  // one per student with a measured accuracy
};

}  // namespace bps
