#pragma once
// The one place that holds the duplicate engine's thresholds and decides a pair's level from the
// matchers' verdicts. Code, not a model: every decision comes with the verdicts that made it.
// A plain value: copy it to any thread; tune it by changing the defaults here (BENCHMARKS.md shows
// what each change does to precision and recall).

#include "duplicates/duplicatetypes.h"

namespace shoebox {

struct Alignment;
struct KeypointMatch;
struct KeypointSet;
struct OutsideCorrelation;

struct DuplicateRules {
    // Candidate search (CandidateFinder).
    int candidateRadius = 8; // pHash bits between one photo and any crop/rotation variant of another
    // Nearest neighbours by grey descriptor, per photo (and per framed photo's inside): a photo
    // shared in many frames and edits crowds its own neighbourhood, so a stickered copy needs room.
    int descriptorNeighbours = 10;
    // The descriptor search is an exact inner-product scan (quadratic); above this many photos it is
    // left out and crops/rotations are found by the hash variants (and embeddings) alone.
    int descriptorMaxPhotos = 20000;
    float descriptorMinCosine = 0.80f;
    // Part descriptors (PartDescriptors), under the same photo limit: a copy with a sticker keeps the
    // windows the sticker does not touch, and must agree at partMinWindows of them, or at one
    // alone when it agrees to partSingleCosine (a sticker over a corner of a wide picture leaves
    // one window whole); a sign bucket holding more than partBucketLimit pictures is a pattern many
    // share (0 turns parts off).
    int partBucketLimit = 32;
    float partMinCosine = 0.97f;
    int partMinWindows = 2;
    float partSingleCosine = 0.99f;
    int embeddingNeighbours = 10;
    float embeddingMinCosine = 0.85f;
    qint64 burstWindowMs = 120'000; // same camera within this time: candidates for "similar"
    double burstSeconds = 10; // same camera this close in time: one burst, whatever the framing

