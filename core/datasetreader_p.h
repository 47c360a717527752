#pragma once

// Parsers for the dataset text files. Private to core: loadDataset() is the public entry.

#include "dataset.h"

#include <QByteArray>

#include <string_view>
#include <unordered_map>

namespace ProfileLens::DatasetReader {

/// Most errors collected from one file before reading stops.
constexpr int kMaxErrorsPerFile = 20;
/// Example file names quoted in a warning about missing or unknown rows.
constexpr int kMaxExamples = 5;

/// Collects the issues of one file, each message prefixed with the file name and line.
class IssueSink
{
public:
    IssueSink(const QString &file, QVector<DatasetIssue> *errors, QVector<DatasetIssue> *warnings);

    void addError(int line, const QString &message);
    void addWarning(int line, const QString &message);
    /// True once kMaxErrorsPerFile errors were added; a note saying so is added then.
    bool isFull() const { return m_errorCount >= kMaxErrorsPerFile; }
    bool hasErrors() const { return m_errorCount > 0; }
    const QString &file() const { return m_file; }

private:
    DatasetIssue makeIssue(int line, const QString &message) const;

    QString m_file;
    QString m_displayName;
    QVector<DatasetIssue> *m_errors;
    QVector<DatasetIssue> *m_warnings;
    int m_errorCount = 0;
};

/// Labels as read from an attribute or CSV file, before images and optional files.
struct LabelTable
{
    /// The file contents; rowByName points into it, so it must outlive the map.
    QByteArray source;
    QStringList fileNames;
    QStringList attributeNames;
    std::vector<std::int8_t> labels;
    /// Maps each file name, as bytes in source, to its row.
    std::unordered_map<std::string_view, int> rowByName;
    /// Group value per row (CSV `group` or `person` column); empty without such a column.
    QStringList groupValues;
    int excludedRowCount = 0;
};

/// Parses CelebA's attribute layout. Returns false when an error was added to \a sink.
bool readCelebAAttributes(const QByteArray &data, IssueSink &sink, LabelTable &table);

/// Parses a labels CSV. \a requiredAttribute (may be empty) names the column that must
/// hold only 1 or 0; other non-1/0 columns are dropped with a warning.
bool readCsvLabels(const QByteArray &data, const QString &requiredAttribute, IssueSink &sink,
                   LabelTable &table);

/// Parses `list_eval_partition.txt` into \a partitions (one per table row).
bool readPartitions(const QByteArray &data, const LabelTable &table, IssueSink &sink,
                    std::vector<std::int8_t> &partitions);

/// Parses `identity_CelebA.txt` (`filename identity`) into one group name per table row.
bool readIdentities(const QByteArray &data, const LabelTable &table, IssueSink &sink,
                    QStringList &groupValues);

/// Parses `list_landmarks_align_celeba.txt` into ten coordinates per table row.
bool readLandmarks(const QByteArray &data, const LabelTable &table, IssueSink &sink,
                   std::vector<std::int16_t> &landmarks);

} // namespace ProfileLens::DatasetReader
