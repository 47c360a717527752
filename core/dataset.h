#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <vector>

namespace ProfileLens {

/// Layout of the label file a dataset was read from.
enum class DatasetFormat {
    /// CelebA's `list_attr_celeba.txt` layout: count line, attribute names, rows of 1/-1.
    CelebA,
    /// Comma-separated values with a `filename` column and attribute columns of 1/0.
    Csv,
};

/// CelebA's official partition of a row (`list_eval_partition.txt`).
enum class Partition : std::int8_t {
    None = -1,
    Train = 0,
    Validation = 1,
    Test = 2,
};

/// One problem found while reading a dataset.
struct DatasetIssue
{
    /// The file the problem is in.
    QString file;
    /// 1-based line number, or 0 when the problem concerns the whole file.
    int line = 0;
    /// Translated sentence that names the file, the line, the value and what to do.
    QString message;
};

/**
 * Labels of a face-attribute dataset, without any image data.
 *
 * Rows are in file order. Label values are +1 (attribute present) and -1 (absent), stored
 * row-major in one int8 matrix. Optional columns (partition, group, landmarks, image
 * presence) are either empty or hold one entry per row.
 */
struct Dataset
{
    DatasetFormat format = DatasetFormat::CelebA;
    /// Absolute path of the attribute or CSV file.
    QString labelFile;
    /// Absolute folder that relative file names are resolved against.
    QString imageDir;

    /// File names as written in the label file (usually relative to imageDir).
    QStringList fileNames;
    /// Absolute image paths, one per row.
    QStringList imagePaths;
    /// Attribute names in column order, spelled as in the file header.
    QStringList attributeNames;
    /// rowCount() x attributeCount() values of +1 or -1, row-major.
    std::vector<std::int8_t> labels;

    /// Partition per row (Partition::None where the partition file lacks the row); empty
    /// when no partition file was read.
    std::vector<std::int8_t> partitions;
    /// Index into groupNames per row, or -1 where the row names no group; empty when the
    /// dataset has no group column.
    std::vector<int> groupIds;
    /// Distinct group (person, identity) names in order of first appearance.
    QStringList groupNames;
    /// Ten coordinates per row in pixels of the aligned image: left eye x/y, right eye x/y,
    /// nose x/y, left and right mouth corner x/y. Empty when no landmark file was read.
    std::vector<std::int16_t> landmarks;
    /// 1 where the image file was not found; empty when images were not checked.
    std::vector<std::uint8_t> imageMissing;
    /// Number of rows with imageMissing set.
    int missingImageCount = 0;
    /// Rows left out while reading (CSV rows marked `uncertain=1`).
    int excludedRowCount = 0;

    int rowCount() const { return int(fileNames.size()); }
    int attributeCount() const { return int(attributeNames.size()); }
    bool isEmpty() const { return fileNames.isEmpty(); }
    bool hasPartitions() const { return !partitions.empty(); }
    bool hasGroups() const { return !groupIds.empty(); }
    bool hasLandmarks() const { return !landmarks.empty(); }
    bool imagesChecked() const { return !imageMissing.empty(); }

    /// Returns the column of \a name: an exact match first, then a case-insensitive one,
    /// or -1 when the dataset has no such attribute.
    int attributeIndex(const QString &name) const;
    /// Returns +1 or -1 for \a row and attribute column \a attribute.
    std::int8_t label(int row, int attribute) const
    {
        return labels[std::size_t(row) * std::size_t(attributeNames.size())
                      + std::size_t(attribute)];
    }
    /// Returns the labels of attribute column \a attribute as 1 (present) or 0 (absent),
    /// one per row.
    std::vector<std::uint8_t> binaryLabels(int attribute) const;
    /// Counts the rows where attribute column \a attribute is +1.
    int positiveCount(int attribute) const;
    /// Returns the partition of \a row, or Partition::None when there is none.
    Partition partition(int row) const;
    /// Returns the group name of \a row, or an empty string when it has none.
    QString group(int row) const;
    /// Returns a translated sentence naming the attributes, for "unknown attribute" errors.
    QString availableAttributesText() const;
};

/// Locations of the optional files and checks to run while loading.
struct DatasetLoadOptions
{
    /// Folder with the images; empty means detect it next to the label file
    /// (`img_align_celeba/`, then `images/`, then the label file's own folder).
    QString imageDir;
    /// `list_eval_partition.txt`; empty means use the one next to a CelebA attribute file
    /// if it exists.
    QString partitionFile;
    /// `list_landmarks_align_celeba.txt`; empty means use the one next to a CelebA
    /// attribute file if it exists.
    QString landmarksFile;
    /// `identity_CelebA.txt` (`filename identity` per line) used as the group of each row;
    /// empty means use the one next to a CelebA attribute file if it exists.
    QString identityFile;
    /// When set, loading fails unless the dataset has this attribute (matched
    /// case-insensitively), and a CSV column of that name must hold only 1 or 0.
    QString attribute;
    /// Look up every image in imageDir (one directory listing) and count the missing ones.
    bool checkImages = true;
};

/// A loaded dataset, or the reasons it could not be loaded.
struct DatasetLoadResult
{
    /// Empty when errors is not empty.
    Dataset dataset;
    /// Problems that stop the dataset from being used (structural: layout, values,
    /// duplicates, counts).
    QVector<DatasetIssue> errors;
    /// Problems the dataset can be used with (missing images, excluded rows, ignored
    /// columns, rows absent from an optional file).
    QVector<DatasetIssue> warnings;

    bool ok() const { return errors.isEmpty(); }
    /// Returns all error messages, one per line.
    QString errorString() const;
    /// Returns all warning messages, one per line.
    QString warningString() const;
};

/**
 * Reads the dataset at \a path, which is a label file or a folder holding one.
 *
 * A folder is searched for `list_attr_celeba.txt`, then a single `.csv` file (`labels.csv`
 * when there are several), then `list_attr.txt`. A file ending in `.csv` is read as CSV,
 * any other file in CelebA's attribute layout. Problems are returned in the result, not
 * thrown.
 *
 * Structural problems are fatal errors. These are an unreadable, empty or headerless file,
 * a non-numeric count line, and a row count that disagrees with the count line. So are a
 * row with the wrong number of values, a label other than 1/-1 (CelebA) or 1/0 (CSV),
 * duplicate file or attribute names, and an unknown requested attribute. The same faults
 * in an optional partition, identity or landmark file are fatal too.
 *
 * Warnings leave the dataset usable: missing images, CSV rows left out as uncertain, CSV
 * columns that are not 1/0 (not used as attributes), and rows that an optional file lists
 * but the label file lacks, or the reverse.
 */
DatasetLoadResult loadDataset(const QString &path, const DatasetLoadOptions &options = {});

} // namespace ProfileLens
