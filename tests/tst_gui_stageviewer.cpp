// The stage viewer on a real project: background preprocessing, the overlay, the no-face
// reason, and eyes placed by simulated clicks.

#include "stageimageview.h"
#include "stageviewer.h"
#include "testimages.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLinearGradient>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ProfileLens;

namespace {

// Preprocessing a 512x512 picture takes well under a second; the margin covers a busy
// machine and the first load of the landmark model.
constexpr int kReadyTimeoutMs = 60000;
constexpr QSize kViewerSize(1200, 560);

using Stage = StageViewer::Stage;

double distance(const QPointF &a, const QPointF &b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

QString pointText(const QPointF &point)
{
    return QStringLiteral("(%1, %2)").arg(point.x(), 0, 'f', 2).arg(point.y(), 0, 'f', 2);
}

/// A landscape without faces: a sky gradient, hills and a sun.
QImage makeLandscape()
{
    QImage image(640, 400, QImage::Format_RGB888);
    QPainter painter(&image);
    QLinearGradient sky(0, 0, 0, 260);
    sky.setColorAt(0, QColor(40, 90, 200));
    sky.setColorAt(1, QColor(190, 220, 250));
    painter.fillRect(image.rect(), sky);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(250, 210, 60));
    painter.drawEllipse(QPointF(500, 80), 40, 40);
    painter.setBrush(QColor(60, 140, 60));
    painter.drawEllipse(QPointF(150, 420), 300, 170);
    painter.setBrush(QColor(40, 110, 50));
    painter.drawEllipse(QPointF(520, 440), 260, 150);
    return image;
}

} // namespace

class TestGuiStageViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void stageImages_data();
    void stageImages();
    void captionsShowSizes();
    void smallStageIsPixelated();
    void eyeBandOutlinedOnGrayscale();
    void landmarkToggleChangesOriginal();
    void noFaceShowsReason();
    void missingFileShowsReason();
    void newerRequestWins();
    void layoutFollowsShape_data();
    void layoutFollowsShape();
    void manualEyesByClicks_data();
    void manualEyesByClicks();
    void escapeCancelsPicking();
    void screenshot();

private:
    bool showAndWait(const ImageRecord &image);
    /// Returns the widget position over picture point \a imagePos of the original view,
    /// computed from the view's size: the picture is scaled to fit, centred horizontally
    /// and placed at the bottom.
    QPoint widgetPosFor(const QPointF &imagePos, double *scale) const;
    QPointF imagePosFor(const QPoint &widgetPos) const;

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_projectDir;
    ProjectStore m_store;
    ImageRecord m_portrait;
    ImageRecord m_landscape;
    ImageRecord m_missing;
    StageViewer *m_viewer = nullptr;
};

void TestGuiStageViewer::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_projectDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_stageviewer"));

    const StoreStatus created = m_store.create(m_projectDir.filePath(QStringLiteral("project")));
    QVERIFY2(created.isOk(), qPrintable(created.errorString));

    auto importImage = [this](const QString &path, ImageRecord *record) {
        const ImportResult imported = m_store.importFile(path);
        QVERIFY2(imported.isOk(), qPrintable(imported.errorString));
        const StoreResult<ImageRecord> stored = m_store.image(imported.imageId);
        QVERIFY2(stored.isOk(), qPrintable(stored.errorString));
        *record = stored.value;
    };
    importImage(TestImages::astronautPath(), &m_portrait);

    const QString landscapePath = m_projectDir.filePath(QStringLiteral("landscape.png"));
    QVERIFY(makeLandscape().save(landscapePath));
    importImage(landscapePath, &m_landscape);

    // A picture whose stored copy disappears after the import.
    const QString mirroredPath = m_projectDir.filePath(QStringLiteral("mirrored.png"));
    QVERIFY(QImage(TestImages::astronautPath()).mirrored(true, false).save(mirroredPath));
    importImage(mirroredPath, &m_missing);
    QVERIFY(QFile::remove(m_store.imageFilePath(m_missing)));
}

void TestGuiStageViewer::init()
{
    // Each test starts from detected eyes, whatever an earlier test left behind.
    QVERIFY(m_store.clearManualEyes(m_portrait.id).isOk());
    QSettings().setValue(QStringLiteral("stageViewer/showLandmarks"), true);
    m_viewer = new StageViewer;
    m_viewer->setProject(&m_store);
    m_viewer->resize(kViewerSize);
    m_viewer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_viewer));
}

