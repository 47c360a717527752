#pragma once

#include "datasetselection.h"
#include "datasetsplit.h"
#include "featurecache.h"
#include "modelfile.h"
#include "preprocessor.h"
#include "trainer.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace ProfileLens {

/// One hand-labelled picture, for training on a project's own labels.
struct LabeledImage
{
    QString path;
    int label = 0;
    /// Optional group (a person, an account) kept on one side of the split.
    QString group;
};

/// Source of the labelled pictures, with their selection, split and preprocessing.
struct DataRequest
{
    /// CelebA-format attribute file, a labels CSV, or a folder holding one. Empty when
    /// images is used instead.
    QString datasetPath;
    /// Pictures with labels given directly (a project's own labels).
    QVector<LabeledImage> images;
    QString attribute = QStringLiteral("Eyeglasses");
    SelectionOptions selection;
    SplitOptions split;
    PreprocessSettings preprocessing;
    /// Preprocessing threads; 0: one per core.
    int threads = 0;
    /// Folder of the preprocessing cache; empty: the user's cache folder.
    QString cacheDir;
};

/// Preprocessed training, validation and test sets with counts for the report.
struct PreparedData
{
    TensorSet training;
    TensorSet validation;
    TensorSet test;
    /// Preprocessing the tensors went through; stored in the model file.
    PreprocessSettings settings;
    /// Description of the data source, for the model file.
    QJsonObject description;
    int selectedCount = 0;
    int missingCount = 0;
    FeatureCacheStats preprocessing;
    /// One line per non-fatal problem (missing images, skipped rows...).
    QStringList warnings;
    QString errorString;
    bool canceled = false;

    bool isOk() const { return errorString.isEmpty() && !canceled; }
    /// Returns a short English-independent summary such as "9,937 rows, 9,900 aligned".
    QString summary() const;
};

enum class PipelinePhase {
    Reading,
    Preprocessing,
    Training,
    Evaluating,
    Saving,
};

struct PipelineProgress
{
    PipelinePhase phase = PipelinePhase::Reading;
    /// Units done and total in this phase (images, or training steps).
    int done = 0;
    int total = 0;
    /// Set during PipelinePhase::Training.
    TrainingProgress training;
};

using PipelineProgressCallback = std::function<void(const PipelineProgress &progress)>;

/// Everything a training run produced.
struct PipelineResult
{
    QString errorString;
    bool canceled = false;
    QString modelPath;
    ModelMetadata metadata;
    PreparedData data;
    TrainingResult training;
    /// Positive-class probabilities of the training and test sets, in TensorSet order.
    std::vector<float> trainingProbabilities;
    std::vector<float> testProbabilities;

    bool isOk() const { return errorString.isEmpty() && !canceled; }
};

/// Returns a translated name of \a phase ("Preprocessing", ...).
QString pipelinePhaseName(PipelinePhase phase);

/**
 * Reads, selects, splits and preprocesses a dataset (cached). When the request has no
 * validation set of its own (official split), a validation set is split off the training
 * side with the same method, so early stopping never looks at the test set.
 */
PreparedData prepareData(const DataRequest &request, const PipelineProgressCallback &progress = {},
                         const std::atomic<bool> *cancel = nullptr);

/**
 * Trains a model on prepared data (TrainingOptions::members networks, averaged into one
 * model when more than one), evaluates it on both splits, chooses the threshold by
 * TrainingOptions::thresholdRule on the validation set (the test set when none), and saves
 * the model file
 * with its metadata and an evaluation CSV beside it (modelPath + ".evaluation.csv").
 */
PipelineResult trainModel(const PreparedData &data, const TrainingOptions &options,
                          const QString &attribute, const QString &modelPath,
                          const PipelineProgressCallback &progress = {},
                          const std::atomic<bool> *cancel = nullptr,
                          WeightPrecision precision = WeightPrecision::Float32);

/**
 * Scores every split of \a data with \a classifier and chooses its threshold by \a rule on
 * the validation set (the test set when none). Then saves it to \a modelPath with \a recipe
 * and the metrics, and writes an evaluation CSV beside it. trainModel() ends with this, and
 * a model combined from trained ones is saved with it alone.
 */
PipelineResult evaluateAndSave(const PreparedData &data, const Classifier &classifier,
                               ThresholdRule rule, const QJsonObject &recipe,
                               const QString &attribute, const QString &modelPath, int threads,
                               const PipelineProgressCallback &progress = {},
                               const std::atomic<bool> *cancel = nullptr,
                               WeightPrecision precision = WeightPrecision::Float32);

/// Returns the checkpoint file of network \a member (0 for the first) when trainModel()
/// trains several networks with TrainingOptions::checkpointPath set to \a checkpointPath.
QString memberCheckpointPath(const QString &checkpointPath, int member);

/// Returns the file that keeps network \a member once it has finished, so that a resumed run
/// does not train it again. Returns an empty path when \a checkpointPath is empty.
QString finishedMemberPath(const QString &checkpointPath, int member);

/// Removes the checkpoints and finished networks of a run with \a members networks.
void removeTrainingCheckpoints(const QString &checkpointPath, int members);

/// Per-image evaluation rows stored beside a model.
struct EvaluationRows
{
    QStringList splits;
    QStringList sources;
    std::vector<int> labels;
    std::vector<float> probabilities;
};

/// Returns the evaluation CSV path of the model at \a modelPath.
QString evaluationPathForModel(const QString &modelPath);
bool writeEvaluationRows(const QString &path, const EvaluationRows &rows, QString *errorString);
bool readEvaluationRows(const QString &path, EvaluationRows *rows, QString *errorString);

/**
 * Returns where the model a project registered as \a storedPath lives: relative paths are
 * taken from \a projectFolder. A missing file named like the shipped default model is
 * replaced by defaultModelPath(), so projects keep their default model when ProfileLens is
 * installed elsewhere or rebuilt in another folder.
 */
QString resolveModelPath(const QString &storedPath, const QString &projectFolder);

/// Returns the default model shipped with ProfileLens, or an empty string when none is found:
/// $PROFILELENS_MODEL, then the installed data folder, then the source tree's models/.
QString defaultModelPath();

} // namespace ProfileLens
