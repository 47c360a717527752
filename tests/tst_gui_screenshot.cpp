// Renders the main window with a labeled project, its empty state and its Evaluation page,
// and saves the pictures for a visual check.

#include "testimages.h"

#include "classifier.h"
#include "evaluationdashboard.h"
#include "evaluationmodel.h"
#include "gallerymodel.h"
#include "galleryview.h"
#include "mainwindow.h"
#include "modelfile.h"
#include "projectstore.h"
#include "stageviewer.h"
#include "thumbnailloader.h"
#include "trainingpipeline.h"

#include <QDir>
#include <QSet>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
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
    void evaluationPage();

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
    // The stages panel shows the current image once its alignment has finished.
    auto *stages = m_window->findChild<StageViewer *>();
    QVERIFY(stages);
    QTRY_VERIFY_WITH_TIMEOUT(!stages->isProcessing(), 30000);
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

void TestGuiScreenshot::evaluationPage()
{
    constexpr int kImageCount = 8;
    constexpr double kThreshold = 0.55;
    const QString projectDir = m_dir->filePath(QStringLiteral("Eyewear study"));
    const QString attribute = ProjectStore::defaultAttribute();
    {
        ProjectStore setup;
        QVERIFY(setup.create(projectDir).isOk());
        const QImage astronaut(TestImages::astronautPath());
        QVERIFY(!astronaut.isNull());

        // A real, untrained model file whose evaluation rows are written by hand: a test
        // and a training split with scores that separate the classes imperfectly.
        QString error;
        const Classifier classifier =
            Classifier::create(QStringLiteral("compact"), QSize(28, 28), &error);
        QVERIFY2(!classifier.isNull(), qPrintable(error));
        ModelMetadata metadata;
        metadata.attribute = attribute;
        metadata.classNames = {QStringLiteral("No eyeglasses"), QStringLiteral("Eyeglasses")};
        metadata.threshold = kThreshold;
        const QString modelPath = QDir(projectDir).filePath(QStringLiteral("models/study.plmodel"));
        QVERIFY(QDir().mkpath(QFileInfo(modelPath).absolutePath()));
        QVERIFY2(ModelFile::save(modelPath, classifier, metadata, WeightPrecision::Float32,
                                 &error),
                 qPrintable(error));

        QVector<qint64> ids;
        EvaluationRows rows;
        QRandomGenerator random(7);
        for (int i = 0; i < kImageCount; ++i) {
            const QString path = m_dir->filePath(QStringLiteral("face-%1.jpg").arg(i + 1));
            QVERIFY(TestImages::rotated(astronaut, (i - 4) * 5.0).save(path));
            ImageSource source;
            source.location = path;
            const ImportResult imported = setup.importFile(path, source);
            QVERIFY2(imported.isOk(), qPrintable(imported.errorString));
            ids << imported.imageId;
        }
        for (int i = 0; i < 400; ++i) {
            const int label = i % 3 == 0 ? 1 : 0;
            // Positives centre on 0.7 and negatives on 0.3, so both error cells are filled.
            const double score = std::clamp((label ? 0.7 : 0.3) + 0.22 * (random.generateDouble()
                                                                          - 0.5) * 2.0,
                                            0.0, 1.0);
            rows.splits << (i < 300 ? QStringLiteral("train") : QStringLiteral("test"));
            rows.sources << m_dir->filePath(QStringLiteral("face-%1.jpg").arg(i % kImageCount + 1));
            rows.labels.push_back(label);
            rows.probabilities.push_back(float(score));
        }
        QVERIFY2(writeEvaluationRows(evaluationPathForModel(modelPath), rows, &error),
                 qPrintable(error));

        ModelRecord record;
        record.name = QStringLiteral("study");
        record.attribute = attribute;
        record.filePath = modelPath;
        record.threshold = kThreshold;
        const StoreResult<qint64> added = setup.addModel(record);
        QVERIFY(added.isOk());
        QVERIFY(setup.setActiveModel(added.value).isOk());

        const double probabilities[kImageCount] = {0.92, 0.71, 0.63, 0.48, 0.35, 0.58, 0.21, 0.09};
        const LabelValue labels[kImageCount] = {LabelValue::Yes, LabelValue::Yes, LabelValue::No,
                                                LabelValue::Yes, LabelValue::No,  LabelValue::No,
                                                LabelValue::No,  LabelValue::No};
        QVector<PredictionRecord> predictions;
        for (int i = 0; i < kImageCount; ++i) {
            QVERIFY(setup.setLabel(ids.at(i), attribute, labels[i]).isOk());
            PredictionRecord prediction;
            prediction.modelId = added.value;
            prediction.imageId = ids.at(i);
            prediction.probability = probabilities[i];
            prediction.alignmentStatus = QStringLiteral("found");
            predictions << prediction;
        }
        QVERIFY(setup.storePredictions(predictions).isOk());
    }

    EvaluationDashboard *dashboard = m_window->evaluationDashboard();
    QSignalSpy loaded(dashboard, &EvaluationDashboard::evaluationLoaded);
    QVERIFY(m_window->openProject(projectDir));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.at(0).at(0).toBool(), true);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->setCurrentPage(MainWindow::Page::Evaluation);
    QCOMPARE(dashboard->threshold(), kThreshold);
    QVERIFY(dashboard->hasDataSet(EvaluationDashboard::TestSet));
    QVERIFY(dashboard->hasDataSet(EvaluationDashboard::TrainingSet));
    QVERIFY(dashboard->hasDataSet(EvaluationDashboard::ProjectLabelSet));
    QCOMPARE(dashboard->evaluationModel()->rowCount(), 100);
    // Let the table's thumbnails and the charts settle before the grab.
    QTest::qWait(500);

    const QImage shot = grabWindow(QStringLiteral("gui_screenshot_evaluation.png"));
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.size() / shot.devicePixelRatio(), QSize(1280, 800));
    QVERIFY2(distinctColours(shot) > 200, qPrintable(QString::number(distinctColours(shot))));
}

QTEST_MAIN(TestGuiScreenshot)
#include "tst_gui_screenshot.moc"
