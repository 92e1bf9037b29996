// Exporter.cpp — PNG/SVG renders, curve CSV, weights as .npy and CSV.
#include "document/Exporter.h"
#include "backprop/AtomicFile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLayout>
#include <QPainter>
#include <QPixmap>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QWidget>
#include <charconv>
#include <exception>
#include <memory>
#include <string_view>

#include "backprop/Npy.h"
#include "views/ErrorPlot.h"
#include "views/NetworkView.h"

namespace bps::Exporter {

namespace {

// Translation context of the messages ("Exporter"): lupdate reads Text::tr calls.
class Text {
    Q_DECLARE_TR_FUNCTIONS(Exporter)
};

QString checkSize(QSize size) {
    if (size.width() < 1 || size.height() < 1 || size.width() > 20000 || size.height() > 20000)
        return Text::tr("The size %1 × %2 is not between 1 and 20000 pixels")
            .arg(size.width())
            .arg(size.height());
    return {};
}

// Writes bytes through the core's atomic save (bp::writeFileAtomically, as models and sessions
// are): a failed export leaves the old file as it was and no temporary file; a symbolic link
// stays a link, an old file keeps its mode.
QString writeText(const QString& path, const QByteArray& text) {
    try {
        bp::writeFileAtomically(
            QFile::encodeName(path).toStdString(),
            std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    } catch (const std::exception& e) {
        return Text::tr("Could not write %1: %2")
            .arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what()));
    }
    return {};
}

// Several files whole or none (bp::AtomicWriter: all written before any is renamed).
QString writeTexts(const QStringList& paths, const QList<QByteArray>& texts) {
    std::vector<std::unique_ptr<bp::AtomicWriter>> files;
    QString path;
    try {
        for (qsizetype k = 0; k < paths.size(); ++k) {
            path = paths[k];
            files.push_back(
                std::make_unique<bp::AtomicWriter>(QFile::encodeName(path).toStdString()));
            files.back()->write(texts[k].constData(), static_cast<std::size_t>(texts[k].size()));
            files.back()->finish();
        }
        for (qsizetype k = 0; k < paths.size(); ++k) {
            path = paths[k];
            files[static_cast<std::size_t>(k)]->commit();
        }
    } catch (const std::exception& e) {
        return Text::tr("Could not write %1: %2")
            .arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what()));
    }
    return {};
}

void appendNumber(QByteArray& out, double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
    out.append(buf, static_cast<qsizetype>(r.ptr - buf));
}

// Lays out widget and all its children at size now (resize events are synchronous for a shown
// widget; a hidden one gets them when it is rendered).
void layOut(QWidget& widget, QSize size) {
    widget.resize(size);
    if (widget.layout()) widget.layout()->activate();
    for (QLayout* l : widget.findChildren<QLayout*>()) l->activate();
}

}  // namespace

ImageFormat formatOf(const QString& path) {
    return path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive) ? ImageFormat::Svg
                                                                      : ImageFormat::Png;
}

QString paintToFile(const QString& path, QSize size, ImageFormat format,
                    const std::function<void(QPainter&, const QRect&)>& paint,
                    const QString& title) {
    if (QString e = checkSize(size); !e.isEmpty()) return e;
    const QRect rect(QPoint(0, 0), size);
    const QString shown = QDir::toNativeSeparators(path);
    if (format == ImageFormat::Svg) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator gen;
        gen.setOutputDevice(&buffer);
        gen.setSize(size);
        gen.setViewBox(rect);
        gen.setTitle(title);
        gen.setDescription(Text::tr("Exported from Backprop Studio"));
        QPainter p;
        if (!p.begin(&gen)) return Text::tr("Could not write %1").arg(shown);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(rect, Qt::white);
        paint(p, rect);
        p.end();
        // QSvgGenerator states the size in millimetres (at its 72 dpi); say it in pixels, so
        // every viewer shows the picture at the size asked for.
        QByteArray svg = buffer.data();
        static const QRegularExpression sizeAttributes(
            QStringLiteral(R"(<svg([^>]*?) width="[^"]*" height="[^"]*")"));
        svg = QString::fromUtf8(svg)
                  .replace(sizeAttributes, QStringLiteral(R"(<svg\1 width="%1" height="%2")")
                                               .arg(size.width())
                                               .arg(size.height()))
                  .toUtf8();
        return writeText(path, svg);
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return Text::tr("Not enough memory for a %1 × %2 image")
            .arg(size.width())
            .arg(size.height());
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    paint(p, rect);
    p.end();
    return writePngImage(image, path);
}

