#include "imageloader.h"
#include "preprocessor.h"
#include "testimages.h"

#include <QFileInfo>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using namespace ProfileLens;

Q_DECLARE_METATYPE(ProfileLens::ImageError)

class TestImageLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badInput_data();
    void badInput();
    void decodesEncodings_data();
    void decodesEncodings();
    void exifOrientationApplied();
    void alphaFlattenedOntoWhite();
    void oddWidthRowStride();
    void sixteenBitGray();
    void truncatedJpegWarns();
    void largeFileRejectedBeforeDecoding();
    void sharedBadImages_data();
    void sharedBadImages();

private:
    QTemporaryDir m_dir;
    QImage m_face;
};

void TestImageLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_face.load(TestImages::astronautPath()), qPrintable(TestImages::astronautPath()));
    m_face = m_face.convertToFormat(QImage::Format_RGB888);
}

void TestImageLoader::badInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<ProfileLens::ImageError>("error");
    QTest::addColumn<QString>("expectedText");

    const QByteArray jpeg = TestImages::encode(m_face, "jpeg");
    QTest::newRow("empty file") << "empty.jpg" << QByteArray() << ImageError::Empty
                                << "empty file";
    QTest::newRow("html page named jpg")
        << "error.jpg"
        << QByteArray("<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
                      "<body>Not Found</body></html>")
        << ImageError::NotAnImage << "not an image";
    QTest::newRow("text file named png") << "notes.png" << QByteArray("just some text\n")
                                         << ImageError::NotAnImage << "not an image";
    QTest::newRow("svg markup named png")
        << "vector.svg.png"
        << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                      "<circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>")
        << ImageError::UnsupportedFormat << "unsupported image format";
    QTest::newRow("header claims 60000x60000")
        << "huge.png" << TestImages::pngClaimingSize(60000, 60000) << ImageError::TooLarge
        << "image too large";
    QTest::newRow("png cut in half")
        << "cut.png" << TestImages::encode(m_face, "png").left(2000) << ImageError::Truncated
        << "truncated or corrupt";
    QTest::newRow("heic container")
        << "photo.heic" << QByteArray("\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24)
        << ImageError::UnsupportedFormat << "unsupported image format";
    Q_UNUSED(jpeg);
}

void TestImageLoader::badInput()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(ProfileLens::ImageError, error);
    QFETCH(QString, expectedText);

    const QString path = m_dir.filePath(name);
    QVERIFY(TestImages::writeFile(path, content));
    const LoadedImage loaded = loadImage(path);
    QVERIFY(!loaded.isValid());
    QCOMPARE(imageErrorKey(loaded.error), imageErrorKey(error));
    QVERIFY2(loaded.errorString.contains(expectedText), qPrintable(loaded.errorString));
    QVERIFY2(loaded.errorString.contains(path), qPrintable(loaded.errorString));
}

void TestImageLoader::decodesEncodings_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("format");

    QTest::newRow("png") << "face.png" << QByteArray("png");
    QTest::newRow("jpeg") << "face.jpg" << QByteArray("jpeg");
    QTest::newRow("png named jpg") << "png-named.jpg" << QByteArray("png");
    QTest::newRow("bmp") << "face.bmp" << QByteArray("bmp");
    QTest::newRow("non-ascii name") << QString::fromUtf8("Zoë Smith (1).png") << QByteArray("png");
    if (QImageReader::supportedImageFormats().contains("webp"))
        QTest::newRow("webp") << "face.webp" << QByteArray("webp");
    if (QImageReader::supportedImageFormats().contains("tiff"))
        QTest::newRow("tiff") << "face.tiff" << QByteArray("tiff");
}

void TestImageLoader::decodesEncodings()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, format);

    const QString path = m_dir.filePath(name);
    QVERIFY(TestImages::writeFile(path, TestImages::encode(m_face, format.constData())));
    const LoadedImage loaded = loadImage(path);
    QVERIFY2(loaded.isValid(), qPrintable(loaded.errorString));
    QCOMPARE(loaded.format, format);
    QCOMPARE(loaded.image.size(), m_face.size());
    QCOMPARE(loaded.image.format(), QImage::Format_RGB888);
    QVERIFY(loaded.warning.isEmpty());
}

void TestImageLoader::exifOrientationApplied()
{
    // Stored sideways; orientation 6 means "rotate 90 degrees clockwise to display".
    const QImage wide = m_face.copy(0, 0, 512, 300);
    const QImage sideways = wide.transformed(QTransform().rotate(-90));
    QCOMPARE(sideways.size(), QSize(300, 512));
    const QString path = m_dir.filePath(QStringLiteral("exif6.jpg"));
    QVERIFY(TestImages::writeFile(
        path, TestImages::withExifOrientation(TestImages::encode(sideways, "jpeg"), 6)));

    const LoadedImage loaded = loadImage(path);
    QVERIFY2(loaded.isValid(), qPrintable(loaded.errorString));
    QCOMPARE(loaded.image.size(), QSize(512, 300));
    // The top-left pixel of the upright picture must match after the rotation.
    const QColor expected = wide.pixelColor(10, 10);
    const QColor actual = loaded.image.pixelColor(10, 10);
    QVERIFY2(std::abs(expected.red() - actual.red()) < 20,
             qPrintable(QStringLiteral("red %1 vs %2").arg(expected.red()).arg(actual.red())));
}

