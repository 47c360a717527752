#pragma once

#include "gallerymodel.h"

#include <QPointer>
#include <QUndoCommand>
#include <QVector>

namespace ProfileLens {

/**
 * Sets or clears the label of one or more images for one attribute, as one undo step.
 *
 * redo() and undo() write through GalleryModel::applyLabels(), so every step reaches the
 * store at once. When the first redo() fails because the store rejected the write, the
 * command marks itself obsolete so that QUndoStack::push() drops it. A later failed step
 * keeps the store's message in errorString(), and the model emits storeError().
 */
class SetLabelsCommand : public QUndoCommand
{
public:
    /// \a before contains each image's label before the change, \a after the new one.
    SetLabelsCommand(GalleryModel *model, const QString &attribute,
                     const QVector<LabelChange> &before, const QVector<LabelChange> &after,
                     QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

    QString attribute() const;
    int imageCount() const;
    /// Message of the last failed write; empty after a successful undo or redo.
    QString errorString() const;

    /// Returns the undo text for labeling \a count images with \a value (none = clear).
    static QString describe(int count, const std::optional<LabelValue> &value);

private:
    QPointer<GalleryModel> m_model;
    QString m_attribute;
    QVector<LabelChange> m_before;
    QVector<LabelChange> m_after;
    QString m_errorString;
    bool m_firstRedo = true;
};

} // namespace ProfileLens
