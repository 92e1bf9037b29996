// NetworkImages.h — the two pictures of an image network, made once per snapshot (and per
// selected neuron) rather than per frame: the input O_0 coloured by the activation palette, and
// the selected hidden neuron's incoming weights, row j of W_0, as a w × h heat map.
#pragma once

#include <QImage>

#include "training/Snapshot.h"

namespace bps {

class NetworkImages {
  public:
    void reset();  // a new snapshot
    // O_0 as a w × h image (grey where the snapshot has no input yet).
    const QImage& input(const Snapshot& s);
    // Row j of W_0 as a w × h image, coloured by w / max|w| of the row (that max in *vmax).
    const QImage& heat(const Snapshot& s, int j, double* vmax);

  private:
    QImage m_input;        // cached input image (null: not made)
    QImage m_heat;         // cached heat map of row m_heatRow
    int m_heatRow = -1;    // row of W_0 m_heat shows (−1: none)
    double m_heatMax = 0;  // its colour scale max |w|
};

}  // namespace bps
