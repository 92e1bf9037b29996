// ExportDialog.h — the small dialog before an image export: format (PNG or SVG), size in pixels
// (width × height, remembered per kind of picture) and the file. The Exporter does the writing.
#pragma once

#include <QDialog>
#include <QSize>
#include <QString>

#include "document/Exporter.h"

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace bps {

class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    // key names the picture ("network", "chart") for the remembered size, format and folder.
    ExportDialog(const QString& title, const QString& key, QSize defaultSize,
                 QWidget* parent = nullptr);

    QSize imageSize() const;
    Exporter::ImageFormat format() const;
    // The chosen file, with the format's suffix.
    QString path() const;

    void setImageSize(QSize size);
    void setFormat(Exporter::ImageFormat format);
    void setPath(const QString& path);

    void accept() override;  // remembers the choices (QSettings "export/<key>/…")

  private:
    void browse();
    void syncSuffix();

    QString m_key;                  // settings key of this kind of picture
    QComboBox* m_format = nullptr;  // PNG, SVG
    QSpinBox* m_width = nullptr;    // pixels
    QSpinBox* m_height = nullptr;   // pixels
    QLineEdit* m_path = nullptr;    // target file
    QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace bps
