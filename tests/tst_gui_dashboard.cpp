#include "classifier.h"
#include "confusionmatrixwidget.h"
#include "evaluationdashboard.h"
#include "evaluationmodel.h"
#include "exporter.h"
#include "metrics.h"
#include "modelfile.h"
#include "projectstore.h"
#include "reporttablemodel.h"
#include "trainingpipeline.h"

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace ProfileLens;

namespace {

const ClassNames kClassNames{QStringLiteral("No eyeglasses"), QStringLiteral("Eyeglasses")};

/**
 * Returns \a count rows of split \a split whose probabilities are all distinct: positives
 * mostly score high and negatives low, with enough overlap that every confusion cell is
 * populated at thresholds between 0.1 and 0.9.
 */
void appendRows(EvaluationRows *rows, const QString &split, int count, unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> noise(0.0, 0.22);
    for (int i = 0; i < count; ++i) {
        const int label = i % 3 == 0 ? 1 : 0;
        double probability = (label == 1 ? 0.7 : 0.3) + noise(random);
        probability = std::clamp(probability, 0.0005, 0.9995);
        // Offsets in the seventh decimal keep the scores distinct without moving them.
        probability += 1e-7 * i;
        rows->splits.append(split);
        rows->sources.append(QStringLiteral("/missing/%1-%2.jpg").arg(split).arg(i));
        rows->labels.push_back(label);
        rows->probabilities.push_back(float(probability));
    }
}

EvaluationRows sampleRows()
{
    EvaluationRows rows;
    appendRows(&rows, QStringLiteral("train"), 600, 11);
    appendRows(&rows, QStringLiteral("validation"), 90, 12);
    appendRows(&rows, QStringLiteral("test"), 300, 13);
    return rows;
}

/// Returns the probabilities and labels of one split of \a rows.
void splitOf(const EvaluationRows &rows, const QString &split, std::vector<float> *scores,
             std::vector<int> *labels, QStringList *sources = nullptr)
{
    for (int i = 0; i < rows.sources.size(); ++i) {
        if (rows.splits.at(i) != split)
            continue;
        scores->push_back(rows.probabilities[std::size_t(i)]);
        labels->push_back(rows.labels[std::size_t(i)]);
        if (sources)
            sources->append(rows.sources.at(i));
    }
}

void compareCounts(const ConfusionMatrixWidget *widget, const ConfusionMatrix &expected)
{
    QCOMPARE(widget->count(1, 1), expected.truePositives);
    QCOMPARE(widget->count(0, 1), expected.falsePositives);
    QCOMPARE(widget->count(0, 0), expected.trueNegatives);
    QCOMPARE(widget->count(1, 0), expected.falseNegatives);
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

/// Writes a small generated picture in colour \a hue and returns its path.
QString writePicture(const QString &folder, int index)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((index * 53) % 360, 180, 200));
    const QString path = QDir(folder).filePath(QStringLiteral("picture-%1.png").arg(index));
    return image.save(path) ? path : QString();
}

} // namespace

class TestGuiDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void thresholdControlsMatchEvaluator_data();
    void thresholdControlsMatchEvaluator();
    void thresholdButtonsJump();
    void thresholdTypedIntoBox();
    void trainingSetUsesTrainingRows();
    void cellClickFiltersTable_data();
    void cellClickFiltersTable();
    void thinCurveBoundsPointCount();
    void thresholdUpdateIsFast();
    void reportAndChartExport();
    void projectModelExportAndSave();
    void screenshot();

private:
    EvaluationRows m_rows;
    EvaluationDashboard *m_dashboard = nullptr;
};

void TestGuiDashboard::initTestCase()
{
    m_rows = sampleRows();
}

void TestGuiDashboard::init()
{
    m_dashboard = new EvaluationDashboard;
    m_dashboard->resize(1280, 800);
    m_dashboard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dashboard));
    m_dashboard->setEvaluation(m_rows, kClassNames, 0.5);
}

