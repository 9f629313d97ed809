#pragma once
// The per-file work of a scan as a pure function: read the bytes once, hash them, sniff the real
// format, read EXIF (and XMP/IPTC, embedded and in a sidecar), decode once (reduced, upright), write the thumbnail,
// compute perceptual hashes. Never throws; every failure becomes a PhotoState with a one-line reason. Any thread.

#include "catalog/photo.h"
#include "metadata/xmpdata.h"
#include "scan/filewalker.h"
#include "tunables.h"

#include <QMap>

#include <opencv2/core/mat.hpp>

namespace shoebox {

struct ProcessedPhoto {
    PhotoRecord record;
    QMap<QString, QByteArray> hashes;
    cv::Mat upright; // kept only when asked for (a tagger will consume it)
    XmpData xmp; // embedded XMP/IPTC merged with the sidecar's; applied by the scan (XmpImporter)
};

struct ProcessOptions {
    bool thumbnails = true;
    bool keepImage = false;
    int minLongSide = 256;
    // Larger files are not read into memory: a video is then hashed streaming and decoded from the file;
    // anything else is refused with the size as its reason.
    qint64 maxInMemoryBytes = tunables::kMaxFileBytes;
};

class PhotoProcessor {
public:
    static ProcessedPhoto process(const FileEntry& file, const ProcessOptions& options);
    static QByteArray contentHash(const unsigned char* data, size_t size);
};

} // namespace shoebox
