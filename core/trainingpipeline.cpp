#include "trainingpipeline.h"

#include "dataset.h"
#include "logging.h"
#include "metrics.h"
#include "predictor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace ProfileLens {

namespace {

// The "ProfileLens::TrainingPipeline" translation context, declared so that lupdate can read it.
struct TrainingPipelineMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::TrainingPipeline)
};

// Share of the training side split off for validation when the dataset has no validation set.
constexpr double kValidationFraction = 0.1;

// A dataset built from hand-labelled pictures, so selection and splitting work the same way
// for a project's labels as for a label file.
Dataset datasetFromImages(const QVector<LabeledImage> &images, const QString &attribute)
{
    Dataset dataset;
    dataset.format = DatasetFormat::Csv;
    dataset.attributeNames = {attribute};
    bool anyGroup = false;
    for (const LabeledImage &image : images)
        anyGroup = anyGroup || !image.group.isEmpty();
    QHash<QString, int> groupIndex;
    for (const LabeledImage &image : images) {
        dataset.fileNames.append(QFileInfo(image.path).fileName());
        dataset.imagePaths.append(image.path);
        dataset.labels.push_back(image.label == 1 ? 1 : -1);
        if (anyGroup) {
            if (image.group.isEmpty()) {
                dataset.groupIds.push_back(-1);
            } else {
                auto found = groupIndex.find(image.group);
                if (found == groupIndex.end()) {
                    found = groupIndex.insert(image.group, int(dataset.groupNames.size()));
                    dataset.groupNames.append(image.group);
                }
                dataset.groupIds.push_back(found.value());
            }
        }
    }
    return dataset;
}

void collectRows(const Dataset &dataset, const std::vector<int> &rows, int attribute,
                 QStringList *paths, std::vector<int> *labels)
{
    paths->reserve(int(rows.size()));
    labels->reserve(rows.size());
    for (int row : rows) {
        paths->append(dataset.imagePaths[row]);
        labels->push_back(dataset.label(row, attribute) > 0 ? 1 : 0);
    }
}

void reportProgress(const PipelineProgressCallback &progress, PipelinePhase phase, int done,
                    int total)
{
    if (!progress)
        return;
    PipelineProgress update;
    update.phase = phase;
    update.done = done;
    update.total = total;
    progress(update);
}

QJsonObject reportJson(const ClassificationReport &report)
{
    auto classJson = [](const ClassMetrics &metrics) {
        return QJsonObject{{QStringLiteral("precision"), metrics.precision},
                           {QStringLiteral("recall"), metrics.recall},
                           {QStringLiteral("f1"), metrics.f1Score},
                           {QStringLiteral("support"), qint64(metrics.support)}};
    };
    return QJsonObject{
        {QStringLiteral("threshold"), report.threshold},
        {QStringLiteral("accuracy"), report.accuracy},
        {QStringLiteral("negative"), classJson(report.negative)},
        {QStringLiteral("positive"), classJson(report.positive)},
        {QStringLiteral("truePositives"), qint64(report.confusion.truePositives)},
        {QStringLiteral("falsePositives"), qint64(report.confusion.falsePositives)},
        {QStringLiteral("trueNegatives"), qint64(report.confusion.trueNegatives)},
        {QStringLiteral("falseNegatives"), qint64(report.confusion.falseNegatives)},
    };
}

} // namespace

QString pipelinePhaseName(PipelinePhase phase)
{
    switch (phase) {
    case PipelinePhase::Reading:
        return TrainingPipelineMessages::tr("Reading labels");
    case PipelinePhase::Preprocessing:
        return TrainingPipelineMessages::tr("Preprocessing");
    case PipelinePhase::Training:
        return TrainingPipelineMessages::tr("Training");
    case PipelinePhase::Evaluating:
        return TrainingPipelineMessages::tr("Evaluating");
    case PipelinePhase::Saving:
        return TrainingPipelineMessages::tr("Saving");
    }
    return {};
}

