#pragma once
// Reads the two QuickTime metadata items that tie a MOV to its Live Photo still: the content
// identifier (com.apple.quicktime.content.identifier) and the capture time with its UTC offset
// (com.apple.quicktime.creationdate), from moov/meta keys + ilst. Only the moov box is read; the
// video probe (FFmpeg) reads everything else. Bounds-checked, never throws. Pure functions, any thread.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace shoebox {

struct QuickTimeMetadata {
    QString contentId;
    QDateTime takenAt; // local wall time as written; invalid when absent
    std::optional<int> utcOffsetMinutes;
};

class QuickTimeMetadataReader {
public:
    // Empty fields when the file cannot be read or holds no such items.
    static QuickTimeMetadata read(const QByteArray& path);
    // The payload of a moov box (the bytes after its 8-byte header).
    static QuickTimeMetadata parseMoov(const QByteArray& moov);
    // "2019-07-14T12:34:56+0200" (or +02:00, or Z) -> wall time and offset.
    static void parseCreationDate(const QByteArray& value, QuickTimeMetadata& out);
};

} // namespace shoebox
