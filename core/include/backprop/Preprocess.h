// Preprocess.h — turning a picture of a handwritten digit into a 28×28 MNIST-like input, the way
// MNIST itself was made (LeCun et al.): the digit is cropped to its ink, scaled so that it fits
// a 20×20 box keeping its aspect ratio (anti-aliased), then placed in a 28×28 field so that its
// centre of mass is at the field's centre, and finally scaled like every input of the book.
//
// Steps (each result is kept, so the studio can show them one by one):
//   1 invert      ink = 255 − grey        (paper is light, MNIST ink is high); values at or
//                                         below inkThreshold become 0 (clears grey paper)
//   2 crop        the bounding box of the pixels with ink > 0
//   3 fit         area-average resample to w'×h', max(w', h') = 20, aspect kept; then the ink is
//                 stretched so its brightest pixel is 255 (thin pen strokes stay visible)
//   4 centre      centre of mass (mx, my) = Σ p·(x + ½) / Σ p, Σ p·(y + ½) / Σ p of the fitted
//                 image; it is pasted into 28×28 at the whole-pixel offset that brings (mx, my)
//                 nearest to (14, 14), so the result's centre of mass is within ½ pixel of it
//   5 scale       input = x/255·0.99 + 0.01  (bp::scaleInput), 784 values in 0.01 … 1.00
// Coordinates: pixel (x, y) covers [x, x+1) × [y, y+1); the field's centre is (14, 14).
#pragma once

#include <cstdint>
#include <vector>

#include "backprop/Types.h"

namespace bp {

struct DigitOptions {
    bool invert = true;     // the picture is dark ink on light paper (a canvas, a scan)
    int inkThreshold = 24;  // after inverting, ink ≤ this is paper (noise, grey paper)
    int box = 20;           // the digit is fitted into box × box
    int field = 28;         // … and centred in field × field
};

// A rectangle of pixels; empty when w or h is 0.
struct PixelBox {
    int x = 0, y = 0, w = 0, h = 0;
    bool empty() const { return w <= 0 || h <= 0; }
};

// Every intermediate image of the preprocessing (bytes, row-major, 0 = no ink).
struct DigitSteps {
    int width = 0, height = 0;          // size of the original picture
    std::vector<std::uint8_t> ink;      // step 1: width × height, inverted and thresholded
    PixelBox crop;                      // step 2: the ink's bounding box in `ink`
    std::vector<std::uint8_t> cropped;  // crop.w × crop.h
    int fitW = 0, fitH = 0;             // step 3: size after fitting into the box
    std::vector<std::uint8_t> fitted;   // fitW × fitH
    double massX = 0, massY = 0;        // step 4: centre of mass of `fitted`
    int offsetX = 0, offsetY = 0;       // where fitted's top-left corner went in the field
    int field = 28;                     // side of the field
    std::vector<std::uint8_t> centred;  // field × field: the MNIST-like image
    Vector input;                       // step 5: field² values x/255·0.99 + 0.01

    bool empty() const { return crop.empty(); }  // no ink at all (then centred is all 0)
};

// Runs every step on a greyscale picture grey (width × height bytes, row-major).
// Throws std::invalid_argument if the sizes do not match or options are out of range.
DigitSteps preprocessDigit(const std::vector<std::uint8_t>& grey, int width, int height,
                           const DigitOptions& options = {});

// The smallest box holding every pixel > 0 (empty if there is none).
PixelBox inkBox(const std::vector<std::uint8_t>& img, int width, int height);

// Centre of mass Σ p·(x + ½) / Σ p, Σ p·(y + ½) / Σ p; false if the image has no ink.
bool centreOfMass(const std::vector<std::uint8_t>& img, int width, int height, double& mx,
                  double& my);

// Area-average resample of src (sw × sh) to dw × dh: each output pixel is the mean of the
// source area it covers (fractional pixels weighted by their covered part).
std::vector<std::uint8_t> resampleArea(const std::vector<std::uint8_t>& src, int sw, int sh, int dw,
                                       int dh);

}  // namespace bp
