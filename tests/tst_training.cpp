#include "classifier.h"
#include "modelfile.h"
#include "predictor.h"
#include "tensordata.h"
#include "trainer.h"
#include "trainer_p.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <random>

using namespace ProfileLens;

Q_DECLARE_METATYPE(ProfileLens::TensorSet)
Q_DECLARE_METATYPE(ProfileLens::WeightPrecision)

namespace {

constexpr int kSize = 28;

/**
 * Draws a 28x28 grayscale face: background with a lighting gradient, an oval face, eyebrows,
 * eyes and a mouth, all with random position, tone and noise. Positive images also get
 * eyeglasses: a dark, partly transparent bar across both eyes with darker rims around them.
 */
std::vector<float> drawFace(bool glasses, std::mt19937 &random)
{
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    std::normal_distribution<float> noise(0.0f, 0.04f);
    const auto between = [&](float low, float high) { return low + (high - low) * uniform(random); };

    const float background = between(0.1f, 0.4f);
    const float gradient = between(-0.15f, 0.15f);
    const float skin = between(0.5f, 0.85f);
    const float centreX = 13.5f + between(-1.5f, 1.5f);
    const float centreY = 14.5f + between(-1.5f, 1.5f);
    const float eyeY = centreY - 3.5f + between(-0.5f, 0.5f);
    const float eyeSpacing = between(3.5f, 4.5f);
    const float lensOpacity = between(0.35f, 0.6f);

    std::vector<float> pixels(kSize * kSize);
    for (int y = 0; y < kSize; ++y) {
        for (int x = 0; x < kSize; ++x) {
            float value = background + gradient * (float(x) - 13.5f) / 13.5f;
            const float fx = (float(x) - centreX) / 9.5f;
            const float fy = (float(y) - centreY) / 12.0f;
            if (fx * fx + fy * fy <= 1.0f) {
                value = skin;
                const float eyeDx = std::abs(std::abs(float(x) - centreX) - eyeSpacing);
                const float eyeDy = float(y) - eyeY;
                if (eyeDx * eyeDx + eyeDy * eyeDy <= 2.0f)
                    value = skin * 0.3f; // eye
                else if (eyeDx <= 2.0f && std::abs(eyeDy + 2.5f) <= 0.5f)
                    value = skin * 0.6f; // eyebrow
                else if (std::abs(float(x) - centreX) <= 3.0f
                         && std::abs(float(y) - (centreY + 6.0f)) <= 0.5f)
                    value = skin * 0.5f; // mouth
                if (glasses) {
                    const float rim = std::sqrt(eyeDx * eyeDx + eyeDy * eyeDy);
                    if (std::abs(rim - 2.8f) <= 0.6f)
                        value *= 0.35f; // frame around each eye
                    else if (std::abs(eyeDy) <= 1.0f && std::abs(float(x) - centreX) <= 8.0f)
                        value *= 1.0f - lensOpacity; // bridge and tinted lenses
                }
            }
            pixels[y * kSize + x] = std::clamp(value + noise(random), 0.0f, 1.0f);
        }
    }
    return pixels;
}

/// Returns \a count faces, alternating without and with glasses, drawn from \a seed.
TensorSet makeFaces(int count, unsigned seed)
{
    std::mt19937 random(seed);
    TensorSet set;
    for (int i = 0; i < count; ++i) {
        const int label = i % 2;
        set.append(drawFace(label == 1, random), label, QStringLiteral("face-%1").arg(i));
    }
    return set;
}

double accuracyOf(const std::vector<float> &probabilities, const std::vector<int> &labels)
{
    int correct = 0;
    for (std::size_t i = 0; i < labels.size(); ++i)
        correct += (probabilities[i] >= 0.5f) == (labels[i] == 1);
    return double(correct) / double(labels.size());
}

double meanLoss(const std::vector<TrainingProgress> &history, std::size_t from, std::size_t to)
{
    double sum = 0.0;
    for (std::size_t i = from; i < to; ++i)
        sum += history[i].loss;
    return sum / double(to - from);
}

/// Recipe for the small tests: the compact network on one thread, which is also reproducible.
TrainingOptions fastOptions(int steps)
{
    TrainingOptions options;
    options.architecture = QStringLiteral("compact");
    options.steps = steps;
    options.batchSize = 50;
    options.learningRate = 2e-3;
    options.threads = 1;
    options.seed = 7;
    options.validationInterval = 25;
    return options;
}

ModelMetadata sampleMetadata()
{
    ModelMetadata metadata;
    metadata.attribute = QStringLiteral("Eyeglasses");
    metadata.classNames = {QStringLiteral("No eyeglasses"), QStringLiteral("Eyeglasses")};
    metadata.preprocessing = QJsonObject{{QStringLiteral("inputWidth"), kSize},
                                         {QStringLiteral("inputHeight"), kSize}};
    metadata.trainingData = QJsonObject{{QStringLiteral("source"), QStringLiteral("synthetic")},
                                        {QStringLiteral("images"), 400}};
    metadata.recipe = fastOptions(150).toJson();
    metadata.threshold = 0.42;
    metadata.metrics = QJsonObject{{QStringLiteral("accuracy"), 0.99}};
    return metadata;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/**
 * Rewrites the JSON metadata of a model file with \a edit and recomputes the lengths and the
 * SHA-256 checksum, so the file stays valid as a container.
 */
QByteArray editMetadata(const QByteArray &file, const std::function<void(QJsonObject &)> &edit)
{
    const auto *header = reinterpret_cast<const uchar *>(file.constData());
    const quint32 metadataSize = qFromLittleEndian<quint32>(header + 12);
    const quint64 weightsSize = qFromLittleEndian<quint64>(header + 16);
    QJsonObject json = QJsonDocument::fromJson(file.mid(24, metadataSize)).object();
    edit(json);
    const QByteArray metadata = QJsonDocument(json).toJson(QJsonDocument::Compact);

    QByteArray rewritten = file.left(24);
    qToLittleEndian<quint32>(quint32(metadata.size()),
                             reinterpret_cast<uchar *>(rewritten.data()) + 12);
    rewritten.append(metadata);
    rewritten.append(file.mid(24 + metadataSize, qsizetype(weightsSize)));
    rewritten.append(QCryptographicHash::hash(rewritten, QCryptographicHash::Sha256));
    return rewritten;
}

} // namespace

class TestTraining : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void architectureRegistry();
    void architectureForward_data();
    void architectureForward();
    void createRejectsInvalidRequests_data();
    void createRejectsInvalidRequests();

