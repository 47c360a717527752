#include "downloader.h"

#include "imageloader.h"
#include "logging.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace ProfileLens {

namespace {

// Upper bound of the retry wait, however many retries are configured.
constexpr int kMaxRetryDelayMs = 60 * 1000;

const QString kHandlePlaceholder = QStringLiteral("{handle}");

QString displayUrl(const QUrl &url)
{
    // Credentials in a URL never reach a message or a log.
    return url.toString(QUrl::RemoveUserInfo);
}

bool isSuccessStatus(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

struct Downloader::Item
{
    DownloadRequest request;
    DownloadResult result;
    QPointer<QNetworkReply> reply;
    QByteArray buffer;
    QString contentType;
    /// Set when this class aborted the reply, so its finished() is not taken for a timeout.
    bool abortedTooLarge = false;
    qint64 announcedLength = -1;
    bool started = false;
    bool finished = false;
};

Downloader::Downloader(QObject *parent)
    : Downloader(DownloadOptions(), parent)
{
}

Downloader::Downloader(const DownloadOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    qRegisterMetaType<ProfileLens::DownloadResult>();
}

Downloader::~Downloader()
{
    // Abort silently: no signal is emitted from a destructor.
    ++m_generation;
    for (const auto &item : m_items) {
        if (item->reply) {
            disconnect(item->reply, nullptr, this, nullptr);
            item->reply->abort();
        }
    }
}

DownloadOptions Downloader::options() const
{
    return m_options;
}

void Downloader::setOptions(const DownloadOptions &options)
{
    m_options = options;
}

// ---------------------------------------------------------------------------------------
// Input parsing

DownloadRequest Downloader::parseLine(const QString &line, int lineNumber,
                                      const QString &handleUrlTemplate)
{
    DownloadRequest request;
    request.lineNumber = lineNumber;
    request.input = line.trimmed();

    auto fail = [&request](DownloadError error, const QString &reason) {
        request.error = error;
        request.errorString =
            tr("Line %1 (\"%2\"): %3").arg(request.lineNumber).arg(request.input, reason);
        request.url.clear();
        return request;
    };

    // Checks that text is an absolute http or https URL with a host.
    auto checkUrl = [&](const QString &text, const QString &what) -> bool {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid()) {
            fail(DownloadError::InvalidInput,
                 tr("%1 is not a valid URL (%2).").arg(what, url.errorString()));
            return false;
        }
        const QString scheme = url.scheme().toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
            fail(DownloadError::UnsupportedScheme,
                 tr("%1 uses the scheme \"%2\"; only http and https URLs are accepted.")
                     .arg(what, url.scheme()));
            return false;
        }
        if (url.host().isEmpty()) {
            fail(DownloadError::InvalidInput, tr("%1 has no host name.").arg(what));
            return false;
        }
        request.url = url;
        return true;
    };

    static const QRegularExpression handlePattern(QStringLiteral("^@?([A-Za-z0-9_.-]{1,30})$"));
    static const QRegularExpression schemePrefix(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));

    if (request.input.isEmpty())
        return fail(DownloadError::InvalidInput, tr("the line is empty."));

    if (request.input.contains(QLatin1String("://"))
        || schemePrefix.match(request.input).hasMatch()) {
        checkUrl(request.input, tr("The URL"));
        return request;
    }

    const QRegularExpressionMatch handle = handlePattern.match(request.input);
    if (!handle.hasMatch())
        return fail(DownloadError::InvalidInput,
                    tr("not a URL or an account handle. URLs start with http:// or https://; "
                       "handles are 1 to 30 letters, digits, '_', '.' or '-', optionally after "
                       "'@'."));

    request.handle = handle.captured(1);
    if (!handleUrlTemplate.contains(kHandlePlaceholder))
        return fail(DownloadError::InvalidInput,
                    tr("the handle URL template \"%1\" has no {handle} placeholder. Fix the "
                       "template in the download settings.")
                        .arg(handleUrlTemplate));
    QString urlText = handleUrlTemplate;
    urlText.replace(kHandlePlaceholder, QString::fromLatin1(QUrl::toPercentEncoding(request.handle)));
    checkUrl(urlText, tr("The handle URL template \"%1\"").arg(handleUrlTemplate));
    return request;
}

QVector<DownloadRequest> Downloader::parseInput(const QString &text, const QString &handleUrlTemplate)
{
    QVector<DownloadRequest> requests;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        requests.append(parseLine(line, i + 1, handleUrlTemplate));
    }
    return requests;
}

// ---------------------------------------------------------------------------------------
// Scheduling

void Downloader::start(const QString &text)
{
    start(parseInput(text, m_options.handleUrlTemplate));
}

