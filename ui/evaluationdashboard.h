#pragma once

#include "evaluationmodel.h"
#include "metrics.h"
#include "trainingpipeline.h"

#include <QFutureWatcher>
#include <QList>
#include <QPointF>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QScatterSeries;
class QSlider;
class QTableView;
class QToolButton;
QT_END_NAMESPACE

namespace ProfileLens {

class ConfusionMatrixWidget;
class ProjectStore;
class ReportTableModel;

/// One scored set of images with everything the dashboard draws from it.
struct EvaluationSetData
{
    std::vector<EvaluationItem> items;
    ThresholdEvaluator evaluator;
    /// Thinned curve points: ROC as (FPR, TPR), precision-recall as (recall, precision).
    QList<QPointF> rocPoints;
    QList<QPointF> precisionRecallPoints;
    double auc = 0.0;
    double averagePrecision = 0.0;

    bool isEmpty() const { return items.empty(); }
};

/// Dashboard contents for one model, built off the GUI thread.
struct EvaluationData
{
    /// Names the file and the reason when the model or its rows could not be read.
    QString errorString;
    QString modelPath;
    /// Project model id, or -1 for a model outside the project.
    qint64 modelId = -1;
    ClassNames classNames;
    double threshold = 0.5;
    /// Indexed by EvaluationDashboard::DataSet.
    EvaluationSetData sets[3];
};

/**
 * The evaluation page: for a chosen model and data set it shows the confusion matrix, the
 * classification report, ROC and precision-recall curves and a per-image table, all at a
 * threshold set by slider or spin box.
 *
 * Curves are computed once per model in the background. Moving the threshold only queries
 * the sorted ThresholdEvaluator (O(log n)). It then updates the matrix, the report, the curve
 * markers and the table's prediction column, and emits thresholdChanged().
 */
class EvaluationDashboard : public QWidget
{
    Q_OBJECT

public:
    enum DataSet { TestSet, TrainingSet, ProjectLabelSet, DataSetCount };

    /// Most points drawn per curve; more add nothing visible at chart size.
    static constexpr int kMaxCurvePoints = 1000;
    /// Steps of the threshold slider over [0, 1]; matches the spin box's 3 decimals.
    static constexpr int kSliderSteps = 1000;

    explicit EvaluationDashboard(QWidget *parent = nullptr);
    ~EvaluationDashboard() override;

    /// Sets the project whose models, labels and predictions are shown. \a store belongs to
    /// the GUI thread and must outlive the dashboard or be replaced; nullptr shows only the
    /// shipped model.
    void setProject(ProjectStore *store, const QString &attribute);
    /// Refills the model list from the project and the shipped model, keeping the choice.
    void reloadModels();

    /// Loads the model at \a modelPath (project model \a modelId, or -1) in the background;
    /// evaluationLoaded() follows.
    void loadModel(const QString &modelPath, qint64 modelId = -1);
    /// Shows \a rows (from an evaluation CSV) and \a projectItems at once, without a model file.
    void setEvaluation(const EvaluationRows &rows, const ClassNames &classNames, double threshold,
                       const std::vector<EvaluationItem> &projectItems = {});
    /// Builds the dashboard's data from evaluation rows and hand-labelled items. Thread-safe.
    static EvaluationData buildEvaluation(const EvaluationRows &rows,
                                          std::vector<EvaluationItem> projectItems,
                                          const ClassNames &classNames, double threshold);
    /// Reads a model's metadata, its evaluation rows and (with \a projectFolder) the project's
    /// hand labels of \a attribute scored by the model's stored predictions. Thread-safe: opens
    /// its own ProjectStore.
    static EvaluationData loadEvaluation(const QString &modelPath, qint64 modelId,
                                         double threshold, const QString &projectFolder,
                                         const QString &attribute);
    /// Returns at most about \a maxPoints of the polyline (x[i], y[i]), dropping points closer
    /// than 1/maxPoints of its length to the last kept one. Keeps the first and last points.
    static QList<QPointF> thinCurve(const std::vector<double> &x, const std::vector<double> &y,
                                    int maxPoints);

    DataSet dataSet() const;
    /// Shows \a set when it has images; returns false otherwise.
    bool setDataSet(DataSet set);
    bool hasDataSet(DataSet set) const;
    double threshold() const;
    const ThresholdEvaluator &currentEvaluator() const;
    ClassificationReport currentReport() const;
    ClassNames classNames() const;
    qint64 modelId() const;
    QString modelPath() const;