    void trainingReachesHighAccuracy_data();
    void trainingReachesHighAccuracy();
    void cancelStopsWithinOneBatch();
    void checkpointResumeMatchesUninterruptedRun();
    void resumeRejectsChangedSettings();
    void earlyStoppingKeepsBestWeights();
    void trainerRejectsInvalidData_data();
    void trainerRejectsInvalidData();

    void modelFileRoundTrip_data();
    void modelFileRoundTrip();
    void modelFileRejectsDamage_data();
    void modelFileRejectsDamage();

    void augmentationDegradesLikeAvatars_data();
    void augmentationDegradesLikeAvatars();
    void averagedClassifierMatchesMemberMean();
    void partsClassifierReadsEachPlace();
    void combineRejectsMismatchedNetworks();
    void predictorChecksInput();
    void predictSplitsCoversBothSets();

private:
    QTemporaryDir m_dir;
    TensorSet m_train;
    TensorSet m_validation;
    /// Compact model trained once, for the file and predictor tests.
    Classifier m_trained;
};

void TestTraining::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    m_train = makeFaces(600, 1);
    m_validation = makeFaces(200, 2);

    const TrainingResult result = Trainer(fastOptions(150)).train(m_train, m_validation);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    m_trained = result.classifier;
}

void TestTraining::architectureRegistry()
{
    QCOMPARE(Classifier::defaultArchitecture(), QStringLiteral("reference"));
    QStringList names;
    for (const Classifier::Architecture &architecture : Classifier::architectures()) {
        names.append(architecture.name);
        QVERIFY2(!architecture.description.isEmpty(), qPrintable(architecture.name));
    }
    QCOMPARE(names.value(0), QStringLiteral("reference"));
    QVERIFY(names.contains(QStringLiteral("reference-bn")));
    QVERIFY(names.contains(QStringLiteral("compact")));
    QVERIFY(Classifier::isKnownArchitecture(QStringLiteral("compact")));
    QVERIFY(!Classifier::isKnownArchitecture(QStringLiteral("Reference")));
}

void TestTraining::architectureForward_data()
{
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<qint64>("parameters");

    // conv1 32*1*25+32, conv2 64*32*25+64, dense1 3136*1024+1024, logits 1024*2+2.
    QTest::newRow("reference") << QStringLiteral("reference") << qint64(3266434);
    // No convolution biases; batch norm adds a scale and a shift per channel.
    QTest::newRow("reference-bn") << QStringLiteral("reference-bn") << qint64(3266530);
    // conv1 16*25+16, conv2 32*16*25+32, dense1 1568*128+128, logits 128*2+2.
    QTest::newRow("compact") << QStringLiteral("compact") << qint64(214338);
}

void TestTraining::architectureForward()
{
    QFETCH(QString, architecture);
    QFETCH(qint64, parameters);

    QString error;
    const Classifier classifier = Classifier::create(architecture, QSize(kSize, kSize), &error);
    QVERIFY2(!classifier.isNull(), qPrintable(error));
    QCOMPARE(classifier.architecture(), architecture);
    QCOMPARE(classifier.inputSize(), QSize(kSize, kSize));
    QCOMPARE(classifier.parameterCount(), parameters);

    const PredictionResult result = Predictor(classifier, 1).predict(makeFaces(7, 3));
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(result.probabilities.size(), std::size_t(7));
    for (float probability : result.probabilities)
        QVERIFY2(probability >= 0.0f && probability <= 1.0f, qPrintable(QString::number(probability)));
}

void TestTraining::createRejectsInvalidRequests_data()
{
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<QSize>("inputSize");
    QTest::addColumn<QString>("expectedMessage");

    QTest::newRow("unknown name") << QStringLiteral("resnet-50") << QSize(28, 28)
                                  << QStringLiteral("Unknown model architecture \"resnet-50\"");
    QTest::newRow("input too small") << QStringLiteral("reference") << QSize(3, 28)
                                     << QStringLiteral("Input size 3x28 is not supported");
    QTest::newRow("input too large") << QStringLiteral("compact") << QSize(28, 1000)
                                     << QStringLiteral("Input size 28x1000 is not supported");
}

