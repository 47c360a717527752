#include "projectstore.h"

#include "imageloader.h"
#include "logging.h"
#include "projectschema_p.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace ProfileLens {

namespace {

// Files larger than this are rejected before reading; profile pictures are far smaller,
// and the image loader's pixel limit would reject most larger ones anyway.
constexpr qint64 kMaxImportBytes = 64 * 1024 * 1024;

// How long a write waits for another program (the sqlite3 shell, a second window) to
// release its lock before failing with "database is locked".
constexpr int kBusyTimeoutMs = 5000;

// SQLite primary result codes (sqlite3.h) that the Qt driver reports as nativeErrorCode().
constexpr int kSqliteBusy = 5;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteNotADatabase = 26;

QAtomicInteger<quint64> connectionCounter;

QSqlDatabase connection(const QString &name)
{
    return QSqlDatabase::database(name, false);
}

// Qt binds a null QString as SQL NULL, which the NOT NULL text columns reject.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

ImageSourceKind sourceKindFromKey(const QString &key)
{
    if (key == QLatin1String("url"))
        return ImageSourceKind::Url;
    if (key == QLatin1String("handle"))
        return ImageSourceKind::Handle;
    return ImageSourceKind::File;
}

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    // Extended result codes keep the primary code in the low byte.
    return ok ? (code & 0xff) : -1;
}

QString damagedMessage(const QString &databasePath, const QString &detail)
{
    return ProjectStore::tr("The project database %1 is damaged or is not a SQLite database (%2). "
                            "Restore project.sqlite from a backup, or create a new project and "
                            "import the images again.")
        .arg(QDir::toNativeSeparators(databasePath), detail);
}

// Turns a failed statement into a message that names the file and what the user can do.
QString describeSqlError(const QSqlError &error, const QString &databasePath, const QString &action)
{
    const QString path = QDir::toNativeSeparators(databasePath);
    switch (sqliteCode(error)) {
    case kSqliteCorrupt:
    case kSqliteNotADatabase:
        return damagedMessage(databasePath, error.databaseText());
    case kSqliteBusy:
        return ProjectStore::tr("%1 failed because another program has locked %2. Close other "
                                "programs that use this project and try again.")
            .arg(action, path);
    case kSqliteReadOnly:
        return ProjectStore::tr("%1 failed because %2 is read-only. Check the file permissions "
                                "or copy the project to a writable folder.")
            .arg(action, path);
    case kSqliteFull:
        return ProjectStore::tr("%1 failed because the disk that holds %2 is full. Free some "
                                "space and try again.")
            .arg(action, path);
    default:
        break;
    }
    return ProjectStore::tr("%1 failed in %2: %3").arg(action, path, error.text());
}

// Maps the format detected from the content to a file extension.
QString extensionForFormat(const QByteArray &format)
{
    const QString lower = QString::fromLatin1(format).toLower();
    if (lower == QLatin1String("jpeg"))
        return QStringLiteral("jpg");
    static const QRegularExpression simple(QStringLiteral("^[a-z0-9]{1,5}$"));
    return simple.match(lower).hasMatch() ? lower : QStringLiteral("img");
}

// Keeps the original extension when it is one Qt reads; otherwise derives it from the content.
QString storedExtension(const QString &suffix, const QByteArray &detectedFormat)
{
    const QString lower = suffix.toLower();
    static const QRegularExpression simple(QStringLiteral("^[a-z0-9]{1,5}$"));
    if (simple.match(lower).hasMatch()
        && QImageReader::supportedImageFormats().contains(lower.toLatin1()))
        return lower;
    return extensionForFormat(detectedFormat);
}

ImageRecord imageFromQuery(const QSqlQuery &query)
{
    ImageRecord image;
    image.id = query.value(0).toLongLong();
    image.sha256 = query.value(1).toString();
    image.fileName = query.value(2).toString();
    image.width = query.value(3).toInt();
    image.height = query.value(4).toInt();
    image.addedAt = fromMs(query.value(5).toLongLong());
    image.source.kind = sourceKindFromKey(query.value(6).toString());
    image.source.location = query.value(7).toString();
    image.source.handle = query.value(8).toString();
    return image;
}

const char *const kImageColumns =
    "id, sha256, file_name, width, height, added_at, source_kind, source_location, handle";

ModelRecord modelFromQuery(const QSqlQuery &query)
{
    ModelRecord model;
    model.id = query.value(0).toLongLong();
    model.name = query.value(1).toString();
    model.attribute = query.value(2).toString();
    model.filePath = query.value(3).toString();
    model.createdAt = fromMs(query.value(4).toLongLong());
    model.metrics = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
    model.threshold = query.value(6).toDouble();
    model.active = query.value(7).toInt() != 0;
    return model;
}

const char *const kModelColumns =
    "id, name, attribute, file_path, created_at, metrics_json, threshold, active";

} // namespace

