#include "classifier.h"
#include "classifier_p.h"

#include <QCoreApplication>

#include <c10/util/Exception.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/pooling.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/utils.h>

#include <algorithm>
#include <dlfcn.h>
#include <mutex>

namespace ProfileLens {

namespace {

namespace nn = torch::nn;

/// Dropout probability before the output layer, as in the reference network.
constexpr double kDropout = 0.4;
/// Largest accepted input width or height; larger images would make the dense layer huge.
constexpr int kMaximumInputSize = 256;

nn::Conv2d sameConv(int in, int out, int kernel)
{
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).padding(kernel / 2));
}

/// Size after two 2x2 max-pools with floor rounding.
int pooledTwice(int size)
{
    return size / 2 / 2;
}

/**
 * Two 5x5 same-padded convolutions with ReLU and 2x2 max-pooling, a hidden dense layer with
 * ReLU and dropout, and a 2-logit output. With \a batchNorm, each convolution is followed by
 * batch normalisation (and drops its bias, which the normalisation cancels).
 */
nn::Sequential buildTwoConv(int height, int width, int channels1, int channels2, int hidden,
                            bool batchNorm)
{
    nn::Sequential net;
    auto conv1 = nn::Conv2dOptions(1, channels1, 5).padding(2).bias(!batchNorm);
    auto conv2 = nn::Conv2dOptions(channels1, channels2, 5).padding(2).bias(!batchNorm);

    net->push_back("conv1", nn::Conv2d(conv1));
    if (batchNorm)
        net->push_back("bn1", nn::BatchNorm2d(channels1));
    net->push_back("relu1", nn::ReLU());
    net->push_back("pool1", nn::MaxPool2d(nn::MaxPool2dOptions(2)));

    net->push_back("conv2", nn::Conv2d(conv2));
    if (batchNorm)
        net->push_back("bn2", nn::BatchNorm2d(channels2));
    net->push_back("relu2", nn::ReLU());
    net->push_back("pool2", nn::MaxPool2d(nn::MaxPool2dOptions(2)));

    const int flat = channels2 * pooledTwice(height) * pooledTwice(width);
    net->push_back("flatten", nn::Flatten());
    net->push_back("dense1", nn::Linear(flat, hidden));
    net->push_back("relu3", nn::ReLU());
    net->push_back("dropout", nn::Dropout(kDropout));
    net->push_back("logits", nn::Linear(hidden, 2));
    return net;
}

nn::Sequential buildReference(int height, int width)
{
    return buildTwoConv(height, width, 32, 64, 1024, false);
}

nn::Sequential buildReferenceBatchNorm(int height, int width)
{
    return buildTwoConv(height, width, 32, 64, 1024, true);
}

nn::Sequential buildCompact(int height, int width)
{
    return buildTwoConv(height, width, 16, 32, 128, false);
}

nn::Sequential buildCompactBatchNorm(int height, int width)
{
    return buildTwoConv(height, width, 16, 32, 128, true);
}

/**
 * Averages the class probabilities of several networks, and optionally of each network on
 * the mirror image of the input. Returns their logarithms as logits, so softmax() of the
 * output gives the mean probabilities back.
 */
class AverageImpl : public nn::Module
{
public:
    AverageImpl(const std::vector<nn::Sequential> &members, bool mirror,
                const QList<QRect> &inputs)
        : m_mirror(mirror)
        , m_inputs(inputs)
    {
        for (std::size_t i = 0; i < members.size(); ++i)
            m_members.push_back(register_module(std::to_string(i), members[i]));
    }

    torch::Tensor forward(const torch::Tensor &images)
    {
        const torch::Tensor mirrored = m_mirror && m_inputs.isEmpty() ? images.flip({3})
                                                                       : torch::Tensor();
        torch::Tensor sum = torch::zeros({images.size(0), 2}, images.options());
        for (std::size_t i = 0; i < m_members.size(); ++i) {
            nn::Sequential &member = m_members[i];
            if (m_inputs.isEmpty()) {
                sum += torch::softmax(member->forward(images), 1);
                if (m_mirror)
                    sum += torch::softmax(member->forward(mirrored), 1);
                continue;
            }
            // Each network reads its own part of the input and mirrors that part alone.
            const QRect &part = m_inputs.at(qsizetype(i));
            const torch::Tensor view = images.slice(2, part.y(), part.y() + part.height())
                                           .slice(3, part.x(), part.x() + part.width());
            sum += torch::softmax(member->forward(view), 1);
            if (m_mirror)
                sum += torch::softmax(member->forward(view.flip({3})), 1);
        }
        const double views = double(m_members.size()) * (m_mirror ? 2.0 : 1.0);
        // The floor keeps log() finite when a probability rounds to zero.
        return (sum / views).clamp_min(1e-30).log();
    }

private:
    std::vector<nn::Sequential> m_members;
    bool m_mirror = false;
    QList<QRect> m_inputs;
};

