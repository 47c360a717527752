#include "stageviewer.h"

#include "stageimageview.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineF>
#include <QLoggingCategory>
#include <QPushButton>
#include <QResizeEvent>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <utility>

namespace ProfileLens {

Q_LOGGING_CATEGORY(lcStageViewer, "profilelens.ui.stageviewer")

namespace {

const QString kShowLandmarksKey = QStringLiteral("stageViewer/showLandmarks");

// In one row, the original gets about as much room as the three aligned stages together,
// since it shows the overlay: stretch 4 against 2 for each aligned stage.
constexpr int kOriginalStretch = 4;
constexpr int kAlignedStageStretch = 2;
// The stages switch to two rows of two when the viewer is taller than this many times its
// width, as in a dock beside the gallery; one row of four would leave them small there.
constexpr double kTwoRowsAspectRatio = 1.2;

constexpr int kOriginal = int(StageViewer::Stage::Original);
constexpr int kAligned = int(StageViewer::Stage::Aligned);
constexpr int kGray = int(StageViewer::Stage::Gray);
constexpr int kSmall = int(StageViewer::Stage::Small);

QString stageName(int stage)
{
    switch (stage) {
    case kOriginal:
        return StageViewer::tr("Original");
    case kAligned:
        return StageViewer::tr("Aligned");
    case kGray:
        return StageViewer::tr("Grayscale");
    default:
        return StageViewer::tr("Model input");
    }
}

QString captionText(int stage, const QImage &image)
{
    if (image.isNull())
        return stageName(stage);
    return StageViewer::tr("%1\n%2 × %3 pixels")
        .arg(stageName(stage))
        .arg(image.width())
        .arg(image.height());
}

QString sourceText(const ImageRecord &record)
{
    switch (record.source.kind) {
    case ImageSourceKind::Handle:
        return QStringLiteral("@") + record.source.handle;
    case ImageSourceKind::Url:
        return record.source.location;
    case ImageSourceKind::File:
        break;
    }
    const QString name = QFileInfo(record.source.location).fileName();
    return name.isEmpty() ? record.fileName : name;
}

QWidget *makeCell(StageImageView *view, QLabel *caption, QWidget *parent)
{
    auto *cell = new QWidget(parent);
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view, 1);
    caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    layout->addWidget(caption);
    return cell;
}

} // namespace

