// profilelens-cli prepare, train, evaluate and predict.

#include "clicommon.h"

#include "imageloader.h"
#include "metrics.h"
#include "modelfile.h"
#include "predictor.h"
#include "preprocessor.h"
#include "trainingpipeline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <cmath>
#include <csignal>

namespace ProfileLens::Cli {

namespace {

std::atomic<bool> g_canceled{false};

void onInterrupt(int)
{
    g_canceled.store(true);
}

// Options shared by the commands that read a dataset.
struct DataOptions
{
    QCommandLineOption attribute{QStringLiteral("attribute"),
                                 CliMessages::tr("Attribute to learn or evaluate (default Eyeglasses)."),
                                 CliMessages::tr("NAME"), QStringLiteral("Eyeglasses")};
    QCommandLineOption policy{QStringLiteral("policy"),
                              CliMessages::tr("Row selection: reference (every positive, then negatives up to "
                                              "--max), balanced, or all (default reference)."),
                              CliMessages::tr("POLICY"), QStringLiteral("reference")};
    QCommandLineOption max{QStringLiteral("max"),
                           CliMessages::tr("Rows selected by the reference and balanced policies (default "
                                           "80000)."),
                           CliMessages::tr("N"), QStringLiteral("80000")};
    QCommandLineOption split{QStringLiteral("split"),
                             CliMessages::tr("Split: random, official (CelebA's partition file) or group "
                                             "(whole people on one side). Default: group when the dataset "
                                             "has a group column, else random."),
                             CliMessages::tr("METHOD")};
    QCommandLineOption testFraction{QStringLiteral("test-fraction"),
                                    CliMessages::tr("Share of the rows in the test set (default 0.2)."),
                                    CliMessages::tr("F"), QStringLiteral("0.2")};
    QCommandLineOption seed{QStringLiteral("seed"),
                            CliMessages::tr("Seed of selection, split and training (default 42)."), CliMessages::tr("N"),
                            QStringLiteral("42")};
    QCommandLineOption threads{QStringLiteral("threads"),
                               CliMessages::tr("Worker threads (default: one per core, here %1).")
                                   .arg(QThread::idealThreadCount()),
                               CliMessages::tr("N")};
    InputOptions input;
    QCommandLineOption cacheDir{QStringLiteral("cache-dir"),
                                CliMessages::tr("Folder of the preprocessing cache (default: the user's "
                                                "cache folder)."),
                                CliMessages::tr("DIR")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions(
            {attribute, policy, max, split, testFraction, seed, threads, input.inputSize,
             input.faceRegion, cacheDir});
    }
};

bool readInt(const QCommandLineParser &parser, const QCommandLineOption &option, int minimum,
             int *value)
{
    bool ok = false;
    const int parsed = parser.value(option).toInt(&ok);
    if (!ok || parsed < minimum) {
        printError(CliMessages::tr("Invalid --%1 value '%2': give a whole number of at least %3.")
                       .arg(option.names().constLast(), parser.value(option))
                       .arg(minimum));
        return false;
    }
    *value = parsed;
    return true;
}

bool readDouble(const QCommandLineParser &parser, const QCommandLineOption &option,
                double minimum, double maximum, double *value)
{
    bool ok = false;
    const double parsed = parser.value(option).toDouble(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        printError(CliMessages::tr("Invalid --%1 value '%2': give a number from %3 to %4.")
                       .arg(option.names().constLast(), parser.value(option))
                       .arg(minimum)
                       .arg(maximum));
        return false;
    }
    *value = parsed;
    return true;
}

bool buildDataRequest(const QCommandLineParser &parser, const DataOptions &options,
                      const QString &datasetPath, DataRequest *request)
{
    request->datasetPath = datasetPath;
    request->attribute = parser.value(options.attribute);
    if (!selectionPolicyFromKey(parser.value(options.policy), &request->selection.policy)) {
        printError(CliMessages::tr("Invalid --policy value '%1': use reference, balanced or all.")
                       .arg(parser.value(options.policy)));
        return false;
    }
    int seed = 0;
    if (!readInt(parser, options.max, 1, &request->selection.maxCount)
        || !readInt(parser, options.seed, 0, &seed)
        || !readDouble(parser, options.testFraction, 0.01, 0.99, &request->split.testFraction))
        return false;
    request->selection.seed = quint64(seed);
    request->split.seed = quint64(seed);

    if (parser.isSet(options.split)) {
        if (!splitMethodFromKey(parser.value(options.split), &request->split.method)) {
            printError(CliMessages::tr("Invalid --split value '%1': use random, official or group.")
                           .arg(parser.value(options.split)));
            return false;
        }
    } else {
        // Rows without a group are split one by one, so the group split suits any dataset
        // and keeps each person on one side when the dataset names them.
        request->split.method = SplitMethod::Group;
    }
    if (parser.isSet(options.threads) && !readInt(parser, options.threads, 1, &request->threads))
        return false;
    if (!options.input.read(parser, &request->preprocessing))
        return false;
    request->cacheDir = parser.value(options.cacheDir);
    return true;
}

// Runs prepareData with a progress bar on standard error.
PreparedData runPrepare(const DataRequest &request, bool quiet)
{
    ProgressBar bar(CliMessages::tr("Preprocessing"), quiet);
    auto progress = [&](const PipelineProgress &update) {
        if (update.phase == PipelinePhase::Preprocessing)
            bar.update(update.done, update.total);
    };
    PreparedData prepared = prepareData(request, progress, &g_canceled);
    bar.finish();
    return prepared;
}

void printWarnings(const QStringList &warnings);

// Reads --threshold-rule; prints the value and the valid ones and returns false when invalid.
bool readThresholdRule(const QCommandLineParser &parser, const QCommandLineOption &option,
                       ThresholdRule *rule)
{
    if (thresholdRuleFromKey(parser.value(option), rule))
        return true;
    printError(CliMessages::tr("Invalid --threshold-rule value '%1': use max-f1 or balanced.")
                   .arg(parser.value(option)));
    return false;
}

// Prepares the data a model is trained or combined on and prints warnings and the summary.
// Prints the reason and returns false when preparing failed or was interrupted.
bool prepareForModel(const DataRequest &request, bool quiet, PreparedData *prepared)
{
    *prepared = runPrepare(request, quiet);
    if (prepared->canceled) {
        printError(CliMessages::tr("Interrupted while preprocessing."));
        return false;
    }
    if (!prepared->isOk()) {
        printError(prepared->errorString);
        return false;
    }
    printWarnings(prepared->warnings);
    if (!quiet)
        printOut(prepared->summary());
    return true;
}

void printWarnings(const QStringList &warnings)
{
    for (const QString &warning : warnings)
        printError(CliMessages::tr("warning: %1").arg(warning));
}

QString percent(double value)
{
    return QString::number(100.0 * value, 'f', 2) + QLatin1Char('%');
}

void printEvaluation(const QString &title, const std::vector<float> &scores,
                     const std::vector<int> &labels, double threshold, const QString &attribute)
{
    const ThresholdEvaluator evaluator(scores, labels);
    if (!evaluator.isValid()) {
        printError(evaluator.errorString());
        return;
    }
    const ClassNames names{QStringLiteral("no %1").arg(attribute), attribute};
    const ClassificationReport report = evaluator.report(threshold, names);
    printOut(QStringLiteral("== %1 (%2 images, threshold %3) ==")
                 .arg(title)
                 .arg(evaluator.size())
                 .arg(threshold, 0, 'f', 3));
    printOut(formatClassificationReport(report, 4));
    const ConfusionMatrix &m = report.confusion;
    printOut(CliMessages::tr("confusion matrix (rows: actual no / yes; columns: predicted no / yes)"));
    printOut(QStringLiteral("  %1 %2").arg(m.trueNegatives, 8).arg(m.falsePositives, 8));
    printOut(QStringLiteral("  %1 %2").arg(m.falseNegatives, 8).arg(m.truePositives, 8));
    if (evaluator.hasBothClasses())
        printOut(CliMessages::tr("ROC AUC %1   average precision %2")
                     .arg(evaluator.rocAuc(), 0, 'f', 4)
                     .arg(evaluator.averagePrecision(), 0, 'f', 4));
    printOut(QString());
}

LoadedModel loadModelOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    QString path = parser.value(option);
    if (path.isEmpty())
        path = defaultModelPath();
    if (path.isEmpty()) {
        LoadedModel failed;
        failed.errorString = CliMessages::tr("No model given and no default model found. Pass --model FILE "
                                             "or set PROFILELENS_MODEL.");
        return failed;
    }
    LoadedModel model = ModelFile::load(path);
    if (!model.isOk())
        model.errorString += QLatin1Char(' ')
            + CliMessages::tr("Check the --model path, or train the model again.");
    if (model.isOk() && !PreprocessSettings::isSupported(model.metadata.preprocessing)) {
        model.errorString = CliMessages::tr("%1 was trained with other preprocessing settings than this "
                                            "version of ProfileLens uses; retrain it.")
                                .arg(path);
    }
    return model;
}

} // namespace

