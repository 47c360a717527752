// Tests of dataset import (CelebA layout and CSV), row selection and splits.

#include "dataset.h"
#include "datasetselection.h"
#include "datasetsplit.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>

using namespace ProfileLens;

namespace {

QString dataFile(const QString &name)
{
    return QDir::cleanPath(QStringLiteral(PROFILELENS_TEST_DATA_DIR "/datasets/") + name);
}

QString sharedDataPath(const QString &name)
{
    return QDir::cleanPath(QStringLiteral(PROFILELENS_SHARED_DATA_DIR "/") + name);
}

DatasetLoadOptions noImageCheck()
{
    DatasetLoadOptions options;
    options.checkImages = false;
    return options;
}

bool writePng(const QString &path)
{
    QImage image(8, 8, QImage::Format_RGB888);
    image.fill(Qt::gray);
    return image.save(path, "PNG");
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

bool writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(text) == text.size();
}

/// A dataset of \a rowCount rows with one attribute, positive on every tenth row.
Dataset syntheticDataset(int rowCount)
{
    Dataset dataset;
    dataset.labelFile = QStringLiteral("synthetic.txt");
    dataset.attributeNames = {QStringLiteral("Eyeglasses")};
    for (int row = 0; row < rowCount; ++row) {
        dataset.fileNames.append(QStringLiteral("%1.jpg").arg(row, 6, 10, QLatin1Char('0')));
        dataset.labels.push_back(row % 10 == 0 ? 1 : -1);
    }
    return dataset;
}

/// Adds groups of 1 to 30 images with a per-group share of positives, like photos of people.
Dataset syntheticGroupedDataset(std::uint64_t seed)
{
    Dataset dataset;
    dataset.labelFile = QStringLiteral("grouped.csv");
    dataset.attributeNames = {QStringLiteral("Eyeglasses")};
    std::mt19937_64 engine(seed);
    int row = 0;
    for (int group = 0; group < 400; ++group) {
        const int size = 1 + int(engine() % 30);
        const bool wearsGlasses = engine() % 4 == 0;
        dataset.groupNames.append(QStringLiteral("person%1").arg(group));
        for (int k = 0; k < size; ++k, ++row) {
            dataset.fileNames.append(QStringLiteral("%1.jpg").arg(row));
            const bool positive = wearsGlasses ? engine() % 10 < 8 : engine() % 20 == 0;
            dataset.labels.push_back(positive ? 1 : -1);
            dataset.groupIds.push_back(group);
        }
    }
    return dataset;
}

std::vector<int> allRows(const Dataset &dataset)
{
    std::vector<int> rows(std::size_t(dataset.rowCount()));
    for (int row = 0; row < dataset.rowCount(); ++row)
        rows[std::size_t(row)] = row;
    return rows;
}

QSet<int> toSet(const std::vector<int> &rows)
{
    return QSet<int>(rows.begin(), rows.end());
}

/// Returns the first group found on both sides of a split, or an empty string.
QString groupOnBothSides(const Dataset &dataset, const DatasetSplit &split)
{
    QSet<int> trainGroups;
    for (int row : split.train) {
        if (dataset.groupIds[std::size_t(row)] >= 0)
            trainGroups.insert(dataset.groupIds[std::size_t(row)]);
    }
    for (int row : split.test) {
        if (trainGroups.contains(dataset.groupIds[std::size_t(row)]))
            return dataset.group(row);
    }
    return {};
}

} // namespace

class TestDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformedFile_data();
    void malformedFile();
    void celebATinyFolder();
    void crlfAndSpaces();
    void missingImagesCounted();
    void csvQuotedAndGrouped();
    void csvLfwLayout();
    void unknownAttribute();
    void folderDetection_data();
    void folderDetection();
    void partitionGaps();

    void selectionCounts_data();
    void selectionCounts();
    void selectionReproducible_data();
    void selectionReproducible();
    void selectionFixedOrder();
    void selectionSkipsMissingImages();

    void randomSplit_data();
    void randomSplit();
    void officialSplit_data();
    void officialSplit();
    void groupSplitSynthetic_data();
    void groupSplitSynthetic();
    void splitRejectsBadRequests_data();
    void splitRejectsBadRequests();

    void celebASample();
    void lfwLabels();
    void lfwGroupSplit();
};

