// Tests ProjectStore against real SQLite files and real images in temporary folders.

#include "projectstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ProfileLens;

namespace {

const QString kAstronaut = QStringLiteral(PROFILELENS_TEST_DATA_DIR "/astronaut.png");

// Writes a small picture whose pixels depend on seed, so each seed gives new content.
QString writeImage(const QString &path, int seed, const char *format)
{
    QImage image(40 + seed % 7, 30 + seed % 5, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            image.setPixelColor(x, y, QColor((x * 7 + seed * 31) % 256, (y * 11 + seed) % 256,
                                             (x + y + seed * 13) % 256));
    }
    if (!image.save(path, format))
        qFatal("cannot write test image %s", qPrintable(path));
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

// Runs statements on a database through a private connection, outside ProjectStore.
QString execOnFile(const QString &databasePath, const QStringList &statements)
{
    const QString name = QStringLiteral("test-direct-%1").arg(QRandomGenerator::global()->generate());
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            for (const QString &statement : statements) {
                if (!query.exec(statement)) {
                    error = statement + QLatin1String(": ") + query.lastError().text();
                    break;
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

qint64 pragmaOnFile(const QString &databasePath, const QString &pragma)
{
    const QString name = QStringLiteral("test-pragma-%1").arg(QRandomGenerator::global()->generate());
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA ") + pragma) && query.next())
                value = query.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

class TestProjectStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createAndReopen();
    void createRejectsExistingProject();
    void openMissingProject();
    void importImages_data();
    void importImages();
    void importDuplicates();
    void importRejectsNonImages_data();
    void importRejectsNonImages();
    void labelsRoundTrip();
    void bulkLabelsAllOrNothing();
    void labelUnknownImageOrAttribute();
    void attributes_data();
    void attributes();
    void manualEyes();
    void modelsAndPredictions();
    void settings();
    void storeRejectsOtherThread();
    void migrateFromVersion1();
    void openRejectsBadFiles_data();
    void openRejectsBadFiles();
    void killedWriterKeepsConfirmedLabels();
};

void TestProjectStore::createAndReopen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("new project"));

    {
        ProjectStore store;
        const StoreStatus created = store.create(folder);
        QVERIFY2(created.isOk(), qPrintable(created.errorString));
        QVERIFY(store.isOpen());
        QVERIFY(QFileInfo(folder + QStringLiteral("/project.sqlite")).isFile());
        QVERIFY(QFileInfo(folder + QStringLiteral("/images")).isDir());
        QCOMPARE(store.attributes().value, QStringList{QStringLiteral("Eyeglasses")});
        QCOMPARE(store.imageCount().value, 0);
    }

    const QString dbPath = folder + QStringLiteral("/project.sqlite");
    QCOMPARE(pragmaOnFile(dbPath, QStringLiteral("user_version")), qint64(ProjectStore::SchemaVersion));
    QCOMPARE(pragmaOnFile(dbPath, QStringLiteral("application_id")), qint64(ProjectStore::ApplicationId));

    ProjectStore store;
    const StoreStatus opened = store.open(folder);
    QVERIFY2(opened.isOk(), qPrintable(opened.errorString));
    QCOMPARE(store.folder(), QDir(folder).absolutePath());
    QCOMPARE(store.checkIntegrity().value, QStringLiteral("ok"));

    // SQLite stores WAL mode in the file, so a fresh connection reports it too.
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("wal-check"));
    db.setDatabaseName(dbPath);
    QVERIFY(db.open());
    {
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("wal-check"));
}

void TestProjectStore::createRejectsExistingProject()
{
    QTemporaryDir dir;
    ProjectStore first;
    QVERIFY(first.create(dir.path()).isOk());
    first.close();

    ProjectStore second;
    const StoreStatus status = second.create(dir.path());
    QVERIFY(!status.isOk());
    QVERIFY2(status.errorString.contains(QStringLiteral("already contains a project")),
             qPrintable(status.errorString));
    QVERIFY(!second.isOpen());
}

void TestProjectStore::openMissingProject()
{
    QTemporaryDir dir;
    ProjectStore store;
    const StoreStatus status = store.open(dir.path());
    QVERIFY(!status.isOk());
    QVERIFY2(status.errorString.contains(QDir::toNativeSeparators(dir.path())),
             qPrintable(status.errorString));
    QVERIFY2(status.errorString.contains(QStringLiteral("project.sqlite is missing")),
             qPrintable(status.errorString));
    QVERIFY(!store.isOpen());
    QVERIFY(!store.importFile(kAstronaut).isOk());
}

void TestProjectStore::importImages_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("storedExtension");

    QTest::newRow("astronaut png") << QString() << QByteArray() << QStringLiteral("png");
    QTest::newRow("generated png") << QStringLiteral("face.png") << QByteArray("PNG") << QStringLiteral("png");
    QTest::newRow("generated jpeg") << QStringLiteral("face.jpeg") << QByteArray("JPEG") << QStringLiteral("jpeg");
    QTest::newRow("upper-case suffix") << QStringLiteral("FACE.JPG") << QByteArray("JPEG") << QStringLiteral("jpg");
    QTest::newRow("no suffix") << QStringLiteral("face") << QByteArray("PNG") << QStringLiteral("png");
    QTest::newRow("misleading suffix") << QStringLiteral("face.txt") << QByteArray("JPEG") << QStringLiteral("jpg");
}

void TestProjectStore::importImages()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, format);
    QFETCH(QString, storedExtension);

    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(store.create(dir.filePath(QStringLiteral("project"))).isOk());

    const QString source = fileName.isEmpty()
                               ? kAstronaut
                               : writeImage(dir.filePath(fileName), 3, format.constData());
    const QByteArray content = readFile(source);
    QVERIFY(!content.isEmpty());
    const QImage expected(source, format.isEmpty() ? nullptr : format.constData());

    const ImportResult result = store.importFile(source);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QVERIFY(!result.duplicate);
    QVERIFY(result.imageId > 0);

    const StoreResult<ImageRecord> record = store.image(result.imageId);
    QVERIFY2(record.isOk(), qPrintable(record.errorString));
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    QCOMPARE(record.value.sha256, sha);
    QCOMPARE(record.value.fileName, sha + QLatin1Char('.') + storedExtension);
    QCOMPARE(record.value.width, expected.width());
    QCOMPARE(record.value.height, expected.height());
    QCOMPARE(record.value.source.kind, ImageSourceKind::File);
    QCOMPARE(record.value.source.location, QFileInfo(source).absoluteFilePath());
    QVERIFY(record.value.addedAt.isValid());
    QCOMPARE(readFile(store.imageFilePath(record.value)), content);

    // Nothing but the stored image is left in images/ (no temporary file of QSaveFile).
    const QStringList stored = QDir(store.imagesPath()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(stored, QStringList{record.value.fileName});
}

