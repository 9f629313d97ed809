#include "duplicates/keypointmatcher.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace shoebox {

namespace {

constexpr char kVersion = 1;
constexpr int kDescBytes = 32;
constexpr int kHeader = 7; // version, width, height, count (uint16 little-endian)
constexpr int kRecord = 4 + kDescBytes; // x, y in 1/16 px (uint16), descriptor
constexpr int kGrid = 4; // keypoints are spread over a kGrid x kGrid grid, and coverage counted on it
// A crop/rotation fit this close (px at kLongSide) with most matches explained needs no perspective fit.
constexpr double kPerspectiveTry = 0.35;
// A perspective fit that bends the picture more than this (keystone or stretch) is noise, not an edit.
constexpr double kPerspectiveSane = 0.4;

void putU16(QByteArray& out, int v)
{
    out.append(char(v & 0xff));
    out.append(char((v >> 8) & 0xff));
}

int getU16(const char* p)
{
    return int(static_cast<unsigned char>(p[0])) | (int(static_cast<unsigned char>(p[1])) << 8);
}

cv::Mat smallGray(const cv::Mat& image)
{
    cv::Mat gray;
    if (image.channels() == 3)
        cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
    else
        gray = image;
    const double scale = double(KeypointMatcher::kLongSide) / std::max(gray.cols, gray.rows);
    if (scale < 1.0) {
        cv::Mat small;
        cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
        return small;
    }
    return gray;
}

int cellOf(const cv::Point2f& p, int width, int height)
{
    const int cx = std::clamp(int(p.x * kGrid / std::max(1, width)), 0, kGrid - 1);
    const int cy = std::clamp(int(p.y * kGrid / std::max(1, height)), 0, kGrid - 1);
    return cy * kGrid + cx;
}

// The strongest keypoints, but spread: an equal share per grid cell first, so one busy corner
// (a stamp, a logo) cannot take every slot, then the strongest of the rest.
std::vector<int> spreadSelection(const std::vector<cv::KeyPoint>& kps, int width, int height)
{
    std::vector<int> order(kps.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return kps[a].response > kps[b].response; });
    const int perCell = KeypointMatcher::kMaxPoints / (kGrid * kGrid);
    std::array<int, kGrid * kGrid> taken {};
    std::vector<int> chosen, rest;
    for (int i : order) {
        int& t = taken[size_t(cellOf(kps[i].pt, width, height))];
        if (t < perCell) {
            ++t;
            chosen.push_back(i);
        } else {
            rest.push_back(i);
        }
    }
    for (int i : rest)
        if (int(chosen.size()) < KeypointMatcher::kMaxPoints)
            chosen.push_back(i);
    return chosen;
}

std::vector<cv::DMatch> mutualMatches(const KeypointSet& a, const KeypointSet& b)
{
    cv::BFMatcher matcher(cv::NORM_HAMMING);
    std::vector<std::vector<cv::DMatch>> ab;
    std::vector<cv::DMatch> ba;
    matcher.knnMatch(a.descriptors, b.descriptors, ab, 2);
    matcher.match(b.descriptors, a.descriptors, ba);
    std::vector<cv::DMatch> out;
    for (const auto& m : ab) {
        if (m.empty())
            continue;
        // Lowe's ratio test: a match that is barely better than the second best is a repeated
        // pattern (bricks, windows), not evidence.
        if (m.size() > 1 && m[0].distance > 0.85f * m[1].distance)
            continue;
        if (m[0].distance > 80 || ba[size_t(m[0].trainIdx)].trainIdx != m[0].queryIdx)
            continue;
        out.push_back(m[0]);
    }
    return out;
}

// Where the corners of the inner picture land in the outer one (t: 3x3, inner -> outer): the cut per
// side, the overflow, and for a perspective fit the keystone and the stretch.
void frameFit(const cv::Mat& t, int innerW, int innerH, int outerW, int outerH, KeypointMatch& out)
{
    std::vector<cv::Point2f> corners
        = { { 0, 0 }, { float(innerW), 0 }, { float(innerW), float(innerH) }, { 0, float(innerH) } },
        mapped;
    cv::perspectiveTransform(corners, mapped, t);
    float x0 = mapped[0].x, x1 = x0, y0 = mapped[0].y, y1 = y0;
    for (const auto& p : mapped) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    const double w = outerW, h = outerH;
    out.window = cv::Rect2d(x0 / w, y0 / h, (x1 - x0) / w, (y1 - y0) / h);
    double cuts[4]
        = { std::max(0.0, x0 / w), std::max(0.0, (w - x1) / w), std::max(0.0, y0 / h), std::max(0.0, (h - y1) / h) };
    std::sort(cuts, cuts + 4);
    out.maxCrop = cuts[3];
    out.otherCrop = cuts[2];
    out.overflow = std::max({ -x0 / w, (x1 - w) / w, -y0 / h, (y1 - h) / h, 0.0 });
    const auto len = [&](int i, int j) { return double(cv::norm(mapped[size_t(i)] - mapped[size_t(j)])); };
    const double top = len(0, 1), bottom = len(3, 2), left = len(0, 3), right = len(1, 2);
    out.keystone = std::max(1.0 - std::min(top, bottom) / std::max({ top, bottom, 1e-9 }),
        1.0 - std::min(left, right) / std::max({ left, right, 1e-9 }));
    const double aspect = (top + bottom) / std::max(left + right, 1e-9);
    out.stretch = std::abs(aspect / (double(innerW) / std::max(innerH, 1)) - 1.0);
}

