// Backup speed (issue 16), run by hand (see BENCHMARKS.md):
//   bench_backup first SET_DIR WORK_DIR      first backup of a photo set vs cp -r and rsync -a of the
//                                            same files, two rounds in one run
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
#include <sys/resource.h>
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

// CPU seconds (user + system) this process has used so far.
double cpuSeconds()
{
    struct rusage u;
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double backUp(const QString& library, const QString& dest, BackupReport* report, double* cpu = nullptr)
{
    BackupOptions o;
    o.libraryPath = library;
    o.destination = dest;
    QElapsedTimer t;
    t.start();
    const double cpuBefore = cpuSeconds();
    *report = BackupEngine(o).run();
    if (cpu)
        *cpu = cpuSeconds() - cpuBefore;
    return double(t.nsecsElapsed()) / 1e9;
}

double shell(const QString& command)
{
    QElapsedTimer t;
    t.start();
    QProcess::execute(QStringLiteral("sh"), { QStringLiteral("-c"), command });
    return double(t.nsecsElapsed()) / 1e9;
}

// One round: cp -r, rsync -a and the backup of the same files, each into an empty folder after a
// sync, so that none pays for another's write-back. Prints the round's figures.
int round(int n, const QString& set, const QString& library, const QString& work, qint64 bytes)
{
    const QString cpDest = work + QStringLiteral("/cp"), rsDest = work + QStringLiteral("/rsync"),
                  dest = work + QStringLiteral("/dest");
    const auto reset = [&] {
        QDir(cpDest).removeRecursively();
        QDir(rsDest).removeRecursively();
        QDir(dest).removeRecursively();
        QDir().mkpath(dest);
        shell(QStringLiteral("sync"));
    };
    reset();
    const double cp = shell(QStringLiteral("cp -r '%1' '%2'").arg(set, cpDest));
    reset();
    const double cpSync = shell(QStringLiteral("cp -r '%1' '%2' && sync").arg(set, cpDest));
    reset();
    const double rsync = shell(QStringLiteral("rsync -a '%1/' '%2/'").arg(set, rsDest));
    reset();
    BackupReport report;
    double cpu = 0;
    const double backup = backUp(library, dest, &report, &cpu);
    if (!report.ok())
        return std::fprintf(stderr, "backup failed: %s\n", qPrintable(report.error)), 1;
    reset();
    const double mb = double(bytes) / 1e6;
    std::printf("round %d: %lld files, %.1f MB\n", n, report.snapshot.files, mb);
    std::printf("  cp -r %.2f s (%.0f MB/s); cp -r + sync %.2f s; rsync -a %.2f s (%.0f MB/s)\n", cp, mb / cp, cpSync,
        rsync, mb / rsync);
    std::printf("  backup (copy in the kernel, sync, re-read from disk and check against the catalog's hash, "
                "links, manifest, seal): %.2f s (%.0f MB/s), CPU %.2f s\n",
        backup, mb / backup, cpu);
    std::printf("  backup throughput / cp: %.2f; / (cp + sync): %.2f; / rsync: %.2f\n", cp / backup, cpSync / backup,
        rsync / backup);
    return 0;
}

int first(const QString& set, const QString& work)
{
    const QString library = work + QStringLiteral("/first.db");
    if (!catalogue(set, library))
        return 1;
    qint64 bytes = 0;
    for (const QFileInfo& f : QDir(set).entryInfoList(QDir::Files))
        bytes += f.size();
    for (int n = 1; n <= 2; ++n)
        if (round(n, set, library, work, bytes) != 0)
            return 1;
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
    for (int n = 2; n <= 3; ++n) {
        double cpu = 0;
        const double again = backUp(library, dest, &report, &cpu);
        if (!report.ok() || report.snapshot.newObjects != 0)
            return std::fprintf(stderr, "unchanged backup failed or copied: %s\n", qPrintable(report.error)), 1;
        std::printf("%d files: first backup %.2f s; unchanged backup #%d: %.2f s wall, %.2f s CPU (target < 2 s)\n",
            count, firstRun, n, again, cpu);
    }
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
