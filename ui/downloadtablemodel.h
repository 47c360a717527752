#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QVector>

namespace ProfileLens {

/// Progress state of one line of a download run.
enum class DownloadRowState {
    Waiting,
    Downloading,
    Retrying,
    Done,
    Duplicate,
    Failed,
    Cancelled,
};

/// One input line of a download run, as the download dialog shows it.
struct DownloadRow
{
    QString input;
    DownloadRowState state = DownloadRowState::Waiting;
    /// Percentage received while downloading; -1 when the server sent no length.
    int percent = -1;
    qint64 bytesReceived = 0;
    /// Attempt about to run or running after a retry (2 for the first retry).
    int attempt = 1;
    /// Failure reason, retry reason, or the image the line was imported as.
    QString detail;
    /// Image the line was imported as (also set for duplicates); -1 otherwise.
    qint64 imageId = -1;
};

/// Table of the lines of a download run: input, state and details, one row per line.
class DownloadTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        InputColumn,
        StateColumn,
        DetailColumn,
        ColumnCount,
    };
    /// Role that returns the DownloadRowState of a row as an int, in every column.
    static constexpr int StateRole = Qt::UserRole + 1;

    explicit DownloadTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Replaces all rows with \a inputs, each waiting.
    void resetRows(const QStringList &inputs);
    const DownloadRow &row(int row) const;
    /// Returns the text of the state column, such as "downloading 40%" or "retrying (attempt 2)".
    static QString stateText(const DownloadRow &row);

    void setDownloading(int row, qint64 bytesReceived, qint64 bytesTotal);
    void setRetrying(int row, int attempt, const QString &reason);
    void setFinished(int row, DownloadRowState state, const QString &detail, qint64 imageId = -1);

private:
    void rowChanged(int row);

    QVector<DownloadRow> m_rows;
};

} // namespace ProfileLens
