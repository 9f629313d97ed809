#include "duplicates/duplicatematchers.h"

#include "duplicates/keypointcut.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/overlaymatcher.h"
#include "duplicates/ownmargins.h"
#include "duplicates/paddingmatcher.h"
#include "duplicates/partdescriptors.h"
#include "duplicates/thumbaligner.h"
#include "image/perceptualhasher.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace shoebox {

namespace {

const auto make = SignalVerdict::of;
const auto popcount = [](uint64_t x) { return __builtin_popcountll(x); };

// The picture inside p's frame as a photo of its own, for the thumbnail matcher.
PhotoSignals inside(const PhotoSignals& p)
{
    PhotoSignals in;
    in.width = std::max(1, int(std::lround(p.width * p.region.widthShare())));
    in.height = std::max(1, int(std::lround(p.height * p.region.heightShare())));
    in.gray = p.innerGray;
    in.hasPhash = true;
    in.phash = p.innerPhash;
    return in;
}

// Whether two photos have one shape (an unknown size counts as any shape).
bool shapesAlike(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    return a.width <= 0 || b.width <= 0 || std::abs(a.aspect() / b.aspect() - 1.0) <= r.sameShapeTolerance;
}

// A match of two pictures as they are, short of the aligned bar, that their own pHashes do not back:
// a smooth or patterned picture and another arrangement of it (its halves swapped) inside one frame
// correlate 0.93-0.95 on the grey thumbnails, yet differ in 27-36 bits, where every copy inside a frame
// of the benchmark's stays within 20.
bool hashesDisown(const SignalVerdict& v, const PhotoSignals& x, const PhotoSignals& y, const DuplicateRules& r)
{
    return v.verdict == Verdict::Near && !v.searched && v.value < r.alignedNear && x.hasPhash && y.hasPhash
        && popcount(x.phash ^ y.phash) > r.phashSimilar;
}

} // namespace

SignalVerdict DuplicateMatchers::content(const PhotoSignals& a, const PhotoSignals& b)
{
    if (a.contentHash.isEmpty() || b.contentHash.isEmpty())
        return make("content", Verdict::Unknown, 0, QString());
    if (a.contentHash == b.contentHash && a.size == b.size)
        return make("content", Verdict::Same, 1, QStringLiteral("same bytes (%1 bytes)").arg(a.size));
    return make("content", Verdict::Different, 0, QString());
}

SignalVerdict DuplicateMatchers::detail(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    if (a.detail < 0 || b.detail < 0)
        return make("detail", Verdict::Unknown, 0, QString());
    const double d = std::min(a.detail, b.detail);
    if (d < r.minDetail)
        return make("detail", Verdict::Different, d,
            QStringLiteral("too little detail to compare (%1 grey levels)").arg(d, 0, 'f', 1));
    return make("detail", Verdict::Same, d, QString());
}

int DuplicateMatchers::bestHashDistance(const PhotoSignals& a, const PhotoSignals& b)
{
    if (!a.hasPhash || !b.hasPhash)
        return 64;
    int best = popcount(a.phash ^ b.phash);
    for (uint64_t v : b.variants)
        best = std::min(best, popcount(a.phash ^ v));
    for (uint64_t v : a.variants)
        best = std::min(best, popcount(b.phash ^ v));
    return best;
}

SignalVerdict DuplicateMatchers::phash(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    if (!a.hasPhash || !b.hasPhash)
        return make("phash", Verdict::Unknown, 64, QString());
    const int whole = popcount(a.phash ^ b.phash);
    const int best = bestHashDistance(a, b);
    QString reason = QStringLiteral("pHash %1/64 bits").arg(whole);
    if (best < whole)
        reason += QStringLiteral(" (%1 against a crop or rotation)").arg(best);
    const Verdict v = best == 0  ? Verdict::Same
        : best <= r.phashNear    ? Verdict::Near
        : best <= r.phashSimilar ? Verdict::Similar
                                 : Verdict::Different;
    return make("phash", v, best, reason);
}

