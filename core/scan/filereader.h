#pragma once
// Reads a whole file read-only into a buffer reused from file to file, and computes its content hash
// (XXH3-128) in the same pass: each chunk is hashed right after read() copied it, while it is still in
// the CPU cache, instead of a second pass over memory. One instance per thread (the scan keeps one
// thread_local reader per worker); any thread.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <memory>

namespace shoebox {

class FileReader {
public:
    struct Result {
        QString error; // empty on success: a one-line reason otherwise
        bool vanished = false; // the file no longer exists
        qint64 size = 0;
        qint64 mtimeNs = 0;
        QByteArray contentHash; // 16 bytes, canonical (big-endian) XXH3-128 of every byte
        bool tooLarge = false; // over maxBytes: nothing was read
    };

    // Bytes are read this many at a time: small enough to stay in a core's L2 cache for the hash.
    static constexpr size_t kChunk = size_t(256) << 10;

    // Reads path; on success data() and size() hold its bytes until the next read() or release().
    Result read(const QByteArray& path, qint64 maxBytes);
    // For a file too large to hold: data() and size() hold only its first chunk (enough to sniff
    // the format), and the hash covers every byte, read through one chunk-sized buffer.
    Result stream(const QByteArray& path);
    const unsigned char* data() const { return m_bytes.get(); }
    size_t size() const { return m_length; }
    // Forgets the bytes; keeps the buffer for the next file unless an unusually large file grew it.
    void release();

    // The same hash of bytes already in memory.
    static QByteArray contentHash(const unsigned char* data, size_t size);

private:
    Result open(const QByteArray& path, qint64 maxBytes, bool streamed);
    QString readAll(int fd, size_t size, QByteArray& hash);
    QString streamAll(int fd, size_t size, QByteArray& hash);
    void reserve(size_t n);

    std::unique_ptr<unsigned char[]> m_bytes;
    size_t m_capacity = 0;
    size_t m_length = 0;
};

} // namespace shoebox
