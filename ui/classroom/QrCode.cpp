// QrCode.cpp — see QrCode.h.
#include "classroom/QrCode.h"

#include <qrencode.h>

#include <QPainter>
#include <memory>

namespace bps {

QImage qrCodeImage(const QString& text, int module) {
    const QByteArray utf8 = text.toUtf8();
    // Level M (15 % of the modules may be lost): a projector's glare or a smudged screen.
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    if (!code || code->width <= 0 || module < 1) return {};
    const int quiet = 4;  // modules of white around the code (ISO/IEC 18004)
    const int side = (code->width + 2 * quiet) * module;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)  // bit 0: a dark module
                p.fillRect((x + quiet) * module, (y + quiet) * module, module, module, Qt::black);
    return image;
}

}  // namespace bps
