#include "thumbnailloader.h"

#include <QImageReader>
#include <QThread>
#include <QThreadPool>

namespace ProfileLens {

namespace {

// Decodes \a path at most \a box in size, keeping the aspect ratio. Returns a null image
// when the file cannot be decoded.
QImage readThumbnail(const QString &path, const QSize &box)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QSize size = reader.size();
    if (size.isValid()) {
        // EXIF rotation by 90 degrees swaps the axes after decoding.
        if (reader.transformation() & QImageIOHandler::TransformationRotate90)
            size.transpose();
        if (size.width() > box.width() || size.height() > box.height()) {
            QSize scaled = size.scaled(box, Qt::KeepAspectRatio);
            if (reader.transformation() & QImageIOHandler::TransformationRotate90)
                scaled.transpose();
            reader.setScaledSize(scaled.expandedTo(QSize(1, 1)));
        }
    }
    QImage image = reader.read();
    if (image.isNull())
        return image;
    // Formats without size support in the header decode at full size; scale here.
    if (image.width() > box.width() || image.height() > box.height())
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace

ThumbnailLoader::ThumbnailLoader(QObject *parent)
    : QObject(parent)
    , m_pool(new QThreadPool(this))
{
    m_cache.setMaxCost(kCacheCount);
    m_pool->setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
}

ThumbnailLoader::~ThumbnailLoader()
{
    // Results posted back after this point are discarded with the object's pending events.
    m_pending.clear();
    m_pool->waitForDone();
}

QSize ThumbnailLoader::thumbnailSize() const
{
    return m_size;
}

void ThumbnailLoader::setThumbnailSize(const QSize &deviceSize, qreal devicePixelRatio)
{
    if ((deviceSize == m_size && devicePixelRatio == m_devicePixelRatio) || deviceSize.isEmpty())
        return;
    m_size = deviceSize;
    m_devicePixelRatio = devicePixelRatio;
    clear();
}

QPixmap ThumbnailLoader::thumbnail(qint64 key, const QString &path)
{
    if (const QPixmap *cached = m_cache.object(key))
        return *cached;
    if (m_failed.contains(key) || m_running.contains(key))
        return {};

    // Move an existing request to the back so that it runs next.
    for (int i = m_pending.size() - 1; i >= 0; --i) {
        if (m_pending.at(i).key == key) {
            m_pending.removeAt(i);
            break;
        }
    }
    m_pending.append({key, path});
    if (m_pending.size() > kMaxPending)
        m_pending.remove(0, m_pending.size() - kMaxPending);
    startJobs();
    return {};
}

bool ThumbnailLoader::hasFailed(qint64 key) const
{
    return m_failed.contains(key);
}

bool ThumbnailLoader::isCached(qint64 key) const
{
    return m_cache.contains(key);
}

void ThumbnailLoader::clear()
{
    ++m_generation;
    m_cache.clear();
    m_failed.clear();
    m_pending.clear();
    // Running jobs finish, but their results carry the old generation and are dropped.
    m_running.clear();
}

int ThumbnailLoader::pendingCount() const
{
    return m_pending.size() + m_running.size();
}

void ThumbnailLoader::startJobs()
{
    // Hand out only as many requests as there are threads, so the rest stay in m_pending
    // where a newer request can overtake them.
    while (!m_pending.isEmpty() && m_running.size() < m_pool->maxThreadCount()) {
        const Request request = m_pending.takeLast();
        m_running.insert(request.key);
        const quint64 generation = m_generation;
        const QSize box = m_size;
        m_pool->start([this, request, generation, box]() {
            const QImage image = readThumbnail(request.path, box);
            QMetaObject::invokeMethod(
                this, [this, generation, key = request.key, image]() {
                    finishJob(generation, key, image);
                },
                Qt::QueuedConnection);
        });
    }
}

void ThumbnailLoader::finishJob(quint64 generation, qint64 key, const QImage &image)
{
    if (generation == m_generation) {
        m_running.remove(key);
        if (image.isNull()) {
            m_failed.insert(key);
        } else {
            auto *pixmap = new QPixmap(QPixmap::fromImage(image));
            pixmap->setDevicePixelRatio(m_devicePixelRatio);
            m_cache.insert(key, pixmap);
        }
        Q_EMIT thumbnailReady(key);
    }
    startJobs();
}

} // namespace ProfileLens
