#pragma once
// Reads XMP and IPTC with exiv2: embedded in an image in memory, or from a `.xmp` sidecar, into
// XmpData (keywords, hierarchical where given; rating; title; description; MWG face regions; GPS).
// libexif stays the EXIF reader. Never throws: bad XMP becomes XmpData::problem. Any thread.

#include "metadata/xmpdata.h"

#include <QByteArray>

#include <string>

namespace shoebox {

class XmpReader {
public:
    // Embedded XMP and IPTC of an image held in memory. orientation (EXIF 1..8) maps face regions,
    // which MWG defines on the stored pixels, to the upright photo.
    static XmpData readEmbedded(const unsigned char* data, size_t size, int orientation);
    // The XMP packet of a sidecar file.
    static XmpData readSidecar(const QByteArray& path, int orientation);
    // One serialised XMP packet (what a sidecar holds).
    static XmpData readPacket(const std::string& packet, int orientation);
    // The sidecar wins for single values (rating, title, description, position); keywords and
    // regions are the union of both.
    static XmpData merge(const XmpData& embedded, const XmpData& sidecar);
    // Sets up exiv2 once per process (thread-safe XMP toolkit, BMFF for HEIF/CR3, quiet logging).
    static void initialize();
};

} // namespace shoebox
