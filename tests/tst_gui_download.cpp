// The download dialog against a real HTTP server on 127.0.0.1 and a real project.

#include "downloaddialog.h"
#include "downloadtablemodel.h"
#include "httptestserver.h"
#include "projectstore.h"
#include "testimages.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ProfileLens;

namespace {

// Generous bound for a whole run on a loaded machine; the runs below take about 3 s.
constexpr int kRunTimeoutMs = 20000;
// Bodies above the size limit the tests set (1 MB).
constexpr int kOversizeBytes = 2 * 1024 * 1024;

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString stateText(const DownloadDialog &dialog, int row)
{
    const QAbstractItemModel *model = dialog.model();
    return model->data(model->index(row, DownloadTableModel::StateColumn)).toString();
}

QString detailText(const DownloadDialog &dialog, int row)
{
    const QAbstractItemModel *model = dialog.model();
    return model->data(model->index(row, DownloadTableModel::DetailColumn)).toString();
}

} // namespace

class TestGuiDownload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultSettings();
    void mixedRunCompletes();
    void lineStates_data();
    void lineStates();
    void duplicateDetected();
    void storeHoldsGoodImages();
    void importedSignal();
    void settingsSaved();
    void cancelStopsSlowRun();

private:
    void configure(DownloadDialog &dialog, int timeoutSeconds, int retries);

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_projectDir;
    HttpTestServer m_server;
    ProjectStore m_store;

    QByteArray m_png;
    QByteArray m_jpeg;
    QByteArray m_handlePng;
    QStringList m_lines;

    std::unique_ptr<DownloadDialog> m_dialog;
    std::unique_ptr<QSignalSpy> m_importedSpy;
    /// Every state text each row showed during the run, in order.
    QVector<QStringList> m_seenStates;
    qint64 m_runMs = 0;
};

void TestGuiDownload::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_projectDir.isValid());
    // Settings go to a temporary folder, never to the user's configuration.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_download"));

    QFile file(TestImages::astronautPath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(TestImages::astronautPath()));
    m_png = file.readAll();
    const QImage astronaut = QImage::fromData(m_png);
    QVERIFY(!astronaut.isNull());
    m_jpeg = TestImages::encode(astronaut, "JPEG");
    m_handlePng = TestImages::encode(astronaut.mirrored(true, false), "PNG");
    QVERIFY(!m_jpeg.isEmpty());
    QVERIFY(!m_handlePng.isEmpty());

    QVERIFY(m_server.listen());
    m_server.setRoute("/a.png", HttpTestServer::ok(m_png, "image/png"));
    m_server.setRoute("/a-copy.png", HttpTestServer::ok(m_png, "image/png"));
    m_server.setRoute("/b.jpg", HttpTestServer::ok(m_jpeg, "image/jpeg"));
    m_server.setRoute("/u/goodhandle", HttpTestServer::ok(m_handlePng, "image/png"));
    m_server.setRoute("/page.html",
                      HttpTestServer::ok("<!doctype html><html><body>Profile</body></html>",
                                         "text/html; charset=utf-8"));
    m_server.setRoute("/slow.png", HttpTestServer::stalled());
    m_server.setRoute("/stall-1.png", HttpTestServer::stalled());
    m_server.setRoute("/stall-2.png", HttpTestServer::stalled());
    m_server.setRoute("/big.png", HttpTestServer::ok(QByteArray(kOversizeBytes, 'x'), "image/png"));
    HttpTestServer::Response unannounced =
        HttpTestServer::ok(QByteArray(kOversizeBytes, 'x'), "image/png");
    unannounced.announceLength = false;
    m_server.setRoute("/big-unannounced.png", unannounced);
    m_server.setRoute("/loop", HttpTestServer::redirect(m_server.baseUrl() + "/loop"));

    const StoreStatus created = m_store.create(m_projectDir.filePath(QStringLiteral("project")));
    QVERIFY2(created.isOk(), qPrintable(created.errorString));

    m_lines = QStringList{
        m_server.url("/a.png"),
        m_server.url("/b.jpg"),
        QStringLiteral("@goodhandle"),
        m_server.url("/a-copy.png"),
        m_server.url("/missing.png"),
        m_server.url("/page.html"),
        m_server.url("/slow.png"),
        m_server.url("/big.png"),
        m_server.url("/big-unannounced.png"),
        m_server.url("/loop"),
        QStringLiteral("ftp://example.com/picture.png"),
        QStringLiteral("not a handle!"),
        QStringLiteral("@nobody"),
    };
}

