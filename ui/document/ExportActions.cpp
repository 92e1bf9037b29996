// ExportActions.cpp — File ▸ Export.
#include "document/ExportActions.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include "document/ExportDialog.h"
#include "document/Exporter.h"
#include "training/TrainingController.h"
#include "views/ErrorPlot.h"
#include "views/NetworkView.h"

namespace bps {

namespace {
const QString kFolderKey = QStringLiteral("session/folder");  // shared with the sessions
}

ExportActions::ExportActions(const Parts& parts, QObject* parent)
    : QObject(parent), m_parts(parts) {}

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

QString ExportActions::askSaveFile(const QString& title, const QString& filter,
                                   const QString& suffix) {
    QFileDialog dialog(m_parts.window, title);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(filter);
    dialog.setDefaultSuffix(suffix);
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
    dialog.setDirectory(
        QSettings()
            .value(kFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return {};
    return dialog.selectedFiles().front();
}

void ExportActions::warn(const QString& message) {
    QMessageBox::warning(m_parts.window, tr("Export"), message);
}

}  // namespace bps
