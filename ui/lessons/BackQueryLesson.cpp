// BackQueryLesson.cpp — the ten imagined digits, redrawn from the studio's snapshots.
#include "lessons/BackQueryLesson.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "backprop/Network.h"
#include "document/Exporter.h"
#include "lessons/LessonImages.h"

namespace bps {

BackQueryLesson::BackQueryLesson(QWidget* parent) : Lesson(parent) {
    // one row of ten on a wide window, two rows of five otherwise (pictures stay large enough
    // for a projector); see resizeEvent
    m_grid = new QGridLayout;
    m_grid->setSpacing(10);
    for (int l = 0; l < 10; ++l) {
        auto* tile = new lessons::ImageTile(this);
        tile->setMinimumSide(120);
        tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        m_tiles[static_cast<std::size_t>(l)] = tile;
        m_grid->addWidget(tile, l / 5, l % 5);
    }

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_scaleBox = new QSpinBox(this);
    m_scaleBox->setRange(1, 16);
    m_scaleBox->setValue(4);
    m_exportButton = new QPushButton(this);
    m_exportButton->setEnabled(false);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_scaleLabel = new QLabel(this));
    bar->addWidget(m_scaleBox);
    bar->addWidget(m_exportButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(m_grid, 5);
    layout->addWidget(explanationPanel(), 1);

    m_timer.setSingleShot(true);
    m_timer.setInterval(150);  // a few redraws a second while training
    connect(&m_timer, &QTimer::timeout, this, &BackQueryLesson::refresh);
    connect(m_exportButton, &QPushButton::clicked, this, &BackQueryLesson::exportWithDialog);
    m_statusText = [] {
        return tr(
            "No network yet: start training in the studio (or load a model) and "
            "the pictures appear here.");
    };
    retranslateUi();
}

void BackQueryLesson::retranslateUi() {
    setExplanation(
        tr("<h3>Back query: looking inside the network's mind</h3>"
           "<p>Normally a picture goes <i>in</i> and ten outputs come <i>out</i>. Here we do it "
           "backwards: we set the outputs to the answer we want (0.99 for one label, 0.01 for "
           "the others), undo the sigmoid with its inverse, the <b>logit</b> "
           "<code>x = ln(o / (1 − o))</code>, and send the signal back through the transposed "
           "weights <code>Wᵀ·x</code>, layer by layer, down to the inputs.</p>"
           "<p><b>Try:</b> press Play in the studio and watch the pictures form as it learns. "
           "Early on they are noise; after a few thousand samples each one shows a blurred "
           "shape of its digit.</p>"
           "<p><b>Notice:</b> dark pixels are where ink makes the label more likely; light ones "
           "where ink speaks <i>against</i> it. Under each picture is what the network answers "
           "when it is shown its own imagined digit.</p>"));

    m_scaleBox->setSuffix(tr("×"));
    m_scaleBox->setToolTip(tr("Each pixel of the 28×28 pictures becomes this many pixels"));
    m_exportButton->setText(tr("Export PNG…"));
    m_exportButton->setToolTip(tr("Save the ten pictures in a row as a PNG image"));
    m_scaleLabel->setText(tr("Scale:"));
    m_status->setText(m_statusText());
    showCaptions();
}

void BackQueryLesson::showCaptions() {
    for (int l = 0; l < 10; ++l) {
        const std::size_t i = static_cast<std::size_t>(l);
        if (m_refreshes == 0)
            m_tiles[i]->setCaption(tr("label %1").arg(l));
        else
            m_tiles[i]->setCaption(tr("label %1\nseen as %2 (%3)")
                                       .arg(l)
                                       .arg(m_answer[i])
                                       .arg(m_answerValue[i], 0, 'f', 2));
    }
}

BackQueryLesson::~BackQueryLesson() = default;

std::vector<std::uint8_t> BackQueryLesson::toInkBytes(const bp::Vector& backquery) {
    return lessons::unitToBytes(backquery, 0.01, 0.99);  // backquery is rescaled to 0.01 … 0.99
}

void BackQueryLesson::setColumns(int columns) {
    if (columns == m_columns || (columns != 5 && columns != 10)) return;
    m_columns = columns;
    for (int l = 0; l < 10; ++l) m_grid->removeWidget(m_tiles[static_cast<std::size_t>(l)]);
    for (int l = 0; l < 10; ++l)
        m_grid->addWidget(m_tiles[static_cast<std::size_t>(l)], l / columns, l % columns);
}

void BackQueryLesson::resizeEvent(QResizeEvent* e) {
    Lesson::resizeEvent(e);
    setColumns(width() >= kRowWidth ? 10 : 5);
}

const std::vector<std::uint8_t>& BackQueryLesson::inkBytes(int label) const {
    return m_ink[static_cast<std::size_t>(label)];
}

void BackQueryLesson::setSnapshot(SnapshotPtr s) {
    if (!s) return;
    m_pending = std::move(s);
    // while hidden the newest snapshot is only kept; activated() draws it
    if (isVisible() && !m_timer.isActive()) m_timer.start();
}

void BackQueryLesson::activated() {
    refresh();
}

void BackQueryLesson::refresh() {
    m_timer.stop();
    if (!m_pending) return;
    const SnapshotPtr s = std::move(m_pending);
    m_pending.reset();
    if (!lessons::isDigitNetwork(s->spec)) {
        m_statusText = [shape = QString::fromStdString(s->spec.describe())] {
            return tr("The studio's network (%1) does not take square pictures with ten "
                      "outputs, so there is no digit to imagine.")
                .arg(shape);
        };
        m_status->setText(m_statusText());
        return;
    }
    const auto net = lessons::networkOf(s);
    if (!net) return;
    m_side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(net->inputs()))));
    for (int l = 0; l < 10; ++l) {
        const bp::Vector image = net->backquery(bp::bookTarget(l, 10));  // o = 0.01 / 0.99
        const std::size_t i = static_cast<std::size_t>(l);
        m_ink[i] = toInkBytes(image);
        // What does the network answer when shown its own imagined picture?
        const bp::Vector out = net->query(image);
        m_answer[i] = bp::argmax(out);
        m_answerValue[i] = out[m_answer[i]];
        m_tiles[i]->setImage(lessons::inkImage(m_ink[i], m_side, m_side));
        m_tiles[i]->setHighlighted(m_answer[i] != l);
    }
    m_shownSamples = s->samplesSeen;
    ++m_refreshes;
    showCaptions();
    m_statusText = [shape = QString::fromStdString(s->spec.describe()), seen = m_shownSamples,
                    epoch = s->epoch, rate = s->learningRate] {
        return tr("Network %1 after %2 training samples (epoch %3, learning rate %4).")
            .arg(shape)
            .arg(seen)
            .arg(epoch)
            .arg(rate);
    };
    m_status->setText(m_statusText());
    m_exportButton->setEnabled(true);
}

QImage BackQueryLesson::rowImage(int scale) const {
    if (m_side <= 0 || scale <= 0) return {};
    const int gap = 4 * scale, cell = m_side * scale;
    QImage out(10 * cell + 9 * gap, cell, QImage::Format_Grayscale8);
    out.fill(255);
    for (int l = 0; l < 10; ++l) {
        const std::vector<std::uint8_t>& ink = m_ink[static_cast<std::size_t>(l)];
        for (int y = 0; y < cell; ++y) {
            uchar* line = out.scanLine(y) + l * (cell + gap);
            for (int x = 0; x < cell; ++x)  // each pixel scale × scale, grey = 255 − ink
                line[x] = static_cast<uchar>(
                    255 - ink[static_cast<std::size_t>((y / scale) * m_side + x / scale)]);
        }
    }
    return out;
}

bool BackQueryLesson::exportPng(const QString& path, int scale) const {
    const QImage img = rowImage(scale);
    return !img.isNull() && Exporter::writePngImage(img, path).isEmpty();  // atomic
}

void BackQueryLesson::exportWithDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export back query pictures"), tr("backquery.png"), tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    if (!exportPng(path, m_scaleBox->value()))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(path));
}

}  // namespace bps
