#pragma once

#include "projectstore.h"

#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace ProfileLens {

/// Outcome of importing a set of files and folders into a project.
struct ImportSummary
{
    /// Picture files found in the given paths (files as given, folders searched).
    int fileCount = 0;
    QVector<qint64> importedIds;
    /// Files whose content was already in the project.
    int duplicates = 0;
    /// One message per file that failed, naming the file and the reason.
    QStringList failures;
    /// True when cancel() stopped the run before every file was tried.
    bool canceled = false;

    int importedCount() const { return int(importedIds.size()); }
    /// Returns "3 imported, 2 duplicates skipped, 1 failed", translated.
    QString text() const;
};

/// Called after each file with the number of files tried so far, the total and the result.
using ImportProgress =
    std::function<void(int finished, int total, const QString &path, const ImportResult &result)>;

/**
 * Imports every picture in \a paths into \a store: files are taken as given, folders are
 * searched recursively for imageFileNameFilters(). Duplicates are skipped by content hash.
 * Checks \a cancel before each file. Runs on the calling thread, which must own \a store.
 */
ImportSummary importPaths(ProjectStore &store, const QStringList &paths,
                          const ImportProgress &progress = {},
                          const std::atomic<bool> *cancel = nullptr);

/**
 * Runs importPaths() on a worker thread with its own ProjectStore on the project folder,
 * because a store belongs to the thread that opened it. New image ids arrive in batches
 * through imagesImported() while the import runs. A start() during a run queues the paths
 * behind it, and finished() reports all queued paths together.
 */
class Importer : public QObject
{
    Q_OBJECT

public:
    /// How often imported ids are handed to the GUI, in milliseconds; batching keeps a
    /// large import from resetting the gallery layout once per file.
    static constexpr int kBatchIntervalMs = 200;

    explicit Importer(QObject *parent = nullptr);
    /// Cancels a running import and waits for the current file to finish.
    ~Importer() override;

    void start(const QString &projectFolder, const QStringList &paths);
    void cancel();
    bool isRunning() const;
    /// Waits until the running import has stopped; finished() is still delivered later by
    /// the event loop.
    void waitForFinished();

Q_SIGNALS:
    void started();
    /// Files tried so far out of all files found in the current run.
    void progress(int finished, int total);
    void imagesImported(const QVector<qint64> &imageIds);
    void finished(const ProfileLens::ImportSummary &summary);

private:
    void launch();
    void onRunFinished();
    void onFileDone(quint64 generation, int finished, int total, qint64 newImageId);
    void flushImported();

    QString m_folder;
    QStringList m_queuedPaths;
    QFutureWatcher<ImportSummary> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    ImportSummary m_total;
    QVector<qint64> m_unsentIds;
    QSet<qint64> m_sentIds;
    /// Increases with each start(), so progress calls of an abandoned run are ignored.
    quint64 m_generation = 0;
    QTimer *m_batchTimer = nullptr;
    bool m_running = false;
};

} // namespace ProfileLens

Q_DECLARE_METATYPE(ProfileLens::ImportSummary)
