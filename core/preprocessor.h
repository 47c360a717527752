#pragma once

#include "facealigner.h"
#include "imageloader.h"

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace ProfileLens {

/// One part of the face in a model input that shows several parts one above the other.
struct InputView
{
    /// Part of the aligned face, as fractions of its width and height.
    QRectF region;
    /// Rectangle of the model input, in its pixels, that the reduced part fills.
    QRect placement;

    bool operator==(const InputView &other) const
    {
        return region == other.region && placement == other.placement;
    }
};

/// Settings that determine the model input. They are stored in every model file and in the
/// key of every preprocessing cache, so training and inference cannot drift apart.
struct PreprocessSettings
{
    /// Bumped whenever the pipeline's output changes for the same settings.
    static constexpr int kPipelineVersion = 1;
    /// Written instead of kPipelineVersion when the model reads only a region of the face, so
    /// that builds which know nothing of regions reject such models instead of feeding them
    /// the whole face. Settings of the whole face keep version 1 and their fingerprints.
    static constexpr int kRegionPipelineVersion = 2;
    /// Written when the model input shows several views of the face.
    static constexpr int kViewsPipelineVersion = 3;

    AlignmentSettings alignment;
    /// Size of the grayscale image the model reads.
    QSize inputSize{28, 28};
    /// Part of the aligned face that is reduced to inputSize, as fractions of the face's width
    /// and height. The whole face unless a model reads only part of it.
    QRectF region = fullFace();
    /// Parts of the face, each reduced into its place in one input of inputSize, where the
    /// rest is black. Empty when the input shows region alone. Set by stacked().
    QList<InputView> views;
    ImageLoadOptions loading;

    /// The whole aligned face.
    static QRectF fullFace();
    /// A band across the eyes and eyebrows, from temple to temple, where eyeglasses are. At
    /// the default alignment it spans 164x74 pixels of the 178x218 face.
    static QRectF eyeBand();
    /// Settings whose input shows the whole face at 56x56 above the eye band at 88x40, the
    /// views of the default eyeglasses model, at the default alignment.
    static PreprocessSettings faceAndEyeBand();
    /// Default input size for \a region: 56x56 for the whole face, 88x40 for the eye band.
    static QSize defaultInputSize(const QRectF &region);
    /// Returns true when \a region lies inside the face and is not empty.
    static bool isValidRegion(const QRectF &region);
    /// Pixel rectangle of region in a face of \a faceSize, never empty, never outside it.
    QRect regionPixels(QSize faceSize) const;
    /// Pixel rectangle of \a region in a face of \a faceSize, never empty, never outside it.
    static QRect regionPixels(const QRectF &region, QSize faceSize);

    /**
     * Returns settings whose input shows each of \a parts (settings of one region each, with
     * the same alignment) one above the other, in order, centred horizontally. The input is
     * as wide as the widest part and as high as all of them. Returns settings without views
     * and sets \a errorString when a part has views itself or a different alignment.
     */
    static PreprocessSettings stacked(const QList<PreprocessSettings> &parts,
                                      QString *errorString = nullptr);

    QJsonObject toJson() const;
    static PreprocessSettings fromJson(const QJsonObject &json);
    /// Returns true when \a json was written by this pipeline version, so that
    /// fromJson(json) reproduces the preprocessing exactly.
    static bool isSupported(const QJsonObject &json);
    /// Returns a hex digest of the settings that change the pipeline's output.
    QByteArray fingerprint() const;
    bool operator==(const PreprocessSettings &other) const;
};

enum class StageStatus {
    Ok,
    LoadFailed,
    NoFace,
    Canceled,
};

/// Every stage of one picture, from the decoded original to the model's input tensor.
struct Stages
{
    QString source;
    StageStatus status = StageStatus::LoadFailed;
    /// Names the file and the reason when status is not Ok.
    QString errorString;
    /// Non-fatal problem, such as a truncated file that decoded partially.
    QString warning;

    /// Decoded picture with EXIF orientation applied (RGB888).
    QImage original;
    FaceAlignment alignment;
    /// Aligned colour face (RGB888, 178x218 by default).
    QImage aligned;
    /// Aligned face in 8-bit grayscale.
    QImage gray;
    /// Grayscale face, or the settings' region of it, at the model's input size (28x28 by
    /// default).
    QImage small;
    /// Model input: small's pixels divided by 255, row-major, height x width floats.
    std::vector<float> tensor;

    bool isOk() const { return status == StageStatus::Ok; }
};

/**
 * Runs one picture through loading, alignment, grayscale conversion and resizing.
 *
 * Interpolation: the colour face is warped with bilinear interpolation after any shrink
 * beyond 2x is done first by area averaging, so large photos do not alias; the 178x218
 * grayscale face is reduced to 28x28 by area averaging (OpenCV INTER_AREA), which averages
 * every source pixel instead of sampling a few, the standard choice for decimation.
 *
 * Not thread-safe: use one instance per thread.
 */
class Preprocessor
{
public:
    explicit Preprocessor(const PreprocessSettings &settings = {});
    ~Preprocessor();

    bool isReady() const;
    QString errorString() const;
    const PreprocessSettings &settings() const;

    Stages processFile(const QString &path);
    Stages processImage(const QImage &image, const QString &source);
    /// Uses eye centres placed by hand instead of the detector.
    Stages processWithEyes(const QImage &image, const QString &source, QPointF leftEye,
                           QPointF rightEye);

    /// Fills gray, small and tensor from an aligned colour face.
    static void finishStages(Stages &stages, const PreprocessSettings &settings);

private:
    PreprocessSettings m_settings;
    std::unique_ptr<FaceAligner> m_aligner;
};

struct BatchOptions
{
    /// Worker threads; 0 means one per core.
    int threads = 0;
    /// Keep original, aligned and gray images; off keeps only small, tensor and geometry.
    bool keepImages = false;
};

/// Called with (finished, total) from the calling thread while a batch runs.
using BatchProgress = std::function<void(int finished, int total)>;

/**
 * Preprocesses \a files on several threads; results come back in input order. When
 * \a cancel becomes true, unstarted files get StageStatus::Canceled. Never throws.
 */
std::vector<Stages> preprocessBatch(const QStringList &files, const PreprocessSettings &settings,
                                    const BatchOptions &options = {},
                                    const BatchProgress &progress = {},
                                    const std::atomic<bool> *cancel = nullptr);

QString stageStatusKey(StageStatus status);

} // namespace ProfileLens
