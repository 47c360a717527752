#include "trainer.h"
#include "classifier_p.h"
#include "trainer_p.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThread>

#include <ATen/CPUGeneratorImpl.h>
#include <opencv2/imgcodecs.hpp>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

namespace ProfileLens {

namespace {

// The "Trainer" translation context, declared so that lupdate can read it.
struct TrainerMessages
{
    Q_DECLARE_TR_FUNCTIONS(Trainer)
};

/// Gaussian blur kernel weights for sigma 0.8 pixels: exp(-1 / (2 * 0.8^2)) relative to the centre.
constexpr float kBlurSide = 0.4578f;
/// Bumped when the checkpoint layout changes; older checkpoints are then rejected.
constexpr int64_t kCheckpointVersion = 1;

QString metricKey(ValidationMetric metric)
{
    return metric == ValidationMetric::Accuracy ? QStringLiteral("accuracy")
                                                : QStringLiteral("loss");
}

/// Random generators that the trainer owns, saved in checkpoints as text.
struct Generators
{
    std::mt19937_64 shuffle;
    std::mt19937_64 augmentation;

    std::string save() const
    {
        std::ostringstream stream;
        stream << shuffle << ' ' << augmentation;
        return stream.str();
    }

    bool restore(const std::string &state)
    {
        std::istringstream stream(state);
        stream >> shuffle >> augmentation;
        return !stream.fail();
    }
};

} // namespace

torch::Tensor augmentBatch(const torch::Tensor &batch, const AugmentationSettings &settings,
                           std::mt19937_64 &random)
{
    const int64_t count = batch.size(0);
    const int64_t height = batch.size(2);
    const int64_t width = batch.size(3);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::uniform_real_distribution<double> chance(0.0, 1.0);

    // Per-image parameters.
    torch::Tensor theta = torch::empty({count, 2, 3}, torch::kFloat32);
    torch::Tensor scale = torch::empty({count, 1, 1, 1}, torch::kFloat32);
    torch::Tensor offset = torch::empty({count, 1, 1, 1}, torch::kFloat32);
    torch::Tensor blurMask = torch::empty({count, 1, 1, 1}, torch::kBool);
    auto thetaData = theta.accessor<float, 3>();
    float *scaleData = scale.data_ptr<float>();
    float *offsetData = offset.data_ptr<float>();
    bool *blurData = blurMask.data_ptr<bool>();
    constexpr double kRadiansPerDegree = M_PI / 180.0;
    for (int64_t i = 0; i < count; ++i) {
        const double flip = settings.horizontalFlip && chance(random) < 0.5 ? -1.0 : 1.0;
        const double angle = unit(random) * settings.maxRotation * kRadiansPerDegree;
        // affine_grid works in coordinates normalised to [-1, 1], so a pixel is 2 / size.
        const double shiftX = unit(random) * settings.maxShift * 2.0 / double(width);
        const double shiftY = unit(random) * settings.maxShift * 2.0 / double(height);
        // Output-to-input mapping: rotation after an optional mirror of the x axis.
        thetaData[i][0][0] = float(std::cos(angle) * flip);
        thetaData[i][0][1] = float(-std::sin(angle));
        thetaData[i][0][2] = float(shiftX);
        thetaData[i][1][0] = float(std::sin(angle) * flip);
        thetaData[i][1][1] = float(std::cos(angle));
        thetaData[i][1][2] = float(shiftY);
        scaleData[i] = float(1.0 + unit(random) * settings.contrast);
        offsetData[i] = float(unit(random) * settings.brightness);
        blurData[i] = chance(random) < settings.blurProbability;
    }

    // Geometry: bilinear resampling, repeating the border pixels where the image moved away.
    const torch::Tensor grid = torch::affine_grid_generator(theta, {count, 1, height, width}, false);
    constexpr int64_t kBilinear = 0;
    constexpr int64_t kBorderPadding = 1;
    torch::Tensor output = torch::grid_sampler(batch, grid, kBilinear, kBorderPadding, false);

    // Contrast around each image's mean, then brightness.
    const torch::Tensor mean = output.mean({2, 3}, true);
    output = ((output - mean) * scale + mean + offset).clamp_(0.0, 1.0);

    // Blur: separable 3x3 Gaussian with replicated borders.
    if (blurMask.any().item<bool>()) {
        const float sum = 1.0f + 2.0f * kBlurSide;
        const torch::Tensor row =
            torch::tensor({kBlurSide / sum, 1.0f / sum, kBlurSide / sum}, torch::kFloat32);
        const torch::Tensor kernel = torch::outer(row, row).view({1, 1, 3, 3});
        const torch::Tensor padded = torch::replication_pad2d(output, {1, 1, 1, 1});
        const torch::Tensor blurred = torch::conv2d(padded, kernel);
        output = torch::where(blurMask, blurred, output);
    }

    // Low resolution and JPEG artefacts, image by image.
    output = output.contiguous();
    std::uniform_real_distribution<double> reduced(settings.lowResolutionMinScale, 0.8);
    std::uniform_int_distribution<int> quality(std::min(settings.jpegMinQuality, 90), 90);
    // Both act like a small avatar: the JPEG round trip, when drawn for a reduced image, runs
    // at the reduced size, so its 8x8 blocks are enlarged with the picture.
    const auto compress = [&](const torch::Tensor &image) {
        const int64_t imageHeight = image.size(2);
        const int64_t imageWidth = image.size(3);
        const torch::Tensor bytes =
            image.mul(255.0).round_().clamp_(0.0, 255.0).to(torch::kUInt8).contiguous();
        const cv::Mat gray(int(imageHeight), int(imageWidth), CV_8UC1, bytes.data_ptr<uint8_t>());
        std::vector<uchar> encoded;
        cv::imencode(".jpg", gray, encoded, {cv::IMWRITE_JPEG_QUALITY, quality(random)});
        const cv::Mat decoded = cv::imdecode(encoded, cv::IMREAD_GRAYSCALE);
        if (decoded.rows != gray.rows || decoded.cols != gray.cols)
            return image;
        return torch::from_blob(decoded.data, {1, 1, imageHeight, imageWidth}, torch::kUInt8)
            .to(torch::kFloat32)
            .div_(255.0);
    };
    for (int64_t i = 0; i < count; ++i) {
        torch::Tensor image = output.slice(0, i, i + 1);
        const bool lowResolution = chance(random) < settings.lowResolutionProbability;
        const double factor = lowResolution ? reduced(random) : 1.0;
        const bool jpeg = chance(random) < settings.jpegProbability;
        if (lowResolution) {
            const int64_t smallHeight = std::max<int64_t>(2, std::llround(double(height) * factor));
            const int64_t smallWidth = std::max<int64_t>(2, std::llround(double(width) * factor));
            torch::Tensor small = torch::adaptive_avg_pool2d(image, {smallHeight, smallWidth});
            if (jpeg)
                small = compress(small);
            image.copy_(torch::upsample_bilinear2d(small, {height, width}, false));
        } else if (jpeg) {
            image.copy_(compress(image));
        }
    }
    return output;
}

namespace {

/// Everything that changes while training runs; saved and restored by checkpoints.
class TrainingRun
{
public:
    TrainingRun(const TrainingOptions &options, const TensorSet &training,
                const TensorSet &validation)
        : m_options(options)
        , m_images(imagesAsTensor(training))
        , m_labels(labelsAsTensor(training))
        , m_count(training.count())
        , m_batchSize(std::min(options.batchSize, training.count()))
    {
        if (!validation.isEmpty()) {
            m_validationImages = imagesAsTensor(validation);
            m_validationLabels = labelsAsTensor(validation);
        }

        // Weights are drawn from the global generator, so seed it first.
        torch::manual_seed(options.seed);
        QString error;
        m_classifier = Classifier::create(options.architecture,
                                          QSize(training.width, training.height), &error);
        if (m_classifier.isNull())
            throw std::runtime_error(error.toStdString());
        m_net = ClassifierPrivate::get(m_classifier)->net;

        m_generators.shuffle.seed(options.seed);
        m_generators.augmentation.seed(options.seed ^ 0x9e3779b97f4a7c15ULL);
        m_order.resize(std::size_t(m_count));
        m_position = m_count; // forces a shuffle before the first batch

        auto adam = torch::optim::AdamOptions(options.learningRate).weight_decay(options.weightDecay);
        m_optimizer = std::make_unique<torch::optim::Adam>(m_net->parameters(), adam);

        m_batchIndices = torch::empty({m_batchSize}, torch::kInt64);
        m_batchImages = torch::empty({m_batchSize, 1, training.height, training.width});
        m_batchLabels = torch::empty({m_batchSize}, torch::kInt64);
    }

