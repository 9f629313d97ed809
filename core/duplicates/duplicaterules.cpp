#include "duplicates/duplicaterules.h"

#include "duplicates/keypointmatcher.h"
#include "duplicates/overlaymatcher.h"
#include "duplicates/ownmargins.h"
#include "duplicates/thumbaligner.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace shoebox {

namespace {

const auto find = SignalVerdict::in;

Verdict verdictOf(const SignalVerdict* s)
{
    return s ? s->verdict : Verdict::Unknown;
}

void addReason(QStringList& reasons, const SignalVerdict* s)
{
    if (s && !s->reason.isEmpty())
        reasons << s->reason;
}

// The reasons of these signals, in this order, where they have one.
void addReasons(QStringList& reasons, const QVector<SignalVerdict>& v, std::initializer_list<const char*> signalNames)
{
    for (const char* name : signalNames)
        addReason(reasons, find(v, name));
}

struct Picture {
    bool near = false, similar = false;
};

// What the picture signals say: the aligned thumbnails when both photos have them, else the hashes
// alone; the keypoints' fit; and the pictures inside frames.
Picture pictureEvidence(const SignalVerdict* aligned, const SignalVerdict* phash, const SignalVerdict* keypoints,
    const SignalVerdict* region, const SignalVerdict* overlaid)
{
    const Verdict a = verdictOf(aligned), p = verdictOf(phash);
    // Keypoints that agree inside one patch only (a sticker both carry) speak for the picture only
    // where the thumbnails find the pictures at least related.
    const bool keypointsNear = verdictOf(keypoints) == Verdict::Near
        && (keypoints->spread || a == Verdict::Similar || a == Verdict::Near || a == Verdict::Same);
    // Keypoints that lock onto one transform outside what an edit does (a 25% pan) refute the
    // thumbnails' searched alignment: two framings of one scene.
    const bool keypointsRefute = verdictOf(keypoints) == Verdict::Different;
    Picture out;
    out.near = !keypointsRefute
        && (keypointsNear || verdictOf(overlaid) == Verdict::Near
            || (aligned ? a == Verdict::Near || a == Verdict::Same : p == Verdict::Near || p == Verdict::Same));
    // Refuted or not, pictures this alike show one scene.
    const auto alike = [](Verdict x) { return x == Verdict::Same || x == Verdict::Near || x == Verdict::Similar; };
    out.similar = out.near || (aligned ? alike(a) : alike(p));
    if (region) {
        // The picture inside a frame, aligned without a search, is found even where the keypoints
        // of the whole frames disagree (a border or padding is far more than an edit's crop).
        const bool insideNear = region->verdict == Verdict::Near && (!keypointsRefute || !region->searched);
        const bool insideSimilar = insideNear || region->verdict == Verdict::Similar;
        out.near = region->insideOnly ? insideNear : out.near || insideNear;
        out.similar = region->insideOnly ? insideSimilar : out.similar || insideSimilar;
    }
    return out;
}

// An overlay left out of the comparison: caption bands, else one patch (a sticker).
const SignalVerdict* overlaid(const QVector<SignalVerdict>& v)
{
    const SignalVerdict* captions = find(v, "captions");
    return verdictOf(captions) == Verdict::Near ? captions : find(v, "patch");
}

// Not yet matched by keypoints, with an alignment that leaves them room, with parts of the pictures
// alike (a sticker over a copy) whatever the correlation, or framed unlike (the pictures' own margins?).
bool asksForKeypoints(const DuplicateRules& r, const QVector<SignalVerdict>& v)
{
    const SignalVerdict *aligned = find(v, "aligned"), *region = find(v, "region");
    const bool ownMargins = region && aligned && OwnMargins::worthAFit(*region, *aligned);
    return !find(v, "keypoints") && (ownMargins || (aligned && (r.consultKeypoints(*aligned) || find(v, "parts"))));
}

// Framed photos whose insides still correlate, where the keypoints put one in place over much of
// the other: a sticker or a caption over a copy inside the same frame, not two pictures. (Insides
// found near need no rescue, and their reason is worth citing.)
bool insideRescued(const DuplicateRules& r, const SignalVerdict* region, const SignalVerdict* keypoints)
{
    return region && region->verdict != Verdict::Near && region->value >= r.frameInsideRescue
        && verdictOf(keypoints) == Verdict::Near && keypoints->spread;
}

// Near on the thumbnails without a window moved over them (the whole pictures, a stretch, a padding's
// fixed geometry), with no keypoint fit that confines the likeness to one patch (a shared sticker).
// Where both photos are framed only the insides speak.
bool thumbnailsConfirm(const SignalVerdict* aligned, const SignalVerdict* phash, const SignalVerdict* region,
    const SignalVerdict* keypoints)
{
    if (verdictOf(keypoints) == Verdict::Near && !keypoints->spread)
        return false;
    const bool byRegion = verdictOf(region) == Verdict::Near && !region->window;
    if (region && region->insideOnly)
        return byRegion;
    const auto alike = [](Verdict v) { return v == Verdict::Same || v == Verdict::Near; };
    const bool byWhole = aligned ? alike(aligned->verdict) && !aligned->window : verdictOf(phash) == Verdict::Same;
    return byRegion || byWhole;
}

// The keypoints confirm a searched alignment or a padding's geometry, and tell a shared overlay from an
// edit where the whole thumbnails decide.
bool nearAsksForKeypoints(const DuplicateRules& r, const SignalVerdict* aligned, const SignalVerdict* region)
{
    if (region && region->padded)
        return true;
    return aligned
        && (aligned->searched
            || (DuplicateRules::wholeDecides(region ? *region : SignalVerdict(), *aligned)
                && r.checkOverlay(*aligned)));
}

// How surely a near pair is one picture: the verified fits the grouper trusts, and whether the evidence
// is such that two different pictures cannot share it by chance. region: null when keypoints rescued it.
void verify(PairDecision& d, const QVector<SignalVerdict>& v, const SignalVerdict* region)
{
    const SignalVerdict *aligned = find(v, "aligned"), *keypoints = find(v, "keypoints");
    d.keypointVerified = verdictOf(keypoints) == Verdict::Near && keypoints->spread;
    d.cutVerified = aligned && aligned->cut && verdictOf(keypoints) != Verdict::Different;
    d.overlayVerified = verdictOf(overlaid(v)) == Verdict::Near;
    d.confirmed = d.keypointVerified || d.cutVerified || d.overlayVerified
        || thumbnailsConfirm(aligned, find(v, "phash"), region, keypoints);
}

} // namespace