void TestGuiStageViewer::cleanup()
{
    delete m_viewer;
    m_viewer = nullptr;
}

bool TestGuiStageViewer::showAndWait(const ImageRecord &image)
{
    QSignalSpy ready(m_viewer, &StageViewer::stagesReady);
    m_viewer->showImage(image);
    if (!ready.wait(kReadyTimeoutMs))
        return false;
    // Let the layout settle so widget geometry matches what is shown.
    QCoreApplication::processEvents();
    return true;
}

/// Returns the top-left corner of the picture in \a view: scaled to fit, centred
/// horizontally and at the bottom, so it sits right above its caption, with the corner on
/// the device pixel grid.
static QPointF pictureTopLeft(const QWidget *view, const QImage &picture, double *scale)
{
    const double fit = std::min(double(view->width()) / picture.width(),
                                double(view->height()) / picture.height());
    const double dpr = view->devicePixelRatioF();
    *scale = fit;
    return QPointF(std::floor((view->width() - picture.width() * fit) / 2.0 * dpr) / dpr,
                   std::floor((view->height() - picture.height() * fit) * dpr) / dpr);
}

QPoint TestGuiStageViewer::widgetPosFor(const QPointF &imagePos, double *scale) const
{
    const auto *view = m_viewer->findChild<StageImageView *>(QStringLiteral("originalView"));
    const QPointF topLeft = pictureTopLeft(view, m_viewer->stageImage(Stage::Original), scale);
    // Pixel centres lie at whole picture coordinates.
    const QPointF widgetPos = topLeft + (imagePos + QPointF(0.5, 0.5)) * *scale;
    return widgetPos.toPoint();
}

QPointF TestGuiStageViewer::imagePosFor(const QPoint &widgetPos) const
{
    const auto *view = m_viewer->findChild<StageImageView *>(QStringLiteral("originalView"));
    double scale = 0;
    const QPointF topLeft = pictureTopLeft(view, m_viewer->stageImage(Stage::Original), &scale);
    return (QPointF(widgetPos) - topLeft) / scale - QPointF(0.5, 0.5);
}

void TestGuiStageViewer::stageImages_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("grayscale");

    QTest::newRow("original") << int(Stage::Original) << QSize(512, 512) << false;
    QTest::newRow("aligned") << int(Stage::Aligned) << QSize(178, 218) << false;
    QTest::newRow("gray") << int(Stage::Gray) << QSize(178, 218) << true;
    QTest::newRow("model input") << int(Stage::Small) << QSize(28, 28) << true;
}

void TestGuiStageViewer::stageImages()
{
    QFETCH(int, stage);
    QFETCH(QSize, size);
    QFETCH(bool, grayscale);

    QVERIFY(showAndWait(m_portrait));
    QCOMPARE(m_viewer->statusText(), QStringLiteral("1 face found."));
    QVERIFY(!m_viewer->isProcessing());

    const QImage image = m_viewer->stageImage(Stage(stage));
    QCOMPARE(image.size(), size);
    QCOMPARE(image.isGrayscale(), grayscale);
    QVERIFY(!m_viewer->findChild<QLabel *>(QStringLiteral("reasonLabel"))->isVisible());
}

