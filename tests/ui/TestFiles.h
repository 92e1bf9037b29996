// TestFiles.h — a file with given bytes for the UI tests (data sets, bad files, sessions).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace testfiles {

// Writes content to path; returns path, or an empty string if the file could not be written
// (so the test's next step fails visibly on the missing file).
inline QString writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) return {};
    return path;
}

}  // namespace testfiles
