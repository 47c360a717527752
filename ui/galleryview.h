#pragma once

#include <QListView>

namespace ProfileLens {

/**
 * The gallery's list view: icon mode with uniform, batched layout so that 10,000 items
 * scroll smoothly, no internal drag and drop (drops go to the main window), and a hint
 * painted in the viewport while the model is empty.
 */
class GalleryView : public QListView
{
    Q_OBJECT

public:
    explicit GalleryView(QWidget *parent = nullptr);

    /// Text painted in the middle of the viewport when the model has no rows.
    QString emptyText() const;
    void setEmptyText(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_emptyText;
};

} // namespace ProfileLens
