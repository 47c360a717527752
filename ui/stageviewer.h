#pragma once

#include "preprocessor.h"
#include "projectstore.h"
#include "stageimageview.h"

#include <QImage>
#include <QPointF>
#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>
#include <mutex>
#include <optional>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace ProfileLens {

/**
 * Shows the preprocessing stages of one project image: the original with the detected face
 * drawn over it, the aligned colour face, its grayscale version and the model's input. They
 * are laid out in one row, or in two rows of two when the viewer is more than 1.2 times as
 * tall as it is wide, as in a dock beside the gallery.
 *
 * Preprocessing runs on a QtConcurrent worker with the viewer's own Preprocessor. At most
 * one job runs at a time, and requests made meanwhile replace each other. A result is shown
 * only when it belongs to the latest request, so quick browsing never shows a stale picture.
 *
 * Eyes can be placed by hand on the original: they are saved with
 * ProjectStore::setManualEyes() and used for that image from then on.
 */
class StageViewer : public QWidget
{
    Q_OBJECT

public:
    enum class Stage {
        Original,
        Aligned,
        Gray,
        Small,
    };

    explicit StageViewer(QWidget *parent = nullptr);
    ~StageViewer() override;

    /// Uses \a store for image paths and manual eyes; the store must outlive this widget or
    /// be replaced first. Clears the view.
    void setProject(ProjectStore *store);
    /// Preprocessing used from the next request on (the default matches the shipped model).
    void setPreprocessSettings(const PreprocessSettings &settings);

    /// Starts preprocessing \a image, with its saved manual eyes when it has any.
    void showImage(const ImageRecord &image);
    void clear();

    /// Returns the picture displayed for \a stage; null when there is none.
    QImage stageImage(Stage stage) const;
    /// Returns the status line: "Processing...", the face count, or why no face was aligned.
    QString statusText() const;
    /// Returns the alignment of the result on display.
    FaceAlignment alignment() const;
    /// Returns the id of the image on display or being processed, -1 when none.
    qint64 currentImageId() const;
    bool isProcessing() const;
    bool isPickingEyes() const;

public Q_SLOTS:
    /// Enters eye placement: the next two clicks on the original set the eye centres.
    void startEyePicking();
    void cancelEyePicking();
    /// Forgets the eyes placed by hand for the current image and runs detection again.
    void resetToDetected();

Q_SIGNALS:
    /// Emitted after eyes placed by hand were saved or cleared for \a imageId.
    void manualEyesChanged(qint64 imageId);
    /// Emitted whenever a result (stages or the reason there are none) is displayed.
    void stagesReady();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /// The Preprocessor kept between jobs, shared with the job that runs.
    struct PreprocessorCache
    {
        std::mutex mutex;
        std::unique_ptr<Preprocessor> preprocessor;
    };

    struct Request
    {
        quint64 generation = 0;
        qint64 imageId = -1;
        QString path;
        /// Picture already decoded, reused when only the eyes changed.
        QImage original;
        std::optional<EyePoints> eyes;
        PreprocessSettings settings;
        std::shared_ptr<PreprocessorCache> cache;
    };
    struct Result
    {
        quint64 generation = 0;
        qint64 imageId = -1;
        Stages stages;
    };

    static Result process(const Request &request);
    void submit(Request request);
    void launch(const Request &request);
    void onFinished(const Result &result);
    void display(const Result &result);
    void onOriginalClicked(const QPointF &imagePos);
    void finishEyePicking(QPointF first, QPointF second);
    /// Places the stage cells for the current shape: one row, or two rows of two.
    void arrangeStages();
    /// Shows the reason there are no aligned stages in their place, or the stages again.
    void setReasonShown(bool shown);
    void setShowLandmarks(bool show);
    void updateButtons();
    void setStatus(const QString &text, bool problem);
    void setInstruction(const QString &text);

    ProjectStore *m_store = nullptr;
    PreprocessSettings m_settings;
    std::shared_ptr<PreprocessorCache> m_cache;

    StageImageView *m_views[4] = {};
    QLabel *m_captions[4] = {};
    /// Each stage's view with its caption below it.
    QWidget *m_cells[4] = {};
    QGridLayout *m_stagesGrid = nullptr;
    /// True when the viewer is tall enough for two rows of two stages.
    bool m_twoRows = false;
    bool m_reasonShown = false;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLabel *m_instructionLabel = nullptr;
    QCheckBox *m_showLandmarks = nullptr;
    QPushButton *m_placeEyesButton = nullptr;
    QPushButton *m_resetEyesButton = nullptr;

    /// Increases with every request; results of older requests are dropped.
    quint64 m_generation = 0;
    bool m_running = false;
    std::optional<Request> m_pending;

    ImageRecord m_record;
    Stages m_stages;
    /// Image that m_stages belong to; differs from m_record while a new image is processed.
    qint64 m_stagesImageId = -1;
    /// Overlay of the result on display, without the clicks of an eye placement.
    StageOverlay m_overlay;
    bool m_hasManualEyes = false;
    bool m_picking = false;
    QVector<QPointF> m_picked;
    QString m_statusText;
};

} // namespace ProfileLens
