#include "preprocessor.h"

#include "logging.h"
#include "opencvconvert_p.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QThread>

#include <opencv2/imgproc.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ProfileLens {

namespace {

// The "ProfileLens::Preprocessor" translation context, declared so that lupdate can read it.
struct PreprocessorMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::Preprocessor)
};

// How often a running batch reports progress to the calling thread.
constexpr std::chrono::milliseconds kProgressInterval(50);

void dropLargeImages(Stages &stages)
{
    stages.original = QImage();
    stages.aligned = QImage();
    stages.gray = QImage();
    stages.alignment.aligned = QImage();
}

} // namespace

QJsonObject PreprocessSettings::toJson() const
{
    return QJsonObject{
        {QStringLiteral("pipelineVersion"), kPipelineVersion},
        {QStringLiteral("alignment"), alignment.toJson()},
        {QStringLiteral("inputWidth"), inputSize.width()},
        {QStringLiteral("inputHeight"), inputSize.height()},
        {QStringLiteral("color"), QStringLiteral("gray-bt601")},
        {QStringLiteral("resize"), QStringLiteral("area")},
        {QStringLiteral("scale"), QStringLiteral("1/255")},
    };
}

PreprocessSettings PreprocessSettings::fromJson(const QJsonObject &json)
{
    PreprocessSettings settings;
    settings.alignment = AlignmentSettings::fromJson(json.value(QStringLiteral("alignment")).toObject());
    settings.inputSize = QSize(json.value(QStringLiteral("inputWidth")).toInt(28),
                               json.value(QStringLiteral("inputHeight")).toInt(28));
    return settings;
}

bool PreprocessSettings::isSupported(const QJsonObject &json)
{
    return json.value(QStringLiteral("pipelineVersion")).toInt() == kPipelineVersion
        && json.value(QStringLiteral("resize")).toString() == QLatin1String("area")
        && json.value(QStringLiteral("color")).toString() == QLatin1String("gray-bt601");
}

QByteArray PreprocessSettings::fingerprint() const
{
    const QByteArray canonical = QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    return QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(16);
}

bool PreprocessSettings::operator==(const PreprocessSettings &other) const
{
    return alignment == other.alignment && inputSize == other.inputSize;
}

Preprocessor::Preprocessor(const PreprocessSettings &settings)
    : m_settings(settings)
    , m_aligner(std::make_unique<FaceAligner>(settings.alignment))
{
}

Preprocessor::~Preprocessor() = default;

bool Preprocessor::isReady() const
{
    return m_aligner->isReady();
}

QString Preprocessor::errorString() const
{
    return m_aligner->errorString();
}

const PreprocessSettings &Preprocessor::settings() const
{
    return m_settings;
}

Stages Preprocessor::processFile(const QString &path)
{
    const LoadedImage loaded = loadImage(path, m_settings.loading);
    if (!loaded.isValid()) {
        Stages stages;
        stages.source = path;
        stages.status = StageStatus::LoadFailed;
        stages.errorString = loaded.errorString;
        return stages;
    }
    Stages stages = processImage(loaded.image, path);
    stages.warning = loaded.warning;
    if (!stages.isOk() && !loaded.warning.isEmpty())
        stages.errorString += QLatin1Char(' ') + loaded.warning;
    return stages;
}

Stages Preprocessor::processImage(const QImage &image, const QString &source)
{
    Stages stages;
    stages.source = source;
    stages.original = image.format() == QImage::Format_RGB888
        ? image
        : image.convertToFormat(QImage::Format_RGB888);
    stages.alignment = m_aligner->align(stages.original);
    finishStages(stages, m_settings);
    return stages;
}

Stages Preprocessor::processWithEyes(const QImage &image, const QString &source,
                                     QPointF leftEye, QPointF rightEye)
{
    Stages stages;
    stages.source = source;
    stages.original = image.format() == QImage::Format_RGB888
        ? image
        : image.convertToFormat(QImage::Format_RGB888);
    stages.alignment = m_aligner->alignWithEyes(stages.original, leftEye, rightEye);
    finishStages(stages, m_settings);
    return stages;
}

