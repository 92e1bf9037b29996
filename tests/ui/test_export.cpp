// test_export.cpp — Exporter and ExportDialog: the network view and the error chart as PNG and
// SVG at the asked size (the PNG decodes to that size with real drawing in it, the SVG parses as
// XML and QSvgRenderer reports that size), the curve data as CSV, the weights as .npy (read back
// by the core's reader) and as CSV (read back bit for bit); the dialog driven through its fields.
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QXmlStreamReader>
#include <QtTest>
#include <cstring>
#include <memory>

#include "ViewFixtures.h"
#include "backprop/Npy.h"
#include "document/ExportDialog.h"
#include "document/Exporter.h"
#include "views/ErrorPlot.h"
#include "views/NetworkView.h"

using namespace bps;

namespace {

// Number of distinct colours in an image (a blank export has one).
int colours(const QImage& image) {
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3) seen.insert(image.pixel(x, y));
    return static_cast<int>(seen.size());
}

// Parses an SVG file as XML; returns the number of drawing elements (path, line, text, …).
int svgElements(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open");
        return -1;
    }
    QXmlStreamReader xml(&f);
    int drawn = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto n = xml.name();
            if (n == u"path" || n == u"polyline" || n == u"line" || n == u"text" || n == u"rect" ||
                n == u"image" || n == u"circle" || n == u"ellipse")
                ++drawn;
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return drawn;
}

void checkImageFiles(const QString& png, const QString& svg, QSize size) {
    QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(png));
    QCOMPARE(image.size(), size);
    QVERIFY2(colours(image) > 3, "the PNG is blank");
    QString error;
    const int drawn = svgElements(svg, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(drawn > 5, "the SVG draws nothing");
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), size);
    QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), size));
}

// Reads a CSV file of numbers back into a matrix.
bp::Matrix readCsv(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QList<QByteArray> lines = f.readAll().split('\n');
    std::vector<std::vector<double>> rows;
    for (const QByteArray& line : lines) {
        if (line.isEmpty()) continue;
        std::vector<double> row;
        for (const QByteArray& cell : line.split(',')) row.push_back(std::stod(cell.toStdString()));
        rows.push_back(row);
    }
    bp::Matrix m(static_cast<Eigen::Index>(rows.size()),
                 rows.empty() ? 0 : static_cast<Eigen::Index>(rows[0].size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows[i][j];
    return m;
}

bool sameBits(const bp::Matrix& a, const bp::Matrix& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) ==
               0;
}

}  // namespace