void TestDataset::malformedFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("partitionFile");
    QTest::addColumn<QString>("landmarksFile");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");

    const QString tiny = QStringLiteral("celeba-tiny/list_attr_celeba.txt");
    QTest::newRow("celeba empty") << "celeba_empty.txt" << "" << "" << "" << 0 << "file is empty";
    QTest::newRow("celeba count not a number")
        << "celeba_count_not_number.txt" << "" << "" << "" << 1 << "found 'six'";
    QTest::newRow("celeba header missing")
        << "celeba_missing_header.txt" << "" << "" << "" << 2 << "found a data row";
    QTest::newRow("celeba only a count line")
        << "celeba_count_only.txt" << "" << "" << "" << 2 << "column names is missing";
    QTest::newRow("celeba attribute twice")
        << "celeba_duplicate_attribute.txt" << "" << "" << "" << 2 << "'Eyeglasses' appears twice";
    QTest::newRow("celeba value count")
        << "celeba_wrong_value_count.txt" << "" << "" << "" << 5
        << "'000003.jpg' has 2 values, expected 3";
    QTest::newRow("celeba value not 1 or -1")
        << "celeba_bad_value.txt" << "" << "" << "" << 4
        << "Value '0' for attribute 'Male' of '000002.jpg' is invalid";
    QTest::newRow("celeba file listed twice")
        << "celeba_duplicate_name.txt" << "" << "" << "" << 6
        << "'000002.jpg' is already listed on line 4";
    QTest::newRow("celeba row count disagrees")
        << "celeba_count_mismatch.txt" << "" << "" << "" << 1 << "count of 5 rows, but 4 rows follow";
    QTest::newRow("partition value")
        << tiny << "partition_bad_value.txt" << "" << "" << 3 << "Partition '3' of '000003.jpg'";
    QTest::newRow("partition file listed twice")
        << tiny << "partition_duplicate.txt" << "" << "" << 5
        << "'000001.jpg' is already listed on line 1";
    QTest::newRow("landmark not an integer")
        << tiny << "" << "landmarks_bad_value.txt" << "" << 4 << "Coordinate '11.5' (righteye_y)";
    QTest::newRow("csv empty") << "csv_empty.csv" << "" << "" << "" << 0 << "file is empty";
    QTest::newRow("csv no filename column")
        << "csv_no_filename.csv" << "" << "" << "" << 1 << "no 'filename' column";
    QTest::newRow("csv header missing")
        << "csv_missing_header.csv" << "" << "" << "" << 1 << "found a data row";
    QTest::newRow("csv no attribute column")
        << "csv_no_attribute.csv" << "" << "" << "" << 1 << "no attribute column";
    QTest::newRow("csv field count")
        << "csv_field_count.csv" << "" << "" << "" << 3 << "2 fields, expected 3";
    QTest::newRow("csv value not 1 or 0")
        << "csv_bad_value.csv" << "" << "" << "Eyeglasses" << 4
        << "Value 'yes' in column 'Eyeglasses' for 'c.jpg' is invalid";
    QTest::newRow("csv quote not closed")
        << "csv_unclosed_quote.csv" << "" << "" << "" << 3 << "quote that is not closed";
    QTest::newRow("csv file listed twice")
        << "csv_duplicate.csv" << "" << "" << "" << 5 << "'a.jpg' is already listed on line 2";
    QTest::newRow("csv uncertain value")
        << "csv_uncertain_bad.csv" << "" << "" << "" << 3 << "Value 'maybe' in column 'uncertain'";
}

void TestDataset::malformedFile()
{
    QFETCH(QString, file);
    QFETCH(QString, partitionFile);
    QFETCH(QString, landmarksFile);
    QFETCH(QString, attribute);
    QFETCH(int, line);
    QFETCH(QString, fragment);

    DatasetLoadOptions options = noImageCheck();
    options.attribute = attribute;
    if (!partitionFile.isEmpty())
        options.partitionFile = dataFile(partitionFile);
    if (!landmarksFile.isEmpty())
        options.landmarksFile = dataFile(landmarksFile);
    const DatasetLoadResult result = loadDataset(dataFile(file), options);

    QVERIFY2(!result.ok(), qPrintable(QStringLiteral("%1 loaded without error").arg(file)));
    QVERIFY(result.dataset.isEmpty());
    const DatasetIssue &issue = result.errors.constFirst();
    QVERIFY2(issue.message.contains(fragment), qPrintable(issue.message));
    QCOMPARE(issue.line, line);
    const QString offendingFile = !partitionFile.isEmpty() ? partitionFile
                                  : !landmarksFile.isEmpty() ? landmarksFile
                                                             : file;
    QVERIFY2(issue.file.endsWith(offendingFile), qPrintable(issue.file));
    QVERIFY2(issue.message.contains(QFileInfo(offendingFile).fileName()),
             qPrintable(issue.message));
    if (line > 0) {
        QVERIFY2(issue.message.contains(QStringLiteral("line %1:").arg(line)),
                 qPrintable(issue.message));
    }
}

