// test_dataset_loader.cpp — good and bad files through the code path File ▸ Open uses, the
// previous set kept on error, the error dialog, Cancel, and the QFileDialog driven once through
// its line edit.
#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "TestFiles.h"
#include "training/DatasetLoader.h"

using bps::DatasetLoader;
using Role = bps::DatasetLoader::Role;

namespace {
QString dataFile(const char* name) {
    return QStringLiteral(BP_SOURCE_DIR "/resources/data/") + QLatin1String(name);
}
}  // namespace

class TestDatasetLoader : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& content) {
        return testfiles::writeFile(m_dir.filePath(name), content);
    }

  private slots:
    void goodFileThenBadFileKeepsPrevious() {
        DatasetLoader loader;  // no dialog parent: no dialogs
        QSignalSpy loaded(&loader, &DatasetLoader::loaded);
        QSignalSpy failed(&loader, &DatasetLoader::failed);
        loader.load(dataFile("mnist_train_100.csv"), Role::Training);
        QTRY_COMPARE(loaded.count(), 1);
        const bps::DatasetPtr good = loader.current(Role::Training);
        QVERIFY(good);
        QCOMPARE(good->rows(), std::size_t{100});
        QCOMPARE(good->inputs, 784);
        QVERIFY(good->isImage());

        // Line 3 has a pixel out of range: the loader's message names file and line.
        const QString bad =
            writeFile(QStringLiteral("bad.csv"), "5,0,0,0,0\n3,0,0,0,0\n7,0,300,0,0\n");
        loader.load(bad, Role::Training);
        QTRY_COMPARE(failed.count(), 1);
        const QString message = failed.at(0).at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("bad.csv:3")), qPrintable(message));
        QCOMPARE(loader.current(Role::Training), good);  // the previous set stays loaded
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(loader.recentFiles().size(), 1);  // only the good file is recent
    }

    void embeddedResourcesLoad() {
        DatasetLoader loader;
        QSignalSpy loaded(&loader, &DatasetLoader::loaded);
        loader.load(QStringLiteral(":/data/mnist_train_5000.csv.gz"), Role::Training);
        loader.load(QStringLiteral(":/data/mnist_test_1000.csv.gz"), Role::Test);  // queued
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 20000);
        QCOMPARE(loader.current(Role::Training)->rows(), std::size_t{5000});
        QCOMPARE(loader.current(Role::Test)->rows(), std::size_t{1000});
        QVERIFY(!loader.isLoading());
    }

    void badFileShowsDialogWithLoaderMessage() {
        QWidget window;
        window.show();
        DatasetLoader loader(&window);
        QSignalSpy failed(&loader, &DatasetLoader::failed);
        const QString bad = writeFile(QStringLiteral("garbage.csv"), "7,1,2\nx,1,2\n");
        QString shown;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->accept();
            }
        });
        poll.start(20);
        loader.load(bad, Role::Test);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY2(shown.contains(QStringLiteral("garbage.csv:2")), qPrintable(shown));
        QCOMPARE(shown, failed.at(0).at(1).toString());
        QVERIFY(!loader.current(Role::Test));
    }

    void cancelKeepsPrevious() {
        DatasetLoader loader;
        QSignalSpy loaded(&loader, &DatasetLoader::loaded);
        QSignalSpy cancelled(&loader, &DatasetLoader::cancelledLoad);
        loader.load(dataFile("mnist_test_10.csv"), Role::Test);
        QTRY_COMPARE(loaded.count(), 1);
        const bps::DatasetPtr before = loader.current(Role::Test);
        // A large file (the 5000-sample set written out as plain CSV) so Cancel lands mid-load.
        QFile gz(QStringLiteral(":/data/mnist_train_5000.csv.gz"));
        QVERIFY(gz.open(QIODevice::ReadOnly));
        const DatasetLoader::Result big = DatasetLoader::loadNow(gz.fileName());
        QVERIFY(big.data);
        QByteArray text;
        for (std::size_t i = 0; i < big.data->rows(); ++i) {
            text += QByteArray::number(big.data->label(i));
            for (int j = 0; j < big.data->inputs; ++j)
                text += ',' + QByteArray::number(big.data->row(i)[j]);
            text += '\n';
        }
        const QString path = writeFile(QStringLiteral("big.csv"), text);
        loader.load(path, Role::Test);
        loader.cancel();
        QTRY_VERIFY(!loader.isLoading());
        QVERIFY(cancelled.count() == 1 || loaded.count() == 2);  // may finish before Cancel
        if (cancelled.count() == 1) QCOMPARE(loader.current(Role::Test), before);
    }

    // The real dialog once: non-native, the path typed into its line edit, Enter.
    void fileDialogThroughLineEdit() {
        QWidget window;
        window.show();
        DatasetLoader loader(&window);
        QSignalSpy loaded(&loader, &DatasetLoader::loaded);
        QFileDialog* dialog = loader.openWithDialog(Role::Training);
        QVERIFY(dialog);
        QVERIFY(dialog->testOption(QFileDialog::DontUseNativeDialog));
        QVERIFY(dialog->nameFilters().join(QLatin1Char(' ')).contains(QStringLiteral("*.csv.gz")));
        QTRY_VERIFY(dialog->isVisible());
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        QVERIFY(edit);
        // The dialog fills its line edit once its directory has been read (asynchronously):
        // type after that, or the typing is overwritten.
        QTest::qWait(500);
        QTest::keyClicks(edit, dataFile("mnist_train_100.csv"));
        QCOMPARE(edit->text(), dataFile("mnist_train_100.csv"));
        if (edit->completer() && edit->completer()->popup()->isVisible())
            edit->completer()->popup()->hide();  // the completer would take the Return key
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(loaded.at(0).at(2).toString(), dataFile("mnist_train_100.csv"));
        QCOMPARE(loader.current(Role::Training)->rows(), std::size_t{100});
    }
};

QTEST_MAIN(TestDatasetLoader)
#include "test_dataset_loader.moc"