void TestTraining::createRejectsInvalidRequests()
{
    QFETCH(QString, architecture);
    QFETCH(QSize, inputSize);
    QFETCH(QString, expectedMessage);

    QString error;
    const Classifier classifier = Classifier::create(architecture, inputSize, &error);
    QVERIFY(classifier.isNull());
    QVERIFY2(error.contains(expectedMessage), qPrintable(error));
}

void TestTraining::trainingReachesHighAccuracy_data()
{
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<bool>("augment");
    QTest::addColumn<int>("steps");

    QTest::newRow("compact") << QStringLiteral("compact") << false << 200;
    QTest::newRow("compact augmented") << QStringLiteral("compact") << true << 250;
    QTest::newRow("reference-bn") << QStringLiteral("reference-bn") << false << 80;
}

void TestTraining::trainingReachesHighAccuracy()
{
    QFETCH(QString, architecture);
    QFETCH(bool, augment);
    QFETCH(int, steps);

    TrainingOptions options = fastOptions(steps);
    options.architecture = architecture;
    options.augmentation.enabled = augment;

    std::vector<TrainingProgress> reported;
    const TrainingResult result = Trainer(options).train(
        m_train, m_validation, [&](const TrainingProgress &progress) { reported.push_back(progress); });
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(result.steps, steps);

    // The callback ran once per step, in order, with validation every 25 steps and at the end.
    QCOMPARE(int(reported.size()), steps);
    for (int i = 0; i < steps; ++i) {
        QCOMPARE(reported[i].step, i + 1);
        QCOMPARE(reported[i].totalSteps, steps);
        QCOMPARE(reported[i].validated, (i + 1) % 25 == 0 || i + 1 == steps);
    }

    // Loss falls: the last 20 batches average well below the first 20.
    const double early = meanLoss(reported, 0, 20);
    const double late = meanLoss(reported, reported.size() - 20, reported.size());
    QVERIFY2(late < early * 0.5, qPrintable(QStringLiteral("first %1, last %2").arg(early).arg(late)));
    QVERIFY2(reported.back().validationAccuracy >= 0.95,
             qPrintable(QString::number(reported.back().validationAccuracy)));

    // Predictions on unseen faces agree with the labels.
    const TensorSet test = makeFaces(200, 4);
    const PredictionResult predicted = Predictor(result.classifier).predict(test);
    QVERIFY2(predicted.isOk(), qPrintable(predicted.errorString));
    const double accuracy = accuracyOf(predicted.probabilities, test.labels);
    QVERIFY2(accuracy >= 0.95, qPrintable(QString::number(accuracy)));
}

void TestTraining::cancelStopsWithinOneBatch()
{
    std::atomic<bool> cancel{false};
    int calls = 0;
    const TrainingResult result = Trainer(fastOptions(500)).train(
        m_train, {},
        [&](const TrainingProgress &progress) {
            ++calls;
            if (progress.step == 5)
                cancel = true;
        },
        &cancel);

    QVERIFY(result.canceled);
    QVERIFY(!result.isOk());
    QVERIFY2(result.errorString.isEmpty(), qPrintable(result.errorString));
    QCOMPARE(result.steps, 5);
    QCOMPARE(calls, 5);
    QCOMPARE(int(result.history.size()), 5);
}

void TestTraining::checkpointResumeMatchesUninterruptedRun()
{
    // Dropout, shuffling and augmentation all draw random numbers, so the resumed run only
    // matches when every generator and the optimiser state came back from the checkpoint.
    TrainingOptions options = fastOptions(60);
    options.augmentation.enabled = true;
    options.validationInterval = 10;
    const TensorSet test = makeFaces(50, 5);

    const TrainingResult uninterrupted = Trainer(options).train(m_train, m_validation);
    QVERIFY2(uninterrupted.isOk(), qPrintable(uninterrupted.errorString));
    const std::vector<float> expected = Predictor(uninterrupted.classifier).predict(test).probabilities;

    // Interrupt after step 30: the checkpoint written there is the one resumed.
    options.checkpointPath = m_dir.filePath(QStringLiteral("resume.ckpt"));
    options.checkpointInterval = 15;
    options.resume = true;
    std::atomic<bool> cancel{false};
    const TrainingResult first = Trainer(options).train(
        m_train, m_validation,
        [&](const TrainingProgress &progress) { cancel = progress.step == 30; }, &cancel);
    QVERIFY(first.canceled);
    QCOMPARE(first.steps, 30);
    QVERIFY(QFile::exists(options.checkpointPath));

    std::vector<TrainingProgress> reported;
    const TrainingResult resumed = Trainer(options).train(
        m_train, m_validation, [&](const TrainingProgress &progress) { reported.push_back(progress); });
    QVERIFY2(resumed.isOk(), qPrintable(resumed.errorString));
    QCOMPARE(resumed.startStep, 30);
    QCOMPARE(resumed.steps, 60);
    QCOMPARE(int(reported.size()), 30);
    QCOMPARE(reported.front().step, 31);
    QCOMPARE(resumed.bestStep, uninterrupted.bestStep);

    const std::vector<float> actual = Predictor(resumed.classifier).predict(test).probabilities;
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        QVERIFY2(actual[i] == expected[i],
                 qPrintable(QStringLiteral("%1: resumed %2, uninterrupted %3")
                                .arg(test.sourceOf(int(i)))
                                .arg(double(actual[i]), 0, 'g', 9)
                                .arg(double(expected[i]), 0, 'g', 9)));
}

