#include "dataset.h"

#include "datasetreader_p.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace ProfileLens {

namespace {

// The "ProfileLens::Dataset" translation context, declared so that lupdate can read it.
struct DatasetMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::Dataset)
};

QString joinMessages(const QVector<DatasetIssue> &issues)
{
    QStringList lines;
    lines.reserve(issues.size());
    for (const DatasetIssue &issue : issues)
        lines.append(issue.message);
    return lines.join(QLatin1Char('\n'));
}

/// Finds the label file in \a folder, or adds an error naming what was looked for.
QString findLabelFile(const QString &folder, QVector<DatasetIssue> &errors)
{
    const QDir dir(folder);
    const QString celebA = dir.filePath(QStringLiteral("list_attr_celeba.txt"));
    if (QFileInfo::exists(celebA))
        return celebA;

    const QStringList csvFiles =
        dir.entryList({QStringLiteral("*.csv")}, QDir::Files | QDir::Readable, QDir::Name);
    if (csvFiles.size() == 1)
        return dir.filePath(csvFiles.constFirst());
    if (csvFiles.contains(QStringLiteral("labels.csv")))
        return dir.filePath(QStringLiteral("labels.csv"));

    const QString listAttr = dir.filePath(QStringLiteral("list_attr.txt"));
    if (QFileInfo::exists(listAttr))
        return listAttr;

    DatasetIssue issue;
    issue.file = folder;
    if (csvFiles.size() > 1) {
        issue.message = DatasetMessages::tr("%1: found several CSV files (%2) and none is named labels.csv. "
                                            "Choose the labels file itself.")
                            .arg(QDir::toNativeSeparators(folder),
                                 csvFiles.join(QStringLiteral(", ")));
    } else {
        issue.message = DatasetMessages::tr("%1: no dataset found. The folder needs list_attr_celeba.txt, a "
                                            "labels CSV file, or list_attr.txt.")
                            .arg(QDir::toNativeSeparators(folder));
    }
    errors.append(issue);
    return {};
}

/// Reads a whole file into memory, or adds an error naming it.
bool readWholeFile(const QString &path, QByteArray &data, QVector<DatasetIssue> &errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        DatasetIssue issue;
        issue.file = path;
        issue.message = DatasetMessages::tr("%1: cannot be read (%2). Check that the file exists and is "
                                            "readable.")
                            .arg(QDir::toNativeSeparators(path), file.errorString());
        errors.append(issue);
        return false;
    }
    data = file.readAll();
    return true;
}

/// Returns the explicit path, or \a defaultName next to the label file when that exists.
QString optionalFile(const QString &explicitPath, const QDir &labelDir, const char *defaultName,
                     bool detect)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    if (!detect)
        return {};
    const QString candidate = labelDir.filePath(QLatin1String(defaultName));
    return QFileInfo::exists(candidate) ? candidate : QString();
}

QString resolveImageDir(const QString &explicitDir, const QDir &labelDir)
{
    if (!explicitDir.isEmpty())
        return QDir::cleanPath(QFileInfo(explicitDir).absoluteFilePath());
    for (const char *name : {"img_align_celeba", "images"}) {
        const QString candidate = labelDir.filePath(QLatin1String(name));
        if (QFileInfo(candidate).isDir())
            return candidate;
    }
    return labelDir.absolutePath();
}

void fillImagePaths(Dataset &dataset)
{
    const QString prefix = dataset.imageDir + QLatin1Char('/');
    dataset.imagePaths.reserve(dataset.fileNames.size());
    for (const QString &name : std::as_const(dataset.fileNames)) {
        if (QDir::isAbsolutePath(name))
            dataset.imagePaths.append(QDir::cleanPath(name));
        else if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
            dataset.imagePaths.append(QDir::cleanPath(prefix + name));
        else
            dataset.imagePaths.append(prefix + name);
    }
}

