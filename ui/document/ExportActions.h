// ExportActions.h — File ▸ Export: the network view and the error chart as PNG or SVG at a
// chosen size (ExportDialog), the error curves as CSV, the weights as NumPy .npy or CSV files
// (Exporter does the writing), and the network carried out as a Jupyter notebook or an ONNX
// model (BridgeExport: gathered on the GUI thread, written on a worker thread, one at a time).
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include "document/BridgeExport.h"
#include "document/StudioParts.h"

class QAction;
class QMenu;

namespace bps {

class ExportActions : public QObject {
    Q_OBJECT
  public:
    using Parts = StudioParts;

    explicit ExportActions(const Parts& parts, QObject* parent = nullptr);
    ~ExportActions() override;  // a notebook or model being written is finished first

    void fillMenu(QMenu* exportMenu);  // an empty Export menu
    void retranslate();                // its entries' texts in the current language

    // A notebook or ONNX model is being written (its menu entries are disabled meanwhile).
    bool isWriting() const { return m_bridge.isRunning(); }

  signals:
    void message(const QString& text, int ms);  // "Exported …" for the status bar
    // A notebook or ONNX export ended: error is empty on success (files: what was written),
    // else the sentence the warning shows.
    void bridgeFinished(const QString& error, const QStringList& files);

  public slots:
    void exportImage(bool chart);
    void exportCurveCsv();
    void exportWeights(bool npy);
    // File ▸ Export ▸ Notebook… / ONNX model…: asks for the file (the last folder used for
    // them, QSettings "export/bridgeFolder"), then exportBridgeTo.
    void exportBridge(bps::BridgeExport::Kind kind);
    // Writes the network the studio shows to path, off the GUI thread (bridgeFinished).
    void exportBridgeTo(bps::BridgeExport::Kind kind, const QString& path);

  private:
    // folderKey: QSettings key of the folder the dialog opens in and remembers ("" = the
    // sessions' folder, not changed); name: the file name it proposes.
    QString askSaveFile(const QString& title, const QString& filter, const QString& suffix,
                        const QString& folderKey = {}, const QString& name = {});
    void warn(const QString& message);
    void bridgeWritten();  // the worker finished: say how it went

    Parts m_parts;                                  // what is exported
    QAction* m_network = nullptr;                   // network view as an image
    QAction* m_chart = nullptr;                     // error chart as an image
    QAction* m_csv = nullptr;                       // curves as CSV
    QAction* m_npy = nullptr;                       // weights as .npy
    QAction* m_weightsCsv = nullptr;                // weights as CSV
    QAction* m_notebook = nullptr;                  // Jupyter notebook with its .npy weights
    QAction* m_onnx = nullptr;                      // ONNX model
    QFutureWatcher<BridgeExport::Result> m_bridge;  // the notebook or model being written
    BridgeExport::Kind m_bridgeKind = BridgeExport::Kind::Onnx;  // what it writes
    bool m_bridgeCheckpoint = false;        // it writes a timeline checkpoint, not the live network
    unsigned long long m_bridgeSample = 0;  // samples seen by the network it writes
};

}  // namespace bps