void TestTraining::resumeRejectsChangedSettings()
{
    TrainingOptions options = fastOptions(20);
    options.checkpointPath = m_dir.filePath(QStringLiteral("changed.ckpt"));
    options.checkpointInterval = 10;
    options.resume = true;
    QVERIFY(Trainer(options).train(m_train).isOk());

    options.steps = 40;
    options.learningRate = 1e-4;
    const TrainingResult result = Trainer(options).train(m_train);
    QVERIFY(!result.isOk());
    QVERIFY2(result.errorString.contains(QStringLiteral("\"learningRate\"")),
             qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains(QStringLiteral("changed.ckpt")),
             qPrintable(result.errorString));
}

void TestTraining::earlyStoppingKeepsBestWeights()
{
    // A minimum improvement no loss can reach: the second evaluation runs out of patience.
    TrainingOptions options = fastOptions(100);
    options.validationInterval = 10;
    options.earlyStoppingPatience = 1;
    options.earlyStoppingMinDelta = 100.0;
    options.keepBestWeights = true;

    const TrainingResult result = Trainer(options).train(m_train, m_validation);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QVERIFY(result.stoppedEarly);
    QCOMPARE(result.steps, 20);
    QCOMPARE(result.bestStep, 10);

    // The returned weights are those of step 10: their validation loss matches that evaluation.
    const PredictionResult predicted = Predictor(result.classifier).predict(m_validation);
    double loss = 0.0;
    for (std::size_t i = 0; i < predicted.probabilities.size(); ++i) {
        const double p = predicted.probabilities[i];
        loss -= std::log(m_validation.labels[i] == 1 ? p : 1.0 - p);
    }
    loss /= double(predicted.probabilities.size());
    QVERIFY2(std::abs(loss - result.history[9].validationLoss) < 1e-4,
             qPrintable(QStringLiteral("loss %1, at step 10 %2, at step 20 %3")
                            .arg(loss)
                            .arg(result.history[9].validationLoss)
                            .arg(result.history[19].validationLoss)));
}

void TestTraining::trainerRejectsInvalidData_data()
{
    QTest::addColumn<TensorSet>("training");
    QTest::addColumn<QString>("expectedMessage");

    TensorSet missingLabel = makeFaces(10, 6);
    missingLabel.labels.pop_back();
    QTest::newRow("missing label") << missingLabel << QStringLiteral("10 images but 9 labels");

    TensorSet badLabel = makeFaces(10, 6);
    badLabel.labels[3] = 2;
    QTest::newRow("label out of range") << badLabel << QStringLiteral("Image face-3 has label 2");

    TensorSet ragged = makeFaces(10, 6);
    ragged.pixels.resize(ragged.pixels.size() - 5);
    QTest::newRow("ragged pixels") << ragged << QStringLiteral("not a multiple of 28x28");

    QTest::newRow("empty") << TensorSet() << QStringLiteral("no training images");
}

void TestTraining::trainerRejectsInvalidData()
{
    QFETCH(TensorSet, training);
    QFETCH(QString, expectedMessage);

    const TrainingResult result = Trainer(fastOptions(10)).train(training);
    QVERIFY(!result.isOk());
    QVERIFY(result.classifier.isNull());
    QVERIFY2(result.errorString.contains(expectedMessage), qPrintable(result.errorString));
}

void TestTraining::modelFileRoundTrip_data()
{
    QTest::addColumn<WeightPrecision>("precision");
    QTest::addColumn<float>("tolerance");

    QTest::newRow("float32") << WeightPrecision::Float32 << 0.0f;
    QTest::newRow("float16") << WeightPrecision::Float16 << 1e-3f;
}

void TestTraining::modelFileRoundTrip()
{
    QFETCH(WeightPrecision, precision);
    QFETCH(float, tolerance);

    const QString path = m_dir.filePath(QStringLiteral("roundtrip.plmodel"));
    const ModelMetadata metadata = sampleMetadata();
    QString error;
    QVERIFY2(ModelFile::save(path, m_trained, metadata, precision, &error), qPrintable(error));

    const LoadedModel loaded = ModelFile::load(path, QSize(kSize, kSize));
    QVERIFY2(loaded.isOk(), qPrintable(loaded.errorString));
    QCOMPARE(loaded.classifier.architecture(), QStringLiteral("compact"));
    QCOMPARE(loaded.classifier.inputSize(), QSize(kSize, kSize));
    QCOMPARE(loaded.metadata.formatVersion, ModelFile::kFormatVersion);
    QCOMPARE(loaded.metadata.architecture, QStringLiteral("compact"));
    QCOMPARE(loaded.metadata.inputSize, QSize(kSize, kSize));
    QCOMPARE(loaded.metadata.attribute, metadata.attribute);
    QCOMPARE(loaded.metadata.classNames, metadata.classNames);
    QCOMPARE(loaded.metadata.preprocessing, metadata.preprocessing);
    QCOMPARE(loaded.metadata.trainingData, metadata.trainingData);
    QCOMPARE(loaded.metadata.recipe, metadata.recipe);
    QCOMPARE(loaded.metadata.threshold, metadata.threshold);
    QCOMPARE(loaded.metadata.metrics, metadata.metrics);
    QVERIFY(loaded.metadata.createdAt.isValid());
    QVERIFY(loaded.metadata.createdBy.startsWith(QStringLiteral("ProfileLens")));

    ModelMetadata listed;
    QVERIFY2(ModelFile::readMetadata(path, &listed, &error), qPrintable(error));
    QCOMPARE(listed.attribute, metadata.attribute);

    const TensorSet test = makeFaces(100, 8);
    const std::vector<float> expected = Predictor(m_trained).predict(test).probabilities;
    const std::vector<float> actual = Predictor(loaded.classifier).predict(test).probabilities;
    QCOMPARE(actual.size(), expected.size());
    float largest = 0.0f;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const float difference = std::abs(actual[i] - expected[i]);
        largest = std::max(largest, difference);
        QVERIFY2(difference <= tolerance,
                 qPrintable(QStringLiteral("%1: saved %2, loaded %3")
                                .arg(test.sourceOf(int(i)))
                                .arg(double(expected[i]), 0, 'g', 9)
                                .arg(double(actual[i]), 0, 'g', 9)));
    }
    qInfo("Largest probability change after the round trip: %g", double(largest));

    // Rounding in memory gives exactly what the file gives back, so a model's evaluation
    // describes the weights it stores.
    const Classifier rounded =
        precision == WeightPrecision::Float16 ? m_trained.roundedToHalf() : m_trained;
    QCOMPARE(Predictor(rounded).predict(test).probabilities, actual);
}