StageViewer::StageViewer(QWidget *parent)
    : QWidget(parent)
    , m_cache(std::make_shared<PreprocessorCache>())
{
    setFocusPolicy(Qt::StrongFocus);
    for (int stage = kOriginal; stage <= kSmall; ++stage) {
        m_views[stage] = new StageImageView(this);
        m_captions[stage] = new QLabel(stageName(stage), this);
    }
    m_views[kOriginal]->setObjectName(QStringLiteral("originalView"));
    m_views[kAligned]->setObjectName(QStringLiteral("alignedView"));
    m_views[kGray]->setObjectName(QStringLiteral("grayView"));
    m_views[kSmall]->setObjectName(QStringLiteral("smallView"));
    m_views[kOriginal]->setAccessibleName(tr("Original picture"));
    m_views[kSmall]->setScaling(StageImageView::Scaling::Pixelated);
    // The stages differ in height; bottom alignment keeps each next to its caption.
    for (int stage = kOriginal; stage <= kSmall; ++stage)
        m_views[stage]->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);

    m_titleLabel = new QLabel(this);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_reasonLabel = new QLabel(this);
    m_reasonLabel->setObjectName(QStringLiteral("reasonLabel"));
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->setAlignment(Qt::AlignCenter);
    m_reasonLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont reasonFont = m_reasonLabel->font();
    reasonFont.setPointSizeF(reasonFont.pointSizeF() * 1.4);
    reasonFont.setBold(true);
    m_reasonLabel->setFont(reasonFont);
    m_reasonLabel->setMargin(24);

    for (int stage = kOriginal; stage <= kSmall; ++stage)
        m_cells[stage] = makeCell(m_views[stage], m_captions[stage], this);
    m_stagesGrid = new QGridLayout;

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_instructionLabel = new QLabel(this);
    m_instructionLabel->setObjectName(QStringLiteral("instructionLabel"));
    m_instructionLabel->setWordWrap(true);
    // Keeps its room while hidden, so the original does not move under the cursor when eye
    // placement starts.
    QSizePolicy instructionPolicy = m_instructionLabel->sizePolicy();
    instructionPolicy.setRetainSizeWhenHidden(true);
    m_instructionLabel->setSizePolicy(instructionPolicy);
    m_instructionLabel->hide();

    m_showLandmarks = new QCheckBox(tr("Show landmarks"), this);
    m_showLandmarks->setToolTip(
        tr("Draw the face box, the 68 landmarks, the eye centres and the eye targets over the "
           "original."));
    m_placeEyesButton = new QPushButton(tr("Place eyes by hand"), this);
    m_placeEyesButton->setAccessibleName(tr("Place eyes by hand"));
    m_placeEyesButton->setToolTip(
        tr("Click the centre of the eye on the left of the picture, then the one on the right. "
           "Esc cancels."));
    m_resetEyesButton = new QPushButton(tr("Reset to detected"), this);
    m_resetEyesButton->setAccessibleName(tr("Reset to detected eyes"));
    m_resetEyesButton->setToolTip(tr("Forget the eyes placed by hand and detect the face again."));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_showLandmarks);
    controls->addStretch(1);
    controls->addWidget(m_placeEyesButton);
    controls->addWidget(m_resetEyesButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addLayout(m_stagesGrid, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_instructionLabel);
    layout->addLayout(controls);

    const bool showLandmarks = QSettings().value(kShowLandmarksKey, true).toBool();
    m_showLandmarks->setChecked(showLandmarks);
    m_views[kOriginal]->setOverlayVisible(showLandmarks);

    arrangeStages();

    connect(m_showLandmarks, &QCheckBox::toggled, this, &StageViewer::setShowLandmarks);
    connect(m_placeEyesButton, &QPushButton::clicked, this, &StageViewer::startEyePicking);
    connect(m_resetEyesButton, &QPushButton::clicked, this, &StageViewer::resetToDetected);
    connect(m_views[kOriginal], &StageImageView::imageClicked, this,
            &StageViewer::onOriginalClicked);

    updateButtons();
}

// A job still running keeps its inputs and the preprocessor cache alive through shared
// copies. Its result is dropped with the watcher, so destruction does not wait for it.
StageViewer::~StageViewer() = default;

void StageViewer::setProject(ProjectStore *store)
{
    m_store = store;
    clear();
}

void StageViewer::setPreprocessSettings(const PreprocessSettings &settings)
{
    m_settings = settings;
}

void StageViewer::showImage(const ImageRecord &image)
{
    cancelEyePicking();
    m_record = image;
    m_hasManualEyes = false;
    m_titleLabel->setText(tr("Image %1: %2").arg(image.id).arg(sourceText(image)));

    if (!m_store || !m_store->isOpen()) {
        ++m_generation;
        m_pending.reset();
        Result result;
        result.generation = m_generation;
        result.imageId = image.id;
        result.stages.status = StageStatus::LoadFailed;
        result.stages.errorString = tr("No project is open, so image %1 cannot be shown.")
                                        .arg(image.id);
        display(result);
        return;
    }

    Request request;
    request.imageId = image.id;
    request.path = m_store->imageFilePath(image);
    const StoreResult<std::optional<EyePoints>> eyes = m_store->manualEyes(image.id);
    if (!eyes.isOk())
        qCWarning(lcStageViewer).noquote()
            << "Manual eyes of image" << image.id << "unreadable:" << eyes.errorString;
    else if (eyes.value)
        request.eyes = eyes.value;
    m_hasManualEyes = request.eyes.has_value();
    submit(request);
}

