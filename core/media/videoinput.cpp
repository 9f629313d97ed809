#include "media/videoinput.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libavutil/mem.h>
}

#include <algorithm>
#include <cstring>

namespace shoebox {

namespace {

// FFmpeg logs every damaged packet to stderr; Shoebox keeps one reason per file instead.
void quietLogs()
{
    static const bool once = [] {
        av_log_set_level(AV_LOG_FATAL);
        return true;
    }();
    Q_UNUSED(once);
}

QString avError(int code)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof buf);
    return QString::fromLocal8Bit(buf);
}

} // namespace

VideoInput::~VideoInput()
{
    close();
}

void VideoInput::close()
{
    if (m_format)
        avformat_close_input(&m_format);
    if (m_io) {
        av_freep(&m_io->buffer);
        avio_context_free(&m_io);
    }
    m_stream = -1;
}

int VideoInput::readPacket(void* opaque, unsigned char* buf, int size)
{
    auto* m = static_cast<Memory*>(opaque);
    const size_t left = m->size - std::min(m->pos, m->size);
    if (left == 0)
        return AVERROR_EOF;
    const size_t n = std::min(left, size_t(std::max(size, 0)));
    std::memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return int(n);
}

int64_t VideoInput::seek(void* opaque, int64_t offset, int whence)
{
    auto* m = static_cast<Memory*>(opaque);
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE)
        return int64_t(m->size);
    int64_t target = offset;
    if (whence == SEEK_CUR)
        target += int64_t(m->pos);
    else if (whence == SEEK_END)
        target += int64_t(m->size);
    if (target < 0 || target > int64_t(m->size))
        return AVERROR(EINVAL);
    m->pos = size_t(target);
    return target;
}

bool VideoInput::openMemory(const unsigned char* data, size_t size)
{
    close();
    if (!data || size == 0) {
        m_error = QStringLiteral("empty file (0 bytes)");
        return false;
    }
    m_memory = { data, size, 0 };
    constexpr int kBuffer = 64 * 1024;
    auto* buffer = static_cast<unsigned char*>(av_malloc(kBuffer));
    m_io = buffer
        ? avio_alloc_context(buffer, kBuffer, 0, &m_memory, &VideoInput::readPacket, nullptr, &VideoInput::seek)
        : nullptr;
    m_format = m_io ? avformat_alloc_context() : nullptr;
    if (!m_format) {
        if (!m_io)
            av_free(buffer);
        m_error = QStringLiteral("out of memory opening the video");
        close();
        return false;
    }
    m_format->pb = m_io;
    m_format->flags |= AVFMT_FLAG_CUSTOM_IO;
    return finishOpen(QByteArray());
}

bool VideoInput::openFile(const QByteArray& path)
{
    close();
    return finishOpen(path);
}

bool VideoInput::finishOpen(const QByteArray& url)
{
    quietLogs();
    // avformat_open_input frees the context itself on failure.
    if (const int rc = avformat_open_input(&m_format, url.isEmpty() ? nullptr : url.constData(), nullptr, nullptr);
        rc < 0) {
        m_format = nullptr;
        m_error = QStringLiteral("not a readable video: %1").arg(avError(rc));
        close();
        return false;
    }
    if (const int rc = avformat_find_stream_info(m_format, nullptr); rc < 0) {
        m_error = QStringLiteral("unreadable video streams: %1").arg(avError(rc));
        close();
        return false;
    }
    m_stream = av_find_best_stream(m_format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (m_stream < 0) {
        m_error = QStringLiteral("no video stream in the file (%1 other streams)").arg(m_format->nb_streams);
        close();
        return false;
    }
    const AVCodecParameters* par = m_format->streams[m_stream]->codecpar;
    if (par->width <= 0 || par->height <= 0 || par->width > kMaxSide || par->height > kMaxSide) {
        m_error = QStringLiteral("absurd video frame size %1x%2; not decoded").arg(par->width).arg(par->height);
        close();
        return false;
    }
    if (durationMs() > kMaxDurationMs) {
        m_error = QStringLiteral("absurd video duration (%1 hours); not decoded").arg(durationMs() / 3'600'000);
        close();
        return false;
    }
    m_error.clear();
    return true;
}

AVStream* VideoInput::videoStream() const
{
    return m_format && m_stream >= 0 ? m_format->streams[m_stream] : nullptr;
}

qint64 VideoInput::durationMs() const
{
    if (!m_format)
        return 0;
    if (m_format->duration > 0 && m_format->duration != AV_NOPTS_VALUE)
        return m_format->duration / (AV_TIME_BASE / 1000);
    const AVStream* s = videoStream();
    if (s && s->duration > 0 && s->duration != AV_NOPTS_VALUE)
        return av_rescale_q(s->duration, s->time_base, AVRational { 1, 1000 });
    return 0;
}

} // namespace shoebox
