// ClassReport.h — the class's results as CSV, one row per epoch result received:
//   name,learning_rate,hidden,epoch,test_accuracy,samples_seen
// Rows are written as results arrive (so a report is never held in memory and survives the host
// being stopped at any moment); backprop-cli class-host --report and the studio's
// --class-report write the same file.
#pragma once

#include <QFile>
#include <QString>

#include "ClassHost.h"

namespace bp::classroom {

class ClassReport {
  public:
    static QByteArray header();                   // the first line, with its newline
    static QByteArray line(const EpochRow& row);  // one row, with its newline

    // Opens (truncates) the file and writes the header; returns an empty string or the error.
    QString open(const QString& path);
    void write(const EpochRow& row);
    void flush();
    // Closes the file; returns an empty string or the error (a write that failed).
    QString close();
    bool isOpen() const { return m_file.isOpen(); }
    qint64 rows() const { return m_rows; }

  private:
    QFile m_file;       // the report
    qint64 m_rows = 0;  // rows written
    bool m_failed = false;
};

}  // namespace bp::classroom