void StageViewer::clear()
{
    cancelEyePicking();
    ++m_generation;
    m_pending.reset();
    m_record = ImageRecord();
    m_stages = Stages();
    m_stagesImageId = -1;
    m_overlay = StageOverlay();
    m_hasManualEyes = false;
    for (int stage = kOriginal; stage <= kSmall; ++stage) {
        m_views[stage]->setImage(QImage());
        m_views[stage]->setOverlay({});
        m_views[stage]->setDimmed(false);
        m_captions[stage]->setText(stageName(stage));
    }
    setReasonShown(false);
    m_titleLabel->clear();
    setStatus(QString(), false);
    updateButtons();
}

QImage StageViewer::stageImage(Stage stage) const
{
    return m_views[int(stage)]->image();
}

QString StageViewer::statusText() const
{
    return m_statusText;
}

FaceAlignment StageViewer::alignment() const
{
    return m_stages.alignment;
}

qint64 StageViewer::currentImageId() const
{
    return m_record.id;
}

bool StageViewer::isProcessing() const
{
    return m_running || m_pending.has_value();
}

bool StageViewer::isPickingEyes() const
{
    return m_picking;
}

// ---------------------------------------------------------------------------------------
// Background processing

StageViewer::Result StageViewer::process(const Request &request)
{
    Result result;
    result.generation = request.generation;
    result.imageId = request.imageId;
    Stages &stages = result.stages;
    stages.source = request.path;

    try {
        QImage original = request.original;
        QString warning;
        if (original.isNull()) {
            const LoadedImage loaded = loadImage(request.path, request.settings.loading);
            if (!loaded.isValid()) {
                stages.status = StageStatus::LoadFailed;
                stages.errorString = loaded.errorString;
                return result;
            }
            original = loaded.image;
            warning = loaded.warning;
        }

        // Creating a Preprocessor builds dlib's face detector (0.3 to 0.4 s measured on a
        // shared 2-core build machine), so the viewer keeps one. Jobs run one at a time,
        // possibly on different pool threads. The mutex makes each job's use of it
        // exclusive, as the class's thread-safety note requires.
        PreprocessorCache &cache = *request.cache;
        const std::lock_guard<std::mutex> lock(cache.mutex);
        if (!cache.preprocessor || !(cache.preprocessor->settings() == request.settings))
            cache.preprocessor = std::make_unique<Preprocessor>(request.settings);
        Preprocessor &preprocessor = *cache.preprocessor;
        if (request.eyes)
            stages = preprocessor.processWithEyes(original, request.path, request.eyes->left,
                                                  request.eyes->right);
        else
            stages = preprocessor.processImage(original, request.path);
        stages.warning = warning;
    } catch (const std::exception &error) {
        stages.status = StageStatus::LoadFailed;
        stages.errorString = tr("%1: preprocessing failed (%2).")
                                 .arg(request.path, QString::fromLocal8Bit(error.what()));
    }
    return result;
}

void StageViewer::submit(Request request)
{
    request.generation = ++m_generation;
    request.settings = m_settings;
    request.cache = m_cache;
    setStatus(tr("Processing..."), false);
    for (StageImageView *view : m_views)
        view->setDimmed(!view->image().isNull());
    updateButtons();

    // One job at a time: a request made while one runs waits, replacing any older waiting one.
    if (m_running)
        m_pending = std::move(request);
    else
        launch(request);
}

void StageViewer::launch(const Request &request)
{
    m_running = true;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        onFinished(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&StageViewer::process, request));
}

void StageViewer::onFinished(const Result &result)
{
    m_running = false;
    if (m_pending) {
        const Request next = std::move(*m_pending);
        m_pending.reset();
        launch(next);
    }
    if (result.generation == m_generation)
        display(result);
    else
        updateButtons();
}

