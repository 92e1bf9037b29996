// Exporter.h — writes what the studio shows to files: the network view and any chart as PNG or
// SVG at a chosen size, the error-curve data as CSV, the weights as .npy (bp::exportNpy, the
// book's numpy files) and as CSV (one file per matrix). Every function returns an empty string
// on success, else a sentence for a dialog naming the file.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

class QImage;
#include <functional>
#include <vector>

#include "backprop/Types.h"

class QPainter;
class QRect;
class QWidget;

namespace bps {

class ErrorPlot;
class NetworkView;

namespace Exporter {

enum class ImageFormat { Png, Svg };

// PNG or SVG from the file name's suffix (".svg" → SVG, anything else → PNG).
ImageFormat formatOf(const QString& path);

// Paints paint(painter, QRect(0, 0, size)) into a PNG (white background) or an SVG of size.
QString paintToFile(const QString& path, QSize size, ImageFormat format,
                    const std::function<void(QPainter&, const QRect&)>& paint,
                    const QString& title = {});

// The network view as drawn now (snapshot, selection, density), laid out for size.
QString exportNetwork(const NetworkView& view, const QString& path, QSize size, ImageFormat format);
// Any chart or panel widget (the error chart, a lesson's chart), laid out again at size: the
// widget is resized for the render and put back (vector output for SVG). A NetworkView goes
// through exportNetwork.
QString exportWidget(QWidget& widget, const QString& path, QSize size, ImageFormat format);

// The error chart's data (ErrorPlot::csv: run, label, series, samples_seen, value).
QString exportCurveCsv(const ErrorPlot& plot, const QString& path);
// Writes bytes (a CSV, a report) through the same atomic save (empty string on success).
QString writeTextFile(const QString& path, const QByteArray& bytes);
// Writes an image as a PNG file through the same atomic save (empty string on success).
QString writePngImage(const QImage& image, const QString& path);

// Weights W_0 … W_{L−1} into dir (created if missing): .npy as numpy.save writes them (names
// bp::npyNames: wih.npy / who.npy or w0.npy …), or CSV with the same stems (wih.csv …): one row
// of the matrix per line, values in shortest round-trip form (they read back bit for bit).
QString exportWeightsNpy(const std::vector<bp::Matrix>& weights, const QString& dir);
QString exportWeightsCsv(const std::vector<bp::Matrix>& weights, const QString& dir);
// The files those two write, for dialogs and tests.
QStringList weightFileNames(int weightLayers, const QString& suffix);

}  // namespace Exporter
}  // namespace bps
