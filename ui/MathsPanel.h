// MathsPanel.h — the book's formula for the current phase, and the same formula with the real
// numbers of the snapshot in it.
//
// Small networks (≤ 12 neurons per layer) show whole matrices and vectors, e.g. X = W·I with the
// actual 3×3 W; large ones show the selected neuron's row, x_j = Σ_i w_ji·o_i, with its largest
// contributions listed and the shapes. Every number comes from the snapshot (the stepper's
// PassValues and weights), the same values the network view draws.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <map>

#include "Snapshot.h"

class QTextBrowser;

namespace bps {

class MathsPanel : public QWidget {
    Q_OBJECT
  public:
    explicit MathsPanel(QWidget* parent = nullptr);

    void setSnapshot(SnapshotPtr s);
    void setSelectedNeuron(int layer, int index);

    // What is displayed, for tests and copy/paste: the document as plain text, as HTML, and the
    // cells of a named quantity exactly as they are written in the document, row by row
    // (names such as "W0", "O0", "X1", "O1", "T", "E2", "dW1", "W1new", "x_j").
    QString plainText() const;
    QString html() const;
    QStringList shownCells(const QString& name) const;
    QStringList shownNames() const;

    // Largest layer that is shown as whole matrices (above it: the selected neuron's row).
    static constexpr int kSmallLayer = 12;

  private:
    void rebuild();

    QTextBrowser* m_browser = nullptr;       // the rich text
    SnapshotPtr m_snapshot;                  // values shown
    int m_selLayer = -1, m_selIndex = -1;    // neuron whose row is shown for large layers
    std::map<QString, QStringList> m_cells;  // name → cells as written (row-major)
};

}  // namespace bps
