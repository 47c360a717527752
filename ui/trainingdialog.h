#pragma once

#include "trainingworker.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QRectF>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QThread;
QT_END_NAMESPACE

namespace ProfileLens {

class PredictAllWorker;
struct PredictAllResult;
class TrainingChart;

/**
 * Trains a model on a dataset or on the project's labels, with live progress.
 *
 * Training runs in a TrainingWorker on the dialog's own thread, so the dialog stays
 * responsive. It can cancel the run, resume it from its checkpoint, and afterwards run the
 * new model over every project image ("Predict all").
 */
class TrainingDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TrainingDialog(QWidget *parent = nullptr);
    /// Cancels a running job and waits for its thread.
    ~TrainingDialog() override;

    /// Sets the project whose labels can be trained on and where models are registered;
    /// an empty folder trains without a project. \a attributes are the project's attributes.
    void setProject(const QString &folder, const QStringList &attributes,
                    const QString &currentAttribute);
    QString projectFolder() const;

    /// Builds the request from the form, with a new model path.
    TrainingRequest request() const;
    /// Fills the form from \a request (the dataset path, attribute and recipe).
    void setRequest(const TrainingRequest &request);

    bool isRunning() const;
    /// The worker, for tests and for connecting to its signals.
    TrainingWorker *worker() const;
    TrainingChart *chart() const;
    /// The last finished run.
    TrainingOutcome lastOutcome() const;

public Q_SLOTS:
    /// Starts a new run from the form.
    void startTraining();
    /// Continues the last run from its checkpoint.
    void resumeTraining();
    void cancelTraining();
    /// Runs the project's active model over every project image.
    void predictAll();

Q_SIGNALS:
    /// A model was trained and, with a project, registered and made active (\a modelId -1
    /// without a project).
    void modelTrained(qint64 modelId, const QString &modelPath);
    /// Predict all stored \a count probabilities for \a modelId.
    void predictionsStored(qint64 modelId, int count);
    /// Asks the worker to run a request; connected to TrainingWorker::start across threads.
    void runRequested(const ProfileLens::TrainingRequest &request);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void buildForm();
    void launch(const TrainingRequest &request);
    void onProgress(const TrainingUpdate &update);
    void onFinished(const TrainingOutcome &outcome);
    void onPredictAllFinished(const PredictAllResult &result);
    void updateButtons();
    void updateSourceWidgets();
    void browseDataset();
    /// The key of the face region for \a attribute: "face+eyes" (whole face and eye band) for
    /// Eyeglasses, "face" for every other attribute.
    static QString regionForAttribute(const QString &attribute);
    void selectRegion(const QString &region);
    /// Sets the input size to the default of the selected region.
    void applyRegionDefaults();
    QString remainingTimeText(const TrainingProgress &step) const;

    QString m_projectFolder;

    QRadioButton *m_datasetRadio = nullptr;
    QRadioButton *m_projectRadio = nullptr;
    QLineEdit *m_datasetEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QComboBox *m_attributeCombo = nullptr;
    QComboBox *m_selectionCombo = nullptr;
    QSpinBox *m_sizeSpin = nullptr;
    QComboBox *m_splitCombo = nullptr;
    QSpinBox *m_stepsSpin = nullptr;
    QSpinBox *m_batchSpin = nullptr;
    QDoubleSpinBox *m_learningRateSpin = nullptr;
    QSpinBox *m_seedSpin = nullptr;
    QSpinBox *m_threadsSpin = nullptr;
    QCheckBox *m_augmentationCheck = nullptr;
    QSpinBox *m_networksSpin = nullptr;
    QCheckBox *m_mirrorCheck = nullptr;
    QComboBox *m_thresholdRuleCombo = nullptr;
    QComboBox *m_architectureCombo = nullptr;
    QComboBox *m_regionCombo = nullptr;
    QSpinBox *m_inputWidthSpin = nullptr;
    QSpinBox *m_inputHeightSpin = nullptr;
    /// Set once the user picks a face region, which then no longer follows the attribute.
    bool m_regionChosen = false;
    QDoubleSpinBox *m_weightDecaySpin = nullptr;

    QLabel *m_phaseLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_remainingLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    TrainingChart *m_chart = nullptr;

    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QPushButton *m_predictButton = nullptr;
    QPushButton *m_closeButton = nullptr;

    QThread *m_thread = nullptr;
    TrainingWorker *m_worker = nullptr;
    PredictAllWorker *m_predictWorker = nullptr;
    bool m_running = false;
    /// The request of the last run, kept for Resume.
    TrainingRequest m_lastRequest;
    bool m_hasLastRequest = false;
    TrainingOutcome m_lastOutcome;
    /// First step and its elapsed time in the current run, for the remaining-time estimate.
    int m_firstStep = -1;
    double m_firstElapsed = 0.0;
};

} // namespace ProfileLens
