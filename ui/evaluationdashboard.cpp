#include "evaluationdashboard.h"

#include "confusionmatrixwidget.h"
#include "exporter.h"
#include "modelfile.h"
#include "projectstore.h"
#include "reporttablemodel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScatterSeries>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <utility>

namespace ProfileLens {

namespace {

enum ModelRole { ModelPathRole = Qt::UserRole + 1, ModelIdRole, ModelThresholdRole };
enum ExportKind { ExportTargeting, ExportRoc, ExportPrecisionRecall, ExportReport };

/// Curve colours per data set: test, training, hand-labelled.
const QColor kSetColors[EvaluationDashboard::DataSetCount] = {
    QColor(0x1f, 0x77, 0xb4), QColor(0x99, 0x99, 0x99), QColor(0xd6, 0x27, 0x28)};

QString dataSetName(int set)
{
    switch (set) {
    case EvaluationDashboard::TestSet:
        return EvaluationDashboard::tr("Test split");
    case EvaluationDashboard::TrainingSet:
        return EvaluationDashboard::tr("Training split");
    default:
        return EvaluationDashboard::tr("Hand-labelled images");
    }
}

/// Returns the name of \a set in chart legends, short enough that three entries fit below
/// a chart about 400 pixels wide.
QString legendSetName(int set)
{
    switch (set) {
    case EvaluationDashboard::TestSet:
        //: Chart legend: the test split of the model's data set.
        return EvaluationDashboard::tr("Test");
    case EvaluationDashboard::TrainingSet:
        //: Chart legend: the training split of the model's data set.
        return EvaluationDashboard::tr("Train");
    default:
        //: Chart legend: the project images labelled by hand.
        return EvaluationDashboard::tr("Labelled");
    }
}

QString splitKey(int set)
{
    return set == EvaluationDashboard::TestSet ? QStringLiteral("test") : QStringLiteral("train");
}

/// Builds the evaluator and thinned curves of \a set from its items.
void finishSet(EvaluationSetData &set)
{
    std::vector<float> scores;
    std::vector<int> labels;
    scores.reserve(set.items.size());
    labels.reserve(set.items.size());
    for (const EvaluationItem &item : set.items) {
        scores.push_back(item.probability);
        labels.push_back(item.label);
    }
    set.evaluator = ThresholdEvaluator(scores, labels);
    const RocCurve roc = set.evaluator.rocCurve();
    set.rocPoints = EvaluationDashboard::thinCurve(roc.falsePositiveRates, roc.truePositiveRates,
                                                   EvaluationDashboard::kMaxCurvePoints);
    set.auc = roc.auc;
    const PrecisionRecallCurve pr = set.evaluator.precisionRecallCurve();
    set.precisionRecallPoints = EvaluationDashboard::thinCurve(
        pr.recalls, pr.precisions, EvaluationDashboard::kMaxCurvePoints);
    set.averagePrecision = pr.averagePrecision;
}

/// Returns the threshold of \a choice clamped to [0, 1]: +infinity (flag nothing) becomes 1.
double clampedThreshold(const ThresholdChoice &choice)
{
    if (!std::isfinite(choice.threshold))
        return 1.0;
    return std::clamp(choice.threshold, 0.0, 1.0);
}

QChartView *makeChartView(const QString &title, const QString &xTitle, const QString &yTitle)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    auto *xAxis = new QValueAxis(chart);
    xAxis->setRange(0.0, 1.0);
    xAxis->setTitleText(xTitle);
    xAxis->setTickCount(6);
    auto *yAxis = new QValueAxis(chart);
    yAxis->setRange(0.0, 1.0);
    yAxis->setTitleText(yTitle);
    yAxis->setTickCount(6);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 240);
    view->setAccessibleName(title);
    return view;
}

} // namespace

EvaluationDashboard::EvaluationDashboard(QWidget *parent) : QWidget(parent)
{
    buildLayout();
    connect(&m_loadWatcher, &QFutureWatcher<EvaluationData>::finished, this, [this]() {
        // A model chosen while this one loaded wins; this result is dropped.
        if (!m_pendingModelPath.isEmpty()) {
            const QString path = std::exchange(m_pendingModelPath, QString());
            loadModel(path, m_pendingModelId);
            return;
        }
        applyEvaluation(m_loadWatcher.result());
    });
    connect(&m_exportWatcher, &QFutureWatcher<QString>::finished, this, [this]() {
        const QString error = m_exportWatcher.result();
        Q_EMIT statusMessage(error.isEmpty()
                                 ? tr("Exported %1").arg(QDir::toNativeSeparators(m_exportPath))
                                 : error);
        Q_EMIT exportFinished(m_exportPath, error);
    });
    applyEvaluation(EvaluationData());
}