TORCH_MODULE(Average);

/// Builds the network of a classifier: one network, or an averaging module around several.
nn::Sequential buildNetwork(const ArchitectureEntry &entry, QSize inputSize, int members,
                            bool mirror, const QList<QRect> &memberInputs = {})
{
    if (members == 1 && !mirror && memberInputs.isEmpty())
        return entry.build(inputSize.height(), inputSize.width());
    std::vector<nn::Sequential> networks;
    for (int i = 0; i < members; ++i) {
        const QSize size = memberInputs.isEmpty() ? inputSize : memberInputs.at(i).size();
        networks.push_back(entry.build(size.height(), size.width()));
    }
    nn::Sequential net;
    net->push_back("average", Average(networks, mirror, memberInputs));
    return net;
}

} // namespace

const std::vector<ArchitectureEntry> &architectureRegistry()
{
    static const std::vector<ArchitectureEntry> registry = {
        {"reference",
         QT_TRANSLATE_NOOP("Classifier",
                           "conv 5x5x32, max-pool 2, conv 5x5x64, max-pool 2, dense 1024, "
                           "dropout 0.4, dense 2"),
         4, &buildReference},
        {"reference-bn",
         QT_TRANSLATE_NOOP("Classifier",
                           "reference with batch normalisation after each convolution"),
         4, &buildReferenceBatchNorm},
        {"compact",
         QT_TRANSLATE_NOOP("Classifier",
                           "conv 5x5x16, max-pool 2, conv 5x5x32, max-pool 2, dense 128, "
                           "dropout 0.4, dense 2 (about 4x fewer operations than reference)"),
         4, &buildCompact},
        {"compact-bn",
         QT_TRANSLATE_NOOP("Classifier",
                           "compact with batch normalisation after each convolution"),
         4, &buildCompactBatchNorm},
    };
    return registry;
}

const ArchitectureEntry *findArchitecture(const QString &name)
{
    for (const ArchitectureEntry &entry : architectureRegistry()) {
        if (name == QLatin1String(entry.name))
            return &entry;
    }
    return nullptr;
}

std::vector<std::pair<std::string, torch::Tensor>> namedState(const torch::nn::Module &module)
{
    std::vector<std::pair<std::string, torch::Tensor>> state;
    for (const auto &item : module.named_parameters(true))
        state.emplace_back(item.key(), item.value());
    for (const auto &item : module.named_buffers(true))
        state.emplace_back(item.key(), item.value());
    return state;
}

void copyState(const torch::nn::Module &from, torch::nn::Module &to)
{
    torch::NoGradGuard noGrad;
    const auto source = namedState(from);
    const auto target = namedState(to);
    TORCH_CHECK(source.size() == target.size(), "copyState: modules differ in tensor count");
    for (std::size_t i = 0; i < source.size(); ++i) {
        TORCH_CHECK(source[i].first == target[i].first, "copyState: tensor ", source[i].first,
                    " does not match ", target[i].first);
        target[i].second.copy_(source[i].second);
    }
}

torch::Tensor imagesAsTensor(const TensorSet &set)
{
    // from_blob needs a non-const pointer; callers only read the result or gather from it.
    float *data = const_cast<float *>(set.pixels.data());
    return torch::from_blob(data, {set.count(), 1, set.height, set.width}, torch::kFloat32);
}

torch::Tensor labelsAsTensor(const TensorSet &set)
{
    std::vector<int64_t> labels(set.labels.begin(), set.labels.end());
    return torch::tensor(labels, torch::kInt64);
}