void StageViewer::display(const Result &result)
{
    m_stages = result.stages;
    m_stagesImageId = result.imageId;
    const Stages &stages = m_stages;
    const FaceAlignment &alignment = stages.alignment;

    m_views[kOriginal]->setImage(stages.original);
    StageOverlay overlay;
    if (alignment.isAligned()) {
        overlay.faceBox = alignment.faceBox;
        overlay.landmarks = alignment.landmarks;
        overlay.eyes = {alignment.leftEye, alignment.rightEye};
        bool invertible = false;
        const QTransform toOriginal = alignment.transform.inverted(&invertible);
        if (invertible) {
            const AlignmentSettings &settings = m_settings.alignment;
            const QSizeF size = alignment.aligned.isNull() ? QSizeF(settings.outputSize)
                                                            : QSizeF(alignment.aligned.size());
            overlay.eyeTargets = {
                toOriginal.map(QPointF(settings.leftEyeTarget.x() * size.width(),
                                       settings.leftEyeTarget.y() * size.height())),
                toOriginal.map(QPointF(settings.rightEyeTarget.x() * size.width(),
                                       settings.rightEyeTarget.y() * size.height())),
            };
            // Pixel centres sit at whole numbers, so the aligned picture's edges are half a
            // pixel outside its first and last centres.
            overlay.cropOutline =
                toOriginal.map(QPolygonF(QRectF(QPointF(-0.5, -0.5), size)));
        }
    }
    m_overlay = overlay;
    m_views[kOriginal]->setOverlay(overlay);

    m_views[kAligned]->setImage(stages.aligned);
    m_views[kGray]->setImage(stages.gray);
    // When the model reads part of the face, the grayscale stage outlines that part.
    QList<QRectF> parts;
    for (const InputView &view : m_settings.views) {
        if (view.region != PreprocessSettings::fullFace())
            parts.append(view.region);
    }
    if (m_settings.views.isEmpty() && m_settings.region != PreprocessSettings::fullFace())
        parts.append(m_settings.region);
    StageOverlay regionOverlay;
    if (!stages.gray.isNull() && parts.size() == 1) {
        const QRect band = PreprocessSettings::regionPixels(parts.first(), stages.gray.size());
        regionOverlay.cropOutline = QPolygonF(QRectF(band).translated(-0.5, -0.5));
    }
    m_views[kGray]->setOverlay(regionOverlay);
    m_views[kGray]->setOverlayVisible(true);
    m_views[kSmall]->setImage(stages.small);
    for (int stage = kOriginal; stage <= kSmall; ++stage) {
        m_views[stage]->setDimmed(false);
        m_captions[stage]->setText(captionText(stage, m_views[stage]->image()));
    }
    if (!stages.small.isNull() && !parts.isEmpty()) {
        QString part = parts.first() == PreprocessSettings::eyeBand() ? tr("eye band")
                                                                       : tr("part of the face");
        if (m_settings.views.size() > parts.size())
            part = tr("whole face and %1").arg(part);
        m_captions[kSmall]->setText(tr("Model input: %1\n%2 × %3 pixels")
                                        .arg(part)
                                        .arg(stages.small.width())
                                        .arg(stages.small.height()));
    }

    if (stages.isOk()) {
        setReasonShown(false);
        QString text;
        if (alignment.status == FaceStatus::ManualEyes)
            text = tr("Eyes placed by hand.");
        else if (alignment.faceCount == 1)
            text = tr("1 face found.");
        else
            text = tr("%1 faces found, largest used.").arg(alignment.faceCount);
        if (!stages.warning.isEmpty())
            text += QLatin1Char(' ') + stages.warning;
        setStatus(text, false);
    } else {
        // The aligner's reason starts with "No face found: ..."; the stages' message would
        // repeat the long stored file path in front of it.
        const QString reason = stages.status == StageStatus::NoFace && !alignment.isAligned()
                && !alignment.reason.isEmpty()
            ? alignment.reason
            : stages.errorString;
        m_reasonLabel->setText(reason);
        setReasonShown(true);
        setStatus(reason, true);
    }
    updateButtons();
    Q_EMIT stagesReady();
}

