#include "facealigner.h"
#include "preprocessor.h"
#include "testimages.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ProfileLens;

namespace {

// Eye centres found by running detection again on an aligned face. This checks the warp
// against an independent measurement instead of against the transform that produced it.
struct MeasuredEyes
{
    bool found = false;
    QPointF left;
    QPointF right;
    double angleDegrees = 0;
};

double eyeLineDegrees(QPointF left, QPointF right)
{
    return std::atan2(right.y() - left.y(), right.x() - left.x()) * 180.0 / M_PI;
}

MeasuredEyes measureEyes(FaceAligner &aligner, const QImage &alignedFace)
{
    // Enlarged 2x so the detector and landmarks work at a comfortable size.
    const QImage enlarged = alignedFace.scaled(alignedFace.size() * 2, Qt::IgnoreAspectRatio,
                                               Qt::SmoothTransformation);
    const FaceAlignment again = aligner.align(enlarged);
    MeasuredEyes eyes;
    if (!again.isAligned())
        return eyes;
    eyes.found = true;
    eyes.left = again.leftEye / 2.0;
    eyes.right = again.rightEye / 2.0;
    eyes.angleDegrees = eyeLineDegrees(eyes.left, eyes.right);
    return eyes;
}

QString describe(QPointF point)
{
    return QStringLiteral("(%1, %2)").arg(point.x(), 0, 'f', 1).arg(point.y(), 0, 'f', 1);
}

} // namespace

class TestFaceAligner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eyesLandOnTargets();
    void rotatedFaceComesOutLevel_data();
    void rotatedFaceComesOutLevel();
    void exifOrientationMatchesUpright();
    void stageSizesExact();
    void eyeBandReadsTheEyes();
    void regionSettingsRoundTrip();
    void stackedViewsMatchSingleViews();
    void noFaceGivesReason();
    void tinyImageGivesReason();
    void smallAvatarUpsampled();
    void largePhotoDownscaled();
    void twoFacesTakesLargest();
    void manualEyesMatchDetected();
    void missingLandmarkModelReported();
    void batchKeepsInputOrder();
    void batchCancel();
    void lfwFacesFound();

private:
    QImage m_face;
    std::unique_ptr<FaceAligner> m_aligner;
    QTemporaryDir m_dir;
};

void TestFaceAligner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_face.load(TestImages::astronautPath()));
    m_face = m_face.convertToFormat(QImage::Format_RGB888);
    m_aligner = std::make_unique<FaceAligner>();
    QVERIFY2(m_aligner->isReady(), qPrintable(m_aligner->errorString()));
}

void TestFaceAligner::eyesLandOnTargets()
{
    const FaceAlignment result = m_aligner->align(m_face);
    QVERIFY2(result.isAligned(), qPrintable(result.reason));
    QCOMPARE(result.faceCount, 1);
    QCOMPARE(result.landmarks.size(), 68);
    QCOMPARE(result.aligned.size(), QSize(178, 218));

    const MeasuredEyes eyes = measureEyes(*m_aligner, result.aligned);
    QVERIFY(eyes.found);
    const QPointF leftTarget(0.35 * 178, 0.35 * 218);
    const QPointF rightTarget(0.65 * 178, 0.35 * 218);
    QVERIFY2(QLineF(eyes.left, leftTarget).length() <= 3.0,
             qPrintable(QStringLiteral("left eye at %1, target %2")
                            .arg(describe(eyes.left), describe(leftTarget))));
    QVERIFY2(QLineF(eyes.right, rightTarget).length() <= 3.0,
             qPrintable(QStringLiteral("right eye at %1, target %2")
                            .arg(describe(eyes.right), describe(rightTarget))));
}

void TestFaceAligner::rotatedFaceComesOutLevel_data()
{
    QTest::addColumn<double>("degrees");
    QTest::newRow("15 degrees clockwise") << 15.0;
    QTest::newRow("15 degrees counter-clockwise") << -15.0;
}

