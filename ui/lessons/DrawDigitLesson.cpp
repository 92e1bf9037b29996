// DrawDigitLesson.cpp — canvas, preprocessing steps and live output bars.
#include "lessons/DrawDigitLesson.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "backprop/Network.h"
#include "lessons/LessonImages.h"

namespace bps {
namespace lessons {

// ---- DrawCanvas ----

DrawCanvas::DrawCanvas(QWidget* parent)
    : QWidget(parent), m_paper(kSide, kSide, QImage::Format_RGB32) {
    m_paper.fill(Qt::white);
    setFixedSize(kSide, kSide);
    setCursor(Qt::CrossCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void DrawCanvas::clear() {
    m_paper.fill(Qt::white);
    m_blank = true;
    update();
    emit changed();
}

void DrawCanvas::setPicture(const QImage& image) {
    m_paper.fill(Qt::white);
    m_blank = image.isNull();
    if (!image.isNull()) {
        QPainter p(&m_paper);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        const QSize fit = image.size().scaled(m_paper.size(), Qt::KeepAspectRatio);
        p.drawImage(QRect(QPoint((kSide - fit.width()) / 2, (kSide - fit.height()) / 2), fit),
                    image);
    }
    update();
    emit changed();
}

void DrawCanvas::drawStroke(const QVector<QPointF>& points) {
    if (points.isEmpty()) return;
    m_last = points.front();
    lineTo(points.front());
    for (const QPointF& pt : points) lineTo(pt);
    emit changed();
}

void DrawCanvas::lineTo(const QPointF& pt) {
    QPainter p(&m_paper);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::black, m_penWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawLine(m_last, pt);
    m_last = pt;
    m_blank = false;
    update();
}

void DrawCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.drawImage(0, 0, m_paper);
    p.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 1, Qt::DashLine));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    if (m_blank) {  // an invitation, painted over the paper (the picture stays white)
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.3);
        p.setFont(f);
        p.setPen(QColor(0x88, 0x88, 0x88));
        p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Draw a digit here with the mouse, as large as the paper: 0 to 9"));
    }
}

void DrawCanvas::mousePressEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return;
    m_drawing = true;
    m_last = e->position();
    lineTo(e->position());  // a dot
    emit changed();
}

void DrawCanvas::mouseMoveEvent(QMouseEvent* e) {
    if (!m_drawing) return;
    lineTo(e->position());
    emit changed();
}

void DrawCanvas::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton || !m_drawing) return;
    lineTo(e->position());
    m_drawing = false;
    emit changed();
}

// ---- OutputBars ----

OutputBars::OutputBars(QWidget* parent) : QWidget(parent) {
    setMinimumSize(180, 240);  // (10 rows; 180 px wide keeps lesson 11 inside 1024×768)
}

void OutputBars::setValues(const bp::Vector& values) {
    m_values = values;
    update();
}

void OutputBars::setHint(const QString& hint) {
    m_hint = hint;
    update();
}

void OutputBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int n = 10;
    const int labelW = fm.horizontalAdvance(QStringLiteral("00")) + 8;
    const int valueW = fm.horizontalAdvance(QStringLiteral("0.000")) + 8;
    const double rowH = static_cast<double>(height()) / n;
    const int best = m_values.size() == n ? bp::argmax(m_values) : -1;
    for (int l = 0; l < n; ++l) {
        const QRectF row(0, l * rowH, width(), rowH);
        p.setPen(palette().color(QPalette::WindowText));
        QFont f = font();
        f.setBold(l == best);
        p.setFont(f);
        p.drawText(QRectF(row.x(), row.y(), labelW, rowH), Qt::AlignCenter, QString::number(l));
        const QRectF track(labelW, row.y() + rowH * 0.15, width() - labelW - valueW, rowH * 0.7);
        p.fillRect(track, QColor(0xee, 0xee, 0xee));
        if (m_values.size() == n) {
            const double v = std::clamp(m_values[l], 0.0, 1.0);
            const QRectF bar(track.x(), track.y(), track.width() * v, track.height());
            p.fillRect(bar, l == best ? QColor(0xd5, 0x5e, 0x00) : QColor(0x00, 0x72, 0xb2));
            p.drawText(QRectF(width() - valueW, row.y(), valueW, rowH),
                       Qt::AlignRight | Qt::AlignVCenter, QString::number(m_values[l], 'f', 3));
        }
    }
    if (m_values.size() != n && !m_hint.isEmpty()) {  // over the empty tracks: what to do
        const QRectF box(labelW + 8, 8, width() - labelW - 16, height() - 16);
        p.setPen(QColor(0x55, 0x55, 0x55));
        p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, m_hint);
    }
}

}  // namespace lessons

// ---- DrawDigitLesson ----

