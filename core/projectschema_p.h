#pragma once

// Private to ProjectStore: the SQL that creates and migrates a project database.

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ProfileLens::ProjectSchema {

/// Tables every current project has; open() rejects a database that lacks one.
const QStringList &requiredTables();

/// Creates the version-1 tables in an empty database. create() runs this followed by
/// migrate(db, 1), so new projects and migrated ones share one schema path.
/// Returns an empty string on success, otherwise the failing statement and SQLite's message.
QString createVersion1(QSqlDatabase &db);

/// Upgrades the tables from \a fromVersion to ProjectStore::SchemaVersion and sets
/// PRAGMA user_version. Must run inside the caller's transaction, so a failed step leaves
/// the file as it was. Returns an empty string on success.
QString migrate(QSqlDatabase &db, int fromVersion);

} // namespace ProfileLens::ProjectSchema