QString imageSourceKindKey(ImageSourceKind kind)
{
    switch (kind) {
    case ImageSourceKind::File:
        return QStringLiteral("file");
    case ImageSourceKind::Url:
        return QStringLiteral("url");
    case ImageSourceKind::Handle:
        return QStringLiteral("handle");
    }
    return QStringLiteral("file");
}


QString labelValueKey(LabelValue value)
{
    switch (value) {
    case LabelValue::Yes:
        return QStringLiteral("yes");
    case LabelValue::No:
        return QStringLiteral("no");
    case LabelValue::Unsure:
        return QStringLiteral("unsure");
    }
    return QStringLiteral("unsure");
}

std::optional<LabelValue> labelValueFromKey(const QString &key)
{
    const QString lower = key.trimmed().toLower();
    if (lower == QLatin1String("yes"))
        return LabelValue::Yes;
    if (lower == QLatin1String("no"))
        return LabelValue::No;
    if (lower == QLatin1String("unsure"))
        return LabelValue::Unsure;
    return std::nullopt;
}

const QStringList &ProjectStore::celebaAttributeNames()
{
    static const QStringList names = QStringLiteral(
        "5_o_Clock_Shadow Arched_Eyebrows Attractive Bags_Under_Eyes Bald Bangs Big_Lips "
        "Big_Nose Black_Hair Blond_Hair Blurry Brown_Hair Bushy_Eyebrows Chubby Double_Chin "
        "Eyeglasses Goatee Gray_Hair Heavy_Makeup High_Cheekbones Male Mouth_Slightly_Open "
        "Mustache Narrow_Eyes No_Beard Oval_Face Pale_Skin Pointy_Nose Receding_Hairline "
        "Rosy_Cheeks Sideburns Smiling Straight_Hair Wavy_Hair Wearing_Earrings Wearing_Hat "
        "Wearing_Lipstick Wearing_Necklace Wearing_Necktie Young")
        .split(QLatin1Char(' '));
    return names;
}

QString ProjectStore::validateAttributeName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"));
    if (pattern.match(name).hasMatch())
        return {};
    return tr("Invalid attribute name \"%1\": use 1 to 64 letters, digits, '_' or '-', "
              "starting with a letter or digit (for example Sunglasses or Wearing_Hat).")
        .arg(name);
}

ProjectStore::ProjectStore() = default;

ProjectStore::~ProjectStore()
{
    close();
}

// ---------------------------------------------------------------------------------------
// Opening and closing

StoreStatus ProjectStore::openConnection(const QString &folder)
{
    close();
    m_folder = QDir(folder).absolutePath();
    m_connectionName = QStringLiteral("profilelens-project-%1").arg(++connectionCounter);
    m_ownerThread = QThread::currentThread();

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid()) {
        const QString message = tr("The Qt SQLite driver (QSQLITE) is not available, so %1 "
                                   "cannot be opened. Install the Qt 6 SQLite plugin "
                                   "(Debian package libqt6sql6-sqlite).")
                                    .arg(QDir::toNativeSeparators(databasePath()));
        close();
        return {message};
    }
    db.setDatabaseName(databasePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open()) {
        const QString message = describeSqlError(db.lastError(), databasePath(),
                                                 tr("Opening the project"));
        close();
        return {message};
    }
    m_open = true;
    return {};
}

void ProjectStore::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = connection(m_connectionName);
        if (db.isOpen())
            db.close();
    }
    // Every QSqlDatabase copy and QSqlQuery of this connection is gone here, as
    // removeDatabase() requires.
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_folder.clear();
    m_open = false;
    m_ownerThread = nullptr;
}

bool ProjectStore::isOpen() const
{
    return m_open;
}

QString ProjectStore::folder() const
{
    return m_folder;
}

QString ProjectStore::databasePath() const
{
    return m_folder.isEmpty() ? QString() : QDir(m_folder).filePath(databaseFileName());
}

QString ProjectStore::imagesPath() const
{
    return m_folder.isEmpty() ? QString() : QDir(m_folder).filePath(imagesFolderName());
}

QString ProjectStore::imageFilePath(const ImageRecord &image) const
{
    return QDir(imagesPath()).filePath(image.fileName);
}

StoreStatus ProjectStore::checkUsable() const
{
    if (!m_open)
        return {tr("No project is open. Open or create a project first.")};
    if (QThread::currentThread() != m_ownerThread)
        return {tr("The project %1 was used from a thread that did not open it; a ProjectStore "
                   "must stay on the thread that called open() or create().")
                    .arg(QDir::toNativeSeparators(m_folder))};
    return {};
}

namespace {

// Switches to WAL with full sync and turns on foreign keys; runs outside any transaction.
QString configureConnection(QSqlDatabase &db, const QString &databasePath)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
        return describeSqlError(query.lastError(), databasePath,
                                ProjectStore::tr("Switching to WAL journal mode"));
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return ProjectStore::tr("SQLite kept journal mode \"%1\" for %2 instead of WAL. Move the "
                                "project to a local disk (network file systems lack WAL "
                                "support).")
            .arg(query.value(0).toString(), QDir::toNativeSeparators(databasePath));
    query.finish();