int runPrepare(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliMessages::tr("Reads a dataset, selects and splits its rows and preprocesses every picture into "
                        "the cache that train and evaluate reuse. DATASET is CelebA's list_attr_celeba.txt, "
                        "a labels CSV (filename,<attribute>...[,group]), or a folder holding one."));
    parser.addPositionalArgument(QStringLiteral("dataset"), CliMessages::tr("Label file or folder."),
                                 CliMessages::tr("DATASET"));
    DataOptions data;
    data.addTo(parser);
    parser.addOption(quietOption());
    if (!parseCommandLine(parser, arguments))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        printError(CliMessages::tr("prepare needs exactly one DATASET. Run 'profilelens-cli prepare --help'."));
        return ExitUsage;
    }
    DataRequest request;
    if (!buildDataRequest(parser, data, parser.positionalArguments().first(), &request))
        return ExitUsage;

    std::signal(SIGINT, onInterrupt);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    const PreparedData prepared = runPrepare(request, quiet);
    if (prepared.canceled) {
        printError(CliMessages::tr("Interrupted; the pictures done so far are cached."));
        return ExitFailure;
    }
    if (!prepared.isOk()) {
        printError(prepared.errorString);
        return ExitFailure;
    }
    printWarnings(prepared.warnings);
    printOut(prepared.summary());
    printOut(CliMessages::tr("%1 reused from the cache, %2 preprocessed in %3 s; no face found in %4 of the "
                             "selected pictures.")
                 .arg(prepared.preprocessing.reused)
                 .arg(prepared.preprocessing.requested - prepared.preprocessing.reused)
                 .arg(prepared.preprocessing.preprocessSeconds, 0, 'f', 1)
                 .arg(percent(prepared.selectedCount > 0
                                  ? double(prepared.preprocessing.noFace) / prepared.selectedCount
                                  : 0.0)));
    return ExitSuccess;
}

