// MathsPanel.h — the book's formula for the current phase, and the same formula with the real
// numbers of the snapshot in it.
//
// Small networks (≤ 12 neurons per layer) show whole matrices and vectors, e.g. X = W·I with the
// actual 3×3 W; large ones show the selected neuron's row, x_j = Σ_i w_ji·o_i, with its largest
// contributions listed and the shapes. Every number comes from the snapshot (the stepper's
// PassValues and weights), the same values the network view draws.
#pragma once

#include <QElapsedTimer>
#include <QFont>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <map>
#include <vector>

#include "training/Snapshot.h"

class QTextBrowser;
class QTextDocument;

namespace bps {

class MathsPanel : public QWidget {
    Q_OBJECT
  public:
    explicit MathsPanel(QWidget* parent = nullptr);

    void setSnapshot(SnapshotPtr s);  // shows s now
    void setSelectedNeuron(int layer, int index);

    // The controller's stream of snapshots. The panel is text for reading: while training runs
    // (setLive(true)) it follows at most twice a second, typesetting the newest snapshot of
    // each half second (typesetting every one would cost the GUI thread more than it shows);
    // otherwise — every step, the final state of a run — at once. Hidden, it keeps only the
    // newest and shows it when shown.
    void follow(SnapshotPtr s);
    void setLive(bool live);  // training runs (Play); false shows the newest at once
    static constexpr int kLiveIntervalMs = 500;
    SnapshotPtr snapshot() const { return m_snapshot; }  // the one shown

    // What is displayed, for tests and copy/paste: the document as plain text, as HTML, and the
    // cells of a named quantity exactly as they are written in the document, row by row
    // (names such as "W0", "O0", "X1", "O1", "T", "E2", "dW1", "W1new", "x_j").
    QString plainText() const;
    QString html() const;
    QStringList shownCells(const QString& name) const;
    QStringList shownNames() const;
    // Where the phase's key line (its formula with the real numbers) is, in the panel's viewport
    // coordinates (null when there is none); the viewport's size; and how many table cells (a
    // number, a matrix entry, an item of a formula line) were laid out on more than one line —
    // none ever should: too wide a line scrolls sideways instead.
    QRectF keyLineRect() const;
    QSize viewportSize() const;
    int brokenCells() const;
    static int brokenCellsIn(const QTextDocument& doc);  // the same count for any document

    // Largest layer that is shown as whole matrices (above it: the selected neuron's row).
    static constexpr int kSmallLayer = 12;

  protected:
    // LanguageChange: the document is written again from the same snapshot and selection.
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;  // the key line is fitted again
    void showEvent(QShowEvent* event) override;      // shows what arrived while hidden, fitted

  private:
    void showPending();  // the followed snapshot not shown yet, if any
    void rebuild();
    QFont baseFont() const;  // the text's size before fitting: the widget's font × 1.25, ≥ 13 pt
    // Smaller text, as far as needed, to show the key line whole. keepFit: the document has
    // the shape of the last one fitted, in the same room: start from the size found then (one
    // layout instead of three or more, while Play writes a new sample twice a second).
    void fitKeyLine(bool keepFit = false);
    QString forwardHtml(int k);    // x_{k+1} = W_k·o_k, o_{k+1} = f(x_{k+1})
    QString outputErrorHtml();     // e_L = T − o_L
    QString backErrorHtml(int k);  // e_k = W_kᵀ·e_{k+1}
    QString updateHtml(int k);     // ΔW_k = α·(e∘f′(o))·o_kᵀ
    // HTML of a bracketed matrix / column vector / row vector; records its cells under `name`.
    QString matrix(const QString& name, int rows, int cols,
                   const std::function<double(int, int)>& at, int decimals);
    QString vec(const QString& name, const bp::Vector& v, int decimals);
    // A formula line of items side by side / a formula paragraph; key: the phase's key line.
    QString line(const QStringList& items, bool key = false);
    QString formula(const QString& inner, bool key = false);
    QString rowVec(const QString& name, const bp::Vector& v, int decimals);
    // Table of the largest terms a_i·b_i of a long sum, and the sum.
    QString rowSum(const QString& name, const QString& termA, const QString& termB,
                   const std::vector<double>& a, const std::vector<double>& b,
                   const std::vector<int>& index, double total, int decimals);
    QString layerWord(int layer) const;
    QString activationFormula(int layer) const;
    // The selected neuron if it is in `layer`, else the one with the largest |byDefault|.
    int focusNeuron(int layer, const bp::Vector& byDefault) const;

    QTextBrowser* m_browser = nullptr;       // the rich text
    SnapshotPtr m_snapshot;                  // values shown
    SnapshotPtr m_pending;                   // followed, not shown yet (hidden or too soon)
    bool m_live = false;                     // training runs: follow at kLiveIntervalMs
    QElapsedTimer m_shownClock;              // since the last followed snapshot was shown
    std::size_t m_fitShape = 0;              // hash of the last fitted document without digits
    QSize m_fitRoom;                         // the viewport it was fitted in
    double m_fitBase = 0;                    // the base point size it was fitted from
    QTimer m_liveTimer;                      // shows m_pending kLiveIntervalMs after the last
    int m_selLayer = -1, m_selIndex = -1;    // neuron whose row is shown for large layers
    std::map<QString, QStringList> m_cells;  // name → cells as written (row-major)
    bool m_keyPlaced = false;                // the key line's anchor is in the document
};

}  // namespace bps