// ---------------------------------------------------------------------------------------
// Eyes placed by hand

void StageViewer::startEyePicking()
{
    // Clicks are only taken on the result of the image being shown, never on a dimmed one
    // that a request in progress is about to replace.
    if (m_picking || isProcessing() || m_stages.original.isNull() || !m_store
        || m_record.id < 0 || m_stagesImageId != m_record.id)
        return;
    m_picking = true;
    m_picked.clear();
    m_views[kOriginal]->setPickingEnabled(true);
    m_views[kOriginal]->setFocus(Qt::OtherFocusReason);
    setInstruction(tr("Click the centre of the eye on the left of the picture (the person's "
                      "right eye). Press Esc to cancel."));
    updateButtons();
}

void StageViewer::cancelEyePicking()
{
    if (!m_picking)
        return;
    m_picking = false;
    m_picked.clear();
    m_views[kOriginal]->setPickingEnabled(false);
    m_views[kOriginal]->setOverlay(m_overlay);
    setInstruction(QString());
    updateButtons();
}

void StageViewer::onOriginalClicked(const QPointF &imagePos)
{
    if (!m_picking)
        return;
    m_picked.append(imagePos);
    StageOverlay overlay = m_overlay;
    overlay.pickedPoints = m_picked;
    m_views[kOriginal]->setOverlay(overlay);

    if (m_picked.size() == 1) {
        setInstruction(tr("Now click the centre of the eye on the right of the picture (the "
                          "person's left eye). Press Esc to cancel."));
        return;
    }
    finishEyePicking(m_picked.at(0), m_picked.at(1));
}

void StageViewer::finishEyePicking(QPointF first, QPointF second)
{
    m_picking = false;
    m_picked.clear();
    m_views[kOriginal]->setPickingEnabled(false);
    m_views[kOriginal]->setOverlay(m_overlay);
    setInstruction(QString());

    // The aligner maps the first point to the left target: clicks in the other order would
    // turn the face upside down, so the points are ordered by position instead.
    EyePoints eyes{first, second};
    if (first.x() > second.x())
        std::swap(eyes.left, eyes.right);
    if (QLineF(eyes.left, eyes.right).length() < 1.0) {
        setStatus(tr("Both clicks hit the same pixel. Click \"Place eyes by hand\" and click "
                     "each eye centre once."),
                  true);
        updateButtons();
        return;
    }

    const qint64 imageId = m_record.id;
    const StoreStatus saved = m_store->setManualEyes(imageId, eyes);
    if (!saved.isOk()) {
        setStatus(saved.errorString, true);
        updateButtons();
        return;
    }
    m_hasManualEyes = true;
    Q_EMIT manualEyesChanged(imageId);

    Request request;
    request.imageId = imageId;
    request.path = m_store->imageFilePath(m_record);
    request.original = m_stages.original;
    request.eyes = eyes;
    submit(request);
}

void StageViewer::resetToDetected()
{
    if (!m_store || m_record.id < 0 || !m_hasManualEyes)
        return;
    cancelEyePicking();
    const qint64 imageId = m_record.id;
    const StoreStatus cleared = m_store->clearManualEyes(imageId);
    if (!cleared.isOk()) {
        setStatus(cleared.errorString, true);
        return;
    }
    m_hasManualEyes = false;
    Q_EMIT manualEyesChanged(imageId);

    Request request;
    request.imageId = imageId;
    request.path = m_store->imageFilePath(m_record);
    if (m_stagesImageId == imageId)
        request.original = m_stages.original;
    submit(request);
}