int runTrain(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliMessages::tr("Trains a CNN for one attribute with LibTorch and writes a model file with its "
                        "metadata, plus MODEL.evaluation.csv with every test and training probability. The "
                        "decision threshold is chosen on the validation set (see --threshold-rule)."));
    parser.addPositionalArgument(QStringLiteral("dataset"), CliMessages::tr("Label file or folder."),
                                 CliMessages::tr("DATASET"));
    DataOptions data;
    data.addTo(parser);
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("out")},
                                       CliMessages::tr("Model file to write (default ATTRIBUTE.plmodel)."),
                                       CliMessages::tr("FILE"));
    const QCommandLineOption architectureOption(
        QStringLiteral("architecture"),
        CliMessages::tr("Network: %1 (default %2).")
            .arg([] {
                QStringList names;
                for (const Classifier::Architecture &architecture : Classifier::architectures())
                    names.append(architecture.name);
                return names.join(QStringLiteral(", "));
            }(),
                 Classifier::defaultArchitecture()),
        CliMessages::tr("NAME"), Classifier::defaultArchitecture());
    const QCommandLineOption stepsOption(QStringLiteral("steps"),
                                         CliMessages::tr("Optimiser steps (default 2000)."), CliMessages::tr("N"),
                                         QStringLiteral("2000"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         CliMessages::tr("Images per step (default 100)."), CliMessages::tr("N"),
                                         QStringLiteral("100"));
    const QCommandLineOption rateOption(QStringLiteral("learning-rate"),
                                        CliMessages::tr("Adam's learning rate (default 0.001)."), CliMessages::tr("RATE"),
                                        QStringLiteral("0.001"));
    const QCommandLineOption decayOption(QStringLiteral("weight-decay"),
                                         CliMessages::tr("L2 weight decay (default 0)."), CliMessages::tr("RATE"),
                                         QStringLiteral("0"));
    const QCommandLineOption augmentOption(
        QStringLiteral("augment"),
        CliMessages::tr("Augment training images: flips, small shifts and rotations, brightness, contrast, "
                        "blur, low resolution and JPEG artefacts."));
    const QCommandLineOption patienceOption(
        QStringLiteral("early-stopping"),
        CliMessages::tr("Stop after N validations without improvement (default 0: never)."), CliMessages::tr("N"),
        QStringLiteral("0"));
    const QCommandLineOption validationOption(
        QStringLiteral("validation-interval"),
        CliMessages::tr("Steps between validations (default 100)."), CliMessages::tr("N"), QStringLiteral("100"));
    const QCommandLineOption checkpointOption(
        QStringLiteral("checkpoint"), CliMessages::tr("Checkpoint file, written every 100 steps."), CliMessages::tr("FILE"));
    const QCommandLineOption resumeOption(QStringLiteral("resume"),
                                          CliMessages::tr("Continue from --checkpoint when it exists."));
    const QCommandLineOption halfOption(QStringLiteral("half"),
                                        CliMessages::tr("Store weights in half precision (half the size)."));
    const QCommandLineOption trainingSeedOption(
        QStringLiteral("training-seed"),
        CliMessages::tr("Seed of the initial weights, batch order and augmentation only, so the "
                        "same split can be trained again differently (default: --seed)."),
        CliMessages::tr("N"));
    const QCommandLineOption networksOption(
        QStringLiteral("networks"),
        CliMessages::tr("Networks to train, with training seeds N, N + 1 and so on, whose "
                        "probabilities the model averages (default 1, at most %1). Each takes as "
                        "long to train as one.")
            .arg(Classifier::kMaximumMembers),
        CliMessages::tr("N"), QStringLiteral("1"));
    const QCommandLineOption mirrorOption(
        QStringLiteral("mirror-average"),
        CliMessages::tr("Average each network's probabilities for the face and its mirror image."));
    const QCommandLineOption thresholdRuleOption(
        QStringLiteral("threshold-rule"),
        CliMessages::tr("How the threshold is chosen on the validation set: max-f1 (the highest "
                        "F1 score, the default) or balanced (as many photos flagged as are "
                        "labelled positive, where precision equals recall)."),
        CliMessages::tr("RULE"), QStringLiteral("max-f1"));
    parser.addOptions({outOption, architectureOption, stepsOption, batchOption, rateOption,
                       decayOption, augmentOption, patienceOption, validationOption,
                       checkpointOption, resumeOption, halfOption, trainingSeedOption,
                       networksOption, mirrorOption, thresholdRuleOption, quietOption()});
    if (!parseCommandLine(parser, arguments))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        printError(CliMessages::tr("train needs exactly one DATASET. Run 'profilelens-cli train --help'."));
        return ExitUsage;
    }
    DataRequest request;
    if (!buildDataRequest(parser, data, parser.positionalArguments().first(), &request))
        return ExitUsage;

    TrainingOptions options;
    options.architecture = parser.value(architectureOption);
    if (!Classifier::isKnownArchitecture(options.architecture)) {
        QStringList names;
        for (const Classifier::Architecture &architecture : Classifier::architectures())
            names.append(architecture.name);
        printError(CliMessages::tr("Unknown --architecture '%1': use one of %2.")
                       .arg(options.architecture, names.join(QLatin1String(", "))));
        return ExitUsage;
    }
    if (!readInt(parser, stepsOption, 1, &options.steps)
        || !readInt(parser, batchOption, 1, &options.batchSize)
        || !readDouble(parser, rateOption, 1e-7, 1.0, &options.learningRate)
        || !readDouble(parser, decayOption, 0.0, 1.0, &options.weightDecay)
        || !readInt(parser, patienceOption, 0, &options.earlyStoppingPatience)
        || !readInt(parser, validationOption, 0, &options.validationInterval)
        || !readInt(parser, networksOption, 1, &options.members))
        return ExitUsage;
    if (options.members > Classifier::kMaximumMembers) {
        printError(CliMessages::tr("Invalid --networks value '%1': give at most %2.")
                       .arg(options.members)
                       .arg(Classifier::kMaximumMembers));
        return ExitUsage;
    }
    options.mirrorAverage = parser.isSet(mirrorOption);
    if (!readThresholdRule(parser, thresholdRuleOption, &options.thresholdRule))
        return ExitUsage;
    options.seed = request.selection.seed;
    if (parser.isSet(trainingSeedOption)) {
        int trainingSeed = 0;
        if (!readInt(parser, trainingSeedOption, 0, &trainingSeed))
            return ExitUsage;
        options.seed = quint64(trainingSeed);
    }
    options.threads = request.threads > 0 ? request.threads : QThread::idealThreadCount();
    options.augmentation.enabled = parser.isSet(augmentOption);
    if (parser.isSet(checkpointOption)) {
        options.checkpointPath = parser.value(checkpointOption);
        options.checkpointInterval = 100;
        options.resume = parser.isSet(resumeOption);
    }
    const QString modelPath = parser.isSet(outOption)
        ? parser.value(outOption)
        : request.attribute + QLatin1Char('.') + ModelFile::suffix();

    std::signal(SIGINT, onInterrupt);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    PreparedData prepared;
    if (!prepareForModel(request, quiet, &prepared))
        return ExitFailure;

    ProgressBar bar(CliMessages::tr("Training"), quiet);
    const PipelineResult result = trainModel(
        prepared, options, request.attribute, modelPath,
        [&](const PipelineProgress &update) {
            if (update.phase != PipelinePhase::Training)
                return;
            const TrainingProgress &step = update.training;
            if (step.validated) {
                if (!quiet) {
                    bar.finish();
                    printOut(CliMessages::tr("step %1/%2  loss %3  accuracy %4  validation loss %5  "
                                             "validation accuracy %6")
                                 .arg(step.step)
                                 .arg(step.totalSteps)
                                 .arg(step.loss, 0, 'f', 4)
                                 .arg(percent(step.accuracy))
                                 .arg(step.validationLoss, 0, 'f', 4)
                                 .arg(percent(step.validationAccuracy)));
                }
            }
            const QString loss = CliMessages::tr("loss %1").arg(step.loss, 0, 'f', 3);
            bar.update(step.step, step.totalSteps,
                       step.memberCount > 1 ? CliMessages::tr("network %1 of %2, %3")
                                                  .arg(step.member + 1)
                                                  .arg(step.memberCount)
                                                  .arg(loss)
                                            : loss);
        },
        &g_canceled, parser.isSet(halfOption) ? WeightPrecision::Float16 : WeightPrecision::Float32);
    bar.finish();
    if (result.canceled) {
        printError(options.checkpointPath.isEmpty()
                       ? CliMessages::tr("Interrupted; nothing was saved.")
                       : CliMessages::tr("Interrupted; run again with --resume to continue from %1.")
                             .arg(options.checkpointPath));
        return ExitFailure;
    }
    if (!result.isOk()) {
        printError(result.errorString);
        return ExitFailure;
    }

    const double threshold = result.metadata.threshold;
    printEvaluation(CliMessages::tr("test set"), result.testProbabilities, prepared.test.labels, threshold,
                    request.attribute);
    const QJsonArray memberSteps = result.metadata.recipe.value(QStringLiteral("memberSteps")).toArray();
    int steps = memberSteps.isEmpty() ? result.training.steps : 0;
    for (const QJsonValue &member : memberSteps)
        steps += member.toObject().value(QStringLiteral("stepsDone")).toInt();
    if (memberSteps.size() > 1)
        printOut(CliMessages::tr("Trained %1 networks, averaged into one model.").arg(memberSteps.size()));
    const QString chosenOn = result.metadata.metrics.value(QStringLiteral("thresholdChosenOn")).toString();
    const QString rule = options.thresholdRule == ThresholdRule::Balanced
        ? CliMessages::tr("precision equal to recall on %1").arg(chosenOn)
        : CliMessages::tr("max F1 on %1").arg(chosenOn);
    printOut(CliMessages::tr("Trained %1 steps in %2 s; threshold %3 (%4). Model written to %5")
                 .arg(steps)
                 .arg(result.training.seconds, 0, 'f', 1)
                 .arg(threshold, 0, 'f', 3)
                 .arg(rule)
                 .arg(QDir::toNativeSeparators(QFileInfo(modelPath).absoluteFilePath())));
    return ExitSuccess;
}