EvaluationDashboard::~EvaluationDashboard()
{
    m_loadWatcher.waitForFinished();
    m_exportWatcher.waitForFinished();
}

void EvaluationDashboard::buildLayout()
{
    // Model and data set
    m_modelCombo = new QComboBox;
    m_modelCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelCombo->setMinimumContentsLength(24);
    m_dataSetCombo = new QComboBox;
    m_exportButton = new QToolButton;
    m_exportButton->setText(tr("&Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Targeting List (CSV)..."), this,
                          [this]() { chooseExport(ExportTargeting); });
    exportMenu->addAction(tr("ROC Chart (PNG or SVG)..."), this, [this]() { chooseExport(ExportRoc); });
    exportMenu->addAction(tr("Precision-Recall Chart (PNG or SVG)..."), this,
                          [this]() { chooseExport(ExportPrecisionRecall); });
    exportMenu->addAction(tr("Report (Text)..."), this, [this]() { chooseExport(ExportReport); });
    m_exportButton->setMenu(exportMenu);
    m_summaryLabel = new QLabel;
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *modelLabel = new QLabel(tr("&Model:"));
    modelLabel->setBuddy(m_modelCombo);
    auto *dataLabel = new QLabel(tr("&Data:"));
    dataLabel->setBuddy(m_dataSetCombo);
    auto *topRow = new QHBoxLayout;
    topRow->addWidget(modelLabel);
    topRow->addWidget(m_modelCombo, 2);
    topRow->addSpacing(12);
    topRow->addWidget(dataLabel);
    topRow->addWidget(m_dataSetCombo, 1);
    topRow->addSpacing(12);
    topRow->addWidget(m_summaryLabel, 2);
    topRow->addWidget(m_exportButton);

    // Left: threshold, confusion matrix, report
    m_matrix = new ConfusionMatrixWidget;
    m_reportModel = new ReportTableModel(this);
    m_reportView = new QTableView;
    m_reportView->setModel(m_reportModel);
    m_reportView->setAccessibleName(tr("Classification report"));
    m_reportView->setSelectionMode(QAbstractItemView::NoSelection);
    m_reportView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_reportView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_reportView->verticalHeader()->setDefaultSectionSize(m_reportView->fontMetrics().height() + 6);
    m_reportView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_reportView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Exactly tall enough for the five rows, so the table never scrolls or leaves a gap.
    const int reportHeight = m_reportView->horizontalHeader()->sizeHint().height()
        + ReportTableModel::RowCount * m_reportView->verticalHeader()->defaultSectionSize()
        + 2 * m_reportView->frameWidth();
    m_reportView->setFixedHeight(reportHeight);

    auto *matrixBox = new QGroupBox(tr("Confusion matrix"));
    auto *matrixLayout = new QVBoxLayout(matrixBox);
    matrixLayout->addWidget(m_matrix, 1);
    auto *reportBox = new QGroupBox(tr("Classification report"));
    auto *reportLayout = new QVBoxLayout(reportBox);
    reportLayout->addWidget(m_reportView);

    auto *leftPanel = new QWidget;
    auto *leftLayout = new QVBoxLayout(leftPanel);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(buildThresholdPanel());
    leftLayout->addWidget(matrixBox, 1);
    leftLayout->addWidget(reportBox);

    // Right: charts above the per-image table
    m_rocView = makeChartView(tr("ROC curve"), tr("False positive rate"), tr("True positive rate"));
    m_prView = makeChartView(tr("Precision-recall curve"), tr("Recall"), tr("Precision"));
    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_rocView);
    charts->addWidget(m_prView);
    charts->setSizes({430, 430});

    m_evaluationModel = new EvaluationModel(this);
    m_imageTable = new QTableView;
    m_imageTable->setModel(m_evaluationModel);
    m_imageTable->setAccessibleName(tr("Images of the data set"));
    m_imageTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_imageTable->verticalHeader()->hide();
    m_imageTable->verticalHeader()->setDefaultSectionSize(EvaluationModel::kThumbnailSize + 6);
    m_imageTable->setIconSize(QSize(EvaluationModel::kThumbnailSize, EvaluationModel::kThumbnailSize));
    m_imageTable->horizontalHeader()->setStretchLastSection(true);
    m_imageTable->setColumnWidth(EvaluationModel::ThumbnailColumn, EvaluationModel::kThumbnailSize + 16);
    m_imageTable->setColumnWidth(EvaluationModel::ProbabilityColumn, 90);
    m_imageTable->setColumnWidth(EvaluationModel::PredictionColumn, 130);
    m_imageTable->setColumnWidth(EvaluationModel::LabelColumn, 130);
    m_tableLabel = new QLabel;
    m_showAllButton = new QPushButton(tr("Show &All Images"));
    auto *tableHeader = new QHBoxLayout;
    tableHeader->addWidget(m_tableLabel, 1);
    tableHeader->addWidget(m_showAllButton);
    auto *tablePanel = new QWidget;
    auto *tableLayout = new QVBoxLayout(tablePanel);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(tableHeader);
    tableLayout->addWidget(m_imageTable, 1);

    auto *rightSplitter = new QSplitter(Qt::Vertical);
    rightSplitter->addWidget(charts);
    rightSplitter->addWidget(tablePanel);
    rightSplitter->setStretchFactor(0, 3);
    rightSplitter->setStretchFactor(1, 2);
    rightSplitter->setSizes({440, 320});

    auto *mainSplitter = new QSplitter(Qt::Horizontal);
    mainSplitter->addWidget(leftPanel);
    mainSplitter->addWidget(rightSplitter);
    mainSplitter->setStretchFactor(0, 0);
    mainSplitter->setStretchFactor(1, 1);
    mainSplitter->setSizes({420, 860});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(topRow);
    layout->addWidget(mainSplitter, 1);

    connect(m_modelCombo, &QComboBox::activated, this, &EvaluationDashboard::onModelChosen);
    connect(m_dataSetCombo, &QComboBox::activated, this, &EvaluationDashboard::onDataSetChosen);
    connect(m_matrix, &ConfusionMatrixWidget::cellClicked, this,
            &EvaluationDashboard::onCellClicked);
    connect(m_imageTable, &QTableView::activated, this, &EvaluationDashboard::onRowActivated);
    connect(m_showAllButton, &QPushButton::clicked, this, &EvaluationDashboard::clearCellFilter);
}

