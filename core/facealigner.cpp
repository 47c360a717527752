#include "facealigner.h"

#include "logging.h"
#include "opencvconvert_p.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/serialize.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace ProfileLens {

namespace {

// Detection scale. dlib's frontal detector scans an 80x80 window over an image pyramid, so a
// pass at a given scale finds faces from about 80 px up to the whole picture. We search
// coarse to fine. The first pass shrinks or enlarges the picture so its longer side is
// 180 px, which finds any face filling at least 45 % of it (the usual avatar or news
// portrait) at the lowest cost. Each further pass doubles the scale, finding faces half as
// large, at four times the cost. The first pass with a confident face (kConfidentScore)
// ends the search; otherwise the pass with the best score is used.
constexpr int kFirstPassSide = 180;         // px, longer side of the first pass
constexpr int kDetectPasses = 4;            // 180, 360, 720 and 1440 px
constexpr double kMaxDetectPixels = 4.5e6;  // a later pass larger than this is skipped
// A pass whose best detection scores below this (dlib's SVM margin) is not trusted on its
// own: faces near the 80 px minimum, tilted faces and face-like patterns score low there,
// and the next, finer pass usually scores the real face higher.
constexpr double kConfidentScore = 0.5;
constexpr int kMinImageSide = 16;    // px: below this there is nothing to detect
constexpr double kDetectorWindow = 80.0; // px: smallest face dlib's frontal detector finds

// Each eye is the mean of its six landmarks in dlib's 68-point layout: points 36-41 outline
// the eye on the left of the picture, 42-47 the one on the right.
constexpr int kLeftEyeFirst = 36;
constexpr int kRightEyeFirst = 42;
constexpr int kEyePointCount = 6;
constexpr int kLandmarkCount = 68;

// Larger shrinks than this are done by area averaging before the bilinear warp.
constexpr double kMaxBilinearShrink = 0.5;

// The "ProfileLens::FaceAligner" translation context, declared so that lupdate can read it.
struct FaceAlignerMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::FaceAligner)
};

struct PredictorCache
{
    std::mutex mutex;
    std::map<QString, std::shared_ptr<const dlib::shape_predictor>> predictors;
};

PredictorCache &predictorCache()
{
    static PredictorCache cache;
    return cache;
}

// Loads the landmark model once per process. dlib's shape_predictor::operator() is const
// and keeps its scratch data on the stack, so one instance serves every thread.
std::shared_ptr<const dlib::shape_predictor> sharedPredictor(const QString &path,
                                                             QString *errorString)
{
    PredictorCache &cache = predictorCache();
    std::lock_guard<std::mutex> lock(cache.mutex);
    auto found = cache.predictors.find(path);
    if (found != cache.predictors.end())
        return found->second;

    if (!QFileInfo::exists(path)) {
        *errorString = FaceAlignerMessages::tr("Landmark model %1 not found. Install Debian's libdlib-data package "
                                               "or set PROFILELENS_LANDMARK_MODEL to the path of "
                                               "shape_predictor_68_face_landmarks.dat.")
                           .arg(path);
        return {};
    }
    try {
        auto predictor = std::make_shared<dlib::shape_predictor>();
        dlib::deserialize(path.toStdString()) >> *predictor;
        if (predictor->num_parts() != kLandmarkCount) {
            *errorString = FaceAlignerMessages::tr("Landmark model %1 has %2 points; a 68-point model is needed.")
                               .arg(path)
                               .arg(predictor->num_parts());
            return {};
        }
        qCInfo(lcAlign) << "loaded landmark model" << path;
        cache.predictors.emplace(path, predictor);
        return predictor;
    } catch (const std::exception &error) {
        *errorString = FaceAlignerMessages::tr("Landmark model %1 could not be read (%2). Reinstall libdlib-data.")
                           .arg(path, QString::fromLocal8Bit(error.what()));
        return {};
    }
}

using FhogScanner = dlib::scan_fhog_pyramid<dlib::pyramid_down<6>>;

