#include "image/contentregion.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace shoebox {

namespace {

constexpr int kLongSide = 256; // the scan's own thumbnail size: no extra resize during a scan
// Sum of the three channel differences that still counts as "the border's colour" (JPEG ringing and
// a faint vignette on a mat stay below it; a picture's edge does not).
constexpr int kTolerance = 30;
// A line belongs to a border when this share of it has the border's colour: a status bar's clock and
// icons, or a navigation bar's buttons, cover much less of a line than that.
constexpr double kBorderLine = 0.7;
constexpr double kOuterLine = 0.9; // the outermost line itself must be nearly all one colour
constexpr int kGapLines = 3; // lines of chrome (a status bar's text) a border may hold
constexpr double kMaxCut = 0.45; // of the picture per side: a landscape photo on a portrait screen
constexpr double kMinCut = 0.02; // thinner is a hairline or a JPEG edge, not a frame
constexpr double kMaxNested = 0.015; // inside a frame: a line, as around a mat's window
// A border drawn by software (a phone's chrome) is flat to the JPEG's noise; a picture's first line,
// however dark, steps this far from it (sums of the three channel differences).
constexpr int kFlatTolerance = 9;
constexpr double kEdgeStep = 12;
// The picture past a frame's edge spans this share of the border's width (a sticker does not).
constexpr double kEdgeSpan = 0.6;
constexpr double kStraightEdge = 0.8; // of a line past a frame's edge holds picture, at least once
// A "picture" smaller than this (share of the area) is a logo on a plain ground; a panorama on a phone's
// screen is a thin strip (a 3:1 photo fills a sixth of the screen's height) but spans its width.
constexpr double kMinInnerArea = 0.04;
// ... and no side of it thinner than this: borders cut as deep as kMaxCut on two opposite sides leave a
// tenth (a logo's plain ground), a 3.8:1 panorama on a 19.5:9 screen leaves more.
constexpr double kMinInnerSide = 0.12;
// An inside thinner than this on a side must have a photo's shape, at most kMaxThinAspect:1 in pixels: a
// blurred square around flat art, whose fill merges with the art's own smooth bands, leaves a 7:1 sliver.
constexpr double kThinSide = 0.2;
constexpr double kMaxThinAspect = 4.0;
// Blurred padding is the Instagram square's: it leaves at least this share of each side (deeper "padding"
// inside a solid frame is the picture's own smooth parts, a motion-blurred photo on a phone's screen).
constexpr double kMinPaddedSide = 0.2;
// Blurred padding: a band this smooth (mean curvature along its lines, grey levels) on two opposite
// sides.
constexpr double kSmooth = 0.8;
constexpr double kBandStep = 3.0; // mean grey step from one line of a band to the next
constexpr double kPaddingEdge = 2.0; // ... and across the edge between band and picture, at least
constexpr double kBusier = 1.3; // the picture's mean curvature against the bands'
// ... when one band's edge was not seen: a smooth square picture (a colour wheel) has bands of its own
// (its busiest copies in the tuning set reach 2.5).
constexpr double kBusierInferred = 3.0;
constexpr double kMinPadding = 0.04;
// A band whose far edge was not seen is taken as padding only this deep (a picture wider than 1.2:1).
constexpr double kMinInferredPadding = 0.08;

int distance(const cv::Vec3b& a, const cv::Vec3b& b)
{
    return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
}

cv::Vec3b medianColour(const cv::Vec3b* line, int n)
{
    cv::Vec3b out;
    std::vector<uchar> v(static_cast<size_t>(n));
    for (int c = 0; c < 3; ++c) {
        for (int i = 0; i < n; ++i)
            v[size_t(i)] = line[i][c];
        std::nth_element(v.begin(), v.begin() + n / 2, v.end());
        out[c] = v[size_t(n / 2)];
    }
    return out;
}

// Rows [r0, r1) x columns [c0, c1) of a BGR picture; borders are looked for on rows only (the
// left and right sides are the top and bottom of the transposed picture).
struct Box {
    int r0, r1, c0, c1;
};

// The lines of one side of box, from the outside in, against the colour of the outermost one.
class BorderScan {
public:
    BorderScan(const cv::Mat& img, const Box& box, bool fromEnd)
        : m_img(img)
        , m_box(box)
        , m_fromEnd(fromEnd)
        , m_lines(box.r1 - box.r0)
        , m_width(box.c1 - box.c0)
    {
        if (usable())
            m_ref = medianColour(line(0), m_width);
    }

