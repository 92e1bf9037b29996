// Lesson.h — the base of every lesson (one chapter of the book made something a class can
// open, see and play with). The lessons window lists them in a side bar (see LessonRegistry.h).
//
// A lesson is a QWidget with:
//   - title(): what the side bar and the Lessons menu show (through tr());
//   - id(): a stable, untranslated identifier ("book-examples") for menus, settings and tests;
//   - an explanation panel in plain words ("what to try / what to notice") that the lesson
//     fills with setExplanation(); the lesson places explanationPanel() in its own layout;
//   - retranslateUi(): all its texts, set again on QEvent::LanguageChange;
//   - setSnapshot(): the studio's current network (spec + weight copies), forwarded by the
//     lessons window from TrainingController::snapshotReady. Default: ignored. A lesson that
//     needs a live network builds one with bp::Network(snapshot->spec) + setWeights(weights).
#pragma once

#include <QEvent>
#include <QLabel>
#include <QString>
#include <QWidget>
#include <functional>
#include <memory>

#include "backprop/Dataset.h"
#include "training/DatasetPtr.h"
#include "training/Snapshot.h"

namespace bps {

class ErrorPlot;

// What the studio offers the lessons (the main window hands it to the lessons window): its error
// chart, and training the studio on a training set a lesson made. Either may be missing.
struct StudioHooks {
    ErrorPlot* plot = nullptr;
    std::function<void(std::shared_ptr<const bp::Dataset>)> useTrainingSet;
};

class Lesson : public QWidget {
    Q_OBJECT
  public:
    explicit Lesson(QWidget* parent = nullptr) : QWidget(parent) {
        m_explanation = new QLabel(this);
        m_explanation->setObjectName(QStringLiteral("lessonExplanation"));
        m_explanation->setWordWrap(true);
        m_explanation->setTextFormat(Qt::RichText);
        m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        m_explanation->setMargin(8);
        m_explanation->setStyleSheet(
            QStringLiteral("QLabel#lessonExplanation { background: #fbf8ef; "
                           "border: 1px solid #d8d0b8; border-radius: 4px; }"));
    }
    ~Lesson() override = default;

    virtual QString title() const = 0;  // shown in the side bar and the menu (translated)
    virtual QString id() const = 0;     // stable id, e.g. "book-examples" (not translated)

    // The studio's current network; lessons that need it override this. Default: no-op.
    virtual void setSnapshot(SnapshotPtr) {}

    // The studio's current training and test sets (either may be null), forwarded by the lessons
    // window whenever the studio loads a data set. Lessons that evaluate, augment or train on
    // them override this. Default: ignored.
    virtual void setDatasets(std::shared_ptr<const bp::Dataset> /*train*/,
                             std::shared_ptr<const bp::Dataset> /*test*/) {}

    // Connects what the lesson offers the studio to `studio` (the connections die with
    // `context`); true if it had something to connect. Default: nothing to connect.
    virtual bool connectToStudio(const StudioHooks& /*studio*/, QObject* /*context*/) {
        return false;
    }

    // Called by the lessons window when the lesson becomes / stops being the visible one
    // (a lesson that trains on a timer pauses when hidden). Default: nothing.
    virtual void activated() {}
    virtual void deactivated() {}

    // The lesson's main drawing (its chart, plot or network view), which the lessons window's
    // "Export picture…" writes as PNG or SVG at a chosen size; null = nothing to export.
    virtual QWidget* picture() const { return nullptr; }

    // The plain-words panel ("what to try / what to notice"); the lesson puts it in its layout.
    QLabel* explanationPanel() const { return m_explanation; }
    QString explanation() const { return m_explanation->text(); }

  protected:
    // Rich text (HTML) already translated by the caller: setExplanation(tr("<b>…</b>…")).
    void setExplanation(const QString& html) { m_explanation->setText(html); }

    // Sets every text of the lesson in the current language, those that describe its state
    // (a result, a step, a status) from that state. Each lesson calls it at the end of its
    // constructor; QEvent::LanguageChange calls it again (Qt's idiom: the lesson and all it has
    // computed stay, only the words change).
    virtual void retranslateUi() = 0;
    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::LanguageChange) retranslateUi();
        QWidget::changeEvent(event);
    }

  private:
    QLabel* m_explanation = nullptr;  // the explanation text panel (owned by this widget)
};

}  // namespace bps