void TestProjectStore::importDuplicates()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(store.create(dir.filePath(QStringLiteral("project"))).isOk());

    const ImportResult first = store.importFile(kAstronaut);
    QVERIFY2(first.isOk(), qPrintable(first.errorString));
    QVERIFY(!first.duplicate);

    const ImportResult again = store.importFile(kAstronaut);
    QVERIFY2(again.isOk(), qPrintable(again.errorString));
    QVERIFY(again.duplicate);
    QCOMPARE(again.imageId, first.imageId);

    // Same bytes under another name, and as a download.
    const QString copy = dir.filePath(QStringLiteral("copy-of-astronaut.png"));
    QVERIFY(QFile::copy(kAstronaut, copy));
    const ImportResult renamed = store.importFile(copy);
    QVERIFY(renamed.duplicate);
    QCOMPARE(renamed.imageId, first.imageId);

    ImageSource download{ImageSourceKind::Url, QStringLiteral("http://127.0.0.1/a.png"), QString()};
    const ImportResult downloaded =
        store.importData(readFile(kAstronaut), QStringLiteral("http://127.0.0.1/a.png"), download);
    QVERIFY(downloaded.duplicate);
    QCOMPARE(downloaded.imageId, first.imageId);

    // New content through importData gets its own row with the URL as its source.
    const QString other = writeImage(dir.filePath(QStringLiteral("other.jpg")), 9, "JPEG");
    ImageSource handle{ImageSourceKind::Handle, QStringLiteral("http://127.0.0.1/x/some_user"),
                       QStringLiteral("some_user")};
    const ImportResult fresh = store.importData(readFile(other), QStringLiteral("some_user"), handle);
    QVERIFY2(fresh.isOk(), qPrintable(fresh.errorString));
    QVERIFY(!fresh.duplicate);
    QVERIFY(fresh.imageId != first.imageId);
    const ImageRecord record = store.image(fresh.imageId).value;
    QVERIFY(record.fileName.endsWith(QStringLiteral(".jpg")));
    QCOMPARE(record.source.kind, ImageSourceKind::Handle);
    QCOMPARE(record.source.handle, QStringLiteral("some_user"));

    QCOMPARE(store.imageCount().value, 2);
    QCOMPARE(QDir(store.imagesPath()).entryList(QDir::Files).size(), 2);

    // A stored copy deleted by hand comes back on the next import of the same picture.
    const ImageRecord astronaut = store.image(first.imageId).value;
    QVERIFY(QFile::remove(store.imageFilePath(astronaut)));
    QVERIFY(store.importFile(kAstronaut).duplicate);
    QCOMPARE(readFile(store.imageFilePath(astronaut)), readFile(kAstronaut));
}

