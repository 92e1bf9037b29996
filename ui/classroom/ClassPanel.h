// ClassPanel.h — the teacher's class panel (a dock): the join address and code in large type
// with a QR code of the address, the class table (sortable), the class sweep's plot of accuracy
// against α, and the teacher's commands (sweep, challenge, remove, export, stop).
#pragma once

#include <QWidget>

#include "ClassHost.h"
#include "classroom/SweepPlot.h"

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace bps {

class ClassMode;
class ClassTableModel;

class ClassPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ClassPanel(ClassMode* mode, QWidget* parent = nullptr);

    // Takes the class mode's newest copy of the class.
    void refresh();
    ClassTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    SweepPlot* sweepPlot() const { return m_sweep; }
    QString joinAddress() const;  // "192.168.1.20:5710"
    // The width at which the table shows every column without scrolling sideways.
    int preferredWidth() const;
    // The sweep plot's points from the class: (α of the run, best test accuracy of the run).
    static QVector<SweepPlot::Point> sweepPoints(const QVector<bp::classroom::StudentSummary>& s);

  signals:
    void sweepRequested();
    void challengeRequested();
    void stopRequested();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslateUi();
    void removeSelected();
    void exportTable();
    void exportSweep();

    ClassMode* m_mode;             // the studio's class mode
    QLabel* m_address = nullptr;   // join address, large
    QLabel* m_code = nullptr;      // join code, larger
    QLabel* m_qr = nullptr;        // QR code of the address
    QLabel* m_summary = nullptr;   // students, refused messages, challenge
    QTabWidget* m_tabs = nullptr;  // table | accuracy against α
    QTableView* m_table = nullptr;
    ClassTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    SweepPlot* m_sweep = nullptr;
    QPushButton* m_sweepButton = nullptr;
    QPushButton* m_challengeButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QString m_qrFor;  // the text the QR image shows
};

}  // namespace bps