    int step() const { return m_step; }
    Classifier classifier() const { return m_classifier; }
    bool hasValidation() const { return m_validationImages.defined(); }
    int bestStep() const { return m_bestStep; }

    /// Runs one optimiser step and returns the batch's loss and accuracy.
    TrainingProgress trainStep()
    {
        nextBatch();
        torch::Tensor input = m_batchImages;
        if (m_options.augmentation.enabled)
            input = augmentBatch(m_batchImages, m_options.augmentation, m_generators.augmentation);

        m_net->train();
        m_optimizer->zero_grad();
        const torch::Tensor logits = m_net->forward(input);
        const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, m_batchLabels);
        loss.backward();
        m_optimizer->step();
        ++m_step;

        TrainingProgress progress;
        progress.step = m_step;
        progress.totalSteps = m_options.steps;
        progress.loss = loss.item<double>();
        progress.accuracy =
            logits.detach().argmax(1).eq(m_batchLabels).to(torch::kFloat64).mean().item<double>();
        return progress;
    }

    /**
     * Evaluates the validation set into \a progress and updates the best weights. Returns true
     * when early stopping ran out of patience.
     */
    bool validate(TrainingProgress &progress)
    {
        const torch::Tensor logits =
            evaluateLogits(m_net, m_validationImages, m_options.evaluationBatchSize);
        progress.validated = true;
        progress.validationLoss =
            torch::nn::functional::cross_entropy(logits, m_validationLabels).item<double>();
        progress.validationAccuracy =
            logits.argmax(1).eq(m_validationLabels).to(torch::kFloat64).mean().item<double>();

        // Compare as "higher is better".
        const double value = m_options.validationMetric == ValidationMetric::Accuracy
                                 ? progress.validationAccuracy
                                 : -progress.validationLoss;
        if (m_bestStep == 0 || value > m_bestValue + m_options.earlyStoppingMinDelta) {
            m_bestValue = value;
            m_bestStep = m_step;
            m_evaluationsWithoutImprovement = 0;
            if (m_options.keepBestWeights)
                storeBest();
        } else {
            ++m_evaluationsWithoutImprovement;
        }
        return m_options.earlyStoppingPatience > 0
               && m_evaluationsWithoutImprovement >= m_options.earlyStoppingPatience;
    }