// The five HOG filters of dlib's frontal detector (looking ahead, left, right, and ahead but
// tilted either way) with their thresholds, decoded once and shared read-only by all threads.
struct FrontalFilters
{
    FrontalFilters()
        : detector(dlib::get_frontal_face_detector())
    {
        for (unsigned long i = 0; i < detector.num_detectors(); ++i) {
            const dlib::matrix<double, 0, 1> &weights = detector.get_w(i);
            banks.push_back(std::make_unique<FhogScanner::fhog_filterbank>(
                detector.get_scanner().build_fhog_filterbank(weights)));
            // The last weight is the filter's bias. A window counts when its score exceeds it.
            thresholds.push_back(weights(detector.get_scanner().get_num_dimensions()));
        }
    }

    dlib::frontal_face_detector detector;
    std::vector<std::unique_ptr<FhogScanner::fhog_filterbank>> banks;
    std::vector<double> thresholds;
};

const FrontalFilters &frontalFilters()
{
    static const FrontalFilters filters;
    return filters;
}

QPointF meanPoint(const QVector<QPointF> &points, int first, int count)
{
    QPointF sum;
    for (int i = first; i < first + count; ++i)
        sum += points[i];
    return sum / count;
}

cv::Mat toAffine(const QTransform &transform)
{
    return (cv::Mat_<double>(2, 3) << transform.m11(), transform.m21(), transform.dx(),
            transform.m12(), transform.m22(), transform.dy());
}

// Warps the part of \a source that lands in the output. Only the region of interest is
// touched, so a 3000 px photo costs no more than an avatar. Shrinks beyond 2x go through
// area averaging first, because bilinear sampling alone would alias.
cv::Mat warpFace(const cv::Mat &source, const QTransform &transform, const QSize &outputSize)
{
    const QTransform inverse = transform.inverted();
    const QRectF outputRect(0, 0, outputSize.width(), outputSize.height());
    QRect region = inverse.mapRect(outputRect).toAlignedRect().adjusted(-2, -2, 2, 2);
    region &= QRect(0, 0, source.cols, source.rows);

    QTransform toOutput = transform;
    cv::Mat input = source;
    if (!region.isEmpty()) {
        input = source(cv::Rect(region.x(), region.y(), region.width(), region.height()));
        toOutput = QTransform::fromTranslate(region.x(), region.y()) * transform;
    }

    const double scale = std::sqrt(std::abs(transform.determinant()));
    if (scale < kMaxBilinearShrink && !input.empty()) {
        const double shrink = scale / kMaxBilinearShrink;
        cv::Mat reduced;
        cv::resize(input, reduced, cv::Size(), shrink, shrink, cv::INTER_AREA);
        const double sx = double(input.cols) / reduced.cols;
        const double sy = double(input.rows) / reduced.rows;
        toOutput = QTransform::fromScale(sx, sy) * toOutput;
        input = reduced;
    }

    cv::Mat output;
    cv::warpAffine(input, output, toAffine(toOutput),
                   cv::Size(outputSize.width(), outputSize.height()), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    return output;
}

} // namespace

QJsonObject AlignmentSettings::toJson() const
{
    return QJsonObject{
        {QStringLiteral("outputWidth"), outputSize.width()},
        {QStringLiteral("outputHeight"), outputSize.height()},
        {QStringLiteral("leftEye"), QJsonArray{leftEyeTarget.x(), leftEyeTarget.y()}},
        {QStringLiteral("rightEye"), QJsonArray{rightEyeTarget.x(), rightEyeTarget.y()}},
        {QStringLiteral("detector"), QStringLiteral("dlib-frontal-hog")},
        {QStringLiteral("landmarks"), QStringLiteral("dlib-68")},
    };
}

AlignmentSettings AlignmentSettings::fromJson(const QJsonObject &json)
{
    AlignmentSettings settings;
    settings.outputSize = QSize(json.value(QStringLiteral("outputWidth")).toInt(178),
                                json.value(QStringLiteral("outputHeight")).toInt(218));
    const QJsonArray left = json.value(QStringLiteral("leftEye")).toArray();
    const QJsonArray right = json.value(QStringLiteral("rightEye")).toArray();
    if (left.size() == 2)
        settings.leftEyeTarget = QPointF(left[0].toDouble(), left[1].toDouble());
    if (right.size() == 2)
        settings.rightEyeTarget = QPointF(right[0].toDouble(), right[1].toDouble());
    return settings;
}

