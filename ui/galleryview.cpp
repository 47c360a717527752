#include "galleryview.h"

#include <QPainter>

namespace ProfileLens {

namespace {

// Items laid out per event-loop pass in batched mode; keeps a 10,000-image reset responsive.
constexpr int kLayoutBatchSize = 500;

} // namespace

GalleryView::GalleryView(QWidget *parent)
    : QListView(parent)
{
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setUniformItemSizes(true);
    setLayoutMode(QListView::Batched);
    setBatchSize(kLayoutBatchSize);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setDragDropMode(QAbstractItemView::NoDragDrop);
    setDragEnabled(false);
    // IconMode turns drops on; the main window handles them instead.
    setAcceptDrops(false);
    viewport()->setAcceptDrops(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setMouseTracking(true);
}

QString GalleryView::emptyText() const
{
    return m_emptyText;
}

void GalleryView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

void GalleryView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_emptyText.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0))
        return;

    QPainter painter(viewport());
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

} // namespace ProfileLens
