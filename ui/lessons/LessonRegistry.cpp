// LessonRegistry.cpp — the list of lessons. To add one: include its header and push it below.
#include "lessons/LessonRegistry.h"

// ---- lessons 1–4 (book examples, linear classifier, playground, saturation) ----
#include "lessons/BookExamplesLesson.h"
#include "lessons/LinearClassifierLesson.h"
#include "lessons/PlaygroundLesson.h"
#include "lessons/SaturationLesson.h"

// ---- lessons 5–9 (back query, draw a digit, evaluation, augmentation, sweep) ----
#include "lessons/AugmentationLesson.h"
#include "lessons/BackQueryLesson.h"
#include "lessons/DrawDigitLesson.h"
#include "lessons/EvaluationLesson.h"
#include "lessons/SweepLesson.h"

// ---- the "why it learns" chapter (issue 13), after the playground, before saturation ----
#include "lessons/CalculationCheckLesson.h"
#include "lessons/ChainRuleLesson.h"
#include "lessons/ErrorChoiceLesson.h"
#include "lessons/ErrorSurfaceLesson.h"
#include "lessons/SingleNeuronLesson.h"

namespace bps {

std::vector<std::unique_ptr<Lesson>> makeLessons() {
    std::vector<std::unique_ptr<Lesson>> lessons;
    // ---- lessons 1–4 ----
    lessons.push_back(std::make_unique<BookExamplesLesson>());
    lessons.push_back(std::make_unique<LinearClassifierLesson>());
    lessons.push_back(std::make_unique<PlaygroundLesson>());
    // ---- why it learns (issue 13): a single neuron, which error, the error surface, the slope
    // of one weight, check my calculation (the book's "updating weights" chapter) ----
    lessons.push_back(std::make_unique<SingleNeuronLesson>());
    lessons.push_back(std::make_unique<ErrorChoiceLesson>());
    lessons.push_back(std::make_unique<ErrorSurfaceLesson>());
    lessons.push_back(std::make_unique<ChainRuleLesson>());
    lessons.push_back(std::make_unique<CalculationCheckLesson>());
    lessons.push_back(std::make_unique<SaturationLesson>());

    // ---- lessons 5–9 ----
    lessons.push_back(std::make_unique<BackQueryLesson>());
    lessons.push_back(std::make_unique<DrawDigitLesson>());
    lessons.push_back(std::make_unique<EvaluationLesson>());
    lessons.push_back(std::make_unique<AugmentationLesson>());
    lessons.push_back(std::make_unique<SweepLesson>());
    return lessons;
}

}  // namespace bps
