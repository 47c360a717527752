// profilelens-cli align: every preprocessing stage of each picture as PNG, plus a CSV report.

#include "clicommon.h"

#include "imageloader.h"
#include "preprocessor.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QThread>

#include <atomic>
#include <csignal>

namespace ProfileLens::Cli {

namespace {

std::atomic<bool> g_interrupted{false};

void onInterrupt(int)
{
    g_interrupted.store(true);
}

QString coordinate(double value)
{
    return QString::number(value, 'f', 2);
}

// Output names are the picture's base name, made unique when two inputs share one.
QString uniqueStem(const QString &path, QSet<QString> &used)
{
    QString stem = QFileInfo(path).completeBaseName();
    if (stem.isEmpty())
        stem = QStringLiteral("image");
    QString candidate = stem;
    for (int n = 2; used.contains(candidate); ++n)
        candidate = QStringLiteral("%1-%2").arg(stem).arg(n);
    used.insert(candidate);
    return candidate;
}

bool saveStage(const QImage &image, const QString &path, QStringList &errors)
{
    if (image.isNull())
        return true;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        errors.append(CliMessages::tr("Could not write %1 (%2).").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace

int runAlign(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliMessages::tr("Aligns the face in each picture and writes its stages as PNG files: original "
                        "(orientation applied), aligned colour 178x218, grayscale, and the model input "
                        "(28x28 unless --input-size or --face-region says otherwise). A CSV report lists each picture's faces, status and eye positions. Folders "
                        "are searched recursively."));
    parser.addPositionalArgument(QStringLiteral("inputs"), CliMessages::tr("Picture files or folders."),
                                 CliMessages::tr("IMAGE_OR_DIR..."));
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("out")},
                                       CliMessages::tr("Folder for the stage images and report.csv "
                                                       "(created if missing)."),
                                       CliMessages::tr("DIR"));
    const QCommandLineOption threadsOption(
        QStringLiteral("threads"), CliMessages::tr("Worker threads (default: one per core, here %1).")
                                       .arg(QThread::idealThreadCount()),
        CliMessages::tr("N"));
    const QCommandLineOption landmarksOption(
        QStringLiteral("landmarks"),
        CliMessages::tr("dlib 68-point landmark model (default: %1).").arg(defaultLandmarkModelPath()),
        CliMessages::tr("FILE"));
    const InputOptions input;
    parser.addOptions({outOption, threadsOption, landmarksOption, input.inputSize, input.faceRegion,
                       quietOption()});
    if (!parseCommandLine(parser, arguments))
        return ExitUsage;

    const QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty() || !parser.isSet(outOption)) {
        printError(CliMessages::tr("align needs at least one picture or folder and --out DIR."));
        printError(CliMessages::tr("Run 'profilelens-cli align --help' for usage."));
        return ExitUsage;
    }
    bool threadsValid = true;
    const int threads = parser.isSet(threadsOption) ? parser.value(threadsOption).toInt(&threadsValid)
                                                    : 0;
    if (!threadsValid || threads < 0) {
        printError(CliMessages::tr("Invalid --threads value '%1': give a whole number of at least 1.")
                       .arg(parser.value(threadsOption)));
        return ExitUsage;
    }

    const QDir outDir(parser.value(outOption));
    if (!QDir().mkpath(outDir.path())) {
        printError(CliMessages::tr("Could not create the output folder %1.").arg(outDir.path()));
        return ExitFailure;
    }

    QStringList missing;
    const QStringList files = collectImageFiles(inputs, &missing);
    for (const QString &path : missing)
        printError(CliMessages::tr("%1: file or folder not found; skipped.").arg(path));
    if (files.isEmpty()) {
        printError(CliMessages::tr("No pictures found in the given paths."));
        return ExitFailure;
    }

