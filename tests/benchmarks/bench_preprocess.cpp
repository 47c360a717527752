// Full-pipeline throughput, decode to 28x28, of ProfileLens's preprocessing against the
// reference approach (every picture resized to 800 px wide, faces detected without
// upsampling, then aligned), both run on the same files, threads and process.
//
// Usage: bench_preprocess [--images DIR] [--count N] [--threads N]

#include "imageloader.h"
#include "preprocessor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QThread>

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/serialize.h>

#include <opencv2/imgproc.hpp>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace ProfileLens;

namespace {

constexpr int kReferenceWidth = 800; // px: the reference resized every picture to this width

struct RunResult
{
    double seconds = 0;
    int aligned = 0;
    int total = 0;
};

// The reference pipeline: resize to 800 px wide, HOG detection without upsampling on the
// grayscale picture, 68 landmarks, rotate and scale about the eye midpoint with bicubic
// interpolation into 178x218, grayscale, then 28x28.
class ReferencePipeline
{
public:
    explicit ReferencePipeline(const dlib::shape_predictor &predictor)
        : m_predictor(predictor)
    {
    }

    bool process(const QString &path)
    {
        const LoadedImage loaded = loadImage(path);
        if (!loaded.isValid())
            return false;
        const QImage &image = loaded.image;
        cv::Mat rgb(image.height(), image.width(), CV_8UC3, const_cast<uchar *>(image.constBits()),
                    size_t(image.bytesPerLine()));
        const double scale = double(kReferenceWidth) / rgb.cols;
        cv::Mat resized;
        cv::resize(rgb, resized, cv::Size(), scale, scale, cv::INTER_AREA);
        cv::Mat gray;
        cv::cvtColor(resized, gray, cv::COLOR_RGB2GRAY);

        const std::vector<dlib::rectangle> faces = m_detector(dlib::cv_image<unsigned char>(gray));
        if (faces.empty())
            return false;
        const dlib::full_object_detection shape =
            m_predictor(dlib::cv_image<unsigned char>(gray), faces.front());

        cv::Point2d left(0, 0);
        cv::Point2d right(0, 0);
        for (int i = 36; i < 42; ++i)
            left += cv::Point2d(double(shape.part(i).x()), double(shape.part(i).y())) / 6.0;
        for (int i = 42; i < 48; ++i)
            right += cv::Point2d(double(shape.part(i).x()), double(shape.part(i).y())) / 6.0;

        const cv::Size outputSize(178, 218);
        const double angle = std::atan2(right.y - left.y, right.x - left.x) * 180.0 / CV_PI;
        const double desiredDistance = (0.65 - 0.35) * outputSize.width;
        const double eyeScale = desiredDistance / cv::norm(right - left);
        const cv::Point2d centre = (left + right) * 0.5;
        cv::Mat matrix = cv::getRotationMatrix2D(centre, angle, eyeScale);
        matrix.at<double>(0, 2) += outputSize.width * 0.5 - centre.x;
        matrix.at<double>(1, 2) += outputSize.height * 0.35 - centre.y;
        cv::Mat aligned;
        cv::warpAffine(resized, aligned, matrix, outputSize, cv::INTER_CUBIC);
        cv::Mat alignedGray;
        cv::cvtColor(aligned, alignedGray, cv::COLOR_RGB2GRAY);
        cv::Mat small;
        cv::resize(alignedGray, small, cv::Size(28, 28));
        return !small.empty();
    }

private:
    dlib::frontal_face_detector m_detector = dlib::get_frontal_face_detector();
    const dlib::shape_predictor &m_predictor;
};

RunResult runReference(const QStringList &files, int threads)
{
    dlib::shape_predictor predictor;
    dlib::deserialize(defaultLandmarkModelPath().toStdString()) >> predictor;

    std::atomic<int> next{0};
    std::atomic<int> aligned{0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&]() {
            ReferencePipeline pipeline(predictor);
            for (int i = next++; i < files.size(); i = next++) {
                if (pipeline.process(files[i]))
                    ++aligned;
            }
        });
    }
    for (std::thread &worker : workers)
        worker.join();
    return {timer.nsecsElapsed() / 1e9, aligned.load(), int(files.size())};
}

RunResult runProfileLens(const QStringList &files, int threads)
{
    // Load the shared landmark model outside the timed region, as the reference does.
    Preprocessor warmUp;
    if (!warmUp.isReady())
        qFatal("%s", qPrintable(warmUp.errorString()));

    BatchOptions options;
    options.threads = threads;
    QElapsedTimer timer;
    timer.start();
    const std::vector<Stages> results = preprocessBatch(files, PreprocessSettings(), options);
    const double seconds = timer.nsecsElapsed() / 1e9;
    int aligned = 0;
    for (const Stages &stages : results)
        aligned += stages.isOk() ? 1 : 0;
    return {seconds, aligned, int(files.size())};
}

void printRow(const char *name, const RunResult &result)
{
    std::printf("%-22s %8.2f s %10.1f images/s   faces found %5d of %5d (%.2f %%)\n", name,
                result.seconds, result.total / result.seconds, result.aligned, result.total,
                100.0 * result.aligned / result.total);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Preprocessing throughput benchmark"));
    parser.addHelpOption();
    const QCommandLineOption imagesOption(
        QStringLiteral("images"), QStringLiteral("Folder of face photos."), QStringLiteral("DIR"),
        QStringLiteral(PROFILELENS_SHARED_DATA_DIR "/lfw-eyeglasses/images"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QStringLiteral("Number of photos (default 1000)."),
                                         QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           QStringLiteral("Worker threads (default: cores)."),
                                           QStringLiteral("N"),
                                           QString::number(QThread::idealThreadCount()));
    parser.addOptions({imagesOption, countOption, threadsOption});
    parser.process(app);

    const QDir folder(parser.value(imagesOption));
    QStringList files;
    for (const QString &name : folder.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")},
                                                QDir::Files, QDir::Name))
        files.append(folder.filePath(name));
    if (files.isEmpty()) {
        std::fprintf(stderr, "No photos in %s; pass --images DIR.\n", qPrintable(folder.path()));
        return 1;
    }
    // An even spread over the sorted names covers many people instead of the first few.
    const int count = std::min(parser.value(countOption).toInt(), int(files.size()));
    QStringList sample;
    for (int i = 0; i < count; ++i)
        sample.append(files[int(qint64(i) * files.size() / count)]);
    const int threads = parser.value(threadsOption).toInt();

    std::printf("%d photos from %s, %d threads\n", count, qPrintable(folder.path()), threads);
    // Alternate the two pipelines over slices of the sample, so that a change in the load
    // of a shared machine affects both alike.
    constexpr int kRounds = 4;
    RunResult ours;
    RunResult reference;
    for (int round = 0; round < kRounds; ++round) {
        const int begin = int(qint64(round) * sample.size() / kRounds);
        const int end = int(qint64(round + 1) * sample.size() / kRounds);
        const QStringList slice = sample.mid(begin, end - begin);
        const RunResult oursPart = runProfileLens(slice, threads);
        const RunResult referencePart = runReference(slice, threads);
        for (auto [total, part] : {std::pair{&ours, &oursPart}, std::pair{&reference, &referencePart}}) {
            total->seconds += part->seconds;
            total->aligned += part->aligned;
            total->total += part->total;
        }
    }
    printRow("ProfileLens", ours);
    printRow("reference (800 px)", reference);
    std::printf("throughput ratio: %.2fx\n", (ours.total / ours.seconds)
                                                 / (reference.total / reference.seconds));
    return 0;
}
