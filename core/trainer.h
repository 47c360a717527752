#pragma once

#include "classifier.h"
#include "tensordata.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace ProfileLens {

/**
 * Random changes applied to each training image, drawn from the trainer's seeded generator.
 * Cheap on 28x28 to 56x56 images: one affine resampling, one blur and a few element-wise
 * operations per batch, plus a resize or a JPEG round trip for some images.
 */
struct AugmentationSettings
{
    bool enabled = false;
    /// Mirrors half of the images left to right (faces are roughly symmetric).
    bool horizontalFlip = true;
    /// Maximum shift along each axis, in pixels.
    double maxShift = 1.5;
    /// Maximum rotation either way, in degrees.
    double maxRotation = 8.0;
    /// Maximum brightness offset either way, in grayscale units of [0, 1].
    double brightness = 0.08;
    /// Maximum relative contrast change either way (0.15: scale between 0.85 and 1.15).
    double contrast = 0.15;
    /// Fraction of images blurred with a 3x3 Gaussian kernel (sigma 0.8 pixels).
    double blurProbability = 0.15;
    /// Fraction of images reduced by area averaging and enlarged back, as a small avatar is.
    double lowResolutionProbability = 0.3;
    /// Smallest side of the reduced copy, relative to the input (0.25: 56 px down to 14 px).
    double lowResolutionMinScale = 0.25;
    /// Fraction of images compressed as JPEG, at a quality from jpegMinQuality to 90. A reduced
    /// image is compressed at its reduced size, before it is enlarged back.
    double jpegProbability = 0.2;
    int jpegMinQuality = 25;

    QJsonObject toJson() const;
    static AugmentationSettings fromJson(const QJsonObject &json);
};

/// Validation figure that early stopping and keepBestWeights compare.
enum class ValidationMetric {
    Loss,
    Accuracy,
};

/// Rule that chooses a model's threshold on the validation set after training.
enum class ThresholdRule {
    /// The highest F1 score of the positive class (ThresholdEvaluator::bestF1Threshold()).
    MaxF1,
    /// As many photos flagged as are labelled positive, where precision equals recall
    /// (ThresholdEvaluator::balancedThreshold()).
    Balanced,
};

/// Returns "max-f1" or "balanced", the keys of the command line and of model files.
QString thresholdRuleKey(ThresholdRule rule);
/// Sets \a rule from a key of thresholdRuleKey(); returns false for any other text.
bool thresholdRuleFromKey(const QString &key, ThresholdRule *rule);

/// The training recipe. The defaults are the reference recipe.
struct TrainingOptions
{
    QString architecture = QStringLiteral("reference");
    /// Optimiser steps (batches) in total, counting steps done before a resume.
    int steps = 2000;
    int batchSize = 100;
    /// Adam's learning rate.
    double learningRate = 1e-3;
    /// L2 penalty added to the gradients by Adam.
    double weightDecay = 0.0;
    /// Seeds weight initialisation, dropout, shuffling and augmentation.
    quint64 seed = 1;
    /**
     * LibTorch intra-op threads; 0 uses one per core (QThread::idealThreadCount(), because
     * LibTorch 1.13's own detection can return 1 on virtual machines). The setting is
     * process-wide, so it also affects other LibTorch work running at the same time. Results are
     * bit-for-bit reproducible with 1 thread.
     */
    int threads = 0;
    AugmentationSettings augmentation;

    /// Steps between evaluations on the validation set (when one is given); 0 evaluates only at
    /// the end.
    int validationInterval = 100;
    /// Images per forward pass during evaluation.
    int evaluationBatchSize = 500;

    /// Stops when the validation metric has not improved for this many evaluations; 0 never stops
    /// early.
    int earlyStoppingPatience = 0;
    /// Smallest change of the metric that counts as an improvement.
    double earlyStoppingMinDelta = 0.0;
    ValidationMetric validationMetric = ValidationMetric::Loss;
    /// Ends with the weights of the best evaluation instead of the last step (needs validation).
    bool keepBestWeights = true;

    /// File for checkpoints (model, optimiser, step, random generators); empty writes none.
    QString checkpointPath;
    /// Steps between checkpoints; 0 writes none.
    int checkpointInterval = 0;
    /// Continues from checkpointPath when it exists, instead of starting from scratch.
    bool resume = false;

    /**
     * Networks that trainModel() trains, with seeds seed, seed + 1 and so on, and averages into
     * one model. Each costs as much time as a single network. Trainer itself trains one.
     */
    int members = 1;
    /// Whether the model trainModel() saves also averages each network's probability for the
    /// mirror image of the face.
    bool mirrorAverage = false;
    /// Rule by which trainModel() chooses the model's threshold on the validation set.
    ThresholdRule thresholdRule = ThresholdRule::MaxF1;

    /// The recipe fields, for the model file's metadata (no paths or thread count).
    QJsonObject toJson() const;
};

/// Reported after each training step.
struct TrainingProgress
{
    /// Steps done so far (1 after the first step).
    int step = 0;
    int totalSteps = 0;
    /// Cross-entropy and accuracy of this step's batch (before the update).
    double loss = 0.0;
    double accuracy = 0.0;
    /// True when the validation set was evaluated after this step.
    bool validated = false;
    double validationLoss = 0.0;
    double validationAccuracy = 0.0;
    /// Seconds since training (or the resumed part) started.
    double elapsedSeconds = 0.0;
    /// Network being trained (0 for the first) and the number of networks, when trainModel()
    /// trains several. Steps then count on across networks: the second network's first step
    /// is TrainingOptions::steps + 1.
    int member = 0;
    int memberCount = 1;
};

using TrainingProgressCallback = std::function<void(const TrainingProgress &progress)>;

/// The outcome of Trainer::train().
struct TrainingResult
{
    /// The trained network in evaluation mode; null when training failed.
    Classifier classifier;
    /// What went wrong; empty on success and on cancel.
    QString errorString;
    bool canceled = false;
    bool stoppedEarly = false;
    /// Step at which this run started: 0, or the checkpoint's step after a resume.
    int startStep = 0;
    /// Steps completed, counting those before a resume.
    int steps = 0;
    /// Step whose weights were kept; equals steps unless the best weights were restored.
    int bestStep = 0;
    /// Every step's progress in this run (validated entries carry validation figures).
    std::vector<TrainingProgress> history;
    double seconds = 0.0;

    bool isOk() const { return errorString.isEmpty() && !canceled && !classifier.isNull(); }
};

/**
 * Trains a classifier with Adam on softmax cross-entropy.
 *
 * Runs synchronously on the calling thread; the GUI runs it on a worker thread. The cancel flag
 * is checked before every batch. LibTorch and standard exceptions are caught and returned in
 * TrainingResult::errorString.
 */
class Trainer
{
public:
    explicit Trainer(const TrainingOptions &options = {});

    const TrainingOptions &options() const { return m_options; }

    /**
     * Trains on \a training (labels required) and evaluates on \a validation every
     * validationInterval steps when it is not empty. Both sets must have the same image size.
     */
    TrainingResult train(const TensorSet &training, const TensorSet &validation = {},
                         const TrainingProgressCallback &progress = {},
                         const std::atomic<bool> *cancel = nullptr);

private:
    TrainingOptions m_options;
};

} // namespace ProfileLens