bool AlignmentSettings::operator==(const AlignmentSettings &other) const
{
    // The landmark model path is where the file lives, not what the pipeline does.
    return outputSize == other.outputSize && leftEyeTarget == other.leftEyeTarget
        && rightEyeTarget == other.rightEyeTarget;
}

QString defaultLandmarkModelPath()
{
    const QByteArray fromEnvironment = qgetenv("PROFILELENS_LANDMARK_MODEL");
    if (!fromEnvironment.isEmpty())
        return QString::fromLocal8Bit(fromEnvironment);
    return QStringLiteral("/usr/share/dlib/shape_predictor_68_face_landmarks.dat");
}

class FaceAligner::Private
{
public:
    AlignmentSettings settings;
    FhogScanner scanner;
    std::shared_ptr<const dlib::shape_predictor> predictor;
    QString errorString;

    FaceAlignment finish(const cv::Mat &rgb, FaceAlignment result) const;
    std::vector<dlib::rect_detection> detect(const cv::Mat &gray);
};

// Runs the ahead-looking filter first and the other four only when it finds no confident
// face. The shared feature pyramid costs about as much as four filters at the first-pass
// size, so on portraits this cuts the detector's cost by about 40 %.
std::vector<dlib::rect_detection> FaceAligner::Private::detect(const cv::Mat &gray)
{
    const FrontalFilters &frontal = frontalFilters();
    scanner.load(dlib::cv_image<unsigned char>(gray));

    std::vector<dlib::rect_detection> candidates;
    std::vector<std::pair<double, dlib::rectangle>> windows;
    for (std::size_t i = 0; i < frontal.banks.size(); ++i) {
        const double threshold = frontal.thresholds[i];
        scanner.detect(*frontal.banks[i], windows, threshold);
        bool confident = false;
        for (const auto &[score, rect] : windows) {
            dlib::rect_detection detection;
            detection.detection_confidence = score - threshold;
            detection.weight_index = i;
            detection.rect = rect;
            candidates.push_back(detection);
            confident = confident || detection.detection_confidence >= kConfidentScore;
        }
        if (i == 0 && confident)
            break;
    }

    // Non-maximum suppression as in dlib's object_detector: the most confident window wins
    // and windows overlapping a kept one are dropped.
    std::sort(candidates.rbegin(), candidates.rend());
    const dlib::test_box_overlap &overlaps = frontal.detector.get_overlap_tester();
    std::vector<dlib::rect_detection> faces;
    for (const dlib::rect_detection &candidate : candidates) {
        const bool suppressed = std::any_of(faces.begin(), faces.end(),
                                            [&](const dlib::rect_detection &kept) {
                                                return overlaps(kept.rect, candidate.rect);
                                            });
        if (!suppressed)
            faces.push_back(candidate);
    }
    return faces;
}

FaceAlignment FaceAligner::Private::finish(const cv::Mat &rgb, FaceAlignment result) const
{
    if (QLineF(result.leftEye, result.rightEye).length() < 1.0) {
        result.status = FaceStatus::InvalidEyes;
        result.reason = FaceAlignerMessages::tr("The eye centres are less than one pixel apart.");
        return result;
    }
    result.transform = eyeTransform(result.leftEye, result.rightEye, settings);
    result.aligned = matToImage(warpFace(rgb, result.transform, settings.outputSize));
    return result;
}

FaceAligner::FaceAligner(const AlignmentSettings &settings)
    : d(std::make_unique<Private>())
{
    // The pipeline runs one picture per thread, so OpenCV's own pool would only add threads.
    // The pool is sized once, when the first aligner is made, because resizing it while
    // another thread is inside an OpenCV function crashes.
    static std::once_flag openCvThreadsSet;
    std::call_once(openCvThreadsSet, [] { cv::setNumThreads(1); });

    d->settings = settings;
    d->scanner.copy_configuration(frontalFilters().detector.get_scanner());
    const QString path = settings.landmarkModelPath.isEmpty() ? defaultLandmarkModelPath()
                                                              : settings.landmarkModelPath;
    d->predictor = sharedPredictor(path, &d->errorString);
}