void TestGuiStageViewer::captionsShowSizes()
{
    QVERIFY(showAndWait(m_portrait));
    QStringList captions;
    for (const QLabel *label : m_viewer->findChildren<QLabel *>())
        captions.append(label->text());
    const QString all = captions.join(QLatin1Char('|'));
    QVERIFY2(all.contains(QStringLiteral("Original\n512 × 512 pixels")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Aligned\n178 × 218 pixels")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Grayscale\n178 × 218 pixels")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Model input\n28 × 28 pixels")), qPrintable(all));
}

void TestGuiStageViewer::eyeBandOutlinedOnGrayscale()
{
    QVERIFY(showAndWait(m_portrait));
    auto *grayView = m_viewer->findChild<StageImageView *>(QStringLiteral("grayView"));
    QVERIFY(grayView);
    const QImage wholeFace = grayView->grab().toImage();

    PreprocessSettings settings;
    settings.region = PreprocessSettings::eyeBand();
    settings.inputSize = QSize(88, 40);
    m_viewer->setPreprocessSettings(settings);
    QVERIFY(showAndWait(m_portrait));
    QCOMPARE(m_viewer->stageImage(Stage::Small).size(), QSize(88, 40));
    QStringList captions;
    for (const QLabel *label : m_viewer->findChildren<QLabel *>())
        captions.append(label->text());
    QVERIFY2(captions.contains(QStringLiteral("Model input: eye band\n88 × 40 pixels")),
             qPrintable(captions.join(QLatin1Char('|'))));

    // The band's outline is drawn over the grayscale face, along its top edge, and nothing
    // changes far from it.
    const QImage banded = grayView->grab().toImage();
    QCOMPARE(banded.size(), wholeFace.size());
    const double dpr = grayView->devicePixelRatioF();
    const QRectF picture = grayView->imageRect();
    const QRect band = settings.regionPixels(QSize(178, 218));
    const double scale = picture.width() / 178.0;
    const int edgeY = qRound((picture.top() + (band.top() - 0.5 + 0.5) * scale) * dpr);
    int changedOnEdge = 0;
    for (int x = qRound((picture.left() + band.left() * scale) * dpr);
         x < qRound((picture.left() + band.right() * scale) * dpr); ++x) {
        bool changed = false;
        for (int dy = -1; dy <= 1; ++dy)
            changed = changed || banded.pixel(x, edgeY + dy) != wholeFace.pixel(x, edgeY + dy);
        changedOnEdge += changed;
    }
    const int edgeLength = qRound(band.width() * scale * dpr);
    QVERIFY2(changedOnEdge > edgeLength / 3,
             qPrintable(QStringLiteral("%1 of %2").arg(changedOnEdge).arg(edgeLength)));
    const int chinY = qRound((picture.top() + 200 * scale) * dpr);
    const int middleX = qRound((picture.left() + 89 * scale) * dpr);
    QCOMPARE(banded.pixel(middleX, chinY), wholeFace.pixel(middleX, chinY));

    // A model that reads the whole face and the band shows both, and outlines the band.
    PreprocessSettings face;
    face.inputSize = QSize(56, 56);
    m_viewer->setPreprocessSettings(PreprocessSettings::stacked({face, settings}));
    QVERIFY(showAndWait(m_portrait));
    QCOMPARE(m_viewer->stageImage(Stage::Small).size(), QSize(88, 96));
    captions.clear();
    for (const QLabel *label : m_viewer->findChildren<QLabel *>())
        captions.append(label->text());
    QVERIFY2(captions.contains(QStringLiteral("Model input: whole face and eye band\n88 × 96 pixels")),
             qPrintable(captions.join(QLatin1Char('|'))));
    QCOMPARE(grayView->grab().toImage(), banded);
}

void TestGuiStageViewer::smallStageIsPixelated()
{
    QVERIFY(showAndWait(m_portrait));
    auto *view = m_viewer->findChild<StageImageView *>(QStringLiteral("smallView"));
    QVERIFY(view);
    const QImage small = m_viewer->stageImage(Stage::Small);
    const QRectF rect = view->imageRect();
    const double dpr = view->devicePixelRatioF();
    // Size of one picture pixel on screen, in device pixels.
    const double blockSize = rect.width() / small.width() * dpr;
    QVERIFY2(blockSize >= 4, qPrintable(QString::number(blockSize)));
    QCOMPARE(blockSize, std::floor(blockSize));

    // Every picture pixel shows as a square of one colour: nearest neighbour, no smoothing.
    // The grab has the view's device pixel ratio, so it is indexed in device pixels.
    const QImage shown = view->grab().toImage();
    QCOMPARE(shown.width(), qRound(view->width() * dpr));
    const int block = int(blockSize);
    const QPoint origin = (rect.topLeft() * dpr).toPoint();
    for (int y = 0; y < small.height(); y += 3) {
        for (int x = 0; x < small.width(); x += 3) {
            const QPoint corner = origin + QPoint(x * block, y * block);
            const int expected = qGray(small.pixel(x, y));
            const QRgb first = shown.pixel(corner);
            const QRgb last = shown.pixel(corner + QPoint(block - 1, block - 1));
            QVERIFY2(first == last, qPrintable(QStringLiteral("block (%1, %2)").arg(x).arg(y)));
            QVERIFY2(qAbs(qGray(first) - expected) <= 1,
                     qPrintable(QStringLiteral("pixel (%1, %2): %3 shown, %4 expected")
                                    .arg(x).arg(y).arg(qGray(first)).arg(expected)));
        }
    }
}

void TestGuiStageViewer::landmarkToggleChangesOriginal()
{
    QVERIFY(showAndWait(m_portrait));
    auto *checkBox = m_viewer->findChild<QCheckBox *>();
    auto *view = m_viewer->findChild<StageImageView *>(QStringLiteral("originalView"));
    QVERIFY(checkBox && view);
    QCOMPARE(checkBox->text(), QStringLiteral("Show landmarks"));
    QVERIFY(checkBox->isChecked());
    QCOMPARE(m_viewer->alignment().landmarks.size(), 68);

    const QImage withOverlay = view->grab().toImage();
    checkBox->click();
    const QImage withoutOverlay = view->grab().toImage();
    QVERIFY(withOverlay != withoutOverlay);
    QCOMPARE(QSettings().value(QStringLiteral("stageViewer/showLandmarks")).toBool(), false);

    // The setting is read by the next viewer.
    StageViewer second;
    QVERIFY(!second.findChild<QCheckBox *>()->isChecked());

    checkBox->click();
    QCOMPARE(view->grab().toImage(), withOverlay);
    QCOMPARE(QSettings().value(QStringLiteral("stageViewer/showLandmarks")).toBool(), true);
}

void TestGuiStageViewer::noFaceShowsReason()
{
    QVERIFY(showAndWait(m_landscape));
    QVERIFY2(m_viewer->statusText().startsWith(QStringLiteral("No face found")),
             qPrintable(m_viewer->statusText()));
    auto *reason = m_viewer->findChild<QLabel *>(QStringLiteral("reasonLabel"));
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text(), m_viewer->statusText());
    QCOMPARE(m_viewer->stageImage(Stage::Original).size(), QSize(640, 400));
    QVERIFY(m_viewer->stageImage(Stage::Aligned).isNull());
    QVERIFY(m_viewer->stageImage(Stage::Small).isNull());
    // Eyes can still be placed by hand on a picture without a detected face.
    QVERIFY(m_viewer->findChild<QPushButton *>()->isEnabled());
}

