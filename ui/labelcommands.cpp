#include "labelcommands.h"

#include <QCoreApplication>

namespace ProfileLens {

SetLabelsCommand::SetLabelsCommand(GalleryModel *model, const QString &attribute,
                                   const QVector<LabelChange> &before,
                                   const QVector<LabelChange> &after, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_attribute(attribute)
    , m_before(before)
    , m_after(after)
{
    bool sameValue = !after.isEmpty();
    for (const LabelChange &change : after)
        sameValue = sameValue && change.value == after.first().value;
    if (sameValue)
        setText(describe(int(after.size()), after.first().value));
    else
        setText(QCoreApplication::translate("SetLabelsCommand", "Change %n label(s)", nullptr,
                                            int(after.size())));
}

void SetLabelsCommand::undo()
{
    m_errorString = m_model ? m_model->applyLabels(m_attribute, m_before) : QString();
}

void SetLabelsCommand::redo()
{
    m_errorString = m_model ? m_model->applyLabels(m_attribute, m_after) : QString();
    if (m_firstRedo && !m_errorString.isEmpty())
        setObsolete(true);
    m_firstRedo = false;
}

QString SetLabelsCommand::attribute() const
{
    return m_attribute;
}

int SetLabelsCommand::imageCount() const
{
    return int(m_after.size());
}

QString SetLabelsCommand::errorString() const
{
    return m_errorString;
}

QString SetLabelsCommand::describe(int count, const std::optional<LabelValue> &value)
{
    if (!value)
        return QCoreApplication::translate("SetLabelsCommand", "Clear %n label(s)", nullptr, count);
    switch (*value) {
    case LabelValue::Yes:
        return QCoreApplication::translate("SetLabelsCommand", "Label %n image(s) Yes", nullptr,
                                           count);
    case LabelValue::No:
        return QCoreApplication::translate("SetLabelsCommand", "Label %n image(s) No", nullptr,
                                           count);
    case LabelValue::Unsure:
        return QCoreApplication::translate("SetLabelsCommand", "Label %n image(s) Unsure",
                                           nullptr, count);
    }
    return {};
}

} // namespace ProfileLens