void TestProjectStore::importRejectsNonImages_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");

    QTest::newRow("text file") << QStringLiteral("notes.png") << QByteArray("just some words\n");
    QTest::newRow("html page") << QStringLiteral("page.jpg")
                               << QByteArray("<!DOCTYPE html><html><body>Not found</body></html>");
    QTest::newRow("empty file") << QStringLiteral("empty.png") << QByteArray();
    QTest::newRow("missing file") << QStringLiteral("missing.png") << QByteArray("<missing>");
}

void TestProjectStore::importRejectsNonImages()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);

    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(store.create(dir.filePath(QStringLiteral("project"))).isOk());

    const QString path = dir.filePath(fileName);
    if (content != "<missing>")
        writeFile(path, content);

    const ImportResult result = store.importFile(path);
    QVERIFY(!result.isOk());
    QCOMPARE(result.imageId, qint64(-1));
    QVERIFY2(result.errorString.contains(fileName), qPrintable(result.errorString));
    QCOMPARE(store.imageCount().value, 0);
    QVERIFY(QDir(store.imagesPath()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void TestProjectStore::labelsRoundTrip()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("project"));
    qint64 ids[3];
    {
        ProjectStore store;
        QVERIFY(store.create(folder).isOk());
        for (int i = 0; i < 3; ++i) {
            const ImportResult imported = store.importFile(
                writeImage(dir.filePath(QStringLiteral("img%1.png").arg(i)), i, "PNG"));
            QVERIFY2(imported.isOk(), qPrintable(imported.errorString));
            ids[i] = imported.imageId;
        }
        const QString eyeglasses = ProjectStore::defaultAttribute();
        QVERIFY(store.setLabel(ids[0], eyeglasses, LabelValue::Yes).isOk());
        QVERIFY(store.setLabel(ids[1], eyeglasses, LabelValue::Unsure).isOk());
        // Changing a label replaces the old value.
        QVERIFY(store.setLabel(ids[1], eyeglasses, LabelValue::No).isOk());
        QVERIFY(store.setLabel(ids[2], eyeglasses, LabelValue::Unsure).isOk());
        QVERIFY(store.clearLabel(ids[2], eyeglasses).isOk());
    }

    ProjectStore store;
    QVERIFY(store.open(folder).isOk());
    const QString eyeglasses = ProjectStore::defaultAttribute();
    QCOMPARE(store.label(ids[0], eyeglasses).value, std::optional<LabelValue>(LabelValue::Yes));
    QCOMPARE(store.label(ids[1], eyeglasses).value, std::optional<LabelValue>(LabelValue::No));
    QCOMPARE(store.label(ids[2], eyeglasses).value, std::optional<LabelValue>());

    const StoreResult<QVector<LabelRecord>> all = store.labels(eyeglasses);
    QVERIFY(all.isOk());
    QCOMPARE(all.value.size(), 2);
    QCOMPARE(all.value.at(0).imageId, ids[0]);
    QVERIFY(all.value.at(0).updatedAt.isValid());

    const LabelCounts counts = store.labelCounts(eyeglasses).value;
    QCOMPARE(counts.yes, 1);
    QCOMPARE(counts.no, 1);
    QCOMPARE(counts.unsure, 0);
    QCOMPARE(counts.unlabeled, 1);

    QCOMPARE(labelValueKey(LabelValue::Unsure), QStringLiteral("unsure"));
    QCOMPARE(labelValueFromKey(QStringLiteral(" YES ")), std::optional<LabelValue>(LabelValue::Yes));
    QCOMPARE(labelValueFromKey(QStringLiteral("maybe")), std::optional<LabelValue>());
}

