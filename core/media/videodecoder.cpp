#include "media/videodecoder.h"

#include "media/videoinput.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

namespace shoebox {

namespace {

constexpr AVRational kMs { 1, 1000 };

} // namespace

VideoDecoder::VideoDecoder(VideoInput& input, int rotation)
    : m_input(input)
    , m_rotation(rotation)
{
    const AVStream* s = input.videoStream();
    const AVCodec* codec = s ? avcodec_find_decoder(s->codecpar->codec_id) : nullptr;
    if (!codec) {
        m_error = s
            ? QStringLiteral("no decoder for the %1 codec").arg(QLatin1String(avcodec_get_name(s->codecpar->codec_id)))
            : QStringLiteral("no video stream");
        return;
    }
    m_codec = avcodec_alloc_context3(codec);
    m_frame = av_frame_alloc();
    m_last = av_frame_alloc();
    m_packet = av_packet_alloc();
    if (!m_codec || !m_frame || !m_last || !m_packet || avcodec_parameters_to_context(m_codec, s->codecpar) < 0) {
        m_error = QStringLiteral("out of memory opening the decoder");
        avcodec_free_context(&m_codec);
        return;
    }
    // The scan already runs one file per core: a decoder thread per core on top would oversubscribe.
    m_codec->thread_count = 1;
    if (avcodec_open2(m_codec, codec, nullptr) < 0) {
        m_error = QStringLiteral("cannot open the %1 decoder").arg(QLatin1String(codec->name));
        avcodec_free_context(&m_codec);
    }
}

VideoDecoder::~VideoDecoder()
{
    sws_freeContext(m_sws);
    av_packet_free(&m_packet);
    av_frame_free(&m_frame);
    av_frame_free(&m_last);
    avcodec_free_context(&m_codec);
}

bool VideoDecoder::seekTo(qint64 ms, Seek seek)
{
    AVFormatContext* f = m_input.format();
    const AVStream* s = m_input.videoStream();
    const int64_t start = s->start_time == AV_NOPTS_VALUE ? 0 : s->start_time;
    const int64_t ts = start + av_rescale_q(std::max<qint64>(ms, 0), kMs, s->time_base);
    int rc = -1;
    if (seek == Seek::KeyframeAfter)
        rc = av_seek_frame(f, m_input.videoStreamIndex(), ts, 0);
    if (rc < 0)
        rc = av_seek_frame(f, m_input.videoStreamIndex(), ts, AVSEEK_FLAG_BACKWARD);
    avcodec_flush_buffers(m_codec);
    return rc >= 0;
}

cv::Mat VideoDecoder::frameAt(qint64 ms, Seek seek, int maxSide, qint64* ptsMs)
{
    if (!m_codec)
        return {};
    m_error.clear();
    const bool onward = seek == Seek::Forward && m_lastMs >= 0 && ms > m_lastMs && ms - m_lastMs <= kForwardReachMs;
    m_lastMs = -1;
    if (!onward && !seekTo(ms, seek) && ms > 0)
        seekTo(0, Seek::Exact); // unseekable (a stream without index): decode from the start
    const AVStream* s = m_input.videoStream();
    const int64_t start = s->start_time == AV_NOPTS_VALUE ? 0 : s->start_time;
    cv::Mat best;
    int decoded = 0;
    bool flushing = false;
    while (decoded < kMaxFramesPerSeek) {
        int rc = avcodec_receive_frame(m_codec, m_frame);
        if (rc == 0) {
            ++decoded;
            const int64_t pts = m_frame->best_effort_timestamp;
            const qint64 at = pts == AV_NOPTS_VALUE ? ms : av_rescale_q(pts - start, s->time_base, kMs);
            const bool reached = seek == Seek::KeyframeAfter || at + 1 >= ms;
            if (reached || decoded == kMaxFramesPerSeek) {
                best = convert(m_frame, maxSide);
                if (ptsMs)
                    *ptsMs = at;
            }
            if (reached || !best.empty()) {
                av_frame_unref(m_frame);
                m_lastMs = best.empty() ? -1 : at;
                return best;
            }
            // Kept in case the stream ends before the time asked (a duration longer than the frames).
            av_frame_unref(m_last);
            av_frame_move_ref(m_last, m_frame);
            continue;
        }
        if (rc == AVERROR_EOF)
            break;
        if (rc != AVERROR(EAGAIN)) {
            m_error = QStringLiteral("the video frames cannot be decoded");
            break;
        }
        if (flushing)
            break;
        // Feed the next packet of the video stream; at the end, flush the decoder.
        rc = av_read_frame(m_input.format(), m_packet);
        if (rc < 0) {
            flushing = true;
            avcodec_send_packet(m_codec, nullptr);
            continue;
        }
        if (m_packet->stream_index == m_input.videoStreamIndex())
            avcodec_send_packet(m_codec, m_packet); // a corrupt packet is skipped, not fatal
        av_packet_unref(m_packet);
    }
    if (best.empty() && m_last->data[0]) {
        best = convert(m_last, maxSide);
        if (ptsMs && m_last->best_effort_timestamp != AV_NOPTS_VALUE)
            *ptsMs = av_rescale_q(m_last->best_effort_timestamp - start, s->time_base, kMs);
    }
    av_frame_unref(m_last);
    if (best.empty() && m_error.isEmpty())
        m_error = QStringLiteral("no frame could be decoded (truncated video?)");
    return best;
}

cv::Mat VideoDecoder::convert(const AVFrame* frame, int maxSide)
{
    const int w = frame->width, h = frame->height;
    if (w <= 0 || h <= 0 || frame->format < 0)
        return {};
    const double scale = std::min(1.0, double(std::max(maxSide, 1)) / std::max(w, h));
    const int tw = std::max(1, int(std::lround(w * scale))), th = std::max(1, int(std::lround(h * scale)));
    m_sws = sws_getCachedContext(
        m_sws, w, h, AVPixelFormat(frame->format), tw, th, AV_PIX_FMT_BGR24, SWS_AREA, nullptr, nullptr, nullptr);
    if (!m_sws) {
        m_error = QStringLiteral("cannot convert the video's pixel format");
        return {};
    }
    cv::Mat bgr(th, tw, CV_8UC3);
    uint8_t* dst[4] = { bgr.data, nullptr, nullptr, nullptr };
    const int dstStride[4] = { int(bgr.step), 0, 0, 0 };
    sws_scale(m_sws, frame->data, frame->linesize, 0, h, dst, dstStride);
    switch (m_rotation) {
    case 90:
        cv::rotate(bgr, bgr, cv::ROTATE_90_CLOCKWISE);
        break;
    case 180:
        cv::rotate(bgr, bgr, cv::ROTATE_180);
        break;
    case 270:
        cv::rotate(bgr, bgr, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    default:
        break;
    }
    return bgr;
}

} // namespace shoebox
