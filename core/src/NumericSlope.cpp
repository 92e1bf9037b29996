// NumericSlope.cpp — central differences of the sample's error in one weight.
#include "backprop/NumericSlope.h"

#include <stdexcept>
#include <string>

namespace bp {

Scalar centralDifference(const std::function<Scalar(Scalar)>& f, Scalar x, Scalar h) {
    if (!(h > 0)) throw std::invalid_argument("the step h of a central difference must be > 0");
    // Divide by the step the floating-point numbers really took, (x + h) − (x − h), not by 2h.
    const Scalar up = x + h, down = x - h;
    return (f(up) - f(down)) / (up - down);
}

NumericSlope numericSlope(const Network& net, const Eigen::Ref<const Vector>& input,
                          const Eigen::Ref<const Vector>& target, const WeightRef& w, Scalar h) {
    if (!isValidWeight(net, w)) {
        throw std::invalid_argument("W" + std::to_string(w.layer) + "(" + std::to_string(w.row) +
                                    ", " + std::to_string(w.col) + ") is not a weight of " +
                                    net.spec().describe());
    }
    if (target.size() != net.outputs())
        throw std::invalid_argument("the target does not fit the network's outputs");
    Network probe = net;
    Scalar& weight = probe.weights(w.layer)(w.row, w.col);
    const Scalar w0 = weight;
    NumericSlope s;
    s.h = h;
    // E(w) = Σ(T − O(w))², every other weight held still
    const auto error = [&](Scalar value) {
        weight = value;
        return (target - probe.query(input)).squaredNorm();
    };
    s.slopeOfError = centralDifference(error, w0, h);  // (E(w+h) − E(w−h)) / 2h
    s.errorPlus = error(w0 + h);
    s.errorMinus = error(w0 - h);
    s.slope = s.slopeOfError / 2;  // slope of ½E
    return s;
}

}  // namespace bp