void TestProjectStore::bulkLabelsAllOrNothing()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(store.create(dir.filePath(QStringLiteral("project"))).isOk());
    QVERIFY(store.addAttribute(QStringLiteral("Smiling")).isOk());
    QVector<qint64> ids;
    for (int i = 0; i < 20; ++i)
        ids.append(store.importFile(writeImage(dir.filePath(QStringLiteral("b%1.png").arg(i)), i, "PNG")).imageId);

    QVector<LabelRecord> batch;
    for (int i = 0; i < ids.size(); ++i) {
        batch.append({ids[i], QStringLiteral("Eyeglasses"), i % 2 ? LabelValue::Yes : LabelValue::No, {}});
        batch.append({ids[i], QStringLiteral("Smiling"), LabelValue::Unsure, {}});
    }
    const StoreStatus saved = store.setLabels(batch);
    QVERIFY2(saved.isOk(), qPrintable(saved.errorString));
    QCOMPARE(store.labelCounts(QStringLiteral("Eyeglasses")).value.yes, 10);
    QCOMPARE(store.labelCounts(QStringLiteral("Eyeglasses")).value.no, 10);
    QCOMPARE(store.labelCounts(QStringLiteral("Smiling")).value.unsure, 20);

    // One bad row (an image that does not exist) rolls back the whole batch.
    QVector<LabelRecord> broken;
    for (qint64 id : ids)
        broken.append({id, QStringLiteral("Eyeglasses"), LabelValue::Unsure, {}});
    broken.append({999999, QStringLiteral("Eyeglasses"), LabelValue::Yes, {}});
    const StoreStatus rejected = store.setLabels(broken);
    QVERIFY(!rejected.isOk());
    QVERIFY2(rejected.errorString.contains(QStringLiteral("999999")), qPrintable(rejected.errorString));
    QCOMPARE(store.labelCounts(QStringLiteral("Eyeglasses")).value.unsure, 0);
    QCOMPARE(store.labelCounts(QStringLiteral("Eyeglasses")).value.yes, 10);
}

void TestProjectStore::labelUnknownImageOrAttribute()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(store.create(dir.filePath(QStringLiteral("project"))).isOk());
    const qint64 id = store.importFile(kAstronaut).imageId;

    const StoreStatus unknownAttribute = store.setLabel(id, QStringLiteral("Wearing_Hat"), LabelValue::Yes);
    QVERIFY(!unknownAttribute.isOk());
    QVERIFY2(unknownAttribute.errorString.contains(QStringLiteral("Wearing_Hat")),
             qPrintable(unknownAttribute.errorString));
    QVERIFY2(unknownAttribute.errorString.contains(QStringLiteral("Add the attribute")),
             qPrintable(unknownAttribute.errorString));

    const StoreStatus unknownImage = store.setLabel(id + 100, QStringLiteral("Eyeglasses"), LabelValue::Yes);
    QVERIFY(!unknownImage.isOk());
    QVERIFY2(unknownImage.errorString.contains(QString::number(id + 100)),
             qPrintable(unknownImage.errorString));
    QCOMPARE(store.labels(QStringLiteral("Eyeglasses")).value.size(), 0);
}

