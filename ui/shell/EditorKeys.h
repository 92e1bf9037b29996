// EditorKeys.h — keys that belong to the widget being edited.
//
// The studio's stepping shortcuts are bare keys (Space plays, → steps a phase, Shift+→ a
// sample, Ctrl+→ an epoch). Qt gives a window shortcut priority over the focused widget unless
// that widget claims the key in its QEvent::ShortcutOverride, and a slider or a combo box never
// does: → on the learning-rate slider stepped the network instead of moving the slider. This
// filter, installed on the application, claims the movement keys and Space for any focused
// editor (slider, spin box, text field, combo box), so they reach it; with no editor focused the
// shortcuts act as before.
#pragma once

#include <QObject>

class QKeyEvent;
class QWidget;

namespace bps {

class EditorKeys : public QObject {
    Q_OBJECT
  public:
    explicit EditorKeys(QObject* parent = nullptr) : QObject(parent) {}

    // A widget that takes the arrow keys and Space as editing keys.
    static bool isEditor(const QWidget* w);
    // Space or a movement key (arrows, Home, End, Page Up/Down), with Shift or Ctrl at most.
    static bool isEditingKey(const QKeyEvent& e);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace bps
