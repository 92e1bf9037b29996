// AugmentTest.cpp — rotated copies of images (the book's ±10° augmentation): identity at 0°,
// the direction and exactness of a quarter turn, +θ then −θ close to the original on real MNIST,
// values kept in 0–255, and withRotations' layout (original, +θ, −θ per sample).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "backprop/Augment.h"
#include "backprop/DatasetIO.h"

using namespace bp;

namespace {

Dataset mnist100() {
    return loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/mnist_train_100.csv");
}

std::vector<std::uint8_t> rowOf(const Dataset& d, std::size_t i) {
    return {d.row(i), d.row(i) + d.inputs};
}

double meanAbsDiff(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += std::abs(int(a[i]) - int(b[i]));
    return s / static_cast<double>(a.size());
}

// Pearson correlation of two images.
double correlation(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    const double n = static_cast<double>(a.size());
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ma += a[i] / n;
        mb += b[i] / n;
    }
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

}  // namespace

TEST(Augment, ZeroDegreesIsIdentity) {
    const Dataset d = mnist100();
    for (std::size_t i = 0; i < 10; ++i) {
        const auto img = rowOf(d, i);
        EXPECT_EQ(rotateImage(img, 28, 28, 0.0), img) << "sample " << i;
    }
}

TEST(Augment, QuarterTurnIsExactAndAnticlockwise) {
    // A single ink pixel right of the centre of a 5×5 image: anticlockwise as displayed
    // (y down) moves it to above the centre.
    std::vector<std::uint8_t> img(25, 0);
    img[2 * 5 + 4] = 200;  // (x=4, y=2)
    const auto turned = rotateImage(img, 5, 5, 90.0);
    for (int y = 0; y < 5; ++y)
        for (int x = 0; x < 5; ++x)
            EXPECT_EQ(turned[static_cast<std::size_t>(y * 5 + x)], (x == 2 && y == 0) ? 200 : 0)
                << "at " << x << "," << y;
    // Four quarter turns of a real digit give it back exactly (even size: centre 13.5).
    const Dataset d = mnist100();
    auto img28 = rowOf(d, 0);
    auto r = img28;
    for (int k = 0; k < 4; ++k) r = rotateImage(r, 28, 28, 90.0);
    EXPECT_EQ(r, img28);
}

TEST(Augment, PlusThenMinusIsCloseToOriginal) {
    // Two bilinear passes blur the sharp MNIST strokes a little, so "close" is measured as:
    // much nearer the original than the +10° copy is, and strongly correlated with it.
    const Dataset d = mnist100();
    double movedSum = 0, returnedSum = 0;
    for (std::size_t i = 0; i < 20; ++i) {
        const auto img = rowOf(d, i);
        const auto plus = rotateImage(img, 28, 28, 10.0);
        const auto back = rotateImage(plus, 28, 28, -10.0);
        const double moved = meanAbsDiff(img, plus);  // a 10° turn really changes the image
        const double returned = meanAbsDiff(img, back);
        EXPECT_GT(moved, 5.0) << "sample " << i;
        EXPECT_LT(returned, 0.75 * moved) << "sample " << i;
        EXPECT_GT(correlation(img, back), 0.93) << "sample " << i;
        EXPECT_LT(correlation(img, plus), correlation(img, back)) << "sample " << i;
        movedSum += moved;
        returnedSum += returned;
    }
    EXPECT_LT(returnedSum, 0.6 * movedSum);
}

TEST(Augment, ValuesStayInByteRangeAndInkIsKept) {
    // A full-white image: inside, bilinear mixing of 255s must give exactly 255, never wrap.
    std::vector<std::uint8_t> white(28 * 28, 255);
    for (double deg : {-10.0, 10.0, 33.0}) {
        const auto r = rotateImage(white, 28, 28, deg);
        EXPECT_EQ(r[14 * 28 + 14], 255);
        EXPECT_EQ(r[13 * 28 + 13], 255);
    }
    const Dataset d = mnist100();
    const auto img = rowOf(d, 3);
    double inkBefore = 0, inkAfter = 0;
    const auto r = rotateImage(img, 28, 28, 10.0);
    for (std::size_t k = 0; k < img.size(); ++k) {
        inkBefore += img[k];
        inkAfter += r[k];
    }
    // Digits sit inside the 20×20 box, so a 10° turn keeps almost all their ink.
    EXPECT_NEAR(inkAfter / inkBefore, 1.0, 0.05);
}

TEST(Augment, WithRotationsLayout) {
    const Dataset d = mnist100();
    const Dataset a = withRotations(d, 10.0);
    ASSERT_EQ(a.rows(), 3 * d.rows());
    EXPECT_EQ(a.inputs, 784);
    EXPECT_EQ(a.width, 28);
    EXPECT_EQ(a.height, 28);
    for (std::size_t i = 0; i < d.rows(); i += 17) {
        EXPECT_EQ(a.label(3 * i), d.label(i));
        EXPECT_EQ(a.label(3 * i + 1), d.label(i));
        EXPECT_EQ(a.label(3 * i + 2), d.label(i));
        EXPECT_EQ(rowOf(a, 3 * i), rowOf(d, i));
        EXPECT_EQ(rowOf(a, 3 * i + 1), rotateImage(d.row(i), 28, 28, 10.0));
        EXPECT_EQ(rowOf(a, 3 * i + 2), rotateImage(d.row(i), 28, 28, -10.0));
    }
}

TEST(Augment, RejectsNonImagesAndBadSizes) {
    Dataset d;
    d.inputs = 3;
    d.pixels = {1, 2, 3};
    d.labels = {0};
    EXPECT_THROW(withRotations(d, 10.0), std::invalid_argument);
    EXPECT_THROW(rotateImage(std::vector<std::uint8_t>(10), 3, 3, 5.0), std::invalid_argument);
}