void TestGuiDownload::configure(DownloadDialog &dialog, int timeoutSeconds, int retries)
{
    auto *templateEdit = dialog.findChild<QLineEdit *>(QStringLiteral("handleTemplateEdit"));
    auto *concurrency = dialog.findChild<QSpinBox *>(QStringLiteral("concurrencySpin"));
    auto *timeout = dialog.findChild<QSpinBox *>(QStringLiteral("timeoutSpin"));
    auto *sizeCap = dialog.findChild<QSpinBox *>(QStringLiteral("sizeCapSpin"));
    auto *retriesSpin = dialog.findChild<QSpinBox *>(QStringLiteral("retriesSpin"));
    QVERIFY(templateEdit && concurrency && timeout && sizeCap && retriesSpin);
    templateEdit->setText(m_server.url("/u/{handle}"));
    concurrency->setValue(4);
    timeout->setValue(timeoutSeconds);
    sizeCap->setValue(1);
    retriesSpin->setValue(retries);
}

void TestGuiDownload::defaultSettings()
{
    QSettings().clear();
    DownloadDialog dialog(&m_store);
    const DownloadOptions options = dialog.options();
    QCOMPARE(options.handleUrlTemplate, QStringLiteral("https://unavatar.io/x/{handle}"));
    QCOMPARE(options.maxConcurrent, 4);
    QCOMPARE(options.transferTimeoutMs, 20000);
    QCOMPARE(options.maxBytes, qint64(10) * 1024 * 1024);
    QCOMPARE(options.maxRetries, 3);
}

void TestGuiDownload::mixedRunCompletes()
{
    m_dialog = std::make_unique<DownloadDialog>(&m_store);
    DownloadDialog &dialog = *m_dialog;
    configure(dialog, 1, 1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *input = dialog.findChild<QPlainTextEdit *>(QStringLiteral("inputEdit"));
    auto *start = dialog.findChild<QPushButton *>(QStringLiteral("startButton"));
    QVERIFY(input && start);
    // Blank lines and comments are skipped, so they get no row.
    input->setPlainText(m_lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n# a comment\n"));

    m_importedSpy = std::make_unique<QSignalSpy>(&dialog, &DownloadDialog::imagesImported);
    connect(dialog.model(), &QAbstractItemModel::modelReset, this,
            [this, &dialog] { m_seenStates = QVector<QStringList>(dialog.model()->rowCount()); });
    connect(dialog.model(), &QAbstractItemModel::dataChanged, this,
            [this, &dialog](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                    const QString state = stateText(dialog, row);
                    if (row < m_seenStates.size()
                        && (m_seenStates[row].isEmpty() || m_seenStates[row].last() != state))
                        m_seenStates[row].append(state);
                }
            });

    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(dialog.isRunning());
    QVERIFY(!start->isEnabled());
    QCOMPARE(dialog.model()->rowCount(), m_lines.size());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), kRunTimeoutMs);
    m_runMs = timer.elapsed();
    qInfo("Mixed run of %d lines took %lld ms", int(m_lines.size()), m_runMs);

    QVERIFY(start->isEnabled());
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("progressBar"));
    QVERIFY(progress);
    QCOMPARE(progress->maximum(), int(m_lines.size()));
    QCOMPARE(progress->value(), int(m_lines.size()));
    QCOMPARE(dialog.summaryText(), QStringLiteral("3 downloaded, 1 duplicate, 9 failed"));
}