void TestGuiDashboard::cleanup()
{
    delete m_dashboard;
    m_dashboard = nullptr;
}

void TestGuiDashboard::thresholdControlsMatchEvaluator_data()
{
    QTest::addColumn<bool>("useSlider");
    QTest::addColumn<double>("threshold");
    for (double threshold : {0.1, 0.5, 0.9, 0.333}) {
        QTest::addRow("spin box %.3f", threshold) << false << threshold;
        QTest::addRow("slider %.3f", threshold) << true << threshold;
    }
}

void TestGuiDashboard::thresholdControlsMatchEvaluator()
{
    QFETCH(bool, useSlider);
    QFETCH(double, threshold);

    std::vector<float> scores;
    std::vector<int> labels;
    splitOf(m_rows, QStringLiteral("test"), &scores, &labels);
    const ThresholdEvaluator evaluator(scores, labels);
    QCOMPARE(m_dashboard->dataSet(), EvaluationDashboard::TestSet);

    // Start elsewhere so the change is always a real one.
    m_dashboard->setThreshold(0.77);
    QSignalSpy changed(m_dashboard, &EvaluationDashboard::thresholdChanged);
    double expected = threshold;
    if (useSlider) {
        const int position = int(std::lround(threshold * EvaluationDashboard::kSliderSteps));
        m_dashboard->thresholdSlider()->setValue(position);
        expected = double(position) / EvaluationDashboard::kSliderSteps;
        QCOMPARE(m_dashboard->thresholdSpinBox()->value(), expected);
    } else {
        m_dashboard->thresholdSpinBox()->setValue(threshold);
        QCOMPARE(m_dashboard->thresholdSlider()->value(),
                 int(std::lround(threshold * EvaluationDashboard::kSliderSteps)));
    }
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toDouble(), expected);
    QCOMPARE(m_dashboard->threshold(), expected);

    const ConfusionMatrix counts = evaluator.confusionMatrix(expected);
    compareCounts(m_dashboard->confusionMatrixWidget(), counts);
    QVERIFY(counts.truePositives > 0 || counts.falseNegatives > 0);

    // The report table follows the same threshold.
    const ClassificationReport report = evaluator.report(expected, kClassNames);
    const ReportTableModel *model = m_dashboard->reportModel();
    const auto value = [model](int row, int column) {
        return model->index(row, column).data(Qt::UserRole).toDouble();
    };
    QCOMPARE(value(ReportTableModel::PositiveRow, ReportTableModel::PrecisionColumn),
             report.positive.precision);
    QCOMPARE(value(ReportTableModel::PositiveRow, ReportTableModel::RecallColumn),
             report.positive.recall);
    QCOMPARE(value(ReportTableModel::AccuracyRow, ReportTableModel::F1Column), report.accuracy);
    QCOMPARE(value(ReportTableModel::WeightedAverageRow, ReportTableModel::F1Column),
             report.weightedAverage.f1Score);
}

void TestGuiDashboard::thresholdTypedIntoBox()
{
    QDoubleSpinBox *box = m_dashboard->thresholdSpinBox();
    m_dashboard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dashboard));
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QStringLiteral("0.99"));
    QCOMPARE(box->text(), QStringLiteral("0.99"));
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(m_dashboard->threshold(), 0.99);

    std::vector<float> scores;
    std::vector<int> labels;
    splitOf(m_rows, QStringLiteral("test"), &scores, &labels);
    compareCounts(m_dashboard->confusionMatrixWidget(),
                  ThresholdEvaluator(scores, labels).confusionMatrix(0.99));
}

