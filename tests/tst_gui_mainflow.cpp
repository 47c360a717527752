// The main window with models: stored predictions in the gallery, the Evaluation page's
// threshold and cell selection driving the gallery filter, the active model menu, and the
// demo project that main.cpp opens for --demo.

#include "testimages.h"

#include "classifier.h"
#include "confusionmatrixwidget.h"
#include "evaluationdashboard.h"
#include "gallerymodel.h"
#include "galleryview.h"
#include "mainwindow.h"
#include "modelfile.h"
#include "predictallworker.h"
#include "projectstore.h"
#include "trainingpipeline.h"

#include <QDir>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace ProfileLens;

class TestGuiMainFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void openingShowsStoredPredictions();
    void thresholdChangesPredictedYes_data();
    void thresholdChangesPredictedYes();
    void confusionCellFiltersGallery_data();
    void confusionCellFiltersGallery();
    void activeModelSwitchesPredictions();
    void newProjectGetsDefaultModel();
    void demoProject_data();
    void demoProject();

private:
    /// Creates a project with the astronaut and rotated copies, labelled and scored by an
    /// active model with threshold kThreshold. Returns the image ids in import order.
    QVector<qint64> createScoredProject(const QString &folder);
    /// Saves an untrained compact model with \a threshold at \a path.
    static bool saveModel(const QString &path, double threshold);
    /// Waits until the dashboard shows project model \a modelId.
    bool waitForEvaluation(qint64 modelId);
    /// Returns the gallery's image ids in filter order.
    QVector<qint64> shownImageIds() const;

    QTemporaryDir *m_dir = nullptr;
    MainWindow *m_window = nullptr;
    qint64 m_modelId = -1;
    QByteArray m_savedModelVariable;
};

namespace {

// Stored probabilities of the test project, one per image, and the hand labels.
constexpr double kProbabilities[] = {0.95, 0.81, 0.64, 0.52, 0.33, 0.18};
const LabelValue kLabels[] = {LabelValue::Yes, LabelValue::Yes, LabelValue::No,
                              LabelValue::Yes, LabelValue::No,  LabelValue::No};
constexpr int kImageCount = int(std::size(kProbabilities));
constexpr double kThreshold = 0.6;

} // namespace

void TestGuiMainFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_mainflow"));
    qRegisterMetaType<ProfileLens::PredictAllResult>();
    m_savedModelVariable = qgetenv("PROFILELENS_MODEL");
}

void TestGuiMainFlow::init()
{
    QSettings().clear();
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_window = new MainWindow;
    m_window->resize(1280, 800);
}

void TestGuiMainFlow::cleanup()
{
    delete m_window;
    m_window = nullptr;
    delete m_dir;
    m_dir = nullptr;
    if (m_savedModelVariable.isEmpty())
        qunsetenv("PROFILELENS_MODEL");
    else
        qputenv("PROFILELENS_MODEL", m_savedModelVariable);
}

