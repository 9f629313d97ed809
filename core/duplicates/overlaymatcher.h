#pragma once
// A shared overlay is never evidence. Two different pictures with the same big sticker, logo or
// watermark pasted on them match in place on the overlay's keypoints and correlate on the tiny grey
// thumbnails, where the bright overlay is most of what is left of a dark or smooth picture. This looks
// at the pictures outside the place where their keypoints agree: an edit of one picture still
// correlates there, two different pictures do not. Without keypoints, it also finds the bands or the
// one box whose omission leaves two thumbnails most alike (caption bands, a sticker over a copy).
// Pure functions, any thread.

#include <QByteArray>

#include <opencv2/core/types.hpp>

#include <vector>

namespace shoebox {

// The best correlation of two thumbnails as they are over the rows left when bands are left out at
// the top and bottom (caption bands, a meme's text).
struct BandCorrelation {
    double correlation = -2; // -1..1; -2 when nothing was compared
    int top = 0, bottom = 0; // rows left out, of PerceptualHasher::kGraySide
};

// The best correlation of two thumbnails as they are over the pixels left when one box is left out
// (a sticker or emoji over a copy).
struct BoxCorrelation {
    double correlation = -2; // -1..1; -2 when nothing was compared
    cv::Rect box; // left out, in pixels of PerceptualHasher::kGraySide
};

struct OutsideCorrelation {
    double correlation = -2; // -1..1 over what lies outside the boxes; -2 when too little is left
    double detailA = 0, detailB = 0; // RMS grey levels left there after removing the smooth surface
    double shareLeft = 0; // of the thumbnail's pixels
    // The lowest correlation of any third-by-third cell of the thumbnail with enough pixels left and
    // detail in both pictures: where two pictures agree only on a shared overlay, the cells of the
    // pictures themselves do not. 1 when no cell qualifies.
    double worstCell = 1;
    int cellsCompared = 0; // of the nine, those that qualified
    // The largest RMS grey levels by which the second picture departs from the first under one gain
    // and offset fitted over what lies outside, in any third-by-third cell keeping a third of its
    // pixels: a copy under a sticker departs by JPEG noise, a different picture by its own content.
    // 255 when the gain is not that of a contrast change (0.5-2: one picture flat there, a negative).
    double worstResidual = 255;
};

class OverlayMatcher {
public:
    // Boxes in [0,1]^2 of the squeezed grey thumbnails, each grown by margin (a share of the picture)
    // on every side, are left out of both pictures; the rest is compared after removing each picture's
    // smooth brightness surface.
    static OutsideCorrelation outside(
        const QByteArray& grayA, const QByteArray& grayB, const std::vector<cv::Rect2d>& boxes, double margin);
    // Over every split that leaves out no rows or minRows to maxRows rows at each end (not none at
    // both); raw grey levels, from per-row sums, so all splits cost one pass (a cheap first look).
    static BandCorrelation outsideBands(const QByteArray& grayA, const QByteArray& grayB, int minRows, int maxRows);
    // Over every box of minSide to maxSide pixels a side (odd sides between) and at most maxArea of
    // the thumbnail; raw grey levels, from integral images, so each box costs a few lookups.
    static BoxCorrelation outsideBox(
        const QByteArray& grayA, const QByteArray& grayB, int minSide, int maxSide, double maxArea);
};

} // namespace shoebox