QWidget *EvaluationDashboard::buildThresholdPanel()
{
    m_slider = new QSlider(Qt::Horizontal);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setPageStep(kSliderSteps / 20);
    m_slider->setAccessibleName(tr("Threshold"));
    m_spin = new QDoubleSpinBox;
    m_spin->setRange(0.0, 1.0);
    m_spin->setDecimals(3);
    m_spin->setSingleStep(0.001);
    m_spin->setAccessibleName(tr("Threshold"));
    m_bestF1Button = new QPushButton(tr("Max &F1"));
    m_bestF1Button->setToolTip(tr("Threshold with the highest F1 score on this data"));
    m_youdenButton = new QPushButton(tr("&Youden"));
    m_youdenButton->setToolTip(tr("Threshold with the highest true positive rate minus false "
                                  "positive rate"));
    m_balancedButton = new QPushButton(tr("&Balanced"));
    m_balancedButton->setToolTip(tr("Threshold that flags as many images as have the attribute, "
                                    "where precision equals recall"));
    m_recallSpin = new QDoubleSpinBox;
    m_recallSpin->setRange(0.0, 1.0);
    m_recallSpin->setDecimals(3);
    m_recallSpin->setSingleStep(0.01);
    m_recallSpin->setValue(0.95);
    m_recallSpin->setAccessibleName(tr("Target recall"));
    m_recallButton = new QPushButton(tr("&Recall at least"));
    m_recallButton->setToolTip(tr("Highest threshold whose recall reaches the target"));
    m_saveButton = new QPushButton(tr("&Save Threshold"));
    m_saveButton->setToolTip(tr("Store this threshold with the model"));

    auto *box = new QGroupBox(tr("Threshold"));
    auto *grid = new QGridLayout(box);
    grid->addWidget(m_slider, 0, 0, 1, 3);
    grid->addWidget(m_spin, 0, 3);
    grid->addWidget(m_bestF1Button, 1, 0);
    grid->addWidget(m_youdenButton, 1, 1);
    grid->addWidget(m_balancedButton, 1, 2);
    grid->addWidget(m_recallButton, 2, 0);
    grid->addWidget(m_recallSpin, 2, 1);
    grid->addWidget(m_saveButton, 2, 3);

    connect(m_slider, &QSlider::valueChanged, this,
            [this](int value) { applyThreshold(double(value) / kSliderSteps); });
    connect(m_spin, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { applyThreshold(value); });
    connect(m_bestF1Button, &QPushButton::clicked, this, &EvaluationDashboard::jumpToBestF1);
    connect(m_youdenButton, &QPushButton::clicked, this, &EvaluationDashboard::jumpToYouden);
    connect(m_balancedButton, &QPushButton::clicked, this, &EvaluationDashboard::jumpToBalanced);
    connect(m_recallButton, &QPushButton::clicked, this, &EvaluationDashboard::jumpToTargetRecall);
    connect(m_saveButton, &QPushButton::clicked, this, &EvaluationDashboard::saveThreshold);
    return box;
}