void TestDataset::celebATinyFolder()
{
    const DatasetLoadResult result = loadDataset(dataFile(QStringLiteral("celeba-tiny")));
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Dataset &dataset = result.dataset;

    QCOMPARE(dataset.format, DatasetFormat::CelebA);
    QVERIFY(dataset.labelFile.endsWith(QStringLiteral("celeba-tiny/list_attr_celeba.txt")));
    QCOMPARE(dataset.rowCount(), 6);
    QCOMPARE(dataset.attributeNames,
             QStringList({QStringLiteral("Eyeglasses"), QStringLiteral("Male"),
                          QStringLiteral("Smiling")}));
    QCOMPARE(dataset.attributeIndex(QStringLiteral("smiling")), 2);
    QCOMPARE(dataset.positiveCount(0), 2);
    QCOMPARE(dataset.binaryLabels(2), std::vector<std::uint8_t>({0, 1, 1, 0, 0, 1}));
    QCOMPARE(dataset.label(3, 1), std::int8_t(-1));

    // Optional files found next to the attribute file.
    QVERIFY(dataset.hasPartitions());
    QCOMPARE(dataset.partition(3), Partition::Validation);
    QCOMPARE(dataset.partition(5), Partition::Test);
    QVERIFY(dataset.hasLandmarks());
    QCOMPARE(dataset.landmarks[2 * 10 + 4], std::int16_t(108));
    QCOMPARE(dataset.landmarks[5 * 10 + 9], std::int16_t(153));
    QVERIFY(dataset.hasGroups());
    QCOMPARE(dataset.group(0), QStringLiteral("2880"));
    QCOMPARE(dataset.groupIds[0], dataset.groupIds[3]);
    QCOMPARE(dataset.groupNames.size(), 4);

    // No image folder: the images are looked for next to the file, and none is there.
    QCOMPARE(dataset.imageDir, QFileInfo(dataFile(QStringLiteral("celeba-tiny"))).absoluteFilePath());
    QCOMPARE(dataset.imagePaths.at(1), dataset.imageDir + QStringLiteral("/000002.jpg"));
    QCOMPARE(dataset.missingImageCount, 6);
    QCOMPARE(result.warnings.size(), 1);
}

void TestDataset::crlfAndSpaces()
{
    const DatasetLoadResult reference =
        loadDataset(dataFile(QStringLiteral("celeba-tiny/list_attr_celeba.txt")), noImageCheck());
    const DatasetLoadResult result =
        loadDataset(dataFile(QStringLiteral("celeba_crlf_spaces.txt")), noImageCheck());
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QCOMPARE(result.dataset.fileNames, reference.dataset.fileNames);
    QCOMPARE(result.dataset.attributeNames, reference.dataset.attributeNames);
    QCOMPARE(result.dataset.labels, reference.dataset.labels);
    QVERIFY(result.warnings.isEmpty());
    QVERIFY(!result.dataset.hasPartitions());
}

void TestDataset::missingImagesCounted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString source = dataFile(QStringLiteral("celeba-tiny/list_attr_celeba.txt"));
    QVERIFY(copyFile(source, dir.filePath(QStringLiteral("list_attr_celeba.txt"))));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("img_align_celeba")));
    for (const char *name : {"000001.jpg", "000004.jpg", "000006.jpg"})
        QVERIFY(writePng(dir.filePath(QStringLiteral("img_align_celeba/") + QLatin1String(name))));
    // A folder with an image's name is not an image.
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("img_align_celeba/000002.jpg")));

    const DatasetLoadResult result = loadDataset(dir.path());
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Dataset &dataset = result.dataset;
    QCOMPARE(dataset.imageDir, dir.filePath(QStringLiteral("img_align_celeba")));
    QCOMPARE(dataset.missingImageCount, 3);
    QCOMPARE(dataset.imageMissing, std::vector<std::uint8_t>({0, 1, 1, 0, 1, 0}));
    QCOMPARE(result.warnings.size(), 1);
    const QString warning = result.warnings.constFirst().message;
    QVERIFY2(warning.contains(QStringLiteral("3 of 6")), qPrintable(warning));
    QVERIFY2(warning.contains(QStringLiteral("000002.jpg, 000003.jpg, 000005.jpg")),
             qPrintable(warning));
    QVERIFY(QFileInfo(dataset.imagePaths.at(0)).isFile());
}

void TestDataset::csvQuotedAndGrouped()
{
    const DatasetLoadResult result =
        loadDataset(dataFile(QStringLiteral("csv_valid.csv")), noImageCheck());
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Dataset &dataset = result.dataset;
    QCOMPARE(dataset.format, DatasetFormat::Csv);
    QCOMPARE(dataset.rowCount(), 5);
    QCOMPARE(dataset.fileNames.at(2), QStringLiteral("c, copy.jpg"));
    QCOMPARE(dataset.attributeNames,
             QStringList({QStringLiteral("Eyeglasses"), QStringLiteral("Smiling")}));
    QCOMPARE(dataset.binaryLabels(0), std::vector<std::uint8_t>({1, 0, 1, 0, 0}));
    QCOMPARE(dataset.binaryLabels(1), std::vector<std::uint8_t>({0, 0, 1, 1, 0}));
    QVERIFY(dataset.hasGroups());
    QCOMPARE(dataset.group(0), QStringLiteral("alice"));
    QCOMPARE(dataset.group(2), QStringLiteral("Bob \"B\" Smith"));
    QCOMPARE(dataset.groupIds[4], -1);
    QCOMPARE(dataset.groupNames.size(), 3);
    QVERIFY(!dataset.hasPartitions());
    QVERIFY(result.warnings.isEmpty());
}