class TestExport : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_export"));
        QSettings().clear();
    }

    void networkViewAsPngAndSvg() {
        const bp::Dataset d = fixtures::mnist100();
        const bp::Network net = fixtures::mnistNetwork(d, 1);
        NetworkView view;
        view.resize(800, 500);
        view.setSnapshot(fixtures::trainedSnapshot(net, d.input(0), d.label(0), 28, 28, 0.1));
        QTemporaryDir dir;
        const QSize size(1234, 567);
        const QString png = dir.filePath(QStringLiteral("net.png"));
        const QString svg = dir.filePath(QStringLiteral("net.svg"));
        QCOMPARE(Exporter::exportNetwork(view, png, size, Exporter::formatOf(png)), QString());
        QCOMPARE(Exporter::exportNetwork(view, svg, size, Exporter::formatOf(svg)), QString());
        checkImageFiles(png, svg, size);
        // A size that is not a size, and a folder that does not exist: clear errors, no file.
        QVERIFY(!Exporter::exportNetwork(view, png, QSize(0, 10), Exporter::ImageFormat::Png)
                     .isEmpty());
        const QString bad = dir.filePath(QStringLiteral("no/such/net.png"));
        const QString e = Exporter::exportNetwork(view, bad, size, Exporter::ImageFormat::Png);
        QVERIFY2(e.contains(QStringLiteral("Could not write")), qPrintable(e));
        QVERIFY(!QFileInfo::exists(bad));
    }

    void chartAsPngSvgAndCsv() {
        ErrorPlot plot;
        plot.resize(600, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const QSize shown = plot.size();
        plot.beginRun(QStringLiteral("α 0.3"));
        QVector<QPointF> pts;
        for (int i = 1; i <= 500; ++i) pts.append(QPointF(i, 1.0 / (1.0 + 0.01 * i)));
        plot.addErrorPoints(pts);
        plot.addAccuracy(500, 0.8);
        plot.beginRun(QStringLiteral("α 0.1"));
        plot.addErrorPoints(pts.mid(0, 200));
        plot.refresh();
        QTemporaryDir dir;
        const QSize size(1000, 480);
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QCOMPARE(Exporter::exportWidget(plot, png, size, Exporter::ImageFormat::Png), QString());
        QCOMPARE(Exporter::exportWidget(plot, svg, size, Exporter::ImageFormat::Svg), QString());
        checkImageFiles(png, svg, size);
        QCOMPARE(plot.size(), shown);  // put back as it was
        QString svgText;
        {
            QFile f(svg);
            QVERIFY(f.open(QIODevice::ReadOnly));
            svgText = QString::fromUtf8(f.readAll());
        }
        QVERIFY2(svgText.contains(QStringLiteral("0.3")), "the legend's text is in the SVG");

        const QString csv = dir.filePath(QStringLiteral("curve.csv"));
        QCOMPARE(Exporter::exportCurveCsv(plot, csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QCOMPARE(text, plot.csv());
        QCOMPARE(text.count(QLatin1Char('\n')), 1 + 500 + 1 + 200);
    }

    // The size asked for wins over a widget's own minimum and maximum (a lesson's chart with a
    // 500 × 500 minimum exported at 300 × 200 is laid out at 300 × 200, not cut) and over the
    // layout of a window never shown (a lesson's page); the limits are put back afterwards.
    void sizeWinsOverTheWidgetsLimits() {
        struct Framed : QWidget {
            void paintEvent(QPaintEvent*) override {
                QPainter p(this);
                p.fillRect(rect(), Qt::white);
                p.setPen(QPen(Qt::black, 4));
                p.drawRect(rect().adjusted(2, 2, -2, -2));  // a frame along the edges
            }
        };
        QTemporaryDir dir;
        enum class Case { Minimum, Maximum, InALayout };
        for (const Case c : {Case::Minimum, Case::Maximum, Case::InALayout}) {
            QWidget page;  // never shown
            auto* layout = new QVBoxLayout(&page);
            auto* w = new Framed;
            layout->addWidget(new QLabel(QStringLiteral("above")));
            if (c == Case::InALayout) {
                layout->addWidget(w);
                page.resize(700, 900);
            } else {
                w->setParent(nullptr);
            }
            std::unique_ptr<Framed> own(c == Case::InALayout ? nullptr : w);
            if (c == Case::Minimum) w->setMinimumSize(500, 500);
            if (c == Case::Maximum) w->setMaximumSize(100, 80);
            const QString png = dir.filePath(QStringLiteral("framed.png"));
            QCOMPARE(Exporter::exportWidget(*w, png, QSize(300, 200), Exporter::ImageFormat::Png),
                     QString());
            const QImage img(png);
            QCOMPARE(img.size(), QSize(300, 200));
            // The frame's right and bottom edges are at the picture's edges.
            QVERIFY(qGray(img.pixel(297, 100)) < 80);
            QVERIFY(qGray(img.pixel(150, 197)) < 80);
            QVERIFY(qGray(img.pixel(150, 100)) > 200);
            if (c == Case::Minimum) QCOMPARE(w->minimumSize(), QSize(500, 500));
            if (c == Case::Maximum) QCOMPARE(w->maximumSize(), QSize(100, 80));
        }
    }

    void weightsAsNpyAndCsv() {
        bp::NetworkSpec spec;
        spec.layers = {7, 5, 4, 3};
        spec.bias = true;
        bp::Network net(spec);
        net.train(bp::Vector::LinSpaced(7, 0.01, 0.99), bp::bookTarget(1, 3), 0.3);
        QTemporaryDir dir;
        const QString npyDir = dir.filePath(QStringLiteral("npy"));
        const QString csvDir = dir.filePath(QStringLiteral("csv"));
        QCOMPARE(Exporter::exportWeightsNpy(net.allWeights(), npyDir), QString());
        QCOMPARE(Exporter::exportWeightsCsv(net.allWeights(), csvDir), QString());
        const QStringList npy = Exporter::weightFileNames(3, QStringLiteral(".npy"));
        const QStringList csv = Exporter::weightFileNames(3, QStringLiteral(".csv"));
        QCOMPARE(npy, (QStringList{QStringLiteral("w0.npy"), QStringLiteral("w1.npy"),
                                   QStringLiteral("w2.npy")}));
        for (int k = 0; k < 3; ++k) {
            const bp::Matrix fromNpy = bp::readNpy(QDir(npyDir).filePath(npy[k]).toStdString());
            QVERIFY(sameBits(fromNpy, net.weights(k)));
            const bp::Matrix fromCsv = readCsv(QDir(csvDir).filePath(csv[k]));
            QCOMPARE(fromCsv.rows(), net.weights(k).rows());
            QCOMPARE(fromCsv.cols(), net.weights(k).cols());  // bias column included
            QVERIFY2(sameBits(fromCsv, net.weights(k)), "CSV values do not read back exactly");
        }
        QCOMPARE(Exporter::weightFileNames(2, QStringLiteral(".csv")),
                 (QStringList{QStringLiteral("wih.csv"), QStringLiteral("who.csv")}));
    }

    void dialogFieldsGiveSizeFormatAndPath() {
        QTemporaryDir dir;
        ExportDialog dialog(QStringLiteral("Export"), QStringLiteral("network"), QSize(1600, 900));
        QCOMPARE(dialog.imageSize(), QSize(1600, 900));
        auto* width = dialog.findChild<QSpinBox*>(QStringLiteral("width"));
        auto* height = dialog.findChild<QSpinBox*>(QStringLiteral("height"));
        auto* path = dialog.findChild<QLineEdit*>(QStringLiteral("path"));
        QVERIFY(width && height && path);
        width->selectAll();
        QTest::keyClicks(width, QStringLiteral("800"));
        height->selectAll();
        QTest::keyClicks(height, QStringLiteral("450"));
        path->clear();
        QTest::keyClicks(path, dir.filePath(QStringLiteral("pic")));
        dialog.setFormat(Exporter::ImageFormat::Svg);
        QCOMPARE(dialog.imageSize(), QSize(800, 450));
        QCOMPARE(dialog.path(), dir.filePath(QStringLiteral("pic.svg")));
        if (const QString shots = fixtures::screenshotDir(); !shots.isEmpty()) {
            path->setText(QStringLiteral("/home/teacher/Pictures/lesson-3-network.svg"));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(shots + QStringLiteral("/export-dialog.png")));
            path->setText(dir.filePath(QStringLiteral("pic.svg")));
        }
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        // The next dialog for the same picture starts from these choices.
        ExportDialog again(QStringLiteral("Export"), QStringLiteral("network"), QSize(1600, 900));
        QCOMPARE(again.imageSize(), QSize(800, 450));
        QCOMPARE(again.format(), Exporter::ImageFormat::Svg);
        QCOMPARE(QFileInfo(again.path()).absolutePath(), dir.path());
    }
};

QTEST_MAIN(TestExport)
#include "test_export.moc"
