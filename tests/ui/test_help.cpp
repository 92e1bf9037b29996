// test_help.cpp — Help ▸ Contents and About: the embedded guide shows in the asked language
// (English by default, Chinese for zh*), every screenshot and page it links to is embedded, the
// other-language button switches, and the About text names the real Qt and Eigen versions and
// the licences.
#include <Eigen/Core>
#include <QFile>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QtTest>

#include "shell/HelpWindow.h"

using bps::HelpWindow;

namespace {

QString resourceText(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll());
}

}  // namespace

class TestHelp : public QObject {
    Q_OBJECT
  private slots:
    void guideFollowsTheLanguage() {
        QCOMPARE(HelpWindow::guideFor(QStringLiteral("zh_CN")),
                 QString::fromLatin1(HelpWindow::kChineseGuide));
        QCOMPARE(HelpWindow::guideFor(QStringLiteral("zh_TW")),
                 QString::fromLatin1(HelpWindow::kChineseGuide));
        QCOMPARE(HelpWindow::guideFor(QStringLiteral("de_DE")),
                 QString::fromLatin1(HelpWindow::kEnglishGuide));

        HelpWindow help(QStringLiteral("en_GB"));
        const QString en = help.browser()->toPlainText();
        QVERIFY2(en.contains(QStringLiteral("Backprop Studio user guide")),
                 qPrintable(en.left(200)));
        QVERIFY(!en.contains(QLatin1Char('#')) || !en.startsWith(QLatin1Char('#')));  // rendered
        help.setLanguage(QStringLiteral("zh_CN"));
        QVERIFY(help.browser()->toPlainText().contains(QStringLiteral("用户指南")));
        // The button for the other language goes back to English.
        auto buttons = help.findChildren<QToolButton*>();
        QToolButton* other = nullptr;
        for (QToolButton* b : buttons)
            if (b->text() == QStringLiteral("English")) other = b;
        QVERIFY(other);
        other->click();
        QCOMPARE(help.language(), QStringLiteral("en"));
        QVERIFY(
            help.browser()->toPlainText().contains(QStringLiteral("Backprop Studio user guide")));
    }

    // The contents links (#getting-started …) land on headings, in both guides, and the
    // screenshots are fitted to the page width.
    void contentsLinksAndImagesFit() {
        QCOMPARE(HelpWindow::headingAnchor(QStringLiteral("Sessions: preparing a lesson at home")),
                 QStringLiteral("sessions-preparing-a-lesson-at-home"));
        QCOMPARE(HelpWindow::headingAnchor(QStringLiteral("会话：在家备课")),
                 QStringLiteral("会话在家备课"));
        const QRegularExpression link(QStringLiteral(R"(\]\(#([^)]+)\))"));
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            HelpWindow help(language);
            help.resize(700, 600);
            help.show();
            QVERIFY(QTest::qWaitForWindowExposed(&help));
            QStringList anchors;
            int images = 0;
            const QTextDocument* doc = help.browser()->document();
            for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
                for (auto it = b.begin(); !it.atEnd(); ++it) {
                    const QTextCharFormat f = it.fragment().charFormat();
                    anchors += f.anchorNames();
                    if (f.isImageFormat()) {
                        ++images;
                        QVERIFY(f.toImageFormat().width() > 0);
                        QVERIFY(f.toImageFormat().width() <= help.browser()->viewport()->width());
                    }
                }
            QVERIFY(images >= 3);
            const QString text = resourceText(HelpWindow::guideFor(language));
            int links = 0;
            for (auto it = link.globalMatch(text); it.hasNext(); ++links) {
                const QString target = it.next().captured(1);
                QVERIFY2(anchors.contains(target),
                         qPrintable(language + QLatin1Char(' ') + target));
            }
            QVERIFY(links >= 10);
            // Following one scrolls there.
            help.browser()->verticalScrollBar()->setValue(0);
            help.followLink(QUrl(QStringLiteral("#") + anchors.last()));  // as a click does
            QTRY_VERIFY(help.browser()->verticalScrollBar()->value() > 0);
            // Another page of the docs opens in the same window.
            help.followLink(QUrl(QStringLiteral("GETTING_MNIST.md")));
            QVERIFY(help.browser()->toPlainText().startsWith(QStringLiteral("Getting full MNIST")));
            help.browser()->backward();
            QVERIFY(
                help.browser()->source().path().endsWith(HelpWindow::guideFor(language).mid(6)));
        }
    }

    // With BP_SCREENSHOT_DIR set: the help window in both languages, for the docs.
    void screenshots() {
        const QString dir = qEnvironmentVariable("BP_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("BP_SCREENSHOT_DIR not set");
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            HelpWindow help(language);
            help.resize(1000, 800);
            help.show();
            QVERIFY(QTest::qWaitForWindowExposed(&help));
            QVERIFY(help.grab().save(dir + QStringLiteral("/help-%1.png").arg(language)));
        }
    }

    // Every image and every relative link of both guides is in the resource.
    void everyScreenshotAndPageIsEmbedded() {
        const QRegularExpression link(QStringLiteral(R"(\]\(([^)#\s]+)(#[^)]*)?\))"));
        for (const char* guide : {HelpWindow::kEnglishGuide, HelpWindow::kChineseGuide}) {
            const QString text = resourceText(QString::fromLatin1(guide));
            QVERIFY2(text.size() > 1000, guide);
            int images = 0;
            for (auto it = link.globalMatch(text); it.hasNext();) {
                const QString target = it.next().captured(1);
                if (target.startsWith(QStringLiteral("http"))) continue;
                QVERIFY2(QFile::exists(QStringLiteral(":/help/") + target),
                         qPrintable(QString::fromLatin1(guide) + QStringLiteral(" → ") + target));
                if (target.endsWith(QStringLiteral(".png"))) ++images;
            }
            QVERIFY2(images >= 3, guide);
        }
    }

    void aboutNamesVersionsAndLicences() {
        const QString about = HelpWindow::aboutText();
        QVERIFY(about.contains(QString::fromLatin1(qVersion())));
        QVERIFY(about.contains(QStringLiteral("%1.%2.%3")
                                   .arg(EIGEN_WORLD_VERSION)
                                   .arg(EIGEN_MAJOR_VERSION)
                                   .arg(EIGEN_MINOR_VERSION)));
        QVERIFY(about.contains(QStringLiteral("LGPLv3")));
        QVERIFY(about.contains(QStringLiteral("GPLv3+")));  // the program's own licence
        QVERIFY(about.contains(QStringLiteral("MPL2")));
        QVERIFY(about.contains(QStringLiteral(BP_VERSION)));
    }
};

QTEST_MAIN(TestHelp)
#include "test_help.moc"
