#pragma once

// Conversions between QImage and cv::Mat. Private to core: keeps OpenCV out of public headers.

#include <QImage>

#include <opencv2/core.hpp>

namespace ProfileLens {

/// Returns a deep copy of \a image as an 8-bit, 3-channel RGB matrix. Honours the image's
/// row stride, so widths whose rows are not a multiple of 4 bytes come out unskewed.
inline cv::Mat imageToRgbMat(const QImage &image)
{
    const QImage rgb = image.format() == QImage::Format_RGB888
        ? image
        : image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()),
                       size_t(rgb.bytesPerLine()));
    return view.clone();
}

/// Returns a matrix that shares \a image's pixels, valid while \a image lives and is not
/// modified; \a image must be RGB888.
inline cv::Mat rgbMatView(const QImage &image)
{
    Q_ASSERT(image.format() == QImage::Format_RGB888);
    return cv::Mat(image.height(), image.width(), CV_8UC3, const_cast<uchar *>(image.constBits()),
                   size_t(image.bytesPerLine()));
}

/// Returns a deep copy of an 8-bit matrix with 1 (gray) or 3 (RGB) channels as a QImage.
inline QImage matToImage(const cv::Mat &mat)
{
    if (mat.empty())
        return {};
    const QImage::Format format = mat.channels() == 1 ? QImage::Format_Grayscale8
                                                      : QImage::Format_RGB888;
    const QImage view(mat.data, mat.cols, mat.rows, int(mat.step), format);
    return view.copy();
}

} // namespace ProfileLens