// The 3x3 transform t (inner -> outer, in pixels) between the pictures' frames normalised to [0,1]^2.
cv::Matx33d normalised(const cv::Mat& t, int innerW, int innerH, int outerW, int outerH)
{
    const cv::Matx33d toInner(innerW, 0, 0, 0, innerH, 0, 0, 0, 1);
    const cv::Matx33d fromOuter(1.0 / std::max(outerW, 1), 0, 0, 0, 1.0 / std::max(outerH, 1), 0, 0, 0, 1);
    cv::Matx33d m = fromOuter * cv::Matx33d(t) * toInner;
    return std::abs(m(2, 2)) > 1e-12 ? m * (1.0 / m(2, 2)) : m;
}

// Median distance of the inliers from where the 3x3 transform t (from -> to) puts them; 99 when none.
double medianResidual(const cv::Mat& t, const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to,
    const std::vector<uchar>& inlier)
{
    std::vector<cv::Point2f> mapped;
    cv::perspectiveTransform(from, mapped, t);
    std::vector<double> residuals;
    for (size_t i = 0; i < from.size(); ++i)
        if (inlier[i])
            residuals.push_back(cv::norm(mapped[i] - to[i]));
    if (residuals.empty())
        return 99;
    std::nth_element(residuals.begin(), residuals.begin() + long(residuals.size() / 2), residuals.end());
    return residuals[residuals.size() / 2];
}

// Which matches the 3x3 transform t (from -> to) puts within tolerance px of their partners.
std::vector<uchar> within(
    const cv::Mat& t, const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to, double tolerance)
{
    std::vector<cv::Point2f> mapped;
    cv::perspectiveTransform(from, mapped, t);
    std::vector<uchar> out(from.size());
    for (size_t i = 0; i < from.size(); ++i)
        out[i] = cv::norm(mapped[i] - to[i]) <= tolerance ? 1 : 0;
    return out;
}

int count(const std::vector<uchar>& flags)
{
    return int(std::count(flags.begin(), flags.end(), uchar(1)));
}

cv::Mat toHomography(const cv::Mat& affine)
{
    cv::Mat h = cv::Mat::eye(3, 3, CV_64F);
    affine.copyTo(h.rowRange(0, 2));
    return h;
}

// The area of the quadrilateral a width x height picture becomes under the 3x3 transform t.
double mappedArea(const cv::Mat& t, int width, int height)
{
    std::vector<cv::Point2f> corners
        = { { 0, 0 }, { float(width), 0 }, { float(width), float(height) }, { 0, float(height) } },
        mapped;
    cv::perspectiveTransform(corners, mapped, t);
    return std::abs(cv::contourArea(mapped));
}

// The bounding box of the inliers among points (whole pixels, as cv::boundingRect rounds it), in
// [0,1]^2 of a width x height picture.
cv::Rect2d inlierBox(const std::vector<cv::Point2f>& points, const std::vector<uchar>& inlier, int width, int height)
{
    std::vector<cv::Point2f> kept;
    for (size_t i = 0; i < points.size(); ++i)
        if (inlier[i])
            kept.push_back(points[i]);
    if (kept.empty() || width <= 0 || height <= 0)
        return {};
    const cv::Rect box = cv::boundingRect(kept);
    return { double(box.x) / width, double(box.y) / height, double(box.width) / width, double(box.height) / height };
}

} // namespace

bool KeypointMatcher::precedes(const KeypointSet& x, const KeypointSet& y)
{
    if (x.width != y.width || x.height != y.height)
        return std::make_pair(x.width, x.height) < std::make_pair(y.width, y.height);
    if (x.points.size() != y.points.size())
        return x.points.size() < y.points.size();
    const size_t bytes = x.descriptors.total() * x.descriptors.elemSize();
    if (bytes == 0 || bytes != y.descriptors.total() * y.descriptors.elemSize())
        return false;
    return std::memcmp(x.descriptors.ptr(), y.descriptors.ptr(), bytes) < 0;
}

