#include "featurecache.h"

#include "logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace ProfileLens {

namespace {

constexpr quint32 kCacheMagic = 0x504C4643; // "PLFC"
// Raised whenever the pipeline's output changes for the same settings (a different face
// search, for example), so that caches written by an older version are rebuilt.
constexpr quint32 kCacheVersion = 2;

// The "ProfileLens::FeatureCache" translation context, declared so that lupdate can read it.
struct FeatureCacheMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::FeatureCache)
};

} // namespace

FeatureCache::FeatureCache(const QString &cacheDir, const QString &imageDir,
                           const PreprocessSettings &settings)
    : m_settings(settings)
{
    QString folder = cacheDir;
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
            + QStringLiteral("/profilelens/features");
    const QByteArray key = QCryptographicHash::hash(
                               QDir(imageDir).absolutePath().toUtf8() + '\n' + settings.fingerprint(),
                               QCryptographicHash::Sha256)
                               .toHex()
                               .left(24);
    m_path = QDir(folder).filePath(QString::fromLatin1(key) + QStringLiteral(".plcache"));
    read();
}

QString FeatureCache::filePath() const
{
    return m_path;
}

bool FeatureCache::read()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    QByteArray fingerprint;
    qint32 count = 0;
    in >> magic >> version >> fingerprint >> count;
    if (magic != kCacheMagic || version != kCacheVersion || fingerprint != m_settings.fingerprint()
        || count < 0) {
        qCWarning(lcDataset) << "ignoring feature cache with another format:" << m_path;
        return false;
    }
    const int pixelsPerImage = m_settings.inputSize.width() * m_settings.inputSize.height();
    QHash<QString, Entry> entries;
    entries.reserve(count);
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString name;
        Entry entry;
        in >> name >> entry.status >> entry.pixels;
        if (entry.status == quint8(StageStatus::Ok) && entry.pixels.size() != pixelsPerImage)
            break;
        entries.insert(name, entry);
    }
    if (in.status() != QDataStream::Ok || entries.size() != count) {
        // A damaged cache only costs time: start again from nothing.
        qCWarning(lcDataset) << "ignoring damaged feature cache" << m_path;
        return false;
    }
    m_entries = std::move(entries);
    qCInfo(lcDataset) << "feature cache" << m_path << "holds" << m_entries.size() << "images";
    return true;
}

bool FeatureCache::write(QString *errorString) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorString = FeatureCacheMessages::tr("Could not write the preprocessing cache %1 (%2).")
                           .arg(m_path, file.errorString());
        return false;
    }
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kCacheMagic << kCacheVersion << m_settings.fingerprint() << qint32(m_entries.size());
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        out << it.key() << it.value().status << it.value().pixels;
    if (out.status() != QDataStream::Ok || !file.commit()) {
        *errorString = FeatureCacheMessages::tr("Could not write the preprocessing cache %1 (%2). Check the free "
                                                "disk space.")
                           .arg(m_path, file.errorString());
        return false;
    }
    return true;
}

TensorSet FeatureCache::build(const QStringList &files, const std::vector<int> &labels,
                              int threads, const BatchProgress &progress,
                              const std::atomic<bool> *cancel, FeatureCacheStats *stats,
                              QString *errorString, std::vector<StageStatus> *statuses)
{
    FeatureCacheStats counts;
    counts.requested = int(files.size());

    QStringList todo;
    for (const QString &file : files) {
        if (!m_entries.contains(file))
            todo.append(file);
    }
    counts.reused = int(files.size() - todo.size());

    if (!todo.isEmpty()) {
        QElapsedTimer timer;
        timer.start();
        BatchOptions options;
        options.threads = threads;
        // Save progress in pieces, so a cancel or crash keeps what was done.
        constexpr int kSaveEvery = 5000;
        for (int start = 0; start < todo.size(); start += kSaveEvery) {
            const QStringList chunk = todo.mid(start, kSaveEvery);
            const std::vector<Stages> results = preprocessBatch(
                chunk, m_settings, options,
                [&](int finished, int) {
                    if (progress)
                        progress(counts.reused + start + finished, counts.requested);
                },
                cancel);
            for (const Stages &stages : results) {
                if (stages.status == StageStatus::Canceled)
                    continue;
                Entry entry;
                entry.status = quint8(stages.status);
                if (stages.isOk())
                    entry.pixels = QByteArray(reinterpret_cast<const char *>(stages.small.constBits()),
                                              stages.small.width() * stages.small.height());
                // Grayscale8 rows are 4-byte aligned; copy row by row when they are padded.
                if (stages.isOk() && stages.small.bytesPerLine() != stages.small.width()) {
                    entry.pixels.clear();
                    for (int y = 0; y < stages.small.height(); ++y)
                        entry.pixels.append(reinterpret_cast<const char *>(stages.small.constScanLine(y)),
                                            stages.small.width());
                }
                m_entries.insert(stages.source, entry);
            }
            QString writeError;
            if (!write(&writeError))
                qCWarning(lcDataset) << writeError;
            if (cancel && cancel->load()) {
                *errorString = FeatureCacheMessages::tr("Preprocessing canceled; %1 images are cached for the next run.")
                                   .arg(m_entries.size());
                if (stats)
                    *stats = counts;
                return {};
            }
        }
        counts.preprocessSeconds = timer.nsecsElapsed() / 1e9;
    }

    TensorSet set;
    set.width = m_settings.inputSize.width();
    set.height = m_settings.inputSize.height();
    const int pixelsPerImage = set.pixelsPerImage();
    set.pixels.reserve(size_t(files.size()) * size_t(pixelsPerImage));
    if (statuses)
        statuses->assign(size_t(files.size()), StageStatus::LoadFailed);
    for (int i = 0; i < files.size(); ++i) {
        const Entry entry = m_entries.value(files[i]);
        const auto status = StageStatus(entry.status);
        if (statuses)
            (*statuses)[size_t(i)] = status;
        if (status == StageStatus::NoFace) {
            ++counts.noFace;
            continue;
        }
        if (status != StageStatus::Ok) {
            ++counts.loadFailed;
            continue;
        }
        ++counts.aligned;
        const auto *bytes = reinterpret_cast<const uchar *>(entry.pixels.constData());
        for (int p = 0; p < pixelsPerImage; ++p)
            set.pixels.push_back(float(bytes[p]) / 255.0f);
        if (!labels.empty())
            set.labels.push_back(labels[size_t(i)]);
        set.sources.append(files[i]);
    }
    if (progress)
        progress(counts.requested, counts.requested);
    if (stats)
        *stats = counts;
    return set;
}

} // namespace ProfileLens
