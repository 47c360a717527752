#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QVector>

#include <optional>

namespace ProfileLens {

/// A hand label for one attribute of one image.
enum class LabelValue {
    No,
    Yes,
    Unsure,
};

/// Returns "yes", "no" or "unsure", the spelling stored in the database and used in exports.
QString labelValueKey(LabelValue value);
/// Parses "yes", "no" or "unsure" (case-insensitive); returns nothing for any other text.
std::optional<LabelValue> labelValueFromKey(const QString &key);

/// Origin of an imported image.
enum class ImageSourceKind {
    File,
    Url,
    Handle,
};

/// Returns "file", "url" or "handle", the spelling stored in the database and used in exports.
QString imageSourceKindKey(ImageSourceKind kind);

/// Provenance of an imported image, kept for the targeting export.
struct ImageSource
{
    ImageSourceKind kind = ImageSourceKind::File;
    /// Local path for files; the downloaded URL for URLs and handles.
    QString location;
    /// Account handle without the leading '@'; empty unless kind is Handle.
    QString handle;
};

/// One image of a project, as stored in the images table.
struct ImageRecord
{
    qint64 id = -1;
    /// SHA-256 of the file content, lower-case hex.
    QString sha256;
    /// File name inside the project's images/ folder: the hash plus the extension.
    QString fileName;
    /// Pixel size after EXIF orientation was applied.
    int width = 0;
    int height = 0;
    QDateTime addedAt;
    ImageSource source;
};

/// Outcome of an import. A duplicate is a success that points at the image already stored.
struct ImportResult
{
    qint64 imageId = -1;
    /// True when an image with the same content hash was already in the project.
    bool duplicate = false;
    /// Names the input and the reason; empty on success.
    QString errorString;

    bool isOk() const { return errorString.isEmpty(); }
};

/// Success, or a message that names the value involved and what to do.
struct StoreStatus
{
    QString errorString;

    bool isOk() const { return errorString.isEmpty(); }
};

/// A value read from the store, or the message explaining why it could not be read.
template <typename T>
struct StoreResult
{
    T value{};
    QString errorString;

    bool isOk() const { return errorString.isEmpty(); }
};

struct LabelRecord
{
    qint64 imageId = -1;
    QString attribute;
    LabelValue value = LabelValue::Unsure;
    /// Set by the store on write; ignored by setLabels().
    QDateTime updatedAt;
};

/// Number of images per label value for one attribute.
struct LabelCounts
{
    int yes = 0;
    int no = 0;
    int unsure = 0;
    /// Images without a label for the attribute.
    int unlabeled = 0;
};

/// Eye centres placed by hand, in the original image's pixel coordinates after EXIF
/// orientation. "Left" is the eye on the left of the picture.
struct EyePoints
{
    QPointF left;
    QPointF right;
};

/// A trained model file registered with the project.
struct ModelRecord
{
    qint64 id = -1;
    QString name;
    /// Attribute the model predicts (for example "Eyeglasses").
    QString attribute;
    /// Path of the model file, stored as given.
    QString filePath;
    QDateTime createdAt;
    /// Evaluation results as written by the trainer; stored as JSON text.
    QJsonObject metrics;
    /// Probability at or above which an image counts as showing the attribute.
    double threshold = 0.5;
    /// At most one model of a project is active.
    bool active = false;
};

/// The output of one model for one image.
struct PredictionRecord
{
    qint64 modelId = -1;
    qint64 imageId = -1;
    /// Empty when no probability could be computed, for example when no face was found.
    std::optional<double> probability;
    /// Short key of the alignment outcome ("found", "manual-eyes", "no-face", ...).
    QString alignmentStatus;
};

/**
 * Reads and writes a ProfileLens project: a folder with project.sqlite and images/.
 *
 * This is the only class that runs SQL. Images are stored once, named by the SHA-256 of
 * their content, and written through QSaveFile so a crash never leaves half a file under
 * its final name. Every write is committed before the call returns.
 *
 * The database runs in WAL mode with synchronous=FULL: a committed label survives a kill
 * of the process and also a power loss or OS crash, at the cost of one fsync per commit.
 * (In WAL mode NORMAL would survive a process kill too, but not a power loss.) Labels are
 * set at the pace of clicks, and bulk writes share one transaction, so the fsync is cheap.
 *
 * Each instance opens its own uniquely named QSqlDatabase connection. Qt allows a
 * connection to be used only by the thread that created it. An instance therefore belongs
 * to the thread that called create() or open(), and calls from another thread fail with a
 * message.
 */
class ProjectStore
{
    Q_DECLARE_TR_FUNCTIONS(ProjectStore)

public:
    /// Schema written by create() and by the migration in open().
    static constexpr int SchemaVersion = 2;
    /// PRAGMA application_id of ProfileLens projects ("PLns" in ASCII).
    static constexpr qint32 ApplicationId = 0x504C6E73;

