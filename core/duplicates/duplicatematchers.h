#pragma once
// Matchers of the duplicate engine: each turns one signal of a pair of photos into a verdict and a
// reason people can read ("pHash 4/64 bits"). They never decide the level; DuplicateRules does.
// Pure functions, any thread.

#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"
#include "duplicates/keypointmatcher.h"

namespace shoebox {

class DuplicateMatchers {
public:
    static SignalVerdict content(const PhotoSignals& a, const PhotoSignals& b);
    static SignalVerdict detail(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    // Best distance between one photo's pHash and the other's pHash or any of its crop/rotation variants.
    static SignalVerdict phash(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    // alignment, when given, receives the search's result behind the verdict.
    static SignalVerdict aligned(
        const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r, Alignment* alignment = nullptr);
    // The pictures inside frames (ContentRegion) against each other and against the other whole
    // picture: Near when one of them aligns; Different when both photos are framed and nothing inside
    // them agrees (a shared frame is never evidence); Unknown when neither has a frame. Also Near when
    // one is a square padded with the other's picture blurred (PaddingMatcher), framed or not.
    // wholes, when given, is aligned()'s verdict on the whole pictures: a one-sided cut it found near
    // shows that a lone frame is the picture's own plain part, so that frame refutes nothing.
    static SignalVerdict region(
        const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r, const SignalVerdict* wholes = nullptr);
    // Keypoints fitted to one crop/rotation (KeypointMatcher), then judged by the rules; a perspective fit
    // is tried when that one finds no near copy. cropFit, when given, receives the crop/rotation fit.
    static SignalVerdict keypoints(
        const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r, KeypointMatch* cropFit = nullptr);
    // The rules' verdict on one keypoint fit between a and b.
    static SignalVerdict judgeKeypoints(
        const KeypointMatch& m, const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    // Different when the keypoints agree only on one patch (a shared sticker or logo) and the pictures
    // around it do not correlate (OverlayMatcher); Unknown otherwise. Only for pairs without frames
    // whose aligned verdict r.checkOverlay() accepts. cropFit: the pair's crop/rotation keypoint fit when
    // keypoints() has made it already.
    static SignalVerdict overlay(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r,
        const SignalVerdict& aligned, const KeypointMatch* cropFit = nullptr);
    // "parts": Similar when partMinWindows or more parts of the two grey thumbnails agree (what a
    // sticker leaves of a copy), else Unknown. Not evidence of its own: it makes the keypoints worth
    // consulting where the whole pictures' correlation is too low for it.
    static SignalVerdict parts(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    // Pictures of one shape alike but for bands at the top and bottom (a meme's captions): near when
    // the rows between correlate at captionNear.
    static SignalVerdict captions(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    // "patch": pictures of one shape alike but for one box (a sticker or emoji over a copy): near when
    // the pixels around it correlate at patchNear, each picture's smooth surface removed.
    static SignalVerdict patch(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    static SignalVerdict embedding(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    static SignalVerdict time(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    static SignalVerdict camera(const PhotoSignals& a, const PhotoSignals& b);
    // Every matcher that has something to say about the pair (Unknown verdicts are left out).
    static QVector<SignalVerdict> all(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    // all() then r.decide().
    static PairDecision compare(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r);
    // Smallest pHash distance over variants; 64 when either photo has no hash.
    static int bestHashDistance(const PhotoSignals& a, const PhotoSignals& b);
};

} // namespace shoebox