void TestTraining::modelFileRejectsDamage_data()
{
    QTest::addColumn<QByteArray>("damage");
    QTest::addColumn<QSize>("expectedInputSize");
    QTest::addColumn<QString>("expectedMessage");

    QTest::newRow("flipped byte") << QByteArray("flip") << QSize()
                                  << QStringLiteral("checksum does not match");
    QTest::newRow("truncated") << QByteArray("truncate") << QSize()
                               << QStringLiteral("the file is truncated");
    QTest::newRow("trailing bytes") << QByteArray("append") << QSize()
                                    << QStringLiteral("unexpected bytes after its end");
    QTest::newRow("wrong magic") << QByteArray("magic") << QSize()
                                 << QStringLiteral("not a ProfileLens model file");
    QTest::newRow("empty file") << QByteArray("empty") << QSize()
                                << QStringLiteral("not a ProfileLens model file");
    QTest::newRow("newer version") << QByteArray("version") << QSize()
                                   << QStringLiteral("format version %1").arg(ModelFile::kFormatVersion + 1);
    QTest::newRow("no networks") << QByteArray("members") << QSize()
                                 << QStringLiteral("\"members\"");
    QTest::newRow("unknown architecture")
        << QByteArray("architecture") << QSize()
        << QStringLiteral("unknown model architecture \"resnet-9000\"");
    QTest::newRow("weights for another input size")
        << QByteArray("inputsize") << QSize()
        << QStringLiteral("tensor \"dense1.weight\" has shape [128, 1568]");
    QTest::newRow("missing tensor") << QByteArray("droptensor") << QSize()
                                    << QStringLiteral("tensor \"logits.bias\"");
    QTest::newRow("missing class names") << QByteArray("classnames") << QSize()
                                         << QStringLiteral("\"classNames\"");
    QTest::newRow("preprocessing input size differs")
        << QByteArray("none") << QSize(32, 32)
        << QStringLiteral("the model reads 28x28 images, but the preprocessing produces 32x32");
    QTest::newRow("missing file") << QByteArray("delete") << QSize()
                                  << QStringLiteral("Cannot load model file");
}

void TestTraining::modelFileRejectsDamage()
{
    QFETCH(QByteArray, damage);
    QFETCH(QSize, expectedInputSize);
    QFETCH(QString, expectedMessage);

    const QString path = m_dir.filePath(QStringLiteral("damaged-%1.plmodel").arg(QLatin1String(damage)));
    QString error;
    QVERIFY2(ModelFile::save(path, m_trained, sampleMetadata(), WeightPrecision::Float32, &error),
             qPrintable(error));
    QByteArray bytes = readAll(path);
    QVERIFY(bytes.size() > 1000);

    if (damage == "flip") {
        bytes[bytes.size() - 100] = char(bytes[bytes.size() - 100] ^ 0x10);
    } else if (damage == "truncate") {
        bytes.truncate(bytes.size() / 2);
    } else if (damage == "append") {
        bytes.append("extra");
    } else if (damage == "magic") {
        bytes[0] = 'X';
    } else if (damage == "empty") {
        bytes.clear();
    } else if (damage == "members") {
        bytes = editMetadata(bytes, [](QJsonObject &json) {
            json.insert(QStringLiteral("members"), 0);
        });
    } else if (damage == "version") {
        qToLittleEndian<quint32>(quint32(ModelFile::kFormatVersion + 1),
                                 reinterpret_cast<uchar *>(bytes.data()) + 8);
    } else if (damage == "architecture") {
        bytes = editMetadata(bytes, [](QJsonObject &json) {
            json.insert(QStringLiteral("architecture"), QStringLiteral("resnet-9000"));
        });
    } else if (damage == "inputsize") {
        bytes = editMetadata(bytes, [](QJsonObject &json) {
            json.insert(QStringLiteral("inputWidth"), 32);
            json.insert(QStringLiteral("inputHeight"), 32);
        });
    } else if (damage == "droptensor") {
        bytes = editMetadata(bytes, [](QJsonObject &json) {
            QJsonArray tensors = json.value(QStringLiteral("tensors")).toArray();
            for (qsizetype i = 0; i < tensors.size(); ++i) {
                if (tensors[i].toObject().value(QStringLiteral("name")) == QStringLiteral("logits.bias"))
                    tensors.removeAt(i);
            }
            json.insert(QStringLiteral("tensors"), tensors);
        });
    } else if (damage == "classnames") {
        bytes = editMetadata(bytes, [](QJsonObject &json) { json.remove(QStringLiteral("classNames")); });
    }
    if (damage == "delete")
        QVERIFY(QFile::remove(path));
    else
        QVERIFY(writeAll(path, bytes));

    const LoadedModel loaded = ModelFile::load(path, expectedInputSize);
    QVERIFY(!loaded.isOk());
    QVERIFY(loaded.classifier.isNull());
    QVERIFY2(loaded.errorString.contains(expectedMessage), qPrintable(loaded.errorString));
    QVERIFY2(loaded.errorString.contains(QFileInfo(path).fileName()), qPrintable(loaded.errorString));
}

