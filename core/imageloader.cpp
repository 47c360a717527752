#include "imageloader.h"

#include "logging.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>

namespace ProfileLens {

namespace {

// Headroom over maxPixels for Qt's own decode guard: 16-bit RGBA uses 8 bytes per pixel.
constexpr int kBytesPerPixelWorstCase = 8;

// Photo formats we accept. Vector formats such as SVG are left out on purpose: they are not
// photographs, and rendering them can reference external files.
const QList<QByteArray> kRasterFormats = {"jpeg", "png", "gif", "bmp", "webp", "tiff"};

// The "ProfileLens::ImageLoader" translation context, declared so that lupdate can read it.
struct ImageLoaderMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::ImageLoader)
};

LoadedImage failure(ImageError error, const QString &message)
{
    LoadedImage result;
    result.error = error;
    result.errorString = message;
    return result;
}

bool startsWith(const QByteArray &data, const char *magic, int length)
{
    return data.size() >= length && memcmp(data.constData(), magic, size_t(length)) == 0;
}

// Recognises image containers by their magic bytes, so that a file we cannot decode is
// reported as "unsupported format" instead of "not an image".
QByteArray sniffImageFormat(const QByteArray &head)
{
    if (startsWith(head, "\xFF\xD8\xFF", 3))
        return "jpeg";
    if (startsWith(head, "\x89PNG\r\n\x1A\n", 8))
        return "png";
    if (startsWith(head, "GIF87a", 6) || startsWith(head, "GIF89a", 6))
        return "gif";
    if (startsWith(head, "BM", 2))
        return "bmp";
    if (head.size() >= 12 && startsWith(head, "RIFF", 4) && head.mid(8, 4) == "WEBP")
        return "webp";
    if (startsWith(head, "II*\0", 4) || startsWith(head, "MM\0*", 4))
        return "tiff";
    if (head.size() >= 12 && head.mid(4, 4) == "ftyp") {
        const QByteArray brand = head.mid(8, 4);
        if (brand.startsWith("heic") || brand.startsWith("heix") || brand.startsWith("mif1"))
            return "heic";
        if (brand.startsWith("avif"))
            return "avif";
    }
    if (startsWith(head, "\0\0\1\0", 4))
        return "ico";
    return {};
}

// True when a JPEG stream lacks its end-of-image marker, the usual sign of a cut download.
bool isTruncatedJpeg(const QByteArray &data)
{
    int end = int(data.size());
    // Some encoders pad after the marker; allow a little trailing junk.
    const int searchFrom = std::max(0, end - 64);
    return data.lastIndexOf("\xFF\xD9", end) < searchFrom;
}

QImage flattenToRgb888(const QImage &decoded)
{
    if (decoded.hasAlphaChannel()) {
        QImage canvas(decoded.size(), QImage::Format_RGB32);
        canvas.fill(Qt::white);
        QPainter painter(&canvas);
        painter.drawImage(0, 0, decoded);
        painter.end();
        return canvas.convertToFormat(QImage::Format_RGB888);
    }
    // Grayscale (8 and 16 bit), indexed, 16-bit RGB and CMYK-decoded JPEGs all convert here.
    return decoded.convertToFormat(QImage::Format_RGB888);
}

LoadedImage decode(QIODevice *device, const QByteArray &data, const QString &name,
                   const ImageLoadOptions &options)
{
    if (data.isEmpty())
        return failure(ImageError::Empty,
                       ImageLoaderMessages::tr("%1: empty file (0 bytes). Download or copy it again.").arg(name));

    const QByteArray sniffed = sniffImageFormat(data.left(64));

    QImageReader reader(device);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const qint64 limitBytes = options.maxPixels * kBytesPerPixelWorstCase;
    reader.setAllocationLimit(int(std::min<qint64>(limitBytes / (1024 * 1024) + 1, INT_MAX)));

    if (!reader.canRead()) {
        if (!sniffed.isEmpty())
            return failure(ImageError::UnsupportedFormat,
                           ImageLoaderMessages::tr("%1: unsupported image format (%2); this build has no decoder "
                                                   "for it. Convert it to JPEG or PNG.")
                               .arg(name, QString::fromLatin1(sniffed)));
        return failure(ImageError::NotAnImage,
                       ImageLoaderMessages::tr("%1: not an image (the content is not JPEG, PNG, GIF, BMP, WebP or "
                                               "TIFF data). If it was downloaded, the server may have sent an "
                                               "error page.")
                           .arg(name));
    }

    const QByteArray format = reader.format();
    if (!kRasterFormats.contains(format))
        return failure(ImageError::UnsupportedFormat,
                       ImageLoaderMessages::tr("%1: unsupported image format (%2). Use a JPEG, PNG, GIF, BMP, WebP "
                                               "or TIFF picture.")
                           .arg(name, QString::fromLatin1(format)));

    const QSize size = reader.size();
    if (size.isValid()) {
        const qint64 pixels = qint64(size.width()) * size.height();
        if (pixels > options.maxPixels)
            return failure(ImageError::TooLarge,
                           ImageLoaderMessages::tr("%1: image too large (%2 x %3 pixels, %4 megapixels; the limit "
                                                   "is %5 megapixels). Scale it down before importing.")
                               .arg(name)
                               .arg(size.width())
                               .arg(size.height())
                               .arg(double(pixels) / 1e6, 0, 'f', 1)
                               .arg(double(options.maxPixels) / 1e6, 0, 'f', 0));
    }

    QImage decoded;
    if (!reader.read(&decoded) || decoded.isNull()) {
        const QString reason = reader.errorString();
        if (format == "jpeg" || format == "png" || format == "gif" || format == "webp")
            return failure(ImageError::Truncated,
                           ImageLoaderMessages::tr("%1: the %2 data is truncated or corrupt (%3). Download or "
                                                   "copy the file again.")
                               .arg(name, QString::fromLatin1(format), reason));
        return failure(ImageError::ReadFailed,
                       ImageLoaderMessages::tr("%1: could not decode the %2 image (%3).")
                           .arg(name, QString::fromLatin1(format), reason));
    }

    // A header can understate the size; check what was actually decoded too.
    if (qint64(decoded.width()) * decoded.height() > options.maxPixels)
        return failure(ImageError::TooLarge,
                       ImageLoaderMessages::tr("%1: image too large (%2 x %3 pixels). Scale it down before "
                                               "importing.")
                           .arg(name)
                           .arg(decoded.width())
                           .arg(decoded.height()));

    LoadedImage result;
    result.format = format;
    result.image = flattenToRgb888(decoded);
    if (format == "jpeg" && isTruncatedJpeg(data)) {
        result.warning = ImageLoaderMessages::tr("%1: the JPEG data is truncated; the missing part is filled with "
                                                 "gray.")
                             .arg(name);
        qCInfo(lcImage) << "decoded a truncated JPEG:" << name;
    }
    return result;
}

} // namespace

