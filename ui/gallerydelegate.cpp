#include "gallerydelegate.h"

#include "gallerymodel.h"

#include <QPainter>
#include <QPixmap>

namespace ProfileLens {

namespace {

// Space around the thumbnail and between it and the caption, in device-independent pixels.
constexpr int kMargin = 6;
constexpr int kBadgeDiameter = 22;

struct BadgeStyle
{
    QColor fill;
    QColor text;
    QString letter;
};

BadgeStyle badgeStyle(LabelValue value)
{
    // Letters as well as colours, so the badge reads without colour vision.
    switch (value) {
    case LabelValue::Yes:
        return {QColor(46, 125, 50), Qt::white, QStringLiteral("Y")};
    case LabelValue::No:
        return {QColor(198, 40, 40), Qt::white, QStringLiteral("N")};
    case LabelValue::Unsure:
        return {QColor(249, 168, 37), QColor(33, 33, 33), QStringLiteral("?")};
    }
    return {};
}

} // namespace

GalleryDelegate::GalleryDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QSize GalleryDelegate::thumbnailSize() const
{
    return m_thumbnailSize;
}

void GalleryDelegate::setThumbnailSize(const QSize &size)
{
    m_thumbnailSize = size;
}

double GalleryDelegate::threshold() const
{
    return m_threshold;
}

void GalleryDelegate::setThreshold(double threshold)
{
    m_threshold = threshold;
}

QSize GalleryDelegate::cellSize(int fontHeight) const
{
    return {m_thumbnailSize.width() + 2 * kMargin,
            m_thumbnailSize.height() + 3 * kMargin + fontHeight};
}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return cellSize(option.fontMetrics.height());
}

void GalleryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);

    // Background: the whole cell is tinted for selection and hover. The style's own item
    // panel would tint only the caption, because the thumbnail is not a decoration here.
    const QRectF background = QRectF(option.rect).adjusted(1, 1, -1, -1);
    QColor tint = option.palette.color(QPalette::Highlight);
    if (option.state & QStyle::State_Selected) {
        tint.setAlphaF(0.35f);
        painter->fillRect(background, tint);
    } else if (option.state & QStyle::State_MouseOver) {
        tint.setAlphaF(0.12f);
        painter->fillRect(background, tint);
    }

    const QRect cell = option.rect;
    const QRect thumbRect(cell.left() + kMargin, cell.top() + kMargin, m_thumbnailSize.width(),
                          m_thumbnailSize.height());

    // Thumbnail, centred, at its device-independent size.
    const QPixmap pixmap = qvariant_cast<QPixmap>(index.data(Qt::DecorationRole));
    if (!pixmap.isNull()) {
        const QSizeF size = pixmap.deviceIndependentSize();
        const QRectF target(thumbRect.left() + (thumbRect.width() - size.width()) / 2.0,
                            thumbRect.top() + (thumbRect.height() - size.height()) / 2.0,
                            size.width(), size.height());
        painter->drawPixmap(target, pixmap, QRectF(pixmap.rect()));
    }

    // Caption.
    const QRect textRect(cell.left() + kMargin, thumbRect.bottom() + kMargin,
                         cell.width() - 2 * kMargin, option.fontMetrics.height());
    painter->setPen(option.palette.color(QPalette::Text));
    const QString caption = option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(),
                                                          Qt::ElideMiddle, textRect.width());
    painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignVCenter, caption);

    // Label badge, top right.
    const QVariant label = index.data(GalleryModel::LabelRole);
    if (label.isValid()) {
        const BadgeStyle badge = badgeStyle(LabelValue(label.toInt()));
        const QRectF circle(thumbRect.right() - kBadgeDiameter - 2, thumbRect.top() + 2,
                            kBadgeDiameter, kBadgeDiameter);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(badge.fill);
        painter->drawEllipse(circle);
        QFont font = option.font;
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(badge.text);
        painter->drawText(circle, Qt::AlignCenter, badge.letter);
    }

    // Prediction, bottom left: probability in percent, filled when at or above threshold.
    const QVariant probability = index.data(GalleryModel::ProbabilityRole);
    if (probability.isValid()) {
        const double p = probability.toDouble();
        const QString text = QStringLiteral("%1%").arg(qRound(p * 100));
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter->setFont(font);
        const QFontMetrics metrics(font);
        const QRectF pill(thumbRect.left() + 2, thumbRect.bottom() - metrics.height() - 4,
                          metrics.horizontalAdvance(text) + 10, metrics.height() + 2);
        const bool positive = p >= m_threshold;
        painter->setPen(Qt::NoPen);
        painter->setBrush(positive ? QColor(21, 101, 192) : QColor(97, 97, 97, 200));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, text);
    }

    // Current item: a clear frame, because keyboard labeling acts on it.
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(cell).adjusted(1, 1, -1, -1), 4, 4);
    }

    painter->restore();
}

} // namespace ProfileLens