void applyThreadSettings(int threads)
{
    if (threads > 0 && torch::get_num_threads() != threads)
        torch::set_num_threads(threads);

    static std::once_flag interOpOnce;
    std::call_once(interOpOnce, [] {
        try {
            at::set_num_interop_threads(1);
        } catch (const c10::Error &) {
            // LibTorch accepts the setting only before its first inter-op task; when something
            // else ran one already, the existing pool stays.
        }
    });
}

namespace {

template<typename Function>
Function *findBlasFunction(const char *name)
{
    // Looked up at run time: the BLAS behind libblas.so.3 is chosen by the system's alternatives,
    // and only OpenBLAS has these functions.
    return reinterpret_cast<Function *>(dlsym(RTLD_DEFAULT, name));
}

} // namespace

bool setBlasThreads(int threads)
{
    auto *setThreads = findBlasFunction<void(int)>("openblas_set_num_threads");
    if (!setThreads)
        return false;
    setThreads(threads);
    return true;
}

QString blasDescription()
{
    if (auto *config = findBlasFunction<char *()>("openblas_get_config"))
        return QStringLiteral("OpenBLAS %1").arg(QString::fromLatin1(config()));
    return QStringLiteral("not OpenBLAS (possibly the slow reference BLAS)");
}

torch::Tensor evaluateLogits(torch::nn::Sequential &net, const torch::Tensor &images, int batchSize,
                             const std::atomic<bool> *cancel,
                             const std::function<void(int done, int total)> &progress)
{
    const bool wasTraining = net->is_training();
    net->eval();
    const int64_t total = images.size(0);
    const int64_t step = std::max(1, batchSize);
    torch::Tensor logits = torch::empty({total, 2}, torch::kFloat32);
    {
        c10::InferenceMode inference;
        for (int64_t start = 0; start < total; start += step) {
            if (cancel && cancel->load()) {
                net->train(wasTraining);
                return {};
            }
            const int64_t end = std::min(total, start + step);
            logits.slice(0, start, end).copy_(net->forward(images.slice(0, start, end)));
            if (progress)
                progress(int(end), int(total));
        }
    }
    net->train(wasTraining);
    return logits;
}

QString exceptionMessage(const std::exception &error)
{
    if (const auto *torchError = dynamic_cast<const c10::Error *>(&error))
        return QString::fromStdString(torchError->what_without_backtrace()).trimmed();
    return QString::fromLocal8Bit(error.what()).trimmed();
}

Classifier::Classifier() = default;
Classifier::~Classifier() = default;
Classifier::Classifier(const Classifier &other) = default;
Classifier &Classifier::operator=(const Classifier &other) = default;

Classifier::Classifier(std::shared_ptr<ClassifierPrivate> d)
    : d(std::move(d))
{
}

QString Classifier::defaultArchitecture()
{
    return QString::fromLatin1(architectureRegistry().front().name);
}

QList<Classifier::Architecture> Classifier::architectures()
{
    QList<Architecture> list;
    for (const ArchitectureEntry &entry : architectureRegistry()) {
        list.append({QString::fromLatin1(entry.name),
                     QCoreApplication::translate("Classifier", entry.description)});
    }
    return list;
}

bool Classifier::isKnownArchitecture(const QString &name)
{
    return findArchitecture(name) != nullptr;
}

Classifier Classifier::create(const QString &architecture, QSize inputSize, QString *errorString)
{
    return createAveraged(architecture, inputSize, 1, false, errorString);
}

Classifier Classifier::createAveraged(const QString &architecture, QSize inputSize, int members,
                                      bool mirror, QString *errorString)
{
    return createAveraged(architecture, inputSize, members, mirror, {}, errorString);
}

Classifier Classifier::createWithParts(const QString &architecture, QSize inputSize,
                                       const QList<QRect> &memberInputs, bool mirror,
                                       QString *errorString)
{
    if (memberInputs.isEmpty()) {
        if (errorString)
            *errorString = QCoreApplication::translate("Classifier",
                                                       "There are no networks to combine.");
        return Classifier();
    }
    return createAveraged(architecture, inputSize, int(memberInputs.size()), mirror, memberInputs,
                          errorString);
}