DrawDigitLesson::DrawDigitLesson(QWidget* parent) : Lesson(parent) {
    m_canvas = new lessons::DrawCanvas(this);
    m_clearButton = new QPushButton(this);
    m_openButton = new QPushButton(this);
    auto* canvasButtons = new QHBoxLayout;
    canvasButtons->addWidget(m_clearButton);
    canvasButtons->addWidget(m_openButton);
    canvasButtons->addStretch(1);
    auto* canvasColumn = new QVBoxLayout;
    m_headings[0] = new QLabel(this);
    canvasColumn->addWidget(m_headings[0]);
    canvasColumn->addWidget(m_canvas);
    canvasColumn->addLayout(canvasButtons);
    canvasColumn->addStretch(1);

    auto* stepsGrid = new QGridLayout;
    for (int i = 0; i < 4; ++i) {
        auto* tile = new lessons::ImageTile(this);
        tile->setMinimumSide(90);  // two columns of them fit a 1024×768 projector
        m_stepTiles[static_cast<std::size_t>(i)] = tile;
        stepsGrid->addWidget(tile, i / 2, i % 2);
    }
    auto* stepsColumn = new QVBoxLayout;
    m_headings[1] = new QLabel(this);
    stepsColumn->addWidget(m_headings[1]);
    stepsColumn->addLayout(stepsGrid, 1);

    m_bars = new lessons::OutputBars(this);
    m_answerLabel = new QLabel(this);
    QFont big = m_answerLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_answerLabel->setFont(big);
    m_networkLabel = new QLabel(this);
    m_networkLabel->setWordWrap(true);
    auto* barsColumn = new QVBoxLayout;
    m_headings[2] = new QLabel(this);
    barsColumn->addWidget(m_headings[2]);
    barsColumn->addWidget(m_bars, 1);
    barsColumn->addWidget(m_answerLabel);
    barsColumn->addWidget(m_networkLabel);

    auto* top = new QHBoxLayout;
    top->addLayout(canvasColumn);
    top->addSpacing(10);
    top->addLayout(stepsColumn, 2);
    top->addSpacing(10);
    top->addLayout(barsColumn, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 3);
    layout->addWidget(explanationPanel(), 1);

    m_timer.setSingleShot(true);
    m_timer.setInterval(30);  // follow the pen at ~30 Hz
    connect(&m_timer, &QTimer::timeout, this, &DrawDigitLesson::recompute);
    connect(m_canvas, &lessons::DrawCanvas::changed, this, [this] {
        if (!m_timer.isActive()) m_timer.start();
    });
    connect(m_clearButton, &QPushButton::clicked, m_canvas, &lessons::DrawCanvas::clear);
    connect(m_openButton, &QPushButton::clicked, this, &DrawDigitLesson::openWithDialog);
    m_networkText = [] { return tr("No network yet: train one in the studio first."); };
    recompute();
    retranslateUi();
}

DrawDigitLesson::~DrawDigitLesson() = default;

void DrawDigitLesson::retranslateUi() {
    setExplanation(tr(
        "<h3>Draw your own digit</h3>"
        "<p>Draw a digit with the mouse (or open a photo or scan of one). Before the network "
        "sees it, it is prepared exactly the way the MNIST pictures were: "
        "<b>1</b> colours inverted so ink is bright, <b>2</b> cropped to the ink, "
        "<b>3</b> shrunk to fit a 20×20 box keeping its shape, <b>4</b> placed in a 28×28 "
        "square so its centre of mass sits in the middle, <b>5</b> scaled to 0.01–1.00.</p>"
        "<p><b>Try:</b> a thin 1, a 7 with a bar, a tiny digit in a corner, a digit drawn very "
        "big. Watch the bars move while you draw.</p>"
        "<p><b>Notice:</b> thanks to steps 2–4 the size and place of your drawing barely matter. "
        "Digits written unlike the American writers of MNIST (a 1 with a long nose, a crossed 7) "
        "are harder for the network.</p>"));

    m_clearButton->setText(tr("Clear"));
    m_openButton->setText(tr("Open picture…"));
    m_clearButton->setToolTip(tr("Start again on a blank sheet"));
    m_openButton->setToolTip(tr("Put a photo or scan of a handwritten digit on the canvas"));
    m_headings[0]->setText(tr("<b>Draw here</b>"));
    m_headings[1]->setText(tr("<b>Prepared like MNIST</b>"));
    m_headings[2]->setText(tr("<b>The network's ten outputs</b>"));
    showAnswer();
    showSteps();
}

void DrawDigitLesson::setSnapshot(SnapshotPtr s) {
    if (!s) return;
    m_pending = std::move(s);
    // while hidden the newest snapshot is only kept; activated() or the next pen move uses it
    if (isVisible() && !m_timer.isActive()) m_timer.start();
}

void DrawDigitLesson::activated() {
    recompute();
}

QString DrawDigitLesson::answerText() const {
    return m_answerLabel->text();
}

int DrawDigitLesson::answer() const {
    return bp::argmax(m_outputs);
}

