#include "backup/stagedrestore.h"

#include "backup/backupio.h"

#include <QFile>
#include <QSet>

#include <filesystem>
#include <system_error>

#include <cerrno>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace shoebox {

namespace {

bool exists(const QByteArray& path)
{
    struct stat st;
    return ::lstat(path.constData(), &st) == 0;
}

// Renames staged to target or the first free suffixed name; an identical file in the way counts.
void placeFile(const QByteArray& staged, const QByteArray& target, RestoreReport* report)
{
    const QByteArray hash = BackupIo::hashFile(staged);
    for (int n = 0; n < 1000; ++n) {
        const QByteArray candidate = BackupIo::suffixed(target, n);
        if (exists(candidate)) {
            if (!hash.isEmpty() && BackupIo::hashFile(candidate) == hash) {
                ++report->alreadyThere;
                ::unlink(staged.constData());
                return;
            }
            continue;
        }
        if (::rename(staged.constData(), candidate.constData()) != 0) {
            report->problems << BackupIo::fromErrno(errno, QFile::decodeName(target)).reason;
            return;
        }
        ++report->restored;
        if (n > 0)
            ++report->renamed;
        return;
    }
    report->problems << QStringLiteral("%1: too many restored copies beside it").arg(QFile::decodeName(target));
}

} // namespace

void StagedRestore::place(const QByteArray& staging, const QByteArray& target, RestoreReport* report)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    QSet<QByteArray> made;
    const fs::path root(staging.toStdString());
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->is_symlink(ec))
            continue;
        const std::string relative = it->path().lexically_relative(root).string();
        const QByteArray to = target + '/' + QByteArray::fromStdString(relative);
        const QByteArray dir = to.left(to.lastIndexOf('/'));
        if (!BackupIo::makeDirs(dir, &made, target)) {
            report->problems << BackupIo::fromErrno(errno, QFile::decodeName(dir)).reason;
            continue;
        }
        placeFile(QByteArray::fromStdString(it->path().string()), to, report);
    }
    if (ec)
        report->problems << QStringLiteral("%1: %2").arg(
            QFile::decodeName(staging), QString::fromStdString(ec.message()));
    fs::remove_all(root, ec);
}

} // namespace shoebox