void TestDataset::csvLfwLayout()
{
    DatasetLoadOptions options = noImageCheck();
    options.attribute = QStringLiteral("Eyeglasses");
    const DatasetLoadResult result = loadDataset(dataFile(QStringLiteral("csv_lfw_layout.csv")), options);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Dataset &dataset = result.dataset;

    QCOMPARE(dataset.rowCount(), 4);
    QCOMPARE(dataset.excludedRowCount, 2);
    QCOMPARE(dataset.fileNames,
             QStringList({QStringLiteral("Ann_Lee_0001.jpg"), QStringLiteral("Ann_Lee_0002.jpg"),
                          QStringLiteral("Bo_Diaz_0002.jpg"), QStringLiteral("Cy_Ng_0002.jpg")}));
    QCOMPARE(dataset.attributeNames, QStringList({QStringLiteral("eyeglasses")}));
    QCOMPARE(dataset.binaryLabels(dataset.attributeIndex(QStringLiteral("Eyeglasses"))),
             std::vector<std::uint8_t>({0, 1, 1, 0}));
    QCOMPARE(dataset.group(2), QStringLiteral("Bo_Diaz"));

    // The columns that are not 1/0 and the uncertain rows are reported.
    const QString warnings = result.warningString();
    QVERIFY2(warnings.contains(QStringLiteral("Column 'sunglasses' is not used as an attribute "
                                              "because line 2 contains ''")),
             qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("'eyeglasses_prob'")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("'label_source'")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("marked uncertain=1: 2.")),
             qPrintable(warnings));
}

void TestDataset::unknownAttribute()
{
    DatasetLoadOptions options = noImageCheck();
    options.attribute = QStringLiteral("Wearing_Hat");
    const DatasetLoadResult result =
        loadDataset(dataFile(QStringLiteral("celeba-tiny/list_attr_celeba.txt")), options);
    QVERIFY(!result.ok());
    const QString message = result.errorString();
    QVERIFY2(message.contains(QStringLiteral("'Wearing_Hat' not found")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Available attributes: Eyeglasses, Male, Smiling.")),
             qPrintable(message));

    const DatasetLoadResult loaded =
        loadDataset(dataFile(QStringLiteral("celeba-tiny/list_attr_celeba.txt")), noImageCheck());
    SelectionOptions selectionOptions;
    selectionOptions.attribute = QStringLiteral("Wearing_Hat");
    const DatasetSelection selection = selectRows(loaded.dataset, selectionOptions);
    QVERIFY(!selection.ok());
    QVERIFY2(selection.error.contains(QStringLiteral("Eyeglasses, Male, Smiling")),
             qPrintable(selection.error));
}

void TestDataset::folderDetection_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("expectedFile"); // empty: an error is expected
    QTest::addColumn<QString>("errorFragment");

    const QString attr = QStringLiteral("list_attr_celeba.txt");
    const QString lfwAttr = QStringLiteral("list_attr.txt");
    QTest::newRow("celeba file first") << QStringList{attr, lfwAttr, QStringLiteral("labels.csv")}
                                       << attr << "";
    QTest::newRow("one csv") << QStringList{QStringLiteral("mine.csv"), lfwAttr}
                             << "mine.csv" << "";
    QTest::newRow("labels.csv among csv files")
        << QStringList{QStringLiteral("a.csv"), QStringLiteral("labels.csv")} << "labels.csv" << "";
    QTest::newRow("list_attr.txt") << QStringList{lfwAttr} << lfwAttr << "";
    QTest::newRow("several csv files")
        << QStringList{QStringLiteral("a.csv"), QStringLiteral("b.csv")} << ""
        << "several CSV files (a.csv, b.csv)";
    QTest::newRow("nothing") << QStringList{QStringLiteral("notes.txt")} << ""
                             << "no dataset found";
}

void TestDataset::folderDetection()
{
    QFETCH(QStringList, files);
    QFETCH(QString, expectedFile);
    QFETCH(QString, errorFragment);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &name : std::as_const(files)) {
        const QString source = name.endsWith(QStringLiteral(".csv"))
                                   ? dataFile(QStringLiteral("csv_valid.csv"))
                                   : dataFile(QStringLiteral("celeba-tiny/list_attr_celeba.txt"));
        QVERIFY(copyFile(source, dir.filePath(name)));
    }

    const DatasetLoadResult result = loadDataset(dir.path(), noImageCheck());
    if (expectedFile.isEmpty()) {
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(errorFragment), qPrintable(result.errorString()));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QCOMPARE(result.dataset.labelFile, dir.filePath(expectedFile));
}

