// EvaluationLesson.cpp — accuracy, confusion matrix and mistakes gallery, computed on a worker.
#include "lessons/EvaluationLesson.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <limits>

#include "backprop/Network.h"
#include "backprop/Trainer.h"
#include "lessons/LessonImages.h"
#include "training/DatasetLoader.h"

namespace bps {
namespace lessons {

// ---- ConfusionMatrixView ----

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(360, 360);
    setCursor(Qt::PointingHandCursor);
}

void ConfusionMatrixView::setCounts(const Counts& counts, bool valid) {
    m_counts = counts;
    m_valid = valid;
    update();
}

void ConfusionMatrixView::setSelected(int row, int col) {
    m_selRow = row;
    m_selCol = col;
    update();
}

QRect ConfusionMatrixView::gridRect() const {
    const int margin = fontMetrics().height() * 2 + 6;  // room for the axis titles and labels
    const int side = std::max(10, std::min(width() - margin - 4, height() - margin - 4));
    const int cell = side / 10;
    return {margin, margin, cell * 10, cell * 10};
}

QRect ConfusionMatrixView::cellRect(int row, int col) const {
    const QRect g = gridRect();
    const int cell = g.width() / 10;
    return {g.x() + col * cell, g.y() + row * cell, cell, cell};
}

void ConfusionMatrixView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QRect g = gridRect();
    const QFontMetrics fm = fontMetrics();
    const int h = fm.height();
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(g.x(), 0, g.width(), h), Qt::AlignCenter, tr("the network's answer →"));
    p.save();
    p.translate(h / 2 + 1, g.y() + g.height() / 2);
    p.rotate(-90);
    p.drawText(QRect(-g.height() / 2, -h / 2, g.height(), h), Qt::AlignCenter,
               tr("← the true label"));
    p.restore();
    for (int i = 0; i < 10; ++i) {
        const QRect c = cellRect(0, i), r = cellRect(i, 0);
        p.drawText(QRect(c.x(), h + 2, c.width(), h), Qt::AlignCenter, QString::number(i));
        p.drawText(QRect(h + 2, r.y(), h, r.height()), Qt::AlignCenter, QString::number(i));
    }
    int maxOff = 1;
    std::array<int, 10> rowTotal{};
    for (int r = 0; r < 10; ++r)
        for (int c = 0; c < 10; ++c) {
            rowTotal[static_cast<std::size_t>(r)] +=
                m_counts[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            if (r != c)
                maxOff = std::max(
                    maxOff, m_counts[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)]);
        }
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.9));
    p.setFont(small);
    for (int r = 0; r < 10; ++r)
        for (int c = 0; c < 10; ++c) {
            const QRect cell = cellRect(r, c);
            const int n = m_counts[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            QColor fill(0xf7, 0xf7, 0xf7);
            if (m_valid && n > 0) {
                if (r == c) {  // right answers: blue by share of the row
                    const double t =
                        rowTotal[static_cast<std::size_t>(r)] > 0
                            ? static_cast<double>(n) / rowTotal[static_cast<std::size_t>(r)]
                            : 0.0;
                    fill = QColor::fromRgbF(static_cast<float>(1 - 0.9 * t),
                                            static_cast<float>(1 - 0.55 * t),
                                            static_cast<float>(1 - 0.3 * t));
                } else {  // mistakes: orange by count, relative to the largest mistake
                    const double t = 0.15 + 0.85 * static_cast<double>(n) / maxOff;
                    fill = QColor::fromRgbF(1.0f, static_cast<float>(1 - 0.63 * t),
                                            static_cast<float>(1 - t));
                }
            }
            p.fillRect(cell, fill);
            p.setPen(QColor(0xcc, 0xcc, 0xcc));
            p.drawRect(cell.adjusted(0, 0, -1, -1));
            if (m_valid) {
                const bool dark =
                    r == c && rowTotal[static_cast<std::size_t>(r)] > 0 &&
                    static_cast<double>(n) / rowTotal[static_cast<std::size_t>(r)] > 0.55;
                p.setPen(dark ? Qt::white : Qt::black);
                p.drawText(cell, Qt::AlignCenter, QString::number(n));
            }
        }
    if (m_selRow >= 0 && m_selCol >= 0) {
        p.setPen(QPen(Qt::black, 3));
        p.drawRect(cellRect(m_selRow, m_selCol).adjusted(1, 1, -2, -2));
    }
}