SignalVerdict DuplicateMatchers::aligned(
    const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r, Alignment* alignment)
{
    if (!ThumbAligner::isValid(a.gray) || !ThumbAligner::isValid(b.gray))
        return make("aligned", Verdict::Unknown, 0, QString());
    Alignment al = ThumbAligner::align(a.gray, a.aspect(), b.gray, b.aspect(), r.keypointMaxOneSidedCut + 0.02);
    const double c = al.correlation;
    const bool sameShape = shapesAlike(a, b, r);
    const bool wholeNear = sameShape && al.wholeCorrelation >= r.alignedWholeNear;
    // The window found on one photo must have the other's shape: a crop is that window. On smooth
    // pictures the search can also fit a 25% pan into a squeezed "10% crop" of another shape.
    const PhotoSignals& outer = al.firstIsCropped ? b : a;
    const PhotoSignals& inner = al.firstIsCropped ? a : b;
    const double windowAspect = outer.aspect() * (1 - al.cropLeft - al.cropRight) / (1 - al.cropTop - al.cropBottom);
    const bool shapeFits = outer.width <= 0 || inner.width <= 0
        || std::abs(windowAspect / inner.aspect() - 1.0) <= r.alignedWindowShapeTolerance;
    const double stretch = a.width > 0 && b.width > 0 ? std::abs(std::log(a.aspect() / b.aspect())) : 0;
    const bool stretched
        = !sameShape && stretch <= std::log(1 + r.maxStretch) && al.wholeCorrelation >= r.alignedStretchNear;
    // One side cut off deeper than the search's crops (a fifth off the top), the rest to JPEG noise.
    const bool oneSided = !sameShape && al.cutCorrelation >= r.alignedCutNear;
    const bool alike = (c >= r.alignedNear && shapeFits) || wholeNear || stretched;
    if (alike)
        ThumbAligner::measureEdgeBands(a.gray, a.aspect(), b.gray, b.aspect(), al);
    if (alignment)
        *alignment = al;
    // Alike only with the band along one edge (an app window's title bar): one app, not one picture.
    const bool edgeOnly = al.edgeBandDetail >= r.edgeBandMinDetail && al.edgeBandCorrelation < r.edgeBandNear;
    const bool nearOtherwise = alike && !edgeOnly;
    const bool near = nearOtherwise || oneSided;
    const Verdict v = near ? Verdict::Near : c >= r.alignedSimilar ? Verdict::Similar : Verdict::Different;
    // A one-sided cut found it: say so, not the best of the small crops searched before.
    const bool byCut = oneSided && !nearOtherwise;
    QString reason = QStringLiteral("aligned grey correlation %1").arg(byCut ? al.cutCorrelation : c, 0, 'f', 3);
    if (byCut)
        reason += QStringLiteral(" with %1").arg(al.describeCut());
    else if (al.describe() != QLatin1String("whole picture"))
        reason
            += QStringLiteral(" (%1 of %2)")
                   .arg(al.describe(), al.firstIsCropped ? QStringLiteral("the second") : QStringLiteral("the first"));
    if (edgeOnly)
        reason += QStringLiteral(", ") + al.describeEdgeBand();
    if (stretched && !(c >= r.alignedNear && shapeFits))
        reason += QStringLiteral(", stretched %1% (whole picture %2)")
                      .arg(qRound((std::exp(stretch) - 1) * 100))
                      .arg(al.wholeCorrelation, 0, 'f', 3);
    SignalVerdict out = make("aligned", v, c, reason);
    out.searched = (near && !wholeNear && al.describe() != QLatin1String("whole picture")) || stretched || oneSided;
    out.reshaped = !sameShape && stretch <= r.reshapedLogAspect();
    out.cut = byCut;
    out.window = near && !wholeNear && !stretched && !byCut && al.describe() != QLatin1String("whole picture");
    return out;
}

