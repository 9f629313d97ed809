#pragma once
// An opened video container (FFmpeg libavformat) read from memory or from a file, with its best video
// stream chosen and checked, so that bad input becomes a one-line reason instead of a crash. One
// instance belongs to one thread at a time; different instances may be used on different threads.

#include <QByteArray>
#include <QString>

#include <cstddef>

struct AVFormatContext;
struct AVIOContext;
struct AVStream;

namespace shoebox {

class VideoInput {
public:
    VideoInput() = default;
    ~VideoInput();
    VideoInput(const VideoInput&) = delete;
    VideoInput& operator=(const VideoInput&) = delete;

    // Opens bytes held by the caller, who keeps them alive while this object lives.
    bool openMemory(const unsigned char* data, size_t size);
    bool openFile(const QByteArray& path);
    // One-line reason after a failed open, else empty.
    QString error() const { return m_error; }

    AVFormatContext* format() const { return m_format; }
    AVStream* videoStream() const;
    int videoStreamIndex() const { return m_stream; }
    // The container's duration in milliseconds, or the video stream's; 0 when neither says.
    qint64 durationMs() const;

    // Longest side and duration Shoebox accepts; beyond them a file is refused as absurd.
    static constexpr int kMaxSide = 16384;
    static constexpr qint64 kMaxDurationMs = qint64(7) * 24 * 3600 * 1000;

private:
    struct Memory {
        const unsigned char* data = nullptr;
        size_t size = 0;
        size_t pos = 0;
    };
    static int readPacket(void* opaque, unsigned char* buf, int size);
    static int64_t seek(void* opaque, int64_t offset, int whence);
    bool finishOpen(const QByteArray& url);
    void close();

    AVFormatContext* m_format = nullptr;
    AVIOContext* m_io = nullptr;
    Memory m_memory;
    int m_stream = -1;
    QString m_error;
};

} // namespace shoebox