void EvaluationDashboard::setProject(ProjectStore *store, const QString &attribute)
{
    m_store = store;
    m_attribute = attribute;
    reloadModels();
}

void EvaluationDashboard::reloadModels()
{
    const QString chosenPath = m_modelCombo->currentData(ModelPathRole).toString();
    m_modelCombo->clear();
    if (m_store && m_store->isOpen()) {
        const auto models = m_store->models();
        if (models.isOk()) {
            for (const ModelRecord &model : models.value) {
                const QString path = resolveModelPath(model.filePath, m_store->folder());
                const QString text = model.active ? tr("%1 (active)").arg(model.name) : model.name;
                m_modelCombo->addItem(text);
                const int row = m_modelCombo->count() - 1;
                m_modelCombo->setItemData(row, path, ModelPathRole);
                m_modelCombo->setItemData(row, model.id, ModelIdRole);
                m_modelCombo->setItemData(row, model.threshold, ModelThresholdRole);
            }
        }
    }
    const QString shipped = defaultModelPath();
    if (!shipped.isEmpty()) {
        m_modelCombo->addItem(tr("Shipped model (%1)").arg(QFileInfo(shipped).fileName()));
        const int row = m_modelCombo->count() - 1;
        m_modelCombo->setItemData(row, shipped, ModelPathRole);
        m_modelCombo->setItemData(row, qint64(-1), ModelIdRole);
        m_modelCombo->setItemData(row, -1.0, ModelThresholdRole);
    }
    if (m_modelCombo->count() == 0)
        return;

    int index = m_modelCombo->findData(chosenPath, ModelPathRole);
    if (index < 0) {
        // Prefer the active model, then the first in the list.
        index = 0;
        for (int i = 0; i < m_modelCombo->count(); ++i) {
            if (m_modelCombo->itemText(i).endsWith(tr("(active)")))
                index = i;
        }
    }
    m_modelCombo->setCurrentIndex(index);
    onModelChosen(index);
}

void EvaluationDashboard::onModelChosen(int index)
{
    if (index < 0)
        return;
    const QString path = m_modelCombo->itemData(index, ModelPathRole).toString();
    const qint64 id = m_modelCombo->itemData(index, ModelIdRole).toLongLong();
    if (path == m_data.modelPath && id == m_data.modelId && !m_loadWatcher.isRunning())
        return;
    loadModel(path, id);
}

void EvaluationDashboard::loadModel(const QString &modelPath, qint64 modelId)
{
    double threshold = -1.0;
    const int index = m_modelCombo->findData(modelPath, ModelPathRole);
    if (index >= 0)
        threshold = m_modelCombo->itemData(index, ModelThresholdRole).toDouble();
    const QString folder = m_store && m_store->isOpen() ? m_store->folder() : QString();
    const QString attribute = m_attribute;
    m_summaryLabel->setText(tr("Loading %1...").arg(QFileInfo(modelPath).fileName()));
    if (m_loadWatcher.isRunning()) {
        m_pendingModelPath = modelPath;
        m_pendingModelId = modelId;
        return;
    }
    m_loadWatcher.setFuture(QtConcurrent::run([=]() {
        return loadEvaluation(modelPath, modelId, threshold, folder, attribute);
    }));
}

EvaluationData EvaluationDashboard::loadEvaluation(const QString &modelPath, qint64 modelId,
                                                   double threshold, const QString &projectFolder,
                                                   const QString &attribute)
{
    EvaluationData failed;
    failed.modelPath = modelPath;
    failed.modelId = modelId;

    // Model metadata
    ModelMetadata metadata;
    QString error;
    if (!ModelFile::readMetadata(modelPath, &metadata, &error)) {
        failed.errorString = error;
        return failed;
    }
    ClassNames classNames;
    if (metadata.classNames.size() == 2)
        classNames = ClassNames{metadata.classNames.at(0), metadata.classNames.at(1)};
    const double chosenThreshold = threshold >= 0.0 ? threshold : metadata.threshold;

    // Evaluation rows beside the model; a model without them still shows project labels.
    EvaluationRows rows;
    QString rowsError;
    const QString rowsPath = evaluationPathForModel(modelPath);
    if (QFileInfo::exists(rowsPath) && !readEvaluationRows(rowsPath, &rows, &rowsError)) {
        failed.errorString = rowsError;
        return failed;
    }

    // Hand labels scored by the stored predictions
    std::vector<EvaluationItem> projectItems;
    if (!projectFolder.isEmpty() && modelId >= 0) {
        ProjectStore store;
        if (store.open(projectFolder).isOk()) {
            const auto labels = store.labels(attribute.isEmpty() ? metadata.attribute : attribute);
            const auto predictions = store.predictions(modelId);
            const auto images = store.images();
            if (labels.isOk() && predictions.isOk() && images.isOk()) {
                QHash<qint64, double> probabilities;
                for (const PredictionRecord &prediction : predictions.value) {
                    if (prediction.probability.has_value())
                        probabilities.insert(prediction.imageId, *prediction.probability);
                }
                QHash<qint64, const ImageRecord *> imagesById;
                for (const ImageRecord &image : images.value)
                    imagesById.insert(image.id, &image);
                for (const LabelRecord &label : labels.value) {
                    const ImageRecord *image = imagesById.value(label.imageId);
                    if (label.value == LabelValue::Unsure || !image
                        || !probabilities.contains(label.imageId))
                        continue;
                    EvaluationItem item;
                    item.filePath = store.imageFilePath(*image);
                    item.source = image->source.kind == ImageSourceKind::Handle
                        ? QLatin1Char('@') + image->source.handle
                        : (image->source.location.isEmpty() ? item.filePath
                                                            : image->source.location);
                    item.label = label.value == LabelValue::Yes ? 1 : 0;
                    item.probability = float(probabilities.value(label.imageId));
                    item.imageId = image->id;
                    projectItems.push_back(item);
                }
            }
        }
    }

    EvaluationData data = buildEvaluation(rows, std::move(projectItems), classNames, chosenThreshold);
    data.modelPath = modelPath;
    data.modelId = modelId;
    return data;
}

