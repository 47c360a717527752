#pragma once

#include "projectstore.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPixmap>
#include <QSize>
#include <QVector>

#include <optional>

namespace ProfileLens {

class ThumbnailLoader;

/// One label edit: the new value of one image, or no value to clear its label.
struct LabelChange
{
    qint64 imageId = -1;
    std::optional<LabelValue> value;
};

/**
 * The images of a project as a flat list, in import order, with their label for one
 * attribute and, once a model has run, their predicted probability.
 *
 * Names, labels and sources are read from the store at once. Thumbnails are made in the
 * background by a ThumbnailLoader the first time a view requests Qt::DecorationRole, and
 * a placeholder is returned until then.
 */
class GalleryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ImageIdRole = Qt::UserRole + 1,
        /// int value of LabelValue, or an invalid QVariant when the image has no label.
        LabelRole,
        /// double in [0, 1], or an invalid QVariant when there is no prediction.
        ProbabilityRole,
        /// Origin of the image: a file path or a URL.
        SourceRole,
        /// Account handle for images downloaded by handle, else empty.
        HandleRole,
        /// Absolute path of the stored copy inside the project.
        FilePathRole,
        /// true while the thumbnail is still being made.
        ThumbnailLoadingRole,
    };

    explicit GalleryModel(QObject *parent = nullptr);
    ~GalleryModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Shows the images of \a store, which must outlive the model or be replaced first.
    /// Passing nullptr empties the model. Returns the store's message when reading fails.
    QString setProject(ProjectStore *store);
    ProjectStore *project() const;

    /// Switches the label column to \a attribute and rereads its labels.
    QString setAttribute(const QString &attribute);
    QString attribute() const;

    /// Rereads images and labels from the store.
    QString reload();
    /// Appends the images with \a imageIds that are not shown yet (after an import).
    QString appendImages(const QVector<qint64> &imageIds);

    int rowOfImage(qint64 imageId) const;
    qint64 imageIdAt(int row) const;
    ImageRecord imageAt(int row) const;
    std::optional<LabelValue> labelOf(qint64 imageId) const;

    /**
     * Writes \a changes for \a attribute to the store and updates the shown labels.
     * Values are written with one setLabels() transaction; cleared labels with one
     * clearLabel() call each. Returns the store's message on failure, in which case the
     * model rereads the labels so it shows what the store contains.
     */
    QString applyLabels(const QString &attribute, const QVector<LabelChange> &changes);

    /// Sets the predicted probability per image id; images missing from \a probabilities
    /// have none. Used by the "predicted yes/no" filters and the thumbnail badge.
    void setPredictions(const QHash<qint64, double> &probabilities);
    void clearPredictions();
    bool hasPredictions() const;

    /// Sets the thumbnail box in device-independent pixels and the screen's pixel ratio.
    void setThumbnailSize(const QSize &size, qreal devicePixelRatio);
    QSize thumbnailSize() const;
    ThumbnailLoader *thumbnailLoader() const;

Q_SIGNALS:
    /// Emitted after applyLabels() changed labels of \a attribute.
    void labelsChanged(const QString &attribute);
    /// Emitted when the store rejected a label write; \a message names the reason.
    void storeError(const QString &message);

private:
    struct Item
    {
        ImageRecord image;
        std::optional<LabelValue> label;
        std::optional<double> probability;
    };

    QString readLabels();
    void onThumbnailReady(qint64 imageId);
    QPixmap placeholder(bool failed) const;

    ProjectStore *m_store = nullptr;
    QString m_attribute = ProjectStore::defaultAttribute();
    QVector<Item> m_items;
    QHash<qint64, int> m_rowById;
    ThumbnailLoader *m_thumbnails = nullptr;
    QSize m_thumbnailSize{128, 128};
    qreal m_devicePixelRatio = 1.0;
    mutable QPixmap m_loadingPixmap;
    mutable QPixmap m_failedPixmap;
    bool m_hasPredictions = false;
};

} // namespace ProfileLens