    const QStringList pragmas{QStringLiteral("PRAGMA synchronous = FULL"),
                              QStringLiteral("PRAGMA foreign_keys = ON")};
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return describeSqlError(query.lastError(), databasePath, pragma);
    }
    return {};
}

QString readPragmaInt(QSqlDatabase &db, const QString &name, const QString &databasePath,
                      qint64 *value)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA %1").arg(name)) || !query.next())
        return describeSqlError(query.lastError(), databasePath,
                                ProjectStore::tr("Reading the project header"));
    *value = query.value(0).toLongLong();
    return {};
}

QStringList existingTables(QSqlDatabase &db)
{
    QStringList tables;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))) {
        while (query.next())
            tables.append(query.value(0).toString());
    }
    return tables;
}

// Writes a consistent copy next to the database before a migration rewrites it.
QString backUpBeforeMigration(QSqlDatabase &db, const QString &folder, int version,
                              QString *backupPath)
{
    QDir dir(folder);
    QString candidate = dir.filePath(QStringLiteral("project.v%1.sqlite").arg(version));
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = dir.filePath(QStringLiteral("project.v%1-%2.sqlite").arg(version).arg(n));

    QSqlQuery query(db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(candidate);
    if (!query.exec())
        return describeSqlError(query.lastError(), candidate,
                                ProjectStore::tr("Writing a backup before the migration"));
    *backupPath = candidate;
    return {};
}

} // namespace

StoreStatus ProjectStore::create(const QString &folder)
{
    close();
    const QString absolute = QDir(folder).absolutePath();
    const QString dbPath = QDir(absolute).filePath(databaseFileName());
    if (QFileInfo::exists(dbPath))
        return {tr("%1 already contains a project (%2 exists). Open it instead, or choose an "
                   "empty folder for the new project.")
                    .arg(QDir::toNativeSeparators(absolute), databaseFileName())};
    if (!QDir().mkpath(QDir(absolute).filePath(imagesFolderName())))
        return {tr("Cannot create the folder %1. Check that the parent folder exists and is "
                   "writable.")
                    .arg(QDir::toNativeSeparators(QDir(absolute).filePath(imagesFolderName())))};

    StoreStatus status = openConnection(absolute);
    if (!status.isOk())
        return status;
    QSqlDatabase db = connection(m_connectionName);

    QString error = configureConnection(db, dbPath);
    if (error.isEmpty()) {
        db.transaction();
        error = ProjectSchema::createVersion1(db);
        if (error.isEmpty())
            error = ProjectSchema::migrate(db, 1);
        if (error.isEmpty()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("INSERT INTO attributes (name) VALUES (?)"));
            query.addBindValue(defaultAttribute());
            if (!query.exec())
                error = query.lastError().text();
        }
        if (error.isEmpty() && !db.commit())
            error = db.lastError().text();
        if (!error.isEmpty()) {
            db.rollback();
            error = tr("Creating the project tables in %1 failed: %2")
                        .arg(QDir::toNativeSeparators(dbPath), error);
        }
    }
    if (!error.isEmpty()) {
        db = QSqlDatabase();
        close();
        // Remove the half-made file so that create() can be retried in the same folder.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(dbPath + suffix);
        qCWarning(lcProject).noquote() << error;
        return {error};
    }
    qCInfo(lcProject) << "Created project" << absolute;
    return {};
}