    ConfusionMatrixWidget *confusionMatrixWidget() const;
    ReportTableModel *reportModel() const;
    EvaluationModel *evaluationModel() const;
    QTableView *imageTable() const;
    QSlider *thresholdSlider() const;
    QDoubleSpinBox *thresholdSpinBox() const;
    QDoubleSpinBox *targetRecallSpinBox() const;
    QPushButton *bestF1Button() const;
    QPushButton *youdenButton() const;
    QPushButton *balancedButton() const;
    QPushButton *targetRecallButton() const;
    QPushButton *saveThresholdButton() const;
    QChartView *rocChartView() const;
    QChartView *precisionRecallChartView() const;

    /// Writes the report at the current threshold as text.
    bool exportReport(const QString &path, QString *errorString) const;
    /// Writes the ROC or precision-recall chart; a path ending in .svg gives SVG, else PNG.
    bool exportChart(QChartView *view, const QString &path, QString *errorString) const;
    /// Writes the targeting CSV of the project's images scored by the shown project model,
    /// in the background with its own store; exportFinished() follows. Returns false when
    /// no project model is shown.
    bool startTargetingExport(const QString &path);

public Q_SLOTS:
    void setThreshold(double threshold);
    void jumpToBestF1();
    void jumpToYouden();
    void jumpToBalanced();
    void jumpToTargetRecall();
    /// Stores the current threshold with the shown project model.
    bool saveThreshold();
    void clearCellFilter();

Q_SIGNALS:
    void thresholdChanged(double threshold);
    /// Images of a clicked confusion-matrix cell or table row, by source (path or URL).
    void imagesSelected(const QStringList &sources);
    /// The same images by project image id (only images of the project).
    void imageIdsSelected(const QVector<qint64> &imageIds);
    /// A model finished loading; \a ok is false when it could not be read.
    void evaluationLoaded(bool ok);
    /// A threshold was stored with project model \a modelId.
    void thresholdSaved(qint64 modelId, double threshold);
    void exportFinished(const QString &path, const QString &errorString);
    /// A short message for the status bar.
    void statusMessage(const QString &message);

private:
    void buildLayout();
    QWidget *buildThresholdPanel();
    void applyEvaluation(EvaluationData data);
    void rebuildCharts();
    void showCurrentSet();
    void applyThreshold(double threshold, bool force = false);
    void updateThresholdViews();
    void jumpTo(const ThresholdChoice &choice, const QString &criterion);
    void onModelChosen(int index);
    void onDataSetChosen(int index);
    void onCellClicked(int actualClass, int predictedClass);
    void onRowActivated(const QModelIndex &index);
    void chooseExport(int kind);

    ProjectStore *m_store = nullptr;
    QString m_attribute;
    EvaluationData m_data;
    DataSet m_dataSet = TestSet;
    double m_threshold = 0.5;
    /// Model chosen while another was loading; loaded next.
    QString m_pendingModelPath;
    qint64 m_pendingModelId = -1;
    QFutureWatcher<EvaluationData> m_loadWatcher;
    QFutureWatcher<QString> m_exportWatcher;
    QString m_exportPath;

    QComboBox *m_modelCombo = nullptr;
    QComboBox *m_dataSetCombo = nullptr;
    QToolButton *m_exportButton = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QSlider *m_slider = nullptr;
    QDoubleSpinBox *m_spin = nullptr;
    QPushButton *m_bestF1Button = nullptr;
    QPushButton *m_youdenButton = nullptr;
    QPushButton *m_balancedButton = nullptr;
    QDoubleSpinBox *m_recallSpin = nullptr;
    QPushButton *m_recallButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    ConfusionMatrixWidget *m_matrix = nullptr;
    ReportTableModel *m_reportModel = nullptr;
    QTableView *m_reportView = nullptr;
    QChartView *m_rocView = nullptr;
    QChartView *m_prView = nullptr;
    /// One marker per drawn set, indexed by DataSet; nullptr when the set is not drawn.
    QScatterSeries *m_rocMarkers[DataSetCount] = {};
    QScatterSeries *m_prMarkers[DataSetCount] = {};
    EvaluationModel *m_evaluationModel = nullptr;
    QTableView *m_imageTable = nullptr;
    QLabel *m_tableLabel = nullptr;
    QPushButton *m_showAllButton = nullptr;
};

} // namespace ProfileLens
