#pragma once

#include <QImage>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QVector>
#include <QWidget>

namespace ProfileLens {

/// Geometry drawn over the original picture, in the picture's pixel coordinates (pixel
/// centres at whole numbers, as dlib and OpenCV place them).
struct StageOverlay
{
    QRectF faceBox;
    QVector<QPointF> landmarks;
    /// Eye centres the alignment used (detected or placed by hand).
    QVector<QPointF> eyes;
    /// Eye targets of the aligned face, mapped back onto the original.
    QVector<QPointF> eyeTargets;
    /// Outline of the aligned face's rectangle on the original.
    QPolygonF cropOutline;
    /// Points clicked so far while eyes are placed by hand.
    QVector<QPointF> pickedPoints;
};

/**
 * Shows one preprocessing stage scaled to fit, keeping its aspect ratio, centred in the
 * widget. Smooth scaling pre-scales the picture to device pixels, so it stays sharp on
 * high-DPI screens. Pixelated scaling samples the nearest neighbour at a whole number of
 * device pixels per picture pixel, so every pixel of a 28x28 input shows as an equal square.
 */
class StageImageView : public QWidget
{
    Q_OBJECT

public:
    enum class Scaling {
        Smooth,
        Pixelated,
    };

    explicit StageImageView(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    QImage image() const;
    void setScaling(Scaling scaling);
    /// Sets the picture's position when the widget is larger (centred by default).
    void setAlignment(Qt::Alignment alignment);
    /// Draws the picture faded, for a result that is about to be replaced.
    void setDimmed(bool dimmed);

    void setOverlay(const StageOverlay &overlay);
    void setOverlayVisible(bool visible);
    bool isOverlayVisible() const;

    /// While picking, the cursor is a crosshair and clicks on the picture emit imageClicked().
    void setPickingEnabled(bool enabled);
    bool isPickingEnabled() const;

    /// Returns the rectangle, in widget coordinates, that the picture is drawn into.
    QRectF imageRect() const;
    /// Maps a widget position to picture pixel coordinates.
    QPointF mapToImage(const QPointF &widgetPos) const;
    /// Maps picture pixel coordinates to a widget position.
    QPointF mapFromImage(const QPointF &imagePos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// Emitted on a left click inside the picture while picking; \a imagePos is in picture
    /// pixel coordinates.
    void imageClicked(const QPointF &imagePos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    double scaleFactor() const;
    void paintOverlay(QPainter &painter) const;

    QImage m_image;
    Scaling m_scaling = Scaling::Smooth;
    Qt::Alignment m_alignment = Qt::AlignCenter;
    bool m_dimmed = false;
    StageOverlay m_overlay;
    bool m_overlayVisible = false;
    bool m_picking = false;
    /// Smoothly scaled copy at the last drawn device size, so a repaint does not rescale.
    mutable QImage m_scaledCache;
};

} // namespace ProfileLens