void TestFaceAligner::rotatedFaceComesOutLevel()
{
    QFETCH(double, degrees);
    const QImage tilted = TestImages::rotated(m_face, degrees);
    const FaceAlignment result = m_aligner->align(tilted);
    QVERIFY2(result.isAligned(), qPrintable(result.reason));

    // The portrait's own eye line is not level, so compare with the untilted picture.
    const FaceAlignment upright = m_aligner->align(m_face);
    const double tilt = eyeLineDegrees(result.leftEye, result.rightEye)
        - eyeLineDegrees(upright.leftEye, upright.rightEye);
    QVERIFY2(std::abs(tilt - degrees) < 3.0,
             qPrintable(QStringLiteral("measured input tilt %1 degrees (eyes %2 %3, upright %4 %5)").arg(tilt).arg(describe(result.leftEye), describe(result.rightEye), describe(upright.leftEye), describe(upright.rightEye))));

    const MeasuredEyes eyes = measureEyes(*m_aligner, result.aligned);
    QVERIFY(eyes.found);
    QVERIFY2(std::abs(eyes.angleDegrees) <= 2.0,
             qPrintable(QStringLiteral("aligned eye line at %1 degrees").arg(eyes.angleDegrees)));
}

void TestFaceAligner::exifOrientationMatchesUpright()
{
    const QString upright = m_dir.filePath(QStringLiteral("upright.jpg"));
    const QString sideways = m_dir.filePath(QStringLiteral("sideways.jpg"));
    QVERIFY(TestImages::writeFile(upright, TestImages::encode(m_face, "jpeg", 95)));
    const QImage stored = m_face.transformed(QTransform().rotate(-90));
    QVERIFY(TestImages::writeFile(
        sideways, TestImages::withExifOrientation(TestImages::encode(stored, "jpeg", 95), 6)));

    Preprocessor preprocessor;
    const Stages a = preprocessor.processFile(upright);
    const Stages b = preprocessor.processFile(sideways);
    QVERIFY2(a.isOk(), qPrintable(a.errorString));
    QVERIFY2(b.isOk(), qPrintable(b.errorString));
    QCOMPARE(b.original.size(), a.original.size());
    QVERIFY2(QLineF(a.alignment.leftEye, b.alignment.leftEye).length() < 2.0,
             qPrintable(describe(a.alignment.leftEye) + QLatin1String(" vs ")
                        + describe(b.alignment.leftEye)));
    QVERIFY2(QLineF(a.alignment.rightEye, b.alignment.rightEye).length() < 2.0,
             qPrintable(describe(a.alignment.rightEye) + QLatin1String(" vs ")
                        + describe(b.alignment.rightEye)));

    double difference = 0;
    for (size_t i = 0; i < a.tensor.size(); ++i)
        difference += std::abs(a.tensor[i] - b.tensor[i]);
    const double meanDifference = difference / double(a.tensor.size());
    QVERIFY2(meanDifference < 0.03, qPrintable(QString::number(meanDifference)));
}

void TestFaceAligner::stageSizesExact()
{
    Preprocessor preprocessor;
    const Stages stages = preprocessor.processFile(TestImages::astronautPath());
    QVERIFY2(stages.isOk(), qPrintable(stages.errorString));
    QCOMPARE(stages.original.size(), QSize(512, 512));
    QCOMPARE(stages.aligned.size(), QSize(178, 218));
    QCOMPARE(stages.aligned.format(), QImage::Format_RGB888);
    QCOMPARE(stages.gray.size(), QSize(178, 218));
    QCOMPARE(stages.gray.format(), QImage::Format_Grayscale8);
    QCOMPARE(stages.small.size(), QSize(28, 28));
    QCOMPARE(stages.small.format(), QImage::Format_Grayscale8);
    QCOMPARE(stages.tensor.size(), size_t(28 * 28));
    for (float value : stages.tensor) {
        QVERIFY(value >= 0.0f);
        QVERIFY(value <= 1.0f);
    }
    // The tensor is the small image divided by 255.
    QCOMPARE(qRound(stages.tensor[14 * 28 + 14] * 255.0f), qGray(stages.small.pixel(14, 14)));
}