void Preprocessor::finishStages(Stages &stages, const PreprocessSettings &settings)
{
    if (!stages.alignment.isAligned()) {
        stages.status = StageStatus::NoFace;
        stages.errorString = stages.source.isEmpty()
            ? stages.alignment.reason
            : PreprocessorMessages::tr("%1: %2").arg(stages.source, stages.alignment.reason);
        return;
    }

    try {
        stages.aligned = stages.alignment.aligned;
        const cv::Mat rgb = rgbMatView(stages.aligned);
        cv::Mat gray;
        // ITU-R BT.601 luma, OpenCV's standard RGB to gray weights.
        cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
        cv::Mat small;
        cv::resize(gray, small, cv::Size(settings.inputSize.width(), settings.inputSize.height()),
                   0, 0, cv::INTER_AREA);

        stages.gray = matToImage(gray);
        stages.small = matToImage(small);
        stages.tensor.resize(size_t(small.rows) * size_t(small.cols));
        for (int y = 0; y < small.rows; ++y) {
            const uchar *row = small.ptr<uchar>(y);
            float *out = stages.tensor.data() + size_t(y) * size_t(small.cols);
            for (int x = 0; x < small.cols; ++x)
                out[x] = float(row[x]) / 255.0f;
        }
        stages.status = StageStatus::Ok;
    } catch (const std::exception &error) {
        stages.status = StageStatus::NoFace;
        stages.errorString = PreprocessorMessages::tr("%1: preprocessing failed (%2).")
                                 .arg(stages.source, QString::fromLocal8Bit(error.what()));
    }
}

std::vector<Stages> preprocessBatch(const QStringList &files, const PreprocessSettings &settings,
                                    const BatchOptions &options, const BatchProgress &progress,
                                    const std::atomic<bool> *cancel)
{
    const int total = int(files.size());
    std::vector<Stages> results(static_cast<size_t>(total));
    if (total == 0)
        return results;

    int threadCount = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    threadCount = std::clamp(threadCount, 1, total);

    std::atomic<int> nextIndex{0};
    std::atomic<int> finished{0};
    std::mutex mutex;
    std::condition_variable wake;
    int runningWorkers = threadCount;

    auto work = [&]() {
        Preprocessor preprocessor(settings);
        for (;;) {
            const int index = nextIndex.fetch_add(1);
            if (index >= total)
                break;
            Stages &stages = results[size_t(index)];
            if (cancel && cancel->load()) {
                stages.source = files[index];
                stages.status = StageStatus::Canceled;
                stages.errorString = PreprocessorMessages::tr("%1: canceled.").arg(files[index]);
            } else {
                stages = preprocessor.processFile(files[index]);
                if (!options.keepImages)
                    dropLargeImages(stages);
            }
            finished.fetch_add(1);
        }
        std::lock_guard<std::mutex> lock(mutex);
        --runningWorkers;
        wake.notify_all();
    };

    std::vector<std::thread> workers;
    workers.reserve(size_t(threadCount));
    for (int i = 0; i < threadCount; ++i)
        workers.emplace_back(work);

    int reported = -1;
    {
        std::unique_lock<std::mutex> lock(mutex);
        while (runningWorkers > 0) {
            wake.wait_for(lock, kProgressInterval);
            const int done = finished.load();
            if (progress && done != reported) {
                reported = done;
                lock.unlock();
                progress(done, total);
                lock.lock();
            }
        }
    }
    for (std::thread &worker : workers)
        worker.join();

    if (progress && reported != total)
        progress(total, total);
    return results;
}

QString stageStatusKey(StageStatus status)
{
    switch (status) {
    case StageStatus::Ok:
        return QStringLiteral("ok");
    case StageStatus::LoadFailed:
        return QStringLiteral("load-failed");
    case StageStatus::NoFace:
        return QStringLiteral("no-face");
    case StageStatus::Canceled:
        return QStringLiteral("canceled");
    }
    return QStringLiteral("unknown");
}

} // namespace ProfileLens
