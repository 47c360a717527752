// Tests Downloader against a hand-written HTTP/1.1 server on 127.0.0.1 run by the test itself.

#include "downloader.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QNetworkProxy>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ProfileLens;

namespace {

// Small enough that the good images pass, large enough that a few chunks arrive first.
constexpr qint64 kTestMaxBytes = 64 * 1024;
// Short so that the timeout rows take well under a second each.
constexpr int kTestTimeoutMs = 300;

QByteArray encodeImage(const char *format)
{
    QImage image(48, 40, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            image.setPixelColor(x, y, QColor(x * 5 % 256, y * 6 % 256, (x + y) * 3 % 256));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// Serves fixed routes; counts the requests per path and keeps "slow" sockets open unanswered.
class TestHttpServer : public QObject
{
public:
    TestHttpServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            }
        });
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen on 127.0.0.1: %s", qPrintable(m_server.errorString()));
    }

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

    int hits(const QByteArray &path) const { return m_hits.value(path); }
    int heldCount() const
    {
        int count = 0;
        for (const auto &socket : m_held)
            count += (socket && socket->state() == QAbstractSocket::ConnectedState) ? 1 : 0;
        return count;
    }

    const QByteArray png = encodeImage("PNG");
    const QByteArray jpeg = encodeImage("JPEG");

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray request = socket->property("request").toByteArray() + socket->readAll();
        socket->setProperty("request", request);
        if (!request.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = request.left(request.indexOf("\r\n")).split(' ');
        const QByteArray path = requestLine.value(1);
        respond(socket, path, ++m_hits[path]);
    }

    static void send(QTcpSocket *socket, int status, const QByteArray &reason,
                     const QByteArray &headers, const QByteArray &body, bool withLength = true)
    {
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + headers;
        if (withLength)
            response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        response += "Connection: close\r\n\r\n" + body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    void respond(QTcpSocket *socket, const QByteArray &path, int hit)
    {
        const QByteArray html = "<!DOCTYPE html><html><body><h1>Profile</h1></body></html>";
        if (path == "/good.png" || path.startsWith("/avatar/")) {
            send(socket, 200, "OK", "Content-Type: image/png\r\n", png);
        } else if (path == "/good.jpg") {
            send(socket, 200, "OK", "Content-Type: image/jpeg\r\n", jpeg);
        } else if (path == "/redirect-to-png") {
            send(socket, 301, "Moved Permanently", "Location: /good.png\r\n", QByteArray());
        } else if (path == "/page.html") {
            send(socket, 200, "OK", "Content-Type: image/jpeg\r\n", html);
        } else if (path == "/slow") {
            m_held.append(socket);
        } else if (path == "/huge-announced") {
            // Announces twice the cap, sends a little, and keeps the connection open.
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: "
                          + QByteArray::number(2 * kTestMaxBytes) + "\r\n\r\n" + png.left(100));
            m_held.append(socket);
        } else if (path == "/huge-stream") {
            send(socket, 200, "OK", "Content-Type: image/png\r\n",
                 png + QByteArray(2 * kTestMaxBytes, 'x'), false);
        } else if (path == "/loop") {
            send(socket, 302, "Found", "Location: /loop\r\n", QByteArray());
        } else if (path == "/flaky" && hit == 1) {
            send(socket, 503, "Service Unavailable", "Content-Type: text/plain\r\n", "busy");
        } else if (path == "/flaky") {
            send(socket, 200, "OK", "Content-Type: image/png\r\n", png);
        } else if (path == "/down") {
            send(socket, 503, "Service Unavailable", "Content-Type: text/plain\r\n", "busy");
        } else {
            send(socket, 404, "Not Found", "Content-Type: text/html\r\n", html);
        }
    }

    QTcpServer m_server;
    QHash<QByteArray, int> m_hits;
    QList<QPointer<QTcpSocket>> m_held;
};

DownloadOptions testOptions()
{
    DownloadOptions options;
    options.transferTimeoutMs = kTestTimeoutMs;
    options.maxBytes = kTestMaxBytes;
    options.maxRedirects = 3;
    options.maxRetries = 1;
    options.retryBaseDelayMs = 50;
    return options;
}