QString PreparedData::summary() const
{
    const QLocale locale;
    return TrainingPipelineMessages::tr("%1 selected, %2 aligned, %3 without a face, %4 unreadable; %5 training, %6 "
                                        "validation, %7 test")
        .arg(locale.toString(selectedCount), locale.toString(preprocessing.aligned),
             locale.toString(preprocessing.noFace), locale.toString(preprocessing.loadFailed),
             locale.toString(training.count()), locale.toString(validation.count()),
             locale.toString(test.count()));
}

PreparedData prepareData(const DataRequest &request, const PipelineProgressCallback &progress,
                         const std::atomic<bool> *cancel)
{
    PreparedData prepared;
    prepared.settings = request.preprocessing;
    auto report = [&](PipelinePhase phase, int done, int total) {
        reportProgress(progress, phase, done, total);
    };

    // Read
    report(PipelinePhase::Reading, 0, 1);
    Dataset dataset;
    if (!request.datasetPath.isEmpty()) {
        DatasetLoadOptions options;
        options.attribute = request.attribute;
        DatasetLoadResult loaded = loadDataset(request.datasetPath, options);
        if (!loaded.ok()) {
            prepared.errorString = loaded.errorString();
            return prepared;
        }
        for (const DatasetIssue &issue : loaded.warnings)
            prepared.warnings.append(issue.message);
        dataset = std::move(loaded.dataset);
    } else if (!request.images.isEmpty()) {
        dataset = datasetFromImages(request.images, request.attribute);
    } else {
        prepared.errorString = TrainingPipelineMessages::tr("No training data: choose a dataset folder or label some "
                                                            "pictures first.");
        return prepared;
    }
    prepared.missingCount = dataset.missingImageCount;

    // Select and split
    SelectionOptions selectionOptions = request.selection;
    selectionOptions.attribute = request.attribute;
    const DatasetSelection selection = selectRows(dataset, selectionOptions);
    if (!selection.ok()) {
        prepared.errorString = selection.error;
        return prepared;
    }
    prepared.warnings += selection.warnings;
    prepared.selectedCount = int(selection.rows.size());

    // A group split is the safe default, because it keeps each person on one side. A
    // dataset without groups is split picture by picture instead, with a warning.
    SplitOptions splitOptions = request.split;
    if (splitOptions.method == SplitMethod::Group && !dataset.hasGroups()) {
        splitOptions.method = SplitMethod::Random;
        prepared.warnings.append(
            TrainingPipelineMessages::tr("The dataset names no group (person or account) for its "
                                         "pictures, so they were split at random."));
    }
    const DatasetSplit split = splitRows(dataset, selection.rows, selection.attribute, splitOptions);
    if (!split.ok()) {
        prepared.errorString = split.error;
        return prepared;
    }
    prepared.warnings += split.warnings;

    std::vector<int> trainRows = split.train;
    std::vector<int> validationRows = split.validation;
    if (validationRows.empty()) {
        SplitOptions inner = splitOptions;
        if (inner.method == SplitMethod::Official)
            inner.method = dataset.hasGroups() ? SplitMethod::Group : SplitMethod::Random;
        inner.testFraction = kValidationFraction;
        inner.seed = request.split.seed + 1;
        const DatasetSplit validationSplit =
            splitRows(dataset, split.train, selection.attribute, inner);
        if (validationSplit.ok()) {
            trainRows = validationSplit.train;
            validationRows = validationSplit.test;
        } else {
            prepared.warnings.append(validationSplit.error);
        }
    }
    report(PipelinePhase::Reading, 1, 1);

    // Preprocess, reusing the cache
    QStringList trainPaths, validationPaths, testPaths;
    std::vector<int> trainLabels, validationLabels, testLabels;
    collectRows(dataset, trainRows, selection.attribute, &trainPaths, &trainLabels);
    collectRows(dataset, validationRows, selection.attribute, &validationPaths, &validationLabels);
    collectRows(dataset, split.test, selection.attribute, &testPaths, &testLabels);

    const QStringList allPaths = trainPaths + validationPaths + testPaths;
    std::vector<int> allLabels = trainLabels;
    allLabels.insert(allLabels.end(), validationLabels.begin(), validationLabels.end());
    allLabels.insert(allLabels.end(), testLabels.begin(), testLabels.end());

    const QString imageDir = !dataset.imageDir.isEmpty() ? dataset.imageDir
        : allPaths.isEmpty()                            ? QString()
                                                        : QFileInfo(allPaths.first()).absolutePath();
    FeatureCache cache(request.cacheDir, imageDir, request.preprocessing);
    QString errorString;
    const TensorSet all = cache.build(
        allPaths, allLabels, request.threads,
        [&](int done, int total) { report(PipelinePhase::Preprocessing, done, total); }, cancel,
        &prepared.preprocessing, &errorString);
    if (cancel && cancel->load()) {
        prepared.canceled = true;
        return prepared;
    }
    if (!errorString.isEmpty()) {
        prepared.errorString = errorString;
        return prepared;
    }

    // Split the tensors back into their sets by source path.
    QSet<QString> inTraining(trainPaths.cbegin(), trainPaths.cend());
    QSet<QString> inValidation(validationPaths.cbegin(), validationPaths.cend());
    for (TensorSet *set : {&prepared.training, &prepared.validation, &prepared.test}) {
        set->width = all.width;
        set->height = all.height;
    }
    const int pixelsPerImage = all.pixelsPerImage();
    for (int i = 0; i < all.count(); ++i) {
        const QString &source = all.sources[i];
        TensorSet *target = inTraining.contains(source) ? &prepared.training
            : inValidation.contains(source)             ? &prepared.validation
                                                        : &prepared.test;
        target->pixels.insert(target->pixels.end(), all.pixels.begin() + qint64(i) * pixelsPerImage,
                              all.pixels.begin() + qint64(i + 1) * pixelsPerImage);
        target->labels.push_back(all.labels[size_t(i)]);
        target->sources.append(source);
    }

    auto positives = [](const TensorSet &set) {
        return int(std::count(set.labels.begin(), set.labels.end(), 1));
    };
    const int trainingPositives = positives(prepared.training);
    if (!prepared.training.isEmpty()
        && (trainingPositives == 0 || trainingPositives == prepared.training.count())) {
        prepared.errorString = TrainingPipelineMessages::tr(
                                   "The training set holds only one class of '%1' (%2 with it, %3 "
                                   "without). A classifier needs pictures of both kinds: select "
                                   "more rows or label more pictures.")
                                   .arg(request.attribute)
                                   .arg(trainingPositives)
                                   .arg(prepared.training.count() - trainingPositives);
        return prepared;
    }
    if (!prepared.training.isEmpty() && prepared.test.isEmpty()) {
        prepared.errorString = TrainingPipelineMessages::tr(
                                   "The test set is empty after alignment (%1 pictures selected). "
                                   "Select more pictures, or raise the test fraction.")
                                   .arg(prepared.selectedCount);
        return prepared;
    }
    if (prepared.training.isEmpty()) {
        prepared.errorString = TrainingPipelineMessages::tr("No training pictures left after alignment (%1 selected, "
                                                            "%2 without a face, %3 unreadable).")
                                   .arg(prepared.selectedCount)
                                   .arg(prepared.preprocessing.noFace)
                                   .arg(prepared.preprocessing.loadFailed);
        return prepared;
    }

    const double noFacePercent = prepared.selectedCount > 0
        ? 100.0 * prepared.preprocessing.noFace / prepared.selectedCount
        : 0.0;
    prepared.description = QJsonObject{
        {QStringLiteral("source"), request.datasetPath.isEmpty()
                                       ? QStringLiteral("project labels")
                                       : QFileInfo(request.datasetPath).absoluteFilePath()},
        {QStringLiteral("attribute"), request.attribute},
        {QStringLiteral("selection"), selectionPolicyKey(request.selection.policy)},
        {QStringLiteral("selectionMax"), request.selection.maxCount},
        {QStringLiteral("selectionSeed"), qint64(request.selection.seed)},
        {QStringLiteral("split"), splitMethodKey(splitOptions.method)},
        {QStringLiteral("testFraction"), request.split.testFraction},
        {QStringLiteral("splitSeed"), qint64(request.split.seed)},
        {QStringLiteral("selected"), prepared.selectedCount},
        {QStringLiteral("aligned"), prepared.preprocessing.aligned},
        {QStringLiteral("noFace"), prepared.preprocessing.noFace},
        {QStringLiteral("noFacePercent"), noFacePercent},
        {QStringLiteral("unreadable"), prepared.preprocessing.loadFailed},
        {QStringLiteral("missingImages"), prepared.missingCount},
        {QStringLiteral("training"), prepared.training.count()},
        {QStringLiteral("validation"), prepared.validation.count()},
        {QStringLiteral("test"), prepared.test.count()},
    };
    qCInfo(lcDataset).noquote() << "prepared" << prepared.summary();
    return prepared;
}

