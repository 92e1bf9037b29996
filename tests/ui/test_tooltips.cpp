// test_tooltips.cpp — "tooltips on every control": every button, slider, spin box, combo box,
// line edit and check box of the main window, the lessons window, the export dialog and the help
// window explains itself in a tooltip. A missing one fails with the control's class, object name
// and text, so it is easy to find.
#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QtTest>

#include "document/ExportDialog.h"
#include "lessons/LessonsWindow.h"
#include "shell/HelpWindow.h"
#include "shell/MainWindow.h"

namespace {

// Controls a user works with (scroll bars, and the inner parts of composite widgets, are not).
bool isControl(const QWidget* w) {
    if (qobject_cast<const QScrollBar*>(w)) return false;
    if (qobject_cast<const QTabBar*>(w->parentWidget())) return false;  // its scroll arrows
    if (qstrcmp(w->metaObject()->className(), "QTableCornerButton") == 0) return false;
    if (qobject_cast<const QDialogButtonBox*>(w->parentWidget())) return false;  // OK, Cancel
    if (w->objectName().startsWith(QLatin1String("qt_"))) return false;          // Qt's inner parts
    if (qobject_cast<const QLineEdit*>(w) &&
        (qobject_cast<const QAbstractSpinBox*>(w->parentWidget()) ||
         qobject_cast<const QComboBox*>(w->parentWidget())))
        return false;  // the editor inside a spin or combo box: the box has the tooltip
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QAbstractSlider*>(w) ||
           qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QComboBox*>(w) ||
           qobject_cast<const QLineEdit*>(w);
}

QString describe(const QWidget* w) {
    QString text;
    if (auto* b = qobject_cast<const QAbstractButton*>(w)) text = b->text();
    if (auto* c = qobject_cast<const QComboBox*>(w)) text = c->currentText();
    if (auto* e = qobject_cast<const QLineEdit*>(w)) text = e->text();
    return QStringLiteral("%1 '%2' \"%3\" in %4")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text,
             w->window() ? QString::fromLatin1(w->window()->metaObject()->className()) : QString());
}

// Controls without a tooltip (a dock's own float/close buttons are Qt's, and they have one).
QStringList missingTooltips(const QWidget& root) {
    QStringList missing;
    for (const QWidget* w : root.findChildren<QWidget*>()) {
        if (!isControl(w) || w->window() != root.window()) continue;  // other windows: own test
        if (w->toolTip().trimmed().isEmpty()) missing << describe(w);
    }
    return missing;
}

}  // namespace

class TestTooltips : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_tooltips"));
    }

    void mainWindow() {
        bps::MainWindow w;
        const QStringList missing = missingTooltips(w);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    }

    void lessonsWindow() {
        bps::LessonsWindow w;
        const QStringList missing = missingTooltips(w);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    }

    void exportDialogAndHelp() {
        bps::ExportDialog dialog(QStringLiteral("Export"), QStringLiteral("network"),
                                 QSize(800, 600));
        QStringList missing = missingTooltips(dialog);
        bps::HelpWindow help(QStringLiteral("en"));
        missing += missingTooltips(help);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    }
};

QTEST_MAIN(TestTooltips)
#include "test_tooltips.moc"
