// ClassTableModel.h — the teacher's class table: one row per student (name, learning rate α,
// hidden neurons, test accuracy, samples seen, goal met, connection). Sorts by value
// (Qt::UserRole holds the number), names shown as plain text. The texts are short so that the
// table fits the Class dock at 1280×720 (headers' tooltips say them in full; a student away is
// greyed and marked "away").
#pragma once

#include <QAbstractTableModel>
#include <QVector>

#include "ClassHost.h"

namespace bps {

class ClassTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Name, LearningRate, Hidden, Accuracy, Samples, Goal, Status, kColumns };
    static constexpr int kSortRole = Qt::UserRole;    // the value to sort by
    static constexpr int kIdRole = Qt::UserRole + 1;  // the student's id

    explicit ClassTableModel(QObject* parent = nullptr);

    // Replaces the rows, keeping the rows of students still there where they are (a sorted
    // view keeps its selection) when the set of students did not change.
    void setStudents(const QVector<bp::classroom::StudentSummary>& students, bool goalActive);
    const QVector<bp::classroom::StudentSummary>& students() const { return m_students; }
    // The table as CSV (the columns shown, in English headers: it is data, not a screen).
    QString csv() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    void retranslate();  // headers change language (LanguageChange)

  private:
    QVector<bp::classroom::StudentSummary> m_students;  // the rows
    bool m_goalActive = false;                          // a challenge is on: the Goal column speaks
};

}  // namespace bps