void StageViewer::keyPressEvent(QKeyEvent *event)
{
    if (m_picking && event->key() == Qt::Key_Escape) {
        cancelEyePicking();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

// ---------------------------------------------------------------------------------------
// Layout of the stages

void StageViewer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const bool twoRows = height() > kTwoRowsAspectRatio * width();
    if (twoRows == m_twoRows)
        return;
    m_twoRows = twoRows;
    arrangeStages();
}

void StageViewer::setReasonShown(bool shown)
{
    if (shown == m_reasonShown)
        return;
    m_reasonShown = shown;
    arrangeStages();
}

void StageViewer::arrangeStages()
{
    for (QWidget *cell : m_cells)
        m_stagesGrid->removeWidget(cell);
    m_stagesGrid->removeWidget(m_reasonLabel);
    for (int index = 0; index <= kSmall; ++index) {
        m_stagesGrid->setRowStretch(index, 0);
        m_stagesGrid->setColumnStretch(index, 0);
    }

    // The reason a picture has no aligned stages takes the place of those three stages.
    if (m_twoRows) {
        // Original | Aligned above Grayscale | Model input. Without aligned stages the
        // original spans the first row and the reason the second.
        if (m_reasonShown) {
            m_stagesGrid->addWidget(m_cells[kOriginal], 0, 0, 1, 2);
            m_stagesGrid->addWidget(m_reasonLabel, 1, 0, 1, 2);
        } else {
            m_stagesGrid->addWidget(m_cells[kOriginal], 0, 0);
            m_stagesGrid->addWidget(m_cells[kAligned], 0, 1);
            m_stagesGrid->addWidget(m_cells[kGray], 1, 0);
            m_stagesGrid->addWidget(m_cells[kSmall], 1, 1);
        }
        for (int index = 0; index < 2; ++index) {
            m_stagesGrid->setRowStretch(index, 1);
            m_stagesGrid->setColumnStretch(index, 1);
        }
    } else {
        m_stagesGrid->addWidget(m_cells[kOriginal], 0, 0);
        if (m_reasonShown) {
            m_stagesGrid->addWidget(m_reasonLabel, 0, 1, 1, 3);
        } else {
            for (int stage = kAligned; stage <= kSmall; ++stage)
                m_stagesGrid->addWidget(m_cells[stage], 0, stage);
        }
        m_stagesGrid->setRowStretch(0, 1);
        m_stagesGrid->setColumnStretch(kOriginal, kOriginalStretch);
        for (int stage = kAligned; stage <= kSmall; ++stage)
            m_stagesGrid->setColumnStretch(stage, kAlignedStageStretch);
    }

    for (int stage = kAligned; stage <= kSmall; ++stage)
        m_cells[stage]->setVisible(!m_reasonShown);
    m_reasonLabel->setVisible(m_reasonShown);
    // Applies the new geometry now, so that clicks and grabs right after a resize see it.
    if (layout())
        layout()->activate();
}

// ---------------------------------------------------------------------------------------
// Small helpers

void StageViewer::setShowLandmarks(bool show)
{
    m_views[kOriginal]->setOverlayVisible(show);
    QSettings().setValue(kShowLandmarksKey, show);
}

void StageViewer::updateButtons()
{
    const bool idle = !m_picking && !isProcessing();
    const bool haveOriginal = !m_stages.original.isNull() && m_store && m_record.id >= 0
        && m_stagesImageId == m_record.id;
    m_placeEyesButton->setEnabled(haveOriginal && idle);
    m_resetEyesButton->setEnabled(m_hasManualEyes && idle && m_record.id >= 0);
}

void StageViewer::setStatus(const QString &text, bool problem)
{
    m_statusText = text;
    m_statusLabel->setText(text);
    QFont font = m_statusLabel->font();
    font.setBold(problem);
    m_statusLabel->setFont(font);
}

void StageViewer::setInstruction(const QString &text)
{
    m_instructionLabel->setText(text);
    m_instructionLabel->setVisible(!text.isEmpty());
}

} // namespace ProfileLens
