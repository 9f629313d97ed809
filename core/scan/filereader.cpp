#include "scan/filereader.h"

#include <xxhash.h>
#if defined(__x86_64__)
// Renames the XXH3 calls to their _dispatch versions, which pick the widest vector unit the CPU has
// (AVX2, AVX-512) at run time: the plain x86-64 builds are SSE2, 4x slower on cache-hot data here.
// Same result either way.
#include <xxh_x86dispatch.h>
#endif

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

namespace shoebox {

namespace {

QByteArray canonical(XXH128_hash_t h)
{
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, h);
    return QByteArray(reinterpret_cast<const char*>(c.digest), int(sizeof c.digest));
}

QString systemError(const char* what)
{
    return QString::fromLatin1(what) + QString::fromLocal8Bit(std::strerror(errno));
}

struct StateDeleter {
    void operator()(XXH3_state_t* s) const { XXH3_freeState(s); }
};

} // namespace

QByteArray FileReader::contentHash(const unsigned char* data, size_t size)
{
    return canonical(XXH3_128bits(data, size));
}

void FileReader::release()
{
    m_length = 0;
    if (m_capacity > (size_t(64) << 20)) {
        m_bytes.reset();
        m_capacity = 0;
    }
}

void FileReader::reserve(size_t n)
{
    if (n > m_capacity) {
        // A fresh multi-megabyte allocation per file costs page faults on the scale of hashing it.
        m_bytes.reset(new unsigned char[n]);
        m_capacity = n;
    }
}

QString FileReader::readAll(int fd, size_t size, QByteArray& hash)
{
    reserve(size);
    m_length = size;
    const std::unique_ptr<XXH3_state_t, StateDeleter> state(XXH3_createState());
    if (!state || XXH3_128bits_reset(state.get()) != XXH_OK)
        return QStringLiteral("out of memory for the content hash");
    size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, m_bytes.get() + got, std::min(kChunk, size - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? systemError("read error: ") : QStringLiteral("file shrank while being read");
        XXH3_128bits_update(state.get(), m_bytes.get() + got, size_t(n));
        got += size_t(n);
    }
    hash = canonical(XXH3_128bits_digest(state.get()));
    return QString();
}

// The first chunk stays at the start of the buffer; every later one goes through the chunk after it.
QString FileReader::streamAll(int fd, size_t size, QByteArray& hash)
{
    reserve(2 * kChunk);
    m_length = std::min(size, kChunk);
    const std::unique_ptr<XXH3_state_t, StateDeleter> state(XXH3_createState());
    if (!state || XXH3_128bits_reset(state.get()) != XXH_OK)
        return QStringLiteral("out of memory for the content hash");
    size_t got = 0;
    while (got < size) {
        unsigned char* at = got < kChunk ? m_bytes.get() + got : m_bytes.get() + kChunk;
        const size_t room = got < kChunk ? kChunk - got : kChunk;
        const ssize_t n = ::read(fd, at, std::min(room, size - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? systemError("read error: ") : QStringLiteral("file shrank while being read");
        XXH3_128bits_update(state.get(), at, size_t(n));
        got += size_t(n);
    }
    hash = canonical(XXH3_128bits_digest(state.get()));
    return QString();
}

FileReader::Result FileReader::stream(const QByteArray& path)
{
    return open(path, std::numeric_limits<qint64>::max(), true);
}

FileReader::Result FileReader::read(const QByteArray& path, qint64 maxBytes)
{
    return open(path, maxBytes, false);
}

FileReader::Result FileReader::open(const QByteArray& path, qint64 maxBytes, bool streamed)
{
    Result r;
    m_length = 0;
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        r.vanished = errno == ENOENT;
        r.error = r.vanished ? QStringLiteral("file vanished during the scan") : systemError("cannot open: ");
        return r;
    }
    struct stat st { };
    if (::fstat(fd, &st) != 0) {
        r.error = systemError("cannot stat: ");
    } else {
        r.size = st.st_size;
        r.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        r.tooLarge = st.st_size > maxBytes;
        if (r.tooLarge)
            r.error = QStringLiteral("file is %1 MB, over the size limit; not read").arg(st.st_size >> 20);
        else
            r.error = streamed ? streamAll(fd, size_t(st.st_size), r.contentHash)
                               : readAll(fd, size_t(st.st_size), r.contentHash);
    }
    ::close(fd);
    if (!r.error.isEmpty())
        m_length = 0;
    return r;
}

} // namespace shoebox