    int lines() const { return m_lines; }
    int width() const { return m_width; }
    bool usable() const { return m_lines >= 8 && m_width >= 8; }
    const cv::Vec3b& reference() const { return m_ref; } // the outermost line's median colour

    // Pixels of line d within (or, !within, beyond) tolerance of the border's colour.
    int count(int d, int tolerance, bool within) const
    {
        const cv::Vec3b* p = line(d);
        int k = 0;
        for (int i = 0; i < m_width; ++i)
            k += (distance(p[i], m_ref) <= tolerance) == within;
        return k;
    }

    // How wide the pixels of line d beyond tolerance of the border's colour lie: from the 10th to the
    // 90th percentile of their positions (a few stray bright pixels do not widen it).
    int span(int d, int tolerance) const
    {
        const int n = count(d, tolerance, false), skip = n / 10;
        if (n == 0)
            return 0;
        const cv::Vec3b* p = line(d);
        int seen = 0, first = 0, last = 0;
        for (int i = 0; i < m_width; ++i)
            if (distance(p[i], m_ref) > tolerance) {
                first = seen == skip ? i : first;
                last = seen == n - 1 - skip ? i : last;
                ++seen;
            }
        return last - first + 1;
    }

    // Mean distance of line d from the border's colour.
    double meanDistance(int d) const
    {
        const cv::Vec3b* p = line(d);
        long sum = 0;
        for (int i = 0; i < m_width; ++i)
            sum += distance(p[i], m_ref);
        return double(sum) / m_width;
    }

    // How many lines, up to limit, mostly hold the border's colour (a few lines of chrome allowed).
    int depth(int tolerance, int limit) const
    {
        int depth = 0, misses = 0;
        for (int d = 0; d < std::min(m_lines, limit); ++d) {
            if (count(d, tolerance, true) >= kBorderLine * m_width) {
                depth = d + 1;
                misses = 0;
            } else if (++misses > kGapLines) {
                break;
            }
        }
        return depth;
    }

private:
    const cv::Vec3b* line(int d) const
    {
        return m_img.ptr<cv::Vec3b>(m_fromEnd ? m_box.r1 - 1 - d : m_box.r0 + d) + m_box.c0;
    }

