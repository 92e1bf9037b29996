// PreprocessTest.cpp — the MNIST-style preprocessing of a drawn digit: a synthetic "1" (its crop
// box, its 20×20 fit, its centre of mass at (14, 14) ± ½), an off-centre "L", area resampling,
// scaling to 0.01–1.00, an empty canvas, and real MNIST digits surviving the round trip.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "backprop/Dataset.h"
#include "backprop/DatasetIO.h"
#include "backprop/Preprocess.h"

using namespace bp;

namespace {

// A white canvas with black rectangles painted on it (like the studio's drawing canvas).
struct Canvas {
    int w, h;
    std::vector<std::uint8_t> grey;
    Canvas(int width, int height)
        : w(width), h(height), grey(static_cast<std::size_t>(width * height), 255) {}
    void fill(int x, int y, int rw, int rh, std::uint8_t v = 0) {
        for (int yy = y; yy < y + rh; ++yy)
            for (int xx = x; xx < x + rw; ++xx) grey[static_cast<std::size_t>(yy * w + xx)] = v;
    }
};

}  // namespace

TEST(Preprocess, SyntheticOne) {
    Canvas c(200, 200);
    c.fill(150, 30, 12, 120);  // a "1": a vertical bar 12 wide, 120 tall, far right
    const DigitSteps s = preprocessDigit(c.grey, c.w, c.h);
    ASSERT_FALSE(s.empty());
    // step 1: inverted ink
    EXPECT_EQ(s.ink[static_cast<std::size_t>(30 * 200 + 150)], 255);
    EXPECT_EQ(s.ink[0], 0);
    // step 2: the crop is exactly the bar
    EXPECT_EQ(s.crop.x, 150);
    EXPECT_EQ(s.crop.y, 30);
    EXPECT_EQ(s.crop.w, 12);
    EXPECT_EQ(s.crop.h, 120);
    // step 3: the longer side becomes 20, the aspect is kept (12/120·20 = 2)
    EXPECT_EQ(s.fitH, 20);
    EXPECT_EQ(s.fitW, 2);
    for (std::uint8_t p : s.fitted) EXPECT_EQ(p, 255);
    // step 4: centre of mass at (14, 14) within half a pixel
    double mx = 0, my = 0;
    ASSERT_TRUE(centreOfMass(s.centred, 28, 28, mx, my));
    EXPECT_NEAR(mx, 14.0, 0.5);
    EXPECT_NEAR(my, 14.0, 0.5);
    const PixelBox placed = inkBox(s.centred, 28, 28);
    EXPECT_EQ(placed.w, 2);
    EXPECT_EQ(placed.h, 20);
    EXPECT_EQ(placed.x, 13);
    EXPECT_EQ(placed.y, 4);
    // step 5: 0.01 … 1.00
    ASSERT_EQ(s.input.size(), 784);
    EXPECT_DOUBLE_EQ(s.input.minCoeff(), 0.01);
    EXPECT_DOUBLE_EQ(s.input.maxCoeff(), 1.00);
    EXPECT_DOUBLE_EQ(s.input[4 * 28 + 13], 1.00);
}

TEST(Preprocess, OffCentreShapeIsCentredByMassNotByBox) {
    // An "L": a tall bar and a foot. Its mass is low-left of its box centre, so centring by mass
    // puts the box off the field's centre, and the mass on it.
    Canvas c(100, 100);
    c.fill(10, 10, 10, 60);  // bar
    c.fill(10, 60, 50, 10);  // foot
    const DigitSteps s = preprocessDigit(c.grey, c.w, c.h);
    EXPECT_EQ(s.crop.w, 50);
    EXPECT_EQ(s.crop.h, 60);
    EXPECT_EQ(s.fitH, 20);
    EXPECT_EQ(s.fitW, 17);  // 50·20/60 = 16.7
    double mx = 0, my = 0;
    ASSERT_TRUE(centreOfMass(s.centred, 28, 28, mx, my));
    EXPECT_NEAR(mx, 14.0, 0.5);
    EXPECT_NEAR(my, 14.0, 0.5);
    const PixelBox placed = inkBox(s.centred, 28, 28);
    const double boxCentreX = placed.x + placed.w / 2.0;
    EXPECT_GT(boxCentreX, 15.0);  // the box moved right so the left-heavy mass is centred
}

TEST(Preprocess, ThresholdClearsGreyPaper) {
    Canvas c(60, 60);
    c.fill(0, 0, 60, 60, 240);  // light grey paper
    c.fill(20, 10, 8, 40, 30);  // dark stroke
    const DigitSteps s = preprocessDigit(c.grey, c.w, c.h);
    EXPECT_EQ(s.crop.x, 20);
    EXPECT_EQ(s.crop.w, 8);
    EXPECT_EQ(s.ink[0], 0);
}

TEST(Preprocess, EmptyCanvas) {
    Canvas c(50, 40);
    const DigitSteps s = preprocessDigit(c.grey, c.w, c.h);
    EXPECT_TRUE(s.empty());
    ASSERT_EQ(s.centred.size(), 784u);
    for (std::uint8_t p : s.centred) EXPECT_EQ(p, 0);
    EXPECT_DOUBLE_EQ(s.input.maxCoeff(), 0.01);
}

TEST(Preprocess, ResampleAreaAverages) {
    // 4×2 → 2×1: each output is the mean of a 2×2 block.
    const std::vector<std::uint8_t> src{0, 100, 200, 255, 0, 100, 200, 255};
    const auto out = resampleArea(src, 4, 2, 2, 1);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0], 50);
    EXPECT_EQ(out[1], 228);  // (200+255+200+255)/4 = 227.5 → 228
    // 3 → 2 columns: fractional cover, output 0 covers source [0, 1.5)
    const auto frac = resampleArea({30, 90, 150}, 3, 1, 2, 1);
    EXPECT_EQ(frac[0], 50);   // (30·1 + 90·0.5) / 1.5
    EXPECT_EQ(frac[1], 130);  // (90·0.5 + 150·1) / 1.5
    EXPECT_THROW(resampleArea(src, 3, 2, 2, 1), std::invalid_argument);
}

TEST(Preprocess, MnistDigitsKeepTheirPlace) {
    // A real MNIST digit is already preprocessed: drawn as dark-on-light and run again, it comes
    // back with its box inside 20×20 and its mass at the centre, close to the original.
    const Dataset d =
        loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/mnist_train_100.csv");
    for (std::size_t i = 0; i < 10; ++i) {
        std::vector<std::uint8_t> grey(784);
        for (int k = 0; k < 784; ++k) grey[static_cast<std::size_t>(k)] = 255 - d.row(i)[k];
        DigitOptions o;
        o.inkThreshold = 0;
        const DigitSteps s = preprocessDigit(grey, 28, 28, o);
        ASSERT_FALSE(s.empty());
        EXPECT_EQ(std::max(s.fitW, s.fitH), 20) << "sample " << i;
        double mx = 0, my = 0;
        ASSERT_TRUE(centreOfMass(s.centred, 28, 28, mx, my));
        EXPECT_NEAR(mx, 14.0, 0.5);
        EXPECT_NEAR(my, 14.0, 0.5);
    }
    EXPECT_THROW(preprocessDigit(std::vector<std::uint8_t>(10), 4, 4), std::invalid_argument);
}