void TestTraining::augmentationDegradesLikeAvatars_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("low resolution") << QStringLiteral("low resolution");
    QTest::newRow("jpeg") << QStringLiteral("jpeg");
    QTest::newRow("small avatar") << QStringLiteral("small avatar");
}

void TestTraining::augmentationDegradesLikeAvatars()
{
    QFETCH(QString, kind);

    // Only the change under test, on every image.
    AugmentationSettings settings;
    settings.enabled = true;
    settings.horizontalFlip = false;
    settings.maxShift = 0.0;
    settings.maxRotation = 0.0;
    settings.brightness = 0.0;
    settings.contrast = 0.0;
    settings.blurProbability = 0.0;
    const bool avatar = kind == QLatin1String("small avatar");
    settings.lowResolutionProbability = kind == QLatin1String("low resolution") || avatar ? 1.0 : 0.0;
    settings.jpegProbability = kind == QLatin1String("jpeg") || avatar ? 1.0 : 0.0;
    settings.jpegMinQuality = 10;

    const TensorSet faces = makeFaces(20, 31);
    const torch::Tensor batch =
        torch::tensor(faces.pixels).view({faces.count(), 1, faces.height, faces.width});
    std::mt19937_64 random(5);
    const torch::Tensor augmented = augmentBatch(batch, settings, random);
    QCOMPARE(augmented.sizes(), batch.sizes());
    QVERIFY(augmented.min().item<float>() >= 0.0f);
    QVERIFY(augmented.max().item<float>() <= 1.0f);

    // Every image changed, but stays the same picture: its mean brightness moves little.
    const torch::Tensor change = (augmented - batch).abs().mean({1, 2, 3});
    QVERIFY2(change.min().item<float>() > 0.002f, qPrintable(QString::number(change.min().item<float>())));
    const torch::Tensor meanShift = (augmented.mean({1, 2, 3}) - batch.mean({1, 2, 3})).abs();
    QVERIFY2(meanShift.max().item<float>() < 0.03f, qPrintable(QString::number(meanShift.max().item<float>())));

    if (kind != QLatin1String("jpeg")) {
        // Fine detail is lost: neighbouring pixels differ less than in the original. A small
        // avatar's JPEG blocks are enlarged with it, so they add no sharp steps either.
        const auto detail = [](const torch::Tensor &images) {
            return (images.slice(3, 1) - images.slice(3, 0, -1)).abs().mean().item<float>();
        };
        QVERIFY2(detail(augmented) < detail(batch),
                 qPrintable(QStringLiteral("%1 >= %2").arg(detail(augmented)).arg(detail(batch))));
    } else {
        // JPEG works on 8x8 blocks: steps across block edges grow relative to steps inside.
        const auto blockiness = [](const torch::Tensor &images) {
            const torch::Tensor steps = (images.slice(3, 1) - images.slice(3, 0, -1)).abs();
            double edges = 0.0, inside = 0.0;
            int edgeCount = 0, insideCount = 0;
            for (int64_t column = 0; column < steps.size(3); ++column) {
                const double value = steps.select(3, column).mean().item<double>();
                if ((column + 1) % 8 == 0) {
                    edges += value;
                    ++edgeCount;
                } else {
                    inside += value;
                    ++insideCount;
                }
            }
            return (edges / edgeCount) / (inside / insideCount);
        };
        QVERIFY2(blockiness(augmented) > blockiness(batch),
                 qPrintable(QStringLiteral("%1 <= %2").arg(blockiness(augmented)).arg(blockiness(batch))));
    }
}

// Returns the images of \a set mirrored left to right.
static TensorSet mirroredSet(const TensorSet &set)
{
    TensorSet mirrored = set;
    const std::size_t width = std::size_t(set.width);
    for (std::size_t row = 0; row < set.pixels.size() / width; ++row) {
        for (std::size_t x = 0; x < width; ++x)
            mirrored.pixels[row * width + x] = set.pixels[row * width + width - 1 - x];
    }
    return mirrored;
}