EvaluationData EvaluationDashboard::buildEvaluation(const EvaluationRows &rows,
                                                    std::vector<EvaluationItem> projectItems,
                                                    const ClassNames &classNames, double threshold)
{
    EvaluationData data;
    data.classNames = classNames;
    data.threshold = std::clamp(threshold, 0.0, 1.0);
    for (int i = 0; i < rows.sources.size(); ++i) {
        const QString &split = rows.splits.at(i);
        int set = -1;
        if (split == splitKey(TestSet))
            set = TestSet;
        else if (split == splitKey(TrainingSet))
            set = TrainingSet;
        if (set < 0)
            continue;
        EvaluationItem item;
        item.source = rows.sources.at(i);
        item.filePath = item.source;
        item.label = rows.labels[std::size_t(i)];
        item.probability = rows.probabilities[std::size_t(i)];
        data.sets[set].items.push_back(item);
    }
    data.sets[ProjectLabelSet].items = std::move(projectItems);
    for (EvaluationSetData &set : data.sets)
        finishSet(set);
    return data;
}

void EvaluationDashboard::setEvaluation(const EvaluationRows &rows, const ClassNames &classNames,
                                        double threshold,
                                        const std::vector<EvaluationItem> &projectItems)
{
    m_pendingModelPath.clear();
    m_loadWatcher.waitForFinished();
    EvaluationData data = buildEvaluation(rows, projectItems, classNames, threshold);
    data.modelPath.clear();
    data.modelId = -1;
    applyEvaluation(std::move(data));
}

void EvaluationDashboard::applyEvaluation(EvaluationData data)
{
    m_data = std::move(data);
    const bool ok = m_data.errorString.isEmpty();

    // Data set choice: keep the current one when it still has images.
    m_dataSetCombo->clear();
    for (int set = 0; set < DataSetCount; ++set) {
        if (!m_data.sets[set].isEmpty())
            m_dataSetCombo->addItem(dataSetName(set), set);
    }
    if (!hasDataSet(m_dataSet)) {
        m_dataSet = TestSet;
        for (int set = 0; set < DataSetCount; ++set) {
            if (hasDataSet(DataSet(set))) {
                m_dataSet = DataSet(set);
                break;
            }
        }
    }
    m_dataSetCombo->setCurrentIndex(m_dataSetCombo->findData(int(m_dataSet)));

    rebuildCharts();
    showCurrentSet();
    applyThreshold(m_data.threshold, true);

    const bool projectModel = m_data.modelId >= 0 && m_store;
    m_saveButton->setEnabled(projectModel);
    m_saveButton->setToolTip(projectModel ? tr("Store this threshold with the model")
                                          : tr("Only thresholds of project models can be stored"));
    if (!ok) {
        m_summaryLabel->setText(m_data.errorString);
        Q_EMIT statusMessage(m_data.errorString);
    }
    Q_EMIT evaluationLoaded(ok);
}