void TestFaceAligner::eyeBandReadsTheEyes()
{
    PreprocessSettings settings;
    settings.region = PreprocessSettings::eyeBand();
    settings.inputSize = PreprocessSettings::defaultInputSize(settings.region);
    QCOMPARE(settings.inputSize, QSize(88, 40));
    const QRect band = settings.regionPixels(QSize(178, 218));
    QCOMPARE(band, QRect(7, 39, 164, 74));
    // Both eye targets lie inside the band, with room for a frame around each eye.
    const double eyeY = 0.35 * 218;
    QVERIFY(eyeY - band.top() >= 30 && band.bottom() - eyeY >= 30);

    Preprocessor preprocessor(settings);
    const Stages stages = preprocessor.processFile(TestImages::astronautPath());
    QVERIFY2(stages.isOk(), qPrintable(stages.errorString));
    QCOMPARE(stages.gray.size(), QSize(178, 218));
    QCOMPARE(stages.small.size(), QSize(88, 40));
    QCOMPARE(stages.tensor.size(), size_t(88 * 40));

    // The model input is the band reduced by averaging: its mean brightness is the band's,
    // not the whole face's.
    auto meanOf = [](const QImage &image, const QRect &rect) {
        double sum = 0;
        for (int y = rect.top(); y <= rect.bottom(); ++y) {
            for (int x = rect.left(); x <= rect.right(); ++x)
                sum += qGray(image.pixel(x, y));
        }
        return sum / double(rect.width() * rect.height());
    };
    const double bandMean = meanOf(stages.gray, band);
    const double faceMean = meanOf(stages.gray, stages.gray.rect());
    const double inputMean = meanOf(stages.small, stages.small.rect());
    QVERIFY2(qAbs(inputMean - bandMean) < 1.0,
             qPrintable(QStringLiteral("input mean %1, band mean %2").arg(inputMean).arg(bandMean)));
    QVERIFY2(qAbs(faceMean - bandMean) > 3.0,
             qPrintable(QStringLiteral("face mean %1, band mean %2").arg(faceMean).arg(bandMean)));
}

void TestFaceAligner::regionSettingsRoundTrip()
{
    // The whole face keeps the first pipeline version, so older caches and models stay valid.
    const PreprocessSettings whole;
    QCOMPARE(whole.toJson().value(QStringLiteral("pipelineVersion")).toInt(), 1);
    QVERIFY(!whole.toJson().contains(QStringLiteral("region")));
    QVERIFY(PreprocessSettings::isSupported(whole.toJson()));

    PreprocessSettings band;
    band.region = PreprocessSettings::eyeBand();
    band.inputSize = QSize(88, 40);
    const QJsonObject json = band.toJson();
    QCOMPARE(json.value(QStringLiteral("pipelineVersion")).toInt(), 2);
    QVERIFY(PreprocessSettings::isSupported(json));
    QVERIFY(PreprocessSettings::fromJson(json) == band);
    QVERIFY(band.fingerprint() != whole.fingerprint());

    QJsonObject outside = json;
    outside.insert(QStringLiteral("region"), QJsonArray{0.5, 0.5, 0.6, 0.2});
    QVERIFY(!PreprocessSettings::isSupported(outside));
    QJsonObject missing = json;
    missing.remove(QStringLiteral("region"));
    QVERIFY(!PreprocessSettings::isSupported(missing));
    QJsonObject oldVersion = json;
    oldVersion.insert(QStringLiteral("pipelineVersion"), 1);
    QVERIFY(!PreprocessSettings::isSupported(oldVersion));
}

void TestFaceAligner::stackedViewsMatchSingleViews()
{
    PreprocessSettings face;
    face.inputSize = QSize(56, 56);
    PreprocessSettings band;
    band.region = PreprocessSettings::eyeBand();
    band.inputSize = QSize(88, 40);
    QString error;
    const PreprocessSettings stacked = PreprocessSettings::stacked({face, band}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(stacked.inputSize, QSize(88, 96));
    QCOMPARE(stacked.views.size(), 2);
    QCOMPARE(stacked.views.at(0).placement, QRect(16, 0, 56, 56));
    QCOMPARE(stacked.views.at(1).placement, QRect(0, 56, 88, 40));

    // Each view of the stacked input is exactly what its own settings give; the rest is black.
    const Stages whole = Preprocessor(stacked).processFile(TestImages::astronautPath());
    const Stages faceOnly = Preprocessor(face).processFile(TestImages::astronautPath());
    const Stages bandOnly = Preprocessor(band).processFile(TestImages::astronautPath());
    QVERIFY2(whole.isOk(), qPrintable(whole.errorString));
    QCOMPARE(whole.small.size(), QSize(88, 96));
    QCOMPARE(whole.small.copy(16, 0, 56, 56), faceOnly.small);
    QCOMPARE(whole.small.copy(0, 56, 88, 40), bandOnly.small);
    QCOMPARE(qGray(whole.small.pixel(0, 0)), 0);
    QCOMPARE(qGray(whole.small.pixel(87, 55)), 0);
    QCOMPARE(whole.tensor.size(), size_t(88 * 96));
    QCOMPARE(whole.tensor[size_t(56 * 88 + 40)], bandOnly.tensor[40]);

    // The views are stored with the settings; older builds reject them.
    const QJsonObject json = stacked.toJson();
    QCOMPARE(json.value(QStringLiteral("pipelineVersion")).toInt(), 3);
    QVERIFY(PreprocessSettings::isSupported(json));
    QVERIFY(PreprocessSettings::fromJson(json) == stacked);
    QJsonObject outside = json;
    outside.insert(QStringLiteral("inputHeight"), 90);
    QVERIFY(!PreprocessSettings::isSupported(outside));

    // Views of views, and parts aligned differently, are rejected.
    PreprocessSettings moved = band;
    moved.alignment.leftEyeTarget = QPointF(0.3, 0.4);
    QVERIFY(PreprocessSettings::stacked({face, moved}, &error).views.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("aligned differently")), qPrintable(error));
    QVERIFY(PreprocessSettings::stacked({stacked, face}, &error).views.isEmpty());
}

