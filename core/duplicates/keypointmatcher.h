#pragma once
// Local-feature verification of near duplicates: ORB keypoints of a small grey copy (kind
// "keypoints" in the hashes table) and a RANSAC fit of a similarity transform (shift, rotation,
// uniform scale) between two photos. Where the tiny grey thumbnails cannot see a crop or a rotation
// (fine textures, star fields, gravel) or a big stamp hides part of the picture, the matching
// keypoints still lock onto the one transform that maps one picture into the other (a perspective
// one when that explains the matches clearly better: keystone corrections, stretches); that transform
// then has to be an edit's (one picture lies inside the other, cropped by at most about 10% per side,
// turned by a few degrees) and has to explain the matches all over the picture, which a second shot
// of a scene (parallax) or two overlapping crops do not. Pure functions, any thread.

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/matx.hpp>

#include <functional>
#include <vector>

namespace shoebox {

struct KeypointSet {
    int width = 0, height = 0; // of the grey copy the points are in
    std::vector<cv::Point2f> points;
    cv::Mat descriptors; // CV_8U, one 32-byte ORB descriptor per row
    bool isEmpty() const { return points.empty(); }
};

struct KeypointMatch {
    int matches = 0; // mutual best matches that pass the ratio test
    int inliers = 0; // of those, explained by the fitted transform
    double inlierShare = 0; // inliers / matches
    double coverage = 0; // share of the overlap's 4x4 cells with keypoints that hold an inlier
    double scale = 0, degrees = 0; // the transform from the smaller picture into the larger one
    double maxCrop = 1; // largest cut on any side of the larger picture (0.1 = 10%)
    double otherCrop = 1; // largest cut on the other three sides (a one-sided cut leaves them ~0)
    double overflow = 1; // how far the smaller picture pokes out of the larger one (fraction)
    // The bounding box of where the smaller picture lands in the larger one, in [0,1]^2 of the larger.
    cv::Rect2d window;
    double inlierDistance = 256; // mean Hamming distance of the inliers' descriptors (of 256 bits)
    double residual = 99; // median distance (px at kLongSide) of the inliers from the fitted transform
    // The inliers' bounding box in the smaller picture, as a share of its area: a shared sticker on two
    // different pictures fits in one small box, an edit of one picture spans it.
    double inlierArea = 0;
    // The same boxes in [0,1]^2 of each picture (first as passed to match(), then second).
    cv::Rect2d firstBox, secondBox;
    // A perspective fit (a keystone correction, a stretch) explained the matches clearly better than a
    // crop/rotation: then keystone is how much one edge of the inner picture shrinks against the
    // opposite one, and stretch how much its aspect ratio changes (fractions).
    bool perspective = false;
    double keystone = 0, stretch = 0;
    bool fitted = false; // a transform was found at all
    bool firstIsInner = false; // the first picture is the smaller one (the crop)
    // Maps the inner picture's frame, normalised to [0,1]^2, into the outer one's (projective; affine
    // but for a perspective fit).
    cv::Matx33d innerToOuter = cv::Matx33d::eye();
    QString describe() const; // "41 of 52 keypoint matches fit one crop/rotation"
};

class KeypointMatcher {
public:
    static constexpr int kLongSide = 256; // keypoints are found on a grey copy this long
    static constexpr int kMaxPoints = 128;
    // Keypoints of an upright picture (any size; shrunk to kLongSide), serialised for the hashes table.
    static QByteArray compute(const cv::Mat& uprightBgrOrGray);
    static KeypointSet decode(const QByteArray& bytes);
    enum class Model { CropRotation, AllowPerspective };
    // Says whether a crop/rotation fit already answers the caller (then no perspective fit is tried).
    using Enough = std::function<bool(const KeypointMatch&)>;
    // Symmetric: match(b, a) is match(a, b) with firstIsInner flipped.
    static KeypointMatch match(
        const KeypointSet& a, const KeypointSet& b, Model model = Model::AllowPerspective, const Enough& enough = {});

private:
    static KeypointMatch matchOrdered(const KeypointSet& a, const KeypointSet& b, Model model, const Enough& enough);
    // Fills out from the 3x3 transform h that maps b's points onto a's.
    static void describeFit(const cv::Mat& h, const KeypointSet& a, const KeypointSet& b,
        const std::vector<cv::DMatch>& matches, const std::vector<uchar>& inlier, KeypointMatch& out);
    static bool precedes(const KeypointSet& x, const KeypointSet& y);
};

} // namespace shoebox