void EvaluationDashboard::rebuildCharts()
{
    const QLocale locale;
    for (QChartView *view : {m_rocView, m_prView}) {
        QChart *chart = view->chart();
        chart->removeAllSeries();
        const bool roc = view == m_rocView;
        const QList<QAbstractAxis *> axes = chart->axes();

        if (roc) {
            // The diagonal of a classifier that guesses.
            auto *chance = new QLineSeries;
            chance->append(0.0, 0.0);
            chance->append(1.0, 1.0);
            chance->setPen(QPen(Qt::lightGray, 1, Qt::DashLine));
            chart->addSeries(chance);
            for (QAbstractAxis *axis : axes)
                chance->attachAxis(axis);
            chart->legend()->markers(chance).constFirst()->setVisible(false);
        }

        // Training first, so the test curve is drawn on top of it.
        for (int set : {int(TrainingSet), int(ProjectLabelSet), int(TestSet)}) {
            QScatterSeries *&marker = roc ? m_rocMarkers[set] : m_prMarkers[set];
            marker = nullptr;
            const EvaluationSetData &data = m_data.sets[set];
            if (data.isEmpty())
                continue;
            auto *curve = new QLineSeries;
            curve->append(roc ? data.rocPoints : data.precisionRecallPoints);
            //: Chart legend entry: data set name, then area under the ROC curve.
            const QString rocName = tr("%1 AUC %2").arg(legendSetName(set),
                                                        locale.toString(data.auc, 'f', 3));
            //: Chart legend entry: data set name, then average precision.
            const QString prName = tr("%1 AP %2").arg(
                legendSetName(set), locale.toString(data.averagePrecision, 'f', 3));
            curve->setName(roc ? rocName : prName);
            curve->setPen(QPen(kSetColors[set], set == TestSet ? 2.5 : 1.5));
            chart->addSeries(curve);
            marker = new QScatterSeries;
            marker->setMarkerSize(11);
            marker->setColor(kSetColors[set]);
            marker->setBorderColor(Qt::black);
            marker->append(0.0, 0.0);
            chart->addSeries(marker);
            for (QAbstractAxis *axis : axes) {
                curve->attachAxis(axis);
                marker->attachAxis(axis);
            }
            chart->legend()->markers(marker).constFirst()->setVisible(false);
        }
    }
}

void EvaluationDashboard::showCurrentSet()
{
    const EvaluationSetData &set = m_data.sets[m_dataSet];
    m_evaluationModel->setItems(set.items, m_data.classNames);
    m_evaluationModel->setThreshold(m_threshold);
    const QLocale locale;
    if (m_data.errorString.isEmpty()) {
        m_summaryLabel->setText(
            tr("%1 images, %2 with the attribute, AUC %3")
                .arg(locale.toString(set.evaluator.size()),
                     locale.toString(set.evaluator.positiveCount()),
                     locale.toString(set.auc, 'f', 3)));
    }
    m_tableLabel->setText(tr("All %1 images, highest probability first")
                              .arg(locale.toString(qint64(set.items.size()))));
    const bool hasData = !set.isEmpty();
    for (QWidget *widget : std::initializer_list<QWidget *>{
             m_bestF1Button, m_youdenButton, m_balancedButton, m_recallButton, m_recallSpin,
             m_slider, m_spin})
        widget->setEnabled(hasData);
    updateThresholdViews();
}

void EvaluationDashboard::onDataSetChosen(int index)
{
    setDataSet(DataSet(m_dataSetCombo->itemData(index).toInt()));
}

bool EvaluationDashboard::setDataSet(DataSet set)
{
    if (!hasDataSet(set))
        return false;
    m_dataSet = set;
    m_dataSetCombo->setCurrentIndex(m_dataSetCombo->findData(int(set)));
    showCurrentSet();
    return true;
}

bool EvaluationDashboard::hasDataSet(DataSet set) const
{
    return set >= 0 && set < DataSetCount && !m_data.sets[set].isEmpty();
}

EvaluationDashboard::DataSet EvaluationDashboard::dataSet() const
{
    return m_dataSet;
}

double EvaluationDashboard::threshold() const
{
    return m_threshold;
}

const ThresholdEvaluator &EvaluationDashboard::currentEvaluator() const
{
    return m_data.sets[m_dataSet].evaluator;
}

ClassificationReport EvaluationDashboard::currentReport() const
{
    return currentEvaluator().report(m_threshold, m_data.classNames);
}

ClassNames EvaluationDashboard::classNames() const
{
    return m_data.classNames;
}

qint64 EvaluationDashboard::modelId() const
{
    return m_data.modelId;
}

QString EvaluationDashboard::modelPath() const
{
    return m_data.modelPath;
}

void EvaluationDashboard::setThreshold(double threshold)
{
    applyThreshold(threshold);
}

void EvaluationDashboard::applyThreshold(double threshold, bool force)
{
    threshold = std::clamp(threshold, 0.0, 1.0);
    if (threshold == m_threshold && !force)
        return;
    m_threshold = threshold;
    {
        const QSignalBlocker sliderBlocker(m_slider);
        const QSignalBlocker spinBlocker(m_spin);
        m_slider->setValue(int(std::lround(threshold * kSliderSteps)));
        // Setting the value the box already has would still rewrite its text, which cuts off
        // a number the analyst is typing ("0" would become "0.000" before ".99" arrives).
        if (m_spin->value() != m_spin->valueFromText(m_spin->textFromValue(threshold)))
            m_spin->setValue(threshold);
    }
    updateThresholdViews();
    Q_EMIT thresholdChanged(threshold);
}