SignalVerdict DuplicateMatchers::region(
    const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r, const SignalVerdict* wholes)
{
    if (SignalVerdict padded = PaddingMatcher::verdict(a, b, r); padded.verdict == Verdict::Near)
        return padded; // a square padded with the picture blurred, where no frame was found
    if ((!a.hasInner && !b.hasInner) || !ThumbAligner::isValid(a.gray) || !ThumbAligner::isValid(b.gray))
        return make("region", Verdict::Unknown, 0, QString());
    const PhotoSignals ia = a.hasInner ? inside(a) : PhotoSignals();
    const PhotoSignals ib = b.hasInner ? inside(b) : PhotoSignals();
    // Inside against inside, and each inside against the other whole picture (an unframed copy, or
    // one whose frame was not recognised).
    SignalVerdict best = make("region", Verdict::Unknown, -1, QString());
    QString which;
    // One frame around both (the same app's screen, one border style) holds a copy in the same place:
    // a picture found in it only by a search beyond small crops is another picture.
    const bool oneFrame = a.hasInner && b.hasInner && a.region.alike(b.region, r.sameFrameTolerance);
    auto consider = [&](const PhotoSignals& x, const PhotoSignals& y, const QString& what, bool insides) {
        Alignment al;
        SignalVerdict v = aligned(x, y, r, &al);
        if (hashesDisown(v, x, y, r)) {
            v.verdict = Verdict::Similar;
            v.reason += QStringLiteral(", but their pHashes differ in %1 bits").arg(popcount(x.phash ^ y.phash));
        } else if (oneFrame && insides && v.verdict == Verdict::Near && v.searched && !r.inPlace(al)) {
            v.verdict = Verdict::Similar;
            v.reason += QStringLiteral(", but found only by moving it within one frame");
        }
        const bool better = (v.verdict == Verdict::Near) != (best.verdict == Verdict::Near) ? v.verdict == Verdict::Near
                                                                                            : v.value > best.value;
        if (v.verdict != Verdict::Unknown && better) {
            best = v;
            which = what;
        }
    };
    if (a.hasInner && b.hasInner)
        consider(ia, ib, QStringLiteral("both frames stripped"), true);
    if (a.hasInner)
        consider(ia, b, QStringLiteral("the first's frame stripped, %1").arg(a.region.describe()), false);
    if (b.hasInner)
        consider(a, ib, QStringLiteral("the second's frame stripped, %1").arg(b.region.describe()), false);
    if (best.verdict == Verdict::Unknown)
        return make("region", Verdict::Unknown, 0, QString());
    // Only one frame was recognised, it covers much of its photo, and its inside has nothing to do with
    // the other picture: the frames alone make the wholes alike. A frame with a side inferred from its
    // opposite may be the picture's own flat parts (pixel art): it finds a picture, never refutes one.
    const bool both = a.hasInner && b.hasInner, seen = !a.region.inferred && !b.region.inferred;
    const PhotoSignals& framed = a.hasInner ? a : b;
    const bool cutOfTheWhole = wholes && wholes->cut && wholes->verdict == Verdict::Near;
    const bool frameDominates = seen && !both && !cutOfTheWhole && framed.region.area() <= r.frameDominantArea
        && best.verdict != Verdict::Near && best.value < r.frameInsideUnrelated;
    SignalVerdict out;
    if (best.verdict == Verdict::Near) {
        out = make("region", Verdict::Near, best.value,
            QStringLiteral("the picture inside the frame: %1 (%2)").arg(best.reason, which));
    } else if ((seen && both && best.value < r.frameInsideDifferent) || frameDominates) {
        out = make("region", Verdict::Different, best.value,
            QStringLiteral("frames alike, pictures differ: correlation %1 inside the frame")
                .arg(best.value, 0, 'f', 2));
    } else {
        out = make("region", best.value >= r.alignedSimilar ? Verdict::Similar : Verdict::Different, best.value,
            QStringLiteral("inside the frame: %1").arg(best.reason));
    }
    out.searched = best.searched;
    out.window = best.window;
    out.insideOnly = both || frameDominates;
    out.framesDiffer = both ? !oneFrame : frameDominates;
    return out;
}

