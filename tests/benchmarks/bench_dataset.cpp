// Times loadDataset() on a synthetic full-size CelebA attribute file (202,599 rows, 40
// attributes). The baseline is a straightforward QTextStream + QString::split parser, run in
// the same process. A second measurement loads the same file together with a partition file,
// a landmark file and an image folder of 202,599 empty files.
//
// Usage: bench_dataset [runs]   (default 5; the median of the runs is reported)

#include "dataset.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace ProfileLens;

namespace {

constexpr int kRowCount = 202599;   // images in the full CelebA release
constexpr int kAttributeCount = 40; // attributes in list_attr_celeba.txt

QString imageName(int row)
{
    return QStringLiteral("%1.jpg").arg(row + 1, 6, 10, QLatin1Char('0'));
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/// Writes the attribute file in CelebA's own spacing: values right-aligned in two columns.
QByteArray makeAttributeFile()
{
    std::mt19937_64 engine(1);
    QByteArray data;
    data.reserve(kRowCount * (11 + 3 * kAttributeCount + 1) + 1024);
    data += QByteArray::number(kRowCount) + '\n';
    for (int a = 0; a < kAttributeCount; ++a)
        data += "Attribute_" + QByteArray::number(a) + (a + 1 < kAttributeCount ? " " : "\n");
    for (int row = 0; row < kRowCount; ++row) {
        data += imageName(row).toLatin1();
        for (int a = 0; a < kAttributeCount; ++a)
            data += (engine() % 4 == 0) ? "  1" : " -1";
        data += '\n';
    }
    return data;
}

QByteArray makePartitionFile()
{
    QByteArray data;
    for (int row = 0; row < kRowCount; ++row) {
        // CelebA's partition boundaries: rows 1-162770 train, up to 182637 validation.
        int partition = 2;
        if (row < 162770)
            partition = 0;
        else if (row < 182637)
            partition = 1;
        data += imageName(row).toLatin1() + ' ' + QByteArray::number(partition) + '\n';
    }
    return data;
}

QByteArray makeLandmarkFile()
{
    QByteArray data = QByteArray::number(kRowCount) + '\n';
    data += "lefteye_x lefteye_y righteye_x righteye_y nose_x nose_y leftmouth_x leftmouth_y "
            "rightmouth_x rightmouth_y\n";
    for (int row = 0; row < kRowCount; ++row)
        data += imageName(row).toLatin1() + "    69  109  106  113   77  142   73  152  108  154\n";
    return data;
}

/// The parser one writes first: one QString per line and per token.
int parseNaively(const QString &path, std::vector<qint8> &labels)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    QTextStream stream(&file);
    const int declared = stream.readLine().trimmed().toInt();
    const QStringList names = stream.readLine().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    labels.clear();
    labels.reserve(std::size_t(declared) * std::size_t(names.size()));
    QStringList fileNames;
    int rows = 0;
    while (!stream.atEnd()) {
        const QStringList tokens = stream.readLine().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (tokens.isEmpty())
            continue;
        fileNames.append(tokens.constFirst());
        for (int i = 1; i < tokens.size(); ++i)
            labels.push_back(qint8(tokens.at(i).toInt()));
        ++rows;
    }
    return rows;
}

template<typename Function>
double medianMilliseconds(int runs, Function function)
{
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        function();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 1;
    }
    const QString attributesOnly = dir.filePath(QStringLiteral("attributes"));
    const QString full = dir.filePath(QStringLiteral("full"));
    QDir().mkpath(attributesOnly);
    QDir().mkpath(full + QStringLiteral("/img_align_celeba"));

    // Synthetic files.
    const QByteArray attributes = makeAttributeFile();
    const QString attributeFile = attributesOnly + QStringLiteral("/list_attr_celeba.txt");
    if (!writeFile(attributeFile, attributes)
        || !writeFile(full + QStringLiteral("/list_attr_celeba.txt"), attributes)
        || !writeFile(full + QStringLiteral("/list_eval_partition.txt"), makePartitionFile())
        || !writeFile(full + QStringLiteral("/list_landmarks_align_celeba.txt"),
                      makeLandmarkFile())) {
        std::fprintf(stderr, "cannot write the synthetic files\n");
        return 1;
    }
    for (int row = 0; row < kRowCount; ++row) {
        QFile image(full + QStringLiteral("/img_align_celeba/") + imageName(row));
        if (!image.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot create the image files\n");
            return 1;
        }
    }
    std::printf("attribute file: %d rows, %d attributes, %.1f MB; %d runs, median reported\n",
                kRowCount, kAttributeCount, double(attributes.size()) / 1e6, runs);

    // Attribute file alone: the naive parser against loadDataset().
    std::vector<qint8> naiveLabels;
    int naiveRows = 0;
    const double naiveMs = medianMilliseconds(runs, [&] {
        naiveRows = parseNaively(attributeFile, naiveLabels);
    });
    DatasetLoadOptions options;
    options.checkImages = false;
    DatasetLoadResult result;
    const double loadMs = medianMilliseconds(runs, [&] { result = loadDataset(attributeFile, options); });
    if (!result.ok() || result.dataset.rowCount() != naiveRows) {
        std::fprintf(stderr, "parsers disagree: %s\n", qPrintable(result.errorString()));
        return 1;
    }
    std::printf("naive QTextStream + QString::split:   %8.1f ms\n", naiveMs);
    std::printf("loadDataset, attributes only:         %8.1f ms  (%.1fx faster)\n", loadMs,
                naiveMs / loadMs);

    // Full load: attributes, partition, landmarks and the image check.
    const double fullMs = medianMilliseconds(runs, [&] { result = loadDataset(full); });
    if (!result.ok() || !result.dataset.hasPartitions() || !result.dataset.hasLandmarks()
        || result.dataset.missingImageCount != 0) {
        std::fprintf(stderr, "full load failed: %s\n", qPrintable(result.errorString()));
        return 1;
    }
    std::printf("loadDataset, partition + landmarks + image check: %8.1f ms\n", fullMs);
    return 0;
}
