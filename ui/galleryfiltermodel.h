#pragma once

#include <QSortFilterProxyModel>

namespace ProfileLens {

/// Shows the gallery rows that match a label or prediction filter, in the source order.
class GalleryFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Filter {
        All,
        Unlabeled,
        Yes,
        No,
        Unsure,
        /// Probability at or above the threshold.
        PredictedYes,
        /// Probability below the threshold; rows without a prediction are hidden.
        PredictedNo,
    };
    Q_ENUM(Filter)

    explicit GalleryFilterModel(QObject *parent = nullptr);

    Filter filter() const;
    void setFilter(Filter filter);

    /// Decision threshold of the prediction filters, in [0, 1].
    double threshold() const;
    void setThreshold(double threshold);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = Filter::All;
    double m_threshold = 0.5;
};

} // namespace ProfileLens
