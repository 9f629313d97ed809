#pragma once
// Copies photos into the library folder, arranged by capture date (ROOT/2019/07/name.jpg, photos
// without a capture time in ROOT/Undated), and refuses exact duplicates: a file whose bytes are
// already in the catalog, or already copied in this import, is reported and not copied again.
// Originals are only read. Copies are written under a temporary name and renamed, and keep the
// original's modification time. run() blocks: call it from a worker thread; cancel() from any thread.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace shoebox {

struct ImportDuplicate {
    QString source; // the file that was not copied
    QString existing; // the library's copy with the same bytes
};

struct ImportOutcome {
    QStringList copied; // new files in the library folder
    QList<ImportDuplicate> duplicates; // exact duplicates that were not copied
    QStringList alreadyInFolder; // sources that already live below the library folder
    QStringList failed; // "path: reason"
    bool cancelled = false;
};

class Importer {
public:
    // progress(done, total) is called from the calling thread after each file.
    using Progress = std::function<void(int done, int total)>;

    Importer(QString libraryPath, QString destinationRoot);

    ImportOutcome run(const QList<QByteArray>& roots, const Progress& progress = {});
    void cancel() { m_cancel.store(true); }

    // The folder a photo taken at this time belongs in (local wall time; invalid: "Undated").
    static QString folderFor(const QString& root, const QDateTime& takenAt);

private:
    QString importOne(const QByteArray& source, ImportOutcome& out);

    QString m_library;
    QString m_root;
    QHash<QByteArray, QString> m_copiedByHash;
    std::atomic_bool m_cancel { false };
};

} // namespace shoebox