QString writeTextFile(const QString& path, const QByteArray& bytes) {
    return writeText(path, bytes);
}

QString writePngImage(const QImage& image, const QString& path) {
    QByteArray png;
    QBuffer buffer(&png);
    if (image.isNull() || !buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG"))
        return Text::tr("Could not write %1").arg(QDir::toNativeSeparators(path));
    return writeText(path, png);
}

QString exportNetwork(const NetworkView& view, const QString& path, QSize size,
                      ImageFormat format) {
    return paintToFile(
        path, size, format, [&view](QPainter& p, const QRect& r) { view.renderTo(p, r); },
        view.window() ? view.window()->windowTitle() : QString());
}

QString exportWidget(QWidget& widget, const QString& path, QSize size, ImageFormat format) {
    // The network view lays itself out for the size (its own renderTo), not through a resize.
    if (const auto* view = qobject_cast<const NetworkView*>(&widget))
        return exportNetwork(*view, path, size, format);
    const QSize old = widget.size();
    // The size asked for wins over the widget's own limits for the render (a chart with a
    // minimum of 500 × 500 px exported at 640 × 400 must not be cut); they are put back.
    const QSize oldMin = widget.minimumSize(), oldMax = widget.maximumSize();
    widget.setMinimumSize(0, 0);
    widget.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    // A widget in a window that was never shown (a lesson in a closed lessons window) is
    // polished on its first render, and its parents' layouts then run again: let both happen
    // now, or the render would undo the size set below in the middle of the export.
    {
        QPixmap settle(1, 1);
        widget.render(&settle);
        for (QWidget* p = widget.parentWidget(); p; p = p->parentWidget())
            if (p->layout()) p->layout()->activate();
    }
    layOut(widget, size);
    const QString error = paintToFile(
        path, size, format,
        [&widget](QPainter& p, const QRect&) {
            widget.render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
        },
        widget.windowTitle());
    layOut(widget, old);
    widget.setMinimumSize(oldMin);
    widget.setMaximumSize(oldMax);
    return error;
}

QString exportCurveCsv(const ErrorPlot& plot, const QString& path) {
    return writeText(path, plot.csv().toUtf8());
}

QStringList weightFileNames(int weightLayers, const QString& suffix) {
    QStringList names;
    for (const std::string& n : bp::npyNames(weightLayers)) {
        QString name = QString::fromStdString(n);
        name.chop(4);  // ".npy"
        names << name + suffix;
    }
    return names;
}

QString exportWeightsNpy(const std::vector<bp::Matrix>& weights, const QString& dir) {
    if (!QDir().mkpath(dir)) return Text::tr("Could not create the folder %1").arg(dir);
    const QStringList names =
        weightFileNames(static_cast<int>(weights.size()), QStringLiteral(".npy"));
    std::vector<std::string> paths;
    for (const QString& name : names)
        paths.push_back(QFile::encodeName(QDir(dir).filePath(name)).toStdString());
    try {
        bp::writeNpyFiles(paths, weights);  // the whole set or none
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString exportWeightsCsv(const std::vector<bp::Matrix>& weights, const QString& dir) {
    if (!QDir().mkpath(dir)) return Text::tr("Could not create the folder %1").arg(dir);
    const QStringList names =
        weightFileNames(static_cast<int>(weights.size()), QStringLiteral(".csv"));
    QStringList paths;
    QList<QByteArray> texts;
    for (std::size_t k = 0; k < weights.size(); ++k) {
        const bp::Matrix& w = weights[k];
        QByteArray text;
        text.reserve(static_cast<qsizetype>(w.size()) * 22);
        for (Eigen::Index i = 0; i < w.rows(); ++i) {  // row i = neuron i of the next layer
            for (Eigen::Index j = 0; j < w.cols(); ++j) {
                if (j > 0) text += ',';
                appendNumber(text, w(i, j));
            }
            text += '\n';
        }
        paths << QDir(dir).filePath(names[static_cast<qsizetype>(k)]);
        texts << text;
    }
    return writeTexts(paths, texts);  // the whole set or none
}

}  // namespace bps::Exporter
