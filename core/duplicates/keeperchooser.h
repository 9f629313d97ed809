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
    // The members with the frame of each photo marked provenOwn taken away (the duplicate engine found
    // that "frame" to be the picture's own margins: OwnMargins), where another member of its canvas
    // shape (to shapeTolerance) is unframed, or no member is. A real frame changes the shape a little (a
    // mat or a border around a copy that a keypoint fit also relates): beside an unframed original of
    // another shape it stays.
    static QVector<PhotoSignals> ownMarginsWhole(
        QVector<PhotoSignals> members, const QVector<bool>& provenOwn, double shapeTolerance);
    // True for formats that are usually made from another photo rather than by a camera.
    static bool isDerivedFormat(const QString& format);
};

} // namespace shoebox