void TestGuiDashboard::thresholdButtonsJump()
{
    std::vector<float> scores;
    std::vector<int> labels;
    splitOf(m_rows, QStringLiteral("test"), &scores, &labels);
    const ThresholdEvaluator evaluator(scores, labels);

    const ThresholdChoice bestF1 = evaluator.bestF1Threshold();
    QVERIFY(bestF1.isValid);
    QTest::mouseClick(m_dashboard->bestF1Button(), Qt::LeftButton);
    QCOMPARE(m_dashboard->threshold(), std::clamp(bestF1.threshold, 0.0, 1.0));
    compareCounts(m_dashboard->confusionMatrixWidget(), bestF1.confusion);

    const ThresholdChoice youden = evaluator.bestYoudenThreshold();
    QTest::mouseClick(m_dashboard->youdenButton(), Qt::LeftButton);
    QCOMPARE(m_dashboard->threshold(), std::clamp(youden.threshold, 0.0, 1.0));

    // Balanced: as many images flagged as have the attribute, give or take tied scores.
    const ThresholdChoice balanced = evaluator.balancedThreshold();
    QTest::mouseClick(m_dashboard->balancedButton(), Qt::LeftButton);
    QCOMPARE(m_dashboard->threshold(), std::clamp(balanced.threshold, 0.0, 1.0));
    compareCounts(m_dashboard->confusionMatrixWidget(), balanced.confusion);

    m_dashboard->targetRecallSpinBox()->setValue(0.95);
    const ThresholdChoice recall = evaluator.thresholdForRecall(0.95);
    QTest::mouseClick(m_dashboard->targetRecallButton(), Qt::LeftButton);
    QCOMPARE(m_dashboard->threshold(), std::clamp(recall.threshold, 0.0, 1.0));
    const ConfusionMatrix atRecall = evaluator.confusionMatrix(m_dashboard->threshold());
    QVERIFY2(double(atRecall.truePositives) / double(atRecall.actualPositives()) >= 0.95,
             "the target-recall threshold misses the target");

    // Without a project model there is nowhere to store the threshold.
    QVERIFY(!m_dashboard->saveThresholdButton()->isEnabled());
}

void TestGuiDashboard::trainingSetUsesTrainingRows()
{
    std::vector<float> scores;
    std::vector<int> labels;
    splitOf(m_rows, QStringLiteral("train"), &scores, &labels);
    const ThresholdEvaluator evaluator(scores, labels);

    QVERIFY(m_dashboard->hasDataSet(EvaluationDashboard::TrainingSet));
    QVERIFY(!m_dashboard->hasDataSet(EvaluationDashboard::ProjectLabelSet));
    QVERIFY(m_dashboard->setDataSet(EvaluationDashboard::TrainingSet));
    m_dashboard->setThreshold(0.42);
    compareCounts(m_dashboard->confusionMatrixWidget(), evaluator.confusionMatrix(0.42));
    QCOMPARE(m_dashboard->evaluationModel()->rowCount(), int(scores.size()));
}

void TestGuiDashboard::cellClickFiltersTable_data()
{
    QTest::addColumn<int>("actual");
    QTest::addColumn<int>("predicted");
    QTest::addRow("true negatives") << 0 << 0;
    QTest::addRow("false positives") << 0 << 1;
    QTest::addRow("false negatives") << 1 << 0;
    QTest::addRow("true positives") << 1 << 1;
}

