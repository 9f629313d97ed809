#pragma once
// The library as the backup sees it: every catalogued file that should exist on disk, with the
// content hash and file stamp the catalog recorded, and its place in a snapshot's tree
// ("<folder name>/<path inside the folder>"). Reads the catalog only; call on the thread that runs
// the backup (it uses that thread's connection).

#include <QByteArray>
#include <QList>
#include <QString>

namespace shoebox {

struct SourceFile {
    qint64 photoId = 0;
    QByteArray path; // absolute, raw bytes
    qint64 size = 0;
    qint64 mtimeNs = 0;
    QByteArray contentHash; // empty when the catalog has none
    QString taken;
    QByteArray treePath;
    QByteArray folderPath; // the library folder it belongs to; empty when none
};

class BackupSource {
public:
    // Photos not marked missing, by id. False with *error when the catalog cannot be read.
    static bool files(const QString& libraryPath, QList<SourceFile>* files, QString* error);
};

} // namespace shoebox