    /// Puts the best evaluated weights back into the network; returns the step they come from.
    int restoreBest()
    {
        if (m_best.empty() || m_bestStep == m_step)
            return m_step;
        torch::NoGradGuard noGrad;
        const auto state = namedState(*m_net);
        for (std::size_t i = 0; i < state.size(); ++i)
            state[i].second.copy_(m_best[i]);
        return m_bestStep;
    }

    QByteArray saveCheckpoint(const QJsonObject &fingerprint) const
    {
        torch::serialize::OutputArchive archive;
        archive.write("version", c10::IValue(kCheckpointVersion));
        archive.write("fingerprint",
                      c10::IValue(QJsonDocument(fingerprint).toJson().toStdString()));
        archive.write("step", c10::IValue(int64_t(m_step)));
        archive.write("position", c10::IValue(int64_t(m_position)));
        archive.write("order", torch::tensor(m_order, torch::kInt64));
        archive.write("generators", c10::IValue(m_generators.save()));
        archive.write("torchGenerator", at::detail::getDefaultCPUGenerator().get_state());
        archive.write("bestStep", c10::IValue(int64_t(m_bestStep)));
        archive.write("bestValue", c10::IValue(m_bestValue));
        archive.write("evaluationsWithoutImprovement",
                      c10::IValue(int64_t(m_evaluationsWithoutImprovement)));

        torch::serialize::OutputArchive model;
        m_net->save(model);
        archive.write("model", model);
        torch::serialize::OutputArchive optimizer;
        m_optimizer->save(optimizer);
        archive.write("optimizer", optimizer);
        if (!m_best.empty()) {
            torch::serialize::OutputArchive best;
            const auto state = namedState(*m_net);
            for (std::size_t i = 0; i < state.size(); ++i)
                best.write(state[i].first, m_best[i]);
            archive.write("best", best);
        }

        QByteArray bytes;
        archive.save_to([&bytes](const void *data, size_t size) {
            bytes.append(static_cast<const char *>(data), qsizetype(size));
            return size;
        });
        return bytes;
    }