void TestDataset::partitionGaps()
{
    DatasetLoadOptions options = noImageCheck();
    options.partitionFile = dataFile(QStringLiteral("partition_partial.txt"));
    const DatasetLoadResult result =
        loadDataset(dataFile(QStringLiteral("celeba-tiny/list_attr_celeba.txt")), options);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QCOMPARE(result.dataset.partition(3), Partition::None);
    QCOMPARE(result.dataset.partition(5), Partition::None);
    QCOMPARE(result.dataset.partition(4), Partition::Test);

    const QString warnings = result.warningString();
    QVERIFY2(warnings.contains(QStringLiteral("not in the label file: 1, for example 000009.jpg")),
             qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("without a partition, left out of the official "
                                              "split: 2, for example 000004.jpg, 000006.jpg")),
             qPrintable(warnings));

    // The official split leaves the rows without partition out.
    SplitOptions splitOptions;
    splitOptions.method = SplitMethod::Official;
    const DatasetSplit split = splitRows(result.dataset, allRows(result.dataset), 0, splitOptions);
    QVERIFY2(split.ok(), qPrintable(split.error));
    QCOMPARE(split.leftOutCount, 2);
    QCOMPARE(split.train, std::vector<int>({0, 1, 2}));
    QCOMPARE(split.test, std::vector<int>({4}));
}

void TestDataset::selectionCounts_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("maxCount");
    QTest::addColumn<int>("positives");
    QTest::addColumn<int>("negatives");

    // 1000 rows, 100 positives.
    QTest::newRow("reference 300") << int(SelectionPolicy::Reference) << 300 << 100 << 200;
    QTest::newRow("reference fewer than positives") << int(SelectionPolicy::Reference) << 50 << 50 << 0;
    QTest::newRow("reference default takes all") << int(SelectionPolicy::Reference) << 80000 << 100 << 900;
    QTest::newRow("balanced limited by positives") << int(SelectionPolicy::Balanced) << 300 << 100 << 100;
    QTest::newRow("balanced limited by count") << int(SelectionPolicy::Balanced) << 151 << 75 << 75;
    QTest::newRow("all") << int(SelectionPolicy::All) << 10 << 100 << 900;
}

void TestDataset::selectionCounts()
{
    QFETCH(int, policy);
    QFETCH(int, maxCount);
    QFETCH(int, positives);
    QFETCH(int, negatives);

    const Dataset dataset = syntheticDataset(1000);
    SelectionOptions options;
    options.policy = SelectionPolicy(policy);
    options.maxCount = maxCount;
    const DatasetSelection selection = selectRows(dataset, options);
    QVERIFY2(selection.ok(), qPrintable(selection.error));
    QCOMPARE(selection.positiveCount, positives);
    QCOMPARE(selection.negativeCount, negatives);
    QCOMPARE(int(selection.rows.size()), positives + negatives);
    QCOMPARE(toSet(selection.rows).size(), positives + negatives);

    int countedPositives = 0;
    for (int row : selection.rows)
        countedPositives += dataset.label(row, 0) > 0 ? 1 : 0;
    QCOMPARE(countedPositives, positives);

    // The reference policy takes negatives in file order.
    if (options.policy == SelectionPolicy::Reference) {
        std::vector<int> sortedRows = selection.rows;
        std::sort(sortedRows.begin(), sortedRows.end());
        int negativesSeen = 0;
        for (int row = 0; row < dataset.rowCount() && negativesSeen < negatives; ++row) {
            if (dataset.label(row, 0) > 0)
                continue;
            ++negativesSeen;
            QVERIFY2(std::binary_search(sortedRows.begin(), sortedRows.end(), row),
                     qPrintable(QStringLiteral("negative row %1 not selected").arg(row)));
        }
    }
}

void TestDataset::selectionReproducible_data()
{
    QTest::addColumn<int>("policy");
    QTest::newRow("reference") << int(SelectionPolicy::Reference);
    QTest::newRow("balanced") << int(SelectionPolicy::Balanced);
    QTest::newRow("all") << int(SelectionPolicy::All);
}

void TestDataset::selectionReproducible()
{
    QFETCH(int, policy);
    const Dataset dataset = syntheticDataset(500);
    SelectionOptions options;
    options.policy = SelectionPolicy(policy);
    options.maxCount = 80;
    options.seed = 7;

    const DatasetSelection first = selectRows(dataset, options);
    const DatasetSelection again = selectRows(dataset, options);
    QCOMPARE(first.rows, again.rows);

    options.seed = 8;
    const DatasetSelection otherSeed = selectRows(dataset, options);
    QVERIFY(first.rows != otherSeed.rows);
    if (options.policy == SelectionPolicy::Reference)
        QCOMPARE(toSet(first.rows), toSet(otherSeed.rows)); // same rows, other order
}

void TestDataset::selectionFixedOrder()
{
    // std::mt19937_64's sequence is fixed by the C++ standard and the shuffle is our own, so
    // this order must be the same with every compiler and standard library.
    const Dataset dataset = syntheticDataset(12);
    SelectionOptions options;
    options.policy = SelectionPolicy::All;
    options.seed = 2024;
    const DatasetSelection selection = selectRows(dataset, options);
    QCOMPARE(selection.rows, std::vector<int>({3, 5, 9, 2, 6, 8, 0, 4, 11, 1, 7, 10}));
}

