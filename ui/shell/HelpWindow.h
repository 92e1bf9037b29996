// HelpWindow.h — Help ▸ Contents: the user guide (docs/USER_GUIDE.md and its Chinese
// translation docs/USER_GUIDE.zh_CN.md, embedded with their screenshots as the Qt resource
// ":/help/") shown as Markdown in a QTextBrowser, in the studio's language; and the About box
// (program, Qt and Eigen versions and licences).
#pragma once

#include <QString>
#include <QUrl>
#include <QWidget>

class QTextBrowser;
class QToolButton;
class QLabel;

namespace bps {

class HelpWindow : public QWidget {
    Q_OBJECT
  public:
    static constexpr const char* kEnglishGuide = ":/help/USER_GUIDE.md";
    static constexpr const char* kChineseGuide = ":/help/USER_GUIDE.zh_CN.md";

    // language: "zh_CN" (or any "zh…") for the Chinese guide, anything else for English.
    explicit HelpWindow(const QString& language, QWidget* parent = nullptr);

    // The guide's resource for a language code or locale name.
    static QString guideFor(const QString& language);
    void setLanguage(const QString& language);  // shows that language's guide (from the top)
    // A link clicked in the guide: "#anchor" scrolls there, another guide page opens, web
    // addresses go to the desktop's browser.
    void followLink(const QUrl& link);
    QString language() const { return m_language; }
    QTextBrowser* browser() const { return m_browser; }

    // The About box's text (rich text): version, Qt and Eigen versions, their licences.
    static QString aboutText();
    static void showAbout(QWidget* parent);

    // The anchor GitHub gives a heading ("Getting started" → "getting-started"), which the
    // guides' contents links use.
    static QString headingAnchor(const QString& heading);

  protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void retranslate();
    void prepareDocument();  // heading anchors, images fitted to the width
    void fitImages();        // every image at most as wide as the page

    QTextBrowser* m_browser = nullptr;  // the guide, Markdown
    QToolButton* m_back = nullptr;      // history back
    QToolButton* m_forward = nullptr;   // history forward
    QToolButton* m_home = nullptr;      // start of the guide
    QToolButton* m_other = nullptr;     // the guide in the other language
    QString m_language;                 // language of the guide shown
    QUrl m_prepared;                    // page whose anchors and images are prepared
    int m_preparedRevision = -1;        // its document revision then
};

}  // namespace bps