    /// Restores a checkpoint; returns an empty string or what does not match.
    QString loadCheckpoint(const QByteArray &bytes, const QJsonObject &fingerprint)
    {
        torch::serialize::InputArchive archive;
        archive.load_from(bytes.constData(), std::size_t(bytes.size()));

        c10::IValue value;
        archive.read("version", value);
        if (value.toInt() != kCheckpointVersion)
            return TrainerMessages::tr("it has version %1, but this version of ProfileLens reads version %2.")
                .arg(value.toInt())
                .arg(kCheckpointVersion);
        archive.read("fingerprint", value);
        const QJsonObject stored =
            QJsonDocument::fromJson(QByteArray::fromStdString(value.toStringRef())).object();
        for (auto it = fingerprint.begin(); it != fingerprint.end(); ++it) {
            if (stored.value(it.key()) != it.value())
                return TrainerMessages::tr("its setting \"%1\" differs from this run's. Resume with the same "
                                           "settings, or delete the checkpoint to start over.")
                    .arg(it.key());
        }

        archive.read("step", value);
        m_step = int(value.toInt());
        archive.read("position", value);
        m_position = int(value.toInt());
        torch::Tensor order;
        archive.read("order", order);
        if (order.numel() != m_count)
            return TrainerMessages::tr("it was made for %1 training images, not %2.").arg(order.numel()).arg(m_count);
        const int64_t *orderData = order.data_ptr<int64_t>();
        m_order.assign(orderData, orderData + m_count);
        archive.read("generators", value);
        if (!m_generators.restore(value.toStringRef()))
            return TrainerMessages::tr("its random generator state is invalid.");
        torch::Tensor torchGenerator;
        archive.read("torchGenerator", torchGenerator);
        {
            at::Generator generator = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(torchGenerator);
        }
        archive.read("bestStep", value);
        m_bestStep = int(value.toInt());
        archive.read("bestValue", value);
        m_bestValue = value.toDouble();
        archive.read("evaluationsWithoutImprovement", value);
        m_evaluationsWithoutImprovement = int(value.toInt());

        torch::serialize::InputArchive model;
        archive.read("model", model);
        m_net->load(model);
        torch::serialize::InputArchive optimizer;
        archive.read("optimizer", optimizer);
        m_optimizer->load(optimizer);
        torch::serialize::InputArchive best;
        if (archive.try_read("best", best)) {
            storeBest();
            const auto state = namedState(*m_net);
            for (std::size_t i = 0; i < state.size(); ++i)
                best.read(state[i].first, m_best[i]);
        }
        return {};
    }

private:
    /// Gathers the next batch from the shuffled order into the preallocated batch tensors.
    void nextBatch()
    {
        if (m_position + m_batchSize > m_count) {
            // New epoch; the remainder of the last one is dropped so every batch is full.
            for (int i = 0; i < m_count; ++i)
                m_order[std::size_t(i)] = i;
            std::shuffle(m_order.begin(), m_order.end(), m_generators.shuffle);
            m_position = 0;
        }
        std::copy_n(m_order.begin() + m_position, m_batchSize, m_batchIndices.data_ptr<int64_t>());
        m_position += m_batchSize;

        torch::index_select_out(m_batchImages, m_images, 0, m_batchIndices);
        torch::index_select_out(m_batchLabels, m_labels, 0, m_batchIndices);
    }

