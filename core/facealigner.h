#pragma once

#include <QImage>
#include <QJsonObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTransform>
#include <QVector>

#include <memory>

namespace ProfileLens {

/// Geometry of the aligned face and how faces are searched for.
struct AlignmentSettings
{
    /// CelebA's aligned image size.
    QSize outputSize{178, 218};
    /// Eye centres in the output, as fractions of its width and height. "Left" is the eye
    /// on the left of the picture (the person's right eye).
    QPointF leftEyeTarget{0.35, 0.35};
    QPointF rightEyeTarget{0.65, 0.35};
    /// dlib's 68-point shape predictor; empty means the default location.
    QString landmarkModelPath;

    QJsonObject toJson() const;
    static AlignmentSettings fromJson(const QJsonObject &json);
    bool operator==(const AlignmentSettings &other) const;
};

/// Outcome of face alignment, including the reason when no face was aligned.
enum class FaceStatus {
    Found,
    ManualEyes,
    ImageTooSmall,
    NoFaceDetected,
    InvalidEyes,
    DetectorUnavailable,
};

/// The face that was aligned and everything needed to draw it over the original.
struct FaceAlignment
{
    FaceStatus status = FaceStatus::NoFaceDetected;
    /// Number of confident faces the detector found. The largest one is aligned.
    /// NOTE: when a face looking ahead is found confidently, turned or tilted faces beside it
    /// are not searched for, so they are not counted.
    int faceCount = 0;
    /// Face box in the original image's pixel coordinates (empty for manual eyes).
    QRectF faceBox;
    /// The 68 landmarks in the original's coordinates (empty for manual eyes).
    QVector<QPointF> landmarks;
    /// Eye centres in the original's coordinates.
    QPointF leftEye;
    QPointF rightEye;
    /// Maps original coordinates to aligned-image coordinates.
    QTransform transform;
    /// Aligned colour face, RGB888 at AlignmentSettings::outputSize.
    QImage aligned;
    /// Reason no face was aligned; empty when one was.
    QString reason;

    bool isAligned() const { return status == FaceStatus::Found || status == FaceStatus::ManualEyes; }
};

/// Returns the default path of dlib's 68-point landmark model: $PROFILELENS_LANDMARK_MODEL
/// when set, else the file installed by Debian's libdlib-data.
QString defaultLandmarkModelPath();

/**
 * Finds the largest face with dlib's frontal HOG detector, places its 68 landmarks and
 * warps the picture so that the eye centres land on fixed points.
 *
 * One instance per thread: the detector keeps scratch buffers. The landmark model (about
 * 100 MB) is loaded once per process and shared read-only between instances.
 */
class FaceAligner
{
public:
    explicit FaceAligner(const AlignmentSettings &settings = {});
    ~FaceAligner();
    FaceAligner(const FaceAligner &) = delete;
    FaceAligner &operator=(const FaceAligner &) = delete;

    /// Returns false when the landmark model could not be loaded; errorString() gives the reason.
    bool isReady() const;
    QString errorString() const;
    const AlignmentSettings &settings() const;

    /// Detects and aligns the largest face in \a image (any QImage format). Never throws.
    FaceAlignment align(const QImage &image);

    /// Aligns \a image from eye centres placed by hand, skipping detection. Never throws.
    FaceAlignment alignWithEyes(const QImage &image, QPointF leftEye, QPointF rightEye) const;

    /// Returns the similarity transform that maps the two eye centres onto their targets.
    static QTransform eyeTransform(QPointF leftEye, QPointF rightEye,
                                   const AlignmentSettings &settings);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ProfileLens
