#include "predictallworker.h"

#include "trainingpipeline.h"

#include "imageloader.h"
#include "logging.h"
#include "modelfile.h"
#include "predictor.h"
#include "preprocessor.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace ProfileLens {

namespace {

// The "ProfileLens::PredictAllWorker" translation context, declared so that lupdate can read it.
struct PredictAllMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::PredictAllWorker)
};

/// Shortest time between progress calls, so the GUI gets about 20 updates per second.
constexpr int kProgressIntervalMs = 50;

PredictAllResult predictUnguarded(const QString &projectFolder, qint64 modelId, int threads,
                                  const PredictAllProgress &progress,
                                  const std::atomic<bool> *cancel)
{
    PredictAllResult result;
    result.modelId = modelId;
    auto canceled = [cancel]() { return cancel && cancel->load(); };

    // Read the project and the model
    ProjectStore store;
    const StoreStatus opened = store.open(projectFolder);
    if (!opened.isOk()) {
        result.errorString = opened.errorString;
        return result;
    }
    const auto models = store.models();
    if (!models.isOk()) {
        result.errorString = models.errorString;
        return result;
    }
    if (modelId < 0) {
        const auto active = store.activeModel();
        if (!active.isOk()) {
            result.errorString = active.errorString;
            return result;
        }
        if (!active.value.has_value()) {
            result.errorString = PredictAllMessages::tr("The project has no active model. Train a model or choose "
                                                        "one on the evaluation page first.");
            return result;
        }
        modelId = active.value->id;
        result.modelId = modelId;
    }
    QString modelPath;
    for (const ModelRecord &record : models.value) {
        if (record.id == modelId)
            modelPath = record.filePath;
    }
    if (modelPath.isEmpty()) {
        result.errorString = PredictAllMessages::tr("Model %1 is not registered in the project %2.")
                                 .arg(modelId)
                                 .arg(QDir::toNativeSeparators(projectFolder));
        return result;
    }
    modelPath = resolveModelPath(modelPath, projectFolder);
    const LoadedModel model = ModelFile::load(modelPath);
    if (!model.isOk()) {
        result.errorString = model.errorString;
        return result;
    }
    const PreprocessSettings settings = PreprocessSettings::fromJson(model.metadata.preprocessing);
    const auto images = store.images();
    if (!images.isOk()) {
        result.errorString = images.errorString;
        return result;
    }
    result.imageCount = int(images.value.size());

    // Split the images into those with eyes placed by hand and the rest
    QStringList detectedPaths;
    QVector<qint64> detectedIds;
    QVector<QPair<const ImageRecord *, EyePoints>> manual;
    for (const ImageRecord &image : images.value) {
        const auto eyes = store.manualEyes(image.id);
        if (eyes.isOk() && eyes.value.has_value()) {
            manual.append({&image, *eyes.value});
        } else {
            detectedPaths.append(store.imageFilePath(image));
            detectedIds.append(image.id);
        }
    }

    // Preprocess
    QElapsedTimer clock;
    clock.start();
    const int total = result.imageCount;
    auto report = [&](int done) {
        if (progress && (done == total || clock.elapsed() >= kProgressIntervalMs)) {
            progress(done, total);
            clock.restart();
        }
    };
    BatchOptions batchOptions;
    batchOptions.threads = threads;
    std::vector<Stages> stages = preprocessBatch(
        detectedPaths, settings, batchOptions, [&](int finished, int) { report(finished); }, cancel);
    QVector<qint64> stageIds = detectedIds;
    QVector<QString> statusKeys(int(stages.size()), QStringLiteral("found"));

    Preprocessor manualPreprocessor(settings);
    for (const auto &entry : std::as_const(manual)) {
        if (canceled())
            break;
        const QString path = store.imageFilePath(*entry.first);
        const LoadedImage loaded = loadImage(path, settings.loading);
        Stages manualStages;
        if (loaded.isValid()) {
            manualStages = manualPreprocessor.processWithEyes(loaded.image, path, entry.second.left,
                                                              entry.second.right);
        } else {
            manualStages.source = path;
            manualStages.status = StageStatus::LoadFailed;
            manualStages.errorString = loaded.errorString;
        }
        stages.push_back(std::move(manualStages));
        stageIds.append(entry.first->id);
        statusKeys.append(QStringLiteral("manual-eyes"));
        report(int(stages.size()));
    }
    if (canceled()) {
        result.canceled = true;
        return result;
    }

    // Predict
    TensorSet inputs;
    inputs.width = model.metadata.inputSize.width();
    inputs.height = model.metadata.inputSize.height();
    std::vector<int> inputIndex;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (stages[i].isOk() && int(stages[i].tensor.size()) == inputs.pixelsPerImage()) {
            inputs.append(stages[i].tensor);
            inputIndex.push_back(int(i));
        }
    }
    const Predictor predictor(model.classifier, threads);
    const PredictionResult predicted = predictor.predict(inputs, {}, cancel);
    if (predicted.canceled || canceled()) {
        result.canceled = true;
        return result;
    }
    if (!predicted.isOk()) {
        result.errorString = predicted.errorString;
        return result;
    }

    // Store
    QVector<PredictionRecord> records(int(stages.size()));
    for (std::size_t i = 0; i < stages.size(); ++i) {
        PredictionRecord &record = records[int(i)];
        record.modelId = modelId;
        record.imageId = stageIds.at(int(i));
        record.alignmentStatus =
            stages[i].isOk() ? statusKeys.at(int(i)) : stageStatusKey(stages[i].status);
    }
    for (std::size_t k = 0; k < inputIndex.size(); ++k)
        records[inputIndex[k]].probability = double(predicted.probabilities[k]);
    const StoreStatus stored = store.storePredictions(records);
    if (!stored.isOk()) {
        result.errorString = stored.errorString;
        return result;
    }
    result.predictedCount = int(inputIndex.size());
    result.failedCount = int(records.size()) - result.predictedCount;
    qCInfo(lcTrain) << "Predicted" << result.predictedCount << "of" << result.imageCount
                    << "images with model" << modelId;
    return result;
}

} // namespace

