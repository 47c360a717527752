#include "datasetreader_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <charconv>
#include <cstring>

namespace ProfileLens::DatasetReader {

namespace {

// The "ProfileLens::Dataset" translation context, declared so that lupdate can read it.
struct DatasetReaderMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::Dataset)
};

/// Maximum length of a value quoted in a message; longer ones are cut with an ellipsis.
constexpr int kMaxQuotedLength = 60;

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/// The value as quoted in a message, cut to kMaxQuotedLength characters.
QString shortened(std::string_view text)
{
    if (text.size() > std::size_t(kMaxQuotedLength))
        return toQString(text.substr(0, kMaxQuotedLength)) + QStringLiteral("...");
    return toQString(text);
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (isBlank(text.front()) || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (isBlank(text.back()) || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

/// Splits a buffer into lines; accepts LF and CRLF endings and skips a UTF-8 byte order mark.
class LineCursor
{
public:
    explicit LineCursor(const QByteArray &data)
        : m_pos(data.constData()), m_end(data.constData() + data.size())
    {
        if (data.startsWith("\xEF\xBB\xBF"))
            m_pos += 3;
    }

    bool next(std::string_view &line)
    {
        if (m_pos >= m_end)
            return false;
        const auto *newline = static_cast<const char *>(std::memchr(m_pos, '\n', std::size_t(m_end - m_pos)));
        const char *stop = newline ? newline : m_end;
        const char *lineEnd = stop;
        if (lineEnd > m_pos && lineEnd[-1] == '\r')
            --lineEnd;
        line = std::string_view(m_pos, std::size_t(lineEnd - m_pos));
        m_pos = newline ? newline + 1 : m_end;
        ++m_lineNumber;
        return true;
    }

    /// Advances to the next line that contains more than spaces and tabs.
    bool nextNonBlank(std::string_view &line)
    {
        while (next(line)) {
            if (!trimmed(line).empty())
                return true;
        }
        return false;
    }

    int lineNumber() const { return m_lineNumber; }

private:
    const char *m_pos;
    const char *m_end;
    int m_lineNumber = 0;
};

/// Splits a line at runs of spaces and tabs.
class TokenCursor
{
public:
    explicit TokenCursor(std::string_view line) : m_line(line) {}

    bool next(std::string_view &token)
    {
        std::size_t i = m_pos;
        const std::size_t size = m_line.size();
        while (i < size && (isBlank(m_line[i]) || m_line[i] == '\r'))
            ++i;
        if (i == size) {
            m_pos = i;
            return false;
        }
        const std::size_t start = i;
        while (i < size && !isBlank(m_line[i]) && m_line[i] != '\r')
            ++i;
        token = m_line.substr(start, i - start);
        m_pos = i;
        return true;
    }

    int countRemaining() const
    {
        TokenCursor copy = *this;
        std::string_view token;
        int count = 0;
        while (copy.next(token))
            ++count;
        return count;
    }

private:
    std::string_view m_line;
    std::size_t m_pos = 0;
};

bool parseInt(std::string_view text, int &value)
{
    if (text.empty())
        return false;
    const char *begin = text.data();
    if (*begin == '+')
        ++begin;
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(begin, end, value);
    return result.ec == std::errc() && result.ptr == end;
}

bool looksLikeImageName(std::string_view text)
{
    static const char *const extensions[] = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif",
                                             ".tif", ".tiff"};
    const QString name = toQString(text).toLower();
    for (const char *extension : extensions) {
        if (name.endsWith(QLatin1String(extension)))
            return true;
    }
    return false;
}

QString examplesText(const QStringList &examples)
{
    return examples.join(QStringLiteral(", "));
}

QString duplicateMessage(std::string_view name, int firstLine)
{
    return DatasetReaderMessages::tr("'%1' is already listed on line %2. List each image once.")
        .arg(shortened(name))
        .arg(firstLine);
}

/// Parses CelebA's count line; adds the error and returns false when it is not a number.
bool readCountLine(LineCursor &lines, IssueSink &sink, int &declaredCount)
{
    std::string_view line;
    if (!lines.nextNonBlank(line)) {
        sink.addError(0, DatasetReaderMessages::tr("The file is empty. A CelebA-style file starts with the number of "
                                                   "rows, then a line of column names."));
        return false;
    }
    if (lines.lineNumber() != 1 || !parseInt(trimmed(line), declaredCount) || declaredCount < 0) {
        sink.addError(lines.lineNumber(),
                      DatasetReaderMessages::tr("Expected the number of rows, found '%1'. The first line of a "
                                                "CelebA-style file holds only the row count, for example 202599.")
                          .arg(shortened(trimmed(line))));
        return false;
    }
    return true;
}

/// Reads the header line after the count; adds the error and returns false when it is
/// absent or is a data row.
bool readHeaderLine(LineCursor &lines, IssueSink &sink, const QString &example,
                    QStringList &names)
{
    std::string_view line;
    if (!lines.next(line) || trimmed(line).empty()) {
        sink.addError(2, DatasetReaderMessages::tr("The line of column names is missing. Add it after the row count, "
                                                   "for example '%1'.")
                             .arg(example));
        return false;
    }

    TokenCursor tokens(line);
    std::string_view token;
    bool first = true;
    while (tokens.next(token)) {
        const bool isLabel = token == "1" || token == "-1";
        if (isLabel || (first && looksLikeImageName(token))) {
            sink.addError(2, DatasetReaderMessages::tr("Expected the column names, found a data row ('%1'). Add the "
                                                       "line of column names after the row count, for example '%2'.")
                                 .arg(shortened(trimmed(line)), example));
            return false;
        }
        names.append(toQString(token));
        first = false;
    }
    return true;
}

} // namespace

IssueSink::IssueSink(const QString &file, QVector<DatasetIssue> *errors,
                     QVector<DatasetIssue> *warnings)
    : m_file(file),
      m_displayName(QDir::toNativeSeparators(file)),
      m_errors(errors),
      m_warnings(warnings)
{
}

DatasetIssue IssueSink::makeIssue(int line, const QString &message) const
{
    DatasetIssue issue;
    issue.file = m_file;
    issue.line = line;
    if (line > 0)
        issue.message = DatasetReaderMessages::tr("%1, line %2: %3").arg(m_displayName).arg(line).arg(message);
    else
        issue.message = DatasetReaderMessages::tr("%1: %2").arg(m_displayName, message);
    return issue;
}

void IssueSink::addError(int line, const QString &message)
{
    if (isFull())
        return;
    m_errors->append(makeIssue(line, message));
    ++m_errorCount;
    if (isFull()) {
        m_errors->append(makeIssue(0, DatasetReaderMessages::tr("Stopped reading after %1 errors; fix these and load "
                                                                "the file again.")
                                          .arg(kMaxErrorsPerFile)));
    }
}

void IssueSink::addWarning(int line, const QString &message)
{
    m_warnings->append(makeIssue(line, message));
}

bool readCelebAAttributes(const QByteArray &data, IssueSink &sink, LabelTable &table)
{
    table.source = data;
    LineCursor lines(table.source);

    int declaredCount = 0;
    if (!readCountLine(lines, sink, declaredCount))
        return false;
    if (!readHeaderLine(lines, sink, QStringLiteral("5_o_Clock_Shadow Arched_Eyebrows ... Young"),
                        table.attributeNames)) {
        return false;
    }

    const int attributeCount = int(table.attributeNames.size());
    if (attributeCount == 0) {
        sink.addError(2, DatasetReaderMessages::tr("The line of attribute names is empty."));
        return false;
    }
    QSet<QString> seenNames;
    for (const QString &name : std::as_const(table.attributeNames)) {
        if (seenNames.contains(name)) {
            sink.addError(2, DatasetReaderMessages::tr("Attribute '%1' appears twice. Each attribute name must be "
                                                       "unique.")
                                 .arg(name));
        }
        seenNames.insert(name);
    }
    if (sink.hasErrors())
        return false;

    // Reserve for the declared count, but do not trust a huge number in a small file.
    const std::size_t reserveRows =
        std::min<std::size_t>(std::size_t(declaredCount), std::size_t(data.size() / 4 + 1));
    table.labels.reserve(reserveRows * std::size_t(attributeCount));
    table.rowByName.reserve(reserveRows);
    std::vector<int> lineOfRow;
    lineOfRow.reserve(reserveRows);
    std::vector<std::string_view> names;
    names.reserve(reserveRows);

    std::string_view line;
    while (lines.next(line) && !sink.isFull()) {
        TokenCursor tokens(line);
        std::string_view name;
        if (!tokens.next(name))
            continue; // Blank lines, trailing ones included, carry no row.

        const int lineNumber = lines.lineNumber();
        const std::size_t rowStart = table.labels.size();
        table.labels.resize(rowStart + std::size_t(attributeCount));
        std::int8_t *row = table.labels.data() + rowStart;

        int valueCount = 0;
        bool valid = true;
        std::string_view value;
        while (tokens.next(value)) {
            if (valueCount < attributeCount) {
                if (value == "1") {
                    row[valueCount] = 1;
                } else if (value == "-1") {
                    row[valueCount] = -1;
                } else if (valid) {
                    sink.addError(lineNumber,
                                  DatasetReaderMessages::tr("Value '%1' for attribute '%2' of '%3' is invalid. CelebA "
                                                            "labels are 1 (present) or -1 (absent).")
                                      .arg(shortened(value), table.attributeNames.at(valueCount),
                                           shortened(name)));
                    valid = false;
                }
            }
            ++valueCount;
        }
        if (valueCount != attributeCount) {
            sink.addError(lineNumber,
                          DatasetReaderMessages::tr("'%1' has %2 values, expected %3 (one per attribute named on "
                                                    "line 2).")
                              .arg(shortened(name))
                              .arg(valueCount)
                              .arg(attributeCount));
            valid = false;
        }

        const auto inserted = table.rowByName.emplace(name, int(names.size()));
        if (!inserted.second) {
            sink.addError(lineNumber, duplicateMessage(name, lineOfRow[std::size_t(inserted.first->second)]));
            valid = false;
        }
        if (!valid) {
            table.labels.resize(rowStart);
            continue;
        }
        names.push_back(name);
        lineOfRow.push_back(lineNumber);
    }
    if (sink.hasErrors())
        return false;

    if (names.empty()) {
        sink.addError(0, DatasetReaderMessages::tr("The file lists no images. Add one row per image after the line "
                                                   "of attribute names."));
        return false;
    }
    if (int(names.size()) != declaredCount) {
        sink.addError(1, DatasetReaderMessages::tr("Line 1 gives a count of %1 rows, but %2 rows follow. The file may be "
                                                   "truncated: download it again, or correct the count on line 1.")
                             .arg(declaredCount)
                             .arg(names.size()));
        return false;
    }

    table.fileNames.reserve(qsizetype(names.size()));
    for (std::string_view name : names)
        table.fileNames.append(toQString(name));
    return true;
}

namespace {

/// Splits one CSV line into fields. Quoted fields may hold commas and doubled quotes but
/// may not span lines. Returns false with \a error set on malformed quoting.
bool splitCsvLine(std::string_view line, std::vector<std::string> &fields, QString &error)
{
    fields.clear();
    std::size_t i = 0;
    const std::size_t size = line.size();
    while (true) {
        std::string field;
        while (i < size && isBlank(line[i]))
            ++i;
        if (i < size && line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < size) {
                if (line[i] == '"') {
                    if (i + 1 < size && line[i + 1] == '"') {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                field.push_back(line[i]);
                ++i;
            }
            if (!closed) {
                error = DatasetReaderMessages::tr("Field %1 opens a quote that is not closed. Close it with a double "
                                                  "quote; a field may not span lines.")
                            .arg(fields.size() + 1);
                return false;
            }
            while (i < size && isBlank(line[i]))
                ++i;
            if (i < size && line[i] != ',') {
                error = DatasetReaderMessages::tr("Field %1 has text after its closing quote. Put the whole field "
                                                  "inside the quotes.")
                            .arg(fields.size() + 1);
                return false;
            }
        } else {
            const std::size_t start = i;
            while (i < size && line[i] != ',')
                ++i;
            field.assign(trimmed(line.substr(start, i - start)));
        }
        fields.push_back(std::move(field));
        if (i >= size)
            return true;
        ++i; // the comma
    }
}

/// Column roles recognised in a CSV header.
struct CsvColumns
{
    int filename = -1;
    int group = -1;
    int uncertain = -1;
    /// Candidate attribute columns, in header order.
    QVector<int> attributes;
    QStringList headerNames;
};

bool readCsvHeader(LineCursor &lines, IssueSink &sink, CsvColumns &columns)
{
    std::string_view line;
    if (!lines.nextNonBlank(line)) {
        sink.addError(0, DatasetReaderMessages::tr("The file is empty. The first line must name the columns, for "
                                                   "example 'filename,Eyeglasses'."));
        return false;
    }
    const int lineNumber = lines.lineNumber();

    std::vector<std::string> fields;
    QString splitError;
    if (!splitCsvLine(line, fields, splitError)) {
        sink.addError(lineNumber, splitError);
        return false;
    }

    QSet<QString> seen;
    int personColumn = -1;
    for (int i = 0; i < int(fields.size()); ++i) {
        const QString name = toQString(fields[std::size_t(i)]);
        const QString key = name.toLower();
        columns.headerNames.append(name);
        if (seen.contains(key)) {
            sink.addError(lineNumber, DatasetReaderMessages::tr("Column '%1' appears twice. Each column name must be "
                                                                "unique.")
                                          .arg(name));
        }
        seen.insert(key);

        if (key == QLatin1String("filename"))
            columns.filename = i;
        else if (key == QLatin1String("group"))
            columns.group = i;
        else if (key == QLatin1String("person"))
            personColumn = i;
        else if (key == QLatin1String("uncertain"))
            columns.uncertain = i;
        else
            columns.attributes.append(i);
    }
    // `group` wins when both exist; `person` is then an ordinary (probably unusable) column.
    if (columns.group < 0)
        columns.group = personColumn;
    else if (personColumn >= 0)
        columns.attributes.append(personColumn);

    if (columns.filename < 0) {
        if (!fields.empty() && looksLikeImageName(fields.front())) {
            sink.addError(lineNumber, DatasetReaderMessages::tr("Expected the column names, found a data row ('%1'). "
                                                                "Add a first line such as 'filename,Eyeglasses'.")
                                          .arg(shortened(trimmed(line))));
        } else {
            sink.addError(lineNumber, DatasetReaderMessages::tr("The header '%1' has no 'filename' column. The first "
                                                                "line must name the columns, for example "
                                                                "'filename,Eyeglasses'.")
                                          .arg(shortened(trimmed(line))));
        }
        return false;
    }
    if (columns.attributes.isEmpty()) {
        sink.addError(lineNumber, DatasetReaderMessages::tr("The header '%1' has no attribute column. Add a column of "
                                                            "1/0 values named after the attribute, for example "
                                                            "'filename,Eyeglasses'.")
                                      .arg(shortened(trimmed(line))));
        return false;
    }
    return !sink.hasErrors();
}

/// The first value that kept a CSV column from being used as an attribute.
struct RejectedColumn
{
    bool rejected = false;
    int line = 0;
    QString value;
};

} // namespace

bool readCsvLabels(const QByteArray &data, const QString &requiredAttribute, IssueSink &sink,
                   LabelTable &table)
{
    table.source = data;
    LineCursor lines(table.source);

    CsvColumns columns;
    if (!readCsvHeader(lines, sink, columns))
        return false;

    const int fieldCount = int(columns.headerNames.size());
    const int candidateCount = int(columns.attributes.size());
    int requiredColumn = -1; // index into columns.attributes
    for (int i = 0; i < candidateCount && !requiredAttribute.isEmpty(); ++i) {
        const QString &name = columns.headerNames.at(columns.attributes.at(i));
        if (name.compare(requiredAttribute, Qt::CaseInsensitive) == 0)
            requiredColumn = i;
    }

    std::vector<std::int8_t> candidateLabels;
    std::vector<RejectedColumn> rejected(static_cast<std::size_t>(candidateCount));
    std::vector<int> lineOfRow;
    std::vector<std::string> fields;
    std::vector<std::string> names;
    std::string_view line;
    while (lines.next(line) && !sink.isFull()) {
        if (trimmed(line).empty())
            continue;
        const int lineNumber = lines.lineNumber();

        QString splitError;
        if (!splitCsvLine(line, fields, splitError)) {
            sink.addError(lineNumber, splitError);
            continue;
        }
        if (int(fields.size()) != fieldCount) {
            sink.addError(lineNumber, DatasetReaderMessages::tr("The row has %1 fields, expected %2 as in the header "
                                                                "on line 1.")
                                          .arg(fields.size())
                                          .arg(fieldCount));
            continue;
        }
        const std::string &name = fields[std::size_t(columns.filename)];
        if (name.empty()) {
            sink.addError(lineNumber, DatasetReaderMessages::tr("The filename field is empty. Name the image file or "
                                                                "remove the row."));
            continue;
        }

        if (columns.uncertain >= 0) {
            const std::string &flag = fields[std::size_t(columns.uncertain)];
            if (flag == "1") {
                ++table.excludedRowCount;
                continue;
            }
            if (flag != "0" && !flag.empty()) {
                sink.addError(lineNumber, DatasetReaderMessages::tr("Value '%1' in column 'uncertain' is invalid. Use 1 "
                                                                    "to leave the row out, or 0 or nothing to keep it.")
                                              .arg(shortened(flag)));
                continue;
            }
        }

        bool valid = true;
        const std::size_t rowStart = candidateLabels.size();
        candidateLabels.resize(rowStart + std::size_t(candidateCount), 0);
        for (int i = 0; i < candidateCount; ++i) {
            const std::string &value = fields[std::size_t(columns.attributes.at(i))];
            if (value == "1") {
                candidateLabels[rowStart + std::size_t(i)] = 1;
            } else if (value == "0") {
                candidateLabels[rowStart + std::size_t(i)] = -1;
            } else if (i == requiredColumn) {
                sink.addError(lineNumber, DatasetReaderMessages::tr("Value '%1' in column '%2' for '%3' is invalid. Use "
                                                                    "1 (present) or 0 (absent).")
                                              .arg(shortened(value),
                                                   columns.headerNames.at(columns.attributes.at(i)),
                                                   shortened(name)));
                valid = false;
            } else if (!rejected[std::size_t(i)].rejected) {
                rejected[std::size_t(i)] = {true, lineNumber, shortened(value)};
            }
        }

        if (valid) {
            names.push_back(name);
            lineOfRow.push_back(lineNumber);
            if (columns.group >= 0)
                table.groupValues.append(toQString(fields[std::size_t(columns.group)]));
        } else {
            candidateLabels.resize(rowStart);
        }
    }

    // Duplicate file names. The map keys must point into a buffer the table owns, and the
    // unescaped CSV names differ from the file bytes, so copy them into table.source first.
    QByteArray nameBuffer;
    {
        std::size_t total = 0;
        for (const std::string &name : names)
            total += name.size();
        nameBuffer.reserve(qsizetype(total));
        for (const std::string &name : names)
            nameBuffer.append(name.data(), qsizetype(name.size()));
    }
    table.source = nameBuffer;
    table.rowByName.reserve(names.size());
    std::size_t offset = 0;
    for (std::size_t row = 0; row < names.size() && !sink.isFull(); ++row) {
        const std::string_view key(table.source.constData() + offset, names[row].size());
        offset += names[row].size();
        const auto inserted = table.rowByName.emplace(key, int(row));
        if (!inserted.second) {
            sink.addError(lineOfRow[row],
                          duplicateMessage(key, lineOfRow[std::size_t(inserted.first->second)]));
        }
    }
    if (sink.hasErrors())
        return false;

    if (names.empty()) {
        sink.addError(0, table.excludedRowCount > 0
                             ? DatasetReaderMessages::tr("Every row is marked uncertain=1, so no image is left.")
                             : DatasetReaderMessages::tr("The file lists no images. Add one row per image after the "
                                                         "header line."));
        return false;
    }

    // Keep the columns that hold only 1 and 0.
    QVector<int> kept;
    QStringList rejectionReasons;
    for (int i = 0; i < candidateCount; ++i) {
        const QString &columnName = columns.headerNames.at(columns.attributes.at(i));
        const RejectedColumn &reason = rejected[std::size_t(i)];
        if (!reason.rejected) {
            kept.append(i);
            table.attributeNames.append(columnName);
            continue;
        }
        const QString text = DatasetReaderMessages::tr("Column '%1' is not used as an attribute because line %2 "
                                                       "contains '%3' (attribute columns contain 1 or 0).")
                                 .arg(columnName)
                                 .arg(reason.line)
                                 .arg(reason.value);
        rejectionReasons.append(text);
        sink.addWarning(reason.line, text);
    }
    if (kept.isEmpty()) {
        sink.addError(1, DatasetReaderMessages::tr("No column contains only 1 and 0 values, so the file has no usable "
                                                   "attribute. "
                                                   "%1")
                             .arg(rejectionReasons.join(QLatin1Char(' '))));
        return false;
    }

    const std::size_t rowCount = names.size();
    table.labels.resize(rowCount * std::size_t(kept.size()));
    for (std::size_t row = 0; row < rowCount; ++row) {
        for (int k = 0; k < kept.size(); ++k) {
            table.labels[row * std::size_t(kept.size()) + std::size_t(k)] =
                candidateLabels[row * std::size_t(candidateCount) + std::size_t(kept.at(k))];
        }
    }
    table.fileNames.reserve(qsizetype(rowCount));
    for (const std::string &name : names)
        table.fileNames.append(QString::fromStdString(name));

    if (table.excludedRowCount > 0) {
        sink.addWarning(0, DatasetReaderMessages::tr("Rows left out because they are marked uncertain=1: %1.")
                               .arg(table.excludedRowCount));
    }
    return true;
}

namespace {

/// Reports rows of an optional file that name unknown images, and dataset rows it lacks.
void reportCoverage(IssueSink &sink, const LabelTable &table, const std::vector<std::uint8_t> &seen,
                    int unknownCount, const QStringList &unknownExamples, const char *lackingText)
{
    if (unknownCount > 0) {
        sink.addWarning(0, DatasetReaderMessages::tr("Rows ignored because they name images that are not in the label "
                                                     "file: %1, for example %2.")
                               .arg(unknownCount)
                               .arg(examplesText(unknownExamples)));
    }
    int lacking = 0;
    QStringList lackingExamples;
    for (std::size_t row = 0; row < seen.size(); ++row) {
        if (seen[row])
            continue;
        ++lacking;
        if (lackingExamples.size() < kMaxExamples)
            lackingExamples.append(table.fileNames.at(qsizetype(row)));
    }
    if (lacking > 0)
        sink.addWarning(0, DatasetReaderMessages::tr(lackingText).arg(lacking).arg(examplesText(lackingExamples)));
}

/// Reads `filename value` lines; \a store receives the row and the value token and returns
/// false after adding an error for an invalid value.
template<typename Store>
bool readKeyedLines(const QByteArray &data, const LabelTable &table, IssueSink &sink,
                    const char *lackingText, Store store)
{
    LineCursor lines(data);
    std::vector<std::uint8_t> seen(std::size_t(table.fileNames.size()), 0);
    std::vector<int> lineOfRow(seen.size(), 0);
    int unknownCount = 0;
    QStringList unknownExamples;
    bool anyLine = false;

    std::string_view line;
    while (lines.next(line) && !sink.isFull()) {
        TokenCursor tokens(line);
        std::string_view name;
        if (!tokens.next(name))
            continue;
        anyLine = true;
        const int lineNumber = lines.lineNumber();

        std::string_view value;
        if (!tokens.next(value) || tokens.countRemaining() != 0) {
            sink.addError(lineNumber, DatasetReaderMessages::tr("Expected 'filename value', found '%1'.")
                                          .arg(shortened(trimmed(line))));
            continue;
        }
        const auto found = table.rowByName.find(name);
        if (found == table.rowByName.end()) {
            ++unknownCount;
            if (unknownExamples.size() < kMaxExamples)
                unknownExamples.append(toQString(name));
            continue;
        }
        const std::size_t row = std::size_t(found->second);
        if (seen[row]) {
            sink.addError(lineNumber, duplicateMessage(name, lineOfRow[row]));
            continue;
        }
        if (!store(int(row), name, value, lineNumber))
            continue;
        seen[row] = 1;
        lineOfRow[row] = lineNumber;
    }
    if (!anyLine) {
        sink.addError(0, DatasetReaderMessages::tr("The file is empty. Each line must hold a file name and a value."));
        return false;
    }
    if (sink.hasErrors())
        return false;

    reportCoverage(sink, table, seen, unknownCount, unknownExamples, lackingText);
    return true;
}

} // namespace

bool readPartitions(const QByteArray &data, const LabelTable &table, IssueSink &sink,
                    std::vector<std::int8_t> &partitions)
{
    partitions.assign(std::size_t(table.fileNames.size()), std::int8_t(Partition::None));
    const auto store = [&](int row, std::string_view name, std::string_view value, int line) {
        if (value == "0" || value == "1" || value == "2") {
            partitions[std::size_t(row)] = std::int8_t(value[0] - '0');
            return true;
        }
        sink.addError(line, DatasetReaderMessages::tr("Partition '%1' of '%2' is invalid. Use 0 (train), 1 "
                                                      "(validation) or 2 (test).")
                                .arg(shortened(value), shortened(name)));
        return false;
    };
    const bool ok = readKeyedLines(data, table, sink,
                                   QT_TRANSLATE_NOOP("ProfileLens::Dataset",
                                                     "Images of the label file without a "
                                                     "partition, left out of the official "
                                                     "split: %1, for example %2."),
                                   store);
    if (!ok)
        partitions.clear();
    return ok;
}

bool readIdentities(const QByteArray &data, const LabelTable &table, IssueSink &sink,
                    QStringList &groupValues)
{
    groupValues = QStringList(table.fileNames.size());
    const auto store = [&](int row, std::string_view, std::string_view value, int) {
        groupValues[row] = toQString(value);
        return true;
    };
    const bool ok = readKeyedLines(data, table, sink,
                                   QT_TRANSLATE_NOOP("ProfileLens::Dataset",
                                                     "Images of the label file without an "
                                                     "identity, each treated as a group of its "
                                                     "own: %1, for example %2."),
                                   store);
    if (!ok)
        groupValues.clear();
    return ok;
}

bool readLandmarks(const QByteArray &data, const LabelTable &table, IssueSink &sink,
                   std::vector<std::int16_t> &landmarks)
{
    constexpr int kCoordinateCount = 10;
    LineCursor lines(data);

    int declaredCount = 0;
    if (!readCountLine(lines, sink, declaredCount))
        return false;
    QStringList header;
    if (!readHeaderLine(lines, sink, QStringLiteral("lefteye_x lefteye_y ... rightmouth_y"),
                        header)) {
        return false;
    }
    if (header.size() != kCoordinateCount) {
        sink.addError(2, DatasetReaderMessages::tr("Expected %1 coordinate names (lefteye_x lefteye_y ... rightmouth_y), "
                                                   "found %2.")
                             .arg(kCoordinateCount)
                             .arg(header.size()));
        return false;
    }

    landmarks.assign(std::size_t(table.fileNames.size()) * kCoordinateCount, 0);
    std::vector<std::uint8_t> seen(std::size_t(table.fileNames.size()), 0);
    std::vector<int> lineOfRow(seen.size(), 0);
    int unknownCount = 0;
    QStringList unknownExamples;
    int rowCount = 0;

    std::string_view line;
    while (lines.next(line) && !sink.isFull()) {
        TokenCursor tokens(line);
        std::string_view name;
        if (!tokens.next(name))
            continue;
        const int lineNumber = lines.lineNumber();
        ++rowCount;

        std::int16_t values[kCoordinateCount] = {};
        int valueCount = 0;
        bool valid = true;
        std::string_view token;
        while (tokens.next(token)) {
            int value = 0;
            if (valueCount < kCoordinateCount && valid) {
                if (!parseInt(token, value) || value < -32768 || value > 32767) {
                    sink.addError(lineNumber, DatasetReaderMessages::tr("Coordinate '%1' (%2) of '%3' is not an "
                                                                        "integer pixel position.")
                                                  .arg(shortened(token), header.at(valueCount),
                                                       shortened(name)));
                    valid = false;
                } else {
                    values[valueCount] = std::int16_t(value);
                }
            }
            ++valueCount;
        }
        if (valueCount != kCoordinateCount) {
            sink.addError(lineNumber, DatasetReaderMessages::tr("'%1' has %2 coordinates, expected %3.")
                                          .arg(shortened(name))
                                          .arg(valueCount)
                                          .arg(kCoordinateCount));
            valid = false;
        }
        if (!valid)
            continue;

        const auto found = table.rowByName.find(name);
        if (found == table.rowByName.end()) {
            ++unknownCount;
            if (unknownExamples.size() < kMaxExamples)
                unknownExamples.append(toQString(name));
            continue;
        }
        const std::size_t row = std::size_t(found->second);
        if (seen[row]) {
            sink.addError(lineNumber, duplicateMessage(name, lineOfRow[row]));
            continue;
        }
        seen[row] = 1;
        lineOfRow[row] = lineNumber;
        std::copy(values, values + kCoordinateCount, landmarks.begin() + std::ptrdiff_t(row * kCoordinateCount));
    }
    if (!sink.hasErrors() && rowCount != declaredCount) {
        sink.addError(1, DatasetReaderMessages::tr("Line 1 gives a count of %1 rows, but %2 rows follow. The file may be "
                                                   "truncated: download it again, or correct the count on line 1.")
                             .arg(declaredCount)
                             .arg(rowCount));
    }
    if (sink.hasErrors()) {
        landmarks.clear();
        return false;
    }

    reportCoverage(sink, table, seen, unknownCount, unknownExamples,
                   QT_TRANSLATE_NOOP("ProfileLens::Dataset",
                                     "Images of the label file without landmarks, "
                                     "stored as zeros: %1, for example %2."));
    return true;
}

} // namespace ProfileLens::DatasetReader
