#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QSize>
#include <QString>
#include <QVector>

QT_BEGIN_NAMESPACE
class QThreadPool;
QT_END_NAMESPACE

namespace ProfileLens {

/**
 * Makes thumbnails on a thread pool and caches them.
 *
 * thumbnail() is cheap and may be called from a model's data() for every painted item. The
 * latest request runs first, so the rows on screen win over rows the view scrolled past.
 * Decoding uses QImageReader::setScaledSize, which lets JPEG decode at a fraction of the
 * full size. Pixmaps are made on the GUI thread from the worker's QImage.
 */
class ThumbnailLoader : public QObject
{
    Q_OBJECT

public:
    /// Maximum requests waiting for a worker; older ones are dropped and requested again
    /// when their rows are painted again.
    static constexpr int kMaxPending = 400;
    /// Thumbnails kept in memory. A 192x192 thumbnail at 4 bytes per pixel takes up to
    /// 144 KiB, so the cache uses at most about 140 MiB, which covers several screens.
    static constexpr int kCacheCount = 1000;

    explicit ThumbnailLoader(QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    /// Bounding box of a thumbnail in device pixels.
    QSize thumbnailSize() const;
    /// Sets the bounding box in device pixels and the pixel ratio given to the pixmaps.
    /// Changing either empties the cache.
    void setThumbnailSize(const QSize &deviceSize, qreal devicePixelRatio);

    /// Returns the cached thumbnail of \a key, or a null pixmap after queueing \a path for
    /// loading. thumbnailReady() follows once it is loaded.
    QPixmap thumbnail(qint64 key, const QString &path);
    /// True when \a key was tried and its file could not be decoded.
    bool hasFailed(qint64 key) const;
    /// True when the thumbnail of \a key is in the cache.
    bool isCached(qint64 key) const;
    /// Drops every cached thumbnail and pending request.
    void clear();

    /// Requests still waiting for a worker or in progress.
    int pendingCount() const;

Q_SIGNALS:
    void thumbnailReady(qint64 key);

private:
    struct Request
    {
        qint64 key = -1;
        QString path;
    };

    void startJobs();
    void finishJob(quint64 generation, qint64 key, const QImage &image);

    QThreadPool *m_pool = nullptr;
    QSize m_size{192, 192};
    qreal m_devicePixelRatio = 1.0;
    QCache<qint64, QPixmap> m_cache;
    QSet<qint64> m_failed;
    /// Newest request at the back; workers take from the back.
    QVector<Request> m_pending;
    QSet<qint64> m_running;
    /// Increases on clear() and size changes so results of older jobs are ignored.
    quint64 m_generation = 0;
};

} // namespace ProfileLens