    static QString databaseFileName() { return QStringLiteral("project.sqlite"); }
    static QString imagesFolderName() { return QStringLiteral("images"); }
    /// Attribute every new project starts with.
    static QString defaultAttribute() { return QStringLiteral("Eyeglasses"); }
    /// The 40 attribute names of CelebA's list_attr_celeba.txt, in file order.
    static const QStringList &celebaAttributeNames();
    /// Checks a custom attribute name: 1 to 64 letters, digits, '_' or '-', starting with a
    /// letter or digit. Returns an empty string when valid, otherwise the reason.
    static QString validateAttributeName(const QString &name);

    ProjectStore();
    ~ProjectStore();
    ProjectStore(const ProjectStore &) = delete;
    ProjectStore &operator=(const ProjectStore &) = delete;

    /// Creates a new project in \a folder (created if missing; it must not already hold a
    /// project.sqlite) and leaves it open. The project starts with the Eyeglasses attribute.
    StoreStatus create(const QString &folder);
    /// Opens the project in \a folder, migrating an older schema after writing a backup
    /// copy named project.v<N>.sqlite. Rejects damaged files, foreign SQLite files and
    /// projects written by a newer ProfileLens.
    StoreStatus open(const QString &folder);
    void close();
    bool isOpen() const;

    QString folder() const;
    QString databasePath() const;
    QString imagesPath() const;
    /// Absolute path of the stored copy of \a image.
    QString imageFilePath(const ImageRecord &image) const;

    /// Reads the file at \a path, checks that it decodes as an image, and stores it unless
    /// an image with the same content is already in the project.
    ImportResult importFile(const QString &path, const ImageSource &source = {});
    /// Stores downloaded bytes; \a name (a URL, say) is used in messages only.
    ImportResult importData(const QByteArray &data, const QString &name,
                            const ImageSource &source);

    StoreResult<QVector<ImageRecord>> images() const;
    StoreResult<ImageRecord> image(qint64 imageId) const;
    StoreResult<int> imageCount() const;

    StoreStatus setLabel(qint64 imageId, const QString &attribute, LabelValue value);
    /// Writes all \a labels in one transaction: either all are stored or none is.
    StoreStatus setLabels(const QVector<LabelRecord> &labels);
    StoreStatus clearLabel(qint64 imageId, const QString &attribute);
    /// Returns the label, or an empty optional when the image has none for \a attribute.
    StoreResult<std::optional<LabelValue>> label(qint64 imageId, const QString &attribute) const;
    /// Returns all labels for \a attribute, ordered by image id.
    StoreResult<QVector<LabelRecord>> labels(const QString &attribute) const;
    StoreResult<LabelCounts> labelCounts(const QString &attribute) const;

    /// Adds \a name to the project's attributes. A CelebA name in another letter case is
    /// stored in CelebA's spelling; adding an attribute that exists is not an error.
    StoreStatus addAttribute(const QString &name);
    StoreResult<QStringList> attributes() const;

    StoreStatus setManualEyes(qint64 imageId, const EyePoints &eyes);
    StoreResult<std::optional<EyePoints>> manualEyes(qint64 imageId) const;
    StoreStatus clearManualEyes(qint64 imageId);

    /// Registers a model; its id and creation time are set by the store when unset.
    StoreResult<qint64> addModel(const ModelRecord &model);
    StoreResult<QVector<ModelRecord>> models() const;
    /// Makes \a modelId the only active model.
    StoreStatus setActiveModel(qint64 modelId);
    /// Returns the active model, or an empty optional when none is active.
    StoreResult<std::optional<ModelRecord>> activeModel() const;
    /// Sets the decision threshold of \a modelId; it must lie in [0, 1].
    StoreStatus setModelThreshold(qint64 modelId, double threshold);

    /// Inserts or replaces \a predictions in one transaction.
    StoreStatus storePredictions(const QVector<PredictionRecord> &predictions);
    StoreResult<QVector<PredictionRecord>> predictions(qint64 modelId) const;

    StoreStatus setSetting(const QString &key, const QString &value);
    /// Returns the value, or an empty optional when \a key was never set.
    StoreResult<std::optional<QString>> setting(const QString &key) const;

    /// Runs PRAGMA integrity_check and returns its output: "ok" for a sound database.
    StoreResult<QString> checkIntegrity() const;

private:
    StoreStatus openConnection(const QString &folder);
    StoreStatus checkUsable() const;
    ImportResult importBytes(const QByteArray &data, const QString &name,
                             const QString &extension, const ImageSource &source);

    QString m_folder;
    QString m_connectionName;
    QThread *m_ownerThread = nullptr;
    bool m_open = false;
};

} // namespace ProfileLens