void TestFaceAligner::noFaceGivesReason()
{
    const FaceAlignment result = m_aligner->align(TestImages::landscape());
    QCOMPARE(result.status, FaceStatus::NoFaceDetected);
    QCOMPARE(result.faceCount, 0);
    QVERIFY2(result.reason.contains(QStringLiteral("No face found")), qPrintable(result.reason));
    QVERIFY(result.aligned.isNull());

    Preprocessor preprocessor;
    const QString path = m_dir.filePath(QStringLiteral("landscape.png"));
    QVERIFY(TestImages::landscape().save(path));
    const Stages stages = preprocessor.processFile(path);
    QCOMPARE(stages.status, StageStatus::NoFace);
    QVERIFY(stages.errorString.contains(path));
    QVERIFY(stages.tensor.empty());
}

void TestFaceAligner::tinyImageGivesReason()
{
    QImage onePixel(1, 1, QImage::Format_RGB888);
    onePixel.fill(Qt::gray);
    const FaceAlignment result = m_aligner->align(onePixel);
    QCOMPARE(result.status, FaceStatus::ImageTooSmall);
    QVERIFY2(result.reason.contains(QStringLiteral("too small")), qPrintable(result.reason));
}

void TestFaceAligner::smallAvatarUpsampled()
{
    // The smallest avatar size social sites serve.
    const QImage avatar = m_face.copy(96, 0, 320, 320).scaled(48, 48, Qt::IgnoreAspectRatio,
                                                              Qt::SmoothTransformation);
    const FaceAlignment result = m_aligner->align(avatar);
    QVERIFY2(result.isAligned(), qPrintable(result.reason));
    QCOMPARE(result.aligned.size(), QSize(178, 218));
}