void TestGuiDownload::lineStates_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("detail");

    QTest::newRow("png url") << 0 << "done" << "Imported as image";
    QTest::newRow("jpeg url") << 1 << "done" << "Imported as image";
    QTest::newRow("handle") << 2 << "done" << "Imported as image";
    QTest::newRow("http 404") << 4 << "failed" << "HTTP 404";
    QTest::newRow("html page") << 5 << "failed" << "not an image";
    QTest::newRow("stalled server") << 6 << "failed" << "timed out";
    QTest::newRow("announced too large") << 7 << "failed" << "too large";
    QTest::newRow("streamed too large") << 8 << "failed" << "too large";
    QTest::newRow("redirect loop") << 9 << "failed" << "too many redirects";
    QTest::newRow("ftp url") << 10 << "failed" << "only http and https";
    QTest::newRow("malformed handle") << 11 << "failed" << "not a URL or an account handle";
    QTest::newRow("unknown handle") << 12 << "failed" << "HTTP 404";
}

void TestGuiDownload::lineStates()
{
    QFETCH(int, row);
    QFETCH(QString, state);
    QFETCH(QString, detail);
    QVERIFY2(m_dialog, "the mixed run did not happen");
    QCOMPARE(m_dialog->model()->rowCount(), m_lines.size());

    const QString input = m_dialog->model()->data(m_dialog->model()->index(row, 0)).toString();
    QCOMPARE(input, m_lines.at(row));
    QCOMPARE(stateText(*m_dialog, row), state);
    QVERIFY2(detailText(*m_dialog, row).contains(detail, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("%1: %2").arg(input, detailText(*m_dialog, row))));
}

void TestGuiDownload::duplicateDetected()
{
    QVERIFY(m_dialog);
    // The two URLs serve the same bytes; whichever finishes second is the duplicate.
    const QString first = stateText(*m_dialog, 0);
    const QString copy = stateText(*m_dialog, 3);
    QCOMPARE(QSet<QString>({first, copy}), QSet<QString>({"done", "duplicate"}));
    const int doneRow = first == QLatin1String("done") ? 0 : 3;
    const int duplicateRow = doneRow == 0 ? 3 : 0;
    const qint64 imageId = m_dialog->model()->row(doneRow).imageId;
    QVERIFY(imageId > 0);
    QCOMPARE(m_dialog->model()->row(duplicateRow).imageId, imageId);
    QVERIFY(detailText(*m_dialog, duplicateRow).contains(QString::number(imageId)));

    // The stalled server was asked twice: the first attempt and one retry.
    QCOMPARE(m_server.requestCount("/slow.png"), 2);
    QVERIFY2(m_seenStates.value(6).contains(QStringLiteral("retrying (attempt 2)")),
             qPrintable(m_seenStates.value(6).join(QStringLiteral(" -> "))));
    QVERIFY2(m_seenStates.value(1).first().startsWith(QStringLiteral("downloading")),
             qPrintable(m_seenStates.value(1).join(QStringLiteral(" -> "))));
}

void TestGuiDownload::storeHoldsGoodImages()
{
    const StoreResult<QVector<ImageRecord>> images = m_store.images();
    QVERIFY2(images.isOk(), qPrintable(images.errorString));
    QCOMPARE(images.value.size(), 3);

    QHash<QString, ImageRecord> byHash;
    for (const ImageRecord &image : images.value)
        byHash.insert(image.sha256, image);

    const ImageRecord png = byHash.value(sha256(m_png));
    QVERIFY2(png.id > 0, "the PNG is missing from the store");
    QCOMPARE(png.source.kind, ImageSourceKind::Url);
    QVERIFY2(png.source.location == m_server.url("/a.png")
                 || png.source.location == m_server.url("/a-copy.png"),
             qPrintable(png.source.location));
    QVERIFY(png.source.handle.isEmpty());

    const ImageRecord jpeg = byHash.value(sha256(m_jpeg));
    QVERIFY2(jpeg.id > 0, "the JPEG is missing from the store");
    QCOMPARE(jpeg.source.kind, ImageSourceKind::Url);
    QCOMPARE(jpeg.source.location, m_server.url("/b.jpg"));

    const ImageRecord handle = byHash.value(sha256(m_handlePng));
    QVERIFY2(handle.id > 0, "the handle's picture is missing from the store");
    QCOMPARE(handle.source.kind, ImageSourceKind::Handle);
    QCOMPARE(handle.source.handle, QStringLiteral("goodhandle"));
    QCOMPARE(handle.source.location, m_server.url("/u/goodhandle"));

    // Stored names come from the content hash, never from the URL.
    for (const ImageRecord &image : images.value) {
        QVERIFY2(image.fileName.startsWith(image.sha256), qPrintable(image.fileName));
        QFile stored(m_store.imageFilePath(image));
        QVERIFY2(stored.open(QIODevice::ReadOnly), qPrintable(stored.fileName()));
        QCOMPARE(sha256(stored.readAll()), image.sha256);
    }
}

