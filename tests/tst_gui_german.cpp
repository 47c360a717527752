// Shows the main window in German with a labeled project and saves a screenshot for review.

#include "testimages.h"

#include "gallerymodel.h"
#include "galleryview.h"
#include "mainwindow.h"
#include "stageviewer.h"
#include "projectstore.h"
#include "thumbnailloader.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ProfileLens;

class TestGuiGerman : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void menusInGerman();
    void screenshot();

private:
    static QStringList menuTitles(const MainWindow &window);
};

void TestGuiGerman::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_german"));
    QSettings().clear();
}

void TestGuiGerman::cleanupTestCase()
{
    installTranslators(*QCoreApplication::instance(), QStringLiteral("en"));
}

QStringList TestGuiGerman::menuTitles(const MainWindow &window)
{
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles << action->text();
    return titles;
}

void TestGuiGerman::menusInGerman()
{
    QCOMPARE(installTranslators(*QCoreApplication::instance(), QStringLiteral("en")), QString());
    QStringList english;
    {
        MainWindow window;
        english = menuTitles(window);
    }
    QVERIFY(!english.isEmpty());

    QCOMPARE(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")),
             QStringLiteral("de"));
    MainWindow window;
    const QStringList german = menuTitles(window);
    QCOMPARE(german.size(), english.size());
    QCOMPARE(german.first(), QStringLiteral("&Datei"));
    for (int i = 0; i < german.size(); ++i) {
        QVERIFY2(german.at(i) != english.at(i),
                 qPrintable(QStringLiteral("menu \"%1\" is not translated").arg(english.at(i))));
    }
}

void TestGuiGerman::screenshot()
{
    QCOMPARE(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")),
             QStringLiteral("de"));

    constexpr int kImageCount = 8;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString projectDir = dir.filePath(QStringLiteral("Sommerkampagne"));
    {
        ProjectStore setup;
        QVERIFY(setup.create(projectDir).isOk());
        const QImage astronaut(TestImages::astronautPath());
        QVERIFY(!astronaut.isNull());
        QVector<qint64> ids;
        for (int i = 0; i < kImageCount; ++i) {
            const QString path = dir.filePath(QStringLiteral("profil-%1.jpg").arg(i + 1));
            QVERIFY(TestImages::rotated(astronaut, (i - 4) * 5.0).save(path));
            const ImportResult result = setup.importFile(path);
            QVERIFY2(result.isOk(), qPrintable(result.errorString));
            ids << result.imageId;
        }
        const QString attribute = ProjectStore::defaultAttribute();
        QVERIFY(setup.setLabel(ids.at(0), attribute, LabelValue::Yes).isOk());
        QVERIFY(setup.setLabel(ids.at(1), attribute, LabelValue::No).isOk());
        QVERIFY(setup.setLabel(ids.at(2), attribute, LabelValue::Unsure).isOk());
    }

    MainWindow window;
    QVERIFY(window.openProject(projectDir));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(window.galleryModel()->thumbnailLoader()->pendingCount(), 0, 20000);
    // The stages panel shows the current image once its alignment has finished.
    auto *stages = window.findChild<StageViewer *>();
    QVERIFY(stages);
    QTRY_VERIFY_WITH_TIMEOUT(!stages->isProcessing(), 30000);
    QTest::qWait(50);

    const QImage shot = window.grab().toImage();
    const QString path = QDir(QCoreApplication::applicationDirPath())
                             .filePath(QStringLiteral("gui_screenshot_de.png"));
    QVERIFY2(shot.save(path), qPrintable(path));
    qInfo("German screenshot saved to %s", qPrintable(path));

    QCOMPARE(window.galleryModel()->rowCount(), kImageCount);
    QVERIFY2(!window.countsText().contains(QLatin1String("unlabelled")),
             qPrintable(window.countsText()));
    QVERIFY2(window.windowTitle().startsWith(QLatin1String("Sommerkampagne")),
             qPrintable(window.windowTitle()));
}

QTEST_MAIN(TestGuiGerman)
#include "tst_gui_german.moc"