void TestGuiDashboard::cellClickFiltersTable()
{
    QFETCH(int, actual);
    QFETCH(int, predicted);
    const double threshold = 0.45;
    m_dashboard->setThreshold(threshold);

    // The expected rows, worked out from the CSV rows directly.
    std::vector<float> scores;
    std::vector<int> labels;
    QStringList sources;
    splitOf(m_rows, QStringLiteral("test"), &scores, &labels, &sources);
    std::vector<int> expected;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (labels[i] == actual && (double(scores[i]) >= threshold ? 1 : 0) == predicted)
            expected.push_back(int(i));
    }
    std::sort(expected.begin(), expected.end(), [&](int a, int b) {
        return predicted == 1 ? scores[std::size_t(a)] > scores[std::size_t(b)]
                              : scores[std::size_t(a)] < scores[std::size_t(b)];
    });
    QVERIFY2(!expected.empty(), "the sample data leaves this cell empty");

    ConfusionMatrixWidget *matrix = m_dashboard->confusionMatrixWidget();
    QSignalSpy clicked(matrix, &ConfusionMatrixWidget::cellClicked);
    QSignalSpy selected(m_dashboard, &EvaluationDashboard::imagesSelected);
    QTest::mouseClick(matrix, Qt::LeftButton, {}, matrix->cellRect(actual, predicted).center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), actual);
    QCOMPARE(clicked.at(0).at(1).toInt(), predicted);

    const EvaluationModel *model = m_dashboard->evaluationModel();
    QCOMPARE(model->rowCount(), int(expected.size()));
    QCOMPARE(qint64(model->rowCount()), matrix->count(actual, predicted));
    QStringList expectedSources;
    for (int index : expected)
        expectedSources.append(sources.at(index));
    QCOMPARE(model->visibleSources(), expectedSources);
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->index(row, 0).data(EvaluationModel::LabelRole).toInt(), actual);
        QCOMPARE(model->index(row, 0).data(EvaluationModel::PredictionRole).toInt(), predicted);
    }
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toStringList(), expectedSources);

    // The filter follows the threshold, and "show all" lifts it.
    m_dashboard->setThreshold(0.6);
    QCOMPARE(qint64(model->rowCount()), matrix->count(actual, predicted));
    m_dashboard->clearCellFilter();
    QCOMPARE(model->rowCount(), int(scores.size()));
}

void TestGuiDashboard::thinCurveBoundsPointCount()
{
    std::vector<double> x;
    std::vector<double> y;
    const int count = 200000;
    for (int i = 0; i <= count; ++i) {
        x.push_back(double(i) / count);
        y.push_back(std::sqrt(double(i) / count));
    }
    const QList<QPointF> thinned = EvaluationDashboard::thinCurve(x, y, 1000);
    QVERIFY2(thinned.size() <= 1002, qPrintable(QString::number(thinned.size())));
    QVERIFY(thinned.size() >= 500);
    QCOMPARE(thinned.constFirst(), QPointF(0.0, 0.0));
    QCOMPARE(thinned.constLast(), QPointF(1.0, 1.0));
}

void TestGuiDashboard::thresholdUpdateIsFast()
{
    // 100,000 scored images, as in a large project.
    EvaluationRows rows;
    appendRows(&rows, QStringLiteral("test"), 100000, 21);
    m_dashboard->setEvaluation(rows, kClassNames, 0.5);
    QCOMPARE(m_dashboard->evaluationModel()->rowCount(), 100000);
    QTest::mouseClick(m_dashboard->confusionMatrixWidget(), Qt::LeftButton, {},
                      m_dashboard->confusionMatrixWidget()->cellRect(1, 0).center());

    const int moves = 100;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < moves; ++i) {
        m_dashboard->thresholdSlider()->setValue(200 + 6 * i);
        QCoreApplication::processEvents();
    }
    const double perMove = double(clock.nsecsElapsed()) / 1e6 / moves;
    qInfo("Threshold update with 100,000 images: %.2f ms per slider move, including repaint "
          "events",
          perMove);
    // One frame at 60 Hz.
    QVERIFY2(perMove < 16.7, qPrintable(QStringLiteral("%1 ms per move").arg(perMove)));
}

void TestGuiDashboard::reportAndChartExport()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    m_dashboard->setThreshold(0.5);
    QString error;

    const QString reportPath = folder.filePath(QStringLiteral("report.txt"));
    QVERIFY2(m_dashboard->exportReport(reportPath, &error), qPrintable(error));
    const QString report = readLines(reportPath).join(QLatin1Char('\n'));
    QVERIFY2(report.contains(QLatin1String("precision")), qPrintable(report));
    QVERIFY(report.contains(kClassNames.negative));
    QVERIFY(report.contains(kClassNames.positive));
    QVERIFY(report.contains(QLatin1String("0.5000")));

    const QString pngPath = folder.filePath(QStringLiteral("roc.png"));
    QVERIFY2(m_dashboard->exportChart(m_dashboard->rocChartView(), pngPath, &error),
             qPrintable(error));
    const QImage png(pngPath);
    QVERIFY(!png.isNull());
    QVERIFY(png.width() >= m_dashboard->rocChartView()->width());

    const QString svgPath = folder.filePath(QStringLiteral("pr.svg"));
    QVERIFY2(m_dashboard->exportChart(m_dashboard->precisionRecallChartView(), svgPath, &error),
             qPrintable(error));
    const QString svg = readLines(svgPath).join(QLatin1Char('\n'));
    QVERIFY(svg.contains(QLatin1String("<svg")));
    QVERIFY(svg.contains(QLatin1String("Precision-recall curve")));
}