Classifier Classifier::createAveraged(const QString &architecture, QSize inputSize, int members,
                                      bool mirror, const QList<QRect> &memberInputs,
                                      QString *errorString)
{
    const auto fail = [errorString](const QString &message) {
        if (errorString)
            *errorString = message;
        return Classifier();
    };

    const ArchitectureEntry *entry = findArchitecture(architecture);
    if (!entry) {
        QStringList names;
        for (const ArchitectureEntry &known : architectureRegistry())
            names.append(QString::fromLatin1(known.name));
        return fail(QCoreApplication::translate("Classifier",
                                                "Unknown model architecture \"%1\". Known "
                                                "architectures: %2.")
                        .arg(architecture, names.join(QLatin1String(", "))));
    }
    QList<QSize> networkSizes{inputSize};
    for (const QRect &part : memberInputs) {
        if (!QRect(QPoint(0, 0), inputSize).contains(part) || part.isEmpty()) {
            return fail(QCoreApplication::translate("Classifier",
                                                    "A network reads the part %1,%2 %3x%4, which "
                                                    "is not inside the %5x%6 input.")
                            .arg(part.x())
                            .arg(part.y())
                            .arg(part.width())
                            .arg(part.height())
                            .arg(inputSize.width())
                            .arg(inputSize.height()));
        }
        networkSizes.append(part.size());
    }
    for (const QSize &size : networkSizes) {
        const int smallest = qMin(size.width(), size.height());
        const int largest = qMax(size.width(), size.height());
        if (smallest < entry->minimumInputSize || largest > kMaximumInputSize) {
            return fail(QCoreApplication::translate("Classifier",
                                                    "Input size %1x%2 is not supported by "
                                                    "architecture \"%3\": width and height must be "
                                                    "between %4 and %5 pixels.")
                            .arg(size.width())
                            .arg(size.height())
                            .arg(architecture)
                            .arg(entry->minimumInputSize)
                            .arg(kMaximumInputSize));
        }
    }

    if (members < 1 || members > kMaximumMembers) {
        return fail(QCoreApplication::translate("Classifier",
                                                "A model averages 1 to %1 networks, not %2.")
                        .arg(kMaximumMembers)
                        .arg(members));
    }

    try {
        auto d = std::make_shared<ClassifierPrivate>();
        d->architecture = architecture;
        d->inputSize = inputSize;
        d->members = members;
        d->mirror = mirror;
        d->memberInputs = memberInputs;
        d->net = buildNetwork(*entry, inputSize, members, mirror, memberInputs);
        if (errorString)
            errorString->clear();
        return Classifier(std::move(d));
    } catch (const std::exception &error) {
        return fail(QCoreApplication::translate("Classifier",
                                                "Could not build architecture \"%1\": %2")
                        .arg(architecture, exceptionMessage(error)));
    }
}

Classifier Classifier::combine(const QList<Classifier> &members, bool mirror,
                               QString *errorString)
{
    const auto fail = [errorString](const QString &message) {
        if (errorString)
            *errorString = message;
        return Classifier();
    };
    if (members.isEmpty())
        return fail(QCoreApplication::translate("Classifier", "There are no networks to combine."));
    const Classifier &first = members.first();
    for (const Classifier &member : members) {
        if (member.isNull() || !member.isSingleNetwork())
            return fail(QCoreApplication::translate("Classifier",
                                                    "Only single trained networks can be combined."));
        if (member.architecture() != first.architecture()
            || member.inputSize() != first.inputSize()) {
            return fail(QCoreApplication::translate("Classifier",
                                                    "Networks of architecture \"%1\" at %2x%3 "
                                                    "and \"%4\" at %5x%6 cannot be combined: "
                                                    "train every member with the same "
                                                    "architecture and input size.")
                            .arg(first.architecture())
                            .arg(first.inputSize().width())
                            .arg(first.inputSize().height())
                            .arg(member.architecture())
                            .arg(member.inputSize().width())
                            .arg(member.inputSize().height()));
        }
    }

    Classifier combined = createAveraged(first.architecture(), first.inputSize(),
                                         int(members.size()), mirror, errorString);
    if (combined.isNull())
        return combined;
    try {
        auto average = combined.d->net->ptr(0);
        for (int i = 0; i < members.size(); ++i) {
            auto target = average->named_children()[std::to_string(i)];
            copyState(*members[i].d->net, *target);
        }
        combined.d->net->eval();
    } catch (const std::exception &error) {
        return fail(QCoreApplication::translate("Classifier", "Could not combine the networks: %1")
                        .arg(exceptionMessage(error)));
    }
    return combined;
}

bool Classifier::isNull() const
{
    return !d;
}

