#include "shell/importprompts.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStringList>

namespace shoebox {

AppSettings::ImportMode ImportPrompts::askImportMode(QWidget* parent)
{
    QMessageBox box(QMessageBox::Question, tr("How should Shoebox add photos?"),
        tr("Shoebox can index your photos where they are, or copy them into its library "
           "folder, arranged by year and month. You can change this later in Preferences."),
        QMessageBox::Cancel, parent);
    QPushButton* index = box.addButton(tr("Index Where They Are"), QMessageBox::AcceptRole);
    QPushButton* copy = box.addButton(tr("Copy into Library"), QMessageBox::AcceptRole);
    box.setDefaultButton(index);
    box.exec();
    AppSettings::ImportMode mode = AppSettings::ImportMode::Ask;
    if (box.clickedButton() == index)
        mode = AppSettings::ImportMode::IndexInPlace;
    else if (box.clickedButton() == copy)
        mode = AppSettings::ImportMode::CopyByDate;
    if (mode != AppSettings::ImportMode::Ask)
        AppSettings::setImportMode(mode);
    return mode;
}

void ImportPrompts::showSkippedDuplicates(QWidget* parent, const QList<ImportDuplicate>& dups)
{
    QStringList lines;
    for (const ImportDuplicate& d : dups.mid(0, 12))
        lines.append(tr("%1 — same as %2").arg(QFileInfo(d.source).fileName(), d.existing));
    if (dups.size() > 12)
        lines.append(tr("… and %n more", nullptr, int(dups.size() - 12)));
    auto* box = new QMessageBox(QMessageBox::Information, tr("Duplicates not copied"),
        tr("%n photo(s) are already in your library and were not copied again.", nullptr, int(dups.size())),
        QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("duplicatesNotice"));
    box->setDetailedText(lines.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace shoebox
