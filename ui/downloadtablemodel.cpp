#include "downloadtablemodel.h"

#include <QColor>
#include <QLocale>

namespace ProfileLens {

DownloadTableModel::DownloadTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int DownloadTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DownloadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DownloadTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DownloadRow &entry = m_rows.at(index.row());

    if (role == StateRole)
        return int(entry.state);
    if (role == Qt::ForegroundRole && index.column() == StateColumn
        && entry.state == DownloadRowState::Failed)
        return QColor(Qt::red).darker(130);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};

    switch (index.column()) {
    case InputColumn:
        return entry.input;
    case StateColumn:
        return stateText(entry);
    case DetailColumn:
        return entry.detail;
    default:
        return {};
    }
}

QVariant DownloadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case InputColumn:
        return tr("Input");
    case StateColumn:
        return tr("State");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

void DownloadTableModel::resetRows(const QStringList &inputs)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(inputs.size());
    for (const QString &input : inputs) {
        DownloadRow entry;
        entry.input = input;
        m_rows.append(entry);
    }
    endResetModel();
}

const DownloadRow &DownloadTableModel::row(int row) const
{
    return m_rows.at(row);
}

QString DownloadTableModel::stateText(const DownloadRow &row)
{
    switch (row.state) {
    case DownloadRowState::Waiting:
        return tr("waiting");
    case DownloadRowState::Downloading:
        if (row.percent >= 0)
            return tr("downloading %1%").arg(row.percent);
        return tr("downloading %1").arg(QLocale().formattedDataSize(row.bytesReceived));
    case DownloadRowState::Retrying:
        return tr("retrying (attempt %1)").arg(row.attempt);
    case DownloadRowState::Done:
        return tr("done");
    case DownloadRowState::Duplicate:
        return tr("duplicate");
    case DownloadRowState::Failed:
        return tr("failed");
    case DownloadRowState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

void DownloadTableModel::setDownloading(int row, qint64 bytesReceived, qint64 bytesTotal)
{
    if (row < 0 || row >= m_rows.size())
        return;
    DownloadRow &entry = m_rows[row];
    entry.state = DownloadRowState::Downloading;
    entry.bytesReceived = qMax<qint64>(0, bytesReceived);
    entry.percent = bytesTotal > 0 ? int(qBound(qint64(0), bytesReceived * 100 / bytesTotal, qint64(100)))
                                   : -1;
    if (bytesTotal < 0 && bytesReceived <= 0)
        entry.percent = 0;
    rowChanged(row);
}

void DownloadTableModel::setRetrying(int row, int attempt, const QString &reason)
{
    if (row < 0 || row >= m_rows.size())
        return;
    DownloadRow &entry = m_rows[row];
    entry.state = DownloadRowState::Retrying;
    entry.attempt = attempt;
    entry.detail = reason;
    rowChanged(row);
}

void DownloadTableModel::setFinished(int row, DownloadRowState state, const QString &detail,
                                     qint64 imageId)
{
    if (row < 0 || row >= m_rows.size())
        return;
    DownloadRow &entry = m_rows[row];
    entry.state = state;
    entry.detail = detail;
    entry.imageId = imageId;
    if (state == DownloadRowState::Done)
        entry.percent = 100;
    rowChanged(row);
}

void DownloadTableModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                       {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, StateRole});
}

} // namespace ProfileLens