PairDecision DuplicateRules::decide(const QVector<SignalVerdict>& v) const
{
    PairDecision d;
    const SignalVerdict* content = find(v, "content");
    const SignalVerdict* detail = find(v, "detail");
    const SignalVerdict* phash = find(v, "phash");
    const SignalVerdict* aligned = find(v, "aligned");
    const SignalVerdict* embedding = find(v, "embedding");
    const SignalVerdict* time = find(v, "time");
    const SignalVerdict* camera = find(v, "camera");

    if (verdictOf(content) == Verdict::Same) {
        d.level = DuplicateLevel::Exact;
        d.confirmed = true;
        d.score = 3.0;
        addReason(d.reasons, content);
        return d;
    }
    // Featureless pictures (plain sky, dark frame, blank page) all hash alike: only bytes can tell.
    if (verdictOf(detail) == Verdict::Different) {
        addReason(d.reasons, detail);
        return d;
    }
    const SignalVerdict *region = find(v, "region"), *keypoints = find(v, "keypoints");
    // A frame is never evidence: two framed photos whose insides differ are different photos.
    const bool rescued = insideRescued(*this, region, keypoints);
    if (region && region->insideOnly && region->verdict == Verdict::Different && !rescued) {
        // Insides that still correlate somewhat may hold a sticker or captions over a copy: the
        // keypoints, when not loaded yet, may rescue them.
        d.verifiable = !keypoints
            && (region->value >= frameInsideRescue || (aligned && OwnMargins::worthAFit(*region, *aligned)));
        addReason(d.reasons, region);
        return d;
    }
    // Nor is a shared overlay: the same sticker on two different pictures (unless the pictures
    // agree all around one patch, a sticker over a copy, or between caption bands).
    const SignalVerdict* overlay = find(v, "overlay");
    if (verdictOf(overlay) == Verdict::Different && verdictOf(overlaid(v)) != Verdict::Near) {
        addReason(d.reasons, overlay);
        return d;
    }
    const Verdict p = verdictOf(phash), e = verdictOf(embedding);
    const Verdict t = verdictOf(time), c = verdictOf(camera);
    const Picture picture = pictureEvidence(aligned, phash, keypoints, rescued ? nullptr : region, overlaid(v));
    const bool pictureNear = picture.near, pictureSimilar = picture.similar;
    // Two camera captures at different instants are two photos (a burst), however alike.
    const bool separateShots = t == Verdict::Different || t == Verdict::Similar;
    const bool embeddingAgrees = e == Verdict::Unknown || embedding->value >= embeddingVeto;

    if (pictureNear && !separateShots && embeddingAgrees) {
        d.verifiable = !keypoints && nearAsksForKeypoints(*this, aligned, region);
        d.level = DuplicateLevel::Near;
        d.ownMargins = region && region->ownMargins;
        verify(d, v, rescued ? nullptr : region);
        d.score = 2.0 + (aligned ? aligned->value : 1.0 - (phash ? phash->value : 64) / 64.0);
        // A frame's inside the keypoints rescued is no "pictures differ" to cite.
        addReasons(d.reasons, v, { "phash", "aligned", "captions", "patch" });
        addReasons(d.reasons, v, { rescued ? "" : "region", "keypoints", "embedding", "time" });
        return d;
    }
    d.verifiable = !separateShots && embeddingAgrees && asksForKeypoints(*this, v);
    const bool sceneByEmbedding = e == Verdict::Near || e == Verdict::Same || e == Verdict::Similar;
    // Same camera moments apart is one burst; within the wider window the pictures must agree too.
    const bool closeInTime = t == Verdict::Same || (t == Verdict::Similar && time->value <= burstSeconds);
    const bool sceneByBurst
        = c == Verdict::Same && (closeInTime || (t == Verdict::Similar && (p != Verdict::Different || pictureSimilar)));
    const bool embeddingRefutes = e == Verdict::Different;
    if (!embeddingRefutes && (sceneByEmbedding || pictureSimilar || sceneByBurst)) {
        d.level = DuplicateLevel::Similar;
        d.score = 1.0 + (embedding ? embedding->value : aligned ? std::max(0.0, aligned->value) : 0.5);
        addReasons(d.reasons, v, { "phash", "aligned", "region", "keypoints", "embedding", "time", "camera" });
        return d;
    }
    addReason(d.reasons, aligned ? aligned : phash);
    addReason(d.reasons, keypoints);
    addReason(d.reasons, embedding);
    return d;
}

