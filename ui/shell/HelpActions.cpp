// HelpActions.cpp — Help ▸ Contents and About.
#include "shell/HelpActions.h"

#include <QAction>
#include <QKeySequence>
#include <QLocale>
#include <QMenu>
#include <QWidget>

#include "shell/HelpWindow.h"
#include "shell/Language.h"

namespace bps {

HelpActions::HelpActions(QWidget* window, QObject* parent) : QObject(parent), m_window(window) {
    // An open guide follows the studio's language.
    connect(Language::instance(), &Language::languageChanged, this, [this](const QString& code) {
        if (m_help) m_help->setLanguage(code);
    });
}

HelpWindow* HelpActions::helpWindow() const {
    return m_help;
}

void HelpActions::addActions(QMenu* help) {
    m_contents = help->addAction(QString());
    m_contents->setShortcut(QKeySequence::HelpContents);
    connect(m_contents, &QAction::triggered, this, &HelpActions::showHelp);
    m_about = help->addAction(QString());
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] { HelpWindow::showAbout(m_window); });
    retranslate();
}

void HelpActions::retranslate() {
    if (!m_contents) return;
    m_contents->setText(tr("&Contents"));
    m_contents->setStatusTip(tr("The user guide: getting started, the lessons, your own data"));
    m_about->setText(tr("&About Backprop Studio"));
}

void HelpActions::showHelp() {
    if (!m_help) {
        const QString language = Language::instance()->current().isEmpty()
                                     ? QLocale().name()
                                     : Language::instance()->current();
        m_help = new HelpWindow(language, m_window);
        m_help->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
}

}  // namespace bps