void TestFaceAligner::largePhotoDownscaled()
{
    const QImage large = m_face.scaled(3000, 3000, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QElapsedTimer timer;
    timer.start();
    const FaceAlignment result = m_aligner->align(large);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(result.isAligned(), qPrintable(result.reason));
    // Eyes scale with the picture: about 5.86 times the 512 px original's.
    const FaceAlignment reference = m_aligner->align(m_face);
    const double factor = 3000.0 / 512.0;
    QVERIFY(QLineF(result.leftEye, reference.leftEye * factor).length() < 3.0 * factor);
    QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
}

void TestFaceAligner::twoFacesTakesLargest()
{
    // The portrait twice side by side, the right copy at 60 % size.
    const QImage crop = m_face.copy(96, 0, 320, 320);
    QImage pair(640, 320, QImage::Format_RGB888);
    pair.fill(QColor(128, 128, 128));
    QPainter painter(&pair);
    painter.drawImage(0, 0, crop);
    painter.drawImage(QRect(380, 60, 192, 192), crop);
    painter.end();

    const FaceAlignment result = m_aligner->align(pair);
    QVERIFY2(result.isAligned(), qPrintable(result.reason));
    QCOMPARE(result.faceCount, 2);
    QVERIFY2(result.faceBox.center().x() < 320, qPrintable(describe(result.faceBox.center())));
}

void TestFaceAligner::manualEyesMatchDetected()
{
    const FaceAlignment detected = m_aligner->align(m_face);
    QVERIFY(detected.isAligned());
    const FaceAlignment manual = m_aligner->alignWithEyes(m_face, detected.leftEye,
                                                          detected.rightEye);
    QCOMPARE(manual.status, FaceStatus::ManualEyes);
    QCOMPARE(manual.aligned.size(), QSize(178, 218));
    QCOMPARE(manual.aligned, detected.aligned);

    const QPointF mapped = manual.transform.map(detected.leftEye);
    QVERIFY(QLineF(mapped, QPointF(0.35 * 178, 0.35 * 218)).length() < 1e-6);

    const FaceAlignment sameSpot = m_aligner->alignWithEyes(m_face, QPointF(10, 10),
                                                            QPointF(10.2, 10));
    QCOMPARE(sameSpot.status, FaceStatus::InvalidEyes);
}

void TestFaceAligner::missingLandmarkModelReported()
{
    AlignmentSettings settings;
    settings.landmarkModelPath = m_dir.filePath(QStringLiteral("missing.dat"));
    FaceAligner aligner(settings);
    QVERIFY(!aligner.isReady());
    QVERIFY2(aligner.errorString().contains(settings.landmarkModelPath),
             qPrintable(aligner.errorString()));
    QVERIFY(aligner.errorString().contains(QStringLiteral("libdlib-data")));
    QCOMPARE(aligner.align(m_face).status, FaceStatus::DetectorUnavailable);
}

void TestFaceAligner::batchKeepsInputOrder()
{
    const QString landscape = m_dir.filePath(QStringLiteral("batch-landscape.png"));
    const QString missing = m_dir.filePath(QStringLiteral("batch-missing.png"));
    QVERIFY(TestImages::landscape().save(landscape));
    const QStringList files{TestImages::astronautPath(), landscape, missing,
                            TestImages::astronautPath()};

    QVector<int> reported;
    BatchOptions options;
    options.threads = 2;
    const std::vector<Stages> results = preprocessBatch(
        files, PreprocessSettings(), options,
        [&](int finished, int total) {
            QCOMPARE(total, 4);
            reported.append(finished);
        });
    QCOMPARE(results.size(), size_t(4));
    QCOMPARE(results[0].status, StageStatus::Ok);
    QCOMPARE(results[1].status, StageStatus::NoFace);
    QCOMPARE(results[2].status, StageStatus::LoadFailed);
    QCOMPARE(results[3].status, StageStatus::Ok);
    for (size_t i = 0; i < results.size(); ++i)
        QCOMPARE(results[i].source, files[int(i)]);
    QVERIFY(results[0].original.isNull()); // keepImages is off
    QCOMPARE(results[0].tensor, results[3].tensor);
    QVERIFY(!reported.isEmpty());
    QCOMPARE(reported.last(), 4);
    QVERIFY(std::is_sorted(reported.begin(), reported.end()));
}

void TestFaceAligner::batchCancel()
{
    const QStringList files(20, TestImages::astronautPath());
    std::atomic<bool> cancel{true};
    const std::vector<Stages> results =
        preprocessBatch(files, PreprocessSettings(), {}, {}, &cancel);
    QCOMPARE(results.size(), size_t(20));
    for (const Stages &stages : results)
        QCOMPARE(stages.status, StageStatus::Canceled);
}

void TestFaceAligner::lfwFacesFound()
{
    const QDir images(TestImages::sharedDataDir() + QStringLiteral("/lfw-eyeglasses/images"));
    if (!images.exists())
        QSKIP("The LFW development photos are absent; set PROFILELENS_SHARED_DATA_DIR.");
    const QStringList names = images.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
    QVERIFY(names.size() > 1000);
    QStringList sample;
    for (int i = 0; i < 100; ++i)
        sample.append(images.filePath(names[i * names.size() / 100]));

    const std::vector<Stages> results = preprocessBatch(sample, PreprocessSettings());
    int found = 0;
    for (const Stages &stages : results)
        found += stages.isOk() ? 1 : 0;
    QVERIFY2(found >= 97, qPrintable(QStringLiteral("%1 of 100 aligned").arg(found)));
}

QTEST_GUILESS_MAIN(TestFaceAligner)
#include "tst_facealigner.moc"