LoadedImage loadImage(const QString &path, const ImageLoadOptions &options)
{
    try {
        const QFileInfo info(path);
        if (!info.exists())
            return failure(ImageError::NotFound,
                           ImageLoaderMessages::tr("%1: file not found. Check the path.").arg(path));
        if (!info.isFile())
            return failure(ImageError::NotAnImage,
                           ImageLoaderMessages::tr("%1: not a file (a folder or device).").arg(path));

        // No supported format needs more than 4 bytes a pixel, plus headers and metadata.
        const qint64 maxFileBytes = options.maxPixels * 4 + 16 * 1024 * 1024;
        if (info.size() > maxFileBytes)
            return failure(ImageError::TooLarge,
                           ImageLoaderMessages::tr("%1: file too large (%2 MB). Profile pictures are far smaller; "
                                                   "scale it down before importing.")
                               .arg(path)
                               .arg(info.size() / (1024 * 1024)));

        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return failure(ImageError::ReadFailed,
                           ImageLoaderMessages::tr("%1: could not be read (%2).").arg(path, file.errorString()));

        // Reading the whole file first lets us sniff its head and check a JPEG's end marker.
        // Profile pictures are small; larger files were rejected by size above, and
        // too many pixels are rejected from the header below.
        const QByteArray data = file.readAll();
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        return decode(&buffer, data, path, options);
    } catch (const std::exception &error) {
        return failure(ImageError::ReadFailed,
                       ImageLoaderMessages::tr("%1: could not be decoded (%2).")
                           .arg(path, QString::fromLocal8Bit(error.what())));
    }
}

LoadedImage loadImageData(const QByteArray &data, const QString &name,
                          const ImageLoadOptions &options)
{
    try {
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        return decode(&buffer, data, name, options);
    } catch (const std::exception &error) {
        return failure(ImageError::ReadFailed,
                       ImageLoaderMessages::tr("%1: could not be decoded (%2).")
                           .arg(name, QString::fromLocal8Bit(error.what())));
    }
}

QStringList imageFileNameFilters()
{
    QStringList filters;
    for (const char *extension : {"jpg", "jpeg", "jpe", "jfif", "png", "gif", "bmp", "webp",
                                  "tif", "tiff"}) {
        const QString lower = QString::fromLatin1(extension);
        filters << QStringLiteral("*.") + lower << QStringLiteral("*.") + lower.toUpper();
    }
    return filters;
}

QStringList collectImageFiles(const QStringList &paths, QStringList *missing)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, imageFileNameFilters(), QDir::Files | QDir::Readable,
                            QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext())
                found.append(it.next());
            found.sort();
            files += found;
        } else if (info.exists()) {
            files.append(path);
        } else if (missing) {
            missing->append(path);
        }
    }
    return files;
}

QString imageErrorKey(ImageError error)
{
    switch (error) {
    case ImageError::None:
        return QStringLiteral("ok");
    case ImageError::NotFound:
        return QStringLiteral("not-found");
    case ImageError::Empty:
        return QStringLiteral("empty");
    case ImageError::NotAnImage:
        return QStringLiteral("not-an-image");
    case ImageError::Truncated:
        return QStringLiteral("truncated");
    case ImageError::TooLarge:
        return QStringLiteral("too-large");
    case ImageError::UnsupportedFormat:
        return QStringLiteral("unsupported-format");
    case ImageError::ReadFailed:
        return QStringLiteral("read-failed");
    }
    return QStringLiteral("unknown");
}

} // namespace ProfileLens
