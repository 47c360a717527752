#pragma once

#include "classifier.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>
#include <QStringList>

namespace ProfileLens {

/// Storage type of the weights in a model file.
enum class WeightPrecision {
    /// Exact, 4 bytes per weight.
    Float32,
    /// Half the size. The tests require probabilities to stay within 1e-3 of the float32 model.
    Float16,
};

/// Everything stored in a model file besides the weights.
struct ModelMetadata
{
    /// Written by ModelFile::save(); the format version the file was read with after loading.
    int formatVersion = 0;
    /// Filled from the classifier by ModelFile::save().
    QString architecture;
    /// Filled from the classifier by ModelFile::save().
    QSize inputSize;
    /// Networks whose probabilities are averaged; filled from the classifier by ModelFile::save().
    int members = 1;
    /// Whether each network's probability for the mirror image is averaged in too; filled from
    /// the classifier by ModelFile::save().
    bool mirrorAverage = false;
    /// The part of the input each network reads, when the input shows several views of the
    /// face; filled from the classifier by ModelFile::save().
    QList<QRect> memberInputs;
    /// The face attribute the model detects, such as "Eyeglasses".
    QString attribute;
    /// Names of output 0 and output 1, such as {"No eyeglasses", "Eyeglasses"}.
    QStringList classNames;
    /// PreprocessSettings::toJson() of the pipeline that produced the training images.
    QJsonObject preprocessing;
    /// Description of the training data (dataset path, split, counts per class).
    QJsonObject trainingData;
    /// TrainingOptions::toJson() of the training run.
    QJsonObject recipe;
    /// Probability at or above which an image counts as positive.
    double threshold = 0.5;
    /// Evaluation figures (accuracy, AUC and so on), free-form.
    QJsonObject metrics;
    /// Set by ModelFile::save() when invalid.
    QDateTime createdAt;
    /// Set by ModelFile::save() to the application version that wrote the file.
    QString createdBy;

    QJsonObject toJson() const;
    /// Reads the fields written by toJson(); returns an empty string or what is missing or invalid.
    QString readJson(const QJsonObject &json);
};

/// A classifier read from a model file, or the reason it could not be read.
struct LoadedModel
{
    Classifier classifier;
    ModelMetadata metadata;
    /// Names the file and what is wrong; empty on success.
    QString errorString;

    bool isOk() const { return errorString.isEmpty() && !classifier.isNull(); }
};

/**
 * Saves and loads classifiers with their metadata.
 *
 * Layout (all integers little-endian):
 *   offset 0   8 bytes   magic "PLMODEL\0"
 *   offset 8   uint32    format version
 *   offset 12  uint32    metadata length M in bytes
 *   offset 16  uint64    weights length W in bytes
 *   offset 24  M bytes   UTF-8 JSON: ModelMetadata::toJson() plus a "tensors" array of
 *                        {name, dtype ("float32", "float16" or "int64"), shape, offset, bytes}
 *   24 + M     W bytes   raw tensor data, little-endian, at the offsets listed in "tensors"
 *   end        32 bytes  SHA-256 of every byte before it
 */
class ModelFile
{
public:
    /// The newest format version this build writes and reads.
    /// Version 2 added averaging classifiers ("members" and "mirrorAverage").
    static constexpr int kFormatVersion = 2;
    /// Conventional file name suffix.
    static QString suffix() { return QStringLiteral("plmodel"); }

    /**
     * Writes \a classifier and \a metadata to \a path atomically (QSaveFile), so an existing
     * file is only replaced by a complete one. Returns false and sets \a errorString on failure.
     */
    static bool save(const QString &path, const Classifier &classifier,
                     const ModelMetadata &metadata,
                     WeightPrecision precision = WeightPrecision::Float32,
                     QString *errorString = nullptr);

    /**
     * Reads a model file and checks magic, version, length, checksum, metadata, architecture,
     * and that every tensor name and shape matches the architecture. When \a expectedInputSize
     * is valid, a model for another input size is rejected too. Float16 weights come back as
     * float32. The classifier is in evaluation mode. LibTorch exceptions are caught and
     * returned in errorString.
     */
    static LoadedModel load(const QString &path, QSize expectedInputSize = QSize());

    /**
     * Reads only the metadata, after the same file checks as load() but without building the
     * network, for listing models. Returns false and sets \a errorString on failure.
     */
    static bool readMetadata(const QString &path, ModelMetadata *metadata,
                             QString *errorString = nullptr);
};

} // namespace ProfileLens
