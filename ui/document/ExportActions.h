// ExportActions.h — File ▸ Export: the network view and the error chart as PNG or SVG at a
// chosen size (ExportDialog), the error curves as CSV, the weights as NumPy .npy or CSV files
// (Exporter does the writing).
#pragma once

#include <QObject>
#include <QString>

#include "document/StudioParts.h"

class QAction;
class QMenu;

namespace bps {

class ExportActions : public QObject {
    Q_OBJECT
  public:
    using Parts = StudioParts;

    explicit ExportActions(const Parts& parts, QObject* parent = nullptr);

    void fillMenu(QMenu* exportMenu);  // an empty Export menu
    void retranslate();                // its entries' texts in the current language

  signals:
    void message(const QString& text, int ms);  // "Exported …" for the status bar

  public slots:
    void exportImage(bool chart);
    void exportCurveCsv();
    void exportWeights(bool npy);

  private:
    QString askSaveFile(const QString& title, const QString& filter, const QString& suffix);
    void warn(const QString& message);

    Parts m_parts;                    // what is exported
    QAction* m_network = nullptr;     // network view as an image
    QAction* m_chart = nullptr;       // error chart as an image
    QAction* m_csv = nullptr;         // curves as CSV
    QAction* m_npy = nullptr;         // weights as .npy
    QAction* m_weightsCsv = nullptr;  // weights as CSV
};

}  // namespace bps
