#pragma once
// A line edit with a Choose… button beside it that picks a folder (or a file) into it, as the
// restore dialogs use for the backup, the password file and the target. Choosing also emits the
// edit's editingFinished, as typing and Return would. UI thread only.

class QLineEdit;
class QString;
class QWidget;

namespace shoebox {

QWidget* pathChooserRow(QLineEdit* edit, QWidget* parent, const QString& title, bool file = false);

} // namespace shoebox
