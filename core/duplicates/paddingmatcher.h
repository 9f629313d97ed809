#pragma once
// A picture padded to a square with a blurred copy of itself (how apps post a whole picture as a
// square) is found by ContentRegionDetector where the fill is plainer than the picture. On flat
// vector art the fill looks like the picture itself and no edge shows. This matcher tests the
// padding's geometry directly: the other picture, placed where such padding puts it (centred, at
// full width or height), must correlate with the square's band, and the square's fill must be that
// picture blurred (stretched or scaled to cover the square). A pan or a zoom of one scene fits the
// band on smooth pictures too, but its "fill" is more of the scene, not the picture blurred.
// Pure functions, any thread.

#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"

#include <QByteArray>

namespace shoebox {

struct PaddedFit {
    double correlation = -2; // the picture against the square's band (ThumbAligner); -2: shapes do not fit
    double fillCorrelation = -2; // the square's fill against the picture blurred there; -2: not compared
    double fillDifference = 255; // mean absolute grey-level difference in the fill
    double padding = 0; // share of the square's side on each side of the band
    bool wide = true; // the band spans the square's width (padded above and below)
};

class PaddingMatcher {
public:
    // pictureGray and squareGray: "gray" thumbnails (PerceptualHasher::kGraySide, squeezed to
    // squares) of the picture (aspect width/height) and of the square photo. The fill is compared
    // only when the band correlates at fillFrom or more; the shapes fit when the padding is at
    // least minPadding a side.
    static PaddedFit fit(const QByteArray& pictureGray, double pictureAspect, const QByteArray& squareGray,
        double squareAspect, double minPadding, double fillFrom);
    // "region": Near when one photo is square, has no frame found, and the other's picture (inside
    // its frame when it has one) is padded into it by the rules' padded* limits; else Unknown.
    static SignalVerdict verdict(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    // The band of square that holds other's picture when verdict(square, other) finds square padded
    // (left/top/right/bottom: the padding), for outlining what was compared; whole otherwise.
    static ContentRegion band(const PhotoSignals& square, const PhotoSignals& other, const DuplicateRules& r);

private:
    struct Found {
        PaddedFit fit;
        bool firstIsSquare = false;
    };
    // The first fit that passes the rules (the second photo as the square first); fit.correlation is
    // -2 when none does.
    static Found find(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r, bool eitherSquare);
};

} // namespace shoebox