void ConfusionMatrixView::mouseReleaseEvent(QMouseEvent* e) {
    const QPoint pos = e->position().toPoint();
    for (int r = 0; r < 10; ++r)
        for (int c = 0; c < 10; ++c)
            if (cellRect(r, c).contains(pos)) {
                emit cellClicked(r, c);
                return;
            }
}

}  // namespace lessons

// ---- EvaluationLesson ----

namespace {

constexpr const char* kEmbeddedTest = ":/data/mnist_test_1000.csv.gz";

// The worker: predictions of net on test (bp::predictions), and the answer's output value for
// every wrong answer (shown in the gallery).
EvaluationLesson::Result evaluateOn(std::shared_ptr<const bp::Network> net,
                                    EvaluationLesson::DatasetPtr test) {
    EvaluationLesson::Result r;
    if (!test) {  // the embedded 1,000 test samples
        const DatasetLoader::Result loaded =
            DatasetLoader::loadNow(QString::fromLatin1(kEmbeddedTest));
        if (!loaded.data) {
            r.error = loaded.error;
            return r;
        }
        test = loaded.data;
    }
    if (test->inputs != net->inputs()) {
        r.error = EvaluationLesson::tr("the test set has %1 inputs per sample, the network %2")
                      .arg(test->inputs)
                      .arg(net->inputs());
        return r;
    }
    r.predictions = bp::predictions(*net, *test);
    r.confidence.assign(test->rows(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < test->rows(); ++i)
        if (r.predictions[i] != test->label(i)) {
            const bp::Vector out = net->query(test->input(i));
            r.confidence[i] = out[r.predictions[i]];
        }
    r.test = std::move(test);
    return r;
}

}  // namespace

EvaluationLesson::EvaluationLesson(QWidget* parent) : Lesson(parent) {
    m_accuracyLabel = new QLabel(this);
    QFont big = m_accuracyLabel->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_accuracyLabel->setFont(big);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_evaluateButton = new QPushButton(this);
    m_evaluateButton->setEnabled(false);

    auto* head = new QHBoxLayout;
    head->addWidget(m_accuracyLabel);
    head->addSpacing(12);
    head->addWidget(m_status, 1);
    head->addWidget(m_evaluateButton);

    m_matrix = new lessons::ConfusionMatrixView(this);
    auto* matrixColumn = new QVBoxLayout;
    matrixColumn->addWidget(m_matrix, 1);
    auto* showAll = new QPushButton(this);
    m_showAllButton = showAll;
    matrixColumn->addWidget(showAll);
    auto* matrixBox = new QWidget(this);
    matrixBox->setLayout(matrixColumn);
    matrixBox->setMaximumWidth(620);

    m_galleryTitle = new QLabel(this);
    m_galleryTitle->setWordWrap(true);
    m_galleryWidget = new QWidget;
    m_galleryGrid = new QGridLayout(m_galleryWidget);
    m_galleryGrid->setSpacing(4);
    m_galleryGrid->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_galleryWidget);
    m_scroll->viewport()->installEventFilter(this);  // re-flows the gallery on resize
    auto* galleryColumn = new QVBoxLayout;
    galleryColumn->addWidget(m_galleryTitle);
    galleryColumn->addWidget(m_scroll, 1);
    auto* galleryBox = new QWidget(this);
    galleryBox->setLayout(galleryColumn);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(matrixBox);
    split->addWidget(galleryBox);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({540, 720});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(split, 4);
    layout->addWidget(explanationPanel(), 1);

    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &EvaluationLesson::finished);
    connect(m_evaluateButton, &QPushButton::clicked, this, &EvaluationLesson::evaluate);
    connect(m_matrix, &lessons::ConfusionMatrixView::cellClicked, this,
            &EvaluationLesson::showCell);
    connect(showAll, &QPushButton::clicked, this, [this] { showCell(-1, -1); });
    setStatus([] { return tr("No network yet: train one in the studio, then evaluate it here."); });
    retranslateUi();
}

