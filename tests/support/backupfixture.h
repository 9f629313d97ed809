#pragma once
// The set-up every backup test shares: a library with a Pictures folder whose files are catalogued
// with their true content hash and file stamp (as a scan would record them), changed the way a user
// changes a library (add, move, rename, trash); a destination folder beside it; and one backup run.
// Used on the test's own thread.

#include "backup/backupengine.h"
#include "support/testlibrary.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <functional>

namespace shoebox::test {

class BackupFixture {
public:
    BackupFixture();
    QString path() const { return m_library.path(); }
    QString folder() const { return m_library.folder(); }
    QString photosDir() const;
    bool isOpen() const { return m_library.isOpen() && m_folderId > 0; }

    static QByteArray randomBytes(int size, quint32 seed);

    // Writes the file under Pictures/ and catalogues it; returns its photo id (0 on failure).
    qint64 addFile(const QString& relative, const QByteArray& bytes, const QDateTime& taken = {});
    // prefix0.jpg, prefix1.jpg...: count files of size random bytes (seeds firstSeed, firstSeed + 1...).
    bool addFiles(int count, int size, const QString& prefix = QStringLiteral("f"), quint32 firstSeed = 1);
    // Moves or renames a catalogued file, as a rescan would record it (same row, new path).
    bool moveFile(qint64 id, const QString& relative);
    // Deletes the file and marks its row missing, as trashing it does.
    bool trashFile(qint64 id);

    // A destination folder beside the library (created unless create is false).
    QString destination(const QString& name = QStringLiteral("dest"), bool create = true) const;
    // Backs this library up to dest as made at when (invalid: now); onProgress sees every report.
    using ProgressHook = std::function<void(BackupEngine&, const BackupProgress&)>;
    BackupReport backUp(const QString& dest, const QDateTime& when = {}, const ProgressHook& onProgress = {}) const;

    // Every file under dir by its path relative to dir, with its bytes.
    static QMap<QString, QByteArray> contents(const QString& dir);

private:
    TestLibrary m_library;
    qint64 m_folderId = 0;
};

} // namespace shoebox::test
