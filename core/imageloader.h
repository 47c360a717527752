#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

namespace ProfileLens {

/// Reason an image could not be loaded.
enum class ImageError {
    None,
    NotFound,
    Empty,
    NotAnImage,
    Truncated,
    TooLarge,
    UnsupportedFormat,
    ReadFailed,
};

struct ImageLoadOptions
{
    /// Images with more pixels than this are rejected from their header, before decoding.
    qint64 maxPixels = 50'000'000;
};

/// A decoded picture ready for face detection, or the reason it could not be decoded.
struct LoadedImage
{
    /// RGB888, EXIF orientation applied, transparency flattened onto white.
    QImage image;
    ImageError error = ImageError::None;
    /// Names the file and the reason; empty on success.
    QString errorString;
    /// Set when the image decoded but something was off (for example a truncated JPEG).
    QString warning;
    /// Format detected from the content ("jpeg", "png", ...), not from the file name.
    QByteArray format;

    bool isValid() const { return error == ImageError::None && !image.isNull(); }
};

/// Loads the image file at \a path. Never throws.
LoadedImage loadImage(const QString &path, const ImageLoadOptions &options = {});

/// Loads an image from memory; \a name is used in messages (a URL, say). Never throws.
LoadedImage loadImageData(const QByteArray &data, const QString &name,
                          const ImageLoadOptions &options = {});

/// File name patterns of the picture formats that folder imports pick up.
QStringList imageFileNameFilters();

/**
 * Expands \a paths into picture files: files are kept as given (whatever their name),
 * folders are searched recursively for imageFileNameFilters(). The order is stable: paths
 * in the given order, each folder's files sorted by path. Paths that do not exist are
 * appended to \a missing when it is not null.
 */
QStringList collectImageFiles(const QStringList &paths, QStringList *missing = nullptr);

/// Returns a short untranslated key for \a error ("not-found", "too-large", ...).
QString imageErrorKey(ImageError error);

} // namespace ProfileLens
