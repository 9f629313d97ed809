#pragma once
// Decides which photos of one directory belong together: a Live Photo (a still and a MOV with the
// same Apple content identifier, or failing that the same base name and capture times at most 2 s
// apart) and a RAW+JPEG pair (the same base name, case-insensitive: one RAW and one JPEG/HEIC).
// The secondary member (the MOV, the RAW) is linked to the still the library shows. Pure
// functions over value records, any thread.

#include "catalog/photo.h"

#include <QList>

namespace shoebox {

struct PairLink {
    qint64 secondaryId = 0;
    qint64 primaryId = 0;
    PartnerRole role = PartnerRole::None;

    bool operator==(const PairLink& o) const
    {
        return secondaryId == o.secondaryId && primaryId == o.primaryId && role == o.role;
    }
};

class PairFinder {
public:
    // records: the photos of one directory; missing files are ignored, and only a still the library
    // can show (state ok) stands for a pair. Each photo is the secondary of at most one link, and a
    // still takes at most one MOV and one RAW.
    static QList<PairLink> find(const QList<PhotoRecord>& records);
    // By extension, until the decoders' format helpers are wired in (isRawFormat).
    static bool isRawName(const QByteArray& path);
    static bool isStill(const PhotoRecord& r); // JPEG or HEIC/HEIF
    static bool isMov(const PhotoRecord& r); // a QuickTime movie (Live Photo motion)
    // The file name without folder and extension, lower-cased: "IMG_0001" for ".../img_0001.CR2".
    static QString baseName(const QByteArray& path);
};

} // namespace shoebox
