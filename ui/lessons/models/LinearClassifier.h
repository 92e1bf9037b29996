// LinearClassifier.h — the book's first chapter: a straight line y = k·x + b that separates two
// kinds of bug by width (x) and length (y). No Qt: the lesson draws it, the tests check it.
//
// Training on one example (the book, "Training a Simple Classifier"):
//   t   = length + margin for a ladybird (the line should pass just above it),
//         length − margin for a caterpillar (just below it); the book's margin is 0.1
//   y   = k·x + b           what the line says at the bug's width
//   E   = t − y             error
//   Δk  = α · E / x         the book's update (α = 1: no moderation)
//   k  ← k + Δk             afterwards the line passes through (x, y + α·E)
#pragma once

#include <vector>

namespace bps::lessons {

enum class BugKind { Ladybird = 0, Caterpillar = 1 };

struct Bug {
    double width = 0;   // x
    double length = 0;  // y
    BugKind kind = BugKind::Ladybird;
};

// One training step, every number of the book's table.
struct LinearStep {
    int example = 0;    // index of the bug trained on
    double x = 0;       // its width
    double target = 0;  // t
    double y = 0;       // k·x + b before the step
    double error = 0;   // E = t − y
    double deltaK = 0;  // α·E/x
    double kBefore = 0, kAfter = 0;
    double alpha = 1;  // learning rate used (1 = unmoderated)
};

class LinearClassifier {
  public:
    static constexpr double kBookStartK = 0.25;  // the book's first guess
    static constexpr double kBookMargin = 0.1;   // targets 1.1 and 2.9 for lengths 1 and 3
    static constexpr double kMinWidth = 0.05;    // Δk = E/x is not used for narrower bugs

    double k() const { return m_k; }
    double b() const { return m_b; }
    void setK(double k) { m_k = k; }
    void setB(double b) { m_b = b; }

    double lineAt(double x) const { return m_k * x + m_b; }  // y = k·x + b
    static double targetFor(const Bug& bug, double margin = kBookMargin) {
        return bug.kind == BugKind::Ladybird ? bug.length + margin : bug.length - margin;
    }
    // Ladybirds lie below the line, caterpillars above it.
    BugKind classify(const Bug& bug) const {
        return bug.length < lineAt(bug.width) ? BugKind::Ladybird : BugKind::Caterpillar;
    }
    // One step of the book's rule on `bug` (index `example`), α = alpha.
    LinearStep train(const Bug& bug, int example, double alpha) {
        LinearStep s;
        s.example = example;
        s.x = bug.width;
        s.target = targetFor(bug);
        s.y = lineAt(bug.width);   // y = k·x + b
        s.error = s.target - s.y;  // E = t − y
        s.kBefore = m_k;
        s.alpha = alpha;
        s.deltaK = alpha * s.error / s.x;  // Δk = α·E/x
        m_k += s.deltaK;
        s.kAfter = m_k;
        return s;
    }
    // Share of bugs on the right side of the line.
    double accuracy(const std::vector<Bug>& bugs) const {
        if (bugs.empty()) return 0;
        int right = 0;
        for (const Bug& bug : bugs) right += classify(bug) == bug.kind ? 1 : 0;
        return static_cast<double>(right) / static_cast<double>(bugs.size());
    }

    // The book's two examples: a ladybird 3.0 wide and 1.0 long, a caterpillar 1.0 wide and
    // 3.0 long.
    static std::vector<Bug> bookBugs() {
        return {{3.0, 1.0, BugKind::Ladybird}, {1.0, 3.0, BugKind::Caterpillar}};
    }

  private:
    double m_k = kBookStartK;  // slope
    double m_b = 0;            // intercept (the book's line goes through 0)
};

}  // namespace bps::lessons