void TestGuiStageViewer::missingFileShowsReason()
{
    QVERIFY(showAndWait(m_missing));
    const QString status = m_viewer->statusText();
    QVERIFY2(status.contains(QStringLiteral("not found")), qPrintable(status));
    QVERIFY2(status.contains(m_missing.fileName), qPrintable(status));
    QVERIFY(m_viewer->findChild<QLabel *>(QStringLiteral("reasonLabel"))->isVisible());
    QVERIFY(m_viewer->stageImage(Stage::Original).isNull());
}

void TestGuiStageViewer::newerRequestWins()
{
    QSignalSpy ready(m_viewer, &StageViewer::stagesReady);
    // Quick browsing: three requests in a row; only the last may be displayed.
    m_viewer->showImage(m_portrait);
    QCOMPARE(m_viewer->statusText(), QStringLiteral("Processing..."));
    m_viewer->showImage(m_missing);
    m_viewer->showImage(m_landscape);
    // Eyes cannot be placed on a dimmed result that is about to be replaced.
    auto *place = m_viewer->findChild<QPushButton *>();
    QVERIFY(!place->isEnabled());
    m_viewer->startEyePicking();
    QVERIFY(!m_viewer->isPickingEyes());
    QVERIFY(ready.wait(kReadyTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!m_viewer->isProcessing(), kReadyTimeoutMs);
    QTest::qWait(100);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(m_viewer->currentImageId(), m_landscape.id);
    QCOMPARE(m_viewer->stageImage(Stage::Original).size(), QSize(640, 400));
    QVERIFY(place->isEnabled());
}

void TestGuiStageViewer::layoutFollowsShape_data()
{
    QTest::addColumn<QSize>("viewerSize");
    QTest::addColumn<bool>("twoRows");

    QTest::newRow("wide window") << QSize(1200, 560) << false;
    QTest::newRow("square window") << QSize(700, 700) << false;
    QTest::newRow("narrow dock") << QSize(480, 650) << true;
    QTest::newRow("tall dock") << QSize(440, 900) << true;
}

void TestGuiStageViewer::layoutFollowsShape()
{
    QFETCH(QSize, viewerSize);
    QFETCH(bool, twoRows);

    m_viewer->resize(viewerSize);
    QVERIFY(showAndWait(m_portrait));
    QCOMPARE(m_viewer->size(), viewerSize);

    // View geometry in viewer coordinates, in stage order.
    const QStringList names = {QStringLiteral("originalView"), QStringLiteral("alignedView"),
                               QStringLiteral("grayView"), QStringLiteral("smallView")};
    QVector<QRect> cells;
    for (const QString &name : names) {
        const auto *view = m_viewer->findChild<StageImageView *>(name);
        QVERIFY2(view && view->isVisible(), qPrintable(name));
        cells.append(QRect(view->mapTo(m_viewer, QPoint(0, 0)), view->size()));
    }
    const QRect &original = cells.at(0);
    const QRect &aligned = cells.at(1);
    const QRect &gray = cells.at(2);
    const QRect &small = cells.at(3);

    if (twoRows) {
        // Original | Aligned above Grayscale | Model input, columns of equal width.
        QCOMPARE(aligned.top(), original.top());
        QVERIFY2(aligned.left() > original.right(), "aligned is not right of the original");
        QVERIFY2(gray.top() > original.bottom(), "grayscale is not below the original");
        QCOMPARE(small.top(), gray.top());
        QCOMPARE(gray.left(), original.left());
        QCOMPARE(small.left(), aligned.left());
        QVERIFY2(qAbs(original.width() - aligned.width()) <= 1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(original.width()).arg(aligned.width())));
    } else {
        for (int stage = 1; stage < cells.size(); ++stage) {
            QCOMPARE(cells.at(stage).top(), original.top());
            QVERIFY2(cells.at(stage).left() > cells.at(stage - 1).right(), qPrintable(names.at(stage)));
        }
    }

    // Every stage is as large as its view allows, whatever the layout.
    for (int stage = 0; stage < names.size(); ++stage) {
        const auto *view = m_viewer->findChild<StageImageView *>(names.at(stage));
        const QImage picture = m_viewer->stageImage(Stage(stage));
        const QRectF rect = view->imageRect();
        const double dpr = view->devicePixelRatioF();
        const double fit = std::min(double(view->width()) / picture.width(),
                                    double(view->height()) / picture.height());
        const double shownScale = rect.width() / picture.width();
        const QString where = names.at(stage) + QStringLiteral(": %1x%2 in %3x%4")
                                  .arg(rect.width()).arg(rect.height())
                                  .arg(view->width()).arg(view->height());
        if (stage == int(Stage::Small)) {
            // Nearest neighbour at the largest whole number of device pixels per pixel.
            QCOMPARE(shownScale * dpr, std::floor(fit * dpr));
        } else {
            QVERIFY2(qAbs(shownScale - fit) < 1e-9, qPrintable(where));
        }
    }

    // Without a face, the reason takes the place of the aligned stages.
    QVERIFY(showAndWait(m_landscape));
    const auto *reason = m_viewer->findChild<QLabel *>(QStringLiteral("reasonLabel"));
    QVERIFY(reason->isVisible());
    const QRect reasonRect(reason->mapTo(m_viewer, QPoint(0, 0)), reason->size());
    const auto *originalView = m_viewer->findChild<StageImageView *>(names.at(0));
    const QRect originalRect(originalView->mapTo(m_viewer, QPoint(0, 0)), originalView->size());
    QVERIFY(!m_viewer->findChild<StageImageView *>(names.at(1))->isVisible());
    if (twoRows)
        QVERIFY2(reasonRect.top() > originalRect.bottom(), "the reason is not below the original");
    else
        QVERIFY2(reasonRect.left() > originalRect.right(), "the reason is not beside the original");
}