    PreprocessSettings settings;
    if (!input.read(parser, &settings))
        return ExitUsage;
    settings.alignment.landmarkModelPath = parser.value(landmarksOption);
    {
        Preprocessor probe(settings);
        if (!probe.isReady()) {
            printError(probe.errorString());
            return ExitFailure;
        }
    }

    std::signal(SIGINT, onInterrupt);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    ProgressBar bar(CliMessages::tr("Aligning"), quiet);
    BatchOptions options;
    options.threads = threads;
    options.keepImages = true;

    // Batches bound memory: every stage image of a batch is held until it is written.
    constexpr int kChunkSize = 256;
    QSaveFile report(outDir.filePath(QStringLiteral("report.csv")));
    if (!report.open(QIODevice::WriteOnly | QIODevice::Text)) {
        printError(CliMessages::tr("Could not write %1 (%2).").arg(report.fileName(), report.errorString()));
        return ExitFailure;
    }
    report.write("file,faces_found,status,reason,left_eye_x,left_eye_y,right_eye_x,right_eye_y,"
                 "output_prefix\n");

    QSet<QString> usedStems;
    QStringList writeErrors;
    int aligned = 0;
    int failed = 0;
    int processed = 0;
    for (int start = 0; start < files.size() && !g_interrupted.load(); start += kChunkSize) {
        const QStringList chunk = files.mid(start, kChunkSize);
        const std::vector<Stages> results = preprocessBatch(
            chunk, settings, options,
            [&](int finished, int) { bar.update(start + finished, files.size()); },
            &g_interrupted);

        for (const Stages &stages : results) {
            if (stages.status == StageStatus::Canceled)
                continue;
            ++processed;
            const QString stem = uniqueStem(stages.source, usedStems);
            QString prefix;
            if (stages.isOk()) {
                ++aligned;
                prefix = stem;
                saveStage(stages.original, outDir.filePath(stem + QLatin1String("_original.png")),
                          writeErrors);
                saveStage(stages.aligned, outDir.filePath(stem + QLatin1String("_aligned.png")),
                          writeErrors);
                saveStage(stages.gray, outDir.filePath(stem + QLatin1String("_gray.png")),
                          writeErrors);
                const QString inputSuffix = QStringLiteral("_%1x%2.png")
                                                .arg(stages.small.width())
                                                .arg(stages.small.height());
                saveStage(stages.small, outDir.filePath(stem + inputSuffix), writeErrors);
            } else {
                ++failed;
                bar.finish();
                printError(stages.errorString);
            }
            const FaceAlignment &face = stages.alignment;
            const bool hasEyes = face.isAligned();
            const QStringList row{
                csvField(stages.source),
                QString::number(face.faceCount),
                stageStatusKey(stages.status),
                csvField(stages.isOk() ? stages.warning : stages.errorString),
                hasEyes ? coordinate(face.leftEye.x()) : QString(),
                hasEyes ? coordinate(face.leftEye.y()) : QString(),
                hasEyes ? coordinate(face.rightEye.x()) : QString(),
                hasEyes ? coordinate(face.rightEye.y()) : QString(),
                csvField(prefix),
            };
            report.write(row.join(QLatin1Char(',')).toUtf8() + '\n');
        }
    }
    bar.finish();

    for (const QString &error : writeErrors)
        printError(error);
    if (!report.commit()) {
        printError(CliMessages::tr("Could not write %1 (%2).").arg(report.fileName(), report.errorString()));
        return ExitFailure;
    }
    if (g_interrupted.load())
        printError(CliMessages::tr("Interrupted: %1 of %2 pictures processed.").arg(processed).arg(files.size()));

    printOut(CliMessages::tr("%1 of %2 pictures aligned, %3 failed; stages and report.csv in %4")
                 .arg(aligned)
                 .arg(processed)
                 .arg(failed)
                 .arg(QDir::toNativeSeparators(outDir.absolutePath())));
    return aligned > 0 ? ExitSuccess : ExitFailure;
}

} // namespace ProfileLens::Cli