void EvaluationLesson::retranslateUi() {
    setExplanation(tr(
        "<h3>How good is it, really?</h3>"
        "<p>The <b>test set</b> holds pictures the network never trained on. Its accuracy is the "
        "honest score: the share it labels right. The <b>confusion matrix</b> shows where the "
        "rest go: row = the true digit, column = the network's answer, so the diagonal holds "
        "the right answers and every other cell a kind of mistake.</p>"
        "<p><b>Try:</b> click a cell (say true 4, answer 9) to see those pictures. Train more, "
        "then press Evaluate again.</p>"
        "<p><b>Notice:</b> the mistakes are not random: 4↔9, 3↔5, 7↔2 are common, and some "
        "test pictures are hard even for people. The number under each picture is the output "
        "of the wrong answer — a confident mistake is close to 1.</p>"));

    m_evaluateButton->setText(tr("Evaluate now"));
    m_evaluateButton->setToolTip(tr("Run the studio's current network on every test picture"));
    m_showAllButton->setText(tr("Show all mistakes"));
    m_showAllButton->setToolTip(tr("The gallery shows every wrongly labelled test picture again"));
    m_accuracyLabel->setText(hasResult() ? tr("%1 %").arg(100.0 * accuracy(), 0, 'f', 1)
                                         : tr("— %"));
    m_status->setText(m_statusText());
    if (hasResult()) showCell(m_selRow, m_selCol);  // the gallery's title and captions
}

void EvaluationLesson::setStatus(std::function<QString()> text) {
    m_statusText = std::move(text);
    m_status->setText(m_statusText());
}

EvaluationLesson::~EvaluationLesson() {
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void EvaluationLesson::setSnapshot(SnapshotPtr s) {
    if (!s) return;
    m_snapshot = std::move(s);
    m_evaluateButton->setEnabled(true);
    if (!hasResult() && !isRunning())
        setStatus([] { return tr("A network is ready: press Evaluate."); });
}

void EvaluationLesson::setDatasets(DatasetPtr /*train*/, DatasetPtr test) {
    m_test = std::move(test);
}

void EvaluationLesson::activated() {
    const bool stale =
        m_snapshot && (m_snapshot != m_evaluatedSnapshot || (m_test && m_test != m_result.test));
    if (stale) evaluate();
}

void EvaluationLesson::evaluate() {
    if (!m_snapshot) return;
    if (isRunning()) {
        m_again = true;
        return;
    }
    std::shared_ptr<const bp::Network> net = lessons::networkOf(m_snapshot);
    if (!net) return;
    m_evaluatedSnapshot = m_snapshot;
    setStatus([shape = QString::fromStdString(net->spec().describe()),
               source = m_test ? QString::fromStdString(m_test->source) : QString()] {
        return tr("Evaluating %1 on %2…")
            .arg(shape, !source.isEmpty() ? source : tr("the embedded 1,000 MNIST test samples"));
    });
    m_evaluateButton->setEnabled(false);
    m_watcher.setFuture(QtConcurrent::run(evaluateOn, net, m_test));
}

void EvaluationLesson::finished() {
    Result r = m_watcher.result();
    m_evaluateButton->setEnabled(true);
    if (!r.error.isEmpty()) {
        setStatus([error = r.error] { return tr("Could not evaluate: %1").arg(error); });
        emit evaluated();
        return;
    }
    m_result = std::move(r);
    Counts counts{};
    const bp::Dataset& test = *m_result.test;
    for (std::size_t i = 0; i < test.rows(); ++i) {
        const int t = test.label(i), a = m_result.predictions[i];
        if (t >= 0 && t < 10 && a >= 0 && a < 10)
            ++counts[static_cast<std::size_t>(t)][static_cast<std::size_t>(a)];
    }
    m_counts = counts;
    m_matrix->setCounts(m_counts, true);
    const double acc = accuracy();
    m_accuracyLabel->setText(tr("%1 %").arg(100.0 * acc, 0, 'f', 1));
    std::size_t right = 0;
    for (int d = 0; d < 10; ++d)
        right += static_cast<std::size_t>(
            m_counts[static_cast<std::size_t>(d)][static_cast<std::size_t>(d)]);
    setStatus([right, rows = test.rows(), source = QString::fromStdString(test.source),
               shape = QString::fromStdString(m_evaluatedSnapshot->spec.describe()),
               seen = m_evaluatedSnapshot->samplesSeen] {
        return tr("%1 of %2 test pictures right (%3), network %4 after %5 training "
                  "samples.")
            .arg(right)
            .arg(rows)
            .arg(source)
            .arg(shape)
            .arg(seen);
    });
    showCell(m_selRow, m_selCol);
    emit evaluated();
    if (m_again) {
        m_again = false;
        evaluate();
    }
}

double EvaluationLesson::accuracy() const {
    if (!hasResult() || m_result.test->rows() == 0) return 0.0;
    std::size_t right = 0;
    for (std::size_t d = 0; d < 10; ++d) right += static_cast<std::size_t>(m_counts[d][d]);
    return static_cast<double>(right) / static_cast<double>(m_result.test->rows());
}

void EvaluationLesson::showCell(int row, int col) {
    m_selRow = row;
    m_selCol = col;
    m_matrix->setSelected(row, col);
    m_gallery.clear();
    if (!hasResult()) return;
    const bp::Dataset& test = *m_result.test;
    for (std::size_t i = 0; i < test.rows(); ++i) {
        const int t = test.label(i), a = m_result.predictions[i];
        if (row < 0 ? t != a : (t == row && a == col)) m_gallery.push_back(i);
    }
    if (row < 0) {  // all mistakes: the most confident first
        std::stable_sort(m_gallery.begin(), m_gallery.end(), [this](std::size_t a, std::size_t b) {
            return m_result.confidence[a] > m_result.confidence[b];
        });
        m_galleryTitle->setText(
            tr("<b>All %1 mistakes</b>, the most confident first").arg(m_gallery.size()));
    } else {
        m_galleryTitle->setText(tr("<b>%1 pictures</b> labelled %2, answered %3")
                                    .arg(m_gallery.size())
                                    .arg(row)
                                    .arg(col));
    }
    fillGallery();
}

bool EvaluationLesson::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) layOutGallery();
    return Lesson::eventFilter(watched, event);
}

