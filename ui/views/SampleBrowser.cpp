// SampleBrowser.cpp — the thumbnail list and its model.
#include "views/SampleBrowser.h"

#include <QAbstractListModel>
#include <QEvent>
#include <QFont>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPixmap>
#include <QScrollBar>
#include <QVBoxLayout>

namespace bps {

namespace {
constexpr int kThumb = 42;  // thumbnail side in pixels (28 × 1.5)
}

// One row per training sample: a thumbnail (decoration), "label → prediction" (display).
class SampleModel : public QAbstractListModel {
  public:
    using QAbstractListModel::QAbstractListModel;

    void setDataset(std::shared_ptr<const bp::Dataset> data) {
        beginResetModel();
        m_data = std::move(data);
        m_predictions.reset();
        endResetModel();
    }
    void setPredictions(std::shared_ptr<const std::vector<int>> p) {
        m_predictions = std::move(p);
        if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1));
    }
    // Every cell's size (uniform): without it the list measures the first cell once, before
    // the predictions lengthen its text, and then cuts "7 → 3" to "7 …".
    void setCellSize(QSize size) {
        m_cell = size;
        if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1), {Qt::SizeHintRole});
    }
    // The texts ("5 → 3", tool tips) are made when asked: the view asks again.
    void retranslate() {
        if (rowCount() > 0)
            emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole});
    }
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() || !m_data ? 0 : static_cast<int>(m_data->rows());
    }
    int prediction(int row) const {
        if (!m_predictions || row < 0 || static_cast<std::size_t>(row) >= m_predictions->size())
            return -1;
        return (*m_predictions)[static_cast<std::size_t>(row)];
    }
    QString text(int row) const {
        if (!m_data || row < 0 || row >= rowCount()) return {};
        const int label = m_data->label(static_cast<std::size_t>(row));
        const int p = prediction(row);
        if (p < 0) return QString::number(label);
        return SampleBrowser::tr("%1 → %2").arg(label).arg(p);
    }
    QVariant data(const QModelIndex& index, int role) const override {
        if (!index.isValid() || !m_data) return {};
        const int row = index.row();
        const auto i = static_cast<std::size_t>(row);
        const int label = m_data->label(i);
        const int p = prediction(row);
        switch (role) {
            case Qt::SizeHintRole:
                return m_cell.isValid() ? QVariant(m_cell) : QVariant();
            case Qt::DisplayRole:
                return text(row);
            case Qt::DecorationRole: {
                if (!m_data->isImage()) return {};
                QImage img(m_data->width, m_data->height, QImage::Format_Grayscale8);
                const std::uint8_t* px = m_data->row(i);
                for (int y = 0; y < m_data->height; ++y) {  // MNIST ink is 255: draw it dark
                    uchar* line = img.scanLine(y);
                    for (int x = 0; x < m_data->width; ++x)
                        line[x] = static_cast<uchar>(255 - px[y * m_data->width + x]);
                }
                // Full resolution on high-DPI screens: kThumb logical pixels × the ratio.
                const qreal dpr = qApp->devicePixelRatio();
                const int side = qRound(kThumb * dpr);
                QPixmap thumb = QPixmap::fromImage(
                    img.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation));
                thumb.setDevicePixelRatio(dpr);
                return thumb;
            }
            case Qt::ForegroundRole:
                if (p >= 0 && p != label) return QColor(213, 94, 0);  // vermillion: wrong
                return {};
            case Qt::FontRole:
                if (p >= 0 && p != label) {
                    QFont f;
                    f.setStrikeOut(true);
                    return f;
                }
                return {};
            case Qt::ToolTipRole:
                if (p < 0)
                    return SampleBrowser::tr("Sample %1, label %2 (click to step through it)")
                        .arg(row)
                        .arg(label);
                return SampleBrowser::tr(
                           "Sample %1, label %2, the network says %3 (click to step through it)")
                    .arg(row)
                    .arg(label)
                    .arg(p);
            default:
                return {};
        }
    }

  private:
    std::shared_ptr<const bp::Dataset> m_data;              // the training set shown
    std::shared_ptr<const std::vector<int>> m_predictions;  // network's answers, may be null
    QSize m_cell;                                           // size of every cell (invalid: Qt's)
};

SampleBrowser::SampleBrowser(QWidget* parent) : QWidget(parent) {
    m_model = new SampleModel(this);
    m_list = new QListView(this);
    m_list->setModel(m_model);
    m_list->setViewMode(QListView::IconMode);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setIconSize(QSize(kThumb, kThumb));
    m_list->setSpacing(2);
    updateGrid();
    m_list->setAutoScroll(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setLayoutMode(QListView::Batched);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_caption);
    layout->addWidget(m_list, 1);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex& index) {
        m_current = index.row();
        emit sampleActivated(index.row());
    });
    retranslateUi();
}

void SampleBrowser::retranslateUi() {
    m_caption->setText(tr("label → prediction; click a sample to step through it"));
    m_model->retranslate();
}

SampleBrowser::~SampleBrowser() = default;

void SampleBrowser::updateGrid() {
    // Wide enough for a two-digit "label → prediction" (presentation mode enlarges the font).
    const QFontMetrics fm(m_list->font());
    const int textWidth = fm.horizontalAdvance(QStringLiteral("88 → 88"));
    const QSize cell(std::max(kThumb + 18, textWidth + 8), kThumb + fm.height() + 8);
    m_list->setGridSize(cell);
    m_model->setCellSize(cell - QSize(4, 4));
    // Two columns always fit, so the panel widens with the text instead of cutting labels.
    m_list->setMinimumWidth(2 * (cell.width() + 2 * m_list->spacing()) +
                            m_list->verticalScrollBar()->sizeHint().width() +
                            2 * m_list->frameWidth());
}

void SampleBrowser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) updateGrid();
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void SampleBrowser::setDataset(std::shared_ptr<const bp::Dataset> dataset) {
    m_model->setDataset(std::move(dataset));
    m_current = -1;
}

void SampleBrowser::setPredictions(std::shared_ptr<const std::vector<int>> predictions) {
    m_model->setPredictions(std::move(predictions));
}

void SampleBrowser::setCurrentSample(long i) {
    if (i == m_current || i < 0 || i >= m_model->rowCount()) return;
    m_current = i;
    m_list->selectionModel()->setCurrentIndex(m_model->index(static_cast<int>(i)),
                                              QItemSelectionModel::ClearAndSelect);
}

int SampleBrowser::count() const {
    return m_model->rowCount();
}

QString SampleBrowser::textAt(int i) const {
    return m_model->text(i);
}

}  // namespace bps