    // Matchers.
    int phashNear = 10; // best pHash distance over variants, of 64 bits
    int phashSimilar = 20;
    // Correlation of the grey thumbnails: near when they correlate this well as they are (edits of
    // colour, tone, compression, a stamp), or alignedNear after the search over crops and rotations,
    // which must be stricter because freedom to align also fits a re-shot scene (a stereo pair, a pan).
    double alignedWholeNear = 0.90;
    // ... but only between pictures of the same shape: a crop that changes the aspect ratio by more
    // than this (a reframing) must pass the stricter aligned test.
    double sameShapeTolerance = 0.02;
    double alignedNear = 0.96;
    double alignedWindowShapeTolerance = 0.06; // aspect of the aligned window against the other photo's
    // Stretched to another aspect ratio (non-uniform scaling): the grey thumbnails are squeezed to
    // squares, so a stretched copy correlates as it is; up to this much stretch, and only when it
    // correlates this well without any crop (the keypoints are consulted and can refute a pan).
    double maxStretch = 0.27; // 25% and a rounding margin (a 20% squash is a 25% stretch)
    double alignedStretchNear = 0.95;
    // One side cut off deeper than the aligned search's crops, up to keypointMaxOneSidedCut: the window
    // against that side must correlate to JPEG noise (copies 0.998-1.0 on the tuning sets; a 25% pan
    // with 5% off two other sides, 0.973 on a smooth sky).
    double alignedCutNear = 0.99;
    double alignedSimilar = 0.80;
    // Thumbnails aligned near, yet below edgeBandNear once the band along one edge is left out, where
    // the rest holds at least edgeBandMinDetail grey levels of picture: alike only in that band (two
    // dialogs of one app under its title bar: 0.305 without it, 5.9 levels). Every copy in the
    // benchmark's near groups keeps 0.51 or more where its rest holds that much (Alignment::edgeBand*).
    double edgeBandNear = 0.45;
    double edgeBandMinDetail = 3.0;
    double embeddingNear = 0.92;
    double embeddingSimilar = 0.90;
    // The object model's embedding tells scenes apart, not edits: heavy noise, blur or desaturation
    // drop a true copy's cosine to 0.6-0.9 while overlapping crops of one scene score above 0.9.
    // So for the near level it can only refute: below this cosine the pictures are unrelated.
    // (Requiring embeddingNear for near cut the benchmark's near recall from 0.915 to 0.761.)
    double embeddingVeto = 0.60;
    // Frames (ContentRegion): when both photos are framed only their insides count, and below this
    // correlation inside the frames they are different pictures, however alike the frames make them.
    double frameInsideDifferent = 0.80;
    // Above this inside correlation, keypoints near in place over a spread of the picture overrule it
    // (and a pair without its keypoints yet asks for them).
    double frameInsideRescue = 0.60;
    // Frames unlike on two photos that a keypoint fit puts one on the other as an edit: the inside of one,
    // where the fit lays it on the other's whole picture, correlating at least this is the same picture
    // (OwnMargins; 0.93-0.95 on the cards of OpenCV's samples, at most 0.70 for different pictures).
    double ownMarginsNear = 0.90;
    // ... and where the two photos' shapes agree to ownMarginsShape, the suggested keeper compares them
    // unframed (a screenshot and a bordered copy, which a fit may also relate, differ in shape).
    double ownMarginsShape = 0.02;
    // When only one photo's frame was recognised: if it leaves at most this share of its photo and
    // its inside correlates below frameInsideUnrelated with the other photo, they are different too.
    double frameDominantArea = 0.75;
    double frameInsideUnrelated = 0.5;
    // Captions (DuplicateMatchers::captions): a band at the top, the bottom or both, each from
    // captionMinBand to captionMaxBand of the height (a line of text), may differ when the rows between
    // correlate at least captionNear, the smooth brightness surface removed.
    double captionMinBand = 0.12;
    double captionMaxBand = 0.25;
    double captionNear = 0.97;
    // A patch (DuplicateMatchers::patch), asked for where parts of the pictures agree: one box of
    // patchMinSide to patchMaxSide of each side and at most patchMaxArea of the picture (a sticker
    // over a fifth of it) may differ when the pixels around it correlate at least patchNear, the
    // smooth brightness surface removed, and at least patchCellNear in every third-by-third cell with
    // detail, of which there must be patchMinCells (a sticker both copies share is not the picture).
    // Two frames alike to sameFrameTolerance a side (one app's screen, one border style) hold a copy in
    // the same place: their insides may be found near only within sameFrameCrop and sameFrameDegrees.
    double sameFrameTolerance = 0.03;
    double sameFrameCrop = 0.03;
    double sameFrameDegrees = 1.0;
    double patchMinSide = 0.2;
    double patchMaxSide = 0.75;
    double patchMaxArea = 0.33;
    double patchNear = 0.97;
    double patchCellNear = 0.7;
    int patchMinCells = 4;
    // ... or, whatever the detail, where the rest departs from the other copy by JPEG noise alone in
    // every cell (copies under a sticker 0.3-0.9 grey levels, different pictures 5 and more on the
    // tuning sets): a smooth or finely striped picture has too little detail at 24 px to correlate.
    double patchResidualNear = 2.0;
    double minDetail = 1.0; // grey levels of structure below which hashes cannot tell photos apart