bool DuplicateRules::consultKeypoints(const SignalVerdict& aligned) const
{
    if (aligned.searched || aligned.reshaped)
        return true;
    return aligned.verdict != Verdict::Near && aligned.verdict != Verdict::Same && aligned.value >= keypointMinAligned;
}

bool DuplicateRules::wholeDecides(const SignalVerdict& region, const SignalVerdict& aligned)
{
    const bool alignedNear = aligned.verdict == Verdict::Near || aligned.verdict == Verdict::Same;
    return region.verdict == Verdict::Unknown || (alignedNear && region.verdict != Verdict::Near && !region.insideOnly);
}

bool DuplicateRules::partsAgree(int windows, float best) const
{
    return windows >= partMinWindows || (windows >= 1 && best >= partSingleCosine);
}

double DuplicateRules::reshapedLogAspect() const
{
    return std::max(-std::log(1 - keypointMaxOneSidedCut), std::log(1 + maxStretch)) + 0.02;
}

bool DuplicateRules::checkOverlay(const SignalVerdict& aligned) const
{
    // Near on the thumbnails but not beyond doubt, or open enough that the keypoints are consulted
    // (and their fit in place over a sticker would make the pair near).
    const bool nearButNotCertain
        = (aligned.verdict == Verdict::Near || aligned.verdict == Verdict::Same) && aligned.value < overlayCheckBelow;
    return nearButNotCertain || aligned.verdict == Verdict::Unknown || consultKeypoints(aligned);
}

bool DuplicateRules::patchAgrees(const OutsideCorrelation& o) const
{
    // Around a sticker both copies share, two different pictures agree on the sticker alone: every
    // part with detail must agree, and the picture must have detail in enough parts to tell, unless
    // every part is untouched.
    if (o.correlation < -1 || std::min(o.detailA, o.detailB) < overlayMinDetail)
        return false;
    return o.worstResidual <= patchResidualNear
        || (o.correlation >= patchNear && o.worstCell >= patchCellNear && o.cellsCompared >= patchMinCells);
}

double DuplicateRules::keypointResidualLimit(double degrees) const
{
    return std::abs(degrees) >= keypointTurnedDegrees ? keypointTurnedResidual : keypointMovedResidual;
}

bool DuplicateRules::strongKeypointFit(const KeypointMatch& m) const
{
    return m.inliers >= keypointStrongInliers && m.inlierShare >= keypointStrongShare
        && m.coverage >= keypointStrongCoverage && !m.perspective;
}

bool DuplicateRules::onePatchFit(const KeypointMatch& m) const
{
    return m.fitted && m.inliers >= overlayMinInliers && m.residual <= overlayMaxResidual
        && std::abs(m.degrees) < keypointTurnedDegrees && std::max(m.maxCrop, m.overflow) <= overlayMaxShift
        && m.inlierArea <= overlayMaxArea;
}

bool DuplicateRules::paddedAround(const KeypointSet& outer, const KeypointMatch& m) const
{
    if (outer.width <= 0 || outer.height <= 0 || outer.points.empty())
        return false;
    const cv::Rect2d& win = m.window;
    const double left = std::max(0.0, win.x), right = std::max(0.0, 1 - win.br().x), top = std::max(0.0, win.y),
                 bottom = std::max(0.0, 1 - win.br().y);
    const auto padded = [&](double a, double b, double c, double d) {
        return a <= keypointMaxPadding && b <= keypointMaxPadding && c <= keypointOneSidedOthers
            && d <= keypointOneSidedOthers;
    };
    if (!padded(left, right, top, bottom) && !padded(top, bottom, left, right))
        return false;
    const double area = (1 - left - right) * (1 - top - bottom);
    int inside = 0;
    for (const cv::Point2f& q : outer.points)
        inside += win.contains(cv::Point2d(q.x / outer.width, q.y / outer.height));
    const double expected = std::max(1, inside) * (1 - area) / std::max(area, 1e-3);
    return int(outer.points.size()) - inside <= keypointPaddingDensity * expected;
}

bool DuplicateRules::inPlace(const Alignment& al) const
{
    return std::max({ al.cropLeft, al.cropTop, al.cropRight, al.cropBottom }) <= sameFrameCrop
        && std::abs(al.degrees) <= sameFrameDegrees;
}

} // namespace shoebox