void TestProjectStore::attributes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("storedAs");

    QTest::newRow("celeba name") << QStringLiteral("Wearing_Hat") << true << QStringLiteral("Wearing_Hat");
    QTest::newRow("celeba name in lower case") << QStringLiteral("wearing_hat") << true << QStringLiteral("Wearing_Hat");
    QTest::newRow("celeba name starting with digit") << QStringLiteral("5_o_clock_shadow") << true << QStringLiteral("5_o_Clock_Shadow");
    QTest::newRow("custom name") << QStringLiteral("Sunglasses") << true << QStringLiteral("Sunglasses");
    QTest::newRow("custom with hyphen") << QStringLiteral("Face-Mask") << true << QStringLiteral("Face-Mask");
    QTest::newRow("existing default") << QStringLiteral("Eyeglasses") << true << QStringLiteral("Eyeglasses");
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("space inside") << QStringLiteral("Red Hair") << false << QString();
    QTest::newRow("leading underscore") << QStringLiteral("_hidden") << false << QString();
    QTest::newRow("too long") << QString(65, QLatin1Char('a')) << false << QString();
    QTest::newRow("sql quote") << QStringLiteral("x'); DROP TABLE labels;--") << false << QString();
}

void TestProjectStore::attributes()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    QFETCH(QString, storedAs);

    QCOMPARE(ProjectStore::celebaAttributeNames().size(), 40);

    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(store.create(dir.filePath(QStringLiteral("project"))).isOk());

    const StoreStatus status = store.addAttribute(name);
    QCOMPARE(status.isOk(), accepted);
    const QStringList stored = store.attributes().value;
    if (accepted) {
        QVERIFY(stored.contains(storedAs));
        QCOMPARE(stored.size(), storedAs == QLatin1String("Eyeglasses") ? 1 : 2);
    } else {
        QVERIFY2(status.errorString.contains(QStringLiteral("Invalid attribute name")),
                 qPrintable(status.errorString));
        QCOMPARE(stored, QStringList{QStringLiteral("Eyeglasses")});
    }
}

void TestProjectStore::manualEyes()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(store.create(dir.filePath(QStringLiteral("project"))).isOk());
    const qint64 id = store.importFile(kAstronaut).imageId;

    QCOMPARE(store.manualEyes(id).value.has_value(), false);
    QVERIFY(store.setManualEyes(id, {QPointF(120.5, 140.25), QPointF(180.0, 141.0)}).isOk());
    std::optional<EyePoints> eyes = store.manualEyes(id).value;
    QVERIFY(eyes.has_value());
    QCOMPARE(eyes->left, QPointF(120.5, 140.25));
    QCOMPARE(eyes->right, QPointF(180.0, 141.0));

    QVERIFY(store.setManualEyes(id, {QPointF(1, 2), QPointF(3, 4)}).isOk());
    QCOMPARE(store.manualEyes(id).value->right, QPointF(3, 4));

    QVERIFY(store.clearManualEyes(id).isOk());
    QCOMPARE(store.manualEyes(id).value.has_value(), false);

    const StoreStatus unknown = store.setManualEyes(id + 1, {QPointF(1, 2), QPointF(3, 4)});
    QVERIFY(!unknown.isOk());
    QVERIFY2(unknown.errorString.contains(QString::number(id + 1)), qPrintable(unknown.errorString));
}