StoreStatus ProjectStore::open(const QString &folder)
{
    close();
    const QString absolute = QDir(folder).absolutePath();
    const QString dbPath = QDir(absolute).filePath(databaseFileName());
    if (!QFileInfo(dbPath).isFile())
        return {tr("No ProfileLens project in %1: %2 is missing. Choose the folder that contains "
                   "project.sqlite, or create a new project.")
                    .arg(QDir::toNativeSeparators(absolute), databaseFileName())};

    StoreStatus status = openConnection(absolute);
    if (!status.isOk())
        return status;
    QSqlDatabase db = connection(m_connectionName);
    auto fail = [&](const QString &message) {
        db = QSqlDatabase();
        close();
        qCWarning(lcProject).noquote() << message;
        return StoreStatus{message};
    };

    // The first read of the header fails with "file is not a database" on random bytes.
    qint64 applicationId = 0;
    qint64 version = 0;
    QString error = readPragmaInt(db, QStringLiteral("application_id"), dbPath, &applicationId);
    if (error.isEmpty())
        error = readPragmaInt(db, QStringLiteral("user_version"), dbPath, &version);
    if (!error.isEmpty())
        return fail(error);

    if (applicationId != ApplicationId)
        return fail(tr("%1 is a SQLite database but not a ProfileLens project (its application "
                       "id is %2, tables: %3). Choose the folder of a ProfileLens project, or "
                       "create a new project in an empty folder.")
                        .arg(QDir::toNativeSeparators(dbPath))
                        .arg(applicationId)
                        .arg(existingTables(db).join(QLatin1String(", "))));
    if (version > SchemaVersion)
        return fail(tr("%1 was written by a newer ProfileLens (schema version %2; this version "
                       "reads up to %3). Update ProfileLens to open this project.")
                        .arg(QDir::toNativeSeparators(dbPath))
                        .arg(version)
                        .arg(SchemaVersion));
    if (version < 1)
        return fail(damagedMessage(dbPath, tr("schema version %1 is unknown").arg(version)));

    error = configureConnection(db, dbPath);
    if (!error.isEmpty())
        return fail(error);

    if (version < SchemaVersion) {
        QString backupPath;
        error = backUpBeforeMigration(db, absolute, int(version), &backupPath);
        if (!error.isEmpty())
            return fail(error);

        db.transaction();
        error = ProjectSchema::migrate(db, int(version));
        if (error.isEmpty() && !db.commit())
            error = db.lastError().text();
        if (!error.isEmpty()) {
            db.rollback();
            return fail(tr("Upgrading %1 from schema version %2 to %3 failed: %4. The file is "
                           "unchanged, and a copy was saved as %5.")
                            .arg(QDir::toNativeSeparators(dbPath))
                            .arg(version)
                            .arg(SchemaVersion)
                            .arg(error, QDir::toNativeSeparators(backupPath)));
        }
        qCInfo(lcProject) << "Migrated" << dbPath << "from schema version" << version << "to"
                          << SchemaVersion << "; backup" << backupPath;
    }

    const QStringList tables = existingTables(db);
    for (const QString &table : ProjectSchema::requiredTables()) {
        if (!tables.contains(table))
            return fail(damagedMessage(dbPath, tr("the table \"%1\" is missing").arg(table)));
    }

    QDir().mkpath(imagesPath());
    qCInfo(lcProject) << "Opened project" << absolute;
    return {};
}

// ---------------------------------------------------------------------------------------
// Images

ImportResult ProjectStore::importFile(const QString &path, const ImageSource &source)
{
    const StoreStatus usable = checkUsable();
    if (!usable.isOk())
        return {-1, false, usable.errorString};

    const QFileInfo info(path);
    const QString nativePath = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!info.isFile())
        return {-1, false, tr("%1 was not found or is not a file.").arg(nativePath)};
    if (info.size() > kMaxImportBytes)
        return {-1, false,
                tr("%1 is too large to import (%2 MB; the limit is %3 MB).")
                    .arg(nativePath)
                    .arg(info.size() / (1024 * 1024))
                    .arg(kMaxImportBytes / (1024 * 1024))};

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {-1, false, tr("Cannot read %1: %2").arg(nativePath, file.errorString())};
    const QByteArray data = file.readAll();
    file.close();

    ImageSource stored = source;
    if (stored.location.isEmpty())
        stored.location = info.absoluteFilePath();
    return importBytes(data, nativePath, info.suffix(), stored);
}

ImportResult ProjectStore::importData(const QByteArray &data, const QString &name,
                                      const ImageSource &source)
{
    const StoreStatus usable = checkUsable();
    if (!usable.isOk())
        return {-1, false, usable.errorString};
    return importBytes(data, name, QString(), source);
}

ImportResult ProjectStore::importBytes(const QByteArray &data, const QString &name,
                                       const QString &extension, const ImageSource &source)
{
    // Decode first: only pictures enter the project.
    const LoadedImage loaded = loadImageData(data, name);
    if (!loaded.isValid()) {
        const QString reason = loaded.errorString.isEmpty()
                                   ? tr("%1 could not be decoded as an image.").arg(name)
                                   : loaded.errorString;
        return {-1, false, reason};
    }

    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    QSqlDatabase db = connection(m_connectionName);

    auto findExisting = [&](ImportResult *result) -> bool {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT id, file_name FROM images WHERE sha256 = ?"));
        query.addBindValue(sha256);
        if (!query.exec()) {
            result->errorString = describeSqlError(query.lastError(), databasePath(),
                                                   tr("Importing %1").arg(name));
            return true;
        }
        if (!query.next())
            return false;
        result->imageId = query.value(0).toLongLong();
        result->duplicate = true;
        // Restore the stored copy if someone deleted it from images/.
        const QString storedPath = QDir(imagesPath()).filePath(query.value(1).toString());
        if (!QFileInfo::exists(storedPath)) {
            QSaveFile out(storedPath);
            if (out.open(QIODevice::WriteOnly)) {
                out.write(data);
                out.commit();
            }
        }
        return true;
    };

    ImportResult result;
    if (findExisting(&result))
        return result;

    // Write the file before the row, so a row never names a missing file. A crash between
    // the two leaves an unreferenced file with a content-hash name, which the next import
    // of the same picture reuses.
    const QString fileName =
        sha256 + QLatin1Char('.') + storedExtension(extension, loaded.format);
    const QString storedPath = QDir(imagesPath()).filePath(fileName);
    if (!QFileInfo::exists(storedPath)) {
        QSaveFile out(storedPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit())
            return {-1, false,
                    tr("Cannot save %1 into %2: %3. Check free disk space and permissions.")
                        .arg(name, QDir::toNativeSeparators(imagesPath()), out.errorString())};
    }

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO images (sha256, file_name, width, height, added_at, source_kind, "
        "source_location, handle) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(sha256);
    insert.addBindValue(fileName);
    insert.addBindValue(loaded.image.width());
    insert.addBindValue(loaded.image.height());
    insert.addBindValue(nowMs());
    insert.addBindValue(imageSourceKindKey(source.kind));
    insert.addBindValue(notNull(source.location));
    insert.addBindValue(notNull(source.handle));
    if (!insert.exec()) {
        // Another store on the same project may have inserted the same picture meanwhile.
        ImportResult raced;
        if (findExisting(&raced) && raced.isOk())
            return raced;
        return {-1, false,
                describeSqlError(insert.lastError(), databasePath(), tr("Importing %1").arg(name))};
    }
    return {insert.lastInsertId().toLongLong(), false, QString()};
}

StoreResult<QVector<ImageRecord>> ProjectStore::images() const
{
    StoreResult<QVector<ImageRecord>> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM images ORDER BY id")
                        .arg(QLatin1String(kImageColumns)))) {
        result.errorString =
            describeSqlError(query.lastError(), databasePath(), tr("Listing the images"));
        return result;
    }
    while (query.next())
        result.value.append(imageFromQuery(query));
    return result;
}