void TestGuiDashboard::projectModelExportAndSave()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString projectFolder = folder.filePath(QStringLiteral("project"));
    ProjectStore store;
    QVERIFY(store.create(projectFolder).isOk());

    // Six pictures from three kinds of source, with labels and one image without a face.
    const QString attribute = ProjectStore::defaultAttribute();
    QVector<qint64> ids;
    for (int i = 0; i < 6; ++i) {
        const QString path = writePicture(folder.path(), i);
        QVERIFY(!path.isEmpty());
        ImageSource source;
        if (i % 3 == 0) {
            source.kind = ImageSourceKind::File;
            source.location = path;
        } else if (i % 3 == 1) {
            source.kind = ImageSourceKind::Url;
            source.location = QStringLiteral("http://127.0.0.1:1/pictures/%1,large.png").arg(i);
        } else {
            source.kind = ImageSourceKind::Handle;
            source.location = QStringLiteral("http://127.0.0.1:1/avatars/%1.png").arg(i);
            source.handle = QStringLiteral("account%1").arg(i);
        }
        const ImportResult imported = store.importFile(path, source);
        QVERIFY2(imported.isOk(), qPrintable(imported.errorString));
        ids.append(imported.imageId);
    }
    const LabelValue labels[6] = {LabelValue::Yes, LabelValue::No, LabelValue::Yes,
                                  LabelValue::No, LabelValue::Unsure, LabelValue::No};
    for (int i = 0; i < 6; ++i)
        QVERIFY(store.setLabel(ids[i], attribute, labels[i]).isOk());

    // A real model file with evaluation rows beside it.
    QString error;
    const Classifier classifier = Classifier::create(QStringLiteral("compact"), QSize(28, 28), &error);
    QVERIFY2(!classifier.isNull(), qPrintable(error));
    ModelMetadata metadata;
    metadata.attribute = attribute;
    metadata.classNames = {kClassNames.negative, kClassNames.positive};
    metadata.threshold = 0.6;
    const QString modelPath = QDir(projectFolder).filePath(QStringLiteral("models/test.plmodel"));
    QVERIFY(QDir().mkpath(QFileInfo(modelPath).absolutePath()));
    QVERIFY2(ModelFile::save(modelPath, classifier, metadata, WeightPrecision::Float32, &error),
             qPrintable(error));
    QVERIFY2(writeEvaluationRows(evaluationPathForModel(modelPath), m_rows, &error),
             qPrintable(error));
    ModelRecord record;
    record.name = QStringLiteral("test");
    record.attribute = attribute;
    record.filePath = modelPath;
    record.threshold = 0.6;
    const auto added = store.addModel(record);
    QVERIFY2(added.isOk(), qPrintable(added.errorString));
    QVERIFY(store.setActiveModel(added.value).isOk());

    const double probabilities[6] = {0.91, 0.12, 0.45, 0.66, 0.3, -1.0};
    QVector<PredictionRecord> predictions;
    for (int i = 0; i < 6; ++i) {
        PredictionRecord prediction;
        prediction.modelId = added.value;
        prediction.imageId = ids[i];
        if (probabilities[i] >= 0.0) {
            prediction.probability = probabilities[i];
            prediction.alignmentStatus = QStringLiteral("found");
        } else {
            prediction.alignmentStatus = QStringLiteral("no-face");
        }
        predictions.append(prediction);
    }
    QVERIFY(store.storePredictions(predictions).isOk());

    // Load through the model list, as the main window does.
    QSignalSpy loaded(m_dashboard, &EvaluationDashboard::evaluationLoaded);
    m_dashboard->setProject(&store, attribute);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.constLast().at(0).toBool(), true);
    QCOMPARE(m_dashboard->modelId(), added.value);
    QCOMPARE(m_dashboard->threshold(), 0.6);

    // Hand-labelled set: images 0..3 have yes/no labels and probabilities; 4 is unsure and
    // 5 has no probability.
    QVERIFY(m_dashboard->setDataSet(EvaluationDashboard::ProjectLabelSet));
    QCOMPARE(m_dashboard->evaluationModel()->rowCount(), 4);
    const ConfusionMatrix atThreshold = m_dashboard->confusionMatrixWidget()->matrix();
    QCOMPARE(atThreshold.truePositives, qint64(1)); // 0.91
    QCOMPARE(atThreshold.falseNegatives, qint64(1)); // 0.45
    QCOMPARE(atThreshold.falsePositives, qint64(1)); // 0.66
    QCOMPARE(atThreshold.trueNegatives, qint64(1)); // 0.12

    // Targeting export at the shown threshold.
    const QString csvPath = folder.filePath(QStringLiteral("targets.csv"));
    QSignalSpy exported(m_dashboard, &EvaluationDashboard::exportFinished);
    QVERIFY(m_dashboard->startTargetingExport(csvPath));
    QVERIFY(exported.wait(10000));
    QCOMPARE(exported.at(0).at(1).toString(), QString());
    const QStringList lines = readLines(csvPath);
    const QStringList expected = {
        QStringLiteral("source_kind,source,label,probability,prediction"),
        QStringLiteral("file,%1,yes,0.910000,yes").arg(QDir(folder.path()).filePath(QStringLiteral("picture-0.png"))),
        QStringLiteral("file,%1,no,0.660000,yes").arg(QDir(folder.path()).filePath(QStringLiteral("picture-3.png"))),
        QStringLiteral("handle,account2,yes,0.450000,no"),
        QStringLiteral("url,\"http://127.0.0.1:1/pictures/4,large.png\",unsure,0.300000,no"),
        QStringLiteral("url,\"http://127.0.0.1:1/pictures/1,large.png\",no,0.120000,no"),
    };
    QCOMPARE(lines, expected);

    // The direct call writes the same file.
    int rowCount = 0;
    const QString directPath = folder.filePath(QStringLiteral("direct.csv"));
    QVERIFY2(Exporter::writeTargetingCsv(store, added.value, attribute, 0.6, directPath, &error,
                                         &rowCount),
             qPrintable(error));
    QCOMPARE(rowCount, 5);
    QCOMPARE(readLines(directPath), expected);

    // Saving the threshold stores it with the model.
    m_dashboard->setThreshold(0.35);
    QVERIFY(m_dashboard->saveThresholdButton()->isEnabled());
    QSignalSpy saved(m_dashboard, &EvaluationDashboard::thresholdSaved);
    QTest::mouseClick(m_dashboard->saveThresholdButton(), Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    const auto models = store.models();
    QVERIFY(models.isOk());
    QCOMPARE(models.value.size(), 1);
    QCOMPARE(models.value.at(0).threshold, 0.35);
}

void TestGuiDashboard::screenshot()
{
    m_dashboard->setThreshold(0.5);
    QTest::mouseClick(m_dashboard->confusionMatrixWidget(), Qt::LeftButton, {},
                      m_dashboard->confusionMatrixWidget()->cellRect(1, 0).center());
    QCoreApplication::processEvents();
    const QImage image = m_dashboard->grab().toImage();
    QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1280, 800));
    const QString path =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tst_gui_dashboard.png"));
    QVERIFY(image.save(path));
    qInfo("Screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestGuiDashboard)
#include "tst_gui_dashboard.moc"
