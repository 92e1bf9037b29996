// LessonHooks.cpp — connects a lesson to the studio through its own connectToStudio().
#include "lessons/LessonHooks.h"

#include "lessons/Lesson.h"

namespace bps {

bool connectLessonToStudio(Lesson* lesson, ErrorPlot* plot, QObject* context,
                           UseTrainingSetFn useTrainingSet) {
    if (!lesson || !context) return false;
    return lesson->connectToStudio({plot, std::move(useTrainingSet)}, context);
}

}  // namespace bps