void TestDataset::selectionSkipsMissingImages()
{
    Dataset dataset = syntheticDataset(100);
    dataset.imageMissing.assign(100, 0);
    for (int row = 0; row < 100; row += 2)
        dataset.imageMissing[std::size_t(row)] = 1; // every positive (rows 0, 10, ...) is missing
    dataset.missingImageCount = 50;

    SelectionOptions options;
    options.policy = SelectionPolicy::All;
    const DatasetSelection skipping = selectRows(dataset, options);
    QVERIFY2(skipping.ok(), qPrintable(skipping.error));
    QCOMPARE(int(skipping.rows.size()), 50);
    QCOMPARE(skipping.skippedMissingCount, 50);
    QCOMPARE(skipping.positiveCount, 0);
    QVERIFY(!skipping.warnings.isEmpty());

    options.skipMissingImages = false;
    const DatasetSelection keeping = selectRows(dataset, options);
    QCOMPARE(int(keeping.rows.size()), 100);
    QCOMPARE(keeping.positiveCount, 10);
}

void TestDataset::randomSplit_data()
{
    QTest::addColumn<bool>("stratify");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<int>("testSize");
    QTest::addColumn<int>("testPositives"); // -1: not fixed

    QTest::newRow("stratified 80/20") << true << 0.2 << 200 << 20;
    QTest::newRow("stratified 70/30") << true << 0.3 << 300 << 30;
    QTest::newRow("plain 80/20") << false << 0.2 << 200 << -1;
}

void TestDataset::randomSplit()
{
    QFETCH(bool, stratify);
    QFETCH(double, fraction);
    QFETCH(int, testSize);
    QFETCH(int, testPositives);

    const Dataset dataset = syntheticDataset(1000);
    const std::vector<int> rows = allRows(dataset);
    SplitOptions options;
    options.stratify = stratify;
    options.testFraction = fraction;
    const DatasetSplit split = splitRows(dataset, rows, 0, options);
    QVERIFY2(split.ok(), qPrintable(split.error));

    QCOMPARE(int(split.test.size()), testSize);
    QCOMPARE(int(split.train.size()), 1000 - testSize);
    QVERIFY(split.validation.empty());
    if (testPositives >= 0)
        QCOMPARE(split.testPositives, testPositives);
    QCOMPARE(split.trainPositives + split.testPositives, 100);
    QSet<int> union_ = toSet(split.train);
    QVERIFY(!union_.intersects(toSet(split.test)));
    union_.unite(toSet(split.test));
    QCOMPARE(union_.size(), 1000);
    QVERIFY(std::is_sorted(split.test.begin(), split.test.end())); // input order kept

    QCOMPARE(splitRows(dataset, rows, 0, options).test, split.test);
    options.seed += 1;
    QVERIFY(splitRows(dataset, rows, 0, options).test != split.test);
}

void TestDataset::officialSplit_data()
{
    QTest::addColumn<int>("validationMode");
    QTest::addColumn<std::vector<int>>("train");
    QTest::addColumn<std::vector<int>>("validation");
    QTest::addColumn<std::vector<int>>("test");

    QTest::newRow("validation separate") << int(ValidationMode::Separate)
                                         << std::vector<int>{0, 1, 2} << std::vector<int>{3}
                                         << std::vector<int>{4, 5};
    QTest::newRow("validation merged") << int(ValidationMode::MergeIntoTrain)
                                       << std::vector<int>{0, 1, 2, 3} << std::vector<int>{}
                                       << std::vector<int>{4, 5};
}

void TestDataset::officialSplit()
{
    QFETCH(int, validationMode);
    QFETCH(std::vector<int>, train);
    QFETCH(std::vector<int>, validation);
    QFETCH(std::vector<int>, test);

    const DatasetLoadResult result =
        loadDataset(dataFile(QStringLiteral("celeba-tiny")), noImageCheck());
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    SplitOptions options;
    options.method = SplitMethod::Official;
    options.validation = ValidationMode(validationMode);
    const DatasetSplit split = splitRows(result.dataset, allRows(result.dataset), 0, options);
    QVERIFY2(split.ok(), qPrintable(split.error));
    QCOMPARE(split.train, train);
    QCOMPARE(split.validation, validation);
    QCOMPARE(split.test, test);
    // Eyeglasses is positive on rows 1 and 3.
    QCOMPARE(split.trainPositives, validationMode == int(ValidationMode::Separate) ? 1 : 2);
    QCOMPARE(split.testPositives, 0);
    QVERIFY2(split.summary().contains(QStringLiteral("test 2 images (0 positive)")),
             qPrintable(split.summary()));
}

void TestDataset::groupSplitSynthetic_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<double>("fraction");
    QTest::newRow("seed 1, 20%") << quint64(1) << 0.2;
    QTest::newRow("seed 2, 20%") << quint64(2) << 0.2;
    QTest::newRow("seed 3, 30%") << quint64(3) << 0.3;
    QTest::newRow("seed 4, 10%") << quint64(4) << 0.1;
}

