#pragma once

#include "metrics.h"

#include <QAbstractTableModel>

namespace ProfileLens {

/**
 * A classification report as a table: one row per class, then accuracy, macro average and
 * weighted average; columns precision, recall, F1 score and support. The accuracy row has
 * only an F1 column value and the support, as in scikit-learn's text report.
 */
class ReportTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Row { NegativeRow, PositiveRow, AccuracyRow, MacroAverageRow, WeightedAverageRow, RowCount };
    enum Column { PrecisionColumn, RecallColumn, F1Column, SupportColumn, ColumnCount };

    explicit ReportTableModel(QObject *parent = nullptr);

    /// Replaces the values; the shape never changes, so only dataChanged is emitted.
    void setReport(const ClassificationReport &report);
    ClassificationReport report() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ClassificationReport m_report;
};

} // namespace ProfileLens
