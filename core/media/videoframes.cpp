#include "media/videoframes.h"

#include "media/videodecoder.h"
#include "media/videoinput.h"
#include "media/videoprobe.h"

#include <QtEndian>

#include <opencv2/img_hash.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstring>

namespace shoebox {

namespace {

constexpr char kVersion = 1;
constexpr int kHeader = 1 + 8; // version, duration (ms, int64 LE)
constexpr int kEntry = 4 + 8; // time (ms, uint32 LE), pHash (8 bytes as OpenCV orders them)
// Frames are hashed at this size: pHash looks at 32 px, and a small decode keeps the scaling cheap.
constexpr int kHashSide = 128;

// The picture without black bars (letterbox, pillarbox): a copy that added or removed them still
// hashes alike. Rows and columns count as bar while almost all dark; at most a third per side.
cv::Mat withoutBars(const cv::Mat& bgr)
{
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    auto dark = [](const cv::Mat& line) {
        double maxValue = 0;
        cv::minMaxLoc(line, nullptr, &maxValue);
        return cv::mean(line)[0] < 24 && maxValue < 64;
    };
    int top = 0, bottom = grey.rows, left = 0, right = grey.cols;
    while (top < grey.rows / 3 && dark(grey.row(top)))
        ++top;
    while (bottom > grey.rows * 2 / 3 && dark(grey.row(bottom - 1)))
        --bottom;
    while (left < grey.cols / 3 && dark(grey.col(left)))
        ++left;
    while (right > grey.cols * 2 / 3 && dark(grey.col(right - 1)))
        --right;
    return bgr(cv::Rect(left, top, right - left, bottom - top));
}

uint64_t phashOf(const cv::Mat& bgr)
{
    thread_local const cv::Ptr<cv::img_hash::PHash> hasher = cv::img_hash::PHash::create();
    cv::Mat hash;
    hasher->compute(bgr, hash);
    uint64_t v = 0;
    if (hash.total() == 8)
        std::memcpy(&v, hash.data, 8);
    return v;
}

} // namespace

QByteArray FrameHashSequence::encode() const
{
    QByteArray out(kHeader + int(frames.size()) * kEntry, Qt::Uninitialized);
    auto* p = reinterpret_cast<uchar*>(out.data());
    p[0] = kVersion;
    qToLittleEndian<qint64>(durationMs, p + 1);
    p += kHeader;
    for (const Frame& f : frames) {
        qToLittleEndian<quint32>(quint32(std::clamp<qint64>(f.ms, 0, 0xffffffffLL)), p);
        std::memcpy(p + 4, &f.hash, 8);
        p += kEntry;
    }
    return out;
}

std::optional<FrameHashSequence> FrameHashSequence::decode(const QByteArray& bytes)
{
    if (bytes.size() < kHeader || bytes[0] != kVersion || (bytes.size() - kHeader) % kEntry != 0)
        return std::nullopt;
    const auto* p = reinterpret_cast<const uchar*>(bytes.constData());
    FrameHashSequence s;
    s.durationMs = qFromLittleEndian<qint64>(p + 1);
    for (int at = kHeader; at < bytes.size(); at += kEntry) {
        Frame f;
        f.ms = qFromLittleEndian<quint32>(p + at);
        std::memcpy(&f.hash, p + at + 4, 8);
        s.frames.push_back(f);
    }
    return s;
}

bool VideoFrames::isBlank(const cv::Mat& bgr)
{
    if (bgr.empty())
        return true;
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::Scalar mean, stddev;
    cv::meanStdDev(grey, mean, stddev);
    return stddev[0] < 4.0;
}

cv::Mat VideoFrames::representative(VideoInput& input, const VideoInfo& info, int maxSide, QString* error)
{
    VideoDecoder decoder(input, info.rotation);
    if (!decoder.isOpen()) {
        if (error)
            *error = decoder.error();
        return {};
    }
    const qint64 first = std::min<qint64>(info.durationMs / 10, 1000);
    cv::Mat frame = decoder.frameAt(first, VideoDecoder::Seek::KeyframeAfter, maxSide);
    for (const int percent : { 25, 50 }) {
        if (frame.empty() || !isBlank(frame) || info.durationMs <= 0)
            break;
        cv::Mat later = decoder.frameAt(info.durationMs * percent / 100, VideoDecoder::Seek::Exact, maxSide);
        if (!later.empty())
            frame = later;
    }
    if (frame.empty() && error)
        *error = decoder.error();
    return frame;
}

FrameHashSequence VideoFrames::hashSequence(VideoInput& input, const VideoInfo& info, QString* error)
{
    FrameHashSequence seq;
    seq.durationMs = info.durationMs;
    VideoDecoder decoder(input, info.rotation);
    if (!decoder.isOpen() || info.durationMs <= 0) {
        if (error)
            *error = decoder.isOpen() ? QStringLiteral("the video has no duration") : decoder.error();
        return seq;
    }
    for (int i = 0; i < kSequenceLength; ++i) {
        const qint64 target = info.durationMs * (2 * i + 1) / (2 * kSequenceLength);
        qint64 at = target;
        const cv::Mat frame = decoder.frameAt(target, VideoDecoder::Seek::Forward, kHashSide, &at);
        if (!frame.empty() && !isBlank(frame))
            seq.frames.push_back({ at, phashOf(withoutBars(frame)) });
    }
    if (seq.frames.empty() && error)
        *error = decoder.error().isEmpty() ? QStringLiteral("every sampled frame is blank") : decoder.error();
    return seq;
}

QByteArray VideoFrames::hashSequenceOfFile(const QByteArray& path, QString* error)
{
    VideoInput input;
    if (!input.openFile(path)) {
        if (error)
            *error = input.error();
        return {};
    }
    const FrameHashSequence seq = hashSequence(input, VideoProbe::probe(input), error);
    return seq.frames.empty() ? QByteArray() : seq.encode();
}

} // namespace shoebox
