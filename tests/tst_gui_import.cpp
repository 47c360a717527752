// Imports by drag and drop into the real main window, running on the background importer.

#include "testimages.h"

#include "gallerymodel.h"
#include "galleryview.h"
#include "mainwindow.h"
#include "projectstore.h"

#include <QAbstractButton>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace ProfileLens;

class TestGuiImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dropImports_data();
    void dropImports();
    void dropRejectsRemoteUrls();
    void importKeepsSource();
    void cancelStopsImport();
    void emptyProjectShowsDropHint();
    void damagedProjectKeepsCurrent();

private:
    QString writeImage(const QString &relativePath, const QImage &image, const char *format);
    QString writeBytes(const QString &relativePath, const QByteArray &bytes);
    bool sendDrop(const QStringList &paths);
    ImportSummary waitForImport(QSignalSpy &spy);

    QTemporaryDir *m_dir = nullptr;
    MainWindow *m_window = nullptr;
};

void TestGuiImport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_import"));
    qRegisterMetaType<ImportSummary>();
}

void TestGuiImport::init()
{
    QSettings().clear();
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_window = new MainWindow;
    QVERIFY(m_window->createProject(m_dir->filePath(QStringLiteral("project"))));
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestGuiImport::cleanup()
{
    delete m_window;
    m_window = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

QString TestGuiImport::writeImage(const QString &relativePath, const QImage &image,
                                  const char *format)
{
    return writeBytes(relativePath, TestImages::encode(image, format));
}

QString TestGuiImport::writeBytes(const QString &relativePath, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(QStringLiteral("inputs/") + relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!TestImages::writeFile(path, bytes))
        qWarning() << "Cannot write" << path;
    return path;
}

bool TestGuiImport::sendDrop(const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << (path.contains(QLatin1String("://")) ? QUrl(path) : QUrl::fromLocalFile(path));
    mime->setUrls(urls);

    const QPoint position = m_window->rect().center();
    QDragEnterEvent enter(position, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window, &enter);
    const bool accepted = enter.isAccepted();
    if (accepted) {
        QDropEvent drop(QPointF(position), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window, &drop);
    }
    delete mime;
    return accepted;
}

ImportSummary TestGuiImport::waitForImport(QSignalSpy &spy)
{
    if (!spy.wait(60000) && spy.isEmpty())
        return {};
    return spy.takeFirst().at(0).value<ImportSummary>();
}

void TestGuiImport::dropImports_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<int>("imported");
    QTest::addColumn<int>("duplicates");
    QTest::addColumn<QStringList>("failedNames");

    QTest::newRow("three files") << QStringLiteral("files") << 3 << 0 << QStringList();
    QTest::newRow("folder searched recursively")
        << QStringLiteral("folder") << 4 << 1 << QStringList();
    QTest::newRow("files with duplicate and broken")
        << QStringLiteral("mixed") << 2 << 1
        << QStringList{QStringLiteral("broken.jpg"), QStringLiteral("notes.txt")};
}

void TestGuiImport::dropImports()
{
    QFETCH(QString, layout);
    QFETCH(int, imported);
    QFETCH(int, duplicates);
    QFETCH(QStringList, failedNames);

    const QImage astronaut(TestImages::astronautPath());
    QVERIFY(!astronaut.isNull());
    QStringList dropped;
    if (layout == QLatin1String("files")) {
        dropped << writeImage(QStringLiteral("a.png"), TestImages::landscape(200, 150), "png")
                << writeImage(QStringLiteral("b.jpg"), TestImages::rotated(astronaut, 10), "jpeg")
                << TestImages::astronautPath();
    } else if (layout == QLatin1String("folder")) {
        writeImage(QStringLiteral("album/one.png"), TestImages::landscape(100, 80), "png");
        writeImage(QStringLiteral("album/two.jpg"), TestImages::rotated(astronaut, -8), "jpeg");
        writeImage(QStringLiteral("album/nested/three.png"), TestImages::landscape(90, 70), "png");
        writeImage(QStringLiteral("album/nested/deeper/four.jpeg"),
                   TestImages::rotated(astronaut, 20), "jpeg");
        // Same bytes as one.png under another name: recognised by content.
        writeImage(QStringLiteral("album/copy-of-one.png"), TestImages::landscape(100, 80),
                   "png");
        // Not a picture by name, so the folder search leaves it out.
        writeBytes(QStringLiteral("album/readme.txt"), "not a picture");
        dropped << m_dir->filePath(QStringLiteral("inputs/album"));
    } else {
        dropped << writeImage(QStringLiteral("c.png"), TestImages::landscape(150, 100), "png")
                << writeImage(QStringLiteral("d.jpg"), TestImages::rotated(astronaut, 30), "jpeg")
                << writeImage(QStringLiteral("c-again.png"), TestImages::landscape(150, 100), "png")
                << writeBytes(QStringLiteral("broken.jpg"), QByteArray("\xFF\xD8 garbage", 10))
                << writeBytes(QStringLiteral("notes.txt"), "shopping list");
    }

    QSignalSpy finished(m_window, &MainWindow::importFinished);
    QVERIFY(sendDrop(dropped));
    QVERIFY(m_window->isImporting());
    const ImportSummary summary = waitForImport(finished);
    QVERIFY(!m_window->isImporting());

    QCOMPARE(summary.importedCount(), imported);
    QCOMPARE(summary.duplicates, duplicates);
    QCOMPARE(summary.failures.size(), failedNames.size());
    for (int i = 0; i < failedNames.size(); ++i)
        QVERIFY2(summary.failures.at(i).contains(failedNames.at(i)),
                 qPrintable(summary.failures.at(i)));
    QVERIFY(!summary.canceled);

    QCOMPARE(m_window->galleryModel()->rowCount(), imported);
    QCOMPARE(m_window->projectStore()->imageCount().value, imported);
    QVERIFY2(m_window->countsText().endsWith(QStringLiteral("%1 unlabelled").arg(imported)),
             qPrintable(m_window->countsText()));

    auto *report = m_window->findChild<QMessageBox *>(QStringLiteral("importReport"));
    if (failedNames.isEmpty()) {
        QVERIFY(!report);
    } else {
        QVERIFY(report);
        QVERIFY2(report->text().contains(QStringLiteral("%1 failed").arg(failedNames.size())),
                 qPrintable(report->text()));
        QVERIFY2(report->text().contains(QStringLiteral("%1 duplicate").arg(duplicates)),
                 qPrintable(report->text()));
        for (const QString &name : std::as_const(failedNames))
            QVERIFY2(report->detailedText().contains(name), qPrintable(report->detailedText()));
        report->close();
    }

    // Dropping the same paths again adds nothing.
    QVERIFY(sendDrop(dropped));
    const ImportSummary again = waitForImport(finished);
    QCOMPARE(again.importedCount(), 0);
    QCOMPARE(again.duplicates, imported + duplicates);
    QCOMPARE(m_window->galleryModel()->rowCount(), imported);
}

void TestGuiImport::dropRejectsRemoteUrls()
{
    QVERIFY(!sendDrop({QStringLiteral("http://127.0.0.1:9/picture.png")}));
    QVERIFY(!m_window->isImporting());
    QCOMPARE(m_window->galleryModel()->rowCount(), 0);
}

void TestGuiImport::importKeepsSource()
{
    const QString path =
        writeImage(QStringLiteral("source/portrait.png"), TestImages::landscape(64, 64), "png");
    QSignalSpy finished(m_window, &MainWindow::importFinished);
    m_window->importPaths({path});
    const ImportSummary summary = waitForImport(finished);
    QCOMPARE(summary.importedCount(), 1);

    GalleryModel *model = m_window->galleryModel();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex index = model->index(0);
    QCOMPARE(index.data(GalleryModel::SourceRole).toString(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(index.data(Qt::DisplayRole).toString(), QStringLiteral("portrait.png"));
    const StoreResult<ImageRecord> record = m_window->projectStore()->image(summary.importedIds.first());
    QVERIFY(record.isOk());
    QCOMPARE(record.value.source.kind, ImageSourceKind::File);
    QCOMPARE(record.value.source.location, QFileInfo(path).absoluteFilePath());
}

void TestGuiImport::cancelStopsImport()
{
    // Enough files that the worker cannot finish before cancel() is called.
    constexpr int kFileCount = 150;
    for (int i = 0; i < kFileCount; ++i)
        writeImage(QStringLiteral("many/%1.png").arg(i, 3, 10, QLatin1Char('0')),
                   TestImages::landscape(40 + i, 30), "png");

    QSignalSpy finished(m_window, &MainWindow::importFinished);
    m_window->importPaths({m_dir->filePath(QStringLiteral("inputs/many"))});
    QVERIFY(m_window->isImporting());
    const auto buttons = m_window->findChildren<QAbstractButton *>();
    QAbstractButton *cancel = nullptr;
    for (QAbstractButton *button : buttons) {
        if (button->accessibleName() == QLatin1String("Cancel import"))
            cancel = button;
    }
    QVERIFY(cancel);
    QVERIFY(cancel->isVisible());
    cancel->click();

    const ImportSummary summary = waitForImport(finished);
    QVERIFY(summary.canceled);
    QCOMPARE(summary.fileCount, kFileCount);
    QVERIFY2(summary.importedCount() < kFileCount, qPrintable(summary.text()));
    QVERIFY(!cancel->isVisible());
    QCOMPARE(m_window->galleryModel()->rowCount(), summary.importedCount());
    QCOMPARE(m_window->projectStore()->imageCount().value, summary.importedCount());
    QVERIFY2(summary.text().contains(QStringLiteral("canceled")), qPrintable(summary.text()));
}

void TestGuiImport::emptyProjectShowsDropHint()
{
    auto *view = m_window->galleryView();
    QVERIFY2(view->emptyText().contains(QStringLiteral("Drop pictures or folders here")),
             qPrintable(view->emptyText()));
}

void TestGuiImport::damagedProjectKeepsCurrent()
{
    const QString current = m_window->projectFolder();
    const QString damaged = m_dir->filePath(QStringLiteral("random-bytes"));
    QVERIFY(QDir().mkpath(damaged));
    QVERIFY(TestImages::writeFile(QDir(damaged).filePath(ProjectStore::databaseFileName()),
                                  QByteArray(4096, 'x')));

    QVERIFY(!m_window->openProject(damaged));
    QCOMPARE(m_window->projectFolder(), current);
    QVERIFY(m_window->projectStore()->isOpen());
    auto *message = m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"));
    QVERIFY(message);
    QVERIFY2(message->text().contains(QStringLiteral("damaged")), qPrintable(message->text()));
}

QTEST_MAIN(TestGuiImport)
#include "tst_gui_import.moc"