FaceAligner::~FaceAligner() = default;

bool FaceAligner::isReady() const
{
    return d->predictor != nullptr;
}

QString FaceAligner::errorString() const
{
    return d->errorString;
}

const AlignmentSettings &FaceAligner::settings() const
{
    return d->settings;
}

QTransform FaceAligner::eyeTransform(QPointF leftEye, QPointF rightEye,
                                     const AlignmentSettings &settings)
{
    const QPointF leftTarget(settings.leftEyeTarget.x() * settings.outputSize.width(),
                             settings.leftEyeTarget.y() * settings.outputSize.height());
    const QPointF rightTarget(settings.rightEyeTarget.x() * settings.outputSize.width(),
                              settings.rightEyeTarget.y() * settings.outputSize.height());

    // A similarity transform is fixed by two point pairs: as complex numbers,
    // target = a * source + b, with a = (rightTarget - leftTarget) / (rightEye - leftEye).
    const std::complex<double> sourceLeft(leftEye.x(), leftEye.y());
    const std::complex<double> sourceRight(rightEye.x(), rightEye.y());
    const std::complex<double> targetLeft(leftTarget.x(), leftTarget.y());
    const std::complex<double> targetRight(rightTarget.x(), rightTarget.y());
    const std::complex<double> a = (targetRight - targetLeft) / (sourceRight - sourceLeft);
    const std::complex<double> b = targetLeft - a * sourceLeft;

    // QTransform maps (x, y) to (m11 x + m21 y + dx, m12 x + m22 y + dy).
    return QTransform(a.real(), a.imag(), -a.imag(), a.real(), b.real(), b.imag());
}