PipelineResult trainModel(const PreparedData &data, const TrainingOptions &options,
                          const QString &attribute, const QString &modelPath,
                          const PipelineProgressCallback &progress,
                          const std::atomic<bool> *cancel, WeightPrecision precision)
{
    // evaluateAndSave() fills in the data of a finished run.
    PipelineResult result;

    // Train each network on the same data, with its own seed and checkpoint. With several
    // views, each view gets its own networks, trained on that view alone.
    const QList<InputView> views = data.settings.views;
    const int viewCount = views.isEmpty() ? 1 : int(views.size());
    const int perView = std::max(1, options.members);
    const int memberCount = viewCount * perView;
    if (memberCount > Classifier::kMaximumMembers) {
        result.errorString = QCoreApplication::translate("Classifier",
                                                         "A model averages 1 to %1 networks, not %2.")
                                 .arg(Classifier::kMaximumMembers)
                                 .arg(memberCount);
        return result;
    }
    QList<Classifier> members;
    double seconds = 0.0;
    QJsonArray memberSteps;
    // The images of the view being trained, cropped once for all of its networks.
    TensorSet viewTraining;
    TensorSet viewValidation;
    int croppedView = -1;
    for (int member = 0; member < memberCount; ++member) {
        const int view = member / perView;
        const QRect place = views.isEmpty()
            ? QRect(0, 0, data.training.width, data.training.height)
            : views.at(view).placement;
        if (!views.isEmpty() && view != croppedView) {
            viewTraining = data.training.cropped(place.x(), place.y(), place.width(), place.height());
            viewValidation = data.validation.cropped(place.x(), place.y(), place.width(),
                                                     place.height());
            croppedView = view;
        }
        const TensorSet &training = views.isEmpty() ? data.training : viewTraining;
        const TensorSet &validation = views.isEmpty() ? data.validation : viewValidation;
        TrainingOptions memberOptions = options;
        // Each view's networks take the seeds seed, seed + 1 and so on, as separate runs would.
        memberOptions.seed = options.seed + quint64(member % perView);
        if (!options.checkpointPath.isEmpty())
            memberOptions.checkpointPath = memberCheckpointPath(options.checkpointPath, member);
        const int stepOffset = member * options.steps;

        // A network that finished before an interruption is read back, not trained again.
        const QString finishedPath = finishedMemberPath(options.checkpointPath, member);
        if (options.resume && memberCount > 1 && QFile::exists(finishedPath)) {
            const LoadedModel finished = ModelFile::load(finishedPath, place.size());
            if (finished.isOk() && finished.classifier.architecture() == options.architecture
                && finished.classifier.isSingleNetwork()) {
                members.append(finished.classifier);
                memberSteps.append(finished.metadata.recipe);
                qCInfo(lcTrain).noquote() << "Reused finished network" << finishedPath;
                continue;
            }
            qCWarning(lcTrain).noquote() << "Training network" << member + 1
                                         << "again:" << finished.errorString;
        }

        Trainer trainer(memberOptions);
        result.training = trainer.train(
            training, validation,
            [&](const TrainingProgress &step) {
                if (!progress)
                    return;
                PipelineProgress update;
                update.phase = PipelinePhase::Training;
                update.training = step;
                update.training.step += stepOffset;
                update.training.totalSteps = step.totalSteps * memberCount;
                update.training.member = member;
                update.training.memberCount = memberCount;
                update.done = update.training.step;
                update.total = update.training.totalSteps;
                progress(update);
            },
            cancel);
        if (result.training.canceled) {
            result.canceled = true;
            return result;
        }
        if (!result.training.isOk()) {
            result.errorString = result.training.errorString;
            return result;
        }
        members.append(result.training.classifier);
        seconds += result.training.seconds;
        const QJsonObject steps{{QStringLiteral("stepsDone"), result.training.steps},
                                {QStringLiteral("bestStep"), result.training.bestStep},
                                {QStringLiteral("stoppedEarly"), result.training.stoppedEarly}};
        memberSteps.append(steps);
        if (memberCount > 1 && !options.checkpointPath.isEmpty()) {
            ModelMetadata finished;
            finished.attribute = attribute;
            finished.classNames = {QStringLiteral("no %1").arg(attribute), attribute};
            finished.recipe = steps;
            QString errorString;
            if (!ModelFile::save(finishedPath, result.training.classifier, finished,
                                 WeightPrecision::Float32, &errorString))
                qCWarning(lcTrain).noquote() << errorString;
        }
    }
    QString errorString;
    if (!views.isEmpty()) {
        QList<Classifier> parts;
        QList<QRect> placements;
        for (int view = 0; view < viewCount; ++view) {
            const QList<Classifier> viewMembers = members.mid(view * perView, perView);
            parts.append(perView == 1 ? viewMembers.first()
                                      : Classifier::combine(viewMembers, false, &errorString));
            placements.append(views.at(view).placement);
            if (parts.last().isNull()) {
                result.errorString = errorString;
                return result;
            }
        }
        result.training.classifier = Classifier::combineParts(
            parts, placements, QSize(data.training.width, data.training.height),
            options.mirrorAverage, &errorString);
    } else if (memberCount > 1 || options.mirrorAverage) {
        result.training.classifier = Classifier::combine(members, options.mirrorAverage, &errorString);
    }
    if (result.training.classifier.isNull()) {
        result.errorString = errorString;
        return result;
    }
    result.training.seconds = seconds;

    QJsonObject recipe = options.toJson();
    recipe.insert(QStringLiteral("stepsDone"), result.training.steps);
    recipe.insert(QStringLiteral("bestStep"), result.training.bestStep);
    recipe.insert(QStringLiteral("stoppedEarly"), result.training.stoppedEarly);
    recipe.insert(QStringLiteral("trainingSeconds"), result.training.seconds);
    if (memberCount > 1)
        recipe.insert(QStringLiteral("memberSteps"), memberSteps);

    PipelineResult saved = evaluateAndSave(data, result.training.classifier, options.thresholdRule,
                                           recipe, attribute, modelPath, options.threads, progress,
                                           cancel, precision);
    saved.training = result.training;
    return saved;
}