/// Marks the rows whose image is absent. Plain names are looked up in one listing of the
/// image folder; names with a folder part (rare) are checked one by one.
void checkImages(Dataset &dataset, QVector<DatasetIssue> &warnings)
{
    QSet<QString> present;
    present.reserve(dataset.fileNames.size());
    QDirIterator it(dataset.imageDir, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden);
    while (it.hasNext()) {
        it.next();
        present.insert(it.fileName());
    }

    dataset.imageMissing.assign(std::size_t(dataset.fileNames.size()), 0);
    QStringList examples;
    for (int row = 0; row < dataset.rowCount(); ++row) {
        const QString &name = dataset.fileNames.at(row);
        const bool plain = !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\'));
        const bool found = plain ? present.contains(name)
                                 : QFileInfo(dataset.imagePaths.at(row)).isFile();
        if (found)
            continue;
        dataset.imageMissing[std::size_t(row)] = 1;
        ++dataset.missingImageCount;
        if (examples.size() < DatasetReader::kMaxExamples)
            examples.append(name);
    }

    if (dataset.missingImageCount > 0) {
        DatasetIssue issue;
        issue.file = dataset.imageDir;
        issue.message = DatasetMessages::tr("%1: %2 of %3 images listed in the label file are missing, for "
                                            "example %4. Training and evaluation skip them; download or copy "
                                            "the images into this folder to use them.")
                            .arg(QDir::toNativeSeparators(dataset.imageDir))
                            .arg(dataset.missingImageCount)
                            .arg(dataset.rowCount())
                            .arg(examples.join(QStringLiteral(", ")));
        warnings.append(issue);
    }
}

void fillGroups(Dataset &dataset, const QStringList &groupValues)
{
    dataset.groupIds.assign(std::size_t(dataset.rowCount()), -1);
    QHash<QString, int> idOfName;
    for (int row = 0; row < dataset.rowCount(); ++row) {
        const QString &value = groupValues.at(row);
        if (value.isEmpty())
            continue;
        auto found = idOfName.find(value);
        if (found == idOfName.end()) {
            found = idOfName.insert(value, int(dataset.groupNames.size()));
            dataset.groupNames.append(value);
        }
        dataset.groupIds[std::size_t(row)] = found.value();
    }
}

/// Reads one optional file into the dataset; returns false after adding errors.
template<typename Reader>
bool readOptionalFile(const QString &path, QVector<DatasetIssue> &errors,
                      QVector<DatasetIssue> &warnings, Reader reader)
{
    if (path.isEmpty())
        return true;
    QByteArray data;
    if (!readWholeFile(path, data, errors))
        return false;
    DatasetReader::IssueSink sink(path, &errors, &warnings);
    return reader(data, sink);
}

} // namespace

