#pragma once
// Plain value types describing a photo as the catalog stores it. Safe to copy across threads.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>

namespace shoebox {

enum class PhotoState { Ok, Error, Unsupported, Missing };
// What a catalogued file is: a still photo, a camera RAW, or a video.
enum class MediaKind { Photo, Raw, Video };

QString photoStateName(PhotoState s);
PhotoState photoStateFromName(const QString& s);
QString mediaKindName(MediaKind k); // "photo" | "raw" | "video"
MediaKind mediaKindFromName(const QString& s);

struct GpsPosition {
    double latitude = 0;
    double longitude = 0;
    std::optional<double> altitude;
};

// What libexif (or the file system, as a fallback) tells about a photo.
struct PhotoMetadata {
    // Capture time as the camera wrote it (local wall time). Invalid when unknown.
    QDateTime takenAt;
    std::optional<int> utcOffsetMinutes; // from OffsetTimeOriginal when present
    // Where utcOffsetMinutes came from: "exif", "quicktime" (Apple's local date), "utc" (a video's
    // creation_time: takenAt is then UTC), "gps-time" or "location" (filled in from where it was taken).
    QString offsetSource;
    QString takenSource; // "exif", "exif-digitized", "file"
    QString cameraMake, cameraModel, lens;
    std::optional<double> exposureTime, fNumber, focalLength;
    std::optional<int> iso;
    std::optional<GpsPosition> gps;
    QDateTime gpsTime; // when the GPS fixed the position (GPSDateStamp + GPSTimeStamp, UTC); invalid if none
    int orientation = 1; // EXIF 1..8
    int width = 0, height = 0; // upright pixel size
    // Videos only: length and codec ("h264", "hevc", ...). 0 and empty for stills.
    qint64 durationMs = 0;
    QString codec;
    // Apple content identifier (maker note 0x0011 of a still, com.apple.quicktime.content.identifier
    // of a MOV): the two halves of a Live Photo carry the same one. Empty when none.
    QString contentId;
    // From XMP or IPTC (dc:title, dc:description; ObjectName, Caption). Empty when none.
    QString title, description;
};

// How a secondary member belongs to the photo the library shows (photos.partner_role).
enum class PartnerRole { None, LiveMotion, RawOriginal };

QString partnerRoleName(PartnerRole role); // "", "live-motion", "raw-original"
PartnerRole partnerRoleFromName(const QString& name);

struct PhotoRecord {
    qint64 id = 0;
    qint64 folderId = 0;
    QByteArray path; // absolute path, raw file-system bytes (may be non-UTF-8)
    QString displayPath; // path decoded for people; lossy for non-UTF-8 names
    qint64 size = 0;
    qint64 mtimeNs = 0;
    QByteArray contentHash; // 16 bytes (XXH3-128 of the file bytes)
    QString format; // "jpeg", "png", "mp4", ... from the bytes, not the extension
    MediaKind kind = MediaKind::Photo;
    PhotoMetadata meta;
    PhotoState state = PhotoState::Ok;
    QString error; // one-line reason when state != Ok
    // Byte offset of the MP4 clip appended to a motion photo (validated: an ftyp box is there).
    std::optional<qint64> motionOffset;
    // Set on the secondary member of a pair only (the MOV of a Live Photo, the RAW of a RAW+JPEG
    // pair): the id of the photo shown instead. Written by PhotoStore::setPartners, never by save().
    qint64 partnerId = 0;
    PartnerRole partnerRole = PartnerRole::None;
    // On the member the library shows: which secondaries it has (read from their rows, never saved).
    bool hasLiveMotion = false;
    bool hasRawOriginal = false;
    // The .xmp sidecar's mtime when the scan last read it (0: none), so a rescan notices a sidecar
    // that another tool changed even when the photo itself did not change.
    qint64 sidecarMtimeNs = 0;
};

} // namespace shoebox