void TestProjectStore::modelsAndPredictions()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("project"));
    ProjectStore store;
    QVERIFY(store.create(folder).isOk());
    const qint64 first = store.importFile(kAstronaut).imageId;
    const qint64 second = store.importFile(writeImage(dir.filePath(QStringLiteral("p.png")), 5, "PNG")).imageId;

    QCOMPARE(store.activeModel().value.has_value(), false);

    ModelRecord model;
    model.name = QStringLiteral("eyeglasses-v1");
    model.attribute = QStringLiteral("Eyeglasses");
    model.filePath = QStringLiteral("/models/eyeglasses-v1.pt");
    model.metrics = QJsonObject{{QStringLiteral("auc"), 0.93}};
    model.active = true;
    const StoreResult<qint64> a = store.addModel(model);
    QVERIFY2(a.isOk(), qPrintable(a.errorString));
    model.name = QStringLiteral("eyeglasses-v2");
    model.active = false;
    const StoreResult<qint64> b = store.addModel(model);
    QVERIFY2(b.isOk(), qPrintable(b.errorString));

    QCOMPARE(store.activeModel().value->id, a.value);
    QVERIFY(store.setActiveModel(b.value).isOk());
    const QVector<ModelRecord> models = store.models().value;
    QCOMPARE(models.size(), 2);
    QCOMPARE(models.at(0).active, false);
    QCOMPARE(models.at(1).active, true);
    QCOMPARE(models.at(0).metrics.value(QStringLiteral("auc")).toDouble(), 0.93);
    QVERIFY(models.at(0).createdAt.isValid());
    QVERIFY(!store.setActiveModel(12345).isOk());
    QCOMPARE(store.activeModel().value->id, b.value);

    QVERIFY(store.setModelThreshold(b.value, 0.35).isOk());
    QCOMPARE(store.activeModel().value->threshold, 0.35);
    QVERIFY(!store.setModelThreshold(b.value, 1.5).isOk());
    QVERIFY(!store.setModelThreshold(12345, 0.5).isOk());

    QVector<PredictionRecord> predictions{
        {b.value, first, 0.875, QStringLiteral("found")},
        {b.value, second, std::nullopt, QStringLiteral("no-face")},
    };
    QVERIFY(store.storePredictions(predictions).isOk());
    predictions[0].probability = 0.25;
    QVERIFY(store.storePredictions({predictions[0]}).isOk());

    store.close();
    QVERIFY(store.open(folder).isOk());
    const QVector<PredictionRecord> stored = store.predictions(b.value).value;
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).imageId, first);
    QCOMPARE(stored.at(0).probability, std::optional<double>(0.25));
    QCOMPARE(stored.at(1).probability, std::optional<double>());
    QCOMPARE(stored.at(1).alignmentStatus, QStringLiteral("no-face"));
    QVERIFY(store.predictions(a.value).value.isEmpty());

    // A prediction for a model that does not exist violates the foreign key.
    QVERIFY(!store.storePredictions({{999, first, 0.5, QStringLiteral("found")}}).isOk());
}

void TestProjectStore::settings()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(store.create(dir.filePath(QStringLiteral("project"))).isOk());
    QCOMPARE(store.setting(QStringLiteral("handle-template")).value, std::optional<QString>());
    QVERIFY(store.setSetting(QStringLiteral("handle-template"), QStringLiteral("https://a/{handle}")).isOk());
    QCOMPARE(store.setting(QStringLiteral("handle-template")).value,
             std::optional<QString>(QStringLiteral("https://a/{handle}")));
}

void TestProjectStore::storeRejectsOtherThread()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(store.create(dir.filePath(QStringLiteral("project"))).isOk());

    QString error;
    QThread *thread = QThread::create([&store, &error] {
        error = store.setLabel(1, QStringLiteral("Eyeglasses"), LabelValue::Yes).errorString;
    });
    thread->start();
    QVERIFY(thread->wait(10000));
    delete thread;
    QVERIFY2(error.contains(QStringLiteral("thread")), qPrintable(error));
}

