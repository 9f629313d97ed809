#pragma once
// Reads the Live Photo content identifier from the bytes of an Apple EXIF maker note ("Apple iOS"
// header, then an IFD whose offsets count from the note's start); libexif does not parse these
// notes. Bounds-checked: a malformed note yields an empty string. Pure function, any thread.

#include <QString>

#include <cstddef>

namespace shoebox {

class AppleMakerNote {
public:
    // Tag 0x0011 (an ASCII UUID such as "6F9E1A5A-..."), empty when absent or not an Apple note.
    static QString contentIdentifier(const unsigned char* note, size_t size);
};

} // namespace shoebox
