#pragma once
// The frames Shoebox keeps from a video: one representative frame (thumbnail, perceptual hashes,
// tagging) and a sequence of frame hashes at fixed fractions of the duration (near-duplicate videos,
// hash kind "vframes"). Pure functions, any thread.

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace shoebox {

class VideoInput;
struct VideoInfo;

// A decoded "vframes" hash: the clip's duration and its informative frames (blank ones left out).
struct FrameHashSequence {
    struct Frame {
        qint64 ms = 0; // time from the start of the clip
        uint64_t hash = 0; // 64-bit DCT pHash of the upright frame
    };
    qint64 durationMs = 0;
    std::vector<Frame> frames;

    QByteArray encode() const;
    static std::optional<FrameHashSequence> decode(const QByteArray& bytes);
};

class VideoFrames {
public:
    // Number of frames hashed per clip, at (i + 0.5) / kSequenceLength of the duration (5 %..95 %).
    static constexpr int kSequenceLength = 10;
    // The representative frame is the first keyframe at min(10 % of the duration, 1 s); a blank one
    // (fade-in, black leader) is replaced by the frame at 25 %, then 50 %.
    static cv::Mat representative(VideoInput& input, const VideoInfo& info, int maxSide, QString* error = nullptr);
    static FrameHashSequence hashSequence(VideoInput& input, const VideoInfo& info, QString* error = nullptr);
    // Reads a video file and returns its "vframes" bytes; empty with *error when it cannot.
    static QByteArray hashSequenceOfFile(const QByteArray& path, QString* error = nullptr);
    // A frame with (almost) no picture in it: nearly uniform grey levels.
    static bool isBlank(const cv::Mat& bgr);
};

} // namespace shoebox
