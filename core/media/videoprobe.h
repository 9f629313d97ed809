#pragma once
// Reads what a video container says about itself: duration, upright size, codec, display rotation,
// capture time, GPS and the Apple content identifier (Live Photo pairing). Pure functions, any thread.

#include "catalog/photo.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace shoebox {

class VideoInput;

struct VideoInfo {
    QString container; // "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi" (libavformat's name)
    QString codec; // "h264", "hevc", ...
    qint64 durationMs = 0;
    int storedWidth = 0, storedHeight = 0; // as encoded
    int rotation = 0; // clockwise degrees (0, 90, 180, 270) to turn a decoded frame upright
    // Capture time as wall time where it was taken, with the offset when known. QuickTime's
    // creation_time is UTC, so without an Apple creationdate the time is UTC shown in local time.
    QDateTime takenAt;
    std::optional<int> utcOffsetMinutes;
    QString offsetSource; // "quicktime" (Apple local date) or "utc" (creation_time)
    QString takenSource; // "quicktime-local" (Apple creationdate) | "quicktime-utc" (creation_time)
    std::optional<GpsPosition> gps;
    QString contentIdentifier; // com.apple.quicktime.content.identifier; empty when absent
    QString make, model; // com.apple.quicktime.make / .model, or Android's com.android.* tags

    int uprightWidth() const { return rotation % 180 ? storedHeight : storedWidth; }
    int uprightHeight() const { return rotation % 180 ? storedWidth : storedHeight; }
};

class VideoProbe {
public:
    // Metadata of an opened input (see VideoInput).
    static VideoInfo probe(const VideoInput& input);
    // ISO 6709 point ("+48.8577+002.2950+035.000/"); nullopt when malformed or out of range.
    static std::optional<GpsPosition> parseIso6709(const QString& text);
    // Apple's "2023-06-01T14:05:09+0200" (or ISO with "+02:00"): wall time and its offset.
    static bool parseAppleDate(const QString& text, QDateTime* wallTime, int* offsetMinutes);
    // QuickTime creation_time ("2010-03-20T21:29:11.000000Z", UTC) as local wall time; invalid for
    // the zero dates of cameras without a clock (1904 and 1970).
    static QDateTime parseUtcCreationTime(const QString& text);
    // Clockwise degrees to turn frames upright from a display matrix's counter-clockwise angle.
    static int uprightRotation(double displayMatrixDegrees);
};

} // namespace shoebox
