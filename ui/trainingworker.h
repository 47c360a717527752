#pragma once

#include "trainingpipeline.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <vector>

namespace ProfileLens {

/// Everything one training run needs: the data, the recipe and where the model goes.
struct TrainingRequest
{
    /// Dataset path, selection, split and preprocessing. When useProjectLabels is set, the
    /// worker fills data.images from the project's labels of data.attribute.
    DataRequest data;
    bool useProjectLabels = false;
    /// The recipe. The worker fills checkpointPath from modelPath when it is empty.
    TrainingOptions options;
    /// Model file to write; the checkpoint, history and evaluation rows go beside it.
    QString modelPath;
    /// Project folder the finished model is registered in and made active; empty registers
    /// it nowhere. Also the source of the labels when useProjectLabels is set.
    QString projectFolder;
};

/// Progress of a run, sent at most every TrainingWorker::kMinUpdateIntervalMs.
struct TrainingUpdate
{
    PipelinePhase phase = PipelinePhase::Reading;
    /// Units done and total in this phase (images, or training steps).
    int done = 0;
    int total = 0;
    /// Every training step finished since the previous update, oldest first.
    std::vector<TrainingProgress> steps;
};

/// The result of TrainingWorker::run().
struct TrainingOutcome
{
    /// Error message naming the failed step; empty on success and on cancel.
    QString errorString;
    bool canceled = false;
    QString modelPath;
    QString checkpointPath;
    /// CSV of every step's loss and accuracy, beside the model (written on cancel too).
    QString historyPath;
    /// Id of the model registered in the project, or -1.
    qint64 modelId = -1;
    ModelMetadata metadata;
    /// Step this run started from (non-zero after a resume) and steps completed in total.
    int startStep = 0;
    int steps = 0;
    bool stoppedEarly = false;
    /// PreparedData::summary() of the data that was used.
    QString dataSummary;
    QStringList warnings;

    bool isOk() const { return errorString.isEmpty() && !canceled; }
};

/**
 * Runs prepareData() and trainModel() for the training dialog, then registers the model.
 *
 * Meant to live on its own QThread: start() is a slot reached by a queued call, progress()
 * and finished() reach the GUI by queued connections. cancel() may be called from any thread
 * while a run is in progress; the trainer stops before its next batch. run() is the same
 * work as a plain synchronous call for tests. No exception leaves run() or start().
 */
class TrainingWorker : public QObject
{
    Q_OBJECT

public:
    /// Shortest time between progress() signals (about 20 per second), so thousands of
    /// fast steps do not flood the GUI thread's event queue.
    static constexpr int kMinUpdateIntervalMs = 50;

    explicit TrainingWorker(QObject *parent = nullptr);

    /// Returns a new model path: <projectFolder>/models/<attribute>-<yyyyMMdd-HHmmss>.plmodel.
    static QString newModelPath(const QString &projectFolder, const QString &attribute);
    static QString checkpointPathFor(const QString &modelPath);
    static QString historyPathFor(const QString &modelPath);

    /// Writes \a history as CSV; keeps the rows of an existing file up to \a keepUpToStep
    /// in front, so a resumed run's log covers the steps before the resume as well.
    static bool writeHistory(const QString &path, const std::vector<TrainingProgress> &history,
                             int keepUpToStep, QString *errorString);
    /// Reads a file written by writeHistory().
    static std::vector<TrainingProgress> readHistory(const QString &path);

    /// Runs the request on the calling thread and returns when it has finished or stopped.
    TrainingOutcome run(const TrainingRequest &request);

    /// Asks the running request to stop. Thread-safe.
    void cancel();
    /// Clears a cancel request before the next start(). Call it on the thread that starts.
    void resetCancel();
    bool isCancelRequested() const;

public Q_SLOTS:
    /// Runs \a request and sends finished() with its outcome.
    void start(const ProfileLens::TrainingRequest &request);

Q_SIGNALS:
    void progress(const ProfileLens::TrainingUpdate &update);
    void finished(const ProfileLens::TrainingOutcome &outcome);

private:
    TrainingOutcome runUnguarded(const TrainingRequest &request);

    std::atomic<bool> m_cancel{false};
};

} // namespace ProfileLens

Q_DECLARE_METATYPE(ProfileLens::TrainingRequest)
Q_DECLARE_METATYPE(ProfileLens::TrainingUpdate)
Q_DECLARE_METATYPE(ProfileLens::TrainingOutcome)