FaceAlignment FaceAligner::align(const QImage &image)
{
    FaceAlignment result;
    if (!isReady()) {
        result.status = FaceStatus::DetectorUnavailable;
        result.reason = d->errorString;
        return result;
    }
    if (image.isNull() || std::min(image.width(), image.height()) < kMinImageSide) {
        result.status = FaceStatus::ImageTooSmall;
        result.reason = FaceAlignerMessages::tr("No face found: the image is too small (%1 x %2 pixels; at least "
                                                "%3 pixels on each side are needed).")
                            .arg(image.width())
                            .arg(image.height())
                            .arg(kMinImageSide);
        return result;
    }

    try {
        // The detector and the warp only read the pixels, so an RGB888 picture is not copied.
        const QImage rgbImage = image.format() == QImage::Format_RGB888
            ? image
            : image.convertToFormat(QImage::Format_RGB888);
        const cv::Mat rgb = rgbMatView(rgbImage);
        cv::Mat gray;
        cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);

        const double firstScale = double(kFirstPassSide) / std::max(gray.cols, gray.rows);

        // Every pass's detections with their scores; the search stops at the first pass
        // whose best score is confident, else the most confident pass wins.
        std::vector<dlib::rect_detection> faces;
        cv::Mat scaled;
        double scale = firstScale;
        double searchedScale = firstScale;
        double bestScore = -1.0;
        for (int pass = 0; pass < kDetectPasses; ++pass) {
            const double candidate = firstScale * double(1 << pass);
            const double pixels = double(gray.cols) * gray.rows * candidate * candidate;
            if (pass > 0 && pixels > kMaxDetectPixels)
                break;
            searchedScale = candidate;
            cv::Mat resized;
            cv::resize(gray, resized, cv::Size(), candidate, candidate,
                       candidate < 0.5 ? cv::INTER_AREA : cv::INTER_LINEAR);
            std::vector<dlib::rect_detection> found = d->detect(resized);
            if (found.empty())
                continue;
            double passScore = found.front().detection_confidence;
            for (const dlib::rect_detection &detection : found)
                passScore = std::max(passScore, detection.detection_confidence);
            if (passScore > bestScore) {
                bestScore = passScore;
                faces = std::move(found);
                scaled = resized;
                scale = candidate;
            }
            if (bestScore >= kConfidentScore)
                break;
        }

        if (faces.empty()) {
            result.status = FaceStatus::NoFaceDetected;
            result.reason = FaceAlignerMessages::tr("No face found: the detector found no frontal face (searched "
                                                    "faces down to about %1 pixels wide).")
                                .arg(qRound(kDetectorWindow / searchedScale));
            return result;
        }

        // Weak detections next to a confident one are usually face-like patterns (a badge,
        // a logo), so only faces scoring at least min(kConfidentScore, best score) count.
        // Of those, the largest is the subject; ties go to the more confident one.
        const double keepScore = std::min(kConfidentScore, bestScore);
        faces.erase(std::remove_if(faces.begin(), faces.end(),
                                   [keepScore](const dlib::rect_detection &detection) {
                                       return detection.detection_confidence < keepScore;
                                   }),
                    faces.end());
        const auto largestDetection = std::max_element(
            faces.begin(), faces.end(),
            [](const dlib::rect_detection &a, const dlib::rect_detection &b) {
                if (a.rect.area() != b.rect.area())
                    return a.rect.area() < b.rect.area();
                return a.detection_confidence < b.detection_confidence;
            });
        const dlib::rectangle *largest = &largestDetection->rect;
        result.faceCount = int(faces.size());

        // Landmarks are placed at the original resolution when detection ran on a reduced
        // copy (dlib returns whole-pixel positions, so a reduced copy would lose precision),
        // and on the enlarged copy when the original is small.
        const double landmarkScale = std::max(scale, 1.0);
        const cv::Mat &landmarkImage = scale < 1.0 ? gray : scaled;
        const double toLandmark = landmarkScale / scale;
        const dlib::rectangle box(std::lround(largest->left() * toLandmark),
                                  std::lround(largest->top() * toLandmark),
                                  std::lround(largest->right() * toLandmark),
                                  std::lround(largest->bottom() * toLandmark));
        const dlib::full_object_detection shape =
            (*d->predictor)(dlib::cv_image<unsigned char>(landmarkImage), box);
        result.landmarks.reserve(int(shape.num_parts()));
        for (unsigned long i = 0; i < shape.num_parts(); ++i)
            result.landmarks.append(QPointF(double(shape.part(i).x()) / landmarkScale,
                                            double(shape.part(i).y()) / landmarkScale));
        result.faceBox = QRectF(box.left() / landmarkScale, box.top() / landmarkScale,
                                box.width() / landmarkScale, box.height() / landmarkScale);
        result.leftEye = meanPoint(result.landmarks, kLeftEyeFirst, kEyePointCount);
        result.rightEye = meanPoint(result.landmarks, kRightEyeFirst, kEyePointCount);
        result.status = FaceStatus::Found;
        return d->finish(rgb, result);
    } catch (const std::exception &error) {
        result.status = FaceStatus::NoFaceDetected;
        result.reason = FaceAlignerMessages::tr("No face found: face detection failed (%1).")
                            .arg(QString::fromLocal8Bit(error.what()));
        qCWarning(lcAlign) << "detection failed:" << error.what();
        return result;
    }
}

FaceAlignment FaceAligner::alignWithEyes(const QImage &image, QPointF leftEye,
                                         QPointF rightEye) const
{
    FaceAlignment result;
    result.status = FaceStatus::ManualEyes;
    result.leftEye = leftEye;
    result.rightEye = rightEye;
    if (image.isNull()) {
        result.status = FaceStatus::ImageTooSmall;
        result.reason = FaceAlignerMessages::tr("No image to align.");
        return result;
    }
    try {
        return d->finish(imageToRgbMat(image), result);
    } catch (const std::exception &error) {
        result.status = FaceStatus::InvalidEyes;
        result.reason = FaceAlignerMessages::tr("Alignment from the given eye centres failed (%1).")
                            .arg(QString::fromLocal8Bit(error.what()));
        return result;
    }
}

} // namespace ProfileLens