int Dataset::attributeIndex(const QString &name) const
{
    const int exact = int(attributeNames.indexOf(name));
    if (exact >= 0)
        return exact;
    for (int i = 0; i < attributeNames.size(); ++i) {
        if (attributeNames.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

std::vector<std::uint8_t> Dataset::binaryLabels(int attribute) const
{
    std::vector<std::uint8_t> result(static_cast<std::size_t>(rowCount()));
    for (int row = 0; row < rowCount(); ++row)
        result[std::size_t(row)] = label(row, attribute) > 0 ? 1 : 0;
    return result;
}

int Dataset::positiveCount(int attribute) const
{
    int count = 0;
    for (int row = 0; row < rowCount(); ++row)
        count += label(row, attribute) > 0 ? 1 : 0;
    return count;
}

Partition Dataset::partition(int row) const
{
    return partitions.empty() ? Partition::None : Partition(partitions[std::size_t(row)]);
}

QString Dataset::group(int row) const
{
    if (groupIds.empty() || groupIds[std::size_t(row)] < 0)
        return {};
    return groupNames.at(groupIds[std::size_t(row)]);
}

QString Dataset::availableAttributesText() const
{
    return DatasetMessages::tr("Available attributes: %1.").arg(attributeNames.join(QStringLiteral(", ")));
}

QString DatasetLoadResult::errorString() const
{
    return joinMessages(errors);
}

QString DatasetLoadResult::warningString() const
{
    return joinMessages(warnings);
}

DatasetLoadResult loadDataset(const QString &path, const DatasetLoadOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    DatasetLoadResult result;

    // Locate and read the label file.
    const QFileInfo pathInfo(path);
    QString labelFile = QDir::cleanPath(pathInfo.absoluteFilePath());
    if (pathInfo.isDir()) {
        labelFile = findLabelFile(labelFile, result.errors);
        if (labelFile.isEmpty())
            return result;
    }
    QByteArray data;
    if (!readWholeFile(labelFile, data, result.errors))
        return result;

    const bool isCsv = labelFile.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    DatasetReader::LabelTable table;
    DatasetReader::IssueSink sink(labelFile, &result.errors, &result.warnings);
    const bool parsed = isCsv ? DatasetReader::readCsvLabels(data, options.attribute, sink, table)
                              : DatasetReader::readCelebAAttributes(data, sink, table);
    if (!parsed)
        return result;

    Dataset &dataset = result.dataset;
    dataset.format = isCsv ? DatasetFormat::Csv : DatasetFormat::CelebA;
    dataset.labelFile = labelFile;
    dataset.fileNames = std::move(table.fileNames);
    dataset.attributeNames = std::move(table.attributeNames);
    dataset.labels = std::move(table.labels);
    dataset.excludedRowCount = table.excludedRowCount;
    table.fileNames = dataset.fileNames; // the optional-file readers quote names from the table

    if (!options.attribute.isEmpty() && dataset.attributeIndex(options.attribute) < 0) {
        DatasetIssue issue;
        issue.file = labelFile;
        issue.message = DatasetMessages::tr("%1: attribute '%2' not found. %3")
                            .arg(QDir::toNativeSeparators(labelFile), options.attribute,
                                 dataset.availableAttributesText());
        result.errors.append(issue);
    }

    // Optional files next to a CelebA attribute file.
    const QDir labelDir = QFileInfo(labelFile).absoluteDir();
    const bool detect = !isCsv;
    QStringList groupValues = std::move(table.groupValues);
    const QString identityFile =
        optionalFile(options.identityFile, labelDir, "identity_CelebA.txt", detect);
    readOptionalFile(optionalFile(options.partitionFile, labelDir, "list_eval_partition.txt", detect),
                     result.errors, result.warnings,
                     [&](const QByteArray &bytes, DatasetReader::IssueSink &fileSink) {
                         return DatasetReader::readPartitions(bytes, table, fileSink,
                                                              dataset.partitions);
                     });
    readOptionalFile(optionalFile(options.landmarksFile, labelDir,
                                  "list_landmarks_align_celeba.txt", detect),
                     result.errors, result.warnings,
                     [&](const QByteArray &bytes, DatasetReader::IssueSink &fileSink) {
                         return DatasetReader::readLandmarks(bytes, table, fileSink,
                                                             dataset.landmarks);
                     });
    if (!identityFile.isEmpty()) {
        readOptionalFile(identityFile, result.errors, result.warnings,
                         [&](const QByteArray &bytes, DatasetReader::IssueSink &fileSink) {
                             return DatasetReader::readIdentities(bytes, table, fileSink,
                                                                  groupValues);
                         });
    }
    if (!result.errors.isEmpty()) {
        for (const DatasetIssue &issue : std::as_const(result.errors))
            qCWarning(lcDataset).noquote() << issue.message;
        result.dataset = Dataset();
        return result;
    }
    if (!groupValues.isEmpty())
        fillGroups(dataset, groupValues);

    // Images.
    dataset.imageDir = resolveImageDir(options.imageDir, labelDir);
    fillImagePaths(dataset);
    if (options.checkImages)
        checkImages(dataset, result.warnings);

    qCInfo(lcDataset).noquote() << "Loaded" << dataset.rowCount() << "rows,"
                                << dataset.attributeCount() << "attributes from" << labelFile
                                << "in" << timer.elapsed() << "ms;" << dataset.missingImageCount
                                << "images missing," << result.warnings.size() << "warnings";
    return result;
}

} // namespace ProfileLens