void EvaluationDashboard::updateThresholdViews()
{
    const ClassificationReport report = currentReport();
    m_matrix->setMatrix(report.confusion, m_data.classNames);
    m_reportModel->setReport(report);
    m_evaluationModel->setThreshold(m_threshold);
    if (m_evaluationModel->hasCellFilter())
        m_tableLabel->setText(tr("%1 images of the chosen cell")
                                  .arg(QLocale().toString(m_evaluationModel->rowCount())));

    // Move the markers; the curves stay as they are.
    for (int set = 0; set < DataSetCount; ++set) {
        if (!m_rocMarkers[set] || !m_prMarkers[set])
            continue;
        const ConfusionMatrix counts = m_data.sets[set].evaluator.confusionMatrix(m_threshold);
        const double positives = double(counts.actualPositives());
        const double negatives = double(counts.actualNegatives());
        const double recall = positives > 0 ? counts.truePositives / positives : 0.0;
        const double falsePositiveRate = negatives > 0 ? counts.falsePositives / negatives : 0.0;
        // With nothing flagged, precision is taken as 1, where the curve starts.
        const double precision = counts.predictedPositives() > 0
            ? double(counts.truePositives) / double(counts.predictedPositives())
            : 1.0;
        m_rocMarkers[set]->replace(0, QPointF(falsePositiveRate, recall));
        m_prMarkers[set]->replace(0, QPointF(recall, precision));
    }
}

void EvaluationDashboard::jumpTo(const ThresholdChoice &choice, const QString &criterion)
{
    if (!choice.isValid) {
        Q_EMIT statusMessage(tr("No %1 threshold exists for this data: it needs images with "
                                "and without the attribute.")
                                 .arg(criterion));
        return;
    }
    applyThreshold(clampedThreshold(choice));
}

void EvaluationDashboard::jumpToBestF1()
{
    jumpTo(currentEvaluator().bestF1Threshold(), tr("maximum-F1"));
}

void EvaluationDashboard::jumpToYouden()
{
    jumpTo(currentEvaluator().bestYoudenThreshold(), tr("Youden"));
}

void EvaluationDashboard::jumpToBalanced()
{
    jumpTo(currentEvaluator().balancedThreshold(), tr("balanced"));
}

void EvaluationDashboard::jumpToTargetRecall()
{
    jumpTo(currentEvaluator().thresholdForRecall(m_recallSpin->value()), tr("target-recall"));
}

bool EvaluationDashboard::saveThreshold()
{
    if (!m_store || m_data.modelId < 0) {
        Q_EMIT statusMessage(tr("Only thresholds of the project's own models can be stored."));
        return false;
    }
    const StoreStatus status = m_store->setModelThreshold(m_data.modelId, m_threshold);
    if (!status.isOk()) {
        Q_EMIT statusMessage(status.errorString);
        return false;
    }
    const int index = m_modelCombo->findData(m_data.modelId, ModelIdRole);
    if (index >= 0)
        m_modelCombo->setItemData(index, m_threshold, ModelThresholdRole);
    Q_EMIT statusMessage(tr("Threshold %1 stored with the model.").arg(m_threshold, 0, 'f', 3));
    Q_EMIT thresholdSaved(m_data.modelId, m_threshold);
    return true;
}

void EvaluationDashboard::onCellClicked(int actualClass, int predictedClass)
{
    m_evaluationModel->setCellFilter(actualClass, predictedClass);
    const QString names[2] = {m_data.classNames.negative, m_data.classNames.positive};
    m_tableLabel->setText(tr("%1 images labelled %2 and predicted %3")
                              .arg(QLocale().toString(m_evaluationModel->rowCount()),
                                   names[actualClass ? 1 : 0], names[predictedClass ? 1 : 0]));
    Q_EMIT imagesSelected(m_evaluationModel->visibleSources());
    Q_EMIT imageIdsSelected(m_evaluationModel->visibleImageIds());
}

void EvaluationDashboard::clearCellFilter()
{
    m_evaluationModel->clearCellFilter();
    m_tableLabel->setText(tr("All %1 images, highest probability first")
                              .arg(QLocale().toString(m_evaluationModel->rowCount())));
}

void EvaluationDashboard::onRowActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const EvaluationItem &item = m_evaluationModel->itemAt(index.row());
    Q_EMIT imagesSelected({item.source});
    if (item.imageId >= 0)
        Q_EMIT imageIdsSelected({item.imageId});
}

