// LessonHooks.h — the studio-side wiring of lessons 8 and 9, in one call for the main window:
//   - SweepLesson::runCurveRequested   → the run added to the studio's ErrorPlot (a labelled run;
//                                        the earlier ones stay as faded lines)
//   - AugmentationLesson::augmentedTrainingSetReady → useTrainingSet(the 3× rotated set)
// Each lesson says what it connects (Lesson::connectToStudio); the main window connects them all
// with LessonsWindow::connectToStudio. Lessons with nothing to offer the studio are left alone.
#pragma once

#include <functional>
#include <memory>

#include "backprop/Dataset.h"

class QObject;

namespace bps {

class ErrorPlot;
class Lesson;

using UseTrainingSetFn = std::function<void(std::shared_ptr<const bp::Dataset>)>;

// Returns true if the lesson had something to connect. plot and useTrainingSet may be null /
// empty (that part is then left unconnected). context: the connections die with it.
bool connectLessonToStudio(Lesson* lesson, ErrorPlot* plot, QObject* context,
                           UseTrainingSetFn useTrainingSet);

}  // namespace bps
