#pragma once

#include "preprocessor.h"
#include "tensordata.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace ProfileLens {

/// Counts from one FeatureCache::build() call.
struct FeatureCacheStats
{
    int requested = 0;
    /// Images found in the cache file instead of being preprocessed again.
    int reused = 0;
    int aligned = 0;
    int noFace = 0;
    int loadFailed = 0;
    double preprocessSeconds = 0;
};

/**
 * Model inputs (28x28 grayscale by default) of a dataset's images, kept on disk between runs.
 *
 * One cache file per image folder and preprocessing fingerprint, so changing any setting
 * that alters the pipeline's output starts a new file, while growing a selection reuses
 * every image already done. Entries are keyed by file path and store the 8-bit pixels, so
 * the float tensor is rebuilt exactly (value / 255). Written atomically with QSaveFile.
 */
class FeatureCache
{
public:
    /// \a cacheDir empty means the user's cache folder (QStandardPaths::CacheLocation).
    FeatureCache(const QString &cacheDir, const QString &imageDir,
                 const PreprocessSettings &settings);

    QString filePath() const;

    /**
     * Returns the inputs of \a files in order, preprocessing those not cached yet on
     * \a threads threads (0: one per core). Files whose face was not found or that failed to
     * load are left out of the tensor set and counted; \a statuses, when given, receives one
     * StageStatus per input file. Returns an empty set and sets \a errorString on failure or
     * cancel.
     */
    TensorSet build(const QStringList &files, const std::vector<int> &labels, int threads,
                    const BatchProgress &progress, const std::atomic<bool> *cancel,
                    FeatureCacheStats *stats, QString *errorString,
                    std::vector<StageStatus> *statuses = nullptr);

private:
    struct Entry
    {
        quint8 status = 0;
        QByteArray pixels;
    };

    bool read();
    bool write(QString *errorString) const;

    QString m_path;
    PreprocessSettings m_settings;
    QHash<QString, Entry> m_entries;
};

} // namespace ProfileLens
