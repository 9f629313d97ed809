#pragma once
// Verifies that two photos show the same picture by aligning their tiny grey thumbnails (the "gray"
// signal): it searches crops of up to about 12% per side and rotations of up to 6 degrees of either
// photo and reports the best normalised correlation after removing each image's smooth brightness
// surface (a quadratic fit),
// so brightness, contrast, gradients and small crops do not matter but a different picture does.
// Pure functions, any thread.

#include <QByteArray>
#include <QString>

#include <opencv2/core/matx.hpp>
#include <opencv2/core/types.hpp>

#include <vector>

namespace shoebox {

struct Alignment {
    double correlation = -1.0; // -1..1; 1 is the same picture
    double wholeCorrelation = -1.0; // the same without any crop or rotation
    double cropLeft = 0, cropTop = 0, cropRight = 0, cropBottom = 0; // fractions, on the cropped side
    double degrees = 0; // rotation that aligns them
    bool firstIsCropped = false; // the window was taken from the second photo (the first is the crop)
    // One side cut deeper than the crops above (a fifth off the top), the other three whole: the best
    // such window at the depth the two shapes dictate, of either picture.
    double cutCorrelation = -2; // -2 when the shapes differ by no such cut
    double cutDepth = 0; // fraction of the side cut off
    int cutSide = -1; // 0 left, 1 top, 2 right, 3 bottom of the cut picture
    bool firstIsCut = false; // the first photo is the cut one (the window lies on the second)
    // At the best alignment (ThumbAligner::measureEdgeBands), with the band along one edge (3/16 of
    // the side) left out and the surface removed over the rest: the lowest correlation of the four
    // edges, that edge (0 left, 1 top, 2 right, 3 bottom) and the RMS grey levels the rest holds (the
    // flatter photo's). Two screenshots of one app window alike only in its title bar fall apart here.
    double edgeBandCorrelation = 1;
    int edgeBandSide = -1;
    double edgeBandDetail = 0;
    QString describe() const; // "crop 5%/0%/10%/0%, rotated 2.5 degrees" or "whole picture"
    QString describeCut() const; // "20% cut off the top of the second"
    QString describeEdgeBand() const; // "alike only with the top edge (0.305 without it)"
};

// A correlation over part of two thumbnails, and how much picture that part holds.
struct MaskedCorrelation {
    double correlation = -2; // -1..1; -2 when too little was compared
    double detail = 0; // RMS grey levels there after removing the smooth surface, the flatter picture's
};

class ThumbAligner {
public:
    // aspect: width / height of each photo (the thumbnails are squeezed to squares).
    static Alignment align(const QByteArray& grayA, double aspectA, const QByteArray& grayB, double aspectB,
        double maxCut = 0.27, double stopAt = 0.985);
    // Fills al's edgeBand* fields at its alignment (the search leaves them at 1 and -1).
    static void measureEdgeBands(
        const QByteArray& grayA, double aspectA, const QByteArray& grayB, double aspectB, Alignment& al);
    // Correlation of the inner picture with the window of the outer one that a known transform (from
    // keypoints) says it shows; innerToOuter maps [0,1]^2 of the inner frame into the outer's
    // (homogeneous coordinates: a perspective fit bends the window).
    static double correlationAt(
        const QByteArray& innerGray, const QByteArray& outerGray, const cv::Matx33d& innerToOuter);
    // The same, of grey levels as they are, beyond a box of the inner picture ([0,1]^2 of its frame)
    // grown by margin on every side: the picture around the one patch where keypoints agree.
    static MaskedCorrelation correlationAround(const QByteArray& innerGray, const QByteArray& outerGray,
        const cv::Matx33d& innerToOuter, const cv::Rect2d& box, double margin);
    // Standard deviation (grey levels) left after removing the smooth brightness surface: how much picture
    // there is to compare. Plain skies and dark frames score a few levels at most.
    static double detail(const QByteArray& gray);
    // Correlation of each pixel with its right and lower neighbours: near 1 for a picture the thumbnail
    // resolves, near 0 for a texture finer than its pixels (bricks, gravel), which it only aliases.
    static double neighbourCorrelation(const QByteArray& gray);
    // A 64-dimensional L2-normalised float descriptor (8x8, plane removed) for nearest-neighbour
    // candidate search; empty when gray is not a valid thumbnail.
    static std::vector<float> descriptor(const QByteArray& gray);
    static bool isValid(const QByteArray& gray);
};

} // namespace shoebox
