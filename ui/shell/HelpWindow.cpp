// HelpWindow.cpp — the embedded user guide and the About box.
#include "shell/HelpWindow.h"
#include "shell/ScreenFit.h"

#include <Eigen/Core>
#include <QApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QImage>
#include <QMessageBox>
#include <QPixmap>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace bps {

HelpWindow::HelpWindow(const QString& language, QWidget* parent) : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("HelpWindow"));
    m_browser = new QTextBrowser(this);
    m_browser->setOpenLinks(false);  // followLink decides: in-page, another page, the web
    connect(m_browser, &QTextBrowser::anchorClicked, this, &HelpWindow::followLink);
    m_browser->setSearchPaths({QStringLiteral(":/help")});
    m_back = new QToolButton(this);
    m_forward = new QToolButton(this);
    m_home = new QToolButton(this);
    m_other = new QToolButton(this);
    m_back->setEnabled(false);
    m_forward->setEnabled(false);
    connect(m_back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_forward, &QToolButton::clicked, m_browser, &QTextBrowser::forward);
    connect(m_home, &QToolButton::clicked, this, [this] { setLanguage(m_language); });
    connect(m_other, &QToolButton::clicked, this, [this] {
        setLanguage(m_language.startsWith(QStringLiteral("zh")) ? QStringLiteral("en")
                                                                : QStringLiteral("zh_CN"));
    });
    connect(m_browser, &QTextBrowser::sourceChanged, this, &HelpWindow::prepareDocument);
    m_browser->viewport()->installEventFilter(this);  // resize → images fitted again
    connect(m_browser, &QTextBrowser::backwardAvailable, m_back, &QWidget::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, m_forward, &QWidget::setEnabled);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_back);
    bar->addWidget(m_forward);
    bar->addWidget(m_home);
    bar->addStretch(1);
    bar->addWidget(m_other);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_browser, 1);
    restoreFittedGeometry(this, QStringLiteral("help/geometry"), QSize(900, 760));
    retranslate();
    setLanguage(language);
}

void HelpWindow::followLink(const QUrl& link) {
    const QUrl url = m_browser->source().resolved(link);
    if (url.scheme() != QStringLiteral("qrc")) {  // http(s), mailto: the desktop's programs
        QDesktopServices::openUrl(url);
        return;
    }
    const QUrl page = url.adjusted(QUrl::RemoveFragment);
    if (page != m_browser->source().adjusted(QUrl::RemoveFragment)) {
        m_browser->setSource(page, page.path().endsWith(QStringLiteral(".md"))
                                       ? QTextDocument::MarkdownResource
                                       : QTextDocument::UnknownResource);
    }
    if (url.hasFragment()) m_browser->scrollToAnchor(url.fragment());
}

QString HelpWindow::guideFor(const QString& language) {
    return QString::fromLatin1(language.startsWith(QStringLiteral("zh")) ? kChineseGuide
                                                                         : kEnglishGuide);
}

void HelpWindow::setLanguage(const QString& language) {
    m_language =
        language.startsWith(QStringLiteral("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
    m_browser->setSource(QUrl(QStringLiteral("qrc") + guideFor(m_language)),
                         QTextDocument::MarkdownResource);
    m_browser->clearHistory();
    // The button names the other guide in that guide's own language.
    m_other->setText(m_language == QStringLiteral("zh_CN") ? QStringLiteral("English")
                                                           : QStringLiteral("简体中文"));
}

QString HelpWindow::headingAnchor(const QString& heading) {
    QString anchor;
    for (const QChar c : heading.trimmed().toLower()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')) {
            anchor += c;
        } else if (c == QLatin1Char(' ')) {
            anchor += QLatin1Char('-');
        }
    }
    return anchor;
}

void HelpWindow::prepareDocument() {
    // Following a link inside the page (#anchor) keeps the document: nothing to do again.
    const QUrl page = m_browser->source().adjusted(QUrl::RemoveFragment);
    if (page == m_prepared && m_browser->document()->revision() == m_preparedRevision) return;
    QTextDocument* doc = m_browser->document();
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() == 0 || b.text().isEmpty()) continue;
        QTextCursor c(b);
        c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QTextCharFormat f;
        f.setAnchor(true);
        f.setAnchorNames({headingAnchor(b.text())});
        c.mergeCharFormat(f);
    }
    fitImages();
    m_prepared = page;
    m_preparedRevision = doc->revision();
}

void HelpWindow::fitImages() {
    QTextDocument* doc = m_browser->document();
    const double maxWidth = std::max(200, m_browser->viewport()->width() - 40);
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            if (!image.isValid()) continue;
            const QVariant resourceData =
                doc->resource(QTextDocument::ImageResource, QUrl(image.name()));
            QSize picture;  // natural size; the browser may have cached a pixmap or an image
            if (resourceData.userType() == QMetaType::QPixmap) {
                picture = resourceData.value<QPixmap>().size();
            } else if (resourceData.userType() == QMetaType::QImage) {
                picture = resourceData.value<QImage>().size();
            } else {
                picture = QImage::fromData(resourceData.toByteArray()).size();
            }
            const double natural = picture.width();
            if (natural <= 0) continue;
            image.setWidth(std::min(natural, maxWidth));
            image.setHeight(image.width() * picture.height() / natural);
            QTextCursor c(doc);
            c.setPosition(fragment.position());
            c.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            c.setCharFormat(image);
        }
    }
}

bool HelpWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_browser->viewport() && event->type() == QEvent::Resize) fitImages();
    return QWidget::eventFilter(watched, event);
}

void HelpWindow::retranslate() {
    setWindowTitle(tr("Backprop Studio Help"));
    m_back->setText(tr("◀ Back"));
    m_back->setToolTip(tr("The page shown before"));
    m_forward->setText(tr("Forward ▶"));
    m_forward->setToolTip(tr("The page shown after"));
    m_home->setText(tr("Contents"));
    m_home->setToolTip(tr("The start of the user guide"));
    m_other->setToolTip(tr("Show the guide in the other language"));
}

void HelpWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

QString HelpWindow::aboutText() {
    return tr("<h3>Backprop Studio %1</h3>"
              "<p>See a neural network learn, the way Tariq Rashid's <i>Make Your Own Neural "
              "Network</i> teaches it.</p>"
              "<p>Free software under the GNU General Public License, version 3 or later "
              "(GPLv3+): you may share and change it. It comes with no warranty.</p>"
              "<p>Built with:</p><ul>"
              "<li>Qt %2 (built with %3) — GNU Lesser General Public License v3 (LGPLv3); "
              "Qt Charts — GNU General Public License v3 (GPLv3), "
              "<a href=\"https://www.qt.io/licensing/\">qt.io/licensing</a></li>"
              "<li>Eigen %4.%5.%6 — Mozilla Public License 2.0 (MPL2), "
              "<a href=\"https://eigen.tuxfamily.org\">eigen.tuxfamily.org</a></li>"
              "</ul><p>The MNIST data (Yann LeCun, Corinna Cortes, Christopher Burges) in the "
              "CSV form of the book.</p>")
        .arg(QApplication::applicationVersion().isEmpty() ? QStringLiteral(BP_VERSION)
                                                          : QApplication::applicationVersion(),
             QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))
        .arg(EIGEN_WORLD_VERSION)
        .arg(EIGEN_MAJOR_VERSION)
        .arg(EIGEN_MINOR_VERSION);
}

void HelpWindow::showAbout(QWidget* parent) {
    QMessageBox::about(parent, tr("About Backprop Studio"), aboutText());
}

}  // namespace bps