void TestTraining::partsClassifierReadsEachPlace()
{
    // Two models reading different views: the trained one whole faces, a fresh one a band.
    const QSize bandSize(36, 12);
    const Classifier band = Classifier::create(QStringLiteral("compact"), bandSize);
    QVERIFY(!band.isNull());
    const TensorSet faces = makeFaces(30, 41);
    TensorSet bands;
    bands.width = bandSize.width();
    bands.height = bandSize.height();
    std::mt19937 random(7);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (int i = 0; i < faces.count(); ++i) {
        std::vector<float> image(std::size_t(bandSize.width() * bandSize.height()));
        for (float &value : image)
            value = unit(random);
        bands.append(image, faces.labels[std::size_t(i)]);
    }

    // The combined input: the face centred on top, the band below it, black elsewhere.
    const QSize inputSize(36, kSize + 12);
    const QRect facePlace((36 - kSize) / 2, 0, kSize, kSize);
    const QRect bandPlace(0, kSize, 36, 12);
    TensorSet inputs;
    inputs.width = inputSize.width();
    inputs.height = inputSize.height();
    for (int i = 0; i < faces.count(); ++i) {
        std::vector<float> image(std::size_t(inputSize.width() * inputSize.height()), 0.0f);
        for (int y = 0; y < kSize; ++y) {
            for (int x = 0; x < kSize; ++x) {
                image[std::size_t((facePlace.y() + y) * inputSize.width() + facePlace.x() + x)] =
                    faces.pixels[std::size_t((i * kSize + y) * kSize + x)];
            }
        }
        for (int y = 0; y < bandSize.height(); ++y) {
            for (int x = 0; x < bandSize.width(); ++x) {
                image[std::size_t((bandPlace.y() + y) * inputSize.width() + x)] =
                    bands.pixels[std::size_t((i * bandSize.height() + y) * bandSize.width() + x)];
            }
        }
        inputs.append(image, faces.labels[std::size_t(i)]);
    }

    QString error;
    const Classifier averagedBand = Classifier::combine({band}, true, &error);
    QVERIFY2(!averagedBand.isNull(), qPrintable(error));
    const Classifier combined = Classifier::combineParts({m_trained, averagedBand},
                                                         {facePlace, bandPlace}, inputSize, true,
                                                         &error);
    QVERIFY2(!combined.isNull(), qPrintable(error));
    QCOMPARE(combined.memberCount(), 2);
    QCOMPARE(combined.inputSize(), inputSize);
    QCOMPARE(combined.memberInputs(), (QList<QRect>{facePlace, bandPlace}));
    QVERIFY(!combined.isSingleNetwork());

    const std::vector<float> face = Predictor(m_trained).predict(faces).probabilities;
    const std::vector<float> faceMirrored = Predictor(m_trained).predict(mirroredSet(faces)).probabilities;
    const std::vector<float> bandScores = Predictor(band).predict(bands).probabilities;
    const std::vector<float> bandMirrored = Predictor(band).predict(mirroredSet(bands)).probabilities;
    const std::vector<float> mean = Predictor(combined).predict(inputs).probabilities;
    QCOMPARE(mean.size(), face.size());
    for (std::size_t i = 0; i < mean.size(); ++i) {
        const float expected = (face[i] + faceMirrored[i] + bandScores[i] + bandMirrored[i]) / 4.0f;
        QVERIFY2(std::abs(mean[i] - expected) < 1e-5f,
                 qPrintable(QStringLiteral("%1 against %2").arg(mean[i]).arg(expected)));
    }

    // The places survive a model file, and a clone keeps them.
    const QString path = m_dir.filePath(QStringLiteral("parts.plmodel"));
    QVERIFY2(ModelFile::save(path, combined, sampleMetadata(), WeightPrecision::Float32, &error),
             qPrintable(error));
    const LoadedModel loaded = ModelFile::load(path, inputSize);
    QVERIFY2(loaded.isOk(), qPrintable(loaded.errorString));
    QCOMPARE(loaded.metadata.memberInputs, (QList<QRect>{facePlace, bandPlace}));
    QCOMPARE(Predictor(loaded.classifier).predict(inputs).probabilities, mean);
    QCOMPARE(Predictor(loaded.classifier.clone()).predict(inputs).probabilities, mean);

    // A part whose input does not match its place is rejected.
    const Classifier wrong = Classifier::combineParts({m_trained, band}, {facePlace, facePlace},
                                                      inputSize, false, &error);
    QVERIFY(wrong.isNull());
    QVERIFY2(error.contains(QStringLiteral("Model 2 cannot be combined")), qPrintable(error));
}

