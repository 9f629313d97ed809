#pragma once
// Settles what a process killed in the middle of a move to the trash or of an undo left behind, at
// start-up (the CLI and the GUI, right after opening the library): a pending record (TrashBin writes
// it before the file moves) whose file is still in place is dropped, one whose file reached the trash
// is completed with where it went; a record of the last batch whose file is back at its original path
// and gone from the trash is marked restored. Any thread (the calling thread's catalog connection).

#include <QByteArray>
#include <QString>

namespace shoebox {

struct TrashReconcileResult {
    int dropped = 0; // pending moves that never happened
    int completed = 0; // pending moves found in the trash: their undo records are complete now
    int restored = 0; // undone moves recorded as restored
    int waiting = 0; // pending moves whose folder is offline: settled when it is back
    QString error; // why the trash log could not be read or written; empty when it was
};

class TrashReconciler {
public:
    static TrashReconcileResult reconcile(const QString& libraryPath);
    // The newest entry of the freedesktop trash (the home one, or the file's volume's) that holds a
    // file trashed from originalPath; empty when there is none.
    static QString findInTrash(const QByteArray& originalPath);
};

} // namespace shoebox
