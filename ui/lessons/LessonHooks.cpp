// LessonHooks.cpp — connects the sweep and augmentation lessons to the studio.
#include "lessons/LessonHooks.h"

#include <QPointer>

#include "lessons/AugmentationLesson.h"
#include "lessons/SweepLesson.h"
#include "views/ErrorPlot.h"

namespace bps {

bool connectLessonToStudio(Lesson* lesson, ErrorPlot* plot, QObject* context,
                           UseTrainingSetFn useTrainingSet) {
    if (!lesson || !context) return false;
    if (auto* sweep = qobject_cast<SweepLesson*>(lesson)) {
        if (!plot) return false;
        QPointer<ErrorPlot> guarded(plot);
        QObject::connect(sweep, &SweepLesson::runCurveRequested, context,
                         [guarded](const QString& label, const QVector<QPointF>& error,
                                   const QVector<QPointF>& accuracy) {
                             if (guarded) SweepLesson::showRunIn(guarded, label, error, accuracy);
                         });
        return true;
    }
    if (auto* augmentation = qobject_cast<AugmentationLesson*>(lesson)) {
        if (!useTrainingSet) return false;
        QObject::connect(augmentation, &AugmentationLesson::augmentedTrainingSetReady, context,
                         [f = std::move(useTrainingSet)](std::shared_ptr<const bp::Dataset> d) {
                             f(std::move(d));
                         });
        return true;
    }
    return false;
}

}  // namespace bps
