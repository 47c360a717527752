// Renders the main window with a labeled project and saves the picture for a visual check.

#include "testimages.h"

#include "gallerymodel.h"
#include "galleryview.h"
#include "mainwindow.h"
#include "projectstore.h"
#include "thumbnailloader.h"

#include <QDir>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ProfileLens;

class TestGuiScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void labeledProject();
    void emptyProject();

private:
    QImage grabWindow(const QString &fileName);

    QTemporaryDir *m_dir = nullptr;
    MainWindow *m_window = nullptr;
};

namespace {

// Enough distinct colours that the picture is not blank or a flat placeholder.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

void TestGuiScreenshot::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_screenshot"));
}

void TestGuiScreenshot::init()
{
    QSettings().clear();
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_window = new MainWindow;
}

void TestGuiScreenshot::cleanup()
{
    delete m_window;
    m_window = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

QImage TestGuiScreenshot::grabWindow(const QString &fileName)
{
    const QImage image = m_window->grab().toImage();
    const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(fileName);
    if (image.save(path))
        qInfo("Screenshot saved to %s", qPrintable(path));
    else
        qWarning("Cannot save the screenshot to %s", qPrintable(path));
    return image;
}

void TestGuiScreenshot::labeledProject()
{
    constexpr int kImageCount = 14;
    const QString projectDir = m_dir->filePath(QStringLiteral("Summer campaign"));
    QVector<qint64> ids;
    {
        ProjectStore setup;
        QVERIFY(setup.create(projectDir).isOk());
        const QImage astronaut(TestImages::astronautPath());
        QVERIFY(!astronaut.isNull());
        for (int i = 0; i < kImageCount; ++i) {
            const bool portrait = i % 3 != 2;
            const QImage image = portrait ? TestImages::rotated(astronaut, (i - 6) * 4.0)
                                          : TestImages::landscape(320 + i, 240);
            const QString path = m_dir->filePath(
                QStringLiteral("%1-%2.%3")
                    .arg(portrait ? QStringLiteral("profile") : QStringLiteral("banner"))
                    .arg(i + 1, 2, 10, QLatin1Char('0'))
                    .arg(portrait ? QStringLiteral("jpg") : QStringLiteral("png")));
            QVERIFY(image.save(path));
            const ImportResult result = setup.importFile(path);
            QVERIFY2(result.isOk(), qPrintable(result.errorString));
            ids << result.imageId;
        }
        QVERIFY(setup.setLabel(ids.at(0), ProjectStore::defaultAttribute(), LabelValue::Yes).isOk());
        QVERIFY(setup.setLabel(ids.at(1), ProjectStore::defaultAttribute(), LabelValue::No).isOk());
        QVERIFY(setup.setLabel(ids.at(2), ProjectStore::defaultAttribute(), LabelValue::No).isOk());
        QVERIFY(setup.setLabel(ids.at(4), ProjectStore::defaultAttribute(), LabelValue::Unsure)
                    .isOk());
        QVERIFY(setup.setLabel(ids.at(5), ProjectStore::defaultAttribute(), LabelValue::Yes).isOk());
    }

    QVERIFY(m_window->openProject(projectDir));
    // Predictions for a few images, as a trained model would store them.
    m_window->galleryModel()->setPredictions({{ids.at(6), 0.91}, {ids.at(7), 0.12}});
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->galleryView()->setFocus();

    // Wait until every thumbnail on screen has been made; rows below the fold are made
    // only when scrolled to.
    GalleryModel *model = m_window->galleryModel();
    GalleryView *view = m_window->galleryView();
    QCOMPARE(model->rowCount(), kImageCount);
    QTRY_COMPARE_WITH_TIMEOUT(model->thumbnailLoader()->pendingCount(), 0, 20000);
    int visibleRows = 0;
    for (int row = 0; row < kImageCount; ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (!view->viewport()->rect().intersects(view->visualRect(index)))
            continue;
        ++visibleRows;
        QTRY_VERIFY2_WITH_TIMEOUT(!index.data(GalleryModel::ThumbnailLoadingRole).toBool(),
                                  qPrintable(QStringLiteral("row %1 has no thumbnail").arg(row)),
                                  20000);
    }
    QTest::qWait(50);

    const QImage shot = grabWindow(QStringLiteral("gui_screenshot.png"));
    QVERIFY2(visibleRows >= 8, qPrintable(QString::number(visibleRows)));
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.size() / shot.devicePixelRatio(), QSize(1280, 800));
    QVERIFY2(distinctColours(shot) > 200, qPrintable(QString::number(distinctColours(shot))));
    QCOMPARE(m_window->galleryView()->model()->rowCount(), kImageCount);
    QCOMPARE(m_window->countsText(),
             QStringLiteral("Eyeglasses: 2 yes, 2 no, 1 unsure, 9 unlabelled"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Summer campaign - ProfileLens"));
}

void TestGuiScreenshot::emptyProject()
{
    QVERIFY(m_window->createProject(m_dir->filePath(QStringLiteral("Empty"))));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));

    const QImage shot = grabWindow(QStringLiteral("gui_screenshot_empty.png"));
    QVERIFY(!shot.isNull());
    QCOMPARE(m_window->galleryView()->model()->rowCount(), 0);
    QVERIFY(m_window->galleryView()->emptyText().startsWith(QStringLiteral("Drop pictures")));
}

QTEST_MAIN(TestGuiScreenshot)
#include "tst_gui_screenshot.moc"
