#include "MathsPanel.h"

#include <QTextBrowser>
#include <QVBoxLayout>

namespace bps {

MathsPanel::MathsPanel(QWidget* parent) : QWidget(parent), m_browser(new QTextBrowser(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
}
void MathsPanel::setSnapshot(SnapshotPtr s) {
    m_snapshot = std::move(s);
    rebuild();
}
void MathsPanel::setSelectedNeuron(int layer, int index) {
    m_selLayer = layer;
    m_selIndex = index;
    rebuild();
}
QString MathsPanel::plainText() const {
    return m_browser->toPlainText();
}
QString MathsPanel::html() const {
    return m_browser->toHtml();
}
QStringList MathsPanel::shownCells(const QString& name) const {
    auto it = m_cells.find(name);
    return it == m_cells.end() ? QStringList{} : it->second;
}
QStringList MathsPanel::shownNames() const {
    QStringList names;
    for (const auto& [k, v] : m_cells) names << k;
    return names;
}
void MathsPanel::rebuild() {}

}  // namespace bps
