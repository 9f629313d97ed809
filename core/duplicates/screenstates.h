#pragma once
// One screen in two states is not one picture edited. Two screenshots of one app (two dialogs of one
// look, one panel with different settings) share their chrome to the pixel, so their keypoints fit in
// place and their tiny thumbnails correlate like an edit's; what differs is text and controls, finer
// than any stored signal. Where two lossless pictures lie over each other, this compares them at
// 256 px, cell by cell: an edit of one picture changes it everywhere a little (a colour change), in a
// few cells (an arrow drawn on it) or under one patch pasted over it (a sticker, a blacked-out name);
// two states of one screen show other content over much of the picture (other labels, another page
// of settings, other rows), on a background that stays the same pixel for pixel.
// Reads the photos' 256 px greys from the ThumbnailGrays given; any thread.

#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"
#include "duplicates/pairmemo.h"
#include "duplicates/thumbnailgrays.h"

#include <opencv2/core/mat.hpp>

#include <optional>

namespace shoebox {

struct KeypointMatch;

// How two pictures laid over each other differ, over cells of ScreenStates::kCell pixels.
struct ScreenDifference {
    int places = 0; // separate groups of changed cells (touching cells are one place)
    double changedShare = 0; // of the cells with detail in either picture
    double sameShare = 0; // of the pixels compared, those within screenSameLevels grey levels
    double sameInChanged = 0; // the same share inside the changed cells (a pasted patch covers them)
};

class ScreenStates {
public:
    explicit ScreenStates(ThumbnailGrays& grays)
        : m_grays(grays)
    {
    }
    static constexpr int kCell = 8;
    // Whether a pair decided so is one the check speaks for: near, both pictures lossless.
    static bool asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d);
    // The inner picture's grey (a), the outer's (b) mapped onto it through the fit's innerToOuter.
    static ScreenDifference compare(
        const cv::Mat& innerGray, const cv::Mat& outerGray, const cv::Matx33d& innerToOuter, const DuplicateRules& r);
    // Whether a difference is that of two states of one screen.
    static bool twoStates(const ScreenDifference& diff, const DuplicateRules& r);
    // d, or, for a pair asked about whose keypoints lay the pictures over each other and whose
    // pictures differ as two states of one screen, the similar level with the reason.
    // fit: the pair's crop/rotation keypoint fit (KeypointMatcher::match), null without keypoints.
    PairDecision review(const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch* fit, PairDecision d,
        const DuplicateRules& r);

private:
    // The pair's difference, computed once per instance; none where the pictures cannot be laid over
    // each other or read.
    std::optional<ScreenDifference> differenceOf(
        const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch* fit, const DuplicateRules& r);

    ThumbnailGrays& m_grays;
    PairMemo<std::optional<ScreenDifference>> m_differences;
};

} // namespace shoebox