void TestGuiStageViewer::manualEyesByClicks_data()
{
    QTest::addColumn<QSize>("viewerSize");
    // Smallest expected scale of the original, so a widget pixel covers at most a few
    // picture pixels and the rounding tolerance below stays tight.
    QTest::addColumn<double>("minScale");

    QTest::newRow("one row") << kViewerSize << 0.5;
    QTest::newRow("two rows") << QSize(480, 760) << 0.35;
}

void TestGuiStageViewer::manualEyesByClicks()
{
    QFETCH(QSize, viewerSize);
    QFETCH(double, minScale);

    m_viewer->resize(viewerSize);
    QVERIFY(showAndWait(m_portrait));
    QCOMPARE(m_viewer->size(), viewerSize);
    const FaceAlignment detected = m_viewer->alignment();
    QCOMPARE(detected.status, FaceStatus::Found);
    const QImage alignedBefore = m_viewer->stageImage(Stage::Aligned);
    QSignalSpy eyesChanged(m_viewer, &StageViewer::manualEyesChanged);

    auto *view = m_viewer->findChild<StageImageView *>(QStringLiteral("originalView"));
    QPushButton *place = nullptr;
    QPushButton *reset = nullptr;
    for (QPushButton *button : m_viewer->findChildren<QPushButton *>()) {
        if (button->accessibleName() == QLatin1String("Place eyes by hand"))
            place = button;
        else if (button->accessibleName() == QLatin1String("Reset to detected eyes"))
            reset = button;
    }
    QVERIFY(view && place && reset);
    QVERIFY(!reset->isEnabled());

    QTest::mouseClick(place, Qt::LeftButton);
    QVERIFY(m_viewer->isPickingEyes());
    QCOMPARE(view->cursor().shape(), Qt::CrossCursor);
    const auto *instruction = m_viewer->findChild<QLabel *>(QStringLiteral("instructionLabel"));
    QVERIFY(instruction->isVisible());
    QVERIFY2(instruction->text().contains(QStringLiteral("left")), qPrintable(instruction->text()));

    // Geometry is read once picking has started, with the layout as the clicks see it.
    QCoreApplication::processEvents();
    // Chosen points a few pixels away from the detected eyes.
    const QPointF leftTarget = detected.leftEye + QPointF(6, -4);
    const QPointF rightTarget = detected.rightEye + QPointF(-5, 5);
    double scale = 0;
    const QPoint leftClick = widgetPosFor(leftTarget, &scale);
    const QPoint rightClick = widgetPosFor(rightTarget, &scale);
    QVERIFY2(scale > minScale, qPrintable(QString::number(scale)));
    const QPointF leftClicked = imagePosFor(leftClick);
    const QPointF rightClicked = imagePosFor(rightClick);
    // Clicks land on whole widget pixels, half a widget pixel at most from the chosen point.
    const double roundingTolerance = std::sqrt(0.5) / scale + 0.01;

    // A click on the empty band beside or above the picture is not a point of the picture.
    double pictureScale = 0;
    const QPointF pictureCorner =
        pictureTopLeft(view, m_viewer->stageImage(Stage::Original), &pictureScale);
    QVERIFY2(pictureCorner.x() >= 4 || pictureCorner.y() >= 4,
             "the original view has no empty band to click");
    const QPoint outsideClick = pictureCorner.x() >= 4 ? QPoint(1, view->height() / 2)
                                                       : QPoint(view->width() / 2, 1);
    QTest::mouseClick(view, Qt::LeftButton, {}, outsideClick);
    QVERIFY(m_viewer->isPickingEyes());
    QVERIFY2(instruction->text().contains(QStringLiteral("left")), qPrintable(instruction->text()));

    QSignalSpy ready(m_viewer, &StageViewer::stagesReady);
    QTest::mouseClick(view, Qt::LeftButton, {}, leftClick);
    QVERIFY(m_viewer->isPickingEyes());
    QVERIFY2(instruction->text().contains(QStringLiteral("right")), qPrintable(instruction->text()));
    QTest::mouseClick(view, Qt::LeftButton, {}, rightClick);
    QVERIFY(!m_viewer->isPickingEyes());
    QVERIFY(ready.wait(kReadyTimeoutMs));

    const StoreResult<std::optional<EyePoints>> saved = m_store.manualEyes(m_portrait.id);
    QVERIFY2(saved.isOk(), qPrintable(saved.errorString));
    QVERIFY(saved.value.has_value());
    const EyePoints eyes = *saved.value;
    QVERIFY2(distance(eyes.left, leftClicked) < 0.01,
             qPrintable(pointText(eyes.left) + QStringLiteral(" vs clicked ") + pointText(leftClicked)));
    QVERIFY2(distance(eyes.right, rightClicked) < 0.01,
             qPrintable(pointText(eyes.right) + QStringLiteral(" vs clicked ") + pointText(rightClicked)));
    QVERIFY2(distance(eyes.left, leftTarget) <= roundingTolerance,
             qPrintable(pointText(eyes.left) + QStringLiteral(" vs chosen ") + pointText(leftTarget)));
    QVERIFY2(distance(eyes.right, rightTarget) <= roundingTolerance,
             qPrintable(pointText(eyes.right) + QStringLiteral(" vs chosen ") + pointText(rightTarget)));
    QCOMPARE(eyesChanged.count(), 1);
    QCOMPARE(eyesChanged.first().at(0).toLongLong(), m_portrait.id);

    QCOMPARE(m_viewer->alignment().status, FaceStatus::ManualEyes);
    QCOMPARE(m_viewer->statusText(), QStringLiteral("Eyes placed by hand."));
    QCOMPARE(m_viewer->stageImage(Stage::Aligned).size(), QSize(178, 218));
    QVERIFY(m_viewer->stageImage(Stage::Aligned) != alignedBefore);
    QVERIFY(reset->isEnabled());

    // Showing the image again uses the saved eyes instead of the detector.
    m_viewer->clear();
    QVERIFY(showAndWait(m_portrait));
    QCOMPARE(m_viewer->alignment().status, FaceStatus::ManualEyes);
    QVERIFY(distance(m_viewer->alignment().leftEye, eyes.left) < 1e-6);
    QVERIFY(distance(m_viewer->alignment().rightEye, eyes.right) < 1e-6);
    QCOMPARE(m_viewer->statusText(), QStringLiteral("Eyes placed by hand."));

    ready.clear();
    QTest::mouseClick(reset, Qt::LeftButton);
    QVERIFY(ready.wait(kReadyTimeoutMs));
    QCOMPARE(eyesChanged.count(), 2);
    const StoreResult<std::optional<EyePoints>> cleared = m_store.manualEyes(m_portrait.id);
    QVERIFY(cleared.isOk());
    QVERIFY(!cleared.value.has_value());
    QCOMPARE(m_viewer->alignment().status, FaceStatus::Found);
    QCOMPARE(m_viewer->statusText(), QStringLiteral("1 face found."));
    QCOMPARE(m_viewer->stageImage(Stage::Aligned), alignedBefore);
    QVERIFY(!reset->isEnabled());
}

