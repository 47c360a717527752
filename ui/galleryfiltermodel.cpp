#include "galleryfiltermodel.h"

#include "gallerymodel.h"

namespace ProfileLens {

GalleryFilterModel::GalleryFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Rows leave and enter the filtered view as their labels change.
    setDynamicSortFilter(true);
}

GalleryFilterModel::Filter GalleryFilterModel::filter() const
{
    return m_filter;
}

void GalleryFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

double GalleryFilterModel::threshold() const
{
    return m_threshold;
}

void GalleryFilterModel::setThreshold(double threshold)
{
    threshold = qBound(0.0, threshold, 1.0);
    if (qFuzzyCompare(threshold, m_threshold))
        return;
    m_threshold = threshold;
    if (m_filter == Filter::PredictedYes || m_filter == Filter::PredictedNo)
        invalidateRowsFilter();
}

void GalleryFilterModel::setImageIds(const QVector<qint64> &imageIds)
{
    m_imageIds = QSet<qint64>(imageIds.cbegin(), imageIds.cend());
    if (m_filter == Filter::ImageIds)
        invalidateRowsFilter();
}

QSet<qint64> GalleryFilterModel::imageIds() const
{
    return m_imageIds;
}

bool GalleryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == Filter::All)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QVariant label = index.data(GalleryModel::LabelRole);
    const QVariant probability = index.data(GalleryModel::ProbabilityRole);

    switch (m_filter) {
    case Filter::All:
        return true;
    case Filter::Unlabeled:
        return !label.isValid();
    case Filter::Yes:
        return label.isValid() && label.toInt() == int(LabelValue::Yes);
    case Filter::No:
        return label.isValid() && label.toInt() == int(LabelValue::No);
    case Filter::Unsure:
        return label.isValid() && label.toInt() == int(LabelValue::Unsure);
    case Filter::PredictedYes:
        return probability.isValid() && probability.toDouble() >= m_threshold;
    case Filter::PredictedNo:
        return probability.isValid() && probability.toDouble() < m_threshold;
    case Filter::ImageIds:
        return m_imageIds.contains(index.data(GalleryModel::ImageIdRole).toLongLong());
    }
    return true;
}

} // namespace ProfileLens
