// ExportDialog.cpp — format, width × height and file of an image export.
#include "document/ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

namespace bps {

namespace {

QString suffixOf(Exporter::ImageFormat f) {
    return f == Exporter::ImageFormat::Svg ? QStringLiteral("svg") : QStringLiteral("png");
}

}  // namespace

ExportDialog::ExportDialog(const QString& title, const QString& key, QSize defaultSize,
                           QWidget* parent)
    : QDialog(parent), m_key(key) {
    setWindowTitle(title);
    setObjectName(QStringLiteral("ExportDialog"));
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image"));
    m_format->addItem(tr("SVG drawing (scalable)"));
    m_format->setToolTip(
        tr("PNG: pixels, for slides and documents. SVG: lines and text that stay "
           "sharp at any size."));
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox* s : {m_width, m_height}) {
        s->setRange(16, 20000);
        s->setSuffix(tr(" px"));
        s->setAccelerated(true);
    }
    m_width->setObjectName(QStringLiteral("width"));
    m_height->setObjectName(QStringLiteral("height"));
    m_width->setToolTip(tr("Width of the picture in pixels"));
    m_height->setToolTip(tr("Height of the picture in pixels"));
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    auto* presets = new QComboBox(this);
    presets->setToolTip(tr("Common sizes"));
    presets->addItem(tr("Preset…"));
    for (const QSize s : {QSize(1280, 720), QSize(1600, 900), QSize(1920, 1080), QSize(3840, 2160),
                          QSize(800, 600)})
        presets->addItem(QStringLiteral("%1 × %2").arg(s.width()).arg(s.height()), s);
    connect(presets, &QComboBox::activated, this, [this, presets](int i) {
        if (i > 0) setImageSize(presets->itemData(i).toSize());
        presets->setCurrentIndex(0);
    });
    sizeRow->addWidget(presets);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setToolTip(tr("The file to write"));
    m_path->setMinimumWidth(320);
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    browseButton->setToolTip(tr("Choose the file in a dialog"));
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::syncSuffix);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Format:"), m_format);
    auto* sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_width);  // a row holding a layout gets no buddy by itself
    form->addRow(sizeLabel, sizeRow);
    auto* fileLabel = new QLabel(tr("F&ile:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    form->addRow(m_buttons);

    // Last choices for this kind of picture.
    QSettings s;
    s.beginGroup(QStringLiteral("export/") + key);
    setImageSize(s.value(QStringLiteral("size"), defaultSize).toSize());
    setFormat(s.value(QStringLiteral("format"), 0).toInt() == 1 ? Exporter::ImageFormat::Svg
                                                                : Exporter::ImageFormat::Png);
    const QString folder =
        s.value(QStringLiteral("folder"),
                QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
            .toString();
    setPath(QDir(folder).filePath(QStringLiteral("backprop-%1.%2").arg(key, suffixOf(format()))));
}

QSize ExportDialog::imageSize() const {
    return {m_width->value(), m_height->value()};
}

Exporter::ImageFormat ExportDialog::format() const {
    return m_format->currentIndex() == 1 ? Exporter::ImageFormat::Svg : Exporter::ImageFormat::Png;
}

QString ExportDialog::path() const {
    QString p = m_path->text().trimmed();
    const QString suffix = QLatin1Char('.') + suffixOf(format());
    if (!p.isEmpty() && !p.endsWith(suffix, Qt::CaseInsensitive)) p += suffix;
    return p;
}

void ExportDialog::setImageSize(QSize size) {
    m_width->setValue(size.width());
    m_height->setValue(size.height());
}

void ExportDialog::setFormat(Exporter::ImageFormat format) {
    m_format->setCurrentIndex(format == Exporter::ImageFormat::Svg ? 1 : 0);
}

void ExportDialog::setPath(const QString& path) {
    m_path->setText(path);
}

// Keeps the file name's suffix in step with the format.
void ExportDialog::syncSuffix() {
    QString p = m_path->text().trimmed();
    const QFileInfo info(p);
    const QString ext = info.suffix().toLower();
    if (ext == QStringLiteral("png") || ext == QStringLiteral("svg")) {
        p.chop(ext.size());
        m_path->setText(p + suffixOf(format()));
    }
}

void ExportDialog::browse() {
    QFileDialog dialog(this, windowTitle());
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(format() == Exporter::ImageFormat::Svg ? tr("SVG (*.svg)")
                                                                : tr("PNG (*.png)"));
    dialog.setDefaultSuffix(suffixOf(format()));
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
    dialog.selectFile(m_path->text());
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
        m_path->setText(dialog.selectedFiles().front());
}

void ExportDialog::accept() {
    if (path().isEmpty()) return;
    QSettings s;
    s.beginGroup(QStringLiteral("export/") + m_key);
    s.setValue(QStringLiteral("size"), imageSize());
    s.setValue(QStringLiteral("format"), format() == Exporter::ImageFormat::Svg ? 1 : 0);
    s.setValue(QStringLiteral("folder"), QFileInfo(path()).absolutePath());
    QDialog::accept();
}

}  // namespace bps