void TestProjectStore::migrateFromVersion1()
{
    QTemporaryDir dir;
    const QString folder = dir.path();
    const QString dbPath = dir.filePath(QStringLiteral("project.sqlite"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("images"))));

    // A version-1 project written by hand: no label times, no eyes, models or predictions.
    const QString error = execOnFile(dbPath, {
        QStringLiteral("PRAGMA application_id = %1").arg(ProjectStore::ApplicationId),
        QStringLiteral("CREATE TABLE images (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE,"
                       " file_name TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,"
                       " added_at INTEGER NOT NULL, source_kind TEXT NOT NULL,"
                       " source_location TEXT NOT NULL DEFAULT '', handle TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE attributes (name TEXT PRIMARY KEY)"),
        QStringLiteral("CREATE TABLE labels (image_id INTEGER NOT NULL REFERENCES images(id),"
                       " attribute TEXT NOT NULL REFERENCES attributes(name),"
                       " value TEXT NOT NULL, PRIMARY KEY (image_id, attribute))"),
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO attributes VALUES ('Eyeglasses'), ('Smiling')"),
        QStringLiteral("INSERT INTO images VALUES (7, 'abc', 'abc.png', 10, 20, 1700000000000,"
                       " 'url', 'http://127.0.0.1/abc.png', '')"),
        QStringLiteral("INSERT INTO labels VALUES (7, 'Eyeglasses', 'yes'), (7, 'Smiling', 'unsure')"),
        QStringLiteral("INSERT INTO settings VALUES ('note', 'kept')"),
        QStringLiteral("PRAGMA user_version = 1"),
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    ProjectStore store;
    const StoreStatus opened = store.open(folder);
    QVERIFY2(opened.isOk(), qPrintable(opened.errorString));

    // Old data survives and carries a time from the migration.
    const QVector<LabelRecord> labels = store.labels(QStringLiteral("Eyeglasses")).value;
    QCOMPARE(labels.size(), 1);
    QCOMPARE(labels.at(0).imageId, qint64(7));
    QCOMPARE(labels.at(0).value, LabelValue::Yes);
    QVERIFY(labels.at(0).updatedAt.toMSecsSinceEpoch() >= before);
    QCOMPARE(store.label(7, QStringLiteral("Smiling")).value, std::optional<LabelValue>(LabelValue::Unsure));
    QCOMPARE(store.image(7).value.source.kind, ImageSourceKind::Url);
    QCOMPARE(store.setting(QStringLiteral("note")).value, std::optional<QString>(QStringLiteral("kept")));
    QCOMPARE(store.attributes().value, (QStringList{QStringLiteral("Eyeglasses"), QStringLiteral("Smiling")}));

    // Tables added in version 2 work.
    QVERIFY(store.setManualEyes(7, {QPointF(1, 2), QPointF(3, 4)}).isOk());
    const StoreResult<qint64> model = store.addModel({-1, QStringLiteral("m"), QStringLiteral("Eyeglasses"),
                                                      QStringLiteral("m.pt"), {}, {}, 0.5, true});
    QVERIFY2(model.isOk(), qPrintable(model.errorString));
    QVERIFY(store.storePredictions({{model.value, 7, 0.5, QStringLiteral("found")}}).isOk());
    QCOMPARE(store.checkIntegrity().value, QStringLiteral("ok"));
    store.close();

    QCOMPARE(pragmaOnFile(dbPath, QStringLiteral("user_version")), qint64(ProjectStore::SchemaVersion));
    // The backup written before migrating is still version 1.
    const QString backup = dir.filePath(QStringLiteral("project.v1.sqlite"));
    QVERIFY(QFileInfo::exists(backup));
    QCOMPARE(pragmaOnFile(backup, QStringLiteral("user_version")), qint64(1));

    // Opening again does not migrate twice.
    QVERIFY(store.open(folder).isOk());
    QCOMPARE(store.labels(QStringLiteral("Eyeglasses")).value.size(), 1);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("project.v1-2.sqlite"))));
}

void TestProjectStore::openRejectsBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");

    QTest::newRow("random bytes") << QStringLiteral("random") << QStringLiteral("is damaged or is not a SQLite database");
    QTest::newRow("foreign sqlite file") << QStringLiteral("foreign") << QStringLiteral("not a ProfileLens project");
    QTest::newRow("empty sqlite file") << QStringLiteral("empty") << QStringLiteral("not a ProfileLens project");
    QTest::newRow("newer schema version") << QStringLiteral("newer") << QStringLiteral("newer ProfileLens");
    QTest::newRow("missing table") << QStringLiteral("missing-table") << QStringLiteral("the table \"predictions\" is missing");
    QTest::newRow("overwritten pages") << QStringLiteral("overwritten") << QStringLiteral("is damaged");
}