QString Classifier::architecture() const
{
    return d ? d->architecture : QString();
}

QSize Classifier::inputSize() const
{
    return d ? d->inputSize : QSize();
}

qint64 Classifier::parameterCount() const
{
    if (!d)
        return 0;
    qint64 count = 0;
    for (const torch::Tensor &parameter : d->net->parameters())
        count += parameter.numel();
    return count;
}

int Classifier::memberCount() const
{
    return d ? d->members : 0;
}

bool Classifier::averagesMirror() const
{
    return d && d->mirror;
}

QList<QRect> Classifier::memberInputs() const
{
    return d ? d->memberInputs : QList<QRect>();
}

Classifier Classifier::combineParts(const QList<Classifier> &parts, const QList<QRect> &placements,
                                    QSize inputSize, bool mirror, QString *errorString)
{
    const auto fail = [errorString](const QString &message) {
        if (errorString)
            *errorString = message;
        return Classifier();
    };
    if (parts.isEmpty() || parts.size() != placements.size())
        return fail(QCoreApplication::translate("Classifier", "There are no networks to combine."));

    // Every network of every part, with the place its part takes in the input.
    std::vector<torch::nn::Module *> networks;
    QList<QRect> memberInputs;
    for (int i = 0; i < parts.size(); ++i) {
        const Classifier &part = parts.at(i);
        if (part.isNull() || !part.memberInputs().isEmpty()
            || part.architecture() != parts.first().architecture()
            || part.inputSize() != placements.at(i).size()) {
            return fail(QCoreApplication::translate("Classifier",
                                                    "Model %1 cannot be combined: every part must "
                                                    "have the architecture \"%2\", read one view "
                                                    "of the face, and match the %3x%4 place it "
                                                    "takes in the input.")
                            .arg(i + 1)
                            .arg(parts.first().architecture())
                            .arg(placements.at(i).width())
                            .arg(placements.at(i).height()));
        }
        if (part.isSingleNetwork()) {
            networks.push_back(part.d->net.get());
        } else {
            auto average = part.d->net->ptr(0);
            for (int member = 0; member < part.memberCount(); ++member)
                networks.push_back(average->named_children()[std::to_string(member)].get());
        }
        for (int member = 0; member < part.memberCount(); ++member)
            memberInputs.append(placements.at(i));
    }
    if (networks.size() > std::size_t(kMaximumMembers)) {
        return fail(QCoreApplication::translate("Classifier",
                                                "A model averages 1 to %1 networks, not %2.")
                        .arg(kMaximumMembers)
                        .arg(networks.size()));
    }

    Classifier combined = createWithParts(parts.first().architecture(), inputSize, memberInputs,
                                          mirror, errorString);
    if (combined.isNull())
        return combined;
    try {
        auto average = combined.d->net->ptr(0);
        for (std::size_t i = 0; i < networks.size(); ++i)
            copyState(*networks[i], *average->named_children()[std::to_string(i)]);
        combined.d->net->eval();
    } catch (const std::exception &error) {
        return fail(QCoreApplication::translate("Classifier", "Could not combine the networks: %1")
                        .arg(exceptionMessage(error)));
    }
    return combined;
}

Classifier Classifier::clone() const
{
    if (!d)
        return {};
    auto copy = std::make_shared<ClassifierPrivate>();
    copy->architecture = d->architecture;
    copy->inputSize = d->inputSize;
    copy->members = d->members;
    copy->mirror = d->mirror;
    copy->memberInputs = d->memberInputs;
    // Module::clone() of a Sequential renumbers its layers, so build anew and copy the weights.
    copy->net = buildNetwork(*findArchitecture(d->architecture), d->inputSize, d->members, d->mirror,
                             d->memberInputs);
    copyState(*d->net, *copy->net);
    copy->net->train(d->net->is_training());
    return Classifier(std::move(copy));
}

Classifier Classifier::roundedToHalf() const
{
    Classifier copy = clone();
    if (copy.isNull())
        return copy;
    torch::NoGradGuard noGrad;
    for (auto &item : namedState(*copy.d->net)) {
        torch::Tensor &tensor = item.second;
        if (tensor.scalar_type() == torch::kFloat32)
            tensor.copy_(tensor.to(torch::kFloat16).to(torch::kFloat32));
    }
    return copy;
}

} // namespace ProfileLens
