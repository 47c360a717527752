#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ProfileLens {

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Keyboard shortcuts"));

    for (const QAction *action : actions) {
        if (!action || action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys << sequence.toString(QKeySequence::NativeText);
        QString command = action->text();
        command.remove(QLatin1Char('&'));
        command.remove(QStringLiteral("..."));
        command.remove(QChar(0x2026)); // horizontal ellipsis
        addRow(command, keys.join(tr(" or ")));
    }
    addRow(tr("Move to the next or previous image"), tr("Arrow keys"));
    addRow(tr("Extend the selection"), tr("Shift+Arrow keys, Shift+click"));
    addRow(tr("Add or remove an image from the selection"), tr("Ctrl+click, Ctrl+Space"));
    addRow(tr("First or last image"), tr("Home, End"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(520, 520);
}

int ShortcutsDialog::rowCount() const
{
    return m_table->rowCount();
}

void ShortcutsDialog::addRow(const QString &command, const QString &keys)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(command));
    m_table->setItem(row, 1, new QTableWidgetItem(keys));
}

} // namespace ProfileLens
