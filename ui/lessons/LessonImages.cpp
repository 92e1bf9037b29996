// LessonImages.cpp — byte images ↔ QImage, networks from snapshots, ImageTile.
#include "lessons/LessonImages.h"

#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace bps::lessons {

QImage inkImage(const std::uint8_t* ink, int w, int h, bool inkBright) {
    QImage img(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y) {
        uchar* line = img.scanLine(y);
        for (int x = 0; x < w; ++x)
            line[x] =
                static_cast<uchar>(inkBright ? ink[static_cast<std::size_t>(y * w + x)]
                                             : 255 - ink[static_cast<std::size_t>(y * w + x)]);
    }
    return img;
}

QImage inkImage(const std::vector<std::uint8_t>& ink, int w, int h, bool inkBright) {
    if (w <= 0 || h <= 0 || ink.size() != static_cast<std::size_t>(w) * static_cast<std::size_t>(h))
        return {};
    return inkImage(ink.data(), w, h, inkBright);
}

std::vector<std::uint8_t> greyBytes(const QImage& image) {
    if (image.isNull()) return {};
    QImage paper(image.size(), QImage::Format_RGB32);
    paper.fill(Qt::white);
    {
        QPainter p(&paper);
        p.drawImage(0, 0, image);
    }
    const QImage grey = paper.convertToFormat(QImage::Format_Grayscale8);
    const int w = grey.width(), h = grey.height();
    std::vector<std::uint8_t> out(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y)
        std::memcpy(out.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w),
                    grey.constScanLine(y), static_cast<std::size_t>(w));
    return out;
}

std::vector<std::uint8_t> unitToBytes(const bp::Vector& v, double lo, double hi) {
    std::vector<std::uint8_t> out(static_cast<std::size_t>(v.size()));
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        const double t = hi > lo ? (v[i] - lo) / (hi - lo) : 0.0;  // 0 … 1
        out[static_cast<std::size_t>(i)] =
            static_cast<std::uint8_t>(std::clamp(std::lround(255.0 * t), 0L, 255L));
    }
    return out;
}

std::unique_ptr<bp::Network> networkOf(const SnapshotPtr& s) {
    if (!s || !s->spec.validate().empty()) return nullptr;
    if (static_cast<int>(s->weights.size()) != s->spec.weightLayers()) return nullptr;
    try {
        auto net = std::make_unique<bp::Network>(s->spec);
        for (int k = 0; k < net->weightLayers(); ++k)
            net->setWeights(k, s->weights[static_cast<std::size_t>(k)]);
        return net;
    } catch (const std::exception&) {
        return nullptr;
    }
}

bool isDigitNetwork(const bp::NetworkSpec& spec) {
    if (spec.layers.size() < 2 || spec.layers.back() != 10) return false;
    const int n = spec.layers.front();
    const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(n))));
    return side * side == n;
}

ImageTile::ImageTile(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ImageTile::setImage(const QImage& image) {
    m_image = image;
    update();
}

void ImageTile::setCaption(const QString& caption) {
    m_caption = caption;
    updateGeometry();
    update();
}

void ImageTile::setHighlighted(bool on) {
    m_highlighted = on;
    update();
}

void ImageTile::setMinimumSide(int side) {
    m_minSide = side;
    updateGeometry();
}

namespace {
// Captions break between words (never inside one) to fit the tile: the presentation mode's
// larger font would otherwise draw a long caption past both edges of a narrow tile.
constexpr int kCaptionFlags = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
constexpr int kCaptionGap = 3;  // between the picture and its caption
}  // namespace

int ImageTile::widestCaptionWord() const {
    int widest = 0;
    const QFontMetrics fm = fontMetrics();
    for (const QString& word :
         m_caption.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
        widest = std::max(widest, fm.horizontalAdvance(word));
    return widest;
}

int ImageTile::captionHeight(int width) const {
    if (m_caption.isEmpty()) return 0;
    return fontMetrics()
        .boundingRect(QRect(0, 0, std::max(1, width), 1 << 20), kCaptionFlags, m_caption)
        .height();
}

QSize ImageTile::sizeHint() const {
    // as wide as the picture, or as the caption's longest line when that is wider
    int lineWidth = 0;
    for (const QString& line : m_caption.split(QLatin1Char('\n')))
        lineWidth = std::max(lineWidth, fontMetrics().horizontalAdvance(line) + 2);
    const int w = std::max(m_minSide + 8, std::min(lineWidth, 2 * m_minSide));
    return {w, heightForWidth(w)};
}

QSize ImageTile::minimumSizeHint() const {
    const int w = std::max(m_minSide + 8, widestCaptionWord() + 2);
    return {w, heightForWidth(w)};
}

bool ImageTile::hasHeightForWidth() const {
    return !m_caption.isEmpty();
}

int ImageTile::heightForWidth(int width) const {
    const int text = captionHeight(width);
    return m_minSide + 8 + (text > 0 ? kCaptionGap + text : 0);
}

void ImageTile::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const int textH = captionHeight(width());
    const QRect area = rect().adjusted(4, 4, -4, -4 - (textH > 0 ? textH + kCaptionGap : 0));
    if (!m_image.isNull() && area.width() > 0 && area.height() > 0) {
        // largest whole-pixel scale that fits (square pixels), centred
        const double s = std::min(static_cast<double>(area.width()) / m_image.width(),
                                  static_cast<double>(area.height()) / m_image.height());
        const QSize drawn(static_cast<int>(m_image.width() * s),
                          static_cast<int>(m_image.height() * s));
        const QRect target(area.x() + (area.width() - drawn.width()) / 2, area.y(), drawn.width(),
                           drawn.height());
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(target, m_image);
        p.setPen(m_highlighted ? QPen(QColor(0xd5, 0x5e, 0x00), 3)
                               : QPen(QColor(0x99, 0x99, 0x99), 1));
        p.drawRect(target.adjusted(-1, -1, 0, 0));
        if (textH > 0) {
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRect(0, target.bottom() + kCaptionGap, width(), textH), kCaptionFlags,
                       m_caption);
        }
    } else if (textH > 0) {
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_caption);
    }
}

void ImageTile::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && rect().contains(e->position().toPoint())) emit clicked();
    QWidget::mouseReleaseEvent(e);
}

}  // namespace bps::lessons
