#include "reporttablemodel.h"

#include <QLocale>

namespace ProfileLens {

ReportTableModel::ReportTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReportTableModel::setReport(const ClassificationReport &report)
{
    const bool namesChanged = report.classNames.negative != m_report.classNames.negative
        || report.classNames.positive != m_report.classNames.positive;
    m_report = report;
    Q_EMIT dataChanged(index(0, 0), index(RowCount - 1, ColumnCount - 1),
                       {Qt::DisplayRole, Qt::ToolTipRole});
    if (namesChanged)
        Q_EMIT headerDataChanged(Qt::Vertical, NegativeRow, PositiveRow);
}

ClassificationReport ReportTableModel::report() const
{
    return m_report;
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : RowCount;
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};

    const QLocale locale;
    auto ratio = [&](double value) -> QVariant {
        return role == Qt::UserRole ? QVariant(value) : QVariant(locale.toString(value, 'f', 3));
    };
    auto support = [&](qint64 value) -> QVariant {
        return role == Qt::UserRole ? QVariant(value) : QVariant(locale.toString(value));
    };

    if (index.row() == AccuracyRow) {
        if (index.column() == F1Column)
            return ratio(m_report.accuracy);
        if (index.column() == SupportColumn)
            return support(m_report.confusion.total());
        return {};
    }
    const ClassMetrics *metrics = nullptr;
    switch (index.row()) {
    case NegativeRow:
        metrics = &m_report.negative;
        break;
    case PositiveRow:
        metrics = &m_report.positive;
        break;
    case MacroAverageRow:
        metrics = &m_report.macroAverage;
        break;
    default:
        metrics = &m_report.weightedAverage;
        break;
    }
    switch (index.column()) {
    case PrecisionColumn:
        return ratio(metrics->precision);
    case RecallColumn:
        return ratio(metrics->recall);
    case F1Column:
        return ratio(metrics->f1Score);
    default:
        return support(metrics->support);
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal) {
        switch (section) {
        case PrecisionColumn:
            return tr("Precision");
        case RecallColumn:
            return tr("Recall");
        case F1Column:
            return tr("F1 score");
        case SupportColumn:
            return tr("Support");
        }
        return {};
    }
    switch (section) {
    case NegativeRow:
        return m_report.classNames.negative;
    case PositiveRow:
        return m_report.classNames.positive;
    case AccuracyRow:
        return tr("Accuracy");
    case MacroAverageRow:
        return tr("Macro average");
    case WeightedAverageRow:
        return tr("Weighted average");
    }
    return {};
}

} // namespace ProfileLens
