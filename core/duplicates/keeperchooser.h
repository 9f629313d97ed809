#pragma once
// Suggests which photo of a duplicate group to keep, with the reason: largest pixel count (of the
// picture inside any frame), no frame, original over
// derived format, least compression (JPEG quality), least noise (added grain), least compression
// (bytes per pixel in one format), EXIF present, sharpest for its contrast, oldest. The first
// rule that separates the photos decides. Pure function, any thread.

#include "duplicates/duplicatetypes.h"

#include <utility>

namespace shoebox {

class KeeperChooser {
public:
    // Index into members of the photo to keep, and why. members must not be empty.
    static std::pair<int, QString> choose(const QVector<PhotoSignals>& members);
    // True for formats that are usually made from another photo rather than by a camera.
    static bool isDerivedFormat(const QString& format);
};

} // namespace shoebox
