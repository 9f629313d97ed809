#pragma once
// The questions and notices an import shows the user: how to add photos (index in place or copy into
// the library) and which dropped photos were not copied because the library already has them.
// UI thread only.

#include "scan/importer.h"
#include "shell/appsettings.h"

#include <QCoreApplication>
#include <QList>

class QWidget;

namespace shoebox {

class ImportPrompts {
    // These strings were written in MainWindow; keeping its context keeps the shipped translations.
    Q_DECLARE_TR_FUNCTIONS(shoebox::MainWindow)

public:
    // Asks how to add photos and remembers a choice; Ask when the user cancelled.
    static AppSettings::ImportMode askImportMode(QWidget* parent);
    // A non-modal notice listing the first dozen duplicates; it deletes itself when closed.
    static void showSkippedDuplicates(QWidget* parent, const QList<ImportDuplicate>& dups);
};

} // namespace shoebox
