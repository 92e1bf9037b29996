// ExportActions.cpp — File ▸ Export.
#include "document/ExportActions.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <optional>

#include "document/ExportDialog.h"
#include "document/Exporter.h"
#include "training/TrainingController.h"
#include "views/ErrorPlot.h"
#include "views/NetworkView.h"

namespace bps {

namespace {
const QString kFolderKey = QStringLiteral("session/folder");             // shared with the sessions
const QString kBridgeFolderKey = QStringLiteral("export/bridgeFolder");  // notebooks, ONNX
}  // namespace

ExportActions::ExportActions(const Parts& parts, QObject* parent)
    : QObject(parent), m_parts(parts) {
    connect(&m_bridge, &QFutureWatcherBase::finished, this, &ExportActions::bridgeWritten);
}

ExportActions::~ExportActions() {
    m_bridge.waitForFinished();  // the files are whole when the window has gone
}

void ExportActions::fillMenu(QMenu* exportMenu) {
    auto add = [&](auto slot) {
        QAction* a = exportMenu->addAction(QString());
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_network = add([this] { exportImage(false); });
    m_chart = add([this] { exportImage(true); });
    m_csv = add(&ExportActions::exportCurveCsv);
    exportMenu->addSeparator();
    m_npy = add([this] { exportWeights(true); });
    m_weightsCsv = add([this] { exportWeights(false); });
    exportMenu->addSeparator();
    m_notebook = add([this] { exportBridge(BridgeExport::Kind::Notebook); });
    m_notebook->setObjectName(QStringLiteral("exportNotebook"));
    m_onnx = add([this] { exportBridge(BridgeExport::Kind::Onnx); });
    m_onnx->setObjectName(QStringLiteral("exportOnnx"));
    retranslate();
}

void ExportActions::retranslate() {
    if (!m_network) return;
    const auto set = [](QAction* action, const QString& text, const QString& tip) {
        action->setText(text);
        action->setToolTip(tip);
        action->setStatusTip(tip);
    };
    set(m_network, tr("&Network view as an image…"),
        tr("The network as drawn now, as PNG or SVG, at a size "
           "you choose"));
    set(m_chart, tr("&Error chart as an image…"),
        tr("The error curve chart as PNG or SVG, at a size you "
           "choose"));
    set(m_csv, tr("Error &data as CSV…"),
        tr("Every point of every curve: run, label, series, samples "
           "seen, value"));
    set(m_npy, tr("&Weights as NumPy .npy…"),
        tr("One .npy file per weight matrix (wih.npy, who.npy …), "
           "as the book's Python code loads them"));
    set(m_weightsCsv, tr("Weights as &CSV…"),
        tr("One CSV file per weight matrix (wih.csv, who.csv …): a line "
           "per neuron of the next layer"));
    set(m_notebook, tr("Note&book…"),
        tr("A Jupyter notebook in the book's style: it loads these weights (.npy files "
           "beside it) and the run's data, tests the network and trains one more epoch"));
    set(m_onnx, tr("&ONNX model…"),
        tr("The network as a standard ONNX model for ONNX runtimes and Netron: raw pixel "
           "values in, scaled inside as the book scales them"));
}

void ExportActions::exportImage(bool chart) {
    QWidget* source =
        chart ? static_cast<QWidget*>(m_parts.plot) : static_cast<QWidget*>(m_parts.network);
    if (!source) return;
    ExportDialog dialog(chart ? tr("Export the error chart") : tr("Export the network view"),
                        chart ? QStringLiteral("chart") : QStringLiteral("network"),
                        chart ? QSize(1600, 800) : QSize(1920, 1080), m_parts.window);
    if (dialog.exec() != QDialog::Accepted) return;
    if (chart) m_parts.controller->sync();  // the newest points are on the chart
    const QString e = chart ? Exporter::exportWidget(*m_parts.plot, dialog.path(),
                                                     dialog.imageSize(), dialog.format())
                            : Exporter::exportNetwork(*m_parts.network, dialog.path(),
                                                      dialog.imageSize(), dialog.format());
    if (!e.isEmpty())
        warn(e);
    else
        emit message(tr("Exported %1").arg(QDir::toNativeSeparators(dialog.path())), 5000);
}

void ExportActions::exportCurveCsv() {
    const QString path =
        askSaveFile(tr("Export the error data"), tr("CSV (*.csv)"), QStringLiteral("csv"));
    if (path.isEmpty()) return;
    m_parts.controller->sync();
    if (const QString e = Exporter::exportCurveCsv(*m_parts.plot, path); !e.isEmpty()) warn(e);
}

void ExportActions::exportWeights(bool npy) {
    const QString dir = QFileDialog::getExistingDirectory(
        m_parts.window,
        npy ? tr("Folder for the .npy weight files") : tr("Folder for the CSV weight files"),
        QSettings().value(QStringLiteral("export/weightsFolder")).toString(),
        QFileDialog::ShowDirsOnly | QFileDialog::DontUseNativeDialog);
    if (dir.isEmpty()) return;
    QSettings().setValue(QStringLiteral("export/weightsFolder"), dir);
    m_parts.controller->sync();
    const SnapshotPtr s = m_parts.controller->lastSnapshot();
    if (!s) return;
    const QString e = npy ? Exporter::exportWeightsNpy(s->weights, dir)
                          : Exporter::exportWeightsCsv(s->weights, dir);
    if (!e.isEmpty()) {
        warn(e);
        return;
    }
    const QStringList names = Exporter::weightFileNames(
        static_cast<int>(s->weights.size()), npy ? QStringLiteral(".npy") : QStringLiteral(".csv"));
    emit message(
        tr("Wrote %1 in %2").arg(names.join(QStringLiteral(", ")), QDir::toNativeSeparators(dir)),
        8000);
}

void ExportActions::exportBridge(BridgeExport::Kind kind) {
    if (isWriting()) return;
    const bool notebook = kind == BridgeExport::Kind::Notebook;
    const QString path =
        notebook
            ? askSaveFile(tr("Export the network as a Jupyter notebook"),
                          tr("Jupyter notebook (*.ipynb)"), QStringLiteral("ipynb"),
                          kBridgeFolderKey, QStringLiteral("network.ipynb"))
            : askSaveFile(tr("Export the network as an ONNX model"), tr("ONNX model (*.onnx)"),
                          QStringLiteral("onnx"), kBridgeFolderKey, QStringLiteral("network.onnx"));
    if (!path.isEmpty()) exportBridgeTo(kind, path);
}

void ExportActions::exportBridgeTo(BridgeExport::Kind kind, const QString& path) {
    if (isWriting() || !m_parts.controller) return;
    std::optional<BridgeExport::Job> job =
        BridgeExport::gather(kind, path, *m_parts.controller, m_parts.loader);
    if (!job) return;
    m_bridgeKind = kind;
    m_bridgeCheckpoint = job->checkpoint;
    m_bridgeSample = job->training.samplesSeen;
    for (QAction* a : {m_notebook, m_onnx})
        if (a) a->setEnabled(false);
    emit message(tr("Writing %1 …").arg(QDir::toNativeSeparators(path)), 0);
    // The weights and data are the job's own copies: the worker shares nothing with the views.
    m_bridge.setFuture(QtConcurrent::run([j = std::move(*job)] { return BridgeExport::write(j); }));
}

void ExportActions::bridgeWritten() {
    for (QAction* a : {m_notebook, m_onnx})
        if (a) a->setEnabled(true);
    const BridgeExport::Result r = m_bridge.result();
    if (!r.error.isEmpty()) {
        emit message(QString(), 0);
        // Said without a modal loop (training and tests go on), as the studio's other problems.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Export"), r.error, QMessageBox::Ok,
                                    m_parts.window);
        box->setObjectName(QStringLiteral("exportProblem"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        emit bridgeFinished(r.error, {});
        return;
    }
    QString text =
        m_bridgeKind == BridgeExport::Kind::Notebook
            ? tr("Wrote the notebook %1, its weights in %2")
                  .arg(QDir::toNativeSeparators(r.files.value(0)),
                       QDir::toNativeSeparators(r.weightsDir))
            : tr("Wrote the ONNX model %1").arg(QDir::toNativeSeparators(r.files.value(0)));
    if (m_bridgeCheckpoint)
        text += QLatin1Char(' ') +
                tr("(the network at sample %L1 of the timeline)").arg(m_bridgeSample);
    emit message(text, 8000);
    emit bridgeFinished({}, r.files);
}

QString ExportActions::askSaveFile(const QString& title, const QString& filter,
                                   const QString& suffix, const QString& folderKey,
                                   const QString& name) {
    QFileDialog dialog(m_parts.window, title);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(filter);
    dialog.setDefaultSuffix(suffix);
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QSettings settings;
    const QString sessions = settings.value(kFolderKey, documents).toString();
    dialog.setDirectory(folderKey.isEmpty() ? sessions
                                            : settings.value(folderKey, sessions).toString());
    if (!name.isEmpty()) dialog.selectFile(name);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return {};
    const QString path = dialog.selectedFiles().front();
    if (!folderKey.isEmpty()) settings.setValue(folderKey, QFileInfo(path).absolutePath());
    return path;
}

void ExportActions::warn(const QString& message) {
    QMessageBox::warning(m_parts.window, tr("Export"), message);
}

}  // namespace bps