int runCombine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliMessages::tr("Combines trained models of one attribute and architecture, such as one that "
                        "reads the whole face and one that reads the eye band, into one model whose "
                        "input shows each model's view of the face, one above the other. Its "
                        "probability is the mean of every network's. The dataset is preprocessed "
                        "for the combined input, the threshold chosen on the validation set, and "
                        "MODEL.evaluation.csv written, as by train; the data options must match "
                        "those the parts were trained with, so that no part saw the test set."));
    parser.addPositionalArgument(QStringLiteral("dataset"), CliMessages::tr("Label file or folder."),
                                 CliMessages::tr("DATASET"));
    DataOptions data;
    data.addTo(parser);
    const QCommandLineOption modelOption(
        QStringLiteral("model"), CliMessages::tr("A model to combine; give two or more."),
        CliMessages::tr("FILE"));
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("out")},
                                       CliMessages::tr("Model file to write."), CliMessages::tr("FILE"));
    const QCommandLineOption mirrorOption(
        QStringLiteral("mirror-average"),
        CliMessages::tr("Average each network's probabilities for its view and the view's mirror image."));
    const QCommandLineOption thresholdRuleOption(
        QStringLiteral("threshold-rule"),
        CliMessages::tr("How the threshold is chosen on the validation set: max-f1 or balanced "
                        "(default balanced)."),
        CliMessages::tr("RULE"), QStringLiteral("balanced"));
    const QCommandLineOption halfOption(QStringLiteral("half"),
                                        CliMessages::tr("Store the weights in half precision."));
    parser.addOptions({modelOption, outOption, mirrorOption, thresholdRuleOption, halfOption,
                       quietOption()});
    if (!parseCommandLine(parser, arguments))
        return ExitUsage;
    const QStringList modelPaths = parser.values(modelOption);
    if (parser.positionalArguments().size() != 1 || modelPaths.size() < 2 || !parser.isSet(outOption)) {
        printError(CliMessages::tr("combine needs one DATASET, two or more --model FILE and --out "
                                   "FILE. Run 'profilelens-cli combine --help'."));
        return ExitUsage;
    }
    ThresholdRule rule = ThresholdRule::Balanced;
    if (!readThresholdRule(parser, thresholdRuleOption, &rule))
        return ExitUsage;
    if (parser.isSet(data.input.inputSize) || parser.isSet(data.input.faceRegion)) {
        printError(CliMessages::tr("combine takes the views and their sizes from the models: "
                                   "leave out --input-size and --face-region."));
        return ExitUsage;
    }
    DataRequest request;
    if (!buildDataRequest(parser, data, parser.positionalArguments().first(), &request))
        return ExitUsage;

    // The parts, and the input that shows each part's view
    QList<Classifier> parts;
    QList<PreprocessSettings> views;
    QJsonArray partRecipes;
    for (const QString &path : modelPaths) {
        const LoadedModel model = ModelFile::load(path);
        if (!model.isOk()) {
            printError(model.errorString + QLatin1Char(' ')
                       + CliMessages::tr("Check the --model path, or train the model again."));
            return ExitFailure;
        }
        if (!PreprocessSettings::isSupported(model.metadata.preprocessing)) {
            printError(CliMessages::tr("%1: the model was preprocessed by a newer or unknown "
                                       "pipeline and cannot be combined.")
                           .arg(path));
            return ExitFailure;
        }
        if (model.metadata.attribute.compare(request.attribute, Qt::CaseInsensitive) != 0) {
            printError(CliMessages::tr("%1 detects \"%2\", not \"%3\": combine models of the "
                                       "attribute given with --attribute.")
                           .arg(path, model.metadata.attribute, request.attribute));
            return ExitUsage;
        }
        if (!parts.isEmpty() && model.classifier.architecture() != parts.first().architecture()) {
            printError(CliMessages::tr("%1 uses the architecture \"%2\" and %3 \"%4\": combine "
                                       "models of one architecture.")
                           .arg(modelPaths.first(), parts.first().architecture(), path,
                                model.classifier.architecture()));
            return ExitUsage;
        }
        const PreprocessSettings view = PreprocessSettings::fromJson(model.metadata.preprocessing);
        if (!view.views.isEmpty() || !model.classifier.memberInputs().isEmpty()) {
            printError(CliMessages::tr("%1 already reads several views of the face: combine the "
                                       "models it was made of instead.")
                           .arg(path));
            return ExitUsage;
        }
        parts.append(model.classifier);
        views.append(view);
        partRecipes.append(QJsonObject{
            {QStringLiteral("model"), QFileInfo(path).fileName()},
            {QStringLiteral("preprocessing"), model.metadata.preprocessing},
            {QStringLiteral("recipe"), model.metadata.recipe},
        });
    }
    QString errorString;
    const PreprocessSettings settings = PreprocessSettings::stacked(views, &errorString);
    if (settings.views.isEmpty()) {
        printError(errorString);
        return ExitFailure;
    }
    QList<QRect> placements;
    for (const InputView &view : settings.views)
        placements.append(view.placement);
    const Classifier combined = Classifier::combineParts(parts, placements, settings.inputSize,
                                                         parser.isSet(mirrorOption), &errorString);
    if (combined.isNull()) {
        printError(errorString);
        return ExitFailure;
    }
    request.preprocessing = settings;

    std::signal(SIGINT, onInterrupt);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    PreparedData prepared;
    if (!prepareForModel(request, quiet, &prepared))
        return ExitFailure;

    const QJsonObject recipe{{QStringLiteral("combined"), partRecipes},
                             {QStringLiteral("mirrorAverage"), parser.isSet(mirrorOption)}};
    const int threads = request.threads > 0 ? request.threads : QThread::idealThreadCount();
    const QString modelPath = parser.value(outOption);
    const PipelineResult result = evaluateAndSave(
        prepared, combined, rule, recipe, request.attribute, modelPath, threads, {}, &g_canceled,
        parser.isSet(halfOption) ? WeightPrecision::Float16 : WeightPrecision::Float32);
    if (result.canceled) {
        printError(CliMessages::tr("Interrupted; nothing was saved."));
        return ExitFailure;
    }
    if (!result.isOk()) {
        printError(result.errorString);
        return ExitFailure;
    }
    printEvaluation(CliMessages::tr("test set"), result.testProbabilities, prepared.test.labels,
                    result.metadata.threshold, request.attribute);
    printOut(CliMessages::tr("Combined %1 networks from %2 models; threshold %3. Model written to %4")
                 .arg(combined.memberCount())
                 .arg(parts.size())
                 .arg(result.metadata.threshold, 0, 'f', 3)
                 .arg(QDir::toNativeSeparators(QFileInfo(modelPath).absoluteFilePath())));
    return ExitSuccess;
}