    /// Copies the current parameters and buffers into m_best.
    void storeBest()
    {
        torch::NoGradGuard noGrad;
        const auto state = namedState(*m_net);
        if (m_best.empty()) {
            for (const auto &item : state)
                m_best.push_back(item.second.detach().clone());
            return;
        }
        for (std::size_t i = 0; i < state.size(); ++i)
            m_best[i].copy_(state[i].second);
    }

    const TrainingOptions &m_options;
    torch::Tensor m_images;
    torch::Tensor m_labels;
    torch::Tensor m_validationImages;
    torch::Tensor m_validationLabels;
    int m_count = 0;
    int m_batchSize = 0;

    Classifier m_classifier;
    torch::nn::Sequential m_net{nullptr};
    std::unique_ptr<torch::optim::Adam> m_optimizer;
    /// Parameters and buffers of the best evaluation, in namedState() order.
    std::vector<torch::Tensor> m_best;

    Generators m_generators;
    std::vector<int64_t> m_order;
    int m_position = 0;
    int m_step = 0;
    int m_bestStep = 0;
    double m_bestValue = 0.0;
    int m_evaluationsWithoutImprovement = 0;

    torch::Tensor m_batchIndices;
    torch::Tensor m_batchImages;
    torch::Tensor m_batchLabels;
};

/// The settings a checkpoint must share with the run that resumes it.
QJsonObject checkpointFingerprint(const TrainingOptions &options, const TensorSet &training,
                                  const TensorSet &validation)
{
    QJsonObject fingerprint = options.toJson();
    fingerprint.remove(QLatin1String("steps"));
    // The threshold is chosen after training, so a resumed run may choose it differently.
    fingerprint.remove(QLatin1String("thresholdRule"));
    fingerprint.insert(QLatin1String("trainingImages"), training.count());
    fingerprint.insert(QLatin1String("validationImages"), validation.count());
    fingerprint.insert(QLatin1String("inputWidth"), training.width);
    fingerprint.insert(QLatin1String("inputHeight"), training.height);
    return fingerprint;
}

QString checkOptions(const TrainingOptions &options, const TensorSet &training,
                     const TensorSet &validation)
{
    if (!Classifier::isKnownArchitecture(options.architecture))
        return TrainerMessages::tr("Unknown model architecture \"%1\".").arg(options.architecture);
    if (options.steps < 1)
        return TrainerMessages::tr("The number of training steps must be at least 1, not %1.").arg(options.steps);
    if (options.batchSize < 1)
        return TrainerMessages::tr("The batch size must be at least 1, not %1.").arg(options.batchSize);
    if (!(options.learningRate > 0.0))
        return TrainerMessages::tr("The learning rate must be positive, not %1.").arg(options.learningRate);
    if (options.weightDecay < 0.0)
        return TrainerMessages::tr("The weight decay must not be negative (%1).").arg(options.weightDecay);
    if (options.checkpointInterval > 0 && options.checkpointPath.isEmpty())
        return TrainerMessages::tr("A checkpoint interval is set, but no checkpoint file.");

    QString invalid = training.validate(true);
    if (!invalid.isEmpty())
        return TrainerMessages::tr("Invalid training data: %1").arg(invalid);
    if (training.isEmpty())
        return TrainerMessages::tr("There are no training images.");
    if (!validation.isEmpty()) {
        invalid = validation.validate(true);
        if (!invalid.isEmpty())
            return TrainerMessages::tr("Invalid validation data: %1").arg(invalid);
        if (validation.width != training.width || validation.height != training.height)
            return TrainerMessages::tr("The validation images are %1x%2 pixels, but the training images %3x%4.")
                .arg(validation.width)
                .arg(validation.height)
                .arg(training.width)
                .arg(training.height);
    }
    return {};
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = TrainerMessages::tr("Cannot write checkpoint \"%1\": %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

QJsonObject AugmentationSettings::toJson() const
{
    return {
        {QLatin1String("enabled"), enabled},
        {QLatin1String("horizontalFlip"), horizontalFlip},
        {QLatin1String("maxShift"), maxShift},
        {QLatin1String("maxRotation"), maxRotation},
        {QLatin1String("brightness"), brightness},
        {QLatin1String("contrast"), contrast},
        {QLatin1String("blurProbability"), blurProbability},
        {QLatin1String("lowResolutionProbability"), lowResolutionProbability},
        {QLatin1String("lowResolutionMinScale"), lowResolutionMinScale},
        {QLatin1String("jpegProbability"), jpegProbability},
        {QLatin1String("jpegMinQuality"), jpegMinQuality},
    };
}

AugmentationSettings AugmentationSettings::fromJson(const QJsonObject &json)
{
    AugmentationSettings settings;
    settings.enabled = json.value(QLatin1String("enabled")).toBool(settings.enabled);
    settings.horizontalFlip =
        json.value(QLatin1String("horizontalFlip")).toBool(settings.horizontalFlip);
    settings.maxShift = json.value(QLatin1String("maxShift")).toDouble(settings.maxShift);
    settings.maxRotation = json.value(QLatin1String("maxRotation")).toDouble(settings.maxRotation);
    settings.brightness = json.value(QLatin1String("brightness")).toDouble(settings.brightness);
    settings.contrast = json.value(QLatin1String("contrast")).toDouble(settings.contrast);
    settings.blurProbability =
        json.value(QLatin1String("blurProbability")).toDouble(settings.blurProbability);
    // Recipes written before these existed did not use them.
    settings.lowResolutionProbability =
        json.value(QLatin1String("lowResolutionProbability")).toDouble(0.0);
    settings.lowResolutionMinScale =
        json.value(QLatin1String("lowResolutionMinScale")).toDouble(settings.lowResolutionMinScale);
    settings.jpegProbability = json.value(QLatin1String("jpegProbability")).toDouble(0.0);
    settings.jpegMinQuality =
        json.value(QLatin1String("jpegMinQuality")).toInt(settings.jpegMinQuality);
    return settings;
}

QString thresholdRuleKey(ThresholdRule rule)
{
    return rule == ThresholdRule::Balanced ? QStringLiteral("balanced") : QStringLiteral("max-f1");
}

bool thresholdRuleFromKey(const QString &key, ThresholdRule *rule)
{
    if (key == QLatin1String("max-f1"))
        *rule = ThresholdRule::MaxF1;
    else if (key == QLatin1String("balanced"))
        *rule = ThresholdRule::Balanced;
    else
        return false;
    return true;
}

QJsonObject TrainingOptions::toJson() const
{
    QJsonObject json{
        {QLatin1String("architecture"), architecture},
        {QLatin1String("steps"), steps},
        {QLatin1String("batchSize"), batchSize},
        {QLatin1String("optimizer"), QStringLiteral("adam")},
        {QLatin1String("learningRate"), learningRate},
        {QLatin1String("weightDecay"), weightDecay},
        // As a string: JSON numbers are doubles and would round seeds above 2^53.
        {QLatin1String("seed"), QString::number(seed)},
        {QLatin1String("augmentation"), augmentation.toJson()},
        {QLatin1String("validationInterval"), validationInterval},
        {QLatin1String("earlyStoppingPatience"), earlyStoppingPatience},
        {QLatin1String("earlyStoppingMinDelta"), earlyStoppingMinDelta},
        {QLatin1String("validationMetric"), metricKey(validationMetric)},
        {QLatin1String("keepBestWeights"), keepBestWeights},
        {QLatin1String("members"), members},
        {QLatin1String("mirrorAverage"), mirrorAverage},
    };
    // Written only for the newer rule, so that the recipes of earlier models read the same.
    if (thresholdRule != ThresholdRule::MaxF1)
        json.insert(QLatin1String("thresholdRule"), thresholdRuleKey(thresholdRule));
    return json;
}

Trainer::Trainer(const TrainingOptions &options)
    : m_options(options)
{
}

TrainingResult Trainer::train(const TensorSet &training, const TensorSet &validation,
                              const TrainingProgressCallback &progress,
                              const std::atomic<bool> *cancel)
{
    TrainingResult result;
    QElapsedTimer timer;
    timer.start();

    result.errorString = checkOptions(m_options, training, validation);
    if (!result.errorString.isEmpty()) {
        qCWarning(lcTrain).noquote() << "Training not started:" << result.errorString;
        return result;
    }

    const bool checkpointing = !m_options.checkpointPath.isEmpty();
    const QJsonObject fingerprint = checkpointFingerprint(m_options, training, validation);
    try {
        applyThreadSettings(m_options.threads > 0 ? m_options.threads
                                                  : QThread::idealThreadCount());
        TrainingRun run(m_options, training, validation);

        // Resume.
        if (checkpointing && m_options.resume && QFile::exists(m_options.checkpointPath)) {
            QFile file(m_options.checkpointPath);
            if (!file.open(QIODevice::ReadOnly))
                throw std::runtime_error(
                    TrainerMessages::tr("Cannot read checkpoint \"%1\": %2")
                        .arg(QDir::toNativeSeparators(m_options.checkpointPath), file.errorString())
                        .toStdString());
            const QString mismatch = run.loadCheckpoint(file.readAll(), fingerprint);
            if (!mismatch.isEmpty()) {
                result.errorString =
                    TrainerMessages::tr("Cannot resume from checkpoint \"%1\": %2")
                        .arg(QDir::toNativeSeparators(m_options.checkpointPath), mismatch);
                qCWarning(lcTrain).noquote() << result.errorString;
                return result;
            }
            qCInfo(lcTrain) << "Resumed from checkpoint at step" << run.step();
        }
        result.startStep = run.step();
        qCInfo(lcTrain).noquote() << "Training" << m_options.architecture << "on"
                                  << training.count() << "images from step" << run.step() << "to"
                                  << m_options.steps << "threads" << torch::get_num_threads()
                                  << "BLAS" << blasDescription();

        // Train.
        while (run.step() < m_options.steps) {
            if (cancel && cancel->load()) {
                result.canceled = true;
                break;
            }
            TrainingProgress entry = run.trainStep();
            if (!std::isfinite(entry.loss)) {
                result.errorString = TrainerMessages::tr("Training diverged at step %1 (the loss is not a number). "
                                                         "Lower the learning rate.")
                                         .arg(entry.step);
                break;
            }

            const bool last = run.step() == m_options.steps;
            const bool validationDue = m_options.validationInterval > 0
                                       && run.step() % m_options.validationInterval == 0;
            bool stop = false;
            if (run.hasValidation() && (validationDue || last))
                stop = run.validate(entry);

            if (checkpointing && m_options.checkpointInterval > 0
                && run.step() % m_options.checkpointInterval == 0) {
                if (!writeFile(m_options.checkpointPath, run.saveCheckpoint(fingerprint),
                               &result.errorString))
                    break;
            }

            entry.elapsedSeconds = double(timer.nsecsElapsed()) / 1e9;
            result.history.push_back(entry);
            if (progress)
                progress(entry);
            if (stop) {
                result.stoppedEarly = true;
                qCInfo(lcTrain) << "Stopped early at step" << run.step() << "best step"
                                << run.bestStep();
                break;
            }
        }

        // A canceled run leaves a checkpoint at its last completed step, to resume later.
        if (result.canceled && checkpointing && m_options.checkpointInterval > 0)
            writeFile(m_options.checkpointPath, run.saveCheckpoint(fingerprint),
                      &result.errorString);

        result.steps = run.step();
        result.bestStep = m_options.keepBestWeights ? run.restoreBest() : run.step();
        if (result.errorString.isEmpty()) {
            result.classifier = run.classifier();
            ClassifierPrivate::get(result.classifier)->net->eval();
        }
    } catch (const std::exception &error) {
        result.classifier = Classifier();
        result.errorString = TrainerMessages::tr("Training failed: %1").arg(exceptionMessage(error));
    }

    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!result.errorString.isEmpty())
        qCWarning(lcTrain).noquote() << result.errorString;
    else
        qCInfo(lcTrain) << (result.canceled ? "Training canceled at step" : "Training finished at step")
                        << result.steps << "in" << result.seconds << "s";
    return result;
}

} // namespace ProfileLens
