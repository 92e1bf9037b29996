// EditorKeys.cpp — the focused editor gets its keys before the window's shortcuts.
#include "shell/EditorKeys.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace bps {

bool EditorKeys::isEditor(const QWidget* w) {
    if (w == nullptr || !w->isEnabled()) return false;
    if (const auto* t = qobject_cast<const QTextEdit*>(w)) return !t->isReadOnly();
    if (const auto* t = qobject_cast<const QPlainTextEdit*>(w)) return !t->isReadOnly();
    return qobject_cast<const QAbstractSlider*>(w) || qobject_cast<const QAbstractSpinBox*>(w) ||
           qobject_cast<const QLineEdit*>(w) || qobject_cast<const QComboBox*>(w);
}

bool EditorKeys::isEditingKey(const QKeyEvent& e) {
    const Qt::KeyboardModifiers mods =
        e.modifiers() & ~(Qt::ShiftModifier | Qt::ControlModifier | Qt::KeypadModifier);
    if (mods != Qt::NoModifier) return false;
    switch (e.key()) {
        case Qt::Key_Space:
            return (e.modifiers() & Qt::ControlModifier) == 0;  // Ctrl+Space: input methods
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
        case Qt::Key_End:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            return true;
        default:
            return false;
    }
}

bool EditorKeys::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride && watched->isWidgetType()) {
        const auto* w = static_cast<QWidget*>(watched);
        if (w->hasFocus() && isEditor(w) && isEditingKey(*static_cast<QKeyEvent*>(event))) {
            event->accept();  // the key goes to the editor as a key press, not to a shortcut
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace bps
