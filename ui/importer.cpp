#include "importer.h"

#include "imageloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>
#include <QtConcurrent>

namespace ProfileLens {

QString ImportSummary::text() const
{
    QStringList parts;
    parts << QCoreApplication::translate("ImportSummary", "%n imported", nullptr,
                                         importedCount());
    if (duplicates > 0)
        parts << QCoreApplication::translate("ImportSummary", "%n duplicate(s) skipped", nullptr,
                                             duplicates);
    if (!failures.isEmpty())
        parts << QCoreApplication::translate("ImportSummary", "%n failed", nullptr,
                                             int(failures.size()));
    if (canceled)
        parts << QCoreApplication::translate("ImportSummary", "canceled");
    return parts.join(QLatin1String(", "));
}

ImportSummary importPaths(ProjectStore &store, const QStringList &paths,
                          const ImportProgress &progress, const std::atomic<bool> *cancel)
{
    ImportSummary summary;
    QStringList missing;
    const QStringList files = collectImageFiles(paths, &missing);
    for (const QString &path : std::as_const(missing))
        summary.failures << QCoreApplication::translate("ImportSummary",
                                                        "%1 was not found.")
                                .arg(QDir::toNativeSeparators(path));
    summary.fileCount = int(files.size());

    for (int i = 0; i < files.size(); ++i) {
        if (cancel && cancel->load()) {
            summary.canceled = true;
            break;
        }
        ImageSource source;
        source.kind = ImageSourceKind::File;
        source.location = QFileInfo(files.at(i)).absoluteFilePath();
        const ImportResult result = store.importFile(files.at(i), source);
        if (!result.isOk())
            summary.failures << result.errorString;
        else if (result.duplicate)
            ++summary.duplicates;
        else
            summary.importedIds << result.imageId;
        if (progress)
            progress(i + 1, int(files.size()), files.at(i), result);
    }
    return summary;
}

Importer::Importer(QObject *parent)
    : QObject(parent)
    , m_batchTimer(new QTimer(this))
{
    qRegisterMetaType<ImportSummary>();
    m_batchTimer->setInterval(kBatchIntervalMs);
    connect(m_batchTimer, &QTimer::timeout, this, &Importer::flushImported);
    connect(&m_watcher, &QFutureWatcher<ImportSummary>::finished, this, &Importer::onRunFinished);
}

Importer::~Importer()
{
    m_queuedPaths.clear();
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void Importer::start(const QString &projectFolder, const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (m_running) {
        if (projectFolder == m_folder) {
            m_queuedPaths << paths;
            return;
        }
        // A different project: the old run stops, and its summary is dropped.
        cancel();
        waitForFinished();
    }
    m_folder = projectFolder;
    m_queuedPaths = paths;
    m_total = ImportSummary();
    m_unsentIds.clear();
    m_sentIds.clear();
    ++m_generation;
    m_running = true;
    Q_EMIT started();
    launch();
}

void Importer::cancel()
{
    m_queuedPaths.clear();
    if (m_cancel)
        m_cancel->store(true);
}

bool Importer::isRunning() const
{
    return m_running;
}

void Importer::waitForFinished()
{
    m_watcher.waitForFinished();
}

void Importer::launch()
{
    const QStringList paths = m_queuedPaths;
    m_queuedPaths.clear();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    const QString folder = m_folder;
    const quint64 generation = m_generation;

    m_watcher.setFuture(QtConcurrent::run([this, folder, paths, cancelFlag, generation]() {
        ImportSummary summary;
        ProjectStore store;
        const StoreStatus opened = store.open(folder);
        if (!opened.isOk()) {
            summary.failures << opened.errorString;
            return summary;
        }
        // The destructor waits for this function, so `this` outlives every call below;
        // queued calls still pending at destruction are discarded with the object.
        auto report = [this, generation](int finished, int total, const QString &,
                                         const ImportResult &result) {
            const qint64 newId = result.isOk() && !result.duplicate ? result.imageId : -1;
            QMetaObject::invokeMethod(
                this,
                [this, generation, finished, total, newId]() {
                    onFileDone(generation, finished, total, newId);
                },
                Qt::QueuedConnection);
        };
        return importPaths(store, paths, report, cancelFlag.get());
    }));
    m_batchTimer->start();
}

void Importer::onFileDone(quint64 generation, int finished, int total, qint64 newImageId)
{
    if (!m_running || generation != m_generation)
        return;
    if (newImageId >= 0)
        m_unsentIds << newImageId;
    Q_EMIT progress(finished, total);
}

void Importer::flushImported()
{
    if (m_unsentIds.isEmpty())
        return;
    const QVector<qint64> ids = m_unsentIds;
    m_unsentIds.clear();
    for (const qint64 id : ids)
        m_sentIds.insert(id);
    Q_EMIT imagesImported(ids);
}

void Importer::onRunFinished()
{
    const ImportSummary run = m_watcher.result();
    m_total.fileCount += run.fileCount;
    m_total.importedIds << run.importedIds;
    m_total.duplicates += run.duplicates;
    m_total.failures << run.failures;
    m_total.canceled = m_total.canceled || run.canceled;

    if (!m_queuedPaths.isEmpty() && !run.canceled) {
        launch();
        return;
    }

    m_batchTimer->stop();
    // The summary has every id; send any that no progress call delivered.
    m_unsentIds.clear();
    for (const qint64 id : std::as_const(m_total.importedIds)) {
        if (!m_sentIds.contains(id))
            m_unsentIds << id;
    }
    m_running = false;
    flushImported();
    Q_EMIT finished(m_total);
}

} // namespace ProfileLens