void EvaluationLesson::layOutGallery() {
    const int columns = std::max(1, (m_scroll->viewport()->width() - 8) / kTileWidth);
    if (columns == m_columns) return;
    m_columns = columns;
    for (lessons::ImageTile* tile : m_tiles) m_galleryGrid->removeWidget(tile);
    for (int i = 0; i < static_cast<int>(m_tiles.size()); ++i)
        m_galleryGrid->addWidget(m_tiles[static_cast<std::size_t>(i)], i / columns, i % columns);
}

void EvaluationLesson::fillGallery() {
    const bp::Dataset& test = *m_result.test;
    const std::size_t shown = std::min<std::size_t>(m_gallery.size(), kMaxGallery);
    std::unique_ptr<bp::Network> net;  // for the confidence of right answers (few pictures)
    while (m_tiles.size() < shown) {
        auto* tile = new lessons::ImageTile(m_galleryWidget);
        tile->setMinimumSide(56);
        const int i = static_cast<int>(m_tiles.size());
        const int columns = std::max(1, m_columns);
        m_galleryGrid->addWidget(tile, i / columns, i % columns);
        m_tiles.push_back(tile);
    }
    for (std::size_t k = 0; k < m_tiles.size(); ++k) {
        lessons::ImageTile* tile = m_tiles[k];
        tile->setVisible(k < shown);
        if (k >= shown) continue;
        const std::size_t i = m_gallery[k];
        const int t = test.label(i), a = m_result.predictions[i];
        double conf = m_result.confidence[i];
        if (std::isnan(conf)) {
            if (!net) net = lessons::networkOf(m_evaluatedSnapshot);
            conf = net ? net->query(test.input(i))[a] : 0.0;
        }
        if (test.isImage()) tile->setImage(lessons::inkImage(test.row(i), test.width, test.height));
        tile->setCaption(tr("%1 → %2\n%3").arg(t).arg(a).arg(conf, 0, 'f', 2));
        tile->setToolTip(tr("Test sample %1: label %2, the network answered %3 (output %4)")
                             .arg(i)
                             .arg(t)
                             .arg(a)
                             .arg(conf, 0, 'f', 3));
    }
    if (m_gallery.size() > shown)
        m_galleryTitle->setText(m_galleryTitle->text() + tr(" — the first %1 shown").arg(shown));
}

QWidget* EvaluationLesson::picture() const {
    return m_matrix;
}

}  // namespace bps