StoreResult<ImageRecord> ProjectStore::image(qint64 imageId) const
{
    StoreResult<ImageRecord> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral("SELECT %1 FROM images WHERE id = ?")
                      .arg(QLatin1String(kImageColumns)));
    query.addBindValue(imageId);
    if (!query.exec()) {
        result.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Reading image %1").arg(imageId));
        return result;
    }
    if (!query.next()) {
        result.errorString = tr("Image %1 is not in the project.").arg(imageId);
        return result;
    }
    result.value = imageFromQuery(query);
    return result;
}

StoreResult<int> ProjectStore::imageCount() const
{
    StoreResult<int> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM images")) || !query.next()) {
        result.errorString =
            describeSqlError(query.lastError(), databasePath(), tr("Counting the images"));
        return result;
    }
    result.value = query.value(0).toInt();
    return result;
}

// ---------------------------------------------------------------------------------------
// Labels and attributes

namespace {

// Explains a failed label write: usually an unknown image or attribute.
QString describeLabelFailure(QSqlDatabase &db, const QString &databasePath, qint64 imageId,
                             const QString &attribute, const QSqlError &error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM images WHERE id = ?"));
    query.addBindValue(imageId);
    if (query.exec() && !query.next())
        return ProjectStore::tr("Cannot label image %1: it is not in the project %2.")
            .arg(imageId)
            .arg(QDir::toNativeSeparators(QFileInfo(databasePath).absolutePath()));
    query.prepare(QStringLiteral("SELECT 1 FROM attributes WHERE name = ?"));
    query.addBindValue(attribute);
    if (query.exec() && !query.next())
        return ProjectStore::tr("Cannot label image %1 for \"%2\": the project has no such "
                                "attribute. Add the attribute first.")
            .arg(imageId)
            .arg(attribute);
    return describeSqlError(error, databasePath,
                            ProjectStore::tr("Labelling image %1 for \"%2\"").arg(imageId).arg(attribute));
}

const QString kUpsertLabel = QStringLiteral(
    "INSERT INTO labels (image_id, attribute, value, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (image_id, attribute) DO UPDATE SET value = excluded.value, "
    "updated_at = excluded.updated_at");

} // namespace

StoreStatus ProjectStore::setLabel(qint64 imageId, const QString &attribute, LabelValue value)
{
    StoreStatus status = checkUsable();
    if (!status.isOk())
        return status;
    QSqlDatabase db = connection(m_connectionName);

    // One statement in autocommit mode is its own transaction: it is durable on return.
    QSqlQuery query(db);
    query.prepare(kUpsertLabel);
    query.addBindValue(imageId);
    query.addBindValue(attribute);
    query.addBindValue(labelValueKey(value));
    query.addBindValue(nowMs());
    if (!query.exec())
        status.errorString =
            describeLabelFailure(db, databasePath(), imageId, attribute, query.lastError());
    return status;
}

