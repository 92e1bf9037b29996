// HelpActions.h — the Help menu: Contents (F1, the user guide in a window of its own, in the
// studio's language) and About Backprop Studio.
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace bps {

class HelpWindow;

class HelpActions : public QObject {
    Q_OBJECT
  public:
    explicit HelpActions(QWidget* window, QObject* parent = nullptr);

    void addActions(QMenu* help);    // Contents, About Backprop Studio
    void retranslate();              // their texts in the current language
    HelpWindow* helpWindow() const;  // null until first shown

  public slots:
    void showHelp();

  private:
    QWidget* m_window = nullptr;    // parent of the help window and the About box
    QPointer<HelpWindow> m_help;    // the user guide window (made on demand)
    QAction* m_contents = nullptr;  // F1
    QAction* m_about = nullptr;     // About Backprop Studio
};

}  // namespace bps
