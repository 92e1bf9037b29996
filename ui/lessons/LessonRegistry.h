// LessonRegistry.h — every lesson the lessons window lists, in the order of the book.
#pragma once

#include <memory>
#include <vector>

#include "lessons/Lesson.h"

namespace bps {

// A new instance of every lesson, in side-bar order (the book's order). The lessons window
// owns them; the main window's Lessons menu is built from their title() and id().
std::vector<std::unique_ptr<Lesson>> makeLessons();

}  // namespace bps
