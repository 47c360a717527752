#include "modelfile.h"
#include "classifier_p.h"
#include "logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtEndian>

#include <torch/utils.h>

#include <cstring>
#include <map>
#include <set>

namespace ProfileLens {

namespace {

// Tensor data is copied to and from the file byte for byte.
static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "model files store little-endian tensor data");

constexpr char kMagic[8] = {'P', 'L', 'M', 'O', 'D', 'E', 'L', '\0'};
constexpr qint64 kHeaderSize = 24;
constexpr qint64 kChecksumSize = 32; // SHA-256
/// Upper bound on the JSON metadata, far above the few kilobytes a real file has, so a corrupt
/// length field cannot make the loader allocate gigabytes.
constexpr quint32 kMaximumMetadataSize = 16 * 1024 * 1024;
/// Upper bound on the weights section (16 GiB), which keeps the length arithmetic from overflowing.
constexpr quint64 kMaximumWeightsSize = quint64(1) << 34;

// The "ModelFile" translation context, declared so that lupdate can read it.
struct ModelFileMessages
{
    Q_DECLARE_TR_FUNCTIONS(ModelFile)
};

QString displayName(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString dtypeName(torch::ScalarType type)
{
    switch (type) {
    case torch::kFloat32:
        return QStringLiteral("float32");
    case torch::kFloat16:
        return QStringLiteral("float16");
    case torch::kInt64:
        return QStringLiteral("int64");
    default:
        return QString::fromLatin1(c10::toString(type));
    }
}

bool dtypeFromName(const QString &name, torch::ScalarType *type)
{
    if (name == QLatin1String("float32"))
        *type = torch::kFloat32;
    else if (name == QLatin1String("float16"))
        *type = torch::kFloat16;
    else if (name == QLatin1String("int64"))
        *type = torch::kInt64;
    else
        return false;
    return true;
}

QString shapeText(c10::IntArrayRef shape)
{
    QStringList parts;
    for (int64_t size : shape)
        parts.append(QString::number(size));
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

QJsonArray shapeJson(c10::IntArrayRef shape)
{
    QJsonArray array;
    for (int64_t size : shape)
        array.append(qint64(size));
    return array;
}

/// The parts of a file that passed the container checks.
struct Container
{
    int version = 0;
    QJsonObject json;
    /// Points into the file contents, which must outlive it.
    const char *weights = nullptr;
    qint64 weightsSize = 0;
};

/// Checks magic, version, lengths and checksum; returns an empty string or the reason.
QString parseContainer(const QByteArray &bytes, Container *container)
{
    const qint64 size = bytes.size();
    if (size < qint64(sizeof kMagic) || std::memcmp(bytes.constData(), kMagic, sizeof kMagic) != 0)
        return ModelFileMessages::tr("not a ProfileLens model file (wrong magic bytes at the start).");
    if (size < kHeaderSize + kChecksumSize)
        return ModelFileMessages::tr("the file is truncated: it has %1 bytes, fewer than a model file header.")
            .arg(size);

    const uchar *header = reinterpret_cast<const uchar *>(bytes.constData());
    const quint32 version = qFromLittleEndian<quint32>(header + 8);
    const quint32 metadataSize = qFromLittleEndian<quint32>(header + 12);
    const quint64 weightsSize = qFromLittleEndian<quint64>(header + 16);
    if (version > quint32(ModelFile::kFormatVersion))
        return ModelFileMessages::tr("the file has format version %1, but this version of ProfileLens reads up to "
                                     "version %2. Update ProfileLens to load it.")
            .arg(version)
            .arg(ModelFile::kFormatVersion);
    if (version < 1)
        return ModelFileMessages::tr("invalid format version %1.").arg(version);
    if (metadataSize > kMaximumMetadataSize || weightsSize > kMaximumWeightsSize)
        return ModelFileMessages::tr("the header is corrupt (metadata length %1, weights length %2 bytes).")
            .arg(metadataSize)
            .arg(weightsSize);

    const qint64 expected = kHeaderSize + qint64(metadataSize) + qint64(weightsSize) + kChecksumSize;
    if (size < expected)
        return ModelFileMessages::tr("the file is truncated: it has %1 bytes, but its header announces %2.")
            .arg(size)
            .arg(expected);
    if (size > expected)
        return ModelFileMessages::tr("the file has %1 unexpected bytes after its end.").arg(size - expected);

    const QByteArray stored = bytes.right(kChecksumSize);
    const QByteArray actual = QCryptographicHash::hash(
        QByteArrayView(bytes.constData(), size - kChecksumSize), QCryptographicHash::Sha256);
    if (stored != actual)
        return ModelFileMessages::tr("the checksum does not match, so the file is corrupt. Copy or download it "
                                     "again.");

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(bytes.constData() + kHeaderSize, int(metadataSize)), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return ModelFileMessages::tr("the metadata is not a JSON object: %1 at offset %2.")
            .arg(parseError.errorString())
            .arg(parseError.offset);

    container->version = int(version);
    container->json = document.object();
    container->weights = bytes.constData() + kHeaderSize + metadataSize;
    container->weightsSize = qint64(weightsSize);
    return {};
}

/// Reads and checks the file; returns an empty string or the reason (without the file name).
QString readContainer(const QString &path, QByteArray *bytes, Container *container,
                      ModelMetadata *metadata)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ModelFileMessages::tr("%1.").arg(file.errorString());
    *bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return ModelFileMessages::tr("read error: %1.").arg(file.errorString());

    QString reason = parseContainer(*bytes, container);
    if (!reason.isEmpty())
        return reason;
    reason = metadata->readJson(container->json);
    if (!reason.isEmpty())
        return reason;
    metadata->formatVersion = container->version;
    return {};
}

/// Copies the stored tensors into \a net, checking that names, dtypes and shapes match.
QString loadTensors(const Container &container, const ModelMetadata &metadata,
                    torch::nn::Module &net)
{
    const QJsonValue tensorsValue = container.json.value(QLatin1String("tensors"));
    if (!tensorsValue.isArray())
        return ModelFileMessages::tr("the metadata has no \"tensors\" list.");

    std::map<std::string, torch::Tensor> expected;
    for (auto &item : namedState(net))
        expected.emplace(item.first, item.second);

    torch::NoGradGuard noGrad;
    std::set<std::string> loaded;
    for (const QJsonValue &value : tensorsValue.toArray()) {
        const QJsonObject entry = value.toObject();
        const QString name = entry.value(QLatin1String("name")).toString();
        const std::string key = name.toStdString();
        const auto target = expected.find(key);
        if (target == expected.end())
            return ModelFileMessages::tr("tensor \"%1\" is not part of architecture \"%2\".")
                .arg(name, metadata.architecture);
        if (!loaded.insert(key).second)
            return ModelFileMessages::tr("tensor \"%1\" is stored twice.").arg(name);

        std::vector<int64_t> shape;
        for (const QJsonValue &size : entry.value(QLatin1String("shape")).toArray())
            shape.push_back(size.toInteger(-1));
        const torch::Tensor &tensor = target->second;
        if (c10::IntArrayRef(shape) != tensor.sizes())
            return ModelFileMessages::tr("tensor \"%1\" has shape %2 in the file, but architecture \"%3\" at input "
                                         "size %4x%5 expects %6.")
                .arg(name, shapeText(shape), metadata.architecture)
                .arg(metadata.inputSize.width())
                .arg(metadata.inputSize.height())
                .arg(shapeText(tensor.sizes()));

        torch::ScalarType storedType;
        const QString dtype = entry.value(QLatin1String("dtype")).toString();
        if (!dtypeFromName(dtype, &storedType))
            return ModelFileMessages::tr("tensor \"%1\" has unsupported type \"%2\".").arg(name, dtype);
        const bool floatTarget = tensor.scalar_type() == torch::kFloat32;
        const bool compatible = floatTarget ? storedType != torch::kInt64
                                            : storedType == tensor.scalar_type();
        if (!compatible)
            return ModelFileMessages::tr("tensor \"%1\" is stored as %2, but the architecture needs %3.")
                .arg(name, dtype, dtypeName(tensor.scalar_type()));

        const qint64 offset = entry.value(QLatin1String("offset")).toInteger(-1);
        const qint64 size = entry.value(QLatin1String("bytes")).toInteger(-1);
        const qint64 needed = tensor.numel() * qint64(c10::elementSize(storedType));
        if (size != needed || offset < 0 || offset > container.weightsSize - size)
            return ModelFileMessages::tr("tensor \"%1\" lies outside the weights section (offset %2, %3 bytes of %4).")
                .arg(name)
                .arg(offset)
                .arg(size)
                .arg(container.weightsSize);

        // from_blob only reads here: the bytes are copied (and converted) into the network.
        void *data = const_cast<char *>(container.weights + offset);
        const torch::Tensor stored = torch::from_blob(data, shape, storedType);
        tensor.copy_(stored.to(tensor.scalar_type()));
    }

    for (const auto &item : expected) {
        if (!loaded.count(item.first))
            return ModelFileMessages::tr("tensor \"%1\" of architecture \"%2\" is missing.")
                .arg(QString::fromStdString(item.first), metadata.architecture);
    }
    return {};
}

QString fileError(const QString &path, const QString &reason)
{
    return ModelFileMessages::tr("Cannot load model file \"%1\": %2").arg(displayName(path), reason);
}

} // namespace

QJsonObject ModelMetadata::toJson() const
{
    QJsonObject json;
    json.insert(QLatin1String("formatVersion"), formatVersion);
    json.insert(QLatin1String("architecture"), architecture);
    json.insert(QLatin1String("inputWidth"), inputSize.width());
    json.insert(QLatin1String("inputHeight"), inputSize.height());
    json.insert(QLatin1String("members"), members);
    json.insert(QLatin1String("mirrorAverage"), mirrorAverage);
    if (!memberInputs.isEmpty()) {
        QJsonArray parts;
        for (const QRect &part : memberInputs)
            parts.append(QJsonArray{part.x(), part.y(), part.width(), part.height()});
        json.insert(QLatin1String("memberInputs"), parts);
    }
    json.insert(QLatin1String("attribute"), attribute);
    json.insert(QLatin1String("classNames"), QJsonArray::fromStringList(classNames));
    json.insert(QLatin1String("preprocessing"), preprocessing);
    json.insert(QLatin1String("trainingData"), trainingData);
    json.insert(QLatin1String("recipe"), recipe);
    json.insert(QLatin1String("threshold"), threshold);
    json.insert(QLatin1String("metrics"), metrics);
    json.insert(QLatin1String("createdAt"), createdAt.toUTC().toString(Qt::ISODateWithMs));
    json.insert(QLatin1String("createdBy"), createdBy);
    return json;
}

QString ModelMetadata::readJson(const QJsonObject &json)
{
    const auto missing = [](const char *field) {
        return ModelFileMessages::tr("the metadata field \"%1\" is missing or invalid.").arg(QLatin1String(field));
    };

    const QJsonValue architectureValue = json.value(QLatin1String("architecture"));
    if (!architectureValue.isString() || architectureValue.toString().isEmpty())
        return missing("architecture");
    architecture = architectureValue.toString();

    const int width = json.value(QLatin1String("inputWidth")).toInt(-1);
    const int height = json.value(QLatin1String("inputHeight")).toInt(-1);
    if (width <= 0)
        return missing("inputWidth");
    if (height <= 0)
        return missing("inputHeight");
    inputSize = QSize(width, height);

    // Absent in version 1 files, which hold one network.
    const QJsonValue membersValue = json.value(QLatin1String("members"));
    if (!membersValue.isUndefined() && !membersValue.isDouble())
        return missing("members");
    members = membersValue.toInt(1);
    if (members < 1 || members > Classifier::kMaximumMembers)
        return missing("members");
    const QJsonValue mirrorValue = json.value(QLatin1String("mirrorAverage"));
    if (!mirrorValue.isUndefined() && !mirrorValue.isBool())
        return missing("mirrorAverage");
    mirrorAverage = mirrorValue.toBool(false);
    // Absent unless the networks read different parts of the input.
    memberInputs.clear();
    const QJsonValue inputsValue = json.value(QLatin1String("memberInputs"));
    if (!inputsValue.isUndefined()) {
        const QJsonArray parts = inputsValue.toArray();
        if (parts.size() != members)
            return missing("memberInputs");
        for (const QJsonValue &value : parts) {
            const QJsonArray part = value.toArray();
            if (part.size() != 4)
                return missing("memberInputs");
            const QRect rect(part.at(0).toInt(-1), part.at(1).toInt(-1), part.at(2).toInt(0),
                             part.at(3).toInt(0));
            if (rect.isEmpty() || !QRect(QPoint(0, 0), inputSize).contains(rect))
                return missing("memberInputs");
            memberInputs.append(rect);
        }
    }

    const QJsonValue thresholdValue = json.value(QLatin1String("threshold"));
    if (!thresholdValue.isDouble() || thresholdValue.toDouble() < 0.0
        || thresholdValue.toDouble() > 1.0)
        return missing("threshold");
    threshold = thresholdValue.toDouble();

    const QJsonValue namesValue = json.value(QLatin1String("classNames"));
    if (!namesValue.isArray() || namesValue.toArray().size() != 2)
        return ModelFileMessages::tr("the metadata field \"classNames\" must list exactly 2 names.");
    classNames.clear();
    for (const QJsonValue &name : namesValue.toArray())
        classNames.append(name.toString());

    formatVersion = json.value(QLatin1String("formatVersion")).toInt();
    attribute = json.value(QLatin1String("attribute")).toString();
    preprocessing = json.value(QLatin1String("preprocessing")).toObject();
    trainingData = json.value(QLatin1String("trainingData")).toObject();
    recipe = json.value(QLatin1String("recipe")).toObject();
    metrics = json.value(QLatin1String("metrics")).toObject();
    createdAt = QDateTime::fromString(json.value(QLatin1String("createdAt")).toString(),
                                      Qt::ISODateWithMs);
    createdBy = json.value(QLatin1String("createdBy")).toString();
    return {};
}

bool ModelFile::save(const QString &path, const Classifier &classifier,
                     const ModelMetadata &metadata, WeightPrecision precision,
                     QString *errorString)
{
    const auto fail = [&](const QString &reason) {
        const QString message =
            ModelFileMessages::tr("Cannot save model file \"%1\": %2").arg(displayName(path), reason);
        qCWarning(lcTrain).noquote() << message;
        if (errorString)
            *errorString = message;
        return false;
    };
    if (classifier.isNull())
        return fail(ModelFileMessages::tr("there is no trained model to save."));

    ModelMetadata stored = metadata;
    stored.formatVersion = kFormatVersion;
    stored.architecture = classifier.architecture();
    stored.inputSize = classifier.inputSize();
    stored.members = classifier.memberCount();
    stored.mirrorAverage = classifier.averagesMirror();
    stored.memberInputs = classifier.memberInputs();
    if (!stored.createdAt.isValid())
        stored.createdAt = QDateTime::currentDateTimeUtc();
    if (stored.createdBy.isEmpty())
        stored.createdBy = QStringLiteral("ProfileLens %1").arg(QLatin1String(PROFILELENS_VERSION));
    if (stored.classNames.size() != 2)
        return fail(ModelFileMessages::tr("the model needs exactly 2 class names, not %1.")
                        .arg(stored.classNames.size()));

    // Serialise the tensors.
    QByteArray weights;
    QJsonArray tensors;
    try {
        torch::NoGradGuard noGrad;
        for (const auto &item : namedState(*ClassifierPrivate::get(classifier)->net)) {
            torch::Tensor tensor = item.second.detach().contiguous();
            if (tensor.scalar_type() == torch::kFloat32 && precision == WeightPrecision::Float16)
                tensor = tensor.to(torch::kFloat16).contiguous();
            const qint64 bytes = qint64(tensor.nbytes());

            QJsonObject entry;
            entry.insert(QLatin1String("name"), QString::fromStdString(item.first));
            entry.insert(QLatin1String("dtype"), dtypeName(tensor.scalar_type()));
            entry.insert(QLatin1String("shape"), shapeJson(tensor.sizes()));
            entry.insert(QLatin1String("offset"), qint64(weights.size()));
            entry.insert(QLatin1String("bytes"), bytes);
            tensors.append(entry);
            weights.append(static_cast<const char *>(tensor.data_ptr()), bytes);
        }
    } catch (const std::exception &error) {
        return fail(exceptionMessage(error));
    }

    QJsonObject json = stored.toJson();
    json.insert(QLatin1String("weightPrecision"),
                precision == WeightPrecision::Float16 ? QStringLiteral("float16")
                                                      : QStringLiteral("float32"));
    json.insert(QLatin1String("tensors"), tensors);
    const QByteArray metadataBytes = QJsonDocument(json).toJson(QJsonDocument::Compact);

    // Header, metadata, weights, checksum.
    QByteArray bytes;
    bytes.reserve(kHeaderSize + metadataBytes.size() + weights.size() + kChecksumSize);
    bytes.append(kMagic, sizeof kMagic);
    uchar numbers[16];
    qToLittleEndian<quint32>(quint32(kFormatVersion), numbers);
    qToLittleEndian<quint32>(quint32(metadataBytes.size()), numbers + 4);
    qToLittleEndian<quint64>(quint64(weights.size()), numbers + 8);
    bytes.append(reinterpret_cast<const char *>(numbers), sizeof numbers);
    bytes.append(metadataBytes);
    bytes.append(weights);
    bytes.append(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(file.errorString());

    qCInfo(lcTrain).noquote() << "Saved model" << displayName(path) << "architecture"
                              << stored.architecture << "bytes" << bytes.size();
    if (errorString)
        errorString->clear();
    return true;
}

bool ModelFile::readMetadata(const QString &path, ModelMetadata *metadata, QString *errorString)
{
    QByteArray bytes;
    Container container;
    ModelMetadata read;
    const QString reason = readContainer(path, &bytes, &container, &read);
    if (!reason.isEmpty()) {
        if (errorString)
            *errorString = fileError(path, reason);
        return false;
    }
    if (metadata)
        *metadata = read;
    if (errorString)
        errorString->clear();
    return true;
}

LoadedModel ModelFile::load(const QString &path, QSize expectedInputSize)
{
    LoadedModel result;
    const auto fail = [&](const QString &reason) {
        result.classifier = Classifier();
        result.errorString = fileError(path, reason);
        qCWarning(lcTrain).noquote() << result.errorString;
        return result;
    };

    QByteArray bytes;
    Container container;
    QString reason = readContainer(path, &bytes, &container, &result.metadata);
    if (!reason.isEmpty())
        return fail(reason);

    const ModelMetadata &metadata = result.metadata;
    if (!Classifier::isKnownArchitecture(metadata.architecture))
        return fail(ModelFileMessages::tr("unknown model architecture \"%1\". The file may come from a newer "
                                          "version of ProfileLens.")
                        .arg(metadata.architecture));
    if (expectedInputSize.isValid() && expectedInputSize != metadata.inputSize)
        return fail(ModelFileMessages::tr("the model reads %1x%2 images, but the preprocessing produces %3x%4. "
                                          "Use a model trained with the same input size.")
                        .arg(metadata.inputSize.width())
                        .arg(metadata.inputSize.height())
                        .arg(expectedInputSize.width())
                        .arg(expectedInputSize.height()));

    QString buildError;
    result.classifier = metadata.memberInputs.isEmpty()
        ? Classifier::createAveraged(metadata.architecture, metadata.inputSize, metadata.members,
                                     metadata.mirrorAverage, &buildError)
        : Classifier::createWithParts(metadata.architecture, metadata.inputSize,
                                      metadata.memberInputs, metadata.mirrorAverage, &buildError);
    if (result.classifier.isNull())
        return fail(buildError);

    try {
        torch::nn::Module &net = *ClassifierPrivate::get(result.classifier)->net;
        reason = loadTensors(container, metadata, net);
        if (!reason.isEmpty())
            return fail(reason);
        net.eval();
    } catch (const std::exception &error) {
        return fail(exceptionMessage(error));
    }

    qCInfo(lcTrain).noquote() << "Loaded model" << displayName(path) << "architecture"
                              << metadata.architecture;
    return result;
}

} // namespace ProfileLens
