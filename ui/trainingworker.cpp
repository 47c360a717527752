#include "trainingworker.h"

#include "logging.h"
#include "projectstore.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <exception>

namespace ProfileLens {

namespace {

/// Collects pipeline progress on the worker thread and sends it on at a bounded rate.
class ProgressThrottle
{
public:
    explicit ProgressThrottle(TrainingWorker *worker) : m_worker(worker) { m_clock.start(); }

    void add(const PipelineProgress &progress)
    {
        const bool phaseChanged = progress.phase != m_pending.phase;
        if (phaseChanged && m_hasPending)
            flush();
        m_pending.phase = progress.phase;
        m_pending.done = progress.done;
        m_pending.total = progress.total;
        if (progress.phase == PipelinePhase::Training)
            m_pending.steps.push_back(progress.training);
        m_hasPending = true;

        // Phase starts and ends always go out, so the GUI never misses a phase change.
        const bool phaseEdge = phaseChanged || progress.done == 0 || progress.done >= progress.total;
        if (phaseEdge || m_clock.elapsed() >= TrainingWorker::kMinUpdateIntervalMs)
            flush();
    }

    void flush()
    {
        if (!m_hasPending)
            return;
        Q_EMIT m_worker->progress(m_pending);
        m_pending.steps.clear();
        m_hasPending = false;
        m_clock.restart();
    }

private:
    TrainingWorker *m_worker;
    TrainingUpdate m_pending;
    bool m_hasPending = false;
    QElapsedTimer m_clock;
};

/// Reads the project's yes/no labels of \a attribute as training pictures. Unsure labels are
/// left out. The account handle, when there is one, is the group of the group split.
/// NOTE: eyes placed by hand are not used here, because prepareData() takes file paths only, so
/// pictures whose face the detector misses are left out of training.
QString readProjectLabels(const QString &folder, const QString &attribute,
                          QVector<LabeledImage> *images)
{
    ProjectStore store;
    const StoreStatus opened = store.open(folder);
    if (!opened.isOk())
        return opened.errorString;
    const auto labels = store.labels(attribute);
    if (!labels.isOk())
        return labels.errorString;
    const auto records = store.images();
    if (!records.isOk())
        return records.errorString;

    QHash<qint64, const ImageRecord *> byId;
    for (const ImageRecord &record : records.value)
        byId.insert(record.id, &record);
    for (const LabelRecord &label : labels.value) {
        if (label.value == LabelValue::Unsure)
            continue;
        const ImageRecord *record = byId.value(label.imageId);
        if (!record)
            continue;
        LabeledImage image;
        image.path = store.imageFilePath(*record);
        image.label = label.value == LabelValue::Yes ? 1 : 0;
        image.group = record->source.handle;
        images->append(image);
    }
    return {};
}

QString registerModel(const QString &folder, const TrainingOutcome &outcome, qint64 *modelId)
{
    ProjectStore store;
    const StoreStatus opened = store.open(folder);
    if (!opened.isOk())
        return opened.errorString;
    ModelRecord record;
    record.name = QFileInfo(outcome.modelPath).completeBaseName();
    record.attribute = outcome.metadata.attribute;
    record.filePath = QFileInfo(outcome.modelPath).absoluteFilePath();
    record.metrics = outcome.metadata.metrics;
    record.threshold = outcome.metadata.threshold;
    const auto added = store.addModel(record);
    if (!added.isOk())
        return added.errorString;
    const StoreStatus activated = store.setActiveModel(added.value);
    if (!activated.isOk())
        return activated.errorString;
    *modelId = added.value;
    return {};
}

} // namespace

TrainingWorker::TrainingWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ProfileLens::TrainingRequest>();
    qRegisterMetaType<ProfileLens::TrainingUpdate>();
    qRegisterMetaType<ProfileLens::TrainingOutcome>();
}

QString TrainingWorker::newModelPath(const QString &projectFolder, const QString &attribute)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return QDir(projectFolder).filePath(QStringLiteral("models/%1-%2.%3")
                                            .arg(attribute, stamp, ModelFile::suffix()));
}

QString TrainingWorker::checkpointPathFor(const QString &modelPath)
{
    return modelPath + QStringLiteral(".checkpoint");
}

QString TrainingWorker::historyPathFor(const QString &modelPath)
{
    return modelPath + QStringLiteral(".history.csv");
}

