#pragma once
// A shared overlay is never evidence. Two different pictures with the same big sticker, logo or
// watermark pasted on them match in place on the overlay's keypoints and correlate on the tiny grey
// thumbnails, where the bright overlay is most of what is left of a dark or smooth picture. This looks
// at the pictures outside the place where their keypoints agree: an edit of one picture still
// correlates there, two different pictures do not. Pure functions, any thread.

#include <QByteArray>

#include <opencv2/core/types.hpp>

#include <vector>

namespace shoebox {

struct OutsideCorrelation {
    double correlation = -2; // -1..1 over what lies outside the boxes; -2 when too little is left
    double detailA = 0, detailB = 0; // RMS grey levels left there after removing the smooth surface
    double shareLeft = 0; // of the thumbnail's pixels
    // The lowest correlation of any third-by-third cell of the thumbnail with enough pixels left and
    // detail in both pictures: where two pictures agree only on a shared overlay, the cells of the
    // pictures themselves do not. 1 when no cell qualifies.
    double worstCell = 1;
    int cellsCompared = 0; // of the nine, those that qualified
};

class OverlayMatcher {
public:
    // Boxes in [0,1]^2 of the squeezed grey thumbnails, each grown by margin (a share of the picture)
    // on every side, are left out of both pictures; the rest is compared after removing each picture's
    // smooth brightness surface.
    static OutsideCorrelation outside(
        const QByteArray& grayA, const QByteArray& grayB, const std::vector<cv::Rect2d>& boxes, double margin);
};

} // namespace shoebox
