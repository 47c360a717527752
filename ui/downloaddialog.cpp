#include "downloaddialog.h"

#include "downloadtablemodel.h"
#include "logging.h"
#include "projectstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace ProfileLens {

namespace {

const QString kHandleTemplateKey = QStringLiteral("downloads/handleTemplate");
const QString kConcurrencyKey = QStringLiteral("downloads/maxConcurrent");
const QString kTimeoutKey = QStringLiteral("downloads/timeoutSeconds");
const QString kSizeCapKey = QStringLiteral("downloads/maxMegabytes");
const QString kRetriesKey = QStringLiteral("downloads/maxRetries");

constexpr int kDefaultConcurrency = 4;
constexpr int kMaxConcurrency = 16;
constexpr int kDefaultTimeoutSeconds = 20;
constexpr int kMaxTimeoutSeconds = 600;
// Profile pictures are far below 10 MB; the cap stops a wrong link from filling the disk.
constexpr int kDefaultSizeCapMegabytes = 10;
constexpr int kMaxSizeCapMegabytes = 1024;
constexpr int kDefaultRetries = 3;
constexpr int kMaxRetries = 10;
constexpr qint64 kBytesPerMegabyte = 1024 * 1024;

} // namespace

DownloadDialog::DownloadDialog(ProjectStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_downloader(new Downloader(this))
    , m_model(new DownloadTableModel(this))
{
    setWindowTitle(tr("Download Pictures"));

    auto *inputLabel = new QLabel(tr("&URLs or account handles, one per line:"), this);
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("inputEdit"));
    m_input->setAccessibleName(tr("URLs or account handles"));
    m_input->setPlaceholderText(
        tr("https://example.com/photos/anna.jpg\n@anna_smith\n# Lines starting with # are "
           "skipped"));
    m_input->setTabChangesFocus(true);
    inputLabel->setBuddy(m_input);

    m_handleTemplate = new QLineEdit(this);
    m_handleTemplate->setObjectName(QStringLiteral("handleTemplateEdit"));
    m_handleTemplate->setToolTip(
        tr("URL of an account's picture; {handle} is replaced by the handle without '@'."));
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("concurrencySpin"));
    m_concurrency->setRange(1, kMaxConcurrency);
    m_concurrency->setToolTip(tr("Number of downloads that run at the same time."));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeout->setRange(1, kMaxTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("A download fails when no data arrives for this many seconds."));
    m_sizeCap = new QSpinBox(this);
    m_sizeCap->setObjectName(QStringLiteral("sizeCapSpin"));
    m_sizeCap->setRange(1, kMaxSizeCapMegabytes);
    m_sizeCap->setSuffix(tr(" MB"));
    m_sizeCap->setToolTip(tr("Larger downloads are stopped and reported as failed."));
    m_retries = new QSpinBox(this);
    m_retries->setObjectName(QStringLiteral("retriesSpin"));
    m_retries->setRange(0, kMaxRetries);
    m_retries->setToolTip(
        tr("Extra attempts after a timeout, a server error (HTTP 5xx, 408, 429) or a dropped "
           "connection. The wait starts at one second and doubles each time."));

    m_settingsBox = new QGroupBox(tr("Settings"), this);
    auto *form = new QFormLayout(m_settingsBox);
    form->addRow(tr("&Handle URL template:"), m_handleTemplate);
    form->addRow(tr("Downloads at &once:"), m_concurrency);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(tr("&Size limit:"), m_sizeCap);
    form->addRow(tr("&Retries:"), m_retries);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("downloadTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(DownloadTableModel::StateColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setColumnWidth(DownloadTableModel::InputColumn, 260);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Start"), QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_cancelButton = buttons->addButton(tr("&Cancel"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Stop every download that has not finished."));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(inputLabel);
    layout->addWidget(m_input, 1);
    layout->addWidget(m_settingsBox);
    layout->addWidget(m_table, 2);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(m_startButton, &QPushButton::clicked, this, &DownloadDialog::startDownloads);
    connect(m_cancelButton, &QPushButton::clicked, this, &DownloadDialog::cancelDownloads);
    connect(buttons, &QDialogButtonBox::rejected, this, &DownloadDialog::reject);

    connect(m_downloader, &Downloader::itemStarted, this,
            [this](int index, const QUrl &) { onItemStarted(index); });
    connect(m_downloader, &Downloader::itemRetrying, this,
            [this](int index, int attempt, int, const QString &reason) {
                m_model->setRetrying(index, attempt, reason);
            });
    connect(m_downloader, &Downloader::itemProgress, this,
            [this](int index, qint64 received, qint64 total) {
                m_model->setDownloading(index, received, total);
            });
    connect(m_downloader, &Downloader::itemFinished, this, &DownloadDialog::onItemFinished);
    connect(m_downloader, &Downloader::progress, this, [this](int finished, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(finished);
    });
    connect(m_downloader, &Downloader::allFinished, this, &DownloadDialog::finishRun);

    loadSettings();
    setRunning(false);
    resize(760, 600);
}

DownloadDialog::~DownloadDialog() = default;

DownloadOptions DownloadDialog::options() const
{
    DownloadOptions options;
    options.handleUrlTemplate = m_handleTemplate->text().trimmed();
    options.maxConcurrent = m_concurrency->value();
    options.transferTimeoutMs = m_timeout->value() * 1000;
    options.maxBytes = qint64(m_sizeCap->value()) * kBytesPerMegabyte;
    options.maxRetries = m_retries->value();
    return options;
}

bool DownloadDialog::isRunning() const
{
    return m_running;
}

QString DownloadDialog::summaryText() const
{
    return m_summary->text();
}

DownloadTableModel *DownloadDialog::model() const
{
    return m_model;
}

void DownloadDialog::startDownloads()
{
    if (m_running)
        return;
    if (!m_store || !m_store->isOpen()) {
        m_summary->setText(tr("No project is open. Open or create a project, then download."));
        return;
    }

    const DownloadOptions downloadOptions = options();
    const QVector<DownloadRequest> requests =
        Downloader::parseInput(m_input->toPlainText(), downloadOptions.handleUrlTemplate);
    if (requests.isEmpty()) {
        m_summary->setText(tr("Nothing to download. Paste URLs or account handles, one per line."));
        return;
    }
    saveSettings();

    QStringList inputs;
    inputs.reserve(requests.size());
    for (const DownloadRequest &request : requests)
        inputs.append(request.input);
    m_model->resetRows(inputs);
    m_importedIds.clear();
    m_duplicates = 0;
    m_failed = 0;
    m_cancelled = 0;
    m_progress->setRange(0, int(requests.size()));
    m_progress->setValue(0);
    m_summary->setText(tr("Downloading %1 items...").arg(requests.size()));

    setRunning(true);
    m_downloader->setOptions(downloadOptions);
    m_downloader->start(requests);
}

void DownloadDialog::cancelDownloads()
{
    if (m_running)
        m_downloader->cancel();
}

void DownloadDialog::reject()
{
    cancelDownloads();
    QDialog::reject();
}

void DownloadDialog::onItemStarted(int index)
{
    m_model->setDownloading(index, 0, -1);
}

void DownloadDialog::onItemFinished(int index, const DownloadResult &result)
{
    if (result.isOk()) {
        importResult(index, result);
        return;
    }
    if (result.error == DownloadError::Cancelled) {
        ++m_cancelled;
        m_model->setFinished(index, DownloadRowState::Cancelled, result.errorString);
        return;
    }
    ++m_failed;
    m_model->setFinished(index, DownloadRowState::Failed, result.errorString);
}

void DownloadDialog::importResult(int index, const DownloadResult &result)
{
    ImageSource source;
    source.kind = result.handle.isEmpty() ? ImageSourceKind::Url : ImageSourceKind::Handle;
    // Credentials in a URL are not kept in the project.
    source.location = result.url.toString(QUrl::RemoveUserInfo);
    source.handle = result.handle;

    const ImportResult imported = m_store->importData(result.data, source.location, source);
    if (!imported.isOk()) {
        ++m_failed;
        qCWarning(lcDownload).noquote() << "Import failed:" << imported.errorString;
        m_model->setFinished(index, DownloadRowState::Failed, imported.errorString);
        return;
    }
    if (imported.duplicate) {
        ++m_duplicates;
        m_model->setFinished(index, DownloadRowState::Duplicate,
                             tr("Already in the project as image %1.").arg(imported.imageId),
                             imported.imageId);
        return;
    }
    m_importedIds.append(imported.imageId);
    m_model->setFinished(index, DownloadRowState::Done,
                         tr("Imported as image %1.").arg(imported.imageId), imported.imageId);
}

void DownloadDialog::finishRun()
{
    QStringList parts;
    parts.append(tr("%1 downloaded").arg(m_importedIds.size()));
    parts.append(m_duplicates == 1 ? tr("1 duplicate") : tr("%1 duplicates").arg(m_duplicates));
    parts.append(tr("%1 failed").arg(m_failed));
    if (m_cancelled > 0)
        parts.append(tr("%1 cancelled").arg(m_cancelled));
    m_summary->setText(parts.join(QStringLiteral(", ")));

    setRunning(false);
    Q_EMIT imagesImported(m_importedIds, m_duplicates);
}

void DownloadDialog::setRunning(bool running)
{
    m_running = running;
    m_startButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_input->setReadOnly(running);
    m_settingsBox->setEnabled(!running);
}

void DownloadDialog::loadSettings()
{
    const QSettings settings;
    const DownloadOptions defaults;
    m_handleTemplate->setText(
        settings.value(kHandleTemplateKey, defaults.handleUrlTemplate).toString());
    m_concurrency->setValue(settings.value(kConcurrencyKey, kDefaultConcurrency).toInt());
    m_timeout->setValue(settings.value(kTimeoutKey, kDefaultTimeoutSeconds).toInt());
    m_sizeCap->setValue(settings.value(kSizeCapKey, kDefaultSizeCapMegabytes).toInt());
    m_retries->setValue(settings.value(kRetriesKey, kDefaultRetries).toInt());
}

void DownloadDialog::saveSettings() const
{
    QSettings settings;
    settings.setValue(kHandleTemplateKey, m_handleTemplate->text().trimmed());
    settings.setValue(kConcurrencyKey, m_concurrency->value());
    settings.setValue(kTimeoutKey, m_timeout->value());
    settings.setValue(kSizeCapKey, m_sizeCap->value());
    settings.setValue(kRetriesKey, m_retries->value());
}

} // namespace ProfileLens