void TestProjectStore::openRejectsBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("project.sqlite"));

    if (kind == QLatin1String("random")) {
        QByteArray bytes(64 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(42);
        generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        writeFile(dbPath, bytes);
    } else if (kind == QLatin1String("foreign")) {
        QVERIFY(execOnFile(dbPath, {QStringLiteral("CREATE TABLE customers (id INTEGER, name TEXT)"),
                                    QStringLiteral("INSERT INTO customers VALUES (1, 'Ada')")})
                    .isEmpty());
    } else if (kind == QLatin1String("empty")) {
        writeFile(dbPath, QByteArray());
    } else {
        ProjectStore creator;
        QVERIFY(creator.create(dir.path()).isOk());
        for (int i = 0; i < 50; ++i)
            creator.setSetting(QStringLiteral("key%1").arg(i), QString(500, QLatin1Char('x')));
        creator.close();
        if (kind == QLatin1String("newer")) {
            QVERIFY(execOnFile(dbPath, {QStringLiteral("PRAGMA user_version = %1").arg(ProjectStore::SchemaVersion + 1)}).isEmpty());
        } else if (kind == QLatin1String("missing-table")) {
            QVERIFY(execOnFile(dbPath, {QStringLiteral("DROP TABLE predictions")}).isEmpty());
        } else {
            // Keep the 100-byte header, so SQLite accepts the file, and destroy the schema page.
            QVERIFY(execOnFile(dbPath, {QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")}).isEmpty());
            QFile file(dbPath);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(100));
            file.write(QByteArray(4000, '\xA5'));
            file.close();
        }
    }
    const QByteArray before = readFile(dbPath);

    ProjectStore store;
    const StoreStatus status = store.open(dir.path());
    QVERIFY(!status.isOk());
    QVERIFY(!store.isOpen());
    QVERIFY2(status.errorString.contains(expected), qPrintable(status.errorString));
    QVERIFY2(status.errorString.contains(QDir::toNativeSeparators(dbPath)), qPrintable(status.errorString));
    // Rejecting a file never changes it.
    QCOMPARE(readFile(dbPath), before);
}

void TestProjectStore::killedWriterKeepsConfirmedLabels()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("project"));
    constexpr int imageCount = 10;
    {
        ProjectStore store;
        QVERIFY(store.create(folder).isOk());
        for (int i = 0; i < imageCount; ++i)
            QVERIFY(store.importFile(writeImage(dir.filePath(QStringLiteral("k%1.png").arg(i)), i, "PNG")).isOk());
        for (const QString &name : ProjectStore::celebaAttributeNames())
            QVERIFY(store.addAttribute(name).isOk());
    }
    const int totalLabels = imageCount * ProjectStore::celebaAttributeNames().size();

    // With a 5 ms pause per label the child needs at least 2 s for all 400, far longer than
    // the test takes to react to its first 25 lines.
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QStringLiteral(PROFILELENS_LABELWRITER_PATH), {folder, QStringLiteral("5")});
    QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));

    QByteArray output;
    auto confirmedLines = [&output] { return output.count('\n'); };
    QElapsedTimer timer;
    timer.start();
    while (confirmedLines() < 25 && timer.elapsed() < 20000 && child.state() == QProcess::Running) {
        child.waitForReadyRead(100);
        output += child.readAllStandardOutput();
    }
    QVERIFY2(confirmedLines() >= 25, child.readAllStandardError().constData());

    child.kill(); // SIGKILL on Unix
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    output += child.readAllStandardOutput();

    // A line cut off by the kill was not confirmed.
    QList<QByteArray> lines = output.split('\n');
    lines.removeLast();
    qInfo("child confirmed %d of %d labels before SIGKILL", int(lines.size()), totalLabels);
    QVERIFY2(lines.size() < totalLabels, "the child finished before it was killed");

    ProjectStore store;
    const StoreStatus opened = store.open(folder);
    QVERIFY2(opened.isOk(), qPrintable(opened.errorString));
    QCOMPARE(store.checkIntegrity().value, QStringLiteral("ok"));
    for (const QByteArray &line : std::as_const(lines)) {
        const QList<QByteArray> fields = line.split(' ');
        QCOMPARE(fields.size(), 3);
        const qint64 imageId = fields.at(0).toLongLong();
        const QString attribute = QString::fromLatin1(fields.at(1));
        const std::optional<LabelValue> stored = store.label(imageId, attribute).value;
        QVERIFY2(stored.has_value(), line.constData());
        QCOMPARE(labelValueKey(*stored), QString::fromLatin1(fields.at(2)));
    }
}

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