    // Keypoints (KeypointMatcher): where the aligned thumbnails fall short (fine textures at 24x24,
    // a big stamp, a colour change) the keypoints' fitted transform decides. Set from the
    // benchmark's distributions (BENCHMARKS.md), with the stereo pair and the light/dark variants
    // of one wallpaper as the nearest negatives.
    double keypointMinAligned = 0.25; // below this aligned correlation the keypoints are not consulted
    int keypointMinInliers = 12;
    double keypointMinInlierShare = 0.5;
    double keypointMinCoverage = 0.7; // of the 4x4 cells with matches, share that hold an inlier
    double keypointMaxCrop = 0.13; // per side of the larger picture: an edit cuts at most 10%
    // ... or up to this much off one side when the other three sides keep nearly everything (a
    // pan moves at least two sides: the 25% pan of the benchmark also cuts 5% top and bottom).
    double keypointMaxOneSidedCut = 0.25;
    double keypointOneSidedOthers = 0.02;
    // ... or up to this much on two opposite sides (the others within keypointOneSidedOthers) when the
    // larger picture holds next to no keypoints around the smaller one (at most this share of the
    // density inside): padding, a blurred or plain fill that squares a photo.
    double keypointMaxPadding = 0.30;
    double keypointPaddingDensity = 0.15;
    double keypointMaxOverflow = 0.012; // the smaller picture lies inside the larger one
    double keypointMaxDegrees = 10.5; // straightened by up to 10 degrees
    // A perspective fit: a keystone correction shrinks one edge by up to 8% (and the fit's error: 8% measures
    // 0.08-0.09); its stretch is bounded by maxStretch, as the thumbnails' is.
    double keypointMaxKeystone = 0.10;
    // With two more degrees of freedom a perspective fit also bends onto a second view of a flat scene
    // (the stereo pair's parallax fits at a 9% keystone, its matches in 70% of the cells): it must
    // explain more of the matches, all over the picture.
    double keypointPerspectiveMinShare = 0.75;
    double keypointPerspectiveMinCoverage = 0.9;
    // In place: the same frame to within a fifth of a pixel at 256 px and nearly the same
    // descriptors (bits of 256): a stamp or a colour change over an untouched picture.
    double keypointInPlaceResidual = 0.2;
    double keypointInPlaceBits = 20;
    // A fit counts only when its inliers sit within this many pixels (at 256 px) of the transform:
    // a second shot of the scene leaves parallax above it. A counting fit outside the edit limits
    // above refutes a searched thumbnail alignment (two framings of one scene).
    double keypointMovedResidual = 0.75;
    // ... and to keypointTurnedResidual for a fit turned by keypointTurnedDegrees or more: a turned copy is
    // resampled off the pixel grid (straightened 8 degrees: 0.8-1.0 px), while a second shot of a scene (a
    // burst, a stereo pair, a pan) is not turned: over 11,080 fits of every photo against its source's
    // original on fourteen libraries, no hard negative fits turned by 3 degrees or more. Such a looser fit
    // confirms an edit but never refutes one as a reframing (a turned copy's filled corners lie outside).
    double keypointTurnedDegrees = 3.0;
    double keypointTurnedResidual = 1.0;
    // ... but a one-sided cut the thumbnails find short of alignedCutNear (at least alignedNear: a lossy
    // original re-encoded) stands when a fit looser than that (to keypointCutResidual px, turned at most
    // keypointCutDegrees) puts the smaller picture at the very same window, each edge to
    // keypointCutTolerance: two signals agree on a plain cut (scaled to 256 px from two widths, a crop's
    // keypoints sit 0.8-0.9 px off any one transform).
    double keypointCutResidual = 1.0;
    double keypointCutDegrees = 1.0;
    double keypointCutTolerance = 0.03;
    // Moved: a crop or a rotation; then the thumbnails, sampled where the keypoints put them, must
    // agree. No search here, so this can sit below alignedNear.
    double keypointMovedCorrelation = 0.89;
    // ... or a fit this strong (inliers, their share, the cells they cover) with the thumbnails
    // merely related there: fine textures alias at thumbnail size.
    int keypointStrongInliers = 24;
    double keypointStrongShare = 0.85;
    double keypointStrongCoverage = 0.95;
    double keypointStrongCorrelation = 0.3;
    // ... or a resampled fit (residual above keypointInPlaceResidual) between two thumbnails that only
    // alias the picture (ThumbAligner::neighbourCorrelation below this; the tuning sets' brick 0.05,
    // gravel 0.14, grass 0.20, against 0.38 and more for anything the thumbnail resolves): they can
    // neither confirm nor refute it.
    double thumbAliased = 0.25;
    // ... or a fit that puts the smaller picture exactly inside the frame the other photo's region
    // detector found (each side to this share of the picture): two signals agree on the geometry.
    double keypointFrameTolerance = 0.02;
    // A near copy whose keypoint fit spans at least this share of the picture (the inliers' bounding
    // box) joins its group's representative without a majority of the other members (see
    // DuplicateGrouper); a fit inside one patch (a shared sticker) does not.
    double keypointSpreadArea = 0.25;
    // ... or, fitted in one patch (a bird in the sky), is the same picture all around it: grey levels as
    // they are correlate to JPEG noise (keypointAroundNear, with overlayMinDetail grey levels of picture
    // there) beyond the patch's box grown by keypointPatchMargin of the picture a side. Different smooth
    // pictures under one sticker reach 0.96 there (the sticker's rim lies beyond its keypoints).
    double keypointAroundNear = 0.99;
    double keypointPatchMargin = 0.05;
    // A shared overlay is never evidence (OverlayMatcher): for a pair the thumbnails call near below
    // overlayCheckBelow, keypoints that agree in place (to overlayMaxResidual px, turned less than
    // keypointTurnedDegrees, laying each picture over the other to overlayMaxShift a side: the pictures
    // around are compared as they are) only inside one patch of at most overlayMaxArea of the picture,
    // with the pictures around that patch (grown by overlayMargin on every side) correlating below
    // overlayOutsideDifferent, are one sticker or logo on two different pictures. Set from the frames
    // set's tuning sources; residual, shift and detail floor from the fresh set's smooth wallpapers (a
    // sticker scaled with pictures of unlike shapes fits to 0.86 px, 4.5% off; two gradients hold
    // 1.35-1.8 grey levels around it and correlate -0.3 there; BENCHMARKS.md).
    double overlayCheckBelow = 0.975;
    int overlayMinInliers = 5;
    double overlayMaxResidual = 1.0;
    double overlayMaxShift = 0.08; // below the benchmark's smallest crop (10%)
    double overlayMaxArea = 0.12;
    double overlayMargin = 0.2;
    double overlayOutsideDifferent = 0.4;
    double overlayMinDetail = 1.2; // grey levels around the patch: a featureless rest tells nothing
    // One screen in two states (ScreenStates): a near pair of two lossless pictures is similar, not near,
    // where, laid over each other, at least screenMinSame of the pixels are the same to screenSameLevels
    // grey levels and at least screenMinChanged of the cells with detail (screenCellDetail grey levels
    // RMS) changed (correlating below screenCellCorrelation, or detail in one picture only), unless they
    // are one place keeping less than screenPatchSame of its pixels and covering at most screenPatchMost
    // of the cells with detail (a patch pasted over the picture: the benchmark's stickers, a fifth of
    // the picture, change at most 0.25 of the cells; a dialog's other page changes 0.42 in one place).
    // Laid over each other: by a crop/rotation keypoint fit (screenMinInliers inliers to
    // screenMaxResidual px, cut or poking out screenMaxShift at most, turned screenMaxDegrees at most),
    // else whole over whole where they have one size (|log| of the widths' and of the heights' ratio at
    // most screenSameSize) or where the 24 px thumbnails align them whole, without a crop or a turn (a
    // resize, stretched or not; round twenty-seven). Set on the GIMP and GnuCash manuals (BENCHMARKS.md,
    // round twenty-five).
    int screenMinInliers = 12;
    double screenMaxResidual = 1.0;
    double screenMaxShift = 0.25;
    double screenMaxDegrees = 1.0;
    double screenSameSize = 0.02;
    double screenSameLevels = 2.5;
    double screenCellDetail = 4.0;
    double screenCellCorrelation = 0.5;
    double screenMinSame = 0.4;
    double screenMinChanged = 0.15;
    double screenPatchSame = 0.25;
    double screenPatchMost = 0.3;
    // A crop is not a reframing (Reframings): a near pair that nothing confirmed, of two photos
    // without a frame, is similar, not near, where at 256 px one picture is an unstretched window of
    // the other (at least reframeMinWindow of its width and height, searched in steps of reframeStep
    // with the inner picture at reframeWidth px) that correlates to reframeFit, JPEG noise, and by
    // reframeMargin better than any window an edit cuts (Reframings::editCut: keypointMaxCrop a side,
    // keypointMaxOneSidedCut off one, keypointMaxPadding off two opposite ones). Set on the classic
    // held-out set's pan25 of Gulp, the one hard negative left (BENCHMARKS.md, round twenty-six).
    double reframeFit = 0.999;
    // One patch alike (SharedPatches): a near pair that nothing confirmed, whose keypoints fit one
    // patch (onePatchFit) in place (cut or poking out patchInPlace at most, turned patchInPlaceDegrees
    // at most, shapes alike to patchInPlace), is similar, not near, where at 256 px fewer than
    // patchMinSame of the pixels around the patch (its box grown by overlayMargin) lie within
    // patchSameLevels grey levels of each other once their median difference is taken out. Set on the
    // lxqt frames set's stickers (round twenty-six): true copies keep 0.73-0.79, other pictures at most
    // 0.27.
    double patchInPlace = 0.01;
    double patchInPlaceDegrees = 0.5;
    double patchSameLevels = 3;
    double patchMinSame = 0.5;
    // Parts alike, moved (MovedParts): a near pair that no fit verified, one photo or both framed, is
    // similar, not near, where keypointMinInliers or more keypoint matches fit one crop/rotation (to
    // keypointResidualLimit) that puts the part they cover movedPartsShift of the picture or more away
    // from where the frames' insides (or the wholes) align it. Set on the lxqt frames set's two rolled
    // copies of one photo (0.48 away) against 5,918 such fits of true pairs on fifteen sets: at most
    // 0.18, a one-sided cut (BENCHMARKS.md, round twenty-seven).
    double movedPartsShift = 0.3;
    double reframeMargin = 0.005;
    double reframeMinWindow = 0.55;
    double reframeStep = 0.01;
    int reframeWidth = 96;

