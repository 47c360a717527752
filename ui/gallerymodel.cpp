#include "gallerymodel.h"

#include "thumbnailloader.h"

#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>
#include <QUrl>

namespace ProfileLens {

GalleryModel::GalleryModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_thumbnails(new ThumbnailLoader(this))
{
    connect(m_thumbnails, &ThumbnailLoader::thumbnailReady, this, &GalleryModel::onThumbnailReady);
    setThumbnailSize(m_thumbnailSize, m_devicePixelRatio);
}

GalleryModel::~GalleryModel() = default;

int GalleryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant GalleryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_items.at(index.row());
    const ImageSource &source = item.image.source;

    switch (role) {
    case Qt::DisplayRole: {
        if (!source.handle.isEmpty())
            return QStringLiteral("@") + source.handle;
        if (source.kind == ImageSourceKind::File)
            return QFileInfo(source.location).fileName();
        const QString fileName = QUrl(source.location).fileName();
        return fileName.isEmpty() ? source.location : fileName;
    }
    case Qt::ToolTipRole: {
        QString label = tr("unlabelled");
        if (item.label)
            label = labelValueKey(*item.label);
        QString text = tr("%1\n%2 x %3 pixels\n%4: %5")
                           .arg(source.location.isEmpty() ? item.image.fileName : source.location)
                           .arg(item.image.width)
                           .arg(item.image.height)
                           .arg(m_attribute, label);
        if (item.probability)
            text += tr("\nPredicted probability: %1").arg(*item.probability, 0, 'f', 2);
        return text;
    }
    case Qt::DecorationRole: {
        if (!m_store)
            return {};
        const QPixmap pixmap =
            m_thumbnails->thumbnail(item.image.id, m_store->imageFilePath(item.image));
        if (!pixmap.isNull())
            return pixmap;
        return placeholder(m_thumbnails->hasFailed(item.image.id));
    }
    case ImageIdRole:
        return item.image.id;
    case LabelRole:
        return item.label ? QVariant(int(*item.label)) : QVariant();
    case ProbabilityRole:
        return item.probability ? QVariant(*item.probability) : QVariant();
    case SourceRole:
        return source.location;
    case HandleRole:
        return source.handle;
    case FilePathRole:
        return m_store ? m_store->imageFilePath(item.image) : QString();
    case ThumbnailLoadingRole:
        return !m_thumbnails->hasFailed(item.image.id) && !m_thumbnails->isCached(item.image.id);
    default:
        return {};
    }
}

QHash<int, QByteArray> GalleryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ImageIdRole, "imageId");
    names.insert(LabelRole, "label");
    names.insert(ProbabilityRole, "probability");
    names.insert(SourceRole, "source");
    names.insert(HandleRole, "handle");
    names.insert(FilePathRole, "filePath");
    names.insert(ThumbnailLoadingRole, "thumbnailLoading");
    return names;
}

QString GalleryModel::setProject(ProjectStore *store)
{
    m_store = store;
    m_thumbnails->clear();
    return reload();
}

ProjectStore *GalleryModel::project() const
{
    return m_store;
}

QString GalleryModel::setAttribute(const QString &attribute)
{
    if (attribute == m_attribute)
        return {};
    m_attribute = attribute;
    const QString error = readLabels();
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                           {LabelRole, Qt::ToolTipRole});
    return error;
}

QString GalleryModel::attribute() const
{
    return m_attribute;
}

QString GalleryModel::reload()
{
    beginResetModel();
    m_items.clear();
    m_rowById.clear();
    m_hasPredictions = false;
    QString error;
    if (m_store && m_store->isOpen()) {
        const StoreResult<QVector<ImageRecord>> images = m_store->images();
        if (images.isOk()) {
            m_items.reserve(images.value.size());
            for (const ImageRecord &image : images.value) {
                m_rowById.insert(image.id, int(m_items.size()));
                m_items.append({image, std::nullopt, std::nullopt});
            }
            error = readLabels();
        } else {
            error = images.errorString;
        }
    }
    endResetModel();
    return error;
}

QString GalleryModel::appendImages(const QVector<qint64> &imageIds)
{
    if (!m_store)
        return {};
    QVector<Item> added;
    QString error;
    for (const qint64 id : imageIds) {
        if (m_rowById.contains(id))
            continue;
        const StoreResult<ImageRecord> image = m_store->image(id);
        if (!image.isOk()) {
            error = image.errorString;
            continue;
        }
        const StoreResult<std::optional<LabelValue>> label = m_store->label(id, m_attribute);
        added.append({image.value, label.isOk() ? label.value : std::nullopt, std::nullopt});
        m_rowById.insert(id, -1); // reserved so a repeated id in imageIds is skipped
    }
    if (added.isEmpty())
        return error;

    const int first = int(m_items.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    for (const Item &item : std::as_const(added)) {
        m_rowById.insert(item.image.id, int(m_items.size()));
        m_items.append(item);
    }
    endInsertRows();
    return error;
}

int GalleryModel::rowOfImage(qint64 imageId) const
{
    return m_rowById.value(imageId, -1);
}

qint64 GalleryModel::imageIdAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row).image.id : -1;
}

ImageRecord GalleryModel::imageAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row).image : ImageRecord();
}