void TestDataset::groupSplitSynthetic()
{
    QFETCH(quint64, seed);
    QFETCH(double, fraction);

    Dataset dataset = syntheticGroupedDataset(seed);
    // A few rows without a group stand alone.
    for (int row = 5; row < dataset.rowCount(); row += 97)
        dataset.groupIds[std::size_t(row)] = -1;
    const std::vector<int> rows = allRows(dataset);
    const int totalPositives = dataset.positiveCount(0);

    SplitOptions options;
    options.method = SplitMethod::Group;
    options.testFraction = fraction;
    options.seed = seed;
    const DatasetSplit split = splitRows(dataset, rows, 0, options);
    QVERIFY2(split.ok(), qPrintable(split.error));

    const QString shared = groupOnBothSides(dataset, split);
    QVERIFY2(shared.isEmpty(), qPrintable(QStringLiteral("%1 is on both sides").arg(shared)));
    QCOMPARE(int(split.train.size() + split.test.size()), dataset.rowCount());

    const double testShare = double(split.test.size()) / dataset.rowCount();
    const double positiveShare = double(split.testPositives) / totalPositives;
    QVERIFY2(std::abs(testShare - fraction) < 0.01,
             qPrintable(QStringLiteral("test share %1, expected %2").arg(testShare).arg(fraction)));
    QVERIFY2(std::abs(positiveShare - fraction) < 0.02,
             qPrintable(QStringLiteral("test share of positives %1, expected %2")
                            .arg(positiveShare)
                            .arg(fraction)));

    // The test people are a random sample, not the ones with the most photos, so their
    // number is close to the requested share of all 400 people.
    QSet<int> testGroups;
    for (int row : split.test) {
        if (dataset.groupIds[std::size_t(row)] >= 0)
            testGroups.insert(dataset.groupIds[std::size_t(row)]);
    }
    const double groupShare = double(testGroups.size()) / 400.0;
    QVERIFY2(groupShare > 0.6 * fraction,
             qPrintable(QStringLiteral("%1 of 400 people in the test set").arg(testGroups.size())));

    QCOMPARE(splitRows(dataset, rows, 0, options).test, split.test);
}

void TestDataset::splitRejectsBadRequests_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<int>("rowCount");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("fraction 0") << int(SplitMethod::Random) << 0.0 << 100 << "greater than 0";
    QTest::newRow("fraction 1") << int(SplitMethod::Random) << 1.0 << 100 << "less than 1";
    QTest::newRow("no partition") << int(SplitMethod::Official) << 0.2 << 100
                                  << "needs list_eval_partition.txt";
    QTest::newRow("no groups") << int(SplitMethod::Group) << 0.2 << 100 << "'group' or 'person'";
    QTest::newRow("too few rows") << int(SplitMethod::Random) << 0.2 << 1 << "test set empty";
}

void TestDataset::splitRejectsBadRequests()
{
    QFETCH(int, method);
    QFETCH(double, fraction);
    QFETCH(int, rowCount);
    QFETCH(QString, fragment);

    const Dataset dataset = syntheticDataset(rowCount);
    SplitOptions options;
    options.method = SplitMethod(method);
    options.testFraction = fraction;
    const DatasetSplit split = splitRows(dataset, allRows(dataset), 0, options);
    QVERIFY(!split.ok());
    QVERIFY2(split.error.contains(fragment), qPrintable(split.error));
}

void TestDataset::celebASample()
{
    const QString folder = sharedDataPath(QStringLiteral("celeba-sample"));
    if (!QFileInfo::exists(folder + QStringLiteral("/list_attr_celeba.txt")))
        QSKIP("The CelebA sample is not available (PROFILELENS_SHARED_DATA_DIR/celeba-sample).");

    const DatasetLoadResult result = loadDataset(folder);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Dataset &dataset = result.dataset;
    QCOMPARE(dataset.rowCount(), 20000);
    QCOMPARE(dataset.attributeCount(), 40);
    const int eyeglasses = dataset.attributeIndex(QStringLiteral("Eyeglasses"));
    QCOMPARE(eyeglasses, 15);
    QCOMPARE(dataset.positiveCount(eyeglasses), 1292);
    QCOMPARE(dataset.missingImageCount, 19968);
    QCOMPARE(dataset.fileNames.constFirst(), QStringLiteral("000001.jpg"));
    QVERIFY(!dataset.imageMissing[31]);
    QVERIFY(dataset.imageMissing[32]);
    QVERIFY2(result.warningString().contains(QStringLiteral("000033.jpg")),
             qPrintable(result.warningString()));

    SelectionOptions options;
    options.skipMissingImages = false;
    const DatasetSelection reference = selectRows(dataset, options);
    QCOMPARE(int(reference.rows.size()), 20000);
    QCOMPARE(reference.positiveCount, 1292);

    options.policy = SelectionPolicy::Balanced;
    const DatasetSelection balanced = selectRows(dataset, options);
    QCOMPARE(balanced.positiveCount, 1292);
    QCOMPARE(balanced.negativeCount, 1292);

    options.skipMissingImages = true;
    options.policy = SelectionPolicy::All;
    const DatasetSelection present = selectRows(dataset, options);
    QCOMPARE(int(present.rows.size()), 32);
    QCOMPARE(present.positiveCount, 0); // none of the 32 images wears glasses
}

