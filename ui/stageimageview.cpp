#include "stageimageview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace ProfileLens {

namespace {

// Overlay sizes in logical pixels, so the marks look the same at any zoom and screen density.
constexpr double kLandmarkRadius = 1.8;
constexpr double kEyeCrossHalf = 6.0;
constexpr double kTargetRadius = 7.0;
constexpr double kPickedCrossHalf = 10.0;
constexpr double kOverlayPenWidth = 1.5;
// Opacity of a result that a newer request is about to replace.
constexpr double kDimmedOpacity = 0.35;

void drawCross(QPainter &painter, const QPointF &centre, double half)
{
    painter.drawLine(centre - QPointF(half, 0), centre + QPointF(half, 0));
    painter.drawLine(centre - QPointF(0, half), centre + QPointF(0, half));
}

} // namespace

StageImageView::StageImageView(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void StageImageView::setImage(const QImage &image)
{
    m_image = image;
    m_scaledCache = QImage();
    update();
}

QImage StageImageView::image() const
{
    return m_image;
}

void StageImageView::setScaling(Scaling scaling)
{
    m_scaling = scaling;
    update();
}

void StageImageView::setAlignment(Qt::Alignment alignment)
{
    m_alignment = alignment;
    update();
}

void StageImageView::setDimmed(bool dimmed)
{
    if (m_dimmed == dimmed)
        return;
    m_dimmed = dimmed;
    update();
}

void StageImageView::setOverlay(const StageOverlay &overlay)
{
    m_overlay = overlay;
    update();
}

void StageImageView::setOverlayVisible(bool visible)
{
    if (m_overlayVisible == visible)
        return;
    m_overlayVisible = visible;
    update();
}

bool StageImageView::isOverlayVisible() const
{
    return m_overlayVisible;
}

void StageImageView::setPickingEnabled(bool enabled)
{
    m_picking = enabled;
    if (enabled)
        setCursor(Qt::CrossCursor);
    else
        unsetCursor();
}

bool StageImageView::isPickingEnabled() const
{
    return m_picking;
}

double StageImageView::scaleFactor() const
{
    if (m_image.isNull() || width() <= 0 || height() <= 0)
        return 0.0;
    const double fit = std::min(double(width()) / m_image.width(),
                                double(height()) / m_image.height());
    const double dpr = devicePixelRatioF();
    // Whole device pixels per picture pixel keep nearest-neighbour squares equal in size.
    if (m_scaling == Scaling::Pixelated && fit * dpr >= 1.0)
        return std::floor(fit * dpr) / dpr;
    return fit;
}

QRectF StageImageView::imageRect() const
{
    const double scale = scaleFactor();
    if (scale <= 0.0)
        return {};
    const double dpr = devicePixelRatioF();
    const QSizeF size(m_image.width() * scale, m_image.height() * scale);
    // Snapped to the device pixel grid so the pre-scaled picture is drawn without resampling.
    double x = (width() - size.width()) / 2.0;
    if (m_alignment & Qt::AlignLeft)
        x = 0.0;
    else if (m_alignment & Qt::AlignRight)
        x = width() - size.width();
    double y = (height() - size.height()) / 2.0;
    if (m_alignment & Qt::AlignTop)
        y = 0.0;
    else if (m_alignment & Qt::AlignBottom)
        y = height() - size.height();
    x = std::floor(x * dpr) / dpr;
    y = std::floor(y * dpr) / dpr;
    return QRectF(QPointF(x, y), size);
}

QPointF StageImageView::mapToImage(const QPointF &widgetPos) const
{
    const QRectF rect = imageRect();
    if (rect.isEmpty())
        return {};
    const double scale = rect.width() / m_image.width();
    // Picture pixel i covers [i - 0.5, i + 0.5) around its centre at i.
    return (widgetPos - rect.topLeft()) / scale - QPointF(0.5, 0.5);
}

QPointF StageImageView::mapFromImage(const QPointF &imagePos) const
{
    const QRectF rect = imageRect();
    if (rect.isEmpty())
        return {};
    const double scale = rect.width() / m_image.width();
    return rect.topLeft() + (imagePos + QPointF(0.5, 0.5)) * scale;
}

QSize StageImageView::sizeHint() const
{
    return {240, 280};
}

QSize StageImageView::minimumSizeHint() const
{
    return {96, 112};
}

void StageImageView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRectF rect = imageRect();
    if (rect.isEmpty())
        return;

    if (m_dimmed)
        painter.setOpacity(kDimmedOpacity);
    if (m_scaling == Scaling::Pixelated) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(rect, m_image);
    } else {
        const double dpr = devicePixelRatioF();
        const QSize deviceSize(qMax(1, qRound(rect.width() * dpr)),
                               qMax(1, qRound(rect.height() * dpr)));
        if (m_scaledCache.size() != deviceSize) {
            m_scaledCache = m_image.scaled(deviceSize, Qt::IgnoreAspectRatio,
                                           Qt::SmoothTransformation);
            m_scaledCache.setDevicePixelRatio(dpr);
        }
        painter.drawImage(rect.topLeft(), m_scaledCache);
    }
    painter.setOpacity(1.0);
    paintOverlay(painter);
}

void StageImageView::paintOverlay(QPainter &painter) const
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);

    if (m_overlayVisible && !m_dimmed) {
        if (!m_overlay.cropOutline.isEmpty()) {
            QPolygonF outline;
            for (const QPointF &point : m_overlay.cropOutline)
                outline.append(mapFromImage(point));
            painter.setPen(QPen(QColor(255, 255, 255, 200), kOverlayPenWidth, Qt::DashLine));
            painter.drawPolygon(outline);
        }
        if (!m_overlay.faceBox.isEmpty()) {
            painter.setPen(QPen(QColor(60, 220, 90), kOverlayPenWidth));
            painter.drawRect(QRectF(mapFromImage(m_overlay.faceBox.topLeft()),
                                    mapFromImage(m_overlay.faceBox.bottomRight())));
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(40, 220, 255));
        for (const QPointF &point : m_overlay.landmarks)
            painter.drawEllipse(mapFromImage(point), kLandmarkRadius, kLandmarkRadius);
        painter.setBrush(Qt::NoBrush);

        painter.setPen(QPen(QColor(255, 210, 0), kOverlayPenWidth));
        for (const QPointF &point : m_overlay.eyeTargets)
            painter.drawEllipse(mapFromImage(point), kTargetRadius, kTargetRadius);
        painter.setPen(QPen(QColor(255, 50, 50), kOverlayPenWidth));
        for (const QPointF &point : m_overlay.eyes)
            drawCross(painter, mapFromImage(point), kEyeCrossHalf);
    }

    // Clicks of the eye placement stay visible whatever the overlay setting.
    painter.setPen(QPen(QColor(255, 0, 220), kOverlayPenWidth));
    for (const QPointF &point : m_overlay.pickedPoints)
        drawCross(painter, mapFromImage(point), kPickedCrossHalf);
}

void StageImageView::mousePressEvent(QMouseEvent *event)
{
    if (m_picking && event->button() == Qt::LeftButton
        && imageRect().contains(event->position())) {
        event->accept();
        Q_EMIT imageClicked(mapToImage(event->position()));
        return;
    }
    QWidget::mousePressEvent(event);
}

} // namespace ProfileLens