void TestGuiStageViewer::escapeCancelsPicking()
{
    QVERIFY(showAndWait(m_portrait));
    auto *view = m_viewer->findChild<StageImageView *>(QStringLiteral("originalView"));
    QSignalSpy eyesChanged(m_viewer, &StageViewer::manualEyesChanged);
    double scale = 0;
    const QPoint click = widgetPosFor(m_viewer->alignment().leftEye, &scale);

    m_viewer->startEyePicking();
    QVERIFY(m_viewer->isPickingEyes());
    QTest::mouseClick(view, Qt::LeftButton, {}, click);
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(!m_viewer->isPickingEyes());
    QCOMPARE(view->cursor().shape(), Qt::ArrowCursor);
    QVERIFY(!m_viewer->findChild<QLabel *>(QStringLiteral("instructionLabel"))->isVisible());
    QCOMPARE(eyesChanged.count(), 0);
    QVERIFY(!m_store.manualEyes(m_portrait.id).value.has_value());
    QCOMPARE(m_viewer->alignment().status, FaceStatus::Found);
}

void TestGuiStageViewer::screenshot()
{
    QVERIFY(showAndWait(m_portrait));
    // Runs at a device pixel ratio of 2 write their own files.
    const QString suffix = m_viewer->devicePixelRatioF() > 1.0
        ? QStringLiteral("@%1x.png").arg(m_viewer->devicePixelRatioF())
        : QStringLiteral(".png");
    const QDir folder(QCoreApplication::applicationDirPath());
    const QString path = folder.filePath(QStringLiteral("tst_gui_stageviewer") + suffix);
    QVERIFY(m_viewer->grab().save(path));
    qInfo("Screenshot: %s", qPrintable(path));

    QVERIFY(showAndWait(m_landscape));
    const QString noFacePath = folder.filePath(QStringLiteral("tst_gui_stageviewer_noface") + suffix);
    QVERIFY(m_viewer->grab().save(noFacePath));
}

QTEST_MAIN(TestGuiStageViewer)
#include "tst_gui_stageviewer.moc"