// Runs the downloader over text and returns the results once allFinished() was emitted.
QVector<DownloadResult> runToEnd(Downloader &downloader, const QString &text)
{
    QSignalSpy finished(&downloader, &Downloader::allFinished);
    downloader.start(text);
    if (!finished.wait(15000))
        qWarning("allFinished() was not emitted within 15 s");
    return downloader.results();
}

quint16 unusedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestDownloader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parseLine_data();
    void parseLine();
    void parseInputSkipsBlankAndComments();
    void singleDownload_data();
    void singleDownload();
    void handleUsesTemplate();
    void progressSignals();
    void concurrencyLimitAndCancel();
};

void TestDownloader::initTestCase()
{
    // Requests must go straight to the test server, never to a proxy from the environment.
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
}

void TestDownloader::parseLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("handle");

    const int none = int(DownloadError::None);
    const int invalid = int(DownloadError::InvalidInput);
    const int scheme = int(DownloadError::UnsupportedScheme);

    QTest::newRow("handle with at") << "@some_user" << none << "https://unavatar.io/x/some_user" << "some_user";
    QTest::newRow("handle without at") << "some.user-1" << none << "https://unavatar.io/x/some.user-1" << "some.user-1";
    QTest::newRow("handle of 30 chars") << QString(30, QLatin1Char('a')) << none
                                        << "https://unavatar.io/x/" + QString(30, QLatin1Char('a'))
                                        << QString(30, QLatin1Char('a'));
    QTest::newRow("handle of 31 chars") << QString(31, QLatin1Char('a')) << invalid << QString() << QString();
    QTest::newRow("handle with space") << "some user" << invalid << QString() << QString();
    QTest::newRow("handle with slash") << "some/user" << invalid << QString() << QString();
    QTest::newRow("lone at") << "@" << invalid << QString() << QString();
    QTest::newRow("http url") << "http://127.0.0.1/a.png" << none << "http://127.0.0.1/a.png" << QString();
    QTest::newRow("https url") << "  https://example.org/p.jpg  " << none << "https://example.org/p.jpg" << QString();
    QTest::newRow("ftp url") << "ftp://example.org/a.png" << scheme << QString() << QString();
    QTest::newRow("file url") << "file:///etc/passwd" << scheme << QString() << QString();
    QTest::newRow("javascript url") << "javascript:alert(1)" << scheme << QString() << QString();
    QTest::newRow("data url") << "data:image/png;base64,AAAA" << scheme << QString() << QString();
    QTest::newRow("url without scheme") << "www.example.org/a.jpg" << invalid << QString() << QString();
    QTest::newRow("http without host") << "http://" << invalid << QString() << QString();
}

void TestDownloader::parseLine()
{
    QFETCH(QString, line);
    QFETCH(int, error);
    QFETCH(QString, url);
    QFETCH(QString, handle);

    const DownloadRequest request =
        Downloader::parseLine(line, 7, DownloadOptions().handleUrlTemplate);
    QCOMPARE(int(request.error), error);
    QCOMPARE(request.url.toString(), url);
    QCOMPARE(request.handle, handle);
    QCOMPARE(request.lineNumber, 7);
    if (error != int(DownloadError::None)) {
        QVERIFY2(request.errorString.startsWith(QStringLiteral("Line 7 (\"")), qPrintable(request.errorString));
        QVERIFY2(request.errorString.contains(line.trimmed()), qPrintable(request.errorString));
    } else {
        QVERIFY(request.errorString.isEmpty());
    }
}

void TestDownloader::parseInputSkipsBlankAndComments()
{
    const QString text = QStringLiteral("# accounts to check\n\n@first_user\n   \nhttps://example.org/a.png\n"
                                        "ftp://example.org/b.png\n");
    const QVector<DownloadRequest> requests =
        Downloader::parseInput(text, QStringLiteral("https://avatars.example/{handle}/photo"));
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).lineNumber, 3);
    QCOMPARE(requests.at(0).url.toString(), QStringLiteral("https://avatars.example/first_user/photo"));
    QCOMPARE(requests.at(1).lineNumber, 5);
    QCOMPARE(requests.at(2).lineNumber, 6);
    QCOMPARE(requests.at(2).error, DownloadError::UnsupportedScheme);

    // A template without the placeholder, or with another scheme, fails every handle line.
    const DownloadRequest noPlaceholder =
        Downloader::parseLine(QStringLiteral("@first_user"), 1, QStringLiteral("https://a.example/x"));
    QCOMPARE(noPlaceholder.error, DownloadError::InvalidInput);
    QVERIFY2(noPlaceholder.errorString.contains(QStringLiteral("{handle}")), qPrintable(noPlaceholder.errorString));
    const DownloadRequest ftpTemplate =
        Downloader::parseLine(QStringLiteral("@first_user"), 1, QStringLiteral("ftp://a.example/{handle}"));
    QCOMPARE(ftpTemplate.error, DownloadError::UnsupportedScheme);
}