void TestGuiDownload::importedSignal()
{
    QVERIFY(m_importedSpy);
    QCOMPARE(m_importedSpy->count(), 1);
    const QList<QVariant> arguments = m_importedSpy->takeFirst();
    QVector<qint64> ids = arguments.at(0).value<QVector<qint64>>();
    std::sort(ids.begin(), ids.end());
    QCOMPARE(arguments.at(1).toInt(), 1);

    QVector<qint64> storedIds;
    for (const ImageRecord &image : m_store.images().value)
        storedIds.append(image.id);
    std::sort(storedIds.begin(), storedIds.end());
    QCOMPARE(ids, storedIds);
}

void TestGuiDownload::settingsSaved()
{
    // The mixed run saved its fields when it started.
    DownloadDialog dialog(&m_store);
    const DownloadOptions options = dialog.options();
    QCOMPARE(options.handleUrlTemplate, m_server.url("/u/{handle}"));
    QCOMPARE(options.transferTimeoutMs, 1000);
    QCOMPARE(options.maxBytes, qint64(1024) * 1024);
    QCOMPARE(options.maxRetries, 1);
    QCOMPARE(QSettings().value(QStringLiteral("downloads/handleTemplate")).toString(),
             m_server.url("/u/{handle}"));
}

void TestGuiDownload::cancelStopsSlowRun()
{
    DownloadDialog dialog(&m_store);
    configure(dialog, 20, 3);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy imported(&dialog, &DownloadDialog::imagesImported);

    auto *input = dialog.findChild<QPlainTextEdit *>(QStringLiteral("inputEdit"));
    auto *start = dialog.findChild<QPushButton *>(QStringLiteral("startButton"));
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(input && start && cancel);
    input->setPlainText(m_server.url("/stall-1.png") + QLatin1Char('\n')
                        + m_server.url("/stall-2.png"));
    QVERIFY(!cancel->isEnabled());

    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(cancel->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requestCount("/stall-2.png"), 1, 5000);
    QCOMPARE(stateText(dialog, 0), QStringLiteral("downloading 0%"));

    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 2000);
    qInfo("Cancel took %lld ms", timer.elapsed());

    QCOMPARE(stateText(dialog, 0), QStringLiteral("cancelled"));
    QCOMPARE(stateText(dialog, 1), QStringLiteral("cancelled"));
    QCOMPARE(dialog.summaryText(), QStringLiteral("0 downloaded, 0 duplicates, 0 failed, 2 cancelled"));
    QCOMPARE(imported.count(), 1);
    QVERIFY(imported.first().at(0).value<QVector<qint64>>().isEmpty());
    QVERIFY(dialog.isVisible());
    QVERIFY(start->isEnabled());
    QVERIFY(!cancel->isEnabled());

    // The dialog stays usable: a second run downloads normally.
    input->setPlainText(m_server.url("/b.jpg"));
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), kRunTimeoutMs);
    QCOMPARE(stateText(dialog, 0), QStringLiteral("duplicate"));
    QCOMPARE(dialog.summaryText(), QStringLiteral("0 downloaded, 1 duplicate, 0 failed"));
    QCOMPARE(imported.count(), 2);
}

QTEST_MAIN(TestGuiDownload)
#include "tst_gui_download.moc"