    // A picture padded to a square with a blurred copy of itself where no frame was found (flat art,
    // PaddingMatcher): near when the picture, centred at full width or height with at least
    // paddedMinPadding a side, correlates with the square's band at paddedNear and the fill agrees
    // with the picture blurred (paddedFillAlike, within paddedFillDifference grey levels). The square
    // is square to sameShapeTolerance. Set from the frames set's tuning sources (BENCHMARKS.md).
    double paddedMinPadding = 0.05;
    double paddedNear = 0.96;
    double paddedFillAlike = 0.8;
    double paddedFillDifference = 20;

    // Decides exact/near/similar/none from the verdicts of one pair.
    PairDecision decide(const QVector<SignalVerdict>& verdicts) const;
    // How far apart (|log| of the aspect ratios) two pictures' shapes can be for one to be the other
    // reshaped: a one-sided cut up to keypointMaxOneSidedCut, or a stretch up to maxStretch, and a
    // margin of 0.02 for sizes rounded to whole pixels.
    double reshapedLogAspect() const;
    // Whether parts agreeing at this many windows, the best to this cosine, make two pictures alike.
    bool partsAgree(int windows, float best) const;
    // Whether the keypoints should be compared for a pair with this aligned correlation.
    bool consultKeypoints(const SignalVerdict& aligned) const;
    // Whether a pair should be checked for a shared overlay: the thumbnails call it near below
    // overlayCheckBelow, or the keypoints are consulted.
    bool checkOverlay(const SignalVerdict& aligned) const;
    // Whether the whole pictures decide a pair the region leaves open: no frame found, or the whole
    // thumbnails near with one photo framed and its inside short of near (a shared sticker can carry
    // the whole thumbnails). An absent region is a verdict Unknown.
    static bool wholeDecides(const SignalVerdict& region, const SignalVerdict& aligned);
    // Whether the pictures around the one box a patch leaves out (a sticker) make them one picture.
    bool patchAgrees(const OutsideCorrelation& around) const;
    // Whether a keypoint fit agrees inside one patch only, laying the pictures over each other (overlay*):
    // the shape of one sticker on two pictures.
    bool onePatchFit(const KeypointMatch& m) const;
    // Whether a keypoint fit is strong enough (keypointStrong*) to stand where the thumbnails alias.
    bool strongKeypointFit(const KeypointMatch& m) const;
    // The residual a counting fit turned by degrees may have (keypointMovedResidual or, turned, more).
    double keypointResidualLimit(double degrees) const;
    // Whether an alignment leaves a picture in place: crops of at most sameFrameCrop a side, turned
    // sameFrameDegrees at most.
    bool inPlace(const Alignment& al) const;
    // Whether the larger picture is the smaller one padded on two opposite sides (a blurred or plain fill
    // the region detector did not strip, squaring a photo): the window the smaller one covers leaves at
    // most keypointMaxPadding on those sides and nearly nothing on the other two, and the larger picture
    // holds next to no keypoints around it (a crop or a pan has scene there, at about the density inside).
    bool paddedAround(const KeypointSet& outer, const KeypointMatch& m) const;
};

} // namespace shoebox