SignalVerdict DuplicateMatchers::keypoints(
    const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r, KeypointMatch* cropFit)
{
    if (!a.keypoints || !b.keypoints)
        return make("keypoints", Verdict::Unknown, 0, QString());
    // The crop/rotation fit first; a perspective fit only where that is not near, finding, never refuting.
    KeypointMatch cropMatch;
    std::optional<SignalVerdict> crop;
    const KeypointMatch m = KeypointMatcher::match(
        *a.keypoints, *b.keypoints, KeypointMatcher::Model::AllowPerspective, [&](const KeypointMatch& fit) {
            cropMatch = fit;
            crop = judgeKeypoints(fit, a, b, r);
            return crop->verdict == Verdict::Near;
        });
    if (!crop) { // too few matches to fit: m is the crop/rotation attempt
        cropMatch = m;
        crop = judgeKeypoints(m, a, b, r);
    }
    if (cropFit)
        *cropFit = cropMatch;
    if (!m.perspective)
        return *crop;
    const SignalVerdict v = judgeKeypoints(m, a, b, r);
    return v.verdict == Verdict::Near ? v : *crop;
}

SignalVerdict DuplicateMatchers::judgeKeypoints(
    const KeypointMatch& m, const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    // A confident fit: many matches, most of them on one transform, all over the picture, to the pixel.
    const bool confident = m.fitted && m.inliers >= r.keypointMinInliers && m.inlierShare >= r.keypointMinInlierShare
        && m.coverage >= r.keypointMinCoverage && m.residual <= r.keypointResidualLimit(m.degrees)
        && (!m.perspective
            || (m.inlierShare >= r.keypointPerspectiveMinShare && m.coverage >= r.keypointPerspectiveMinCoverage));
    if (!confident)
        return make("keypoints", Verdict::Unknown, m.inliers, m.describe());
    const bool plainCut = m.maxCrop <= r.keypointMaxCrop
        || (m.maxCrop <= r.keypointMaxOneSidedCut && m.otherCrop <= r.keypointOneSidedOthers);
    const bool padded = !plainCut && r.paddedAround(*(m.firstIsInner ? b : a).keypoints, m);
    const bool cutAsAnEdit = plainCut || padded;
    const bool anEdit = cutAsAnEdit && m.overflow <= r.keypointMaxOverflow
        && std::abs(m.degrees) <= r.keypointMaxDegrees && m.keystone <= r.keypointMaxKeystone
        && m.stretch <= r.maxStretch;
    if (!anEdit) // the same scene, framed differently (a turned fit looser than a shot's parallax never says so)
        return make("keypoints", m.residual <= r.keypointMovedResidual ? Verdict::Different : Verdict::Unknown,
            m.inliers,
            m.describe()
                + QStringLiteral(", reframed (%1% cut, %2% outside)")
                      .arg(qRound(m.maxCrop * 100))
                      .arg(qRound(m.overflow * 100)));
    const bool inPlace = m.residual <= r.keypointInPlaceResidual && m.inlierDistance <= r.keypointInPlaceBits;
    double corr = -1;
    if (!inPlace)
        corr = ThumbAligner::correlationAt(
            m.firstIsInner ? a.gray : b.gray, m.firstIsInner ? b.gray : a.gray, m.innerToOuter);
    // A fine texture aliases at thumbnail size, so its thumbnails cannot confirm a scaled fit; a fit
    // this strong, over the whole picture or exactly inside the other photo's frame, stands on its own.
    const PhotoSignals& outer = m.firstIsInner ? b : a;
    const bool inFrame = outer.hasInner && outer.region.fits(m.window, r.keypointFrameTolerance);
    const bool aliased = m.residual > r.keypointInPlaceResidual
        && std::max(ThumbAligner::neighbourCorrelation(a.gray), ThumbAligner::neighbourCorrelation(b.gray))
            < r.thumbAliased;
    const bool moved = corr >= r.keypointMovedCorrelation
        || ((inFrame || r.strongKeypointFit(m)) && corr >= r.keypointStrongCorrelation) || aliased;
    QString reason = m.describe() + (inFrame ? QStringLiteral(", exactly inside the frame") : QString());
    if (padded)
        reason += QStringLiteral(", inside padding of %1% (a fill, no scene)").arg(qRound(m.maxCrop * 100));
    if (inPlace)
        reason += QStringLiteral(", in place");
    else if (corr > -1)
        reason += QStringLiteral(", grey correlation there %1").arg(corr, 0, 'f', 3);
    if (aliased)
        reason += QStringLiteral(" (a texture finer than the thumbnails: they cannot tell)");
    SignalVerdict out = make("keypoints", inPlace || moved ? Verdict::Near : Verdict::Similar, m.inliers, reason);
    // The whole thumbnails agreeing where the fit puts them speak for the whole picture, however few
    // places the keypoints found (a smooth wallpaper has corners in one patch).
    out.spread = m.inlierArea >= r.keypointSpreadArea || moved;
    if (!out.spread && out.verdict == Verdict::Near) {
        const MaskedCorrelation around
            = ThumbAligner::correlationAround(m.firstIsInner ? a.gray : b.gray, m.firstIsInner ? b.gray : a.gray,
                m.innerToOuter, m.firstIsInner ? m.firstBox : m.secondBox, r.keypointPatchMargin);
        out.spread = around.detail >= r.overlayMinDetail && around.correlation >= r.keypointAroundNear;
        if (out.spread)
            out.reason += QStringLiteral(", the picture around them alike (correlation %1)")
                              .arg(around.correlation, 0, 'f', 3);
    }
    return out;
}

