// Language.cpp — translators for English and Simplified Chinese, the startup choice, the menu.
#include "shell/Language.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QMenu>
#include <QSettings>
#include <QTranslator>

namespace bps {

namespace {

// Where lrelease's output is embedded (ui/CMakeLists.txt, qt_add_resources PREFIX "/i18n").
constexpr const char* kResourceDir = ":/i18n";

// The Language menu: retitles itself on LanguageChange, and checks the language installed now
// (chosen here or anywhere else).
class LanguageMenu : public QMenu {
  public:
    explicit LanguageMenu(QWidget* parent) : QMenu(parent) {
        setObjectName(QStringLiteral("languageMenu"));
        retranslateUi();
    }

  protected:
    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::LanguageChange) retranslateUi();
        QMenu::changeEvent(event);
    }

  private:
    void retranslateUi() { setTitle(Language::tr("Lan&guage")); }
};

}  // namespace

Language::Language(QObject* parent)
    : QObject(parent), m_app(new QTranslator(this)), m_qt(new QTranslator(this)) {}

Language* Language::instance() {
    static Language* one = nullptr;
    if (!one) {
        one = new Language(QCoreApplication::instance());
        // The application deletes its children when it goes; forget the pointer then, so a
        // later application (tests create several) gets a new instance.
        QObject::connect(one, &QObject::destroyed, [] { one = nullptr; });
    }
    return one;
}

QStringList Language::available() {
    return {QString::fromLatin1(kEnglish), QString::fromLatin1(kChinese)};
}

QString Language::forLocale(const QLocale& locale) {
    return locale.language() == QLocale::Chinese ? QString::fromLatin1(kChinese)
                                                 : QString::fromLatin1(kEnglish);
}

QString Language::startupLanguage() {
    const QString saved = QSettings().value(QString::fromLatin1(kSettingsKey)).toString();
    if (available().contains(saved)) return saved;
    return forLocale(QLocale::system());
}

bool Language::setLanguage(const QString& requested, bool remember) {
    const QString code =
        available().contains(requested) ? requested : QString::fromLatin1(kEnglish);
    if (remember) QSettings().setValue(QString::fromLatin1(kSettingsKey), code);
    if (code == m_current) return !m_app->isEmpty();

    // Each install / remove sends QEvent::LanguageChange to every widget; windows coalesce them.
    QCoreApplication::removeTranslator(m_app);
    QCoreApplication::removeTranslator(m_qt);
    const bool ok =
        m_app->load(QStringLiteral("backprop_") + code, QString::fromLatin1(kResourceDir));
    if (ok) QCoreApplication::installTranslator(m_app);
    m_qtLoaded = code != QLatin1String(kEnglish) &&
                 m_qt->load(QStringLiteral("qtbase_") + code,
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_qtLoaded) QCoreApplication::installTranslator(m_qt);
    m_current = code;
    emit languageChanged(code);
    return ok;
}

QMenu* Language::createMenu(QWidget* parent) {
    auto* menu = new LanguageMenu(parent);
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    // Each language is named in itself (an endonym), deliberately not translated: whoever cannot
    // read the current language still finds their own.
    const QString names[] = {QStringLiteral("English"), QStringLiteral("简体中文")};
    const QStringList codes = available();
    for (int i = 0; i < codes.size(); ++i) {
        QAction* action = menu->addAction(names[i]);
        action->setCheckable(true);
        action->setData(codes[i]);
        action->setChecked(codes[i] == instance()->current());
        group->addAction(action);
        const QString code = codes[i];
        QObject::connect(action, &QAction::triggered, instance(),
                         [code] { instance()->setLanguage(code, true); });
    }
    QObject::connect(instance(), &Language::languageChanged, menu, [group](const QString& code) {
        for (QAction* a : group->actions()) a->setChecked(a->data().toString() == code);
    });
    return menu;
}

}  // namespace bps
