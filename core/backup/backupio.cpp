#include "backup/backupio.h"

#include <QFile>
#include <QThread>

#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#ifdef __linux__
#include <linux/fs.h>
#include <sys/ioctl.h>
#endif
#include <sys/stat.h>
#include <unistd.h>

namespace shoebox {

namespace {

constexpr size_t kChunk = 1 << 20;

// Closes a descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    explicit Fd(int f)
        : fd(f)
    {
    }
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

QByteArray canonical(XXH3_state_t* state)
{
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits_digest(state));
    return QByteArray(reinterpret_cast<const char*>(c.digest), int(sizeof c.digest));
}

struct StateFree {
    void operator()(XXH3_state_t* s) const { XXH3_freeState(s); }
};
using HashState = std::unique_ptr<XXH3_state_t, StateFree>;

HashState newState()
{
    HashState s(XXH3_createState());
    XXH3_128bits_reset(s.get());
    return s;
}

QString name(const QByteArray& path)
{
    return QFile::decodeName(path);
}

// Writes all of data, resuming after short writes and EINTR.
bool writeAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

// Hashes what fd holds from the start; false with errno set on a read error.
bool hashFd(int fd, QByteArray* hash)
{
    HashState state = newState();
    std::unique_ptr<char[]> buffer(new char[kChunk]);
    for (;;) {
        const ssize_t n = ::read(fd, buffer.get(), kChunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            break;
        XXH3_128bits_update(state.get(), buffer.get(), size_t(n));
    }
    *hash = canonical(state.get());
    return true;
}

// Streams source into the open target while hashing; the caller syncs and closes target.
IoResult streamHashed(int in, int out, const QByteArray& source, const QByteArray& target, QByteArray* hash)
{
    HashState state = newState();
    std::unique_ptr<char[]> buffer(new char[kChunk]);
    for (;;) {
        const ssize_t n = ::read(in, buffer.get(), kChunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return BackupIo::fromErrno(errno, name(source), true);
        if (n == 0)
            break;
        XXH3_128bits_update(state.get(), buffer.get(), size_t(n));
        if (!writeAll(out, buffer.get(), size_t(n)))
            return BackupIo::fromErrno(errno ? errno : ENOSPC, name(target));
    }
    *hash = canonical(state.get());
    return {};
}

// Copies in the kernel what is left of in from its current offset to out: false with errno set when the
// file systems cannot (then the caller copies through user space from where this stopped).
bool copyRange(int in, int out, bool* unsupported)
{
#ifdef __linux__
    for (;;) {
        const ssize_t n = ::copy_file_range(in, nullptr, out, nullptr, size_t(1) << 30, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            return true;
        if (n > 0)
            continue;
        *unsupported = errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP;
        return false;
    }
#else
    *unsupported = true;
    return false;
#endif
}

// Opens source and a new target, runs copy on them, starts the write-back and closes target; target is
// deleted when anything failed.
IoResult copyInto(
    const QByteArray& source, const QByteArray& target, const std::function<IoResult(int in, int out)>& copy)
{
    Fd in(::open(source.constData(), O_RDONLY | O_CLOEXEC));
    if (in.fd < 0)
        return BackupIo::fromErrno(errno, name(source), true);
    Fd out(::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444));
    if (out.fd < 0)
        return BackupIo::fromErrno(errno, name(target));
    IoResult r = copy(in.fd, out.fd);
#ifdef __linux__
    // Start writing to the disk now, so that the sync before the re-read finds little left to do.
    if (r.ok())
        ::sync_file_range(out.fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
    if (r.ok() && ::close(out.fd) != 0)
        r = BackupIo::fromErrno(errno, name(target));
    out.fd = -1;
    if (!r.ok())
        ::unlink(target.constData());
    return r;
}

// Reads path back from the disk (its cached pages dropped first) and compares its hash.
IoResult reread(const QByteArray& path, const QByteArray& expected)
{
    Fd fd(::open(path.constData(), O_RDONLY | O_CLOEXEC));
    if (fd.fd < 0)
        return BackupIo::fromErrno(errno, name(path));
    ::posix_fadvise(fd.fd, 0, 0, POSIX_FADV_DONTNEED);
    QByteArray hash;
    if (!hashFd(fd.fd, &hash))
        return BackupIo::fromErrno(errno, name(path));
    if (hash != expected)
        return { IoFailure::Damaged,
            QStringLiteral("%1 reads back different bytes than were written").arg(name(path)) };
    return {};
}

} // namespace

QByteArray BackupIo::hashFile(const QByteArray& path, IoResult* result)
{
    Fd fd(::open(path.constData(), O_RDONLY | O_CLOEXEC));
    QByteArray hash;
    if (fd.fd < 0 || !hashFd(fd.fd, &hash)) {
        if (result)
            *result = fromErrno(errno, name(path), true);
        return {};
    }
    if (result)
        *result = {};
    return hash;
}

IoResult BackupIo::copyVerified(const QByteArray& source, const QByteArray& target, QByteArray* hash)
{
    IoResult r = copyHashed(source, target, hash);
    if (r.ok())
        r = syncAndReread(target, *hash);
    if (!r.ok())
        ::unlink(target.constData());
    return r;
}

IoResult BackupIo::copyHashed(const QByteArray& source, const QByteArray& target, QByteArray* hash)
{
    return copyInto(source, target, [&](int in, int out) {
        ::posix_fadvise(in, 0, 0, POSIX_FADV_SEQUENTIAL);
        return streamHashed(in, out, source, target, hash);
    });
}

IoResult BackupIo::copyInKernel(const QByteArray& source, const QByteArray& target)
{
    return copyInto(source, target, [&](int in, int out) {
#ifdef __linux__
        if (::ioctl(out, FICLONE, in) == 0)
            return IoResult {};
#endif
        bool unsupported = false;
        if (copyRange(in, out, &unsupported))
            return IoResult {};
        QByteArray ignored;
        // Which side failed is not told: a read error of the library's file shows again below.
        return unsupported ? streamHashed(in, out, source, target, &ignored) : fromErrno(errno, name(target));
    });
}

IoResult BackupIo::syncAndReread(const QByteArray& path, const QByteArray& expected)
{
    IoResult r = syncData(path);
    return r.ok() ? reread(path, expected) : r;
}

IoResult BackupIo::syncData(const QByteArray& path)
{
    Fd fd(::open(path.constData(), O_RDONLY | O_CLOEXEC));
    if (fd.fd < 0 || ::fdatasync(fd.fd) != 0)
        return fromErrno(errno, name(path));
    return {};
}

IoResult BackupIo::rereadFromDisk(const QByteArray& path, const QByteArray& expected)
{
    return reread(path, expected);
}

IoResult BackupIo::repairInPlace(const QByteArray& source, const QByteArray& target, const QByteArray& expected)
{
    IoResult r;
    if (hashFile(source, &r) != expected)
        return r.ok()
            ? IoResult { IoFailure::Source, QStringLiteral("%1 changed since it was backed up").arg(name(source)) }
            : r;
    ::chmod(target.constData(), 0644);
    Fd in(::open(source.constData(), O_RDONLY | O_CLOEXEC));
    Fd out(::open(target.constData(), O_WRONLY | O_TRUNC | O_CLOEXEC));
    if (in.fd < 0)
        return fromErrno(errno, name(source), true);
    if (out.fd < 0)
        return fromErrno(errno, name(target));
    QByteArray hash;
    r = streamHashed(in.fd, out.fd, source, target, &hash);
    if (r.ok() && hash != expected)
        r = { IoFailure::Source, QStringLiteral("%1 changed while it was read").arg(name(source)) };
    if (r.ok() && ::fdatasync(out.fd) != 0)
        r = fromErrno(errno, name(target));
    ::fchmod(out.fd, 0444);
    return r.ok() ? reread(target, expected) : r;
}

IoResult BackupIo::writeAtomically(const QString& path, const QByteArray& data)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray tmp = target + ".tmp";
    Fd out(::open(tmp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (out.fd < 0)
        return fromErrno(errno, path);
    if (!writeAll(out.fd, data.constData(), size_t(data.size())) || ::fsync(out.fd) != 0) {
        const int e = errno ? errno : ENOSPC;
        ::unlink(tmp.constData());
        return fromErrno(e, path);
    }
    if (::rename(tmp.constData(), target.constData()) != 0)
        return fromErrno(errno, path);
    return {};
}

IoResult BackupIo::fsyncPath(const QString& path)
{
    Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    if (fd.fd < 0 || ::fsync(fd.fd) != 0) {
        // Some file systems (FUSE, SMB) cannot sync a folder; the files in it were synced one by one.
        if (errno == EINVAL || errno == ENOTSUP)
            return {};
        return fromErrno(errno, path);
    }
    return {};
}

bool BackupIo::makeDirs(const QByteArray& dir, QSet<QByteArray>* made, const QByteArray& base)
{
    if (dir.isEmpty() || made->contains(dir))
        return true;
    struct stat st;
    if (::stat(dir.constData(), &st) != 0) {
        if (!base.isEmpty() && (dir.size() <= base.size() || !dir.startsWith(base) || dir.at(base.size()) != '/')) {
            errno = ENOENT;
            return false;
        }
        if (!makeDirs(dir.left(dir.lastIndexOf('/')), made, base))
            return false;
        if (::mkdir(dir.constData(), 0755) != 0 && errno != EEXIST)
            return false;
    }
    made->insert(dir);
    return true;
}

IoResult BackupIo::fromErrno(int error, const QString& what, bool source)
{
    const QString reason = QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(error)));
    switch (error) {
    case EIO:
    case EAGAIN:
    case EINTR:
    case ETIMEDOUT:
    case EBUSY:
    case ECONNRESET:
    case EHOSTDOWN:
        return { IoFailure::Transient, reason };
    default:
        break;
    }
    if (source)
        return { IoFailure::Source, reason };
    switch (error) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return { IoFailure::Full, reason };
    case EROFS:
    case EACCES:
    case EPERM:
        return { IoFailure::ReadOnly, reason };
    case ENOENT:
    case ENOTDIR:
    case ENODEV:
    case ENXIO:
    case ESTALE:
        return { IoFailure::Gone, reason };
    default:
        return { IoFailure::Transient, reason };
    }
}

IoResult BackupIo::withRetries(const std::function<IoResult()>& step, int attempts)
{
    IoResult r;
    int pauseMs = 100;
    for (int i = 0; i < attempts; ++i) {
        r = step();
        if (r.failure != IoFailure::Transient)
            return r;
        if (i + 1 < attempts)
            QThread::msleep(ulong(pauseMs));
        pauseMs *= 4;
    }
    return r;
}

QByteArray BackupIo::suffixed(const QByteArray& path, int n)
{
    if (n == 0)
        return path;
    const int slash = path.lastIndexOf('/');
    const int dot = path.lastIndexOf('.');
    const int cut = dot > slash + 1 ? dot : int(path.size());
    const QByteArray tag = n == 1 ? QByteArray(" (restored)") : " (restored " + QByteArray::number(n) + ')';
    return path.left(cut) + tag + path.mid(cut);
}

} // namespace shoebox
