#include "support/backupfixture.h"

#include "catalog/photostore.h"
#include "scan/photoprocessor.h"
#include "support/photofixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>

#include <sys/stat.h>

namespace shoebox::test {

BackupFixture::BackupFixture()
{
    QDir().mkpath(photosDir());
    m_folderId = PhotoStore(m_library.path()).ensureFolder(QFile::encodeName(photosDir()), photosDir());
}

QString BackupFixture::photosDir() const
{
    return m_library.filePath(QStringLiteral("Pictures"));
}

QByteArray BackupFixture::randomBytes(int size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& c : bytes)
        c = char(rng.bounded(256));
    return bytes;
}

qint64 BackupFixture::addFile(const QString& relative, const QByteArray& bytes, const QDateTime& taken)
{
    const QString file = photosDir() + QLatin1Char('/') + relative;
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return 0;
    f.close();
    PhotoFixture photo(file);
    photo.takenAt(taken.isValid() ? taken : QDateTime(QDate(2024, 5, 1), QTime(12, 0)));
    PhotoRecord& r = photo.record();
    struct stat st;
    ::stat(QFile::encodeName(file).constData(), &st);
    r.size = bytes.size();
    r.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    r.contentHash
        = PhotoProcessor::contentHash(reinterpret_cast<const unsigned char*>(bytes.constData()), size_t(bytes.size()));
    r.folderId = m_folderId;
    return photo.saveTo(path());
}

bool BackupFixture::addFiles(int count, int size, const QString& prefix, quint32 firstSeed)
{
    for (int i = 0; i < count; ++i)
        if (!addFile(prefix + QStringLiteral("%1.jpg").arg(i), randomBytes(size, firstSeed + quint32(i))))
            return false;
    return true;
}

bool BackupFixture::moveFile(qint64 id, const QString& relative)
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

bool BackupFixture::trashFile(qint64 id)
{
    PhotoStore store(path());
    const std::optional<PhotoRecord> r = store.photoById(id);
    return r && QFile::remove(r->displayPath) && store.markMissing({ id });
}

QString BackupFixture::destination(const QString& name, bool create) const
{
    const QString dest = folder() + QLatin1Char('/') + name;
    if (create)
        QDir().mkpath(dest);
    return dest;
}

BackupReport BackupFixture::backUp(const QString& dest, const QDateTime& when, const ProgressHook& onProgress) const
{
    BackupOptions o;
    o.libraryPath = path();
    o.destination = dest;
    o.now = when;
    BackupEngine engine(o);
    if (onProgress)
        engine.setProgressHandler([&engine, onProgress](const BackupProgress& p) { onProgress(engine, p); });
    return engine.run();
}

QMap<QString, QByteArray> BackupFixture::contents(const QString& dir)
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

} // namespace shoebox::test
