#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QVector>

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
        /// The images set by setImageIds(), such as those of a confusion-matrix cell.
        ImageIds,
    };
    Q_ENUM(Filter)

    explicit GalleryFilterModel(QObject *parent = nullptr);

    Filter filter() const;
    void setFilter(Filter filter);

    /// Decision threshold of the prediction filters, in [0, 1].
    double threshold() const;
    void setThreshold(double threshold);

    /// Sets the images that Filter::ImageIds shows, by project image id.
    void setImageIds(const QVector<qint64> &imageIds);
    QSet<qint64> imageIds() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = Filter::All;
    double m_threshold = 0.5;
    QSet<qint64> m_imageIds;
};

} // namespace ProfileLens
