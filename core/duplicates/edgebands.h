#pragma once
// The likeness of two aligned grey thumbnails with the band along one edge left out: two screenshots
// of one app's window can be alike in its title bar alone, a copy is alike all over. Also the
// quadratic surfaces ThumbAligner removes before it correlates, over the whole comparison grid or over
// the cells outside one edge's band.
// Pure functions, any thread.

#include <opencv2/core/mat.hpp>

#include <array>
#include <vector>

namespace shoebox {

struct Alignment;

class EdgeBands {
public:
    static constexpr int kGrid = 16; // side of ThumbAligner's comparison grid
    static constexpr int kBand = 3; // cells of kGrid in the band left out (a title bar, a status bar)
    using Grid = std::array<float, kGrid * kGrid>;

    // Whether cell (row i, column j) lies in the band along edge (0 left, 1 top, 2 right, 3 bottom);
    // edge -1 names no band.
    static bool inBand(int edge, int i, int j);
    // Orthonormal basis of the quadratic surfaces (1, x, y, x^2, xy, y^2) over the cells outside the
    // band along edge (-1: all cells); zero on the band.
    static std::vector<Grid> quadratics(int edge);
    // From two kGrid x kGrid CV_32F grids sampled as they are (the inner picture and the outer
    // photo's window at the alignment), fills al's edgeBand* fields: the lowest correlation over the
    // four edges with that edge's band left out and the surface removed over the rest, that edge,
    // and the RMS grey levels the rest holds (the flatter grid's).
    static void measure(const cv::Mat& inner, const cv::Mat& outer, Alignment& al);
};

} // namespace shoebox
