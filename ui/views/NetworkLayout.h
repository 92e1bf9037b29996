// NetworkLayout.h — where everything of the network view goes at one size, as a value: one
// function, NetworkLayout::compute, from the view's size, the network's shape, the text scale and
// the texts the view may show (measured here with QFontMetricsF, so that every label has a box
// that holds it). No painting and no cache in here (NetworkRenderer paints a layout and keeps the
// last one); tests assert on the value: no two layer columns overlap, every text fits its box.
//
// Scene coordinates: (0, 0) is the top left of the view at zoom 1; the header (phase caption) and
// the legend stay put, the columns, nodes, images and bars are drawn through the view's zoom.
//
//   ┌ header: phase caption (1–2 lines) ................ title ........... label · prediction ┐
//   │ column titles        input 28×28      hidden · 100        output · 10                   │
//   │ content              [image]          ○ ○ ○               ○ 0 ▬▬▬▬▬▬ ◀ target            │
//   │                      heat caption     ○ ○ ○               ○ 1 ▬▬▬                        │
//   │                      [heat map]       ○ ○ ○               ○ 2 ▬▬▬▬                       │
//   └ legend: ramps, line styles, notes, flowing over as many rows as the width needs          ┘
#pragma once

#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <vector>

class QFont;

namespace bps {

// One entry of the legend, as the layout measures it.
struct LegendEntry {
    enum class Kind { Ramp, Line, Tick, Ring, Note };
    Kind kind = Kind::Note;
    QString text;         // the title (Ramp) or the label
    QString left, right;  // Ramp: the values at its two ends
    bool operator==(const LegendEntry&) const = default;
};

// The texts the view may show; the layout gives each the room of its widest form, so nothing
// moves when the phase, the sample or the selection changes.
struct NetworkTexts {
    std::vector<QString> titles;  // one per layer: "input 28×28", "hidden · 100", …
    QStringList captions;         // every phase caption of this network (top left)
    QString info;                 // the widest "label 9   prediction 9" (top right)
    QStringList outputNotes;      // "◀ target", "◀ prediction", "◀ target = prediction ✓"
    QString heatCaption;          // the widest "weights into hidden neuron 99 (±0.53)"
    QString heatHint;             // what the empty heat map box says
    std::vector<LegendEntry> legend;  // every entry that may appear, in order
    bool operator==(const NetworkTexts&) const = default;
};

// What a layout is made from; equal inputs give equal layouts (the renderer's cache key).
struct NetworkLayoutInput {
    QSizeF size;              // the scene (the view at zoom 1)
    std::vector<int> layers;  // neurons per layer, input first
    int imageW = 0;           // input drawn as a w × h image (0: as neurons)
    int imageH = 0;
    bool bias = false;       // a constant-1 node under each column but the last
    double textScale = 1.0;  // presentation mode: text, nodes and margins × this
    NetworkTexts texts;
    bool operator==(const NetworkLayoutInput&) const = default;
};

struct NetworkLayout {
    static constexpr int kSmallLayer = 12;  // layers up to this size show their numbers

    // A text block: its lines (broken between words only) and the box and font size they fit.
    struct TextBox {
        QStringList lines;  // empty: nothing is drawn
        QRectF box;         // scene coordinates
        double font = 0;    // pixel size
    };
    struct Column {
        std::vector<QPointF> centres;  // neuron centres (pixel centres for an image input)
        QPointF bias;                  // the constant-1 node, if the spec has bias
        double radius = 0;             // circle radius (0 for an image input)
        double x = 0;                  // column centre
        QRectF band;                   // the neurons' bounding box (the highlight)
        QRectF extent;                 // band, title and (output) labels, bars and notes
        TextBox title;                 // "hidden · 100", above the band
        bool numbers = false;          // values written inside the nodes
        double valueFont = 0;          // their pixel size (fits "−0.000" inside a node)
    };
    struct LegendBox {
        LegendEntry entry;
        QRectF box;  // scene coordinates
    };

    QSizeF size;                     // scene size it was made for
    double font = 12;                // base text size (px); margins are multiples of it
    bool fits = true;                // everything fits at a readable size (false: smallest tried)
    bool small = false;              // every layer ≤ kSmallLayer (all edges, numbers on them)
    TextBox caption;                 // header, left: the widest phase caption's box
    QRectF info;                     // header, right: label and prediction
    double infoFont = 0;             //   its pixel size
    QRectF header;                   // caption and info together (not zoomed)
    QRectF content;                  // where the columns go
    QRectF image;                    // input image (image networks)
    QRectF heat;                     // weight heat map of the selected hidden neuron
    TextBox heatCaption;             // above the heat map (room for the widest caption)
    TextBox heatHint;                // inside the empty heat map box
    double labelX = 0;               // output labels 0 … n−1: left edge
    double labelW = 0;               //   their width
    double labelFont = 0;            //   pixel size
    double barX = 0, barW = 0;       // output bars: left edge and full length
    double noteX = 0;                // "◀ target" notes: left edge
    double noteW = 0;                //   room for the widest
    double noteFont = 0;             //   pixel size
    double barH = 0;                 // bar thickness
    std::vector<Column> columns;     // per layer
    QRectF legend;                   // the legend's rows (not zoomed)
    double legendFont = 0;           // its pixel size
    std::vector<LegendBox> entries;  // the widest legend (every entry), placed

    static NetworkLayout compute(const NetworkLayoutInput& in);

    // Lays legend entries out left to right in rows of `width` starting at `origin` (used with
    // the entries shown now; a subset never needs more room than the full set). A row holding
    // a ramp is legendRowHeight(font, true) tall (title, bar, end values), others one line.
    static std::vector<LegendBox> flowLegend(const std::vector<LegendEntry>& entries,
                                             QPointF origin, double width, double font,
                                             double strokeScale = 1.0);
    static double legendRowHeight(double font, bool ramp);
    // Width of one legend entry at `font`.
    static double entryWidth(const LegendEntry& e, double font);

    // Breaks `text` into lines no wider than `width` where a line may break (between words,
    // between CJK characters), never inside a word; widest line width in *widest.
    static QStringList breakLines(const QString& text, const QFont& font, double width,
                                  double* widest = nullptr);
    // The largest pixel size from `largest` down to `smallest` at which `text` fits `box`'s
    // width in at most maxLines lines and its height; box.lines empty when it fits at none.
    static TextBox fitText(const QString& text, QRectF box, double largest, double smallest,
                           int maxLines, bool bold = false);

    // Places a label of size sizes[i] on each line i, at one of several points along it,
    // the first that overlaps neither a placed label nor an obstacle (a node), preferring
    // prefer[i] (0 … 1 along the line). Returns the labels' boxes (scene coordinates).
    static std::vector<QRectF> placeLineLabels(const std::vector<QLineF>& lines,
                                               const std::vector<QSizeF>& sizes,
                                               const std::vector<double>& prefer,
                                               const std::vector<QRectF>& obstacles);
};

// The font of the network view at a pixel size.
QFont networkFont(double px, bool bold = false);

}  // namespace bps