void TestDownloader::singleDownload_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QByteArray>("format");

    const int none = int(DownloadError::None);
    QTest::newRow("png image") << "/good.png" << none << QString() << 1 << QByteArray("png");
    QTest::newRow("jpeg image") << "/good.jpg" << none << QString() << 1 << QByteArray("jpeg");
    QTest::newRow("one redirect") << "/redirect-to-png" << none << QString() << 1 << QByteArray("png");
    QTest::newRow("http 404 not retried") << "/missing" << int(DownloadError::HttpError)
                                          << "HTTP 404 Not Found" << 1 << QByteArray();
    QTest::newRow("html served as jpeg") << "/page.html" << int(DownloadError::NotAnImage)
                                         << "not an image (Content-Type image/jpeg" << 1 << QByteArray();
    QTest::newRow("slow response retried") << "/slow" << int(DownloadError::Timeout)
                                           << "timed out" << 2 << QByteArray();
    QTest::newRow("too large by content-length") << "/huge-announced" << int(DownloadError::TooLarge)
                                                 << "the server announced 131072 bytes" << 1 << QByteArray();
    QTest::newRow("too large while streaming") << "/huge-stream" << int(DownloadError::TooLarge)
                                               << "more than 65536 bytes received" << 1 << QByteArray();
    QTest::newRow("redirect loop") << "/loop" << int(DownloadError::TooManyRedirects)
                                   << "too many redirects" << 1 << QByteArray();
    QTest::newRow("503 then success") << "/flaky" << none << QString() << 2 << QByteArray("png");
    QTest::newRow("503 every time") << "/down" << int(DownloadError::HttpError)
                                    << "HTTP 503 Service Unavailable" << 2 << QByteArray();
    QTest::newRow("connection refused retried") << "refused" << int(DownloadError::NetworkError)
                                                << "refused" << 2 << QByteArray();
}

void TestDownloader::singleDownload()
{
    QFETCH(QString, path);
    QFETCH(int, error);
    QFETCH(QString, reason);
    QFETCH(int, attempts);
    QFETCH(QByteArray, format);

    TestHttpServer server;
    const QString url = path == QLatin1String("refused")
                            ? QStringLiteral("http://127.0.0.1:%1/a.png").arg(unusedPort())
                            : server.url(path);

    Downloader downloader(testOptions());
    QSignalSpy retrying(&downloader, &Downloader::itemRetrying);
    QElapsedTimer timer;
    timer.start();
    const QVector<DownloadResult> results = runToEnd(downloader, url);
    qInfo("%s took %lld ms", qPrintable(path), timer.elapsed());

    QCOMPARE(results.size(), 1);
    const DownloadResult &result = results.at(0);
    QVERIFY2(int(result.error) == error, qPrintable(result.errorString));
    QCOMPARE(result.attempts, attempts);
    QCOMPARE(retrying.size(), attempts - 1);
    QCOMPARE(result.url.toString(), url);
    QVERIFY(!downloader.isRunning());
    if (error == int(DownloadError::None)) {
        QVERIFY(result.errorString.isEmpty());
        QCOMPARE(result.format, format);
        QCOMPARE(result.data, format == "png" ? server.png : server.jpeg);
        QCOMPARE(result.httpStatus, 200);
    } else {
        QVERIFY(result.data.isEmpty());
        QVERIFY2(result.errorString.contains(reason), qPrintable(result.errorString));
        QVERIFY2(result.errorString.contains(url), qPrintable(result.errorString));
    }
}

