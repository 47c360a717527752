#pragma once

#include <QDialog>
#include <QList>

QT_BEGIN_NAMESPACE
class QAction;
class QTableWidget;
QT_END_NAMESPACE

namespace ProfileLens {

/// Lists the keyboard shortcuts of the given actions, plus the keys the gallery handles
/// itself (arrows, selection), in a two-column table.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    /// Number of rows shown; each row is one command with its keys.
    int rowCount() const;

private:
    void addRow(const QString &command, const QString &keys);

    QTableWidget *m_table = nullptr;
};

} // namespace ProfileLens