SignalVerdict DuplicateMatchers::overlay(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r,
    const SignalVerdict& aligned, const KeypointMatch* cropFit)
{
    const SignalVerdict unknown = make("overlay", Verdict::Unknown, 0, QString());
    // A one-sided cut's window that correlates to JPEG noise is most of the picture, not one patch.
    if (!r.checkOverlay(aligned) || aligned.cut || !a.keypoints || !b.keypoints)
        return unknown;
    const KeypointMatch m
        = cropFit ? *cropFit : KeypointMatcher::match(*a.keypoints, *b.keypoints, KeypointMatcher::Model::CropRotation);
    if (!r.onePatchFit(m))
        return unknown;
    const OutsideCorrelation o = OverlayMatcher::outside(a.gray, b.gray, { m.firstBox, m.secondBox }, r.overlayMargin);
    if (o.correlation < -1 || std::min(o.detailA, o.detailB) < r.overlayMinDetail
        || o.correlation >= r.overlayOutsideDifferent)
        return unknown;
    return make("overlay", Verdict::Different, o.correlation,
        QStringLiteral("an overlay alike, pictures differ: %1 keypoints agree in %2% of the picture, correlation %3 "
                       "around it")
            .arg(m.inliers)
            .arg(qRound(m.inlierArea * 100))
            .arg(o.correlation, 0, 'f', 2));
}

SignalVerdict DuplicateMatchers::embedding(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    if (a.embedding.empty() || a.embedding.size() != b.embedding.size())
        return make("embedding", Verdict::Unknown, 0, QString());
    double dot = 0;
    for (size_t i = 0; i < a.embedding.size(); ++i)
        dot += double(a.embedding[i]) * b.embedding[i];
    const Verdict v = dot >= r.embeddingNear ? Verdict::Near
        : dot >= r.embeddingSimilar          ? Verdict::Similar
                                             : Verdict::Different;
    return make("embedding", v, dot, QStringLiteral("embedding cosine %1").arg(dot, 0, 'f', 3));
}

SignalVerdict DuplicateMatchers::time(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    if (!a.takenFromExif || !b.takenFromExif || a.takenAtMs < 0 || b.takenAtMs < 0)
        return make("time", Verdict::Unknown, 0, QString());
    const qint64 diff = std::llabs(a.takenAtMs - b.takenAtMs);
    // Without sub-seconds both times end in .000: then only the second can be compared.
    const bool coarse = a.takenAtMs % 1000 == 0 || b.takenAtMs % 1000 == 0;
    if (diff == 0 || (coarse && a.takenAtMs / 1000 == b.takenAtMs / 1000))
        return make("time", Verdict::Same, 0,
            diff == 0 && !coarse ? QStringLiteral("same capture time") : QStringLiteral("same capture second"));
    if (diff <= r.burstWindowMs)
        return make("time", Verdict::Similar, diff / 1000.0,
            QStringLiteral("captured %1 s apart").arg(diff / 1000.0, 0, 'f', diff < 10000 ? 3 : 0));
    return make("time", Verdict::Different, diff / 1000.0, QStringLiteral("captured %1 s apart").arg(diff / 1000));
}