StoreStatus ProjectStore::setLabels(const QVector<LabelRecord> &labels)
{
    StoreStatus status = checkUsable();
    if (!status.isOk() || labels.isEmpty())
        return status;
    QSqlDatabase db = connection(m_connectionName);

    if (!db.transaction())
        return {describeSqlError(db.lastError(), databasePath(), tr("Starting a transaction"))};
    const qint64 now = nowMs();
    {
        QSqlQuery query(db);
        query.prepare(kUpsertLabel);
        for (const LabelRecord &label : labels) {
            query.bindValue(0, label.imageId);
            query.bindValue(1, label.attribute);
            query.bindValue(2, labelValueKey(label.value));
            query.bindValue(3, now);
            if (!query.exec()) {
                status.errorString = describeLabelFailure(db, databasePath(), label.imageId,
                                                          label.attribute, query.lastError())
                                     + QLatin1Char(' ')
                                     + tr("None of the %1 labels was saved.").arg(labels.size());
                break;
            }
        }
    }
    if (status.isOk() && !db.commit())
        status.errorString =
            describeSqlError(db.lastError(), databasePath(), tr("Saving %1 labels").arg(labels.size()));
    if (!status.isOk())
        db.rollback();
    return status;
}

StoreStatus ProjectStore::clearLabel(qint64 imageId, const QString &attribute)
{
    StoreStatus status = checkUsable();
    if (!status.isOk())
        return status;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM labels WHERE image_id = ? AND attribute = ?"));
    query.addBindValue(imageId);
    query.addBindValue(attribute);
    if (!query.exec())
        status.errorString = describeSqlError(
            query.lastError(), databasePath(),
            tr("Clearing the \"%1\" label of image %2").arg(attribute).arg(imageId));
    return status;
}

StoreResult<std::optional<LabelValue>> ProjectStore::label(qint64 imageId,
                                                           const QString &attribute) const
{
    StoreResult<std::optional<LabelValue>> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral("SELECT value FROM labels WHERE image_id = ? AND attribute = ?"));
    query.addBindValue(imageId);
    query.addBindValue(attribute);
    if (!query.exec()) {
        result.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Reading a label of image %1").arg(imageId));
        return result;
    }
    if (query.next())
        result.value = labelValueFromKey(query.value(0).toString());
    return result;
}

StoreResult<QVector<LabelRecord>> ProjectStore::labels(const QString &attribute) const
{
    StoreResult<QVector<LabelRecord>> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT image_id, value, updated_at FROM labels "
                                 "WHERE attribute = ? ORDER BY image_id"));
    query.addBindValue(attribute);
    if (!query.exec()) {
        result.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Reading the \"%1\" labels").arg(attribute));
        return result;
    }
    while (query.next()) {
        LabelRecord label;
        label.imageId = query.value(0).toLongLong();
        label.attribute = attribute;
        label.value = labelValueFromKey(query.value(1).toString()).value_or(LabelValue::Unsure);
        label.updatedAt = fromMs(query.value(2).toLongLong());
        result.value.append(label);
    }
    return result;
}

StoreResult<LabelCounts> ProjectStore::labelCounts(const QString &attribute) const
{
    StoreResult<LabelCounts> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM images),"
        " sum(value = 'yes'), sum(value = 'no'), sum(value = 'unsure'), count(*)"
        " FROM labels WHERE attribute = ?"));
    query.addBindValue(attribute);
    if (!query.exec() || !query.next()) {
        result.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Counting the \"%1\" labels").arg(attribute));
        return result;
    }
    result.value.yes = query.value(1).toInt();
    result.value.no = query.value(2).toInt();
    result.value.unsure = query.value(3).toInt();
    result.value.unlabeled = query.value(0).toInt() - query.value(4).toInt();
    return result;
}

StoreStatus ProjectStore::addAttribute(const QString &name)
{
    StoreStatus status = checkUsable();
    if (!status.isOk())
        return status;

    QString canonical = name.trimmed();
    for (const QString &celeba : celebaAttributeNames()) {
        if (celeba.compare(canonical, Qt::CaseInsensitive) == 0)
            canonical = celeba;
    }
    status.errorString = validateAttributeName(canonical);
    if (!status.isOk())
        return status;

    const StoreResult<QStringList> existing = attributes();
    if (!existing.isOk())
        return {existing.errorString};
    for (const QString &attribute : existing.value) {
        if (attribute == canonical)
            return {};
        if (attribute.compare(canonical, Qt::CaseInsensitive) == 0)
            return {tr("The project already has the attribute \"%1\"; \"%2\" differs only in "
                       "letter case. Use \"%1\".")
                        .arg(attribute, canonical)};
    }

    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral("INSERT INTO attributes (name) VALUES (?)"));
    query.addBindValue(canonical);
    if (!query.exec())
        status.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Adding the attribute \"%1\"").arg(canonical));
    return status;
}

StoreResult<QStringList> ProjectStore::attributes() const
{
    StoreResult<QStringList> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT name FROM attributes ORDER BY rowid"))) {
        result.errorString =
            describeSqlError(query.lastError(), databasePath(), tr("Listing the attributes"));
        return result;
    }
    while (query.next())
        result.value.append(query.value(0).toString());
    return result;
}

// ---------------------------------------------------------------------------------------
// Manual eyes