int runEvaluate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliMessages::tr("Prints the classification report, confusion matrix, ROC AUC and average precision "
                        "of a model. Without DATASET it reads the test split stored beside the model "
                        "(MODEL.evaluation.csv). With DATASET it scores the dataset's test split, chosen "
                        "with the same options as train (use --part all for every row)."));
    parser.addPositionalArgument(QStringLiteral("dataset"), CliMessages::tr("Label file or folder (optional)."),
                                 CliMessages::tr("[DATASET]"));
    DataOptions data;
    data.addTo(parser);
    const QCommandLineOption modelOption({QStringLiteral("m"), QStringLiteral("model")},
                                         CliMessages::tr("Model file (default: the shipped eyeglasses model)."),
                                         CliMessages::tr("FILE"));
    const QCommandLineOption thresholdOption(
        QStringLiteral("threshold"), CliMessages::tr("Decision threshold (default: the model's)."), CliMessages::tr("T"));
    const QCommandLineOption partOption(QStringLiteral("part"),
                                        CliMessages::tr("Rows to score: test (default), validation, train or all."),
                                        CliMessages::tr("PART"), QStringLiteral("test"));
    parser.addOptions({modelOption, thresholdOption, partOption, quietOption()});
    if (!parseCommandLine(parser, arguments))
        return ExitUsage;
    const QString part = parser.value(partOption);
    if (part != QLatin1String("test") && part != QLatin1String("train")
        && part != QLatin1String("validation") && part != QLatin1String("all")) {
        printError(CliMessages::tr("Invalid --part value '%1': use test, validation, train or all.")
                       .arg(part));
        return ExitUsage;
    }

    QString modelPath = parser.value(modelOption);
    if (modelPath.isEmpty())
        modelPath = defaultModelPath();
    ModelMetadata metadata;
    QString errorString;
    if (modelPath.isEmpty() || !ModelFile::readMetadata(modelPath, &metadata, &errorString)) {
        printError(modelPath.isEmpty()
                       ? CliMessages::tr("No model given and no default model found. Pass "
                                         "--model FILE.")
                       : errorString + QLatin1Char(' ')
                           + CliMessages::tr("Check the --model path, or train the model again."));
        return ExitFailure;
    }
    double threshold = metadata.threshold;
    if (parser.isSet(thresholdOption) && !readDouble(parser, thresholdOption, 0.0, 1.0, &threshold))
        return ExitUsage;
    const bool quiet = parser.isSet(QStringLiteral("quiet"));

    if (parser.positionalArguments().isEmpty()) {
        EvaluationRows rows;
        if (!readEvaluationRows(evaluationPathForModel(modelPath), &rows, &errorString)) {
            printError(errorString);
            printError(CliMessages::tr("Pass a DATASET to score instead."));
            return ExitFailure;
        }
        std::vector<float> scores;
        std::vector<int> labels;
        for (int i = 0; i < rows.sources.size(); ++i) {
            const QString &split = rows.splits[i];
            const bool wanted = part == QLatin1String("all") || split == part;
            if (wanted) {
                scores.push_back(rows.probabilities[size_t(i)]);
                labels.push_back(rows.labels[size_t(i)]);
            }
        }
        printEvaluation(CliMessages::tr("%1 split of %2").arg(part, QFileInfo(modelPath).fileName()), scores,
                        labels, threshold, metadata.attribute);
        return scores.empty() ? ExitFailure : ExitSuccess;
    }

    DataRequest request;
    if (!buildDataRequest(parser, data, parser.positionalArguments().first(), &request))
        return ExitUsage;
    if (!parser.isSet(data.attribute))
        request.attribute = metadata.attribute;
    // Score with the preprocessing the model was trained on.
    request.preprocessing = PreprocessSettings::fromJson(metadata.preprocessing);
    std::signal(SIGINT, onInterrupt);
    const PreparedData prepared = runPrepare(request, quiet);
    if (!prepared.isOk()) {
        printError(prepared.canceled ? CliMessages::tr("Interrupted.") : prepared.errorString);
        return ExitFailure;
    }
    printWarnings(prepared.warnings);

    const LoadedModel model = loadModelOption(parser, modelOption);
    if (!model.isOk()) {
        printError(model.errorString);
        return ExitFailure;
    }
    TensorSet set;
    if (part == QLatin1String("test")) {
        set = prepared.test;
    } else if (part == QLatin1String("validation")) {
        set = prepared.validation;
    } else {
        set = prepared.training;
        for (const TensorSet *extra : {&prepared.validation, &prepared.test}) {
            if (part == QLatin1String("train") && extra == &prepared.test)
                continue;
            set.pixels.insert(set.pixels.end(), extra->pixels.begin(), extra->pixels.end());
            set.labels.insert(set.labels.end(), extra->labels.begin(), extra->labels.end());
            set.sources += extra->sources;
        }
    }
    const Predictor predictor(model.classifier, request.threads);
    const PredictionResult predictions = predictor.predict(set, {}, &g_canceled);
    if (!predictions.isOk()) {
        printError(predictions.canceled ? CliMessages::tr("Interrupted.") : predictions.errorString);
        return ExitFailure;
    }
    printEvaluation(CliMessages::tr("%1 rows of %2").arg(part, QFileInfo(request.datasetPath).fileName()),
                    predictions.probabilities, set.labels, threshold, metadata.attribute);
    return ExitSuccess;
}

