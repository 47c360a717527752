#include "preprocessor.h"

#include "logging.h"
#include "opencvconvert_p.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
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

namespace {

constexpr double kRegionTolerance = 1e-9;

QJsonArray regionToJson(const QRectF &region)
{
    return QJsonArray{region.x(), region.y(), region.width(), region.height()};
}

bool regionFromJson(const QJsonValue &value, QRectF *region)
{
    const QJsonArray array = value.toArray();
    if (array.size() != 4)
        return false;
    for (const QJsonValue &number : array) {
        if (!number.isDouble())
            return false;
    }
    *region = QRectF(array.at(0).toDouble(), array.at(1).toDouble(), array.at(2).toDouble(),
                     array.at(3).toDouble());
    return PreprocessSettings::isValidRegion(*region);
}

QJsonArray viewsToJson(const QList<InputView> &views)
{
    QJsonArray array;
    for (const InputView &view : views) {
        array.append(QJsonObject{
            {QStringLiteral("region"), regionToJson(view.region)},
            {QStringLiteral("placement"),
             QJsonArray{view.placement.x(), view.placement.y(), view.placement.width(),
                        view.placement.height()}},
        });
    }
    return array;
}

// Reads views whose placements lie inside an input of inputSize; false when any is invalid.
bool viewsFromJson(const QJsonValue &value, QSize inputSize, QList<InputView> *views)
{
    const QJsonArray array = value.toArray();
    if (array.isEmpty())
        return false;
    const QRect input(QPoint(0, 0), inputSize);
    for (const QJsonValue &item : array) {
        const QJsonObject object = item.toObject();
        InputView view;
        if (!regionFromJson(object.value(QStringLiteral("region")), &view.region))
            return false;
        const QJsonArray placement = object.value(QStringLiteral("placement")).toArray();
        if (placement.size() != 4)
            return false;
        view.placement = QRect(placement.at(0).toInt(-1), placement.at(1).toInt(-1),
                               placement.at(2).toInt(0), placement.at(3).toInt(0));
        if (view.placement.isEmpty() || !input.contains(view.placement))
            return false;
        views->append(view);
    }
    return true;
}

bool isFullFace(const QRectF &region)
{
    const QRectF full = PreprocessSettings::fullFace();
    return qAbs(region.x() - full.x()) < kRegionTolerance
        && qAbs(region.y() - full.y()) < kRegionTolerance
        && qAbs(region.width() - full.width()) < kRegionTolerance
        && qAbs(region.height() - full.height()) < kRegionTolerance;
}

} // namespace

QRectF PreprocessSettings::fullFace()
{
    return QRectF(0.0, 0.0, 1.0, 1.0);
}

QRectF PreprocessSettings::eyeBand()
{
    // With the eyes at 35 % of the height and 30 % of the width apart, this runs from the
    // eyebrows to the upper cheeks and from temple to temple, so typical frames fit inside.
    return QRectF(0.04, 0.18, 0.92, 0.34);
}

PreprocessSettings PreprocessSettings::faceAndEyeBand()
{
    PreprocessSettings face;
    face.inputSize = defaultInputSize(fullFace());
    PreprocessSettings band;
    band.region = eyeBand();
    band.inputSize = defaultInputSize(band.region);
    return stacked({face, band});
}

QSize PreprocessSettings::defaultInputSize(const QRectF &region)
{
    if (isFullFace(region))
        return QSize(56, 56);
    // Keeps the region's aspect ratio in a face of the default 178x218, at 40 pixels high.
    const double aspect = (region.width() * 178.0) / (region.height() * 218.0);
    constexpr int kBandHeight = 40;
    return QSize(qMax(8, qRound(aspect * kBandHeight)), kBandHeight);
}

bool PreprocessSettings::isValidRegion(const QRectF &region)
{
    return region.x() >= -kRegionTolerance && region.y() >= -kRegionTolerance
        && region.width() > 0.01 && region.height() > 0.01
        && region.right() <= 1.0 + kRegionTolerance && region.bottom() <= 1.0 + kRegionTolerance;
}

QRect PreprocessSettings::regionPixels(QSize faceSize) const
{
    return regionPixels(region, faceSize);
}

QRect PreprocessSettings::regionPixels(const QRectF &region, QSize faceSize)
{
    const QRect face(QPoint(0, 0), faceSize);
    const int left = qRound(region.x() * faceSize.width());
    const int top = qRound(region.y() * faceSize.height());
    const int right = qRound(region.right() * faceSize.width());
    const int bottom = qRound(region.bottom() * faceSize.height());
    const QRect pixels = QRect(QPoint(left, top), QPoint(right - 1, bottom - 1)).intersected(face);
    return pixels.isEmpty() ? face : pixels;
}