    const cv::Mat& m_img;
    Box m_box;
    bool m_fromEnd;
    int m_lines, m_width;
    cv::Vec3b m_ref;
};

// A frame ends at an edge: just past it the lines hold picture, clearly unlike the border, across
// most of the border's width. A sky that slowly drifts away from the colour of its top line has no
// such edge, nor has a dark picture around a bright object (a sticker, a watermark) in its middle.
bool strongEdge(const BorderScan& s, int depth)
{
    const int end = std::min(s.lines(), depth + 3);
    int strong = 0, span = 0;
    for (int d = depth; d < end; ++d)
        strong = std::max(strong, s.count(d, 3 * kTolerance, false));
    for (int d = depth; d < end && strong >= 0.3 * s.width(); ++d)
        span = std::max(span, s.span(d, 3 * kTolerance));
    return strong >= 0.3 * s.width() && span >= kEdgeSpan * s.width();
}

// A dark picture on a phone's black chrome has no strong edge, but the chrome is flat to the JPEG's
// noise and the picture steps away from it at once: the two lines after the first past the flat ones
// lie kEdgeStep further from the border's colour than the last flat line but one (the lines either
// side of the edge may blend the two).
bool steppedEdge(const BorderScan& s, int depth)
{
    if (depth < 2 || depth + 3 > s.lines())
        return false;
    const double after = std::min(s.meanDistance(depth + 1), s.meanDistance(depth + 2));
    return after - s.meanDistance(depth - 2) >= kEdgeStep;
}

// How many rows from the top (or bottom) of box are a uniform border; 0 when there is none.
int borderDepth(const cv::Mat& img, const Box& box, bool fromEnd, int fullRows, bool nested)
{
    const BorderScan scan(img, box, fromEnd);
    if (!scan.usable() || scan.count(0, kTolerance, true) < kOuterLine * scan.width())
        return 0;
    const int limit = int(fullRows * kMaxCut);
    // Inside a frame already found, a hairline (the dark line inside a mat) is part of the frame; a
    // deeper flat band there is an edge of the picture itself (an overcast sky), not a second frame.
    const auto plausible = [&](int depth) {
        return depth >= (nested ? 1.0 : std::max(2.0, kMinCut * fullRows)) && depth < scan.lines() - 2
            && !(nested && depth > kMaxNested * fullRows);
    };
    const int depth = scan.depth(kTolerance, limit);
    if (plausible(depth) && strongEdge(scan, depth))
        return depth;
    const int flat = scan.depth(kFlatTolerance, limit);
    return plausible(flat) && steppedEdge(scan, flat) ? flat : 0;
}

// Per row of a grey picture: the mean curvature along it (second difference between horizontal
// neighbours: near zero on a blurred fill however steep its colours, high on a sharp picture), and
// the mean step between the row and the next.
void rowSteps(const cv::Mat& gray, std::vector<double>& along, std::vector<double>& across)
{
    along.assign(size_t(gray.rows), 0);
    across.assign(size_t(gray.rows), 0);
    for (int y = 0; y < gray.rows; ++y) {
        const uchar* g = gray.ptr<uchar>(y);
        int sum = 0;
        for (int x = 1; x + 1 < gray.cols; ++x)
            sum += std::abs(g[x + 1] - 2 * g[x] + g[x - 1]);
        along[size_t(y)] = double(sum) / std::max(1, gray.cols - 2);
        if (y + 1 < gray.rows) {
            const uchar* h = gray.ptr<uchar>(y + 1);
            int s = 0;
            for (int x = 0; x < gray.cols; ++x)
                s += std::abs(h[x] - g[x]);
            across[size_t(y)] = double(s) / gray.cols;
        }
    }
}

// Padding made from a blurred copy of the picture, above and below it (rows of gray): two smooth
// bands of about the same depth, each ending at a visible edge, around a busier picture. On a square
// (padding to a square is the usual style) a picture that ends on one side in a smooth stretch of its
// own (a night sky's black foot) has no edge there: that band runs deeper, and is taken as deep as the
// other (inferred). Returns the depths (0, 0 when there is no such padding).
struct Padding {
    int top = 0, bottom = 0;
    bool inferred = false;
};

Padding blurredPadding(const cv::Mat& gray, bool square)
{
    const int n = gray.rows;
    if (n < 16 || gray.cols < 16)
        return {};
    std::vector<double> along, across;
    rowSteps(gray, along, across);
    auto band = [&](bool fromEnd) {
        int d = 0;
        while (d < n / 2) {
            const int y = fromEnd ? n - 1 - d : d;
            if (along[size_t(y)] > kSmooth)
                break;
            ++d;
            // The step from this line to the next one inward: a band ends at an edge.
            if ((fromEnd ? across[size_t(std::max(0, y - 1))] : across[size_t(y)]) > kBandStep)
                break;
        }
        return d;
    };
    // The edges between bands and picture.
    const auto edgeTop
        = [&](int top) { return std::max(across[size_t(top - 1)], across[size_t(std::max(0, top - 2))]); };
    const auto edgeBottom
        = [&](int bottom) { return std::max(across[size_t(n - bottom - 1)], across[size_t(n - bottom)]); };
    Padding p { band(false), band(true) };
    const int minDepth = std::max(3, int(kMinPadding * n)), slack = int(0.02 * n + 2);
    if (p.top < minDepth || p.bottom < minDepth || p.top + p.bottom > 0.8 * n)
        return {};
    const bool inferable = square && std::min(p.top, p.bottom) >= kMinInferredPadding * n;
    if (inferable && p.bottom > p.top + slack && edgeTop(p.top) >= kPaddingEdge) {
        p.bottom = p.top;
        p.inferred = true;
    } else if (inferable && p.top > p.bottom + slack && edgeBottom(p.bottom) >= kPaddingEdge) {
        p.top = p.bottom;
        p.inferred = true;
    }
    if (std::abs(p.top - p.bottom) > slack)
        return {};
    double inner = 0, bands = 0;
    for (int y = 0; y < n; ++y)
        (y < p.top || y >= n - p.bottom ? bands : inner) += along[size_t(y)];
    inner /= n - p.top - p.bottom;
    bands /= p.top + p.bottom;
    if (inner < (p.inferred ? kBusierInferred : kBusier) * bands)
        return {}; // the picture is as smooth as the bands: no evidence of padding
    // Both bands end at an edge (an inferred band's was not seen: its opposite's was checked).
    if (!p.inferred && (edgeTop(p.top) < kPaddingEdge || edgeBottom(p.bottom) < kPaddingEdge))
        return {};
    return p;
}

// The far side of a frame whose picture ends, on that side, in the frame's own colour (a night sky's
// black foot on a phone's black chrome, a dark corner in a black border): no edge is there to find,
// but the frame's colour runs at least as deep as the near side's frame, from an outermost line of
// the same colour. Frames, bars and chrome lie evenly about the picture, so the far side is taken
// as deep as the near one; 0 when the far side does not run that deep in that colour.
int mergedDepth(const cv::Mat& img, const Box& box, bool fromEnd, int fullRows, int nearDepth)
{
    if (nearDepth <= 0)
        return 0;
    const BorderScan far(img, box, fromEnd), near(img, box, !fromEnd);
    if (!far.usable() || far.count(0, kTolerance, true) < kOuterLine * far.width()
        || distance(far.reference(), near.reference()) > kTolerance)
        return 0;
    const int limit = int(fullRows * kMaxCut);
    return near.depth(kFlatTolerance, limit) >= nearDepth && far.depth(kFlatTolerance, limit) >= nearDepth ? nearDepth
                                                                                                           : 0;
}

// Two frames of one colour on opposite sides, one at least twice as deep as the other and ending in a
// ragged edge (a straight line of picture does not follow it): the deep side ran on into a part of the
// picture in the frame's colour (a white cloud against a white border), and is taken as deep as its
// opposite. A frame deeper on one side by design (a Polaroid's foot) ends in a straight edge.
bool ranIntoPicture(const cv::Mat& img, const Box& box, bool fromEnd, int depth, int oppositeDepth)
{
    if (oppositeDepth <= 0 || depth < 2 * oppositeDepth)
        return false;
    const BorderScan deep(img, box, fromEnd), shallow(img, box, !fromEnd);
    if (distance(deep.reference(), shallow.reference()) > kTolerance)
        return false;
    int picture = 0;
    for (int d = depth; d < std::min(deep.lines(), depth + 3); ++d)
        picture = std::max(picture, deep.count(d, kTolerance, false));
    return picture < kStraightEdge * deep.width();
}

// Strips uniform borders, repeatedly (a mat inside a frame, a status bar above a black bar); true
// when a side's depth was inferred from its opposite (mergedDepth).
bool stripBorders(const cv::Mat& img, const cv::Mat& transposed, Box& box)
{
    bool inferred = false;
    for (int pass = 0; pass < 4; ++pass) {
        const Box t { box.c0, box.c1, box.r0, box.r1 };
        const bool nested = pass > 0;
        int top = borderDepth(img, box, false, img.rows, nested);
        int bottom = borderDepth(img, box, true, img.rows, nested);
        int left = borderDepth(transposed, t, false, img.cols, nested);
        int right = borderDepth(transposed, t, true, img.cols, nested);
        if (!nested) {
            const int found = (top > 0) + (bottom > 0) + (left > 0) + (right > 0);
            top = top ? top : mergedDepth(img, box, false, img.rows, bottom);
            bottom = bottom ? bottom : mergedDepth(img, box, true, img.rows, top);
            left = left ? left : mergedDepth(transposed, t, false, img.cols, right);
            right = right ? right : mergedDepth(transposed, t, true, img.cols, left);
            inferred = (top > 0) + (bottom > 0) + (left > 0) + (right > 0) > found;
            const auto cutBack = [&](const cv::Mat& m, const Box& b, int& near, int& far) {
                if (ranIntoPicture(m, b, false, near, far) || ranIntoPicture(m, b, true, far, near)) {
                    near = far = std::min(near, far);
                    inferred = true;
                }
            };
            cutBack(img, box, top, bottom);
            cutBack(transposed, t, left, right);
        }
        if (top + bottom + left + right == 0)
            return inferred;
        box = { box.r0 + top, box.r1 - bottom, box.c0 + left, box.c1 - right };
        if (box.r1 - box.r0 < 8 || box.c1 - box.c0 < 8)
            return inferred;
    }
    return inferred;
}

constexpr uint16_t kInferredBit = 0x8000;

uint16_t toUnit(double v)
{
    return uint16_t(std::clamp(v, 0.0, 1.0) * 65535 + 0.5);
}

} // namespace