bool TrainingWorker::writeHistory(const QString &path, const std::vector<TrainingProgress> &history,
                                  int keepUpToStep, QString *errorString)
{
    std::vector<TrainingProgress> rows;
    if (keepUpToStep > 0) {
        for (const TrainingProgress &earlier : readHistory(path)) {
            if (earlier.step <= keepUpToStep)
                rows.push_back(earlier);
        }
    }
    rows.insert(rows.end(), history.begin(), history.end());

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *errorString = tr("Could not write the training log %1 (%2).")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QTextStream out(&file);
    out << "step,loss,accuracy,validated,validation_loss,validation_accuracy,elapsed_seconds\n";
    for (const TrainingProgress &row : rows) {
        out << row.step << ',' << QString::number(row.loss, 'g', 6) << ','
            << QString::number(row.accuracy, 'g', 6) << ',' << (row.validated ? 1 : 0) << ',';
        if (row.validated)
            out << QString::number(row.validationLoss, 'g', 6) << ','
                << QString::number(row.validationAccuracy, 'g', 6);
        else
            out << ',';
        out << ',' << QString::number(row.elapsedSeconds, 'f', 3) << '\n';
    }
    out.flush();
    if (!file.commit()) {
        *errorString = tr("Could not write the training log %1 (%2).")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

std::vector<TrainingProgress> TrainingWorker::readHistory(const QString &path)
{
    std::vector<TrainingProgress> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return rows;
    file.readLine(); // header
    while (!file.atEnd()) {
        const QStringList fields = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
        if (fields.size() != 7)
            continue;
        TrainingProgress row;
        row.step = fields[0].toInt();
        row.loss = fields[1].toDouble();
        row.accuracy = fields[2].toDouble();
        row.validated = fields[3] == QLatin1String("1");
        row.validationLoss = fields[4].toDouble();
        row.validationAccuracy = fields[5].toDouble();
        row.elapsedSeconds = fields[6].toDouble();
        rows.push_back(row);
    }
    return rows;
}

void TrainingWorker::cancel()
{
    m_cancel.store(true);
}

void TrainingWorker::resetCancel()
{
    m_cancel.store(false);
}

bool TrainingWorker::isCancelRequested() const
{
    return m_cancel.load();
}

void TrainingWorker::start(const TrainingRequest &request)
{
    const TrainingOutcome outcome = run(request);
    if (!outcome.errorString.isEmpty())
        qCWarning(lcTrain).noquote() << "Training" << request.modelPath << "failed:" << outcome.errorString;
    Q_EMIT finished(outcome);
}

TrainingOutcome TrainingWorker::run(const TrainingRequest &request)
{
    // The core catches LibTorch, OpenCV and dlib exceptions itself. This catch keeps anything
    // else (std::bad_alloc on a huge dataset, say) from crossing the thread boundary.
    try {
        return runUnguarded(request);
    } catch (const std::exception &error) {
        TrainingOutcome outcome;
        outcome.errorString = tr("Training stopped with an internal error: %1")
                                  .arg(QString::fromLocal8Bit(error.what()));
        qCWarning(lcTrain).noquote() << outcome.errorString;
        return outcome;
    }
}

TrainingOutcome TrainingWorker::runUnguarded(const TrainingRequest &request)
{
    TrainingOutcome outcome;
    outcome.modelPath = request.modelPath;
    if (request.modelPath.isEmpty()) {
        outcome.errorString = tr("No model file name was given.");
        return outcome;
    }
    TrainingOptions options = request.options;
    if (options.checkpointPath.isEmpty())
        options.checkpointPath = checkpointPathFor(request.modelPath);
    outcome.checkpointPath = options.checkpointPath;
    outcome.historyPath = historyPathFor(request.modelPath);
    QDir().mkpath(QFileInfo(request.modelPath).absolutePath());

    ProgressThrottle throttle(this);
    const PipelineProgressCallback onProgress = [&throttle](const PipelineProgress &progress) {
        throttle.add(progress);
    };

    // Read and preprocess
    DataRequest data = request.data;
    if (request.useProjectLabels) {
        data.datasetPath.clear();
        data.images.clear();
        const QString error = readProjectLabels(request.projectFolder, data.attribute, &data.images);
        if (!error.isEmpty()) {
            outcome.errorString = error;
            return outcome;
        }
    }
    qCInfo(lcTrain) << "Training" << data.attribute << "into" << request.modelPath
                    << (options.resume ? "resuming" : "from scratch");
    const PreparedData prepared = prepareData(data, onProgress, &m_cancel);
    throttle.flush();
    outcome.dataSummary = prepared.summary();
    outcome.warnings = prepared.warnings;
    if (prepared.canceled || m_cancel.load()) {
        outcome.canceled = true;
        return outcome;
    }
    if (!prepared.isOk()) {
        outcome.errorString = prepared.errorString;
        return outcome;
    }

    // Train, evaluate and save
    const PipelineResult result =
        trainModel(prepared, options, data.attribute, request.modelPath, onProgress, &m_cancel);
    throttle.flush();
    outcome.canceled = result.canceled;
    outcome.startStep = result.training.startStep;
    outcome.steps = result.training.steps;
    outcome.stoppedEarly = result.training.stoppedEarly;
    outcome.metadata = result.metadata;

    QString historyError;
    if (!result.training.history.empty()
        && !writeHistory(outcome.historyPath, result.training.history, outcome.startStep,
                         &historyError))
        outcome.warnings.append(historyError);
    if (result.canceled)
        return outcome;
    if (!result.isOk()) {
        outcome.errorString = result.errorString;
        return outcome;
    }

    // Register
    if (!request.projectFolder.isEmpty()) {
        const QString error = registerModel(request.projectFolder, outcome, &outcome.modelId);
        if (!error.isEmpty()) {
            outcome.errorString = tr("The model was saved as %1, but adding it to the project "
                                     "failed: %2")
                                      .arg(QDir::toNativeSeparators(outcome.modelPath), error);
            return outcome;
        }
    }
    qCInfo(lcTrain) << "Training finished:" << outcome.modelPath << "model id" << outcome.modelId;
    return outcome;
}

} // namespace ProfileLens