bool EvaluationDashboard::exportReport(const QString &path, QString *errorString) const
{
    return Exporter::writeReportText(currentReport(), path, errorString);
}

bool EvaluationDashboard::exportChart(QChartView *view, const QString &path,
                                      QString *errorString) const
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
        return Exporter::writeWidgetSvg(view, path, view->chart()->title(), errorString);
    return Exporter::writeWidgetPng(view, path, errorString);
}

bool EvaluationDashboard::startTargetingExport(const QString &path)
{
    if (!m_store || !m_store->isOpen() || m_data.modelId < 0 || m_exportWatcher.isRunning())
        return false;
    const QString folder = m_store->folder();
    const qint64 modelId = m_data.modelId;
    const QString attribute = m_attribute;
    const double threshold = m_threshold;
    m_exportPath = path;
    m_exportWatcher.setFuture(QtConcurrent::run([=]() -> QString {
        ProjectStore store;
        const StoreStatus opened = store.open(folder);
        if (!opened.isOk())
            return opened.errorString;
        QString error;
        if (!Exporter::writeTargetingCsv(store, modelId, attribute, threshold, path, &error))
            return error;
        return {};
    }));
    return true;
}

void EvaluationDashboard::chooseExport(int kind)
{
    QString error;
    QString path;
    switch (kind) {
    case ExportTargeting:
        if (!m_store || m_data.modelId < 0) {
            Q_EMIT statusMessage(tr("Choose one of the project's models to export its "
                                    "predictions."));
            return;
        }
        path = QFileDialog::getSaveFileName(this, tr("Export Targeting List"), QString(),
                                            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            startTargetingExport(path);
        return;
    case ExportRoc:
    case ExportPrecisionRecall:
        path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QString(),
                                            tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (path.isEmpty())
            return;
        if (!exportChart(kind == ExportRoc ? m_rocView : m_prView, path, &error)) {
            Q_EMIT statusMessage(error);
            return;
        }
        break;
    default:
        path = QFileDialog::getSaveFileName(this, tr("Export Report"), QString(),
                                            tr("Text files (*.txt)"));
        if (path.isEmpty())
            return;
        if (!exportReport(path, &error)) {
            Q_EMIT statusMessage(error);
            return;
        }
        break;
    }
    Q_EMIT statusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

ConfusionMatrixWidget *EvaluationDashboard::confusionMatrixWidget() const { return m_matrix; }
ReportTableModel *EvaluationDashboard::reportModel() const { return m_reportModel; }
EvaluationModel *EvaluationDashboard::evaluationModel() const { return m_evaluationModel; }
QTableView *EvaluationDashboard::imageTable() const { return m_imageTable; }
QSlider *EvaluationDashboard::thresholdSlider() const { return m_slider; }
QDoubleSpinBox *EvaluationDashboard::thresholdSpinBox() const { return m_spin; }
QDoubleSpinBox *EvaluationDashboard::targetRecallSpinBox() const { return m_recallSpin; }
QPushButton *EvaluationDashboard::bestF1Button() const { return m_bestF1Button; }
QPushButton *EvaluationDashboard::youdenButton() const { return m_youdenButton; }
QPushButton *EvaluationDashboard::balancedButton() const { return m_balancedButton; }
QPushButton *EvaluationDashboard::targetRecallButton() const { return m_recallButton; }
QPushButton *EvaluationDashboard::saveThresholdButton() const { return m_saveButton; }
QChartView *EvaluationDashboard::rocChartView() const { return m_rocView; }
QChartView *EvaluationDashboard::precisionRecallChartView() const { return m_prView; }

QList<QPointF> EvaluationDashboard::thinCurve(const std::vector<double> &x,
                                              const std::vector<double> &y, int maxPoints)
{
    QList<QPointF> points;
    const std::size_t count = std::min(x.size(), y.size());
    if (count == 0)
        return points;
    double length = 0.0;
    for (std::size_t i = 1; i < count; ++i)
        length += std::abs(x[i] - x[i - 1]) + std::abs(y[i] - y[i - 1]);
    const double minStep = maxPoints > 0 ? length / maxPoints : 0.0;
    points.append(QPointF(x[0], y[0]));
    double sinceLast = 0.0;
    for (std::size_t i = 1; i + 1 < count; ++i) {
        sinceLast += std::abs(x[i] - x[i - 1]) + std::abs(y[i] - y[i - 1]);
        if (sinceLast >= minStep) {
            points.append(QPointF(x[i], y[i]));
            sinceLast = 0.0;
        }
    }
    if (count > 1)
        points.append(QPointF(x[count - 1], y[count - 1]));
    return points;
}

} // namespace ProfileLens