StoreStatus ProjectStore::setManualEyes(qint64 imageId, const EyePoints &eyes)
{
    StoreStatus status = checkUsable();
    if (!status.isOk())
        return status;
    QSqlDatabase db = connection(m_connectionName);
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO manual_eyes (image_id, left_x, left_y, right_x, right_y, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(imageId);
    query.addBindValue(eyes.left.x());
    query.addBindValue(eyes.left.y());
    query.addBindValue(eyes.right.x());
    query.addBindValue(eyes.right.y());
    query.addBindValue(nowMs());
    if (!query.exec()) {
        const StoreResult<ImageRecord> known = image(imageId);
        status.errorString = known.isOk()
                                 ? describeSqlError(query.lastError(), databasePath(),
                                                    tr("Saving the eyes of image %1").arg(imageId))
                                 : known.errorString;
    }
    return status;
}

StoreResult<std::optional<EyePoints>> ProjectStore::manualEyes(qint64 imageId) const
{
    StoreResult<std::optional<EyePoints>> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral(
        "SELECT left_x, left_y, right_x, right_y FROM manual_eyes WHERE image_id = ?"));
    query.addBindValue(imageId);
    if (!query.exec()) {
        result.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Reading the eyes of image %1").arg(imageId));
        return result;
    }
    if (query.next()) {
        EyePoints eyes;
        eyes.left = QPointF(query.value(0).toDouble(), query.value(1).toDouble());
        eyes.right = QPointF(query.value(2).toDouble(), query.value(3).toDouble());
        result.value = eyes;
    }
    return result;
}

StoreStatus ProjectStore::clearManualEyes(qint64 imageId)
{
    StoreStatus status = checkUsable();
    if (!status.isOk())
        return status;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM manual_eyes WHERE image_id = ?"));
    query.addBindValue(imageId);
    if (!query.exec())
        status.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Clearing the eyes of image %1").arg(imageId));
    return status;
}

// ---------------------------------------------------------------------------------------
// Models and predictions

StoreResult<qint64> ProjectStore::addModel(const ModelRecord &model)
{
    StoreResult<qint64> result;
    result.value = -1;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    if (!(model.threshold >= 0.0 && model.threshold <= 1.0)) {
        result.errorString = tr("Invalid threshold %1 for model \"%2\": it must lie between 0 "
                                "and 1.")
                                 .arg(model.threshold)
                                 .arg(model.name);
        return result;
    }
    QSqlDatabase db = connection(m_connectionName);
    if (!db.transaction()) {
        result.errorString =
            describeSqlError(db.lastError(), databasePath(), tr("Starting a transaction"));
        return result;
    }

    QSqlQuery query(db);
    bool ok = true;
    if (model.active)
        ok = query.exec(QStringLiteral("UPDATE models SET active = 0 WHERE active = 1"));
    if (ok) {
        query.prepare(QStringLiteral(
            "INSERT INTO models (name, attribute, file_path, created_at, metrics_json, "
            "threshold, active) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(notNull(model.name));
        query.addBindValue(notNull(model.attribute));
        query.addBindValue(notNull(model.filePath));
        query.addBindValue(model.createdAt.isValid() ? model.createdAt.toMSecsSinceEpoch() : nowMs());
        query.addBindValue(QString::fromUtf8(QJsonDocument(model.metrics).toJson(QJsonDocument::Compact)));
        query.addBindValue(model.threshold);
        query.addBindValue(model.active ? 1 : 0);
        ok = query.exec();
    }
    if (ok)
        result.value = query.lastInsertId().toLongLong();
    if (ok && !db.commit()) {
        result.errorString = describeSqlError(db.lastError(), databasePath(),
                                              tr("Registering the model \"%1\"").arg(model.name));
    } else if (!ok) {
        result.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Registering the model \"%1\"").arg(model.name));
    }
    if (!result.isOk()) {
        result.value = -1;
        db.rollback();
    }
    return result;
}

StoreResult<QVector<ModelRecord>> ProjectStore::models() const
{
    StoreResult<QVector<ModelRecord>> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT %1 FROM models ORDER BY id")
                        .arg(QLatin1String(kModelColumns)))) {
        result.errorString =
            describeSqlError(query.lastError(), databasePath(), tr("Listing the models"));
        return result;
    }
    while (query.next())
        result.value.append(modelFromQuery(query));
    return result;
}

StoreStatus ProjectStore::setActiveModel(qint64 modelId)
{
    StoreStatus status = checkUsable();
    if (!status.isOk())
        return status;
    QSqlDatabase db = connection(m_connectionName);
    if (!db.transaction())
        return {describeSqlError(db.lastError(), databasePath(), tr("Starting a transaction"))};

    QSqlQuery query(db);
    bool ok = query.exec(QStringLiteral("UPDATE models SET active = 0 WHERE active = 1"));
    if (ok) {
        query.prepare(QStringLiteral("UPDATE models SET active = 1 WHERE id = ?"));
        query.addBindValue(modelId);
        ok = query.exec();
    }
    if (!ok) {
        status.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Activating model %1").arg(modelId));
    } else if (query.numRowsAffected() != 1) {
        status.errorString = tr("Model %1 is not in the project.").arg(modelId);
    } else if (!db.commit()) {
        status.errorString = describeSqlError(db.lastError(), databasePath(),
                                              tr("Activating model %1").arg(modelId));
    }
    if (!status.isOk())
        db.rollback();
    return status;
}

