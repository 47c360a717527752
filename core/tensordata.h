#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <vector>

namespace ProfileLens {

/**
 * Preprocessed pictures ready for training or inference: grayscale values in [0, 1], one
 * image after another, each row-major with height x width floats.
 *
 * A plain value so that training and prediction depend neither on how a dataset is parsed
 * nor on how images are decoded.
 */
struct TensorSet
{
    int width = 28;
    int height = 28;
    /// count() * height * width values.
    std::vector<float> pixels;
    /// One label per image: 1 when the attribute is present, 0 when it is absent. May be empty
    /// for prediction.
    std::vector<int> labels;
    /// Optional file name or id of each image, for messages and reports.
    QStringList sources;

    int pixelsPerImage() const { return width * height; }

    int count() const
    {
        const int perImage = pixelsPerImage();
        return perImage > 0 ? int(pixels.size() / std::size_t(perImage)) : 0;
    }

    bool isEmpty() const { return pixels.empty(); }
    bool hasLabels() const { return !labels.empty(); }

    /// Appends one image; \a image must have pixelsPerImage() values.
    void append(const std::vector<float> &image, int label = -1, const QString &source = {})
    {
        pixels.insert(pixels.end(), image.begin(), image.end());
        if (label >= 0)
            labels.push_back(label);
        if (!source.isEmpty())
            sources.append(source);
    }

    /// Returns the part \a x, \a y, \a cropWidth x \a cropHeight of every image, with the
    /// same labels and sources. The part must lie inside the images.
    TensorSet cropped(int x, int y, int cropWidth, int cropHeight) const
    {
        TensorSet part;
        part.width = cropWidth;
        part.height = cropHeight;
        part.labels = labels;
        part.sources = sources;
        part.pixels.reserve(std::size_t(count()) * std::size_t(cropWidth * cropHeight));
        for (int i = 0; i < count(); ++i) {
            for (int row = y; row < y + cropHeight; ++row) {
                const auto first = pixels.begin()
                    + std::ptrdiff_t((std::size_t(i) * std::size_t(height) + std::size_t(row))
                                         * std::size_t(width)
                                     + std::size_t(x));
                part.pixels.insert(part.pixels.end(), first, first + cropWidth);
            }
        }
        return part;
    }

    /// Returns the source of image \a index, or "#index" when it has none.
    QString sourceOf(int index) const
    {
        return index >= 0 && index < sources.size() ? sources.at(index)
                                                    : QStringLiteral("#%1").arg(index);
    }

    /**
     * Returns an empty string when the set is consistent, otherwise a message naming the
     * problem. With \a requireLabels, every image must have a label of 0 or 1.
     */
    QString validate(bool requireLabels) const
    {
        if (width <= 0 || height <= 0)
            return QCoreApplication::translate("TensorSet", "Invalid image size %1x%2.")
                .arg(width)
                .arg(height);
        if (pixels.size() % std::size_t(pixelsPerImage()) != 0)
            return QCoreApplication::translate(
                       "TensorSet",
                       "The pixel array has %1 values, which is not a multiple of %2x%3.")
                .arg(qulonglong(pixels.size()))
                .arg(width)
                .arg(height);
        const int images = count();
        if ((requireLabels || hasLabels()) && int(labels.size()) != images)
            return QCoreApplication::translate("TensorSet", "%1 images but %2 labels.")
                .arg(images)
                .arg(qulonglong(labels.size()));
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (labels[i] != 0 && labels[i] != 1)
                return QCoreApplication::translate(
                           "TensorSet", "Image %1 has label %2; labels must be 0 or 1.")
                    .arg(sourceOf(int(i)))
                    .arg(labels[i]);
        }
        if (!sources.isEmpty() && sources.size() != images)
            return QCoreApplication::translate("TensorSet", "%1 images but %2 source names.")
                .arg(images)
                .arg(sources.size());
        return {};
    }
};

} // namespace ProfileLens