cv::Rect ContentRegion::in(int width, int height) const
{
    const int x0 = std::clamp(int(left * width + 0.5), 0, std::max(0, width - 1));
    const int y0 = std::clamp(int(top * height + 0.5), 0, std::max(0, height - 1));
    const int x1 = std::clamp(int((1 - right) * width + 0.5), x0 + 1, std::max(x0 + 1, width));
    const int y1 = std::clamp(int((1 - bottom) * height + 0.5), y0 + 1, std::max(y0 + 1, height));
    return cv::Rect(x0, y0, x1 - x0, y1 - y0);
}

bool ContentRegion::alike(const ContentRegion& o, double tolerance) const
{
    return std::abs(left - o.left) <= tolerance && std::abs(top - o.top) <= tolerance
        && std::abs(right - o.right) <= tolerance && std::abs(bottom - o.bottom) <= tolerance;
}

bool ContentRegion::fits(const cv::Rect2d& w, double tolerance) const
{
    const ContentRegion window { w.x, w.y, 1 - w.x - w.width, 1 - w.y - w.height };
    return !isWhole() && alike(window, tolerance);
}

QString ContentRegion::describe() const
{
    return QStringLiteral("frame %1%/%2%/%3%/%4% (left/top/right/bottom%5)")
        .arg(qRound(left * 100))
        .arg(qRound(top * 100))
        .arg(qRound(right * 100))
        .arg(qRound(bottom * 100))
        .arg(inferred ? QStringLiteral("; one side inferred from its opposite") : QString());
}