void TestDownloader::handleUsesTemplate()
{
    TestHttpServer server;
    DownloadOptions options = testOptions();
    options.handleUrlTemplate = server.url(QStringLiteral("/avatar/{handle}"));
    Downloader downloader(options);

    const QVector<DownloadResult> results = runToEnd(downloader, QStringLiteral("@some_user\nbad handle!"));
    QCOMPARE(results.size(), 2);
    QVERIFY2(results.at(0).isOk(), qPrintable(results.at(0).errorString));
    QCOMPARE(results.at(0).handle, QStringLiteral("some_user"));
    QCOMPARE(results.at(0).url.toString(), server.url(QStringLiteral("/avatar/some_user")));
    QCOMPARE(results.at(0).data, server.png);
    QCOMPARE(server.hits("/avatar/some_user"), 1);
    QCOMPARE(results.at(1).error, DownloadError::InvalidInput);
    QCOMPARE(results.at(1).attempts, 0);
}

void TestDownloader::progressSignals()
{
    TestHttpServer server;
    Downloader downloader(testOptions());
    QSignalSpy started(&downloader, &Downloader::itemStarted);
    QSignalSpy itemProgress(&downloader, &Downloader::itemProgress);
    QSignalSpy itemFinished(&downloader, &Downloader::itemFinished);
    QSignalSpy overall(&downloader, &Downloader::progress);

    const QString text = server.url(QStringLiteral("/good.png")) + QLatin1Char('\n')
                         + QStringLiteral("ftp://127.0.0.1/x.png\n") + server.url(QStringLiteral("/good.jpg"));
    const QVector<DownloadResult> results = runToEnd(downloader, text);
    QCOMPARE(results.size(), 3);

    // Only the two valid lines start a request.
    QCOMPARE(started.size(), 2);
    QCOMPARE(itemFinished.size(), 3);
    QCOMPARE(overall.size(), 3);
    for (int i = 0; i < overall.size(); ++i) {
        QCOMPARE(overall.at(i).at(0).toInt(), i + 1);
        QCOMPARE(overall.at(i).at(1).toInt(), 3);
    }

    // The last progress report of each item covers its whole body.
    QHash<int, qint64> lastReceived;
    for (const QList<QVariant> &arguments : std::as_const(itemProgress))
        lastReceived[arguments.at(0).toInt()] = arguments.at(1).toLongLong();
    QCOMPARE(lastReceived.value(0), qint64(server.png.size()));
    QCOMPARE(lastReceived.value(2), qint64(server.jpeg.size()));
    QVERIFY(!lastReceived.contains(1));

    const auto rejected = itemFinished.at(0).at(1).value<DownloadResult>();
    QCOMPARE(rejected.error, DownloadError::UnsupportedScheme);
    QCOMPARE(itemFinished.at(0).at(0).toInt(), 1);
}

void TestDownloader::concurrencyLimitAndCancel()
{
    TestHttpServer server;
    DownloadOptions options = testOptions();
    options.maxConcurrent = 2;
    options.transferTimeoutMs = 10000; // long enough that only cancel() ends the requests
    Downloader downloader(options);
    QSignalSpy started(&downloader, &Downloader::itemStarted);
    QSignalSpy finished(&downloader, &Downloader::allFinished);

    QStringList lines;
    for (int i = 0; i < 5; ++i)
        lines.append(server.url(QStringLiteral("/slow")));
    downloader.start(lines.join(QLatin1Char('\n')));

    QTRY_COMPARE_WITH_TIMEOUT(server.heldCount(), 2, 5000);
    // Give a third request the chance to appear if the limit were not respected.
    QTest::qWait(200);
    QCOMPARE(server.heldCount(), 2);
    QCOMPARE(started.size(), 2);
    QVERIFY(downloader.isRunning());

    QElapsedTimer timer;
    timer.start();
    downloader.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(!downloader.isRunning());
    const QVector<DownloadResult> results = downloader.results();
    QCOMPARE(results.size(), 5);
    for (const DownloadResult &result : results) {
        QCOMPARE(result.error, DownloadError::Cancelled);
        QVERIFY(result.data.isEmpty());
    }

    // Nothing of the cancelled run fires later.
    QTest::qWait(300);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(started.size(), 2);
}

QTEST_GUILESS_MAIN(TestDownloader)
#include "tst_downloader.moc"
