// Backup speed (issue 16), run by hand (see BENCHMARKS.md):
//   bench_backup first SET_DIR WORK_DIR      first backup of a photo set vs cp -r of the same files
//   bench_backup unchanged COUNT WORK_DIR    an unchanged second backup of a COUNT-file library
// The library is catalogued the way a scan leaves it (content hash and file stamp per photo), without
// decoding, so only the backup is timed. Prints one line per figure; the ratios are what count.

#include "backup/backupengine.h"
#include "catalog/database.h"
#include "catalog/photostore.h"
#include "scan/photoprocessor.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

#include <cstdio>
#include <sys/stat.h>

using namespace shoebox;

namespace {

// Catalogues every file under dir into a new library at library; false on failure.
bool catalogue(const QString& dir, const QString& library)
{
    QString error;
    QFile::remove(library);
    if (!Database::open(library, &error))
        return std::fprintf(stderr, "%s\n", qPrintable(error)), false;
    PhotoStore store(library);
    const qint64 folder = store.ensureFolder(QFile::encodeName(dir), dir);
    store.begin();
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        struct stat st;
        ::stat(QFile::encodeName(file).constData(), &st);
        PhotoRecord r;
        r.folderId = folder;
        r.path = QFile::encodeName(file);
        r.displayPath = file;
        r.size = bytes.size();
        r.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        r.contentHash = PhotoProcessor::contentHash(
            reinterpret_cast<const unsigned char*>(bytes.constData()), size_t(bytes.size()));
        r.format = QStringLiteral("jpeg");
        if (!store.save(r, {}, &error))
            return std::fprintf(stderr, "%s\n", qPrintable(error)), false;
    }
    return store.commit(&error);
}

double backUp(const QString& library, const QString& dest, BackupReport* report)
{
    BackupOptions o;
    o.libraryPath = library;
    o.destination = dest;
    QElapsedTimer t;
    t.start();
    *report = BackupEngine(o).run();
    return double(t.nsecsElapsed()) / 1e9;
}

double shell(const QString& command)
{
    QElapsedTimer t;
    t.start();
    QProcess::execute(QStringLiteral("sh"), { QStringLiteral("-c"), command });
    return double(t.nsecsElapsed()) / 1e9;
}

int first(const QString& set, const QString& work)
{
    const QString library = work + QStringLiteral("/first.db");
    if (!catalogue(set, library))
        return 1;
    qint64 bytes = 0;
    for (const QFileInfo& f : QDir(set).entryInfoList(QDir::Files))
        bytes += f.size();
    const QString cpDest = work + QStringLiteral("/cp"), dest = work + QStringLiteral("/dest");
    const auto reset = [&] {
        QDir(cpDest).removeRecursively();
        QDir(dest).removeRecursively();
        QDir().mkpath(dest);
        shell(QStringLiteral("sync"));
    };
    reset();
    const double cp1 = shell(QStringLiteral("cp -r '%1' '%2'").arg(set, cpDest));
    reset();
    BackupReport report;
    const double backup = backUp(library, dest, &report);
    if (!report.ok())
        return std::fprintf(stderr, "backup failed: %s\n", qPrintable(report.error)), 1;
    reset();
    const double cp2 = shell(QStringLiteral("cp -r '%1' '%2'").arg(set, cpDest));
    reset();
    const double cpSync = shell(QStringLiteral("cp -r '%1' '%2' && sync").arg(set, cpDest));
    reset();
    const double cp = std::min(cp1, cp2);
    std::printf("files %lld, %.1f MB\n", report.snapshot.files, double(bytes) / 1e6);
    std::printf("cp -r: %.2f s (%.0f MB/s); cp -r + sync: %.2f s\n", cp, double(bytes) / 1e6 / cp, cpSync);
    std::printf("backup (hash, copy, fdatasync, re-read from disk, links, manifest, seal): %.2f s (%.0f MB/s)\n",
        backup, double(bytes) / 1e6 / backup);
    std::printf("backup throughput / cp throughput: %.2f; / (cp + sync): %.2f\n", cp / backup, cpSync / backup);
    return 0;
}

int unchanged(int count, const QString& work)
{
    const QString tree = work + QStringLiteral("/tree");
    QRandomGenerator rng(1);
    for (int i = 0; i < count; ++i) {
        const QString file = QStringLiteral("%1/d%2/p%3.jpg")
                                 .arg(tree)
                                 .arg(i / 100, 3, 10, QLatin1Char('0'))
                                 .arg(i, 5, 10, QLatin1Char('0'));
        if (QFile::exists(file))
            continue;
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile f(file);
        QByteArray bytes(20000, Qt::Uninitialized);
        for (char& c : bytes)
            c = char(rng.bounded(256));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
    }
    const QString library = work + QStringLiteral("/tree.db"), dest = work + QStringLiteral("/tree-dest");
    if (!catalogue(tree, library))
        return 1;
    QDir(dest).removeRecursively();
    QDir().mkpath(dest);
    BackupReport report;
    const double firstRun = backUp(library, dest, &report);
    if (!report.ok())
        return std::fprintf(stderr, "backup failed: %s\n", qPrintable(report.error)), 1;
    const double second = backUp(library, dest, &report);
    if (!report.ok() || report.snapshot.newObjects != 0)
        return std::fprintf(stderr, "second backup failed or copied: %s\n", qPrintable(report.error)), 1;
    std::printf(
        "%d files: first backup %.2f s, unchanged second backup %.2f s (target < 2 s)\n", count, firstRun, second);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() >= 4 && a[1] == QLatin1String("first"))
        return first(a[2], a[3]);
    if (a.size() >= 4 && a[1] == QLatin1String("unchanged"))
        return unchanged(a[2].toInt(), a[3]);
    std::fprintf(stderr, "usage: bench_backup first SET_DIR WORK_DIR | unchanged COUNT WORK_DIR\n");
    return 2;
}