void Downloader::start(const QVector<DownloadRequest> &requests)
{
    if (m_running) {
        qCWarning(lcDownload) << "start() ignored: a download run is in progress";
        return;
    }
    ++m_generation;
    m_items.clear();
    m_queue.clear();
    m_inFlight = 0;
    m_finishedCount = 0;

    for (int i = 0; i < requests.size(); ++i) {
        auto item = std::make_unique<Item>();
        item->request = requests.at(i);
        item->result.input = item->request.input;
        item->result.lineNumber = item->request.lineNumber;
        item->result.url = item->request.url;
        item->result.handle = item->request.handle;
        if (item->request.isValid())
            m_queue.append(i);
        m_items.push_back(std::move(item));
    }
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_running = true;
    qCInfo(lcDownload) << "Starting" << requests.size() << "downloads," << m_options.maxConcurrent
                       << "at once";

    // Deferred so that every signal comes after start() has returned.
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation != m_generation)
                return;
            if (m_items.empty()) {
                m_running = false;
                Q_EMIT allFinished();
                return;
            }
            for (int i = 0; i < int(m_items.size()); ++i) {
                const Item &item = *m_items[i];
                if (!item.request.isValid()) {
                    finishItem(i, item.request.error, item.request.errorString);
                    if (generation != m_generation)
                        return;
                }
            }
            pump();
        },
        Qt::QueuedConnection);
}

void Downloader::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    const quint64 generation = m_generation;
    m_queue.clear();
    for (const auto &item : m_items) {
        if (item->reply) {
            disconnect(item->reply, nullptr, this, nullptr);
            item->reply->abort();
            item->reply->deleteLater();
            item->reply = nullptr;
        }
    }
    m_inFlight = 0;
    qCInfo(lcDownload) << "Download run cancelled";

    for (int i = 0; i < int(m_items.size()); ++i) {
        if (m_items[i]->finished)
            continue;
        finishItem(i, DownloadError::Cancelled,
                   tr("%1: cancelled.").arg(m_items[i]->request.input));
        if (generation != m_generation)
            return;
    }
}

bool Downloader::isRunning() const
{
    return m_running;
}

int Downloader::itemCount() const
{
    return int(m_items.size());
}

QVector<DownloadResult> Downloader::results() const
{
    QVector<DownloadResult> results;
    results.reserve(int(m_items.size()));
    for (const auto &item : m_items)
        results.append(item->result);
    return results;
}

void Downloader::pump()
{
    const int maxConcurrent = qMax(1, m_options.maxConcurrent);
    while (m_running && m_inFlight < maxConcurrent && !m_queue.isEmpty()) {
        const int index = m_queue.takeFirst();
        if (!m_items[index]->finished)
            launch(index);
    }
}

void Downloader::launch(int index)
{
    Item &item = *m_items[index];
    item.buffer.clear();
    item.contentType.clear();
    item.abortedTooLarge = false;
    item.announcedLength = -1;
    ++item.result.attempts;

    QNetworkRequest request(item.request.url);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    request.setMaximumRedirectsAllowed(m_options.maxRedirects);
    // Follows redirects except from https to http.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("ProfileLens/" PROFILELENS_VERSION));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("image/*"));

    QNetworkReply *reply = m_network->get(request);
    item.reply = reply;
    ++m_inFlight;

    connect(reply, &QNetworkReply::metaDataChanged, this,
            [this, index, reply] { checkContentLength(index, reply); });
    connect(reply, &QNetworkReply::readyRead, this, [this, index, reply] { onReadyRead(index, reply); });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, index](qint64 received, qint64 total) { Q_EMIT itemProgress(index, received, total); });
    connect(reply, &QNetworkReply::finished, this, [this, index, reply] { onReplyFinished(index, reply); });

    if (!item.started) {
        item.started = true;
        Q_EMIT itemStarted(index, item.request.url);
    }
}

// ---------------------------------------------------------------------------------------
// Reply handling

void Downloader::checkContentLength(int index, QNetworkReply *reply)
{
    Item &item = *m_items[index];
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Redirect and error responses are not the picture; their bodies are discarded.
    if (!isSuccessStatus(status))
        return;
    item.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (!length.isValid())
        return;
    item.announcedLength = length.toLongLong();
    if (item.announcedLength > m_options.maxBytes) {
        item.abortedTooLarge = true;
        reply->abort();
    }
}

void Downloader::onReadyRead(int index, QNetworkReply *reply)
{
    Item &item = *m_items[index];
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray chunk = reply->readAll();
    if (!isSuccessStatus(status) || item.abortedTooLarge)
        return;
    item.buffer.append(chunk);
    // Servers may omit Content-Length or send more than announced.
    if (item.buffer.size() > m_options.maxBytes) {
        item.abortedTooLarge = true;
        item.buffer.clear();
        reply->abort();
    }
}

bool Downloader::isTransient(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 500 || status == 408 || status == 429)
        return true;
    switch (reply->error()) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts the reply
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return true;
    default:
        return false;
    }
}

