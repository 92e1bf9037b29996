// LinearClassifierLesson.h — the book's first chapter: a line y = k·x (+ b) that learns to keep
// ladybirds (wide, short) below it and caterpillars (narrow, long) above it. Each example moves
// the slope by Δk = α·E/x; without moderation (α = 1) every step fits the last example exactly
// and forgets the ones before. Click the plot to add bugs (left: the chosen kind, right: the
// other kind).
#pragma once

#include <QPointF>
#include <QRectF>
#include <QWidget>
#include <vector>

#include "lessons/Lesson.h"
#include "lessons/models/LinearClassifier.h"

class QCheckBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace bps {

// The plot: axes width × length (0 … 4), bugs, the current line, earlier lines faded.
class BugPlot : public QWidget {
    Q_OBJECT
  public:
    explicit BugPlot(QWidget* parent = nullptr);
    void setState(const std::vector<lessons::Bug>* bugs, const lessons::LinearClassifier* model,
                  const std::vector<lessons::LinearStep>* steps);
    QRectF plotRect() const;               // widget rectangle of the axes' area
    QPointF toWidget(QPointF data) const;  // (width, length) → widget point
    QPointF toData(QPointF widget) const;
    static constexpr double kMax = 4.0;  // both axes run 0 … kMax

  signals:
    void clicked(QPointF data, bool otherKind);  // otherKind: right button

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void changeEvent(QEvent*) override;  // LanguageChange → retranslateUi()

  private:
    void retranslateUi();

    const std::vector<lessons::Bug>* m_bugs = nullptr;
    const lessons::LinearClassifier* m_model = nullptr;
    const std::vector<lessons::LinearStep>* m_steps = nullptr;
};

class LinearClassifierLesson : public Lesson {
    Q_OBJECT
  public:
    explicit LinearClassifierLesson(QWidget* parent = nullptr);

    QString title() const override { return tr("A linear classifier: bugs and a line"); }
    QString id() const override { return QStringLiteral("linear-classifier"); }
    QWidget* picture() const override;

    // Actions (the buttons call these; the tests too).
    bool trainNext();  // trains on the next bug in turn; false if there is none usable
    void trainPass();  // one pass over every bug
    void restart();    // k back to 0.25, history cleared, bugs kept
    void loadBookBugs();
    void clearBugs();
    void addBug(const lessons::Bug& bug);
    void setModerated(bool on);  // off: α = 1 (the book before "moderation")
    void setLearningRate(double alpha);
    void setIntercept(double b);

    double k() const { return m_model.k(); }
    double alpha() const;  // α in use (1 when not moderated)
    const std::vector<lessons::Bug>& bugs() const { return m_bugs; }
    const std::vector<lessons::LinearStep>& steps() const { return m_steps; }
    BugPlot* plot() const { return m_plot; }
    QString tableText() const;  // the table of steps as tab-separated text

  protected:
    void retranslateUi() override;

  private:
    void refresh();

    // Buttons and captions whose only job is their text.
    struct Texts {
        QPushButton* next = nullptr;   // train on the next bug
        QPushButton* pass = nullptr;   // one pass over all bugs
        QPushButton* again = nullptr;  // start again
        QPushButton* book = nullptr;   // the book's two bugs
        QPushButton* clear = nullptr;  // remove all bugs
        QGroupBox* trainBox = nullptr;
        QGroupBox* bugsBox = nullptr;
        QLabel* alphaLabel = nullptr;
        QLabel* interceptLabel = nullptr;
        QLabel* clickLabel = nullptr;  // "A click adds a"
    };

    lessons::LinearClassifier m_model;         // the line
    std::vector<lessons::Bug> m_bugs;          // the examples
    std::vector<lessons::LinearStep> m_steps;  // every step so far
    int m_next = 0;                            // bug trained on next

    BugPlot* m_plot = nullptr;
    QCheckBox* m_moderate = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    QDoubleSpinBox* m_intercept = nullptr;
    QRadioButton* m_addLadybird = nullptr;
    QRadioButton* m_addCaterpillar = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_status = nullptr;  // k, accuracy
    Texts m_texts;               // texts set by retranslateUi
};

}  // namespace bps