PipelineResult evaluateAndSave(const PreparedData &data, const Classifier &classifier,
                               ThresholdRule rule, const QJsonObject &recipe,
                               const QString &attribute, const QString &modelPath, int threads,
                               const PipelineProgressCallback &progress,
                               const std::atomic<bool> *cancel, WeightPrecision precision)
{
    PipelineResult result;
    result.data = data;
    result.training.classifier = classifier;
    auto report = [&](PipelinePhase phase, int done, int total) {
        reportProgress(progress, phase, done, total);
    };
    // Scores, threshold and metrics are those of the weights as the file stores them.
    const Classifier scored =
        precision == WeightPrecision::Float16 ? classifier.roundedToHalf() : classifier;

    // Evaluate
    report(PipelinePhase::Evaluating, 0, 1);
    const Predictor predictor(scored, threads);
    const PredictionResult trainingPredictions = predictor.predict(data.training, {}, cancel);
    const PredictionResult validationPredictions = predictor.predict(data.validation, {}, cancel);
    const PredictionResult testPredictions = predictor.predict(data.test, {}, cancel);
    if (cancel && cancel->load()) {
        result.canceled = true;
        return result;
    }
    for (const PredictionResult *predictions :
         {&trainingPredictions, &validationPredictions, &testPredictions}) {
        if (!predictions->isOk()) {
            result.errorString = predictions->errorString;
            return result;
        }
    }
    result.trainingProbabilities = trainingPredictions.probabilities;
    result.testProbabilities = testPredictions.probabilities;

    // The threshold is chosen on validation data only; the test set stays unseen.
    const bool useValidation = !data.validation.isEmpty();
    const ThresholdEvaluator chooser(useValidation ? validationPredictions.probabilities
                                                   : testPredictions.probabilities,
                                     useValidation ? data.validation.labels : data.test.labels);
    double threshold = 0.5;
    const ThresholdChoice best = rule == ThresholdRule::Balanced
        ? chooser.balancedThreshold()
        : chooser.bestF1Threshold();
    if (best.isValid && std::isfinite(best.threshold))
        threshold = best.threshold;

    const ClassNames classNames{QStringLiteral("no %1").arg(attribute), attribute};
    QJsonObject metrics;
    auto addSet = [&](const QString &name, const std::vector<float> &scores,
                      const std::vector<int> &labels) {
        if (scores.empty())
            return;
        const ThresholdEvaluator evaluator(scores, labels);
        QJsonObject set = reportJson(evaluator.report(threshold, classNames));
        set.insert(QStringLiteral("auc"), evaluator.rocAuc());
        set.insert(QStringLiteral("averagePrecision"), evaluator.averagePrecision());
        metrics.insert(name, set);
    };
    addSet(QStringLiteral("training"), trainingPredictions.probabilities, data.training.labels);
    addSet(QStringLiteral("validation"), validationPredictions.probabilities, data.validation.labels);
    addSet(QStringLiteral("test"), testPredictions.probabilities, data.test.labels);
    metrics.insert(QStringLiteral("thresholdChosenOn"),
                   useValidation ? QStringLiteral("validation") : QStringLiteral("test"));
    metrics.insert(QStringLiteral("thresholdRule"), thresholdRuleKey(rule));
    report(PipelinePhase::Evaluating, 1, 1);

    // Save
    report(PipelinePhase::Saving, 0, 1);
    ModelMetadata metadata;
    metadata.architecture = classifier.architecture();
    metadata.inputSize = QSize(data.training.width, data.training.height);
    metadata.attribute = attribute;
    metadata.classNames = {classNames.negative, classNames.positive};
    metadata.preprocessing = data.settings.toJson();
    metadata.trainingData = data.description;
    metadata.recipe = recipe;
    metadata.threshold = threshold;
    metadata.metrics = metrics;
    metadata.createdAt = QDateTime::currentDateTimeUtc();
    metadata.createdBy = QStringLiteral("ProfileLens %1").arg(QStringLiteral(PROFILELENS_VERSION));

    QDir().mkpath(QFileInfo(modelPath).absolutePath());
    QString errorString;
    if (!ModelFile::save(modelPath, classifier, metadata, precision, &errorString)) {
        result.errorString = errorString;
        return result;
    }

    EvaluationRows rows;
    auto appendRows = [&](const QString &split, const TensorSet &set, const std::vector<float> &scores) {
        for (int i = 0; i < set.count(); ++i) {
            rows.splits.append(split);
            rows.sources.append(set.sourceOf(i));
            rows.labels.push_back(set.labels[size_t(i)]);
            rows.probabilities.push_back(scores[size_t(i)]);
        }
    };
    appendRows(QStringLiteral("train"), data.training, trainingPredictions.probabilities);
    appendRows(QStringLiteral("validation"), data.validation, validationPredictions.probabilities);
    appendRows(QStringLiteral("test"), data.test, testPredictions.probabilities);
    if (!writeEvaluationRows(evaluationPathForModel(modelPath), rows, &errorString))
        qCWarning(lcTrain).noquote() << errorString;

    result.modelPath = modelPath;
    result.metadata = metadata;
    report(PipelinePhase::Saving, 1, 1);
    qCInfo(lcTrain) << "saved model" << modelPath << "threshold" << threshold;
    return result;
}

