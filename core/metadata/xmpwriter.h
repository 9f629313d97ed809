#pragma once
// Writes XmpData with exiv2 the way digiKam, darktable and Lightroom read it: dc:subject (leaf
// names), lr:hierarchicalSubject ("a|b|c"), digiKam:TagsList ("a/b/c"), xmp:Rating (-1 rejected),
// digiKam:PickLabel, dc:title, dc:description and MWG face regions. Only into `.xmp` sidecars and into
// files Shoebox itself made (exported copies): never into an original. Any thread.

#include "metadata/xmpdata.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace shoebox {

class XmpWriter {
public:
    // Writes the sidecar at path, keeping whatever else another tool put in it (only the fields above
    // are replaced). orientation is the photo's EXIF orientation (regions go back to stored pixels).
    // Atomic: the old sidecar stays whole when writing fails.
    static bool writeSidecar(const QByteArray& path, const XmpData& data, int orientation, QString* error = nullptr);
    // The packet writeSidecar would write over `base` (an existing packet, may be empty).
    static bool packet(
        const std::string& base, const XmpData& data, int orientation, std::string* out, QString* error = nullptr);
    // Puts data into the XMP of an image file Shoebox created (an export), keeping its EXIF.
    static bool embed(const QString& path, const XmpData& data, int orientation, QString* error = nullptr);
};

} // namespace shoebox
