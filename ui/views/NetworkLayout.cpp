// NetworkLayout.cpp — the network view's layout for one size (see NetworkLayout.h).
#include "views/NetworkLayout.h"

#include <QFont>
#include <QFontMetricsF>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace bps {

QFont networkFont(double px, bool bold) {
    QFont f;
    f.setPixelSize(std::max(6, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

namespace {

constexpr double kMinFont = 7.0;     // px: below this the layout gives up shrinking (fits false)
constexpr double kShrink = 0.92;     // each try's base font is this × the previous one
constexpr double kLineHeight = 1.3;  // line pitch of multi-line captions, × their pixel size

double advance(const QString& s, double px, bool bold = false) {
    return QFontMetricsF(networkFont(px, bold)).horizontalAdvance(s);
}

double lineHeight(double px, bool bold = false) {
    return QFontMetricsF(networkFont(px, bold)).height();
}

}  // namespace

QStringList NetworkLayout::breakLines(const QString& text, const QFont& font, double width,
                                      double* widest) {
    QStringList lines;
    double wide = 0;
    if (text.isEmpty()) {
        if (widest) *widest = 0;
        return lines;
    }
    QTextLayout layout(text, font);
    QTextOption opt;
    opt.setWrapMode(QTextOption::WordWrap);  // between words (and CJK characters) only
    layout.setTextOption(opt);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(std::max(1.0, width));
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
        wide = std::max(wide, line.naturalTextWidth());
    }
    layout.endLayout();
    if (widest) *widest = wide;
    return lines;
}

NetworkLayout::TextBox NetworkLayout::fitText(const QString& text, QRectF box, double largest,
                                              double smallest, int maxLines, bool bold) {
    TextBox t;
    t.box = box;
    if (text.isEmpty()) return t;
    for (double px = largest; px >= smallest - 1e-9; px *= 0.94) {
        double widest = 0;
        const QStringList lines = breakLines(text, networkFont(px, bold), box.width(), &widest);
        const double tall = (lines.size() - 1) * px * kLineHeight + lineHeight(px, bold);
        if (lines.size() <= maxLines && widest <= box.width() && tall <= box.height()) {
            t.lines = lines;
            t.font = px;
            return t;
        }
    }
    return t;
}

double NetworkLayout::entryWidth(const LegendEntry& e, double font) {
    const double textW = advance(e.text, font);
    switch (e.kind) {
        case LegendEntry::Kind::Ramp:
            return std::max({11.5 * font, textW, advance(e.left + e.right, font) + font});
        case LegendEntry::Kind::Line:
            return 3.8 * font + textW;
        case LegendEntry::Kind::Tick:
        case LegendEntry::Kind::Ring:
            return 1.6 * font + textW;
        case LegendEntry::Kind::Note:
            return textW;
    }
    return textW;
}

double NetworkLayout::legendRowHeight(double font, bool ramp) {
    const double lh = lineHeight(font);
    return ramp ? 2 * lh + 1.5 * font : 1.5 * lh;
}

std::vector<NetworkLayout::LegendBox> NetworkLayout::flowLegend(
    const std::vector<LegendEntry>& entries, QPointF origin, double width, double font,
    double strokeScale) {
    std::vector<LegendBox> out;
    const double gap = 1.8 * font;
    double x = 0, y = 0;
    std::size_t rowStart = 0;
    bool rowRamp = false;
    auto closeRow = [&] {  // a row is as tall as its tallest entry
        const double h = legendRowHeight(font, rowRamp);
        for (std::size_t i = rowStart; i < out.size(); ++i) out[i].box.setHeight(h);
        y += h;
    };
    for (const LegendEntry& e : entries) {
        // line samples get wider with the strokes (presentation mode)
        const double w =
            entryWidth(e, font) +
            (e.kind == LegendEntry::Kind::Line ? (strokeScale - 1.0) * 1.5 * font : 0.0);
        if (x > 0 && x + w > width) {  // next row
            closeRow();
            x = 0;
            rowStart = out.size();
            rowRamp = false;
        }
        rowRamp = rowRamp || e.kind == LegendEntry::Kind::Ramp;
        out.push_back({e, QRectF(origin.x() + x, origin.y() + y, w, 0)});
        x += w + gap;
    }
    if (!out.empty()) closeRow();
    return out;
}

std::vector<QRectF> NetworkLayout::placeLineLabels(const std::vector<QLineF>& lines,
                                                   const std::vector<QSizeF>& sizes,
                                                   const std::vector<double>& prefer,
                                                   const std::vector<QRectF>& obstacles) {
    std::vector<QRectF> placed;
    placed.reserve(lines.size());
    auto overlap = [&](const QRectF& r) {
        double area = 0;
        for (const QRectF& p : placed) {
            const QRectF s = r.intersected(p);
            area += s.width() * s.height();
        }
        for (const QRectF& o : obstacles) {
            const QRectF s = r.intersected(o);
            area += s.width() * s.height();
        }
        return area;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const double pad = std::max(1.0, sizes[i].height() * 0.15);
        const double p = std::clamp(i < prefer.size() ? prefer[i] : 0.5, 0.15, 0.85);
        QRectF best;
        double bestArea = -1;
        for (int step = 0; step <= 64; ++step) {  // p, p + 0.025, p − 0.025, p + 0.05, …
            const double t = p + (step % 2 ? 1 : -1) * 0.025 * ((step + 1) / 2);
            if (t < 0.08 || t > 0.92) continue;
            QRectF r(QPointF(0, 0), sizes[i]);
            r.moveCenter(lines[i].pointAt(t));
            const double a = overlap(r.adjusted(-pad, -pad, pad, pad));
            if (bestArea < 0 || a < bestArea) {
                bestArea = a;
                best = r;
            }
            if (a == 0) break;
        }
        placed.push_back(best);
    }
    return placed;
}

namespace {

// One try at base font fs; fits false when something does not fit at it.
NetworkLayout attempt(const NetworkLayoutInput& in, double fs) {
    NetworkLayout l;
    l.size = in.size;
    l.font = fs;
    const double W = in.size.width(), H = in.size.height();
    const std::vector<int>& layers = in.layers;
    if (layers.size() < 2 || W < 10 || H < 10) return l;
    const NetworkTexts& tx = in.texts;
    const double m = fs;  // outer margin
    const int L = static_cast<int>(layers.size()) - 1;
    bool fits = true;

    // ---- header: the phase caption (up to 2 lines) on the left, label and prediction right
    l.infoFont = 0.9 * fs;
    const double infoW = advance(tx.info, l.infoFont) + 0.1 * fs;
    const double capW = W - 2 * m - infoW - 1.5 * fs;
    double capFont = 1.05 * fs;
    int capLines = 1;
    for (;; capFont *= 0.94) {
        capLines = 1;
        bool ok = capW > 0;
        for (const QString& c : tx.captions) {
            double widest = 0;
            const int n = static_cast<int>(
                NetworkLayout::breakLines(c, networkFont(capFont, true), capW, &widest).size());
            capLines = std::max(capLines, n);
            ok = ok && widest <= capW;
        }
        if (ok && capLines <= 2) break;
        if (capFont * 0.94 < 0.8 * fs) {
            fits = false;
            break;
        }
    }
    const double capLineH = std::max(capFont * kLineHeight, lineHeight(capFont, true));
    l.caption.box = QRectF(m, 0.25 * fs, std::max(1.0, capW), capLines * capLineH);
    l.caption.font = capFont;
    if (!tx.captions.isEmpty())
        l.caption.lines =
            NetworkLayout::breakLines(tx.captions.front(), networkFont(capFont, true), capW);
    l.info = QRectF(W - m - infoW, 0.25 * fs, infoW, capLineH);
    l.header = QRectF(0, 0, W, l.caption.box.bottom() + 0.25 * fs);

    // ---- legend: entries flowing over rows at the bottom
    l.legendFont = 0.78 * fs;
    l.entries =
        NetworkLayout::flowLegend(tx.legend, QPointF(m, 0), W - 2 * m, l.legendFont, in.textScale);
    double legendH = 0;
    for (const auto& b : l.entries) legendH = std::max(legendH, b.box.bottom());
    for (const auto& b : l.entries)
        if (b.box.right() > W - m + 0.5) fits = false;  // one entry wider than the view
    l.legend = QRectF(m, H - legendH - 0.3 * fs, W - 2 * m, legendH);
    for (auto& b : l.entries) b.box.translate(0, l.legend.top());

    // ---- column titles: one line each (two when the columns are close, see below)
    const double titleFont = 0.9 * fs;
    const double titleLineH = lineHeight(titleFont, true);
    std::vector<QStringList> titleLines(layers.size());
    std::vector<double> titleW(layers.size(), 0);
    for (std::size_t k = 0; k < layers.size(); ++k) {
        const QString t = k < tx.titles.size() ? tx.titles[k] : QString();
        titleLines[k] = t.isEmpty() ? QStringList{} : QStringList{t};
        titleW[k] = advance(t, titleFont, true);
    }
    int titleRows = 1;

    // ---- content: between the titles and the legend
    auto contentRect = [&](int rows) {
        const double top = l.header.bottom() + rows * titleLineH + 0.4 * fs;
        const double bottom = l.legend.top() - 0.5 * fs;
        return QRectF(m, top, W - 2 * m, std::max(1.0, bottom - top));
    };
    QRectF c = contentRect(titleRows);
    if (c.height() < 5 * fs) fits = false;
    l.small = std::all_of(layers.begin(), layers.end(),
                          [](int n) { return n <= NetworkLayout::kSmallLayer; });
    const bool image = in.imageW > 0 && in.imageH > 0;
    l.columns.resize(layers.size());

    // Vertical geometry of each neuron column: sub-columns, rows, radius, spacing.
    struct Rows {
        int sub = 1, rows = 1;
        double r = 0, spacing = 0, dx = 0, halfBand = 0;
    };
    std::vector<Rows> rows(layers.size());
    auto vertical = [&](const QRectF& cr) {
        for (int k = image ? 1 : 0; k <= L; ++k) {
            Rows& g = rows[static_cast<std::size_t>(k)];
            const int n = layers[static_cast<std::size_t>(k)];
            const int nSlots = n + (in.bias && k < L ? 1 : 0);
            g.sub = n > NetworkLayout::kSmallLayer
                        ? std::clamp(static_cast<int>(std::ceil(nSlots * 13.0 / cr.height())), 1, 5)
                        : 1;
            g.rows = (nSlots + g.sub - 1) / g.sub;
            const double maxR = l.small ? 2.3 * fs : 1.6 * fs;
            g.r = std::min(0.38 * cr.height() / g.rows, maxR);
            // the centres span (rows − 1 + (sub − 1)/sub) pitches: with the radius above and
            // below, the nodes stay inside the content
            const double pitches = g.rows - 1 + (g.sub - 1.0) / g.sub;
            g.spacing =
                pitches > 0 ? std::min((cr.height() - 2 * g.r) / pitches, 3.4 * g.r) : 3.4 * g.r;
            g.dx = g.sub > 1 ? g.spacing * 0.95 : 0;
            g.halfBand = (g.sub - 1) / 2.0 * g.dx + g.r + 0.5 * fs;
        }
    };
    vertical(c);

    // The input image and the heat map under it, with the heat map's caption between.
    double imgW = 0, imgH = 0;
    auto placeImages = [&](const QRectF& cr) {
        if (!image) return;
        const double aspect = static_cast<double>(in.imageW) / in.imageH;
        double side = std::min({cr.height() * 0.46, W * 0.2, cr.width() * 0.25});
        for (int pass = 0; pass < 3; ++pass) {
            imgW = aspect >= 1 ? side : side * aspect;
            imgH = aspect >= 1 ? side / aspect : side;
            const QRectF room(0, 0, std::max(imgW, 7.0 * fs), 3 * 0.8 * fs * kLineHeight);
            l.heatCaption = NetworkLayout::fitText(tx.heatCaption, room, 0.8 * fs, 0.55 * fs, 3);
            const double capH =
                l.heatCaption.lines.isEmpty()
                    ? 0.8 * fs * kLineHeight
                    : (l.heatCaption.lines.size() - 1) * l.heatCaption.font * kLineHeight +
                          lineHeight(l.heatCaption.font);
            const double need = 2 * imgH + capH + 0.9 * fs;
            if (need <= cr.height() || pass == 2) {
                l.heatCaption.box.setHeight(capH);
                break;
            }
            side *= (cr.height() - capH - 0.9 * fs) / (2 * imgH);
        }
    };
    placeImages(c);

    // Horizontal extents of each column around its centre x.
    const double minGap = l.small ? 4.0 * fs : 3.0 * fs;  // room for the edges between columns
    std::vector<double> left(layers.size()), right(layers.size());
    // Output labels, bars and notes right of the output column.
    const Rows& out = rows[static_cast<std::size_t>(L)];
    l.labelFont = std::min(1.05 * fs, std::max(9.0, out.r * 1.3));
    l.noteFont = std::min(0.8 * fs, std::max(8.0, out.r * 1.1));
    l.labelW = advance(QString::number(std::max(1, layers[static_cast<std::size_t>(L)] - 1)),
                       l.labelFont, true) +
               0.3 * fs;
    l.noteW = 0;
    for (const QString& note : tx.outputNotes)
        l.noteW = std::max(l.noteW, advance(note, l.noteFont) + 0.2 * fs);
    l.barW = 3.0 * fs;
    auto extents = [&]() {
        for (int k = 0; k <= L; ++k) {
            const std::size_t kk = static_cast<std::size_t>(k);
            double title = 0;
            for (const QString& line : titleLines[kk])
                title = std::max(title, advance(line, titleFont, true));
            const double band = (k == 0 && image) ? imgW / 2 + 0.4 * fs : rows[kk].halfBand;
            left[kk] = std::max(band, title / 2);
            right[kk] = std::max(band, title / 2);
        }
        const double outRight =
            out.r + 0.25 * fs + l.labelW + 0.25 * fs + l.barW + 0.4 * fs + l.noteW;
        right[static_cast<std::size_t>(L)] = std::max(right[static_cast<std::size_t>(L)], outRight);
    };
    auto freeSpace = [&]() {
        double used = 0;
        for (int k = 0; k <= L; ++k)
            used += left[static_cast<std::size_t>(k)] + right[static_cast<std::size_t>(k)];
        return c.width() - used;
    };
    extents();
    double gap = L > 0 ? freeSpace() / L : 0;
    if (gap < minGap) {  // titles on two lines, where they break
        bool any = false;
        for (std::size_t k = 0; k < layers.size(); ++k) {
            if (titleLines[k].isEmpty()) continue;
            const QString t = titleLines[k].front();
            const QStringList two =
                NetworkLayout::breakLines(t, networkFont(titleFont, true), titleW[k] * 0.6);
            if (two.size() == 2) {
                titleLines[k] = two;
                any = true;
            }
        }
        if (any) {
            titleRows = 2;
            c = contentRect(titleRows);
            vertical(c);
            placeImages(c);
            extents();
            gap = freeSpace() / L;
        }
    }
    if (gap < minGap) fits = false;
    // Room to spare goes partly to the output bars (up to 12 fs long).
    if (gap > 1.5 * minGap) {
        l.barW += std::min(9.0 * fs, (gap - 1.5 * minGap) * L * 0.35);
        extents();
        gap = freeSpace() / L;
    }
    l.content = c;
    if (c.height() < 5 * fs) fits = false;

    // ---- place the columns left to right
    double x = c.left();
    for (int k = 0; k <= L; ++k) {
        const std::size_t kk = static_cast<std::size_t>(k);
        NetworkLayout::Column& col = l.columns[kk];
        x += left[kk];
        col.x = x;
        const int n = layers[kk];
        const bool hasBias = in.bias && k < L;
        if (k == 0 && image) {
            l.image = QRectF(x - imgW / 2, c.top() + 0.4 * fs, imgW, imgH);
            l.heat = QRectF(x - imgW / 2, c.bottom() - imgH - 0.2 * fs, imgW, imgH);
            const double capLeft = std::max(c.left(), x - std::max(imgW, 7.0 * fs) / 2);
            l.heatCaption.box.moveTopLeft(
                QPointF(capLeft, l.heat.top() - l.heatCaption.box.height() - 0.15 * fs));
            l.heatHint = NetworkLayout::fitText(
                tx.heatHint, l.heat.adjusted(0.3 * fs, 0.3 * fs, -0.3 * fs, -0.3 * fs), 0.8 * fs,
                0.45 * fs, 8);
            col.radius = 0;
            col.centres.resize(static_cast<std::size_t>(n));
            const double pw = l.image.width() / in.imageW, ph = l.image.height() / in.imageH;
            for (int p = 0; p < n; ++p)
                col.centres[static_cast<std::size_t>(p)] =
                    QPointF(l.image.left() + (p % in.imageW + 0.5) * pw,
                            l.image.top() + (p / in.imageW + 0.5) * ph);
            if (hasBias)
                col.bias = QPointF(l.image.right() + 0.9 * fs, l.image.bottom() - 0.5 * fs);
            col.band = l.image.adjusted(-0.4 * fs, -0.4 * fs, 0.4 * fs, 0.4 * fs);
        } else {
            const Rows& g = rows[kk];
            col.radius = g.r;
            col.centres.resize(static_cast<std::size_t>(n));
            const double span = g.spacing * (g.rows - 1 + (g.sub - 1.0) / g.sub);
            const double top = c.center().y() - span / 2.0;
            auto pos = [&](int idx) {
                const int sc = idx % g.sub, row = idx / g.sub;
                return QPointF(x + (sc - (g.sub - 1) / 2.0) * g.dx,
                               top + row * g.spacing + sc * g.spacing / g.sub);
            };
            for (int i = 0; i < n; ++i) col.centres[static_cast<std::size_t>(i)] = pos(i);
            if (hasBias) col.bias = pos(n);
            const double y0 = col.centres.empty() ? top : col.centres.front().y();
            double y1 = y0;
            for (const QPointF& p : col.centres) y1 = std::max(y1, p.y());
            if (hasBias) y1 = std::max(y1, col.bias.y());
            const double pad = g.r + 0.5 * fs;
            col.band = QRectF(x - g.halfBand, y0 - pad, 2 * g.halfBand, y1 - y0 + 2 * pad);
            // (against the unscaled text size: presentation mode must not hide the numbers)
            col.numbers = n <= NetworkLayout::kSmallLayer && g.r >= 0.8 * fs / in.textScale;
            const QString sample =
                g.r > 1.6 * fs ? QStringLiteral("−0.000") : QStringLiteral("−0.00");
            col.valueFont = std::min(0.78 * fs, g.r * 0.62);
            while (col.valueFont > 5 && advance(sample, col.valueFont, true) > 1.8 * g.r)
                col.valueFont *= 0.94;
        }
        // the title, centred above the column
        double tw = 0;
        for (const QString& line : titleLines[kk])
            tw = std::max(tw, advance(line, titleFont, true));
        const double th = titleLines[kk].size() * titleLineH;
        col.title.lines = titleLines[kk];
        col.title.font = titleFont;
        col.title.box = QRectF(x - tw / 2, c.top() - th - 0.2 * fs, tw, th);
        x += right[kk] + gap;
    }
    // output labels, bars and notes
    const NetworkLayout::Column& oc = l.columns[static_cast<std::size_t>(L)];
    l.labelX = oc.x + oc.radius + 0.25 * fs;
    l.barX = l.labelX + l.labelW + 0.25 * fs;
    l.noteX = l.barX + l.barW + 0.4 * fs;
    l.barH = std::clamp(oc.radius * 0.9, 4.0, fs * 1.1);
    for (int k = 0; k <= L; ++k) {
        const std::size_t kk = static_cast<std::size_t>(k);
        NetworkLayout::Column& col = l.columns[kk];
        const double top = std::min(col.title.box.top(), col.band.top());
        const double bottom = std::max(col.band.bottom(), k == 0 && image ? l.heat.bottom() : 0.0);
        col.extent = QRectF(col.x - left[kk], top, left[kk] + right[kk], bottom - top);
    }
    l.fits = fits;
    return l;
}

}  // namespace

NetworkLayout NetworkLayout::compute(const NetworkLayoutInput& in) {
    const double base =
        std::clamp(std::min(in.size.height() / 40.0, in.size.width() / 60.0), 11.0, 26.0) *
        std::clamp(in.textScale, 0.5, 4.0);
    for (double fs = base;; fs *= kShrink) {
        NetworkLayout l = attempt(in, fs);
        if (l.fits || fs * kShrink < kMinFont) return l;
    }
}

}  // namespace bps