QString memberCheckpointPath(const QString &checkpointPath, int member)
{
    if (member == 0)
        return checkpointPath;
    return checkpointPath + QStringLiteral(".network%1").arg(member + 1);
}

QString finishedMemberPath(const QString &checkpointPath, int member)
{
    if (checkpointPath.isEmpty())
        return {};
    return memberCheckpointPath(checkpointPath, member) + QStringLiteral(".finished");
}

void removeTrainingCheckpoints(const QString &checkpointPath, int members)
{
    if (checkpointPath.isEmpty())
        return;
    for (int member = 0; member < std::max(1, members); ++member) {
        QFile::remove(memberCheckpointPath(checkpointPath, member));
        QFile::remove(finishedMemberPath(checkpointPath, member));
    }
}

QString evaluationPathForModel(const QString &modelPath)
{
    return modelPath + QStringLiteral(".evaluation.csv");
}

bool writeEvaluationRows(const QString &path, const EvaluationRows &rows, QString *errorString)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *errorString = TrainingPipelineMessages::tr("Could not write %1 (%2).").arg(path, file.errorString());
        return false;
    }
    QTextStream out(&file);
    out << "split,label,probability,source\n";
    for (int i = 0; i < rows.sources.size(); ++i) {
        // The source goes last and unquoted: file paths may contain commas, and the reader
        // takes everything after the third comma.
        out << rows.splits[i] << ',' << rows.labels[size_t(i)] << ','
            << QString::number(double(rows.probabilities[size_t(i)]), 'g', 7) << ','
            << rows.sources[i] << '\n';
    }
    out.flush();
    if (!file.commit()) {
        *errorString = TrainingPipelineMessages::tr("Could not write %1 (%2).").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool readEvaluationRows(const QString &path, EvaluationRows *rows, QString *errorString)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *errorString = TrainingPipelineMessages::tr("Could not read %1 (%2).").arg(path, file.errorString());
        return false;
    }
    *rows = EvaluationRows();
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        ++lineNumber;
        if (lineNumber == 1 || line.isEmpty())
            continue;
        const int first = line.indexOf(QLatin1Char(','));
        const int second = line.indexOf(QLatin1Char(','), first + 1);
        const int third = line.indexOf(QLatin1Char(','), second + 1);
        bool labelOk = false;
        bool probabilityOk = false;
        const int label = line.mid(first + 1, second - first - 1).toInt(&labelOk);
        const float probability = line.mid(second + 1, third - second - 1).toFloat(&probabilityOk);
        if (first < 0 || second < 0 || third < 0 || !labelOk || !probabilityOk) {
            *errorString = TrainingPipelineMessages::tr("%1, line %2: invalid evaluation row '%3'.")
                               .arg(path)
                               .arg(lineNumber)
                               .arg(line.left(80));
            return false;
        }
        rows->splits.append(line.left(first));
        rows->labels.push_back(label);
        rows->probabilities.push_back(probability);
        rows->sources.append(line.mid(third + 1));
    }
    return true;
}