StoreResult<std::optional<ModelRecord>> ProjectStore::activeModel() const
{
    StoreResult<std::optional<ModelRecord>> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT %1 FROM models WHERE active = 1")
                        .arg(QLatin1String(kModelColumns)))) {
        result.errorString =
            describeSqlError(query.lastError(), databasePath(), tr("Reading the active model"));
        return result;
    }
    if (query.next())
        result.value = modelFromQuery(query);
    return result;
}

StoreStatus ProjectStore::setModelThreshold(qint64 modelId, double threshold)
{
    StoreStatus status = checkUsable();
    if (!status.isOk())
        return status;
    if (!(threshold >= 0.0 && threshold <= 1.0))
        return {tr("Invalid threshold %1 for model %2: it must lie between 0 and 1.")
                    .arg(threshold)
                    .arg(modelId)};
    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral("UPDATE models SET threshold = ? WHERE id = ?"));
    query.addBindValue(threshold);
    query.addBindValue(modelId);
    if (!query.exec())
        status.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Setting the threshold of model %1").arg(modelId));
    else if (query.numRowsAffected() != 1)
        status.errorString = tr("Model %1 is not in the project.").arg(modelId);
    return status;
}

StoreStatus ProjectStore::storePredictions(const QVector<PredictionRecord> &predictions)
{
    StoreStatus status = checkUsable();
    if (!status.isOk() || predictions.isEmpty())
        return status;
    QSqlDatabase db = connection(m_connectionName);
    if (!db.transaction())
        return {describeSqlError(db.lastError(), databasePath(), tr("Starting a transaction"))};

    const qint64 now = nowMs();
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO predictions (model_id, image_id, probability, "
            "alignment_status, updated_at) VALUES (?, ?, ?, ?, ?)"));
        for (const PredictionRecord &prediction : predictions) {
            query.bindValue(0, prediction.modelId);
            query.bindValue(1, prediction.imageId);
            query.bindValue(2, prediction.probability ? QVariant(*prediction.probability)
                                                      : QVariant(QMetaType::fromType<double>()));
            query.bindValue(3, notNull(prediction.alignmentStatus));
            query.bindValue(4, now);
            if (!query.exec()) {
                status.errorString =
                    describeSqlError(query.lastError(), databasePath(),
                                     tr("Saving the prediction of model %1 for image %2 (none "
                                        "of the %3 predictions was saved)")
                                         .arg(prediction.modelId)
                                         .arg(prediction.imageId)
                                         .arg(predictions.size()));
                break;
            }
        }
    }
    if (status.isOk() && !db.commit())
        status.errorString =
            describeSqlError(db.lastError(), databasePath(), tr("Saving the predictions"));
    if (!status.isOk())
        db.rollback();
    return status;
}

StoreResult<QVector<PredictionRecord>> ProjectStore::predictions(qint64 modelId) const
{
    StoreResult<QVector<PredictionRecord>> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT image_id, probability, alignment_status FROM "
                                 "predictions WHERE model_id = ? ORDER BY image_id"));
    query.addBindValue(modelId);
    if (!query.exec()) {
        result.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Reading the predictions of model %1").arg(modelId));
        return result;
    }
    while (query.next()) {
        PredictionRecord prediction;
        prediction.modelId = modelId;
        prediction.imageId = query.value(0).toLongLong();
        if (!query.value(1).isNull())
            prediction.probability = query.value(1).toDouble();
        prediction.alignmentStatus = query.value(2).toString();
        result.value.append(prediction);
    }
    return result;
}

// ---------------------------------------------------------------------------------------
// Settings and maintenance

StoreStatus ProjectStore::setSetting(const QString &key, const QString &value)
{
    StoreStatus status = checkUsable();
    if (!status.isOk())
        return status;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(notNull(value));
    if (!query.exec())
        status.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Saving the setting \"%1\"").arg(key));
    return status;
}

StoreResult<std::optional<QString>> ProjectStore::setting(const QString &key) const
{
    StoreResult<std::optional<QString>> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec()) {
        result.errorString = describeSqlError(query.lastError(), databasePath(),
                                              tr("Reading the setting \"%1\"").arg(key));
        return result;
    }
    if (query.next())
        result.value = query.value(0).toString();
    return result;
}

StoreResult<QString> ProjectStore::checkIntegrity() const
{
    StoreResult<QString> result;
    result.errorString = checkUsable().errorString;
    if (!result.isOk())
        return result;
    QSqlQuery query(connection(m_connectionName));
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        result.errorString =
            describeSqlError(query.lastError(), databasePath(), tr("Checking the database"));
        return result;
    }
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    result.value = lines.join(QLatin1Char('\n'));
    return result;
}

} // namespace ProfileLens