void TestImageLoader::alphaFlattenedOntoWhite()
{
    QImage rgba = m_face.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 40; ++x)
            rgba.setPixelColor(x, y, QColor(0, 0, 0, 0));
    const QString path = m_dir.filePath(QStringLiteral("transparent.png"));
    QVERIFY(rgba.save(path));

    const LoadedImage loaded = loadImage(path);
    QVERIFY2(loaded.isValid(), qPrintable(loaded.errorString));
    QCOMPARE(loaded.image.pixelColor(5, 5), QColor(Qt::white));
    QCOMPARE(loaded.image.pixelColor(200, 200), m_face.pixelColor(200, 200));
}

void TestImageLoader::oddWidthRowStride()
{
    // 101 px RGBA: 303-byte RGB rows are not a multiple of 4, the classic skew trap.
    QImage odd = m_face.scaled(101, 101).convertToFormat(QImage::Format_ARGB32);
    const QString path = m_dir.filePath(QStringLiteral("odd.png"));
    QVERIFY(odd.save(path));

    const LoadedImage loaded = loadImage(path);
    QVERIFY2(loaded.isValid(), qPrintable(loaded.errorString));
    QCOMPARE(loaded.image.size(), QSize(101, 101));
    for (int y : {0, 50, 100})
        QCOMPARE(loaded.image.pixelColor(100, y).rgb(), odd.pixelColor(100, y).rgb());

    Preprocessor preprocessor;
    QVERIFY2(preprocessor.isReady(), qPrintable(preprocessor.errorString()));
    const Stages stages = preprocessor.processFile(path);
    QCOMPARE(stages.original.size(), QSize(101, 101));
    QCOMPARE(stages.original.pixelColor(100, 100).rgb(), odd.pixelColor(100, 100).rgb());
}

void TestImageLoader::sixteenBitGray()
{
    const QImage gray16 = m_face.convertToFormat(QImage::Format_Grayscale16);
    const QString path = m_dir.filePath(QStringLiteral("gray16.png"));
    QVERIFY(gray16.save(path));

    const LoadedImage loaded = loadImage(path);
    QVERIFY2(loaded.isValid(), qPrintable(loaded.errorString));
    QCOMPARE(loaded.image.format(), QImage::Format_RGB888);
    const QColor pixel = loaded.image.pixelColor(256, 256);
    QCOMPARE(pixel.red(), pixel.green());
    QCOMPARE(pixel.green(), pixel.blue());
}

void TestImageLoader::truncatedJpegWarns()
{
    const QByteArray jpeg = TestImages::encode(m_face, "jpeg");
    const QString path = m_dir.filePath(QStringLiteral("truncated.jpg"));
    QVERIFY(TestImages::writeFile(path, jpeg.left(jpeg.size() * 4 / 10)));

    const LoadedImage loaded = loadImage(path);
    if (loaded.isValid()) {
        QVERIFY2(loaded.warning.contains(QStringLiteral("truncated")), qPrintable(loaded.warning));
        QCOMPARE(loaded.image.size(), m_face.size());
    } else {
        QCOMPARE(loaded.error, ImageError::Truncated);
    }
}

void TestImageLoader::largeFileRejectedBeforeDecoding()
{
    ImageLoadOptions options;
    options.maxPixels = 100 * 100;
    const LoadedImage loaded = loadImage(TestImages::astronautPath(), options);
    QCOMPARE(loaded.error, ImageError::TooLarge);
    QVERIFY2(loaded.errorString.contains(QStringLiteral("512 x 512")),
             qPrintable(loaded.errorString));
}

void TestImageLoader::sharedBadImages_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");

    const QDir dir(TestImages::badImagesDir());
    if (!dir.exists())
        return;
    // "ok": decodes; otherwise the error key.
    const std::pair<const char *, const char *> rows[] = {
        {"empty.jpg", "empty"},
        {"html-page.jpg", "not-an-image"},
        {"text-file.png", "not-an-image"},
        {"huge-dimensions.png", "too-large"},
        {"png-named.jpg", "ok"},
        {"gif-named.png", "ok"},
        {"cmyk.jpg", "ok"},
        {"grayscale.jpg", "ok"},
        {"gray-16bit.png", "ok"},
        {"transparent-corners.png", "ok"},
        {"animated.gif", "ok"},
        {"exif-orientation-6.jpg", "ok"},
        {"progressive.jpg", "ok"},
        {"face.bmp", "ok"},
        {"one-pixel.png", "ok"},
        {"odd-width-101px-rgba.png", "ok"},
        {"Zoë Smith (1).jpg", "ok"},
    };
    for (const auto &[file, expected] : rows)
        QTest::newRow(file) << QString::fromUtf8(file) << QString::fromLatin1(expected);
}

void TestImageLoader::sharedBadImages()
{
    const QDir dir(TestImages::badImagesDir());
    if (!dir.exists())
        QSKIP("The folder of odd and broken pictures is absent; set PROFILELENS_BAD_IMAGES_DIR.");
    QFETCH(QString, file);
    QFETCH(QString, expected);

    const LoadedImage loaded = loadImage(dir.filePath(file));
    if (expected == QLatin1String("ok")) {
        QVERIFY2(loaded.isValid(), qPrintable(loaded.errorString));
    } else {
        QCOMPARE(imageErrorKey(loaded.error), expected);
        QVERIFY2(loaded.errorString.contains(file), qPrintable(loaded.errorString));
    }
}

QTEST_GUILESS_MAIN(TestImageLoader)
#include "tst_imageloader.moc"