QString resolveModelPath(const QString &storedPath, const QString &projectFolder)
{
    QString path = storedPath;
    if (QFileInfo(path).isRelative() && !projectFolder.isEmpty())
        path = QDir(projectFolder).filePath(path);
    if (QFileInfo::exists(path))
        return path;
    const QString shipped = defaultModelPath();
    if (!shipped.isEmpty() && QFileInfo(path).fileName() == QFileInfo(shipped).fileName())
        return shipped;
    return path;
}

QString defaultModelPath()
{
    const QString fileName = QStringLiteral("eyeglasses.plmodel");
    QStringList candidates;
    const QByteArray fromEnvironment = qgetenv("PROFILELENS_MODEL");
    if (!fromEnvironment.isEmpty())
        candidates.append(QString::fromLocal8Bit(fromEnvironment));
    // Relative to the executable first, so an installed or relocated build finds its own copy.
    const QString appDir = QCoreApplication::instance() ? QCoreApplication::applicationDirPath()
                                                        : QString();
    if (!appDir.isEmpty())
        candidates.append(appDir + QStringLiteral("/../share/profilelens/models/") + fileName);
    candidates.append(QStringLiteral(PROFILELENS_DATA_DIR "/models/") + fileName);
    candidates.append(QStringLiteral(PROFILELENS_SOURCE_MODELS_DIR "/") + fileName);
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

} // namespace ProfileLens
