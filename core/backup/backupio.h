#pragma once
// Low-level file work of the backup: streaming copies that hash while they copy, re-reads that prove
// a copy, fsync, atomic writes, and the sorting of OS errors into "retry", "destination full",
// "destination read-only", "destination gone". Pure functions on paths; any thread.

#include <QByteArray>
#include <QSet>
#include <QString>

#include <functional>

namespace shoebox {

// What a failed step means for the run.
enum class IoFailure {
    None,
    Transient, // EIO, EAGAIN, EINTR, ETIMEDOUT...: worth a retry after a pause
    Full, // ENOSPC, EDQUOT, EFBIG: the destination has no room
    ReadOnly, // EROFS, EACCES, EPERM: the destination refuses writes
    Gone, // ENOENT/ENOTDIR/ENODEV on the destination: it was unplugged or unmounted
    Source, // the library file could not be read: skip it, the run goes on
    Damaged, // the bytes read back are not the bytes written
};

struct IoResult {
    IoFailure failure = IoFailure::None;
    QString reason; // one line, empty when ok
    bool ok() const { return failure == IoFailure::None; }
};

class BackupIo {
public:
    // XXH3-128 of a file, canonical 16 bytes; empty with *result set when unreadable.
    static QByteArray hashFile(const QByteArray& path, IoResult* result = nullptr);
    // Copies source to target (created, never overwritten) while hashing the bytes read, fdatasyncs
    // target, then re-reads it and checks that its hash is the same. *hash gets the source's hash.
    static IoResult copyVerified(const QByteArray& source, const QByteArray& target, QByteArray* hash);
    // The first half of copyVerified: copies and hashes, starts the write-back without waiting for it.
    // The copy is not proven until syncAndReread() says so.
    static IoResult copyHashed(const QByteArray& source, const QByteArray& target, QByteArray* hash);
    // Copies source to target (created, never overwritten) in the kernel, as cp does: a reflink
    // (FICLONE) where the file system shares blocks, else copy_file_range, else read and write; hashes
    // nothing and starts the write-back. For a source whose hash the catalog knows: the copy is proven
    // by syncAndReread() against that hash, and only a mismatch needs a hashed copy.
    static IoResult copyInKernel(const QByteArray& source, const QByteArray& target);
    // The second half: waits until path is on the disk (syncData), drops its cached pages and re-reads
    // it (rereadFromDisk), so the hash checked is that of the bytes the disk holds.
    static IoResult syncAndReread(const QByteArray& path, const QByteArray& expected);
    static IoResult syncData(const QByteArray& path);
    static IoResult rereadFromDisk(const QByteArray& path, const QByteArray& expected);
    // Rewrites target's bytes in place from source when source's hash is expected: every hard link
    // to target (the snapshots' trees) is repaired with it.
    static IoResult repairInPlace(const QByteArray& source, const QByteArray& target, const QByteArray& expected);
    // Writes data to path through path.tmp, fsync and rename.
    static IoResult writeAtomically(const QString& path, const QByteArray& data);
    static IoResult fsyncPath(const QString& path); // a file or a folder
    // Sorts errno into a failure; source says whether the failing file was the library's.
    static IoResult fromErrno(int error, const QString& what, bool source = false);
    // Runs step up to attempts times while it fails with a transient error, pausing 100 ms, 400 ms,
    // 1.6 s... in between.
    static IoResult withRetries(const std::function<IoResult()>& step, int attempts = 4);
    // mkdir -p on raw bytes (names that are not UTF-8 survive); made remembers folders that exist.
    // With a base, folders are made only below it and a missing base fails with ENOENT: a destination
    // that vanished mid-run (an unplugged drive) is never made again under its empty mount point.
    static bool makeDirs(const QByteArray& dir, QSet<QByteArray>* made, const QByteArray& base = {});
    // "dir/a.jpg" -> "dir/a (restored).jpg" (n 1), "dir/a (restored 2).jpg" (n 2); n 0: path itself.
    static QByteArray suffixed(const QByteArray& path, int n);
    static QString hex(const QByteArray& hash) { return QString::fromLatin1(hash.toHex()); }
};

} // namespace shoebox