void Downloader::onReplyFinished(int index, QNetworkReply *reply)
{
    Item &item = *m_items[index];
    --m_inFlight;
    item.reply = nullptr;
    reply->deleteLater();

    const QString url = displayUrl(item.request.url);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    item.result.httpStatus = status;

    if (item.abortedTooLarge) {
        const QString reason =
            item.announcedLength > m_options.maxBytes
                ? tr("%1: too large (the server announced %2 bytes; the limit is %3 bytes).")
                      .arg(url)
                      .arg(item.announcedLength)
                      .arg(m_options.maxBytes)
                : tr("%1: too large (more than %2 bytes received).").arg(url).arg(m_options.maxBytes);
        finishItem(index, DownloadError::TooLarge, reason);
        pump();
        return;
    }

    if (reply->error() == QNetworkReply::NoError) {
        onReadyRead(index, reply);
        if (item.abortedTooLarge) {
            finishItem(index, DownloadError::TooLarge,
                       tr("%1: too large (more than %2 bytes received).").arg(url).arg(m_options.maxBytes));
        } else {
            sniff(index, std::exchange(item.buffer, QByteArray()));
        }
        pump();
        return;
    }

    DownloadError error = DownloadError::NetworkError;
    QString reason;
    switch (reply->error()) {
    case QNetworkReply::TooManyRedirectsError:
        error = DownloadError::TooManyRedirects;
        reason = tr("%1: too many redirects (more than %2; the server may redirect in a loop).")
                     .arg(url)
                     .arg(m_options.maxRedirects);
        break;
    case QNetworkReply::InsecureRedirectError:
        error = DownloadError::NetworkError;
        reason = tr("%1: the server redirected from https to an insecure http URL, which is not "
                    "followed.")
                     .arg(url);
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        error = DownloadError::Timeout;
        reason = tr("%1: timed out (no data for %2 ms).").arg(url).arg(m_options.transferTimeoutMs);
        break;
    default:
        if (status >= 400) {
            error = DownloadError::HttpError;
            const QString phrase =
                reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            reason = tr("%1: HTTP %2 %3").arg(url).arg(status).arg(phrase).trimmed();
        } else {
            reason = tr("%1: %2").arg(url, reply->errorString());
        }
        break;
    }

    if (isTransient(reply) && item.result.attempts <= m_options.maxRetries) {
        scheduleRetry(index, reason);
        pump();
        return;
    }
    finishItem(index, error, reason);
    pump();
}

void Downloader::scheduleRetry(int index, const QString &reason)
{
    Item &item = *m_items[index];
    const int retry = item.result.attempts; // 1 for the first retry
    // NOTE: a Retry-After header from a 429 or 503 response is not read; the wait is
    // always the exponential backoff.
    const qint64 delay = qMin<qint64>(qint64(m_options.retryBaseDelayMs) << qMin(retry - 1, 20),
                                      kMaxRetryDelayMs);
    qCInfo(lcDownload).noquote() << "Retrying" << displayUrl(item.request.url) << "in" << delay
                                 << "ms after:" << reason;
    Q_EMIT itemRetrying(index, retry + 1, int(delay), reason);

    const quint64 generation = m_generation;
    QTimer::singleShot(int(delay), this, [this, index, generation] {
        if (generation != m_generation || m_items[index]->finished)
            return;
        m_queue.prepend(index);
        pump();
    });
}

void Downloader::sniff(int index, QByteArray data)
{
    const QString url = displayUrl(m_items[index]->request.url);
    const quint64 generation = m_generation;

    // Decoding a large JPEG takes tens of milliseconds, so it runs off this thread.
    auto *watcher = new QFutureWatcher<LoadedImage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, index, generation, url, data] {
        watcher->deleteLater();
        if (generation != m_generation || m_items[index]->finished)
            return;
        Item &item = *m_items[index];
        const LoadedImage loaded = watcher->result();
        if (loaded.isValid()) {
            item.result.data = data;
            item.result.format = loaded.format;
            finishItem(index, DownloadError::None, QString());
        } else if (loaded.error == ImageError::TooLarge) {
            finishItem(index, DownloadError::TooLarge,
                       tr("%1: the image is too large: %2").arg(url, loaded.errorString));
        } else {
            const QString contentType =
                item.contentType.isEmpty() ? tr("none") : item.contentType;
            finishItem(index, DownloadError::NotAnImage,
                       tr("%1: not an image (Content-Type %2, %3 bytes). Check that the link "
                          "points to a picture, not to a web page.")
                           .arg(url, contentType)
                           .arg(data.size()));
        }
    });
    watcher->setFuture(QtConcurrent::run([data, url] { return loadImageData(data, url); }));
}

void Downloader::finishItem(int index, DownloadError error, const QString &message)
{
    Item &item = *m_items[index];
    item.finished = true;
    item.result.error = error;
    item.result.errorString = message;
    if (error != DownloadError::None) {
        item.result.data.clear();
        if (error != DownloadError::Cancelled)
            qCWarning(lcDownload).noquote() << "Download failed:" << message;
    }
    ++m_finishedCount;

    // A slot may call cancel() or start(); then this run's bookkeeping is over.
    const quint64 generation = m_generation;
    const int total = int(m_items.size());
    Q_EMIT itemFinished(index, item.result);
    if (generation != m_generation)
        return;
    Q_EMIT progress(m_finishedCount, total);
    if (generation != m_generation)
        return;
    if (m_finishedCount == total) {
        m_running = false;
        qCInfo(lcDownload) << "Download run finished:" << total << "items";
        Q_EMIT allFinished();
    }
}

} // namespace ProfileLens
