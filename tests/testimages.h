#pragma once

// Test inputs made at run time from the committed public-domain portrait, so that no
// odd or broken picture has to be committed.

#include <QBuffer>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QString>
#include <QTransform>

namespace TestImages {

/// The public-domain NASA portrait of Eileen Collins, 512x512, one face.
inline QString astronautPath()
{
    return QStringLiteral(PROFILELENS_TEST_DATA_DIR "/astronaut.png");
}

inline QString sharedDataDir()
{
    return QStringLiteral(PROFILELENS_SHARED_DATA_DIR);
}

inline QString badImagesDir()
{
    return QStringLiteral(PROFILELENS_BAD_IMAGES_DIR);
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(data) == data.size();
}

inline QByteArray encode(const QImage &image, const char *format, int quality = 92)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    writer.write(image);
    return data;
}

/// Returns \a jpeg with an EXIF block (APP1) that sets orientation \a orientation.
inline QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray exif("Exif\0\0", 6);
    // Big-endian TIFF header, first IFD at offset 8.
    exif.append("MM\0\x2A\0\0\0\x08", 8);
    // One entry: tag 0x0112 (Orientation), type SHORT, count 1, value.
    exif.append("\0\x01", 2);
    exif.append("\x01\x12\0\x03\0\0\0\x01", 8);
    exif.append(char(orientation >> 8));
    exif.append(char(orientation & 0xFF));
    exif.append("\0\0", 2);
    // No next IFD.
    exif.append("\0\0\0\0", 4);

    const int length = int(exif.size()) + 2;
    QByteArray segment("\xFF\xE1", 2);
    segment.append(char(length >> 8));
    segment.append(char(length & 0xFF));
    segment.append(exif);
    // Insert right after the start-of-image marker.
    return jpeg.left(2) + segment + jpeg.mid(2);
}

inline quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes;
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.append(char((value >> shift) & 0xFF));
    return bytes;
}

/// A PNG whose header claims \a width x \a height pixels but contains almost no data.
inline QByteArray pngClaimingSize(quint32 width, quint32 height)
{
    QByteArray png("\x89PNG\r\n\x1A\n", 8);
    QByteArray ihdr("IHDR");
    ihdr += bigEndian32(width) + bigEndian32(height);
    ihdr.append("\x08\x02\0\0\0", 5); // 8-bit RGB, no interlace
    png += bigEndian32(13) + ihdr + bigEndian32(crc32(ihdr));
    // libpng reads the header up to the first IDAT chunk; an empty zlib stream will do.
    QByteArray idat("IDAT");
    idat.append("\x78\x9C\x03\x00\x00\x00\x00\x01", 8);
    png += bigEndian32(8) + idat + bigEndian32(crc32(idat));
    QByteArray iend("IEND");
    png += bigEndian32(0) + iend + bigEndian32(crc32(iend));
    return png;
}

/// Returns \a image rotated by \a degrees about its centre, on a mid-gray canvas of the
/// same size.
inline QImage rotated(const QImage &image, double degrees)
{
    QImage canvas(image.size(), QImage::Format_RGB888);
    canvas.fill(QColor(128, 128, 128));
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(image.width() / 2.0, image.height() / 2.0);
    painter.rotate(degrees);
    painter.translate(-image.width() / 2.0, -image.height() / 2.0);
    painter.drawImage(0, 0, image);
    painter.end();
    return canvas;
}

/// A picture with no face: smooth colour gradients and a few shapes.
inline QImage landscape(int width = 400, int height = 300)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixelColor(x, y, QColor(80 + x * 100 / width, 140 + y * 80 / height, 200));
    QPainter painter(&image);
    painter.setBrush(QColor(40, 120, 40));
    painter.drawRect(0, height * 2 / 3, width, height / 3);
    painter.setBrush(QColor(250, 220, 90));
    painter.drawEllipse(QPoint(width * 3 / 4, height / 4), 30, 30);
    return image;
}

} // namespace TestImages
