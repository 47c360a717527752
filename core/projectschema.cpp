#include "projectschema_p.h"

#include "projectstore.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace ProfileLens::ProjectSchema {

namespace {

QString execAll(QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &statement : statements) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            return QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), statement.simplified());
    }
    return {};
}

// Version 2 adds label timestamps, hand-placed eyes, models and predictions.
QString migrateVersion1To2(QSqlDatabase &db)
{
    const QString nowMs = QString::number(QDateTime::currentMSecsSinceEpoch());
    return execAll(db, {
        QStringLiteral("ALTER TABLE labels ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0"),
        // Version 1 kept no time; the migration time is the best known upper bound.
        QStringLiteral("UPDATE labels SET updated_at = %1").arg(nowMs),
        QStringLiteral("CREATE INDEX labels_by_attribute ON labels(attribute, value)"),
        QStringLiteral(
            "CREATE TABLE manual_eyes ("
            " image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,"
            " left_x REAL NOT NULL, left_y REAL NOT NULL,"
            " right_x REAL NOT NULL, right_y REAL NOT NULL,"
            " updated_at INTEGER NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE models ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL,"
            " attribute TEXT NOT NULL DEFAULT '',"
            " file_path TEXT NOT NULL,"
            " created_at INTEGER NOT NULL,"
            " metrics_json TEXT NOT NULL DEFAULT '{}',"
            " threshold REAL NOT NULL DEFAULT 0.5 CHECK (threshold BETWEEN 0 AND 1),"
            " active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)))"),
        // A partial unique index lets SQLite itself enforce "at most one active model".
        QStringLiteral("CREATE UNIQUE INDEX models_one_active ON models(active) WHERE active = 1"),
        QStringLiteral(
            "CREATE TABLE predictions ("
            " model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,"
            " image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
            " probability REAL,"
            " alignment_status TEXT NOT NULL DEFAULT '',"
            " updated_at INTEGER NOT NULL,"
            " PRIMARY KEY (model_id, image_id))"),
    });
}

} // namespace

const QStringList &requiredTables()
{
    static const QStringList tables{
        QStringLiteral("images"),      QStringLiteral("attributes"), QStringLiteral("labels"),
        QStringLiteral("manual_eyes"), QStringLiteral("models"),     QStringLiteral("predictions"),
        QStringLiteral("settings"),
    };
    return tables;
}

QString createVersion1(QSqlDatabase &db)
{
    return execAll(db, {
        QStringLiteral("PRAGMA application_id = %1").arg(ProjectStore::ApplicationId),
        QStringLiteral(
            "CREATE TABLE images ("
            " id INTEGER PRIMARY KEY,"
            " sha256 TEXT NOT NULL UNIQUE,"
            " file_name TEXT NOT NULL,"
            " width INTEGER NOT NULL,"
            " height INTEGER NOT NULL,"
            " added_at INTEGER NOT NULL,"
            " source_kind TEXT NOT NULL CHECK (source_kind IN ('file', 'url', 'handle')),"
            " source_location TEXT NOT NULL DEFAULT '',"
            " handle TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE attributes (name TEXT PRIMARY KEY)"),
        QStringLiteral(
            "CREATE TABLE labels ("
            " image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
            " attribute TEXT NOT NULL REFERENCES attributes(name) ON DELETE CASCADE,"
            " value TEXT NOT NULL CHECK (value IN ('yes', 'no', 'unsure')),"
            " PRIMARY KEY (image_id, attribute))"),
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("PRAGMA user_version = 1"),
    });
}

QString migrate(QSqlDatabase &db, int fromVersion)
{
    if (fromVersion < 2) {
        const QString error = migrateVersion1To2(db);
        if (!error.isEmpty())
            return error;
    }
    return execAll(db, {QStringLiteral("PRAGMA user_version = %1").arg(ProjectStore::SchemaVersion)});
}

} // namespace ProfileLens::ProjectSchema
