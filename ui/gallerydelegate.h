#pragma once

#include <QSize>
#include <QStyledItemDelegate>

namespace ProfileLens {

/**
 * Paints a gallery cell: the thumbnail, the file name, a badge with the label (Y, N or ?)
 * and, when the image has a prediction, its probability in percent.
 */
class GalleryDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit GalleryDelegate(QObject *parent = nullptr);

    /// Thumbnail box in device-independent pixels; the cell adds a caption line and margins.
    QSize thumbnailSize() const;
    void setThumbnailSize(const QSize &size);

    /// Probability at or above which the prediction badge shows as "yes".
    double threshold() const;
    void setThreshold(double threshold);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Cell size for \a fontHeight; the same for every item, so the view can skip measuring.
    QSize cellSize(int fontHeight) const;

private:
    QSize m_thumbnailSize{128, 128};
    double m_threshold = 0.5;
};

} // namespace ProfileLens
