#include "evaluationmodel.h"

#include "thumbnailloader.h"

#include <QGuiApplication>
#include <QLocale>
#include <QTimer>

#include <algorithm>

namespace ProfileLens {

namespace {

/// Thumbnail repaints are coalesced into one dataChanged per interval, in milliseconds.
constexpr int kThumbnailRepaintIntervalMs = 50;

} // namespace

EvaluationModel::EvaluationModel(QObject *parent)
    : QAbstractTableModel(parent), m_thumbnails(new ThumbnailLoader(this))
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    const int devicePixels = int(kThumbnailSize * ratio);
    m_thumbnails->setThumbnailSize(QSize(devicePixels, devicePixels), ratio);
    connect(m_thumbnails, &ThumbnailLoader::thumbnailReady, this, [this]() {
        if (m_thumbnailUpdatePending)
            return;
        m_thumbnailUpdatePending = true;
        QTimer::singleShot(kThumbnailRepaintIntervalMs, this, &EvaluationModel::onThumbnailReady);
    });
}

EvaluationModel::~EvaluationModel() = default;

void EvaluationModel::setItems(std::vector<EvaluationItem> items, const ClassNames &classNames)
{
    beginResetModel();
    m_thumbnails->clear();
    m_items = std::move(items);
    m_classNames = classNames;
    m_sortedAll.resize(m_items.size());
    for (std::size_t i = 0; i < m_items.size(); ++i)
        m_sortedAll[i] = int(i);
    std::stable_sort(m_sortedAll.begin(), m_sortedAll.end(), [this](int a, int b) {
        return m_items[std::size_t(a)].probability > m_items[std::size_t(b)].probability;
    });
    for (std::vector<int> &list : m_sortedByLabel)
        list.clear();
    for (int index : m_sortedAll)
        m_sortedByLabel[m_items[std::size_t(index)].label == 1 ? 1 : 0].push_back(index);
    m_filterActual = -1;
    m_filterPredicted = -1;
    updateRange();
    endResetModel();
}

void EvaluationModel::setThreshold(double threshold)
{
    if (threshold == m_threshold)
        return;
    m_threshold = threshold;
    if (hasCellFilter()) {
        // The cell's range moves with the threshold.
        beginResetModel();
        updateRange();
        endResetModel();
    } else if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, PredictionColumn), index(rowCount() - 1, PredictionColumn),
                           {Qt::DisplayRole, PredictionRole});
    }
}

void EvaluationModel::setCellFilter(int actualClass, int predictedClass)
{
    beginResetModel();
    m_filterActual = actualClass == 1 ? 1 : 0;
    m_filterPredicted = predictedClass == 1 ? 1 : 0;
    updateRange();
    endResetModel();
}

void EvaluationModel::clearCellFilter()
{
    beginResetModel();
    m_filterActual = -1;
    m_filterPredicted = -1;
    updateRange();
    endResetModel();
}

void EvaluationModel::updateRange()
{
    if (!hasCellFilter()) {
        m_list = &m_sortedAll;
        m_begin = 0;
        m_end = int(m_sortedAll.size());
        m_reversed = false;
        return;
    }
    m_list = &m_sortedByLabel[m_filterActual];
    // Items predicted positive (probability >= threshold) form the front of the sorted list.
    const auto split = std::partition_point(m_list->begin(), m_list->end(), [this](int index) {
        return double(m_items[std::size_t(index)].probability) >= m_threshold;
    });
    const int positives = int(split - m_list->begin());
    if (m_filterPredicted == 1) {
        m_begin = 0;
        m_end = positives;
        m_reversed = false;
    } else {
        m_begin = positives;
        m_end = int(m_list->size());
        m_reversed = true;
    }
}

int EvaluationModel::itemIndexAt(int row) const
{
    return m_reversed ? (*m_list)[std::size_t(m_end - 1 - row)]
                      : (*m_list)[std::size_t(m_begin + row)];
}

const EvaluationItem &EvaluationModel::itemAt(int row) const
{
    return m_items[std::size_t(itemIndexAt(row))];
}

QStringList EvaluationModel::visibleSources() const
{
    QStringList sources;
    const int rows = rowCount();
    sources.reserve(rows);
    for (int row = 0; row < rows; ++row)
        sources.append(itemAt(row).source);
    return sources;
}

QVector<qint64> EvaluationModel::visibleImageIds() const
{
    QVector<qint64> ids;
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row) {
        if (itemAt(row).imageId >= 0)
            ids.append(itemAt(row).imageId);
    }
    return ids;
}

int EvaluationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_end - m_begin;
}

int EvaluationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EvaluationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int itemIndex = itemIndexAt(index.row());
    const EvaluationItem &item = m_items[std::size_t(itemIndex)];
    const int predicted = double(item.probability) >= m_threshold ? 1 : 0;
    switch (role) {
    case ProbabilityRole:
        return double(item.probability);
    case LabelRole:
        return item.label;
    case PredictionRole:
        return predicted;
    case SourceRole:
        return item.source;
    case ImageIdRole:
        return item.imageId;
    default:
        break;
    }

    switch (index.column()) {
    case ThumbnailColumn:
        if (role == Qt::DecorationRole && !item.filePath.isEmpty()) {
            const QPixmap pixmap = m_thumbnails->thumbnail(itemIndex, item.filePath);
            if (!pixmap.isNull())
                return pixmap;
        }
        if (role == Qt::SizeHintRole)
            return QSize(kThumbnailSize + 4, kThumbnailSize + 4);
        return {};
    case ProbabilityColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(double(item.probability), 'f', 4);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PredictionColumn:
        if (role == Qt::DisplayRole)
            return predicted == 1 ? m_classNames.positive : m_classNames.negative;
        return {};
    case LabelColumn:
        if (role == Qt::DisplayRole)
            return item.label == 1 ? m_classNames.positive : m_classNames.negative;
        return {};
    case SourceColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return item.source;
        return {};
    }
    return {};
}

QVariant EvaluationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ThumbnailColumn:
        return tr("Image");
    case ProbabilityColumn:
        return tr("Probability");
    case PredictionColumn:
        return tr("Prediction");
    case LabelColumn:
        return tr("Label");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

void EvaluationModel::onThumbnailReady()
{
    m_thumbnailUpdatePending = false;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ThumbnailColumn), index(rowCount() - 1, ThumbnailColumn),
                           {Qt::DecorationRole});
}

} // namespace ProfileLens