void DrawDigitLesson::recompute() {
    m_timer.stop();
    if (m_pending) {
        const SnapshotPtr s = std::move(m_pending);
        m_pending.reset();
        if (lessons::isDigitNetwork(s->spec) && s->spec.layers.front() == 784) {
            m_net = lessons::networkOf(s);
            m_networkText = [shape = QString::fromStdString(s->spec.describe()),
                             seen = s->samplesSeen] {
                return tr("Network: the studio's %1 after %2 samples.").arg(shape).arg(seen);
            };
        } else {
            m_net.reset();
            m_networkText = [shape = QString::fromStdString(s->spec.describe())] {
                return tr("The studio's network (%1) does not read 28×28 digits.").arg(shape);
            };
        }
    }
    const QImage& pic = m_canvas->picture();
    m_steps = bp::preprocessDigit(lessons::greyBytes(pic), pic.width(), pic.height());
    if (m_net && !m_steps.empty())
        m_outputs = m_net->query(m_steps.input);  // O = sigmoid(W·…), the book's query()
    else
        m_outputs = bp::Vector();
    m_bars->setValues(m_outputs);
    showAnswer();
    showSteps();
}

void DrawDigitLesson::showAnswer() {
    m_networkLabel->setText(m_networkText());
    // Before the first stroke every part of the lesson says what it will show.
    if (!m_net) {
        m_answerLabel->setText(m_steps.empty() ? tr("Draw a digit…") : QString());
        m_bars->setHint(
            tr("The ten outputs of the studio's network appear here once it has "
               "a network that reads 28×28 digits."));
    } else if (m_steps.empty()) {
        m_answerLabel->setText(tr("Draw a digit…"));
        m_bars->setHint(
            tr("Draw on the paper: one bar per digit 0–9 shows how sure the "
               "network is, and follows the pen."));
    } else {
        m_answerLabel->setText(tr("The network says: %1").arg(answer()));
        m_bars->setHint(QString());
    }
}

void DrawDigitLesson::showSteps() {
    const bp::DigitSteps& s = m_steps;
    // 1: the inverted picture with the crop box in orange
    QImage ink =
        lessons::inkImage(s.ink, s.width, s.height, true).convertToFormat(QImage::Format_RGB32);
    if (!s.empty()) {
        QPainter p(&ink);
        p.setPen(QPen(QColor(0xd5, 0x5e, 0x00), 3));
        p.drawRect(QRect(s.crop.x, s.crop.y, s.crop.w, s.crop.h).adjusted(-2, -2, 1, 1));
    }
    m_stepTiles[0]->setImage(ink);
    m_stepTiles[0]->setCaption(tr("1 inverted: ink bright, its box"));
    if (s.empty()) {
        for (std::size_t i = 1; i < 4; ++i) m_stepTiles[i]->setImage(QImage());
        m_stepTiles[1]->setCaption(tr("2 cropped"));
        m_stepTiles[2]->setCaption(tr("3 fitted 20×20"));
        m_stepTiles[3]->setCaption(tr("4 centred 28×28\n5 scaled to 0.01 … 1.00"));
        return;
    }
    m_stepTiles[1]->setImage(lessons::inkImage(s.cropped, s.crop.w, s.crop.h, true));
    m_stepTiles[1]->setCaption(tr("2 cropped %1×%2").arg(s.crop.w).arg(s.crop.h));
    // the fitted digit inside its 20×20 box, so the box is visible
    std::vector<std::uint8_t> box(400, 0);
    const int bx = (20 - s.fitW) / 2, by = (20 - s.fitH) / 2;
    for (int y = 0; y < s.fitH; ++y)
        for (int x = 0; x < s.fitW; ++x)
            box[static_cast<std::size_t>((by + y) * 20 + bx + x)] =
                s.fitted[static_cast<std::size_t>(y * s.fitW + x)];
    m_stepTiles[2]->setImage(lessons::inkImage(box, 20, 20, true));
    m_stepTiles[2]->setCaption(tr("3 fitted %1×%2 in 20×20").arg(s.fitW).arg(s.fitH));
    m_stepTiles[3]->setImage(lessons::inkImage(s.centred, s.field, s.field, true));
    double mx = 0, my = 0;
    bp::centreOfMass(s.centred, s.field, s.field, mx, my);
    m_stepTiles[3]->setCaption(tr("4 centred, mass at (%1, %2)\n5 scaled to 0.01 … 1.00")
                                   .arg(mx, 0, 'f', 1)
                                   .arg(my, 0, 'f', 1));
}

bool DrawDigitLesson::loadPicture(const QString& path) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage img = reader.read();
    if (img.isNull()) {
        m_networkText = [path, error = reader.errorString()] {
            return tr("Could not read %1: %2").arg(path, error);
        };
        m_networkLabel->setText(m_networkText());
        return false;
    }
    m_canvas->setPicture(img);
    recompute();
    return true;
}

void DrawDigitLesson::openWithDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a picture of a handwritten digit"), QString(),
        tr("Pictures (*.png *.jpg *.jpeg *.bmp *.gif);;All files (*)"));
    if (path.isEmpty()) return;
    if (!loadPicture(path))
        QMessageBox::warning(this, tr("Cannot open picture"),
                             tr("%1 is not a picture this program can read.").arg(path));
}

QWidget* DrawDigitLesson::picture() const {
    return m_bars;  // the network's answer to the drawing
}

}  // namespace bps