void TestDataset::lfwLabels()
{
    const QString folder = sharedDataPath(QStringLiteral("lfw-eyeglasses"));
    if (!QFileInfo::exists(folder + QStringLiteral("/labels.csv")))
        QSKIP("The LFW eyeglasses set is not available (PROFILELENS_SHARED_DATA_DIR/lfw-eyeglasses).");

    DatasetLoadOptions options;
    options.attribute = QStringLiteral("Eyeglasses");
    const DatasetLoadResult csv = loadDataset(folder, options);
    QVERIFY2(csv.ok(), qPrintable(csv.errorString()));
    const Dataset &dataset = csv.dataset;
    QCOMPARE(dataset.format, DatasetFormat::Csv);
    QVERIFY(dataset.labelFile.endsWith(QStringLiteral("labels.csv")));
    QCOMPARE(dataset.rowCount(), 9937);
    QCOMPARE(dataset.excludedRowCount, 15);
    QVERIFY(!dataset.fileNames.contains(QStringLiteral("Abel_Pacheco_0003.jpg")));
    const int eyeglasses = dataset.attributeIndex(QStringLiteral("Eyeglasses"));
    QVERIFY(eyeglasses >= 0);
    QCOMPARE(dataset.positiveCount(eyeglasses), 1927);
    QVERIFY(dataset.hasGroups());
    QCOMPARE(dataset.groupNames.size(), 4463);
    QCOMPARE(dataset.imageDir, folder + QStringLiteral("/images"));
    QCOMPARE(dataset.missingImageCount, 0);

    // list_attr.txt contains the same labels in the CelebA layout.
    const DatasetLoadResult attr =
        loadDataset(folder + QStringLiteral("/list_attr.txt"), options);
    QVERIFY2(attr.ok(), qPrintable(attr.errorString()));
    QCOMPARE(attr.dataset.rowCount(), 9937);
    QCOMPARE(attr.dataset.imageDir, folder + QStringLiteral("/images"));
    QHash<QString, std::uint8_t> labelOfFile;
    const std::vector<std::uint8_t> attrLabels = attr.dataset.binaryLabels(0);
    for (int row = 0; row < attr.dataset.rowCount(); ++row)
        labelOfFile.insert(attr.dataset.fileNames.at(row), attrLabels[std::size_t(row)]);
    const std::vector<std::uint8_t> csvLabels = dataset.binaryLabels(eyeglasses);
    for (int row = 0; row < dataset.rowCount(); ++row) {
        const QString &name = dataset.fileNames.at(row);
        QVERIFY2(labelOfFile.contains(name), qPrintable(name));
        QCOMPARE(labelOfFile.value(name), csvLabels[std::size_t(row)]);
    }
}

void TestDataset::lfwGroupSplit()
{
    const QString folder = sharedDataPath(QStringLiteral("lfw-eyeglasses"));
    if (!QFileInfo::exists(folder + QStringLiteral("/labels.csv")))
        QSKIP("The LFW eyeglasses set is not available (PROFILELENS_SHARED_DATA_DIR/lfw-eyeglasses).");

    const DatasetLoadResult result = loadDataset(folder);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Dataset &dataset = result.dataset;
    SelectionOptions selectionOptions;
    selectionOptions.policy = SelectionPolicy::All;
    const DatasetSelection selection = selectRows(dataset, selectionOptions);
    QVERIFY2(selection.ok(), qPrintable(selection.error));

    SplitOptions options;
    options.method = SplitMethod::Group;
    const DatasetSplit split = splitRows(dataset, selection.rows, selection.attribute, options);
    QVERIFY2(split.ok(), qPrintable(split.error));
    const QString shared = groupOnBothSides(dataset, split);
    QVERIFY2(shared.isEmpty(), qPrintable(QStringLiteral("%1 is on both sides").arg(shared)));
    QCOMPARE(int(split.train.size() + split.test.size()), 9937);

    const double testShare = double(split.test.size()) / 9937.0;
    const double positiveShare = double(split.testPositives) / 1927.0;
    QVERIFY2(std::abs(testShare - 0.2) < 0.01, qPrintable(split.summary()));
    QVERIFY2(std::abs(positiveShare - 0.2) < 0.02, qPrintable(split.summary()));

    // The photos with eyeglasses in the test set come from many people, not from the few
    // with the most photos (in all, 952 people have at least one).
    QSet<int> wearers;
    for (int row : split.test) {
        if (dataset.label(row, selection.attribute) == 1)
            wearers.insert(dataset.groupIds[std::size_t(row)]);
    }
    QVERIFY2(wearers.size() >= 100, qPrintable(QStringLiteral("%1 people").arg(wearers.size())));
    qInfo().noquote() << "LFW group split:" << split.summary() << "people with eyeglasses in test:"
                      << wearers.size();
}

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
