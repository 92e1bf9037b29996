// ClassReport.cpp — see ClassReport.h.
#include "ClassReport.h"

#include <QLocale>
#include <cmath>

namespace bp::classroom {
namespace {
// Shortest text that reads back as the same double; empty for NaN (no test set).
QByteArray number(double v) {
    return std::isnan(v) ? QByteArray()
                         : QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}
}  // namespace

QByteArray ClassReport::header() {
    return QByteArrayLiteral("name,learning_rate,hidden,epoch,test_accuracy,samples_seen\n");
}

QByteArray ClassReport::line(const EpochRow& r) {
    // Names hold no comma, quote or newline (normalizedName), so no field needs quoting.
    return r.name.toUtf8() + ',' + number(r.learningRate) + ',' + QByteArray::number(r.hidden) +
           ',' + QByteArray::number(r.epoch.epoch) + ',' + number(r.epoch.testAccuracy) + ',' +
           QByteArray::number(static_cast<qulonglong>(r.epoch.samplesSeen)) + '\n';
}

QString ClassReport::open(const QString& path) {
    m_file.setFileName(path);
    m_rows = 0;
    m_failed = false;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return path + QStringLiteral(": ") + m_file.errorString();
    m_failed = m_file.write(header()) < 0;
    return {};
}

void ClassReport::write(const EpochRow& row) {
    if (!m_file.isOpen()) return;
    const QByteArray l = line(row);
    m_failed |= m_file.write(l) != l.size();
    ++m_rows;
}

void ClassReport::flush() {
    if (m_file.isOpen()) m_failed |= !m_file.flush();
}

QString ClassReport::close() {
    if (!m_file.isOpen()) return {};
    flush();
    const QString why =
        m_failed ? m_file.fileName() + QStringLiteral(": ") + m_file.errorString() : QString();
    m_file.close();
    return why;
}

}  // namespace bp::classroom
