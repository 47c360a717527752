#pragma once

#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace ProfileLens {

/// Outcome of running a model over every image of a project.
struct PredictAllResult
{
    qint64 modelId = -1;
    int imageCount = 0;
    /// Images that received a probability.
    int predictedCount = 0;
    /// Images stored without a probability because no face was found or the file failed.
    int failedCount = 0;
    QString errorString;
    bool canceled = false;

    bool isOk() const { return errorString.isEmpty() && !canceled; }
};

/// Called with (images done, total images).
using PredictAllProgress = std::function<void(int done, int total)>;

/**
 * Runs the model \a modelId (the active model when it is -1) of the project in
 * \a projectFolder over every image of the project and stores one prediction per image
 * (ProjectStore::storePredictions). Images with eyes placed by hand go through
 * Preprocessor::processWithEyes, the rest through preprocessBatch()
 * on \a threads threads (0: one per core). Opens its own ProjectStore, so it may run on any
 * thread. Checks \a cancel between images and batches; a canceled run stores nothing.
 */
PredictAllResult predictAllImages(const QString &projectFolder, qint64 modelId, int threads = 0,
                                  const PredictAllProgress &progress = {},
                                  const std::atomic<bool> *cancel = nullptr);

/// Runs predictAllImages() in the background for the GUI.
class PredictAllWorker : public QObject
{
    Q_OBJECT

public:
    explicit PredictAllWorker(QObject *parent = nullptr);
    /// Cancels a running job and waits for it to stop.
    ~PredictAllWorker() override;

    /// Starts a job; returns false when one is already running.
    bool start(const QString &projectFolder, qint64 modelId, int threads = 0);
    void cancel();
    bool isRunning() const;
    void waitForFinished();

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const ProfileLens::PredictAllResult &result);

private:
    QFutureWatcher<PredictAllResult> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace ProfileLens

Q_DECLARE_METATYPE(ProfileLens::PredictAllResult)