SignalVerdict DuplicateMatchers::parts(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    const PartDescriptors::Agreement g = r.partBucketLimit > 0
        ? PartDescriptors::agreement(a.gray, b.gray, r.partMinCosine)
        : PartDescriptors::Agreement();
    const int n = g.windows;
    if (!r.partsAgree(n, g.best))
        return make("parts", Verdict::Unknown, n, QString());
    return make("parts", Verdict::Similar, n,
        QStringLiteral("%1 of %2 parts of the picture alike").arg(n).arg(PartDescriptors::kWindows));
}

SignalVerdict DuplicateMatchers::captions(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    const bool sameShape = shapesAlike(a, b, r);
    const int side = PerceptualHasher::kGraySide, maxRows = int(side * r.captionMaxBand);
    if (!sameShape || maxRows < 1)
        return make("captions", Verdict::Unknown, 0, QString());
    const BandCorrelation c = OverlayMatcher::outsideBands(a.gray, b.gray, int(side * r.captionMinBand), maxRows);
    if (c.correlation < r.captionNear)
        return make("captions", Verdict::Unknown, c.correlation, QString());
    // Raw grey levels let a sky's gradient correlate: the rows kept must still agree with each
    // picture's smooth brightness surface removed, and hold detail to agree on.
    const cv::Rect2d top(0, 0, 1, double(c.top) / side),
        bottom(0, 1 - double(c.bottom) / side, 1, double(c.bottom) / side);
    const OutsideCorrelation o = OverlayMatcher::outside(a.gray, b.gray, { top, bottom }, 0);
    if (o.correlation < r.captionNear || std::min(o.detailA, o.detailB) < r.overlayMinDetail)
        return make("captions", Verdict::Unknown, o.correlation, QString());
    return make("captions", Verdict::Near, o.correlation,
        QStringLiteral("alike but for caption bands: grey correlation %1 without the top %2% and bottom %3%")
            .arg(o.correlation, 0, 'f', 3)
            .arg(qRound(100.0 * c.top / side))
            .arg(qRound(100.0 * c.bottom / side)));
}

SignalVerdict DuplicateMatchers::patch(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    const int side = PerceptualHasher::kGraySide;
    if (!shapesAlike(a, b, r))
        return make("patch", Verdict::Unknown, 0, QString());
    const BoxCorrelation c = OverlayMatcher::outsideBox(a.gray, b.gray, int(std::lround(side * r.patchMinSide)),
        int(std::lround(side * r.patchMaxSide)), r.patchMaxArea);
    if (c.correlation < r.patchNear)
        return make("patch", Verdict::Unknown, c.correlation, QString());
    const cv::Rect2d box(
        double(c.box.x) / side, double(c.box.y) / side, double(c.box.width) / side, double(c.box.height) / side);
    const OutsideCorrelation o = OverlayMatcher::outside(a.gray, b.gray, { box }, 0);
    if (!r.patchAgrees(o))
        return make("patch", Verdict::Unknown, o.correlation, QString());
    const QString around = o.worstResidual <= r.patchResidualNear
        ? QStringLiteral("the rest differs by %1 grey levels at most").arg(o.worstResidual, 0, 'f', 1)
        : QStringLiteral("grey correlation %1 around it").arg(o.correlation, 0, 'f', 3);
    return make("patch", Verdict::Near, o.correlation,
        QStringLiteral("alike but for one patch over %1% of the picture (a sticker or overlay): %2")
            .arg(qRound(100.0 * box.area()))
            .arg(around));
}

