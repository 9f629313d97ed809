#pragma once
// A library with real files for the backup tests: a Pictures folder whose files are catalogued with
// their true content hash and file stamp (as a scan would record them), changed the way a user
// changes a library (add, move, rename, trash). Header-only; used on the test's own thread.

#include "catalog/photostore.h"
#include "scan/photoprocessor.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <sys/stat.h>

namespace shoebox::test {

class BackupTestLibrary {
public:
    BackupTestLibrary()
    {
        QDir().mkpath(photosDir());
        m_folderId = PhotoStore(m_library.path()).ensureFolder(QFile::encodeName(photosDir()), photosDir());
    }
    QString path() const { return m_library.path(); }
    QString folder() const { return m_library.folder(); }
    QString photosDir() const { return m_library.filePath(QStringLiteral("Pictures")); }
    bool isOpen() const { return m_library.isOpen() && m_folderId > 0; }

    static QByteArray randomBytes(int size, quint32 seed)
    {
        QRandomGenerator rng(seed);
        QByteArray bytes(size, Qt::Uninitialized);
        for (char& c : bytes)
            c = char(rng.bounded(256));
        return bytes;
    }

    // Writes the file under Pictures/ and catalogues it; returns its photo id (0 on failure).
    qint64 addFile(const QString& relative, const QByteArray& bytes, const QDateTime& taken = {})
    {
        const QString file = photosDir() + QLatin1Char('/') + relative;
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return 0;
        f.close();
        PhotoFixture photo(file);
        photo.takenAt(taken.isValid() ? taken : QDateTime(QDate(2024, 5, 1), QTime(12, 0)));
        stamp(photo.record(), file, bytes);
        return photo.saveTo(path());
    }

    // Moves or renames a catalogued file, as a rescan would record it (same row, new path).
    bool moveFile(qint64 id, const QString& relative)
    {
        PhotoStore store(path());
        std::optional<PhotoRecord> r = store.photoById(id);
        const QString to = photosDir() + QLatin1Char('/') + relative;
        QDir().mkpath(QFileInfo(to).absolutePath());
        if (!r || !QFile::rename(r->displayPath, to))
            return false;
        r->path = QFile::encodeName(to);
        r->displayPath = to;
        return store.save(*r, store.hashes(id)) > 0;
    }

    // Deletes the file and marks its row missing, as trashing it does.
    bool trashFile(qint64 id)
    {
        PhotoStore store(path());
        const std::optional<PhotoRecord> r = store.photoById(id);
        return r && QFile::remove(r->displayPath) && store.markMissing({ id });
    }

    // Every file under dir by its path relative to dir, with its bytes.
    static QMap<QString, QByteArray> contents(const QString& dir)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                files.insert(QDir(dir).relativeFilePath(file), f.readAll());
        }
        return files;
    }

private:
    void stamp(PhotoRecord& r, const QString& file, const QByteArray& bytes)
    {
        struct stat st;
        ::stat(QFile::encodeName(file).constData(), &st);
        r.size = bytes.size();
        r.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        r.contentHash = PhotoProcessor::contentHash(
            reinterpret_cast<const unsigned char*>(bytes.constData()), size_t(bytes.size()));
        r.folderId = m_folderId;
    }

    TestLibrary m_library;
    qint64 m_folderId = 0;
};

} // namespace shoebox::test