int runPredict(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliMessages::tr("Scores pictures with a model and writes CSV: file, probability, predicted label at "
                        "the threshold, alignment status and reason. Folders are searched recursively."));
    parser.addPositionalArgument(QStringLiteral("inputs"), CliMessages::tr("Picture files or folders."),
                                 CliMessages::tr("IMAGE_OR_DIR..."));
    const QCommandLineOption modelOption({QStringLiteral("m"), QStringLiteral("model")},
                                         CliMessages::tr("Model file (default: the shipped eyeglasses model)."),
                                         CliMessages::tr("FILE"));
    const QCommandLineOption thresholdOption(
        QStringLiteral("threshold"), CliMessages::tr("Decision threshold (default: the model's)."), CliMessages::tr("T"));
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("out")},
                                       CliMessages::tr("CSV file to write (default: standard output)."),
                                       CliMessages::tr("FILE"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           CliMessages::tr("Worker threads (default: one per core)."), CliMessages::tr("N"));
    parser.addOptions({modelOption, thresholdOption, outOption, threadsOption, quietOption()});
    if (!parseCommandLine(parser, arguments))
        return ExitUsage;
    const QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty()) {
        printError(CliMessages::tr("predict needs at least one picture or folder. Run 'profilelens-cli "
                                   "predict --help'."));
        return ExitUsage;
    }
    int threads = 0;
    if (parser.isSet(threadsOption) && !readInt(parser, threadsOption, 1, &threads))
        return ExitUsage;

    const LoadedModel model = loadModelOption(parser, modelOption);
    if (!model.isOk()) {
        printError(model.errorString);
        return ExitFailure;
    }
    double threshold = model.metadata.threshold;
    if (parser.isSet(thresholdOption) && !readDouble(parser, thresholdOption, 0.0, 1.0, &threshold))
        return ExitUsage;

    QStringList missing;
    const QStringList files = collectImageFiles(inputs, &missing);
    for (const QString &path : missing)
        printError(CliMessages::tr("%1: file or folder not found; skipped.").arg(path));
    if (files.isEmpty()) {
        printError(CliMessages::tr("No pictures found in the given paths."));
        return ExitFailure;
    }

    std::signal(SIGINT, onInterrupt);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    ProgressBar bar(CliMessages::tr("Scoring"), quiet);
    BatchOptions options;
    options.threads = threads;
    const PreprocessSettings settings = PreprocessSettings::fromJson(model.metadata.preprocessing);
    const std::vector<Stages> stages = preprocessBatch(
        files, settings, options, [&](int done, int total) { bar.update(done, total); },
        &g_canceled);
    bar.finish();

    TensorSet set;
    set.width = model.metadata.inputSize.width();
    set.height = model.metadata.inputSize.height();
    std::vector<int> rowOfImage;
    for (size_t i = 0; i < stages.size(); ++i) {
        if (stages[i].isOk()) {
            set.pixels.insert(set.pixels.end(), stages[i].tensor.begin(), stages[i].tensor.end());
            rowOfImage.push_back(int(i));
        }
    }
    std::vector<float> probabilities(stages.size(), std::nanf(""));
    if (!set.isEmpty()) {
        const Predictor predictor(model.classifier, threads);
        const PredictionResult predictions = predictor.predict(set, {}, &g_canceled);
        if (!predictions.isOk()) {
            printError(predictions.canceled ? CliMessages::tr("Interrupted.") : predictions.errorString);
            return ExitFailure;
        }
        for (size_t k = 0; k < rowOfImage.size(); ++k)
            probabilities[size_t(rowOfImage[k])] = predictions.probabilities[k];
    }

    QString text;
    QTextStream out(&text);
    out << "file,probability,predicted,status,reason\n";
    int positives = 0;
    int scored = 0;
    for (size_t i = 0; i < stages.size(); ++i) {
        const Stages &item = stages[i];
        const bool ok = item.isOk();
        const bool positive = ok && probabilities[i] >= threshold;
        scored += ok ? 1 : 0;
        positives += positive ? 1 : 0;

        // Pictures without a usable face get empty probability and prediction fields.
        QString probabilityField;
        QString predictedField;
        if (ok) {
            probabilityField = QString::number(double(probabilities[i]), 'f', 6);
            predictedField = positive ? QStringLiteral("1") : QStringLiteral("0");
        }
        out << csvField(item.source) << ',' << probabilityField << ',' << predictedField << ','
            << stageStatusKey(item.status) << ','
            << csvField(ok ? item.warning : item.errorString) << '\n';
    }
    out.flush();

    if (parser.isSet(outOption)) {
        QSaveFile file(parser.value(outOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
            printError(CliMessages::tr("Could not write %1 (%2).").arg(file.fileName(), file.errorString()));
            return ExitFailure;
        }
    } else {
        std::fputs(text.toUtf8().constData(), stdout);
    }
    if (!quiet)
        printError(CliMessages::tr("%1 of %2 pictures scored, %3 predicted %4 at threshold %5.")
                       .arg(scored)
                       .arg(stages.size())
                       .arg(positives)
                       .arg(model.metadata.attribute)
                       .arg(threshold, 0, 'f', 3));
    return scored > 0 ? ExitSuccess : ExitFailure;
}

} // namespace ProfileLens::Cli
