// Augment.h — the book's rotated-image augmentation: each training image also as copies turned
// by +θ and −θ degrees (the book uses ±10°, scipy.ndimage.rotate with order=1, reshape=False).
//
// Images are bytes (0–255, 0 = no ink), width × height, row-major, as in bp::Dataset. The turn is
// about the image centre ((width−1)/2, (height−1)/2), bilinear, and what comes in from outside
// the image is 0 (the book's cval=0.01 is byte 0 after scaling). Positive degrees turn the
// picture anticlockwise as it is displayed (y pointing down), like scipy.ndimage.rotate.
//
// For an output pixel (x', y') with d' = (x' − cx, y' − cy) the source point is
//   dx = c·dx' − s·dy',  dy = s·dx' + c·dy'      (c = cos θ, s = sin θ)
// and its value is the bilinear mix of the four source pixels around (cx + dx, cy + dy).
#pragma once

#include <cstdint>
#include <vector>

#include "backprop/Dataset.h"

namespace bp {

// The image src (width × height bytes) turned by degrees. Throws std::invalid_argument if the
// sizes do not match.
std::vector<std::uint8_t> rotateImage(const std::vector<std::uint8_t>& src, int width, int height,
                                      double degrees);
// The same from a raw row (width·height bytes), e.g. Dataset::row(i).
std::vector<std::uint8_t> rotateImage(const std::uint8_t* src, int width, int height,
                                      double degrees);

// A data set three times as large: for every sample i, in order, the original, the copy turned
// by +degrees and the copy turned by −degrees (the book trains on them one after the other).
// Labels are repeated. Throws std::invalid_argument if d is not an image data set.
Dataset withRotations(const Dataset& d, double degrees);

}  // namespace bp
