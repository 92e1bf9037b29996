// QrCode.h — a QR code of a short text (the class's join address) as an image, drawn by
// Debian's libqrencode: black modules on white with the standard quiet zone of 4 modules.
#pragma once

#include <QImage>
#include <QString>

namespace bps {

// The code of text at `module` pixels per module, or a null image if it cannot be encoded.
QImage qrCodeImage(const QString& text, int module = 6);

}  // namespace bps
