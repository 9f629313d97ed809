#pragma once
// A crop is not a reframing. On a picture with little in it (a smooth gradient, one shape, film
// grain) the tiny thumbnails find one photo near the other on some window of it however the frame
// was moved, and the keypoints have too little to fit, so nothing confirms the pair. At 256 px such
// a picture still places a window to the pixel: where one photo is, to JPEG noise, an unstretched
// window of the other that cuts more than an edit does (a quarter off one side and some off two
// others: the frame moved), and no window an edit cuts fits nearly as well, the two are reframings
// of one scene: similar, not near.
// Reads the photos' 256 px greys from the ThumbnailGrays given; any thread.

#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"
#include "duplicates/pairmemo.h"
#include "duplicates/thumbnailgrays.h"

#include <opencv2/core/mat.hpp>

#include <optional>

namespace shoebox {

// One window of the outer picture, each side's cut as a share of its width or height.
struct WindowFit {
    double correlation = -1;
    double left = 0, top = 0, right = 0, bottom = 0;
};

// The best windows of one picture in another: among those an edit cuts and among the rest.
struct WindowFits {
    WindowFit edit, reframing;
};

// A pair found to be two framings of one scene: which picture lies inside the other, and where.
struct Reframing {
    WindowFit window;
    bool firstInside = false;
    double bestEdit = -1; // the best correlation of any window an edit cuts, either way round
};

class Reframings {
public:
    explicit Reframings(ThumbnailGrays& grays)
        : m_grays(grays)
    {
    }
    // Whether a pair decided so is one the check speaks for: near on nothing that confirms it, both
    // photos without a frame (a frame's own rules place the picture inside it).
    static bool asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d);
    // Whether cutting these shares off the sides is an edit (a crop, a one-sided cut, padding undone).
    static bool editCut(const WindowFit& w, const DuplicateRules& r);
    // The best unstretched windows of outer (grey, any depth) that show inner, the inner picture
    // reframeWidth px wide, in steps of reframeStep of the outer picture's width.
    static WindowFits search(const cv::Mat& outer, const cv::Mat& inner, const DuplicateRules& r);
    // The same for greys of any shape, of pictures of the aspects given, the inner one width px wide.
    static WindowFits search(const cv::Mat& outer, double outerAspect, const cv::Mat& inner, double innerAspect,
        int width, double step, const DuplicateRules& r);
    // From the windows of a in b and of b in a: the best reframing, where it fits to `fit` and better by
    // more than `margin` than any window an edit cuts (the rule: reframeFit and reframeMargin).
    static std::optional<Reframing> reframing(
        const WindowFits& aInB, const WindowFits& bInA, double fit, double margin);
    // d, or, for a pair asked about that is a reframing, the similar level with the reason.
    PairDecision review(const PhotoSignals& a, const PhotoSignals& b, PairDecision d, const DuplicateRules& r);

private:
    // The pair's reframing, looked for once per instance (coarse to fine, see reframings.cpp); none
    // where there is none or a picture is unread.
    std::optional<Reframing> reframingOf(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);

    ThumbnailGrays& m_grays;
    PairMemo<std::optional<Reframing>> m_found;
};

} // namespace shoebox