PredictAllResult predictAllImages(const QString &projectFolder, qint64 modelId, int threads,
                                  const PredictAllProgress &progress,
                                  const std::atomic<bool> *cancel)
{
    try {
        return predictUnguarded(projectFolder, modelId, threads, progress, cancel);
    } catch (const std::exception &error) {
        PredictAllResult result;
        result.modelId = modelId;
        result.errorString = PredictAllMessages::tr("Prediction stopped with an internal error: %1")
                                 .arg(QString::fromLocal8Bit(error.what()));
        return result;
    }
}

PredictAllWorker::PredictAllWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ProfileLens::PredictAllResult>();
    connect(&m_watcher, &QFutureWatcher<PredictAllResult>::finished, this,
            [this]() { Q_EMIT finished(m_watcher.result()); });
}

PredictAllWorker::~PredictAllWorker()
{
    cancel();
    waitForFinished();
}

bool PredictAllWorker::start(const QString &projectFolder, qint64 modelId, int threads)
{
    if (isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    // The signal is emitted from the pool thread; receivers in the GUI thread get it queued.
    m_watcher.setFuture(QtConcurrent::run([this, projectFolder, modelId, threads, cancelFlag]() {
        return predictAllImages(
            projectFolder, modelId, threads,
            [this](int done, int total) { Q_EMIT progress(done, total); }, cancelFlag.get());
    }));
    return true;
}

void PredictAllWorker::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool PredictAllWorker::isRunning() const
{
    return m_watcher.isRunning();
}

void PredictAllWorker::waitForFinished()
{
    m_watcher.waitForFinished();
}

} // namespace ProfileLens