void TestTraining::averagedClassifierMatchesMemberMean()
{
    const Classifier other = Classifier::create(QStringLiteral("compact"), QSize(kSize, kSize));
    QVERIFY(!other.isNull());
    const TensorSet faces = makeFaces(40, 21);
    TensorSet mirrored = faces;
    for (int i = 0; i < faces.count(); ++i) {
        for (int y = 0; y < kSize; ++y) {
            for (int x = 0; x < kSize; ++x) {
                const std::size_t row = std::size_t(i) * kSize * kSize + std::size_t(y) * kSize;
                mirrored.pixels[row + std::size_t(x)] = faces.pixels[row + std::size_t(kSize - 1 - x)];
            }
        }
    }
    const std::vector<float> a = Predictor(m_trained).predict(faces).probabilities;
    const std::vector<float> b = Predictor(other).predict(faces).probabilities;
    const std::vector<float> aMirrored = Predictor(m_trained).predict(mirrored).probabilities;
    const std::vector<float> bMirrored = Predictor(other).predict(mirrored).probabilities;

    QString error;
    const Classifier pair = Classifier::combine({m_trained, other}, false, &error);
    QVERIFY2(!pair.isNull(), qPrintable(error));
    QCOMPARE(pair.memberCount(), 2);
    QVERIFY(!pair.averagesMirror());
    QCOMPARE(pair.parameterCount(), 2 * m_trained.parameterCount());
    const Classifier pairMirrored = Classifier::combine({m_trained, other}, true, &error);
    QVERIFY2(!pairMirrored.isNull(), qPrintable(error));
    QVERIFY(pairMirrored.averagesMirror());

    const std::vector<float> mean = Predictor(pair).predict(faces).probabilities;
    const std::vector<float> meanMirrored = Predictor(pairMirrored).predict(faces).probabilities;
    QCOMPARE(mean.size(), a.size());
    QCOMPARE(meanMirrored.size(), a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QVERIFY(std::abs(mean[i] - (a[i] + b[i]) / 2.0f) < 1e-5f);
        const float four = (a[i] + b[i] + aMirrored[i] + bMirrored[i]) / 4.0f;
        QVERIFY(std::abs(meanMirrored[i] - four) < 1e-5f);
    }

    // The combination survives a round trip through a model file, and so does its clone.
    const QString path = m_dir.filePath(QStringLiteral("averaged.plmodel"));
    QVERIFY2(ModelFile::save(path, pairMirrored, sampleMetadata(), WeightPrecision::Float32, &error),
             qPrintable(error));
    const LoadedModel loaded = ModelFile::load(path, QSize(kSize, kSize));
    QVERIFY2(loaded.isOk(), qPrintable(loaded.errorString));
    QCOMPARE(loaded.metadata.members, 2);
    QVERIFY(loaded.metadata.mirrorAverage);
    const std::vector<float> reloaded = Predictor(loaded.classifier).predict(faces).probabilities;
    const std::vector<float> cloned = Predictor(loaded.classifier.clone()).predict(faces).probabilities;
    QCOMPARE(reloaded, meanMirrored);
    QCOMPARE(cloned, meanMirrored);
}

void TestTraining::combineRejectsMismatchedNetworks()
{
    const Classifier wider = Classifier::create(QStringLiteral("compact"), QSize(kSize + 4, kSize + 4));
    const Classifier reference = Classifier::create(QStringLiteral("reference"), QSize(kSize, kSize));
    QString error;
    QVERIFY(Classifier::combine({}, false, &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("no networks")), qPrintable(error));
    QVERIFY(Classifier::combine({m_trained, wider}, false, &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("same architecture and input size")), qPrintable(error));
    QVERIFY(Classifier::combine({m_trained, reference}, false, &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("\"reference\"")), qPrintable(error));
    const Classifier pair = Classifier::combine({m_trained, m_trained}, false, &error);
    QVERIFY(Classifier::combine({pair, m_trained}, false, &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("Only single trained networks")), qPrintable(error));
}

void TestTraining::predictorChecksInput()
{
    const Predictor predictor(m_trained, 1);

    TensorSet wrongSize;
    wrongSize.width = 32;
    wrongSize.height = 32;
    wrongSize.pixels.assign(32 * 32 * 2, 0.5f);
    PredictionResult result = predictor.predict(wrongSize);
    QVERIFY(!result.isOk());
    QVERIFY2(result.errorString.contains(QStringLiteral("32x32")), qPrintable(result.errorString));

    QString error;
    QCOMPARE(predictor.predictOne(std::vector<float>(100, 0.5f), &error), -1.0f);
    QVERIFY2(error.contains(QStringLiteral("100 values")), qPrintable(error));

    // One image gives the same probability alone as inside a batch.
    const TensorSet faces = makeFaces(20, 9);
    result = predictor.predict(faces);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    const std::vector<float> third(faces.pixels.begin() + 2 * kSize * kSize,
                                   faces.pixels.begin() + 3 * kSize * kSize);
    const float single = predictor.predictOne(third, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(std::abs(single - result.probabilities[2]) < 1e-6f,
             qPrintable(QStringLiteral("alone %1, in batch %2").arg(single).arg(result.probabilities[2])));

    // A null classifier reports an error instead of crashing.
    result = Predictor(Classifier()).predict(faces);
    QVERIFY(!result.errorString.isEmpty());

    std::atomic<bool> cancel{true};
    result = predictor.predict(faces, {}, &cancel);
    QVERIFY(result.canceled);
    QVERIFY(result.probabilities.empty());
}

void TestTraining::predictSplitsCoversBothSets()
{
    Predictor predictor(m_trained, 2);
    predictor.setBatchSize(64);
    int lastDone = 0;
    const PredictionResult progressRun = predictor.predict(
        m_validation, [&](int done, int total) {
            QVERIFY(done > lastDone);
            QCOMPARE(total, m_validation.count());
            lastDone = done;
        });
    QVERIFY(progressRun.isOk());
    QCOMPARE(lastDone, m_validation.count());

    const SplitPredictions splits = predictor.predictSplits(m_train, m_validation);
    QVERIFY2(splits.training.isOk(), qPrintable(splits.training.errorString));
    QVERIFY2(splits.test.isOk(), qPrintable(splits.test.errorString));
    QCOMPARE(int(splits.training.probabilities.size()), m_train.count());
    QCOMPARE(int(splits.test.probabilities.size()), m_validation.count());
    QVERIFY(accuracyOf(splits.training.probabilities, m_train.labels) >= 0.95);
    QVERIFY(accuracyOf(splits.test.probabilities, m_validation.labels) >= 0.95);
}

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