std::optional<LabelValue> GalleryModel::labelOf(qint64 imageId) const
{
    const int row = rowOfImage(imageId);
    return row >= 0 ? m_items.at(row).label : std::nullopt;
}

QString GalleryModel::applyLabels(const QString &attribute, const QVector<LabelChange> &changes)
{
    if (!m_store)
        return tr("No project is open. Open or create a project first.");

    QVector<LabelRecord> values;
    QVector<qint64> cleared;
    for (const LabelChange &change : changes) {
        if (change.value)
            values.append({change.imageId, attribute, *change.value, {}});
        else
            cleared.append(change.imageId);
    }

    QString error;
    if (!values.isEmpty()) {
        const StoreStatus status = values.size() == 1
                                       ? m_store->setLabel(values.first().imageId, attribute,
                                                           values.first().value)
                                       : m_store->setLabels(values);
        error = status.errorString;
    }
    for (const qint64 id : std::as_const(cleared)) {
        if (!error.isEmpty())
            break;
        error = m_store->clearLabel(id, attribute).errorString;
    }

    if (attribute == m_attribute) {
        if (error.isEmpty()) {
            for (const LabelChange &change : changes) {
                const int row = rowOfImage(change.imageId);
                if (row < 0)
                    continue;
                m_items[row].label = change.value;
                const QModelIndex changed = index(row);
                Q_EMIT dataChanged(changed, changed, {LabelRole, Qt::ToolTipRole});
            }
        } else {
            // Show what the store contains after a partial failure.
            readLabels();
            if (!m_items.isEmpty())
                Q_EMIT dataChanged(index(0), index(rowCount() - 1), {LabelRole, Qt::ToolTipRole});
        }
    }
    Q_EMIT labelsChanged(attribute);
    if (!error.isEmpty())
        Q_EMIT storeError(error);
    return error;
}

void GalleryModel::setPredictions(const QHash<qint64, double> &probabilities)
{
    for (Item &item : m_items) {
        const auto found = probabilities.constFind(item.image.id);
        item.probability = found == probabilities.cend() ? std::nullopt
                                                         : std::optional<double>(*found);
    }
    m_hasPredictions = true;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {ProbabilityRole, Qt::ToolTipRole});
}

void GalleryModel::clearPredictions()
{
    for (Item &item : m_items)
        item.probability.reset();
    m_hasPredictions = false;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {ProbabilityRole, Qt::ToolTipRole});
}

bool GalleryModel::hasPredictions() const
{
    return m_hasPredictions;
}

void GalleryModel::setThumbnailSize(const QSize &size, qreal devicePixelRatio)
{
    m_thumbnailSize = size;
    m_devicePixelRatio = qMax<qreal>(1.0, devicePixelRatio);
    m_thumbnails->setThumbnailSize((QSizeF(size) * m_devicePixelRatio).toSize(),
                                   m_devicePixelRatio);
    m_loadingPixmap = QPixmap();
    m_failedPixmap = QPixmap();
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole});
}

QSize GalleryModel::thumbnailSize() const
{
    return m_thumbnailSize;
}

ThumbnailLoader *GalleryModel::thumbnailLoader() const
{
    return m_thumbnails;
}

QString GalleryModel::readLabels()
{
    for (Item &item : m_items)
        item.label.reset();
    if (!m_store || !m_store->isOpen())
        return {};
    const StoreResult<QVector<LabelRecord>> labels = m_store->labels(m_attribute);
    if (!labels.isOk())
        return labels.errorString;
    for (const LabelRecord &label : labels.value) {
        const int row = rowOfImage(label.imageId);
        if (row >= 0)
            m_items[row].label = label.value;
    }
    return {};
}

void GalleryModel::onThumbnailReady(qint64 imageId)
{
    const int row = rowOfImage(imageId);
    if (row < 0)
        return;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {Qt::DecorationRole, ThumbnailLoadingRole});
}

QPixmap GalleryModel::placeholder(bool failed) const
{
    QPixmap &cached = failed ? m_failedPixmap : m_loadingPixmap;
    if (!cached.isNull())
        return cached;

    // Drawn in logical coordinates on a pixmap with the screen's pixel ratio, so the frame
    // stays sharp on high-DPI screens.
    const QSize deviceSize = (QSizeF(m_thumbnailSize) * m_devicePixelRatio).toSize();
    QPixmap pixmap(deviceSize);
    pixmap.setDevicePixelRatio(m_devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(QPointF(0, 0), QSizeF(m_thumbnailSize)).adjusted(8, 8, -8, -8);
    painter.setPen(QPen(QColor(160, 160, 160), 1.5, Qt::DashLine));
    painter.setBrush(QColor(128, 128, 128, 40));
    painter.drawRoundedRect(box, 6, 6);
    if (failed) {
        // A crossed frame marks a stored file that no longer decodes.
        painter.setPen(QPen(QColor(200, 60, 60), 2));
        painter.drawLine(box.topLeft() + QPointF(12, 12), box.bottomRight() - QPointF(12, 12));
        painter.drawLine(box.topRight() + QPointF(-12, 12), box.bottomLeft() + QPointF(12, -12));
    }
    painter.end();
    cached = pixmap;
    return cached;
}

} // namespace ProfileLens