SignalVerdict DuplicateMatchers::camera(const PhotoSignals& a, const PhotoSignals& b)
{
    if (a.camera.isEmpty() || b.camera.isEmpty())
        return make("camera", Verdict::Unknown, 0, QString());
    if (a.camera == b.camera)
        return make("camera", Verdict::Same, 1, QStringLiteral("same camera (%1)").arg(a.camera));
    return make("camera", Verdict::Different, 0, QStringLiteral("different cameras"));
}

QVector<SignalVerdict> DuplicateMatchers::all(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    QVector<SignalVerdict> out;
    auto keep = [&out](SignalVerdict s) {
        if (s.verdict != Verdict::Unknown)
            out << s;
    };
    keep(content(a, b));
    if (!out.isEmpty() && out.first().verdict == Verdict::Same)
        return out; // same bytes: nothing else can add to it
    keep(detail(a, b, r));
    if (!out.isEmpty() && out.last().signal == QLatin1String("detail") && out.last().verdict == Verdict::Different)
        return out; // featureless: the other signals would only add noise
    keep(phash(a, b, r));
    Alignment alignment;
    const SignalVerdict al = aligned(a, b, r, &alignment);
    keep(al);
    const SignalVerdict rg = region(a, b, r, &al);
    keep(rg);
    const bool consult = al.verdict == Verdict::Unknown || r.consultKeypoints(al);
    const bool alignedNear = al.verdict == Verdict::Near || al.verdict == Verdict::Same;
    // Parts matter only where the keypoints would be left out, and ask for a patch on unframed pairs.
    const bool partsWanted = !alignedNear && (!consult || rg.verdict == Verdict::Unknown);
    const SignalVerdict pt = partsWanted ? parts(a, b, r) : SignalVerdict();
    if (!consult)
        keep(pt);
    const bool partsAlike = !consult && pt.verdict != Verdict::Unknown;
    bool patchAsked = false;
    if (rg.verdict == Verdict::Unknown && !alignedNear) {
        const SignalVerdict cp = captions(a, b, r);
        keep(cp);
        // A copy under a sticker keeps parts of the picture whole: look for the one patch it covers.
        patchAsked = pt.verdict != Verdict::Unknown && cp.verdict == Verdict::Unknown;
        if (patchAsked)
            keep(patch(a, b, r));
    }
    // Whole pictures that correlate as they are, short of certainty, can be two framings of one smooth
    // scene (a pan over sky and water) or share one sticker: keypoints, when loaded, may refute them.
    const bool wholeDecides = DuplicateRules::wholeDecides(rg, al);
    const bool wholeUnsure = wholeDecides && alignedNear && al.value < r.overlayCheckBelow;
    // Frames unlike whose insides the region finds short of near may be the pictures' own margins.
    const bool ownMargins = OwnMargins::worthAFit(rg, al);
    KeypointMatch fit; // the crop/rotation keypoint fit, made once for the matchers that use it
    const bool fitted = (consult || partsAlike || wholeUnsure || ownMargins) && a.keypoints && b.keypoints;
    if (fitted)
        keep(keypoints(a, b, r, &fit));
    KeypointCut::upgrade(out, alignment, fitted ? &fit : nullptr, r);
    OwnMargins::upgrade(out, a, b, fitted ? &fit : nullptr, r);
    if (wholeDecides) {
        const SignalVerdict ov = overlay(a, b, r, al, fitted ? &fit : nullptr);
        keep(ov);
        // Keypoints agreeing in one patch alone may sit around a sticker over a copy, not on one two
        // pictures share: the pictures around the patch tell, or the rows between caption bands.
        if (ov.verdict == Verdict::Different && (alignedNear || !patchAsked))
            keep(alignedNear ? captions(a, b, r) : patch(a, b, r));
    }
    keep(embedding(a, b, r));
    keep(time(a, b, r));
    keep(camera(a, b));
    return out;
}

PairDecision DuplicateMatchers::compare(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    return r.decide(all(a, b, r));
}

} // namespace shoebox
