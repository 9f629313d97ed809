#pragma once
// Where a photo's `.xmp` sidecar lives: `photo.jpg.xmp` (digiKam, darktable) or `photo.xmp`
// (Lightroom, Capture One), the first found in that order. Pure functions on paths, any thread.

#include <QByteArray>
#include <QList>

namespace shoebox {

struct SidecarFile {
    QByteArray path; // empty when the photo has none
    qint64 mtimeNs = 0;
};

class SidecarFinder {
public:
    // The file names a sidecar of this photo may have, most specific first (just the names, no folder).
    static QList<QByteArray> candidateNames(const QByteArray& photoName);
    // Looks on disk (a stat per candidate).
    static SidecarFile find(const QByteArray& photoPath);
    // The sidecar Shoebox writes when the photo has none yet: photo.jpg.xmp, which digiKam and
    // darktable both read.
    static QByteArray newSidecarPath(const QByteArray& photoPath);
    static bool isSidecarName(const QByteArray& name);
};

} // namespace shoebox
