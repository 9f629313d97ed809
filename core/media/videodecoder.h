#pragma once
// Decodes single frames of an opened video (FFmpeg libavcodec + libswscale): seek to a keyframe,
// decode, scale to the size asked and turn upright. One instance per thread, on one VideoInput.

#include <QString>

#include <opencv2/core/mat.hpp>

struct AVCodecContext;
struct AVFrame;
struct AVPacket;
struct SwsContext;

namespace shoebox {

class VideoInput;

class VideoDecoder {
public:
    // rotation: clockwise degrees that turn a frame upright (VideoInfo::rotation).
    VideoDecoder(VideoInput& input, int rotation);
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    bool isOpen() const { return m_codec != nullptr; }
    QString error() const { return m_error; }

    enum class Seek {
        KeyframeAfter, // the first keyframe at or after the time (cheapest; falls back to the one before)
        Exact, // the first frame at or after the time, decoding on from the keyframe before it
        // Like Exact, but decoding on from the last frame returned when the time is at most
        // kForwardReachMs ahead of it (cheaper than seeking back to a keyframe for close times)
        Forward,
    };
    static constexpr qint64 kForwardReachMs = 3000;
    // An upright BGR frame whose long side is at most maxSide (never enlarged); empty on failure,
    // with error() saying why. *ptsMs receives the frame's time from the start of the stream.
    cv::Mat frameAt(qint64 ms, Seek seek, int maxSide, qint64* ptsMs = nullptr);

    // Frames decoded past the keyframe before giving up on reaching an exact time.
    static constexpr int kMaxFramesPerSeek = 300;

private:
    bool seekTo(qint64 ms, Seek seek);
    cv::Mat convert(const AVFrame* frame, int maxSide);

    VideoInput& m_input;
    int m_rotation = 0;
    AVCodecContext* m_codec = nullptr;
    AVFrame* m_frame = nullptr;
    AVFrame* m_last = nullptr; // the latest frame short of the time asked
    AVPacket* m_packet = nullptr;
    SwsContext* m_sws = nullptr;
    QString m_error;
    qint64 m_lastMs = -1; // time of the last frame returned, -1 after a seek or an error
};

} // namespace shoebox
