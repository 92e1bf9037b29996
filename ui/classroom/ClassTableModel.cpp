// ClassTableModel.cpp — see ClassTableModel.h.
#include "classroom/ClassTableModel.h"

#include <QColor>
#include <QLocale>
#include <QTextStream>
#include <cmath>

namespace bps {

using bp::classroom::StudentSummary;

ClassTableModel::ClassTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClassTableModel::setStudents(const QVector<StudentSummary>& students, bool goalActive) {
    bool sameRows = students.size() == m_students.size();
    for (qsizetype i = 0; sameRows && i < students.size(); ++i)
        sameRows = students[i].id == m_students[i].id;
    m_goalActive = goalActive;
    if (sameRows) {
        m_students = students;
        if (!m_students.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, kColumns - 1));
        return;
    }
    beginResetModel();
    m_students = students;
    endResetModel();
}

int ClassTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_students.size());
}

int ClassTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumns;
}

QVariant ClassTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const StudentSummary& s = m_students[index.row()];
    const bool measured = !std::isnan(s.testAccuracy);
    if (role == kIdRole) return s.id;
    if (role == kSortRole) {
        switch (index.column()) {
            case Name:
                return s.name.toLower();
            case LearningRate:
                return s.learningRate;
            case Hidden:
                return s.run.hiddenNeurons();
            case Accuracy:
                return measured ? s.testAccuracy : -1.0;
            case Samples:
                return s.samplesSeen;
            case Goal:
                return s.metGoal ? 1 : 0;
            case Status:
                return s.connected ? 1 : 0;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Name)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    // A student who is away is greyed, so the short Connection column need only say "away".
    if (role == Qt::ForegroundRole && !s.connected) return QColor(Qt::gray);
    if (role == Qt::ToolTipRole && index.column() == Name)
        return s.connected ? s.name : tr("%1 (away)").arg(s.name);  // a long name is elided
    if (role == Qt::ToolTipRole && index.column() == Hidden && s.hasRun) {
        QStringList layers;
        for (int n : s.run.layers) layers << QString::number(n);
        return tr("network %1").arg(layers.join(QStringLiteral("–")));
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
        case Name:
            return s.name;  // plain text: the view draws it, never as rich text
        case LearningRate:
            return s.hasRun ? QString::number(s.learningRate, 'g', 3) : QString();
        case Hidden:
            return s.hasRun ? QString::number(s.run.hiddenNeurons()) : QString();
        case Accuracy:
            return measured ? QStringLiteral("%1 %").arg(100.0 * s.testAccuracy, 0, 'f', 1)
                            : QString();
        case Samples:
            return s.hasRun ? QLocale().toString(static_cast<qint64>(s.samplesSeen)) : QString();
        case Goal:
            return !m_goalActive ? QString()
                   : s.metGoal   ? QStringLiteral("✓")
                                 : QStringLiteral("–");
        case Status:
            return s.connected ? QString() : tr("away");
    }
    return {};
}

QVariant ClassTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {  // the full meaning of the short headers
        switch (section) {
            case LearningRate:
                return tr("Learning rate α");
            case Hidden:
                return tr("Hidden neurons");
            case Accuracy:
                return tr("Test accuracy after the last epoch");
            case Samples:
                return tr("Training samples seen");
            case Goal:
                return tr("Challenge met (✓) or not yet (–)");
            case Status:
                return tr("Students whose studio is not connected now");
        }
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
        case Name:
            return tr("Name");
        case LearningRate:
            return tr("α");
        case Hidden:
            return tr("Hidden");
        case Accuracy:
            return tr("Accuracy");
        case Samples:
            return tr("Samples");
        case Goal:
            return tr("Goal");
        case Status:
            return tr("Connection");
    }
    return {};
}

void ClassTableModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, kColumns - 1);
    if (!m_students.isEmpty()) emit dataChanged(index(0, 0), index(rowCount() - 1, kColumns - 1));
}

QString ClassTableModel::csv() const {
    QString text;
    QTextStream out(&text);
    out << "name,learning_rate,hidden,test_accuracy,samples_seen,epochs,goal_met,connected\n";
    for (const StudentSummary& s : m_students)
        out << s.name << ',' << QString::number(s.learningRate, 'g', 17) << ','
            << s.run.hiddenNeurons() << ','
            << (std::isnan(s.testAccuracy) ? QString() : QString::number(s.testAccuracy, 'g', 17))
            << ',' << static_cast<qint64>(s.samplesSeen) << ',' << s.epochs << ','
            << (s.metGoal ? 1 : 0) << ',' << (s.connected ? 1 : 0) << '\n';
    return text;
}

}  // namespace bps
