#pragma once

#include "downloader.h"

#include <QDialog>
#include <QVector>

QT_BEGIN_NAMESPACE
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
QT_END_NAMESPACE

namespace ProfileLens {

class DownloadTableModel;
class ProjectStore;

/**
 * Downloads profile pictures from pasted URLs and account handles and imports them into
 * the project.
 *
 * Each non-empty line becomes a row of the table with its state. Lines that the
 * Downloader rejects (an ftp:// URL, a malformed handle) fail at once with its message,
 * and the other lines continue. Pictures are stored under their content hash, so nothing the server
 * sends chooses a file name. The settings fields are saved with QSettings under
 * "downloads/".
 */
class DownloadDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DownloadDialog(ProjectStore *store, QWidget *parent = nullptr);
    ~DownloadDialog() override;

    /// Returns the download options set in the fields.
    DownloadOptions options() const;
    bool isRunning() const;
    /// Returns the summary of the last run, such as "5 downloaded, 1 duplicate, 2 failed".
    QString summaryText() const;
    DownloadTableModel *model() const;

public Q_SLOTS:
    void startDownloads();
    /// Aborts every unfinished download; the dialog stays open for another run.
    void cancelDownloads();
    /// Cancels a run in progress, then closes.
    void reject() override;

Q_SIGNALS:
    /// Emitted at the end of every run, cancelled ones included. \a imageIds are the images
    /// newly added to the project; \a duplicates counts pictures the project already had.
    void imagesImported(const QVector<qint64> &imageIds, int duplicates);

private:
    void loadSettings();
    void saveSettings() const;
    void onItemStarted(int index);
    void onItemFinished(int index, const ProfileLens::DownloadResult &result);
    void importResult(int index, const DownloadResult &result);
    void finishRun();
    void setRunning(bool running);

    ProjectStore *m_store = nullptr;
    Downloader *m_downloader = nullptr;
    DownloadTableModel *m_model = nullptr;

    QPlainTextEdit *m_input = nullptr;
    QGroupBox *m_settingsBox = nullptr;
    QLineEdit *m_handleTemplate = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_sizeCap = nullptr;
    QSpinBox *m_retries = nullptr;
    QTableView *m_table = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_closeButton = nullptr;

    bool m_running = false;
    QVector<qint64> m_importedIds;
    int m_duplicates = 0;
    int m_failed = 0;
    int m_cancelled = 0;
};

} // namespace ProfileLens
