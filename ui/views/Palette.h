// Palette.h — the colours of the network view, chosen to stay readable for colour-blind viewers
// and on a washed-out projector (Okabe–Ito blue/vermillion for the sign of a weight, viridis for
// activations, purple–green for errors), with the sign also carried by the line style.
#pragma once

#include <QColor>
#include <QImage>
#include <QRgb>
#include <array>

namespace bps::palette {

// Sequential, 0 … 1 (values outside are clamped): neuron activations and input pixels.
QRgb activation(double t);
// Diverging, −1 … 1 (clamped): weights (orange < 0 < blue) and errors (purple < 0 < green).
QRgb weight(double t);
QRgb error(double t);

inline const QColor kPositive{0, 114, 178};     // w > 0: blue, solid line
inline const QColor kNegative{213, 94, 0};      // w < 0: vermillion, dashed line
inline const QColor kDwPositive{27, 120, 55};   // ΔW > 0: green, solid
inline const QColor kDwNegative{118, 42, 131};  // ΔW < 0: purple, dashed
inline const QColor kBackground{252, 252, 249};
inline const QColor kInk{34, 34, 38};           // text and outlines
inline const QColor kMuted{120, 124, 130};      // secondary text, not-yet-computed nodes
inline const QColor kHighlight{255, 236, 160};  // layer the signal just reached
inline const QColor kSaturated{86, 180, 233};   // ring of a saturated ("frozen") neuron

// Black or white, whichever reads better on `bg`.
QColor textOn(QRgb bg);

// A horizontal ramp image of a palette (for legends): width × 1 pixels, t from lo to hi.
QImage ramp(QRgb (*colour)(double), double lo, double hi, int width);

}  // namespace bps::palette