ContentRegion ContentRegionDetector::detect(const cv::Mat& uprightBgr)
{
    ContentRegion out;
    if (uprightBgr.empty() || uprightBgr.type() != CV_8UC3)
        return out;
    cv::Mat img = uprightBgr;
    const double s = double(kLongSide) / std::max(img.cols, img.rows);
    if (s < 1.0)
        cv::resize(uprightBgr, img, cv::Size(), s, s, cv::INTER_AREA);
    cv::Mat transposed;
    cv::transpose(img, transposed);
    Box box { 0, img.rows, 0, img.cols };
    bool inferred = stripBorders(img, transposed, box);
    // Blurred padding lies inside whatever solid frame there was.
    cv::Mat gray;
    cv::cvtColor(img(cv::Rect(box.c0, box.r0, box.c1 - box.c0, box.r1 - box.r0)), gray, cv::COLOR_BGR2GRAY);
    const bool square = std::abs(img.cols - img.rows) <= 0.01 * img.cols + 1;
    const Padding across = blurredPadding(gray, square), along = blurredPadding(gray.t(), square); // rows, columns
    const double w = img.cols, h = img.rows;
    const auto thinnest = [&](const Box& b) { return std::min((b.c1 - b.c0) / w, (b.r1 - b.r0) / h); };
    const auto tooSmall = [&](const Box& b) {
        const double cols = b.c1 - b.c0, rows = b.r1 - b.r0;
        const double shape = std::max(cols, rows) / std::max(1.0, std::min(cols, rows)); // in pixels
        return cols * rows < kMinInnerArea * w * h || thinnest(b) < kMinInnerSide
            || (thinnest(b) < kThinSide && shape > kMaxThinAspect);
    };
    if (const Box padded { box.r0 + across.top, box.r1 - across.bottom, box.c0 + along.top, box.c1 - along.bottom };
        !tooSmall(padded) && thinnest(padded) >= kMinPaddedSide) {
        box = padded;
        inferred = inferred || across.inferred || along.inferred;
    }
    if (tooSmall(box))
        return out;
    // Frames, bars, padding and screen chrome all sit on two opposite sides at least; a flat strip
    // along one side only is a wall or a sky in the picture.
    const double minRows = std::max(2.0, kMinCut * h), minCols = std::max(2.0, kMinCut * w);
    const bool rows = box.r0 >= minRows && h - box.r1 >= minRows;
    const bool cols = box.c0 >= minCols && w - box.c1 >= minCols;
    if (!rows && !cols)
        return out;
    out.left = box.c0 / w;
    out.top = box.r0 / h;
    out.right = (w - box.c1) / w;
    out.bottom = (h - box.r1) / h;
    out.inferred = inferred;
    return out;
}