QJsonObject PreprocessSettings::toJson() const
{
    QJsonObject json{
        {QStringLiteral("pipelineVersion"), kPipelineVersion},
        {QStringLiteral("alignment"), alignment.toJson()},
        {QStringLiteral("inputWidth"), inputSize.width()},
        {QStringLiteral("inputHeight"), inputSize.height()},
        {QStringLiteral("color"), QStringLiteral("gray-bt601")},
        {QStringLiteral("resize"), QStringLiteral("area")},
        {QStringLiteral("scale"), QStringLiteral("1/255")},
    };
    if (!views.isEmpty()) {
        json.insert(QStringLiteral("pipelineVersion"), kViewsPipelineVersion);
        json.insert(QStringLiteral("views"), viewsToJson(views));
    } else if (!isFullFace(region)) {
        json.insert(QStringLiteral("pipelineVersion"), kRegionPipelineVersion);
        json.insert(QStringLiteral("region"), regionToJson(region));
    }
    return json;
}

PreprocessSettings PreprocessSettings::fromJson(const QJsonObject &json)
{
    PreprocessSettings settings;
    settings.alignment = AlignmentSettings::fromJson(json.value(QStringLiteral("alignment")).toObject());
    settings.inputSize = QSize(json.value(QStringLiteral("inputWidth")).toInt(28),
                               json.value(QStringLiteral("inputHeight")).toInt(28));
    QRectF region;
    if (json.contains(QStringLiteral("region")) && regionFromJson(json.value(QStringLiteral("region")), &region))
        settings.region = region;
    QList<InputView> views;
    if (json.contains(QStringLiteral("views"))
        && viewsFromJson(json.value(QStringLiteral("views")), settings.inputSize, &views))
        settings.views = views;
    return settings;
}

bool PreprocessSettings::isSupported(const QJsonObject &json)
{
    const int version = json.value(QStringLiteral("pipelineVersion")).toInt();
    const QSize inputSize(json.value(QStringLiteral("inputWidth")).toInt(28),
                          json.value(QStringLiteral("inputHeight")).toInt(28));
    QRectF region;
    QList<InputView> views;
    bool regionOk = false;
    if (version == kPipelineVersion) {
        regionOk = !json.contains(QStringLiteral("region")) && !json.contains(QStringLiteral("views"));
    } else if (version == kRegionPipelineVersion) {
        regionOk = regionFromJson(json.value(QStringLiteral("region")), &region)
            && !json.contains(QStringLiteral("views"));
    } else if (version == kViewsPipelineVersion) {
        regionOk = viewsFromJson(json.value(QStringLiteral("views")), inputSize, &views);
    }
    return regionOk && json.value(QStringLiteral("resize")).toString() == QLatin1String("area")
        && json.value(QStringLiteral("color")).toString() == QLatin1String("gray-bt601");
}

QByteArray PreprocessSettings::fingerprint() const
{
    const QByteArray canonical = QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    return QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(16);
}

bool PreprocessSettings::operator==(const PreprocessSettings &other) const
{
    return alignment == other.alignment && inputSize == other.inputSize && region == other.region
        && views == other.views;
}

PreprocessSettings PreprocessSettings::stacked(const QList<PreprocessSettings> &parts,
                                               QString *errorString)
{
    auto fail = [errorString](const QString &message) {
        if (errorString)
            *errorString = message;
        return PreprocessSettings();
    };
    if (parts.isEmpty())
        return fail(PreprocessorMessages::tr("There are no parts to place in the input."));
    int width = 0;
    int height = 0;
    for (const PreprocessSettings &part : parts) {
        if (!part.views.isEmpty())
            return fail(PreprocessorMessages::tr("A model input with several views cannot be "
                                                 "one view of another."));
        if (!(part.alignment == parts.first().alignment))
            return fail(PreprocessorMessages::tr("The parts are aligned differently: combine "
                                                 "only models trained with the same alignment."));
        width = qMax(width, part.inputSize.width());
        height += part.inputSize.height();
    }
    PreprocessSettings settings;
    settings.alignment = parts.first().alignment;
    settings.loading = parts.first().loading;
    settings.inputSize = QSize(width, height);
    int top = 0;
    for (const PreprocessSettings &part : parts) {
        const int left = (width - part.inputSize.width()) / 2;
        settings.views.append({part.region, QRect(QPoint(left, top), part.inputSize)});
        top += part.inputSize.height();
    }
    return settings;
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
        const QSize faceSize(gray.cols, gray.rows);
        const auto cvRect = [](const QRect &rect) {
            return cv::Rect(rect.x(), rect.y(), rect.width(), rect.height());
        };
        cv::Mat small;
        if (settings.views.isEmpty()) {
            cv::resize(gray(cvRect(settings.regionPixels(faceSize))), small,
                       cv::Size(settings.inputSize.width(), settings.inputSize.height()), 0, 0,
                       cv::INTER_AREA);
        } else {
            // Each view is reduced into its place; the rest of the input stays black.
            small = cv::Mat::zeros(settings.inputSize.height(), settings.inputSize.width(), CV_8UC1);
            for (const InputView &view : settings.views) {
                cv::Mat place = small(cvRect(view.placement));
                cv::resize(gray(cvRect(PreprocessSettings::regionPixels(view.region, faceSize))), place,
                           place.size(), 0, 0, cv::INTER_AREA);
            }
        }

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