QString KeypointMatch::describe() const
{
    if (!fitted)
        return QStringLiteral("%1 keypoint matches, no common crop or rotation").arg(matches);
    if (perspective)
        return QStringLiteral("%1 of %2 keypoint matches fit one perspective (keystone %3%, stretch %4%) to %5 px "
                              "(%6% covered)")
            .arg(inliers)
            .arg(matches)
            .arg(qRound(keystone * 100))
            .arg(qRound(stretch * 100))
            .arg(residual, 0, 'f', 2)
            .arg(qRound(coverage * 100));
    return QStringLiteral("%1 of %2 keypoint matches fit one crop/rotation to %3 px (%4% covered)")
        .arg(inliers)
        .arg(matches)
        .arg(residual, 0, 'f', 2)
        .arg(qRound(coverage * 100));
}

QByteArray KeypointMatcher::compute(const cv::Mat& upright)
{
    if (upright.empty() || upright.depth() != CV_8U)
        return {};
    const cv::Mat gray = smallGray(upright);
    // Small patches and a low corner threshold: at 256 px the pictures are small and may be dim.
    thread_local const cv::Ptr<cv::ORB> orb = cv::ORB::create(600, 1.25f, 4, 19, 0, 2, cv::ORB::HARRIS_SCORE, 19, 8);
    std::vector<cv::KeyPoint> kps;
    orb->detect(gray, kps);
    const std::vector<int> chosen = spreadSelection(kps, gray.cols, gray.rows);
    std::vector<cv::KeyPoint> keep;
    for (int i : chosen)
        keep.push_back(kps[size_t(i)]);
    cv::Mat desc;
    orb->compute(gray, keep, desc);
    QByteArray out;
    out.append(kVersion);
    putU16(out, gray.cols);
    putU16(out, gray.rows);
    putU16(out, int(keep.size()));
    for (size_t i = 0; i < keep.size(); ++i) {
        putU16(out, std::clamp(int(std::lround(keep[i].pt.x * 16)), 0, 65535));
        putU16(out, std::clamp(int(std::lround(keep[i].pt.y * 16)), 0, 65535));
        out.append(reinterpret_cast<const char*>(desc.ptr(int(i))), kDescBytes);
    }
    return out;
}

KeypointSet KeypointMatcher::decode(const QByteArray& bytes)
{
    KeypointSet s;
    if (bytes.size() < kHeader || bytes[0] != kVersion)
        return s;
    const int count = getU16(bytes.constData() + 5);
    if (bytes.size() != kHeader + count * kRecord)
        return s;
    s.width = getU16(bytes.constData() + 1);
    s.height = getU16(bytes.constData() + 3);
    s.descriptors.create(count, kDescBytes, CV_8U);
    s.points.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const char* r = bytes.constData() + kHeader + i * kRecord;
        s.points.emplace_back(getU16(r) / 16.f, getU16(r + 2) / 16.f);
        std::memcpy(s.descriptors.ptr(i), r + 4, kDescBytes);
    }
    return s;
}

KeypointMatch KeypointMatcher::match(const KeypointSet& a, const KeypointSet& b, Model model, const Enough& enough)
{
    // The ratio test and the fit look from one side: take the two in one fixed order so a pair gets
    // the same verdict whichever photo the catalog lists first.
    if (!precedes(b, a))
        return matchOrdered(a, b, model, enough);
    const auto flip = [](KeypointMatch m) {
        m.firstIsInner = !m.firstIsInner;
        std::swap(m.firstBox, m.secondBox);
        return m;
    };
    Enough flipped;
    if (enough)
        flipped = [&](const KeypointMatch& m) { return enough(flip(m)); };
    return flip(matchOrdered(b, a, model, flipped));
}