QByteArray ContentRegionDetector::encode(const ContentRegion& region, const QByteArray& phash, const QByteArray& gray)
{
    QByteArray out(8, 0);
    const uint16_t v[4] = { uint16_t(toUnit(std::min(region.left, 0.4999)) | (region.inferred ? kInferredBit : 0)),
        toUnit(region.top), toUnit(region.right), toUnit(region.bottom) };
    for (int i = 0; i < 4; ++i) {
        out[2 * i] = char(v[i] & 0xff);
        out[2 * i + 1] = char(v[i] >> 8);
    }
    if (!region.isWhole() && phash.size() == 8 && !gray.isEmpty())
        out += phash + gray;
    return out;
}

RegionSignals ContentRegionDetector::decode(const QByteArray& bytes)
{
    RegionSignals out;
    if (bytes.size() < 8)
        return out;
    double v[4];
    bool inferred = false;
    for (int i = 0; i < 4; ++i) {
        int u = uchar(bytes[2 * i]) | (uchar(bytes[2 * i + 1]) << 8);
        if (i == 0) {
            inferred = u & kInferredBit;
            u &= ~kInferredBit;
        }
        v[i] = u / 65535.0;
    }
    if (v[0] + v[2] >= 1 || v[1] + v[3] >= 1)
        return out;
    out.region = { v[0], v[1], v[2], v[3], inferred };
    if (bytes.size() > 16 && !out.region.isWhole()) {
        out.hasInner = true;
        std::memcpy(&out.phash, bytes.constData() + 8, 8);
        out.gray = bytes.mid(16);
    }
    return out;
}

} // namespace shoebox
