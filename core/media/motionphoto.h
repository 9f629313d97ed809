#pragma once
// Finds the MP4 clip appended to a motion photo: Google's XMP (GCamera:MicroVideoOffset, or a
// Container:Directory whose MotionPhoto item gives its Item:Length), Samsung's MotionPhoto_Data
// trailer, and, for files without markers (Immich #30654), an ftyp box after the JPEG's end. A
// declared offset is trusted only when an ftyp box lies there. Pure functions, any thread.

#include <QString>

#include <cstddef>
#include <optional>

namespace shoebox {

struct MotionPhotoInfo {
    std::optional<qint64> offset; // where the MP4 starts; empty when the file holds no valid clip
    QString source; // "microvideo", "container", "samsung", "ftyp-search"; empty when none
    QString problem; // one-line note when markers were found but point at no MP4
};

class MotionPhoto {
public:
    static MotionPhotoInfo detect(const unsigned char* data, size_t size);
    // Whether an ISO BMFF ftyp box of a plausible size starts at offset.
    static bool isMp4At(const unsigned char* data, size_t size, qint64 offset);
    // Where the JPEG stream ends (just after its EOI), or 0 when it has none.
    static size_t jpegEnd(const unsigned char* data, size_t size);
};

} // namespace shoebox
