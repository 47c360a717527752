#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QVector>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
QT_END_NAMESPACE

namespace ProfileLens {

/// Limits and policies of a download run.
struct DownloadOptions
{
    /// URL for an account handle; "{handle}" is replaced by the percent-encoded handle.
    QString handleUrlTemplate = QStringLiteral("https://unavatar.io/x/{handle}");
    /// Requests in flight at once.
    int maxConcurrent = 4;
    /// A request fails when no byte arrives for this long (QNetworkRequest::setTransferTimeout).
    int transferTimeoutMs = 20000;
    /// Redirects followed per request before it fails as a redirect loop.
    int maxRedirects = 5;
    /// Largest body accepted; profile pictures are far smaller than 10 MB.
    qint64 maxBytes = 10 * 1024 * 1024;
    /// Extra attempts after a transient failure (timeout, HTTP 5xx, 408, 429, refused or
    /// reset connection). Other failures, such as HTTP 404, are never retried.
    int maxRetries = 3;
    /// Wait before the first retry; it doubles for each further retry.
    int retryBaseDelayMs = 1000;
};

/// Cause of a failed download.
enum class DownloadError {
    None,
    InvalidInput,
    UnsupportedScheme,
    HttpError,
    Timeout,
    TooLarge,
    NotAnImage,
    TooManyRedirects,
    NetworkError,
    Cancelled,
};

/// One input line turned into a request, or the reason the line is not usable.
struct DownloadRequest
{
    /// 1-based line number in the input text.
    int lineNumber = 0;
    /// The line as given, without surrounding white space.
    QString input;
    QUrl url;
    /// Account handle without the leading '@'; empty for URL lines.
    QString handle;
    DownloadError error = DownloadError::None;
    /// Names the line and the reason; empty when the line is usable.
    QString errorString;

    bool isValid() const { return error == DownloadError::None; }
};

/// The outcome of one item: the downloaded bytes or the reason it failed.
struct DownloadResult
{
    QString input;
    int lineNumber = 0;
    QUrl url;
    QString handle;
    /// Body of the response; checked to decode as an image. Empty on failure.
    QByteArray data;
    /// Image format detected from the content ("jpeg", "png", ...).
    QByteArray format;
    /// Last HTTP status received, 0 when no response arrived.
    int httpStatus = 0;
    /// Requests sent, retries included.
    int attempts = 0;
    DownloadError error = DownloadError::None;
    /// Names the URL and the reason (HTTP status and text, timeout, too large, ...).
    QString errorString;

    bool isOk() const { return error == DownloadError::None; }
};

/**
 * Downloads profile pictures from URLs and account handles.
 *
 * start() returns at once; the work runs on the thread the Downloader lives in, and all
 * signals are emitted after start() has returned. Each body is checked to decode as an
 * image (on a QtConcurrent worker) before the item counts as a success. No file is
 * written here: callers hand the bytes to ProjectStore::importData(), which names files
 * by content hash, so nothing the server sends can choose a file name.
 */
class Downloader : public QObject
{
    Q_OBJECT

public:
    explicit Downloader(QObject *parent = nullptr);
    explicit Downloader(const DownloadOptions &options, QObject *parent = nullptr);
    ~Downloader() override;

    DownloadOptions options() const;
    /// Takes effect at the next start().
    void setOptions(const DownloadOptions &options);

    /**
     * Splits \a text into requests, one per non-empty line; lines starting with '#' are
     * comments. A line with "://" or a scheme is a URL and must use http or https. Any other
     * line is an account handle: an optional '@' followed by 1 to 30 characters from
     * A-Z, a-z, 0-9, '_', '.' and '-'. Handles become URLs through \a handleUrlTemplate.
     */
    static QVector<DownloadRequest> parseInput(const QString &text, const QString &handleUrlTemplate);
    /// Parses one line; see parseInput().
    static DownloadRequest parseLine(const QString &line, int lineNumber,
                                     const QString &handleUrlTemplate);

    /// Parses \a text with the current template and starts downloading it.
    void start(const QString &text);
    /// Starts downloading \a requests; invalid ones finish at once with their message.
    /// Does nothing while a run is in progress.
    void start(const QVector<DownloadRequest> &requests);
    /// Aborts every request; unfinished items finish with DownloadError::Cancelled.
    void cancel();

    bool isRunning() const;
    int itemCount() const;
    /// Results so far, indexed like the requests; unfinished items have attempts == 0.
    QVector<DownloadResult> results() const;

Q_SIGNALS:
    void itemStarted(int index, const QUrl &url);
    /// Emitted before each retry with the wait in milliseconds and the failure being retried.
    void itemRetrying(int index, int attempt, int delayMs, const QString &reason);
    /// \a bytesTotal is -1 when the server sent no Content-Length.
    void itemProgress(int index, qint64 bytesReceived, qint64 bytesTotal);
    void itemFinished(int index, const ProfileLens::DownloadResult &result);
    /// Overall progress: items finished (successfully or not) out of all items.
    void progress(int finishedCount, int totalCount);
    void allFinished();

private:
    struct Item;

    void pump();
    void launch(int index);
    void onReplyFinished(int index, QNetworkReply *reply);
    void onReadyRead(int index, QNetworkReply *reply);
    void checkContentLength(int index, QNetworkReply *reply);
    void scheduleRetry(int index, const QString &reason);
    void sniff(int index, QByteArray data);
    void finishItem(int index, DownloadError error, const QString &message);
    static bool isTransient(QNetworkReply *reply);

    DownloadOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
    std::vector<std::unique_ptr<Item>> m_items;
    QVector<int> m_queue;
    int m_inFlight = 0;
    int m_finishedCount = 0;
    /// Increases with each start() and cancel(), so callbacks of an earlier run are ignored.
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace ProfileLens

Q_DECLARE_METATYPE(ProfileLens::DownloadResult)