KeypointMatch KeypointMatcher::matchOrdered(
    const KeypointSet& a, const KeypointSet& b, Model model, const Enough& enough)
{
    KeypointMatch out;
    if (a.points.size() < 8 || b.points.size() < 8)
        return out;
    const std::vector<cv::DMatch> matches = mutualMatches(a, b);
    out.matches = int(matches.size());
    if (matches.size() < 6)
        return out;
    std::vector<cv::Point2f> pa, pb;
    for (const cv::DMatch& m : matches) {
        pa.push_back(a.points[size_t(m.queryIdx)]);
        pb.push_back(b.points[size_t(m.trainIdx)]);
    }
    std::vector<uchar> inlier;
    const cv::Mat t = cv::estimateAffinePartial2D(pb, pa, inlier, cv::RANSAC, 3.0, 2000, 0.995, 10);
    if (t.empty())
        return out;
    describeFit(toHomography(t), a, b, matches, inlier, out);
    // A keystone correction or a stretch leaves a crop/rotation pixels off at the edges: a perspective
    // fit is taken when it explains clearly more matches, or the same ones clearly closer. Not tried
    // when the crop/rotation fit already answers the caller (a copy found needs no better geometry).
    if (model == Model::CropRotation || matches.size() < 12
        || (out.residual <= kPerspectiveTry && out.inlierShare >= 0.8) || (enough && enough(out)))
        return out;
    std::vector<uchar> hInlier;
    cv::Mat h = cv::findHomography(pb, pa, cv::RANSAC, 3.0, hInlier, 2000, 0.995);
    if (h.empty())
        return out;
    // RANSAC keeps the hypothesis of a few points: refit it to all its inliers.
    std::vector<cv::Point2f> ia, ib;
    for (size_t i = 0; i < hInlier.size(); ++i)
        if (hInlier[i]) {
            ia.push_back(pa[i]);
            ib.push_back(pb[i]);
        }
    if (ia.size() >= 8) {
        const cv::Mat refined = cv::findHomography(ib, ia, 0);
        if (!refined.empty())
            h = refined;
    }
    if (std::abs(h.at<double>(2, 2)) < 1e-9)
        return out;
    h /= h.at<double>(2, 2);
    hInlier = within(h, pb, pa, 3.0);
    KeypointMatch p;
    p.matches = out.matches;
    describeFit(h, a, b, matches, hInlier, p);
    p.perspective = true;
    // Compared on the matches each model puts within a pixel: a perspective fit has more freedom, so
    // it must explain clearly more of them.
    const int closeP = count(within(h, pb, pa, 1.0)), closeS = count(within(toHomography(t), pb, pa, 1.0));
    if (p.inliers >= 12 && p.keystone <= kPerspectiveSane && p.stretch <= kPerspectiveSane
        && closeP >= closeS + std::max(3, closeS / 8))
        return p;
    return out;
}

void KeypointMatcher::describeFit(const cv::Mat& h, const KeypointSet& a, const KeypointSet& b,
    const std::vector<cv::DMatch>& matches, const std::vector<uchar>& inlier, KeypointMatch& out)
{
    out.fitted = true;
    std::vector<cv::Point2f> pa, pb;
    for (const cv::DMatch& m : matches) {
        pa.push_back(a.points[size_t(m.queryIdx)]);
        pb.push_back(b.points[size_t(m.trainIdx)]);
    }
    // From the smaller picture into the larger: the smaller one is the crop.
    const double area = mappedArea(h, b.width, b.height);
    const double s = std::sqrt(area / std::max(1.0, double(b.width) * b.height));
    const bool bInner = area <= double(a.width) * a.height;
    const cv::Mat inner2outer = bInner ? h : cv::Mat(h.inv());
    out.scale = bInner ? s : 1.0 / std::max(s, 1e-9);
    const KeypointSet& in = bInner ? b : a;
    const KeypointSet& outer = bInner ? a : b;
    // The turn of the inner picture's horizontal through its centre.
    std::vector<cv::Point2f> axis = { { in.width / 2.f, in.height / 2.f }, { in.width * 0.75f, in.height / 2.f } },
                             axisMapped;
    cv::perspectiveTransform(axis, axisMapped, inner2outer);
    const cv::Point2f dir = axisMapped[1] - axisMapped[0];
    out.degrees = std::atan2(double(dir.y), double(dir.x)) * 180.0 / CV_PI;
    frameFit(inner2outer, in.width, in.height, outer.width, outer.height, out);
    out.firstIsInner = !bInner;
    out.innerToOuter = normalised(inner2outer, in.width, in.height, outer.width, outer.height);
    std::array<bool, kGrid * kGrid> matched {}, explained {};
    double distance = 0;
    out.inliers = 0;
    for (size_t i = 0; i < matches.size(); ++i) {
        const cv::Point2f& p = bInner ? pb[i] : pa[i];
        const int c = cellOf(p, in.width, in.height);
        matched[size_t(c)] = true;
        if (inlier[i]) {
            explained[size_t(c)] = true;
            ++out.inliers;
            distance += matches[i].distance;
        }
    }
    out.firstBox = inlierBox(pa, inlier, a.width, a.height);
    out.secondBox = inlierBox(pb, inlier, b.width, b.height);
    out.inlierArea = (bInner ? out.secondBox : out.firstBox).area();
    // In the larger picture's pixels, whichever side the fit measured in.
    out.residual = medianResidual(h, pb, pa, inlier) * (bInner ? 1.0 : 1.0 / std::max(s, 1e-9));
    out.inlierDistance = out.inliers ? distance / out.inliers : 256.0;
    out.inlierShare = double(out.inliers) / std::max(1, out.matches);
    const auto m = std::count(matched.begin(), matched.end(), true);
    out.coverage = m ? double(std::count(explained.begin(), explained.end(), true)) / m : 0.0;
}

} // namespace shoebox
