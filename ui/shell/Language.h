// Language.h — the studio's two languages, English and Simplified Chinese (zh_CN), switchable
// while the program runs.
//
// At start the language comes from the QSettings override ("ui/language", set by the Language
// menu) or, without one, from the system locale (any Chinese locale → zh_CN, anything else →
// English). Switching installs two translators on the application: ours (backprop_<code>.qm,
// embedded as the Qt resource ":/i18n/", so no install path matters) and Qt's own
// (qtbase_<code>.qm from QLibraryInfo::path(TranslationsPath): file dialogs, message box
// buttons; Debian package qt6-translations-l10n). English loads backprop_en.qm too, for the
// plural forms of "%n sample(s)".
//
// Installing a translator sends QEvent::LanguageChange to every widget. Each of the studio's
// widgets answers it in changeEvent() with its own retranslateUi(), which sets its texts again
// (those that describe a state, from that state); windows and their state stay as they are.
// Language only installs the translators and says so.
#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;
class QTranslator;
class QWidget;

namespace bps {

class Language : public QObject {
    Q_OBJECT
  public:
    static constexpr const char* kEnglish = "en";
    static constexpr const char* kChinese = "zh_CN";
    static constexpr const char* kSettingsKey = "ui/language";  // QSettings override

    // The one instance (a child of the application; created on first use).
    static Language* instance();

    // Codes of the shipped languages, in menu order: "en", "zh_CN".
    static QStringList available();
    // The shipped language for a locale: zh_* → "zh_CN", everything else → "en".
    static QString forLocale(const QLocale& locale);
    // The language the studio starts in: the remembered override if there is one, else the
    // system locale's.
    static QString startupLanguage();

    // Installs the translators for code ("en" or "zh_CN"; anything else → "en"). Returns false
    // if our own .qm could not be loaded (the texts then stay in English). remember: store the
    // choice as the QSettings override.
    bool setLanguage(const QString& code, bool remember = false);
    // Chooses startupLanguage() and installs it (call once, after QApplication exists).
    bool initialise() { return setLanguage(startupLanguage(), false); }

    QString current() const { return m_current; }
    // True if Qt's own translation for the current language was found and installed.
    bool qtTranslationLoaded() const { return m_qtLoaded; }

    // The Language menu: "English" and "简体中文" (each named in its own language), checkable,
    // the current one checked; choosing one switches at once and remembers the choice.
    static QMenu* createMenu(QWidget* parent);

  signals:
    void languageChanged(const QString& code);

  private:
    explicit Language(QObject* parent);

    QTranslator* m_app = nullptr;  // backprop_<code>.qm (installed while loaded)
    QTranslator* m_qt = nullptr;   // qtbase_<code>.qm (installed while loaded)
    QString m_current;             // code installed now; empty before the first setLanguage
    bool m_qtLoaded = false;       // m_qt holds a translation
};

}  // namespace bps
