#include "duplicates/paddingmatcher.h"

#include "duplicates/thumbaligner.h"
#include "image/perceptualhasher.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace shoebox {

namespace {

constexpr int kSide = PerceptualHasher::kGraySide;
// The fill's blur in thumbnail pixels: apps blur by a few percent of the side (the benchmark's
// generator by a thirtieth), and the thumbnail's own averaging adds to it.
constexpr double kFillBlur = 1.2;

cv::Mat toFloat(const QByteArray& gray)
{
    cv::Mat f;
    cv::Mat(kSide, kSide, CV_8U, const_cast<char*>(gray.constData())).convertTo(f, CV_32F);
    return f;
}

struct FillAgreement {
    double correlation = -2, difference = 255;
};

// The square's fill (outside the band) against a prediction of it.
FillAgreement fillAgreement(const cv::Mat& predicted, const cv::Mat& square, const PaddedFit& f)
{
    double n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, diff = 0;
    for (int i = 0; i < kSide; ++i)
        for (int j = 0; j < kSide; ++j) {
            const double across = ((f.wide ? i : j) + 0.5) / kSide;
            if (across >= f.padding && across <= 1 - f.padding)
                continue;
            const double a = predicted.at<float>(i, j), b = square.at<float>(i, j);
            n += 1;
            sa += a, sb += b, saa += a * a, sbb += b * b, sab += a * b;
            diff += std::abs(a - b);
        }
    FillAgreement out;
    if (n < 1)
        return out;
    const double va = saa - sa * sa / n, vb = sbb - sb * sb / n, cov = sab - sa * sb / n;
    // A flat fill tells nothing (solid padding is ContentRegionDetector's to find).
    out.correlation = va > 1e-3 && vb > 1e-3 ? cov / std::sqrt(va * vb) : 0.0;
    out.difference = diff / n;
    return out;
}

// The picture blurred and scaled about its centre by 1 / share along the band (the fill of an app that
// scales the picture to cover the square), in the square's thumbnail pixels.
cv::Mat covering(const cv::Mat& blurred, const PaddedFit& f)
{
    const double share = 1 - 2 * f.padding, c = kSide / 2.0 - 0.5;
    const cv::Matx23d toPicture
        = f.wide ? cv::Matx23d(share, 0, c * (1 - share), 0, 1, 0) : cv::Matx23d(1, 0, 0, 0, share, c * (1 - share));
    cv::Mat out;
    cv::warpAffine(
        blurred, out, toPicture, blurred.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    return out;
}

} // namespace

PaddedFit PaddingMatcher::fit(const QByteArray& pictureGray, double pictureAspect, const QByteArray& squareGray,
    double squareAspect, double minPadding, double fillFrom)
{
    PaddedFit f;
    if (pictureAspect <= 0 || squareAspect <= 0 || !ThumbAligner::isValid(pictureGray)
        || !ThumbAligner::isValid(squareGray))
        return f;
    f.wide = pictureAspect > squareAspect;
    const double share = f.wide ? squareAspect / pictureAspect : pictureAspect / squareAspect;
    f.padding = (1 - share) / 2;
    if (f.padding < minPadding)
        return f;
    const cv::Matx33d band = f.wide ? cv::Matx33d(1, 0, 0, 0, share, f.padding, 0, 0, 1)
                                    : cv::Matx33d(share, 0, f.padding, 0, 1, 0, 0, 0, 1);
    f.correlation = ThumbAligner::correlationAt(pictureGray, squareGray, band);
    if (f.correlation < fillFrom)
        return f;
    cv::Mat blurred;
    cv::GaussianBlur(toFloat(pictureGray), blurred, cv::Size(), kFillBlur);
    const cv::Mat square = toFloat(squareGray);
    // The thumbnails are squeezed to squares, so a fill stretched to the square is the blurred picture
    // as it is; one scaled to cover the square is that, widened along the band.
    const FillAgreement stretched = fillAgreement(blurred, square, f);
    const FillAgreement covered = fillAgreement(covering(blurred, f), square, f);
    const FillAgreement& best = stretched.correlation >= covered.correlation ? stretched : covered;
    f.fillCorrelation = best.correlation;
    f.fillDifference = best.difference;
    return f;
}

PaddingMatcher::Found PaddingMatcher::find(
    const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r, bool eitherSquare)
{
    // The other photo's whole picture, and the picture inside its frame when one was found (which may
    // also be a plain part of the picture taken for a border).
    for (const int choice : { 0, 1, 2, 3 }) {
        const bool firstIsSquare = choice >= 2, inner = choice % 2 == 1;
        const PhotoSignals& square = firstIsSquare ? a : b;
        const PhotoSignals& other = firstIsSquare ? b : a;
        if ((firstIsSquare && !eitherSquare) || square.hasInner || square.width <= 0
            || std::abs(square.aspect() - 1.0) > r.sameShapeTolerance || (inner && !other.hasInner))
            continue;
        const PaddedFit f = fit(inner ? other.innerGray : other.gray, inner ? other.innerAspect() : other.aspect(),
            square.gray, square.aspect(), r.paddedMinPadding, r.paddedNear);
        if (f.correlation >= r.paddedNear && f.fillCorrelation >= r.paddedFillAlike
            && f.fillDifference <= r.paddedFillDifference)
            return { f, firstIsSquare };
    }
    return {};
}

SignalVerdict PaddingMatcher::verdict(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    SignalVerdict out;
    out.signal = QStringLiteral("region");
    const Found found = find(a, b, r, true);
    const PaddedFit& f = found.fit;
    if (f.correlation < -1)
        return out;
    out.verdict = Verdict::Near;
    out.value = f.correlation;
    out.padded = out.searched = true;
    out.reason = QStringLiteral("the picture inside the %1 square's blurred padding: correlation %2 (the "
                                "padding %3% a side, its fill the picture blurred, %4)")
                     .arg(found.firstIsSquare ? QStringLiteral("first") : QStringLiteral("second"))
                     .arg(f.correlation, 0, 'f', 3)
                     .arg(qRound(f.padding * 100))
                     .arg(f.fillCorrelation, 0, 'f', 2);
    return out;
}

ContentRegion PaddingMatcher::band(const PhotoSignals& square, const PhotoSignals& other, const DuplicateRules& r)
{
    const PaddedFit f = find(other, square, r, false).fit;
    ContentRegion out;
    if (f.correlation < -1)
        return out;
    (f.wide ? out.top : out.left) = f.padding;
    (f.wide ? out.bottom : out.right) = f.padding;
    return out;
}

} // namespace shoebox
