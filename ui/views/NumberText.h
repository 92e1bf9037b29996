// NumberText.h — a number as the derivations, checks and lessons write it beside a formula:
// 4 significant digits, and plain "0" for zero (never "−0").
#pragma once

#include <QString>

namespace bps {

inline QString n4(double v) {
    if (v == 0) return QStringLiteral("0");
    return QString::number(v, 'g', 4);
}

}  // namespace bps