bool TestGuiMainFlow::saveModel(const QString &path, double threshold)
{
    QString error;
    const Classifier classifier =
        Classifier::create(QStringLiteral("compact"), QSize(28, 28), &error);
    if (classifier.isNull()) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    ModelMetadata metadata;
    metadata.attribute = ProjectStore::defaultAttribute();
    metadata.classNames = {QStringLiteral("No eyeglasses"), QStringLiteral("Eyeglasses")};
    metadata.threshold = threshold;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    if (!ModelFile::save(path, classifier, metadata, WeightPrecision::Float32, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

QVector<qint64> TestGuiMainFlow::createScoredProject(const QString &folder)
{
    QVector<qint64> ids;
    ProjectStore store;
    if (!store.create(folder).isOk())
        return {};
    const QImage astronaut(TestImages::astronautPath());
    for (int i = 0; i < kImageCount; ++i) {
        const QImage image = i == 0 ? astronaut : TestImages::rotated(astronaut, i * 3.0);
        const QString path = m_dir->filePath(QStringLiteral("portrait-%1.png").arg(i));
        if (!image.save(path))
            return {};
        ImageSource source;
        source.location = path;
        const ImportResult imported = store.importFile(path, source);
        if (!imported.isOk())
            return {};
        ids << imported.imageId;
        store.setLabel(imported.imageId, ProjectStore::defaultAttribute(), kLabels[i]);
    }

    const QString modelPath = QDir(folder).filePath(QStringLiteral("models/tiny.plmodel"));
    if (!saveModel(modelPath, kThreshold))
        return {};
    ModelRecord record;
    record.name = QStringLiteral("tiny");
    record.attribute = ProjectStore::defaultAttribute();
    record.filePath = modelPath;
    record.threshold = kThreshold;
    const StoreResult<qint64> added = store.addModel(record);
    if (!added.isOk() || !store.setActiveModel(added.value).isOk())
        return {};
    m_modelId = added.value;

    QVector<PredictionRecord> predictions;
    for (int i = 0; i < kImageCount; ++i) {
        PredictionRecord prediction;
        prediction.modelId = m_modelId;
        prediction.imageId = ids.at(i);
        prediction.probability = kProbabilities[i];
        prediction.alignmentStatus = QStringLiteral("found");
        predictions << prediction;
    }
    if (!store.storePredictions(predictions).isOk())
        return {};
    return ids;
}

bool TestGuiMainFlow::waitForEvaluation(qint64 modelId)
{
    EvaluationDashboard *dashboard = m_window->evaluationDashboard();
    QSignalSpy loaded(dashboard, &EvaluationDashboard::evaluationLoaded);
    if (dashboard->modelId() == modelId
        && dashboard->hasDataSet(EvaluationDashboard::ProjectLabelSet))
        return true;
    for (int i = 0; i < 10 && dashboard->modelId() != modelId; ++i) {
        if (!loaded.wait(10000))
            return false;
    }
    return dashboard->modelId() == modelId;
}

QVector<qint64> TestGuiMainFlow::shownImageIds() const
{
    QVector<qint64> ids;
    const QAbstractItemModel *model = m_window->galleryView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(GalleryModel::ImageIdRole).toLongLong();
    return ids;
}

void TestGuiMainFlow::openingShowsStoredPredictions()
{
    const QString folder = m_dir->filePath(QStringLiteral("Scored"));
    const QVector<qint64> ids = createScoredProject(folder);
    QCOMPARE(ids.size(), kImageCount);

    QVERIFY(m_window->openProject(folder));
    GalleryModel *model = m_window->galleryModel();
    QVERIFY(model->hasPredictions());
    for (int i = 0; i < kImageCount; ++i) {
        const QVariant probability =
            model->index(model->rowOfImage(ids.at(i))).data(GalleryModel::ProbabilityRole);
        QVERIFY2(probability.isValid(), qPrintable(QStringLiteral("image %1").arg(i)));
        QCOMPARE(probability.toDouble(), kProbabilities[i]);
    }
    QCOMPARE(m_window->galleryFilterModel()->threshold(), kThreshold);
    QVERIFY(m_window->activeModel().has_value());
    QCOMPARE(m_window->activeModel()->id, m_modelId);

    // Predicted yes at the stored threshold: the images at or above 0.6.
    m_window->setFilter(GalleryFilterModel::Filter::PredictedYes);
    QCOMPARE(shownImageIds(), (QVector<qint64>{ids.at(0), ids.at(1), ids.at(2)}));
}

void TestGuiMainFlow::thresholdChangesPredictedYes_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("predictedYes");

    QTest::newRow("low threshold") << 0.1 << 6;
    QTest::newRow("between 0.33 and 0.52") << 0.4 << 4;
    QTest::newRow("high threshold") << 0.9 << 1;
    QTest::newRow("above every probability") << 0.99 << 0;
}

void TestGuiMainFlow::thresholdChangesPredictedYes()
{
    QFETCH(double, threshold);
    QFETCH(int, predictedYes);

    const QString folder = m_dir->filePath(QStringLiteral("Scored"));
    QCOMPARE(createScoredProject(folder).size(), kImageCount);
    QVERIFY(m_window->openProject(folder));
    QVERIFY(waitForEvaluation(m_modelId));
    m_window->setFilter(GalleryFilterModel::Filter::PredictedYes);
    QCOMPARE(m_window->galleryView()->model()->rowCount(), 3);

    // The slider moves in steps of 1/kSliderSteps.
    m_window->evaluationDashboard()->thresholdSlider()->setValue(
        int(std::lround(threshold * EvaluationDashboard::kSliderSteps)));
    QCOMPARE(m_window->galleryFilterModel()->threshold(), threshold);
    QCOMPARE(m_window->galleryView()->model()->rowCount(), predictedYes);
}

void TestGuiMainFlow::confusionCellFiltersGallery_data()
{
    QTest::addColumn<int>("actualClass");
    QTest::addColumn<int>("predictedClass");
    QTest::addColumn<QVector<int>>("expectedImages");

    // At threshold 0.6: labels yes,yes,no,yes,no,no and probabilities 0.95 ... 0.18.
    QTest::newRow("true positives") << 1 << 1 << QVector<int>{0, 1};
    QTest::newRow("false positive") << 0 << 1 << QVector<int>{2};
    QTest::newRow("false negative") << 1 << 0 << QVector<int>{3};
    QTest::newRow("true negatives") << 0 << 0 << QVector<int>{4, 5};
}

void TestGuiMainFlow::confusionCellFiltersGallery()
{
    QFETCH(int, actualClass);
    QFETCH(int, predictedClass);
    QFETCH(QVector<int>, expectedImages);

    const QString folder = m_dir->filePath(QStringLiteral("Scored"));
    const QVector<qint64> ids = createScoredProject(folder);
    QCOMPARE(ids.size(), kImageCount);
    QVERIFY(m_window->openProject(folder));
    QVERIFY(waitForEvaluation(m_modelId));
    EvaluationDashboard *dashboard = m_window->evaluationDashboard();
    QVERIFY(dashboard->setDataSet(EvaluationDashboard::ProjectLabelSet));
    QCOMPARE(dashboard->threshold(), kThreshold);

    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->setCurrentPage(MainWindow::Page::Evaluation);
    ConfusionMatrixWidget *matrix = dashboard->confusionMatrixWidget();
    QTRY_VERIFY(matrix->isVisible());
    QSignalSpy selected(dashboard, &EvaluationDashboard::imageIdsSelected);
    QTest::mouseClick(matrix, Qt::LeftButton, {},
                      matrix->cellRect(actualClass, predictedClass).center());
    QCOMPARE(selected.count(), 1);

    QVector<qint64> expected;
    for (const int image : std::as_const(expectedImages))
        expected << ids.at(image);
    QCOMPARE(m_window->filter(), GalleryFilterModel::Filter::ImageIds);
    QVector<qint64> shown = shownImageIds();
    std::sort(shown.begin(), shown.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(shown, expected);

    // All brings every image back.
    m_window->setFilter(GalleryFilterModel::Filter::All);
    QCOMPARE(m_window->galleryView()->model()->rowCount(), kImageCount);
}

void TestGuiMainFlow::activeModelSwitchesPredictions()
{
    const QString folder = m_dir->filePath(QStringLiteral("Scored"));
    const QVector<qint64> ids = createScoredProject(folder);
    QCOMPARE(ids.size(), kImageCount);

    // A second model that scored only the first image.
    qint64 secondId = -1;
    {
        ProjectStore store;
        QVERIFY(store.open(folder).isOk());
        const QString path = QDir(folder).filePath(QStringLiteral("models/second.plmodel"));
        QVERIFY(saveModel(path, 0.3));
        ModelRecord record;
        record.name = QStringLiteral("second");
        record.attribute = ProjectStore::defaultAttribute();
        record.filePath = path;
        record.threshold = 0.3;
        const StoreResult<qint64> added = store.addModel(record);
        QVERIFY(added.isOk());
        secondId = added.value;
        PredictionRecord prediction;
        prediction.modelId = secondId;
        prediction.imageId = ids.at(0);
        prediction.probability = 0.25;
        QVERIFY(store.storePredictions({prediction}).isOk());
    }

    QVERIFY(m_window->openProject(folder));
    QCOMPARE(m_window->activeModel()->id, m_modelId);

    // The menu lists both models with the active one checked.
    QMenu *menu = m_window->findChild<QMenu *>(QStringLiteral("activeModelMenu"));
    QVERIFY(menu);
    QMetaObject::invokeMethod(menu, "aboutToShow");
    QCOMPARE(menu->actions().size(), 2);
    QVERIFY(menu->actions().at(0)->isChecked());
    QVERIFY(!menu->actions().at(1)->isChecked());

    menu->actions().at(1)->trigger();
    QCOMPARE(m_window->activeModel()->id, secondId);
    GalleryModel *model = m_window->galleryModel();
    QCOMPARE(model->index(model->rowOfImage(ids.at(0))).data(GalleryModel::ProbabilityRole)
                 .toDouble(),
             0.25);
    QVERIFY(!model->index(model->rowOfImage(ids.at(1))).data(GalleryModel::ProbabilityRole)
                 .isValid());
    QCOMPARE(m_window->galleryFilterModel()->threshold(), 0.3);
}

void TestGuiMainFlow::newProjectGetsDefaultModel()
{
    const QString modelPath = m_dir->filePath(QStringLiteral("shipped/eyeglasses.plmodel"));
    QVERIFY(saveModel(modelPath, 0.42));
    qputenv("PROFILELENS_MODEL", QFile::encodeName(modelPath));
    QCOMPARE(defaultModelPath(), QFileInfo(modelPath).absoluteFilePath());

    QVERIFY(m_window->createProject(m_dir->filePath(QStringLiteral("New"))));
    const std::optional<ModelRecord> active = m_window->activeModel();
    QVERIFY(active.has_value());
    QCOMPARE(active->filePath, QFileInfo(modelPath).absoluteFilePath());
    QCOMPARE(active->attribute, ProjectStore::defaultAttribute());
    QCOMPARE(active->threshold, 0.42);
    QCOMPARE(m_window->galleryFilterModel()->threshold(), 0.42);

    // Reopening registers nothing twice.
    QVERIFY(m_window->openProject(m_dir->filePath(QStringLiteral("New"))));
    QCOMPARE(m_window->projectStore()->models().value.size(), 1);
}

void TestGuiMainFlow::demoProject_data()
{
    QTest::addColumn<QString>("model");

    QTest::newRow("without a default model") << QStringLiteral("none");
    QTest::newRow("model from PROFILELENS_MODEL") << QStringLiteral("environment");
    QTest::newRow("shipped model") << QStringLiteral("shipped");
}

void TestGuiMainFlow::demoProject()
{
    QFETCH(QString, model);

    qunsetenv("PROFILELENS_MODEL");
    if (model == QLatin1String("none") && !defaultModelPath().isEmpty())
        QSKIP("A default model is installed or in models/, so the no-model case cannot run.");
    if (model == QLatin1String("shipped") && defaultModelPath().isEmpty())
        QSKIP("No default model: models/eyeglasses.plmodel is not in the source tree.");
    if (model == QLatin1String("environment")) {
        const QString path = m_dir->filePath(QStringLiteral("env/eyeglasses.plmodel"));
        QVERIFY(saveModel(path, 0.5));
        qputenv("PROFILELENS_MODEL", QFile::encodeName(path));
    }
    const bool withModel = model != QLatin1String("none");

    const QString demoPictures = QStringLiteral(PROFILELENS_SOURCE_DIR "/resources/demo");
    const QString folder = m_dir->filePath(QStringLiteral("projects/Demo"));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QSignalSpy predicted(m_window, &MainWindow::predictAllFinished);
    QVERIFY(m_window->openDemoProject(folder, demoPictures));

    // Two pictures, labelled by hand.
    QCOMPARE(m_window->galleryModel()->rowCount(), 2);
    int glasses = 0;
    for (int row = 0; row < 2; ++row) {
        const ImageRecord image = m_window->galleryModel()->imageAt(row);
        const bool hopper = image.source.location.endsWith(QLatin1String("grace_hopper.jpg"));
        glasses += hopper ? 1 : 0;
        QCOMPARE(m_window->galleryModel()->labelOf(image.id),
                 std::optional<LabelValue>(hopper ? LabelValue::Yes : LabelValue::No));
    }
    QCOMPARE(glasses, 1);

    if (!withModel) {
        QVERIFY(!m_window->activeModel().has_value());
        QVERIFY(!m_window->isPredicting());
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("No default model found; train one with Models > Train Model"));
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Pictures);
        return;
    }

    // Scored in the background, then the Evaluation page shows the labelled pictures.
    QVERIFY(m_window->activeModel().has_value());
    QVERIFY(predicted.wait(120000));
    const PredictAllResult result = predicted.at(0).at(0).value<PredictAllResult>();
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(result.imageCount, 2);
    QCOMPARE(result.predictedCount, 2);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Evaluation);
    for (int row = 0; row < 2; ++row) {
        const QVariant probability =
            m_window->galleryModel()->index(row).data(GalleryModel::ProbabilityRole);
        QVERIFY2(probability.isValid(), qPrintable(QStringLiteral("row %1").arg(row)));
    }
    EvaluationDashboard *dashboard = m_window->evaluationDashboard();
    QVERIFY(waitForEvaluation(m_window->activeModel()->id));
    QTRY_COMPARE(dashboard->dataSet(), EvaluationDashboard::ProjectLabelSet);
    QTRY_COMPARE(dashboard->evaluationModel()->rowCount(), 2);
    QVERIFY(dashboard->thresholdSlider()->isEnabled());

    // Opening the demo again imports nothing and scores nothing.
    m_window->setCurrentPage(MainWindow::Page::Pictures);
    QVERIFY(m_window->openDemoProject(folder, demoPictures));
    QCOMPARE(m_window->galleryModel()->rowCount(), 2);
    QCOMPARE(m_window->projectStore()->models().value.size(), 1);
    QVERIFY(!m_window->isPredicting());
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Evaluation);
}

QTEST_MAIN(TestGuiMainFlow)
#include "tst_gui_mainflow.moc"
