#pragma once

#include "metrics.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

#include <vector>

namespace ProfileLens {

class ThumbnailLoader;

/// One scored image of an evaluation set.
struct EvaluationItem
{
    /// Name of the image in the table and in imagesSelected(): a file path, URL or @handle.
    QString source;
    /// Local file for the thumbnail; empty when there is none.
    QString filePath;
    /// 1 when the attribute is present, 0 when absent.
    int label = 0;
    float probability = 0.0f;
    /// Project image id, or -1 for images outside the project.
    qint64 imageId = -1;
};

/**
 * Per-image table of an evaluation set: thumbnail, probability, prediction at the current
 * threshold, label and source.
 *
 * Rows are sorted by probability, highest first. A cell filter keeps only the images of one
 * confusion-matrix cell. A "predicted no" cell is sorted lowest first instead, so both error
 * cells start with the most confident mistakes. Each label's items are sorted once
 * by setItems(), so a cell is a contiguous range found by binary search, and moving the
 * threshold costs O(log n) plus a repaint. Thumbnails load in the background.
 */
class EvaluationModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ThumbnailColumn,
        ProbabilityColumn,
        PredictionColumn,
        LabelColumn,
        SourceColumn,
        ColumnCount
    };
    enum Role {
        ProbabilityRole = Qt::UserRole + 1,
        LabelRole,
        /// 1 or 0 at the current threshold.
        PredictionRole,
        SourceRole,
        ImageIdRole,
    };

    /// Edge of the thumbnails in device-independent pixels.
    static constexpr int kThumbnailSize = 40;

    explicit EvaluationModel(QObject *parent = nullptr);
    ~EvaluationModel() override;

    void setItems(std::vector<EvaluationItem> items, const ClassNames &classNames);
    const std::vector<EvaluationItem> &items() const { return m_items; }
    void setThreshold(double threshold);
    double threshold() const { return m_threshold; }

    /// Shows only the images of the confusion-matrix cell (actual class, predicted class).
    void setCellFilter(int actualClass, int predictedClass);
    void clearCellFilter();
    bool hasCellFilter() const { return m_filterActual >= 0; }
    int filterActualClass() const { return m_filterActual; }
    int filterPredictedClass() const { return m_filterPredicted; }

    /// Returns the item shown in \a row.
    const EvaluationItem &itemAt(int row) const;
    /// Sources of the rows shown, in row order.
    QStringList visibleSources() const;
    /// Project image ids of the rows shown, in row order (images outside the project skipped).
    QVector<qint64> visibleImageIds() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    /// Recomputes the shown range after a threshold or filter change.
    void updateRange();
    int itemIndexAt(int row) const;
    void onThumbnailReady();

    std::vector<EvaluationItem> m_items;
    ClassNames m_classNames;
    double m_threshold = 0.5;
    /// Item indices by probability, highest first: all items, and per label.
    std::vector<int> m_sortedAll;
    std::vector<int> m_sortedByLabel[2];
    int m_filterActual = -1;
    int m_filterPredicted = -1;
    /// The shown rows are list[begin, end), reversed when m_reversed is set.
    const std::vector<int> *m_list = &m_sortedAll;
    int m_begin = 0;
    int m_end = 0;
    bool m_reversed = false;
    ThumbnailLoader *m_thumbnails = nullptr;
    bool m_thumbnailUpdatePending = false;
};

} // namespace ProfileLens
