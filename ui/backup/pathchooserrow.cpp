#include "backup/pathchooserrow.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace shoebox {

QWidget* pathChooserRow(QLineEdit* edit, QWidget* parent, const QString& title, bool file)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* choose = new QPushButton(QCoreApplication::translate("shoebox::RestoreDialog", "Choose…"), row);
    layout->addWidget(edit, 1);
    layout->addWidget(choose);
    QObject::connect(choose, &QPushButton::clicked, edit, [edit, title, file] {
        const QString chosen = file ? QFileDialog::getOpenFileName(edit, title, edit->text())
                                    : QFileDialog::getExistingDirectory(edit, title, edit->text());
        if (!chosen.isEmpty()) {
            edit->setText(chosen);
            Q_EMIT edit->editingFinished();
        }
    });
    return row;
}

} // namespace shoebox
