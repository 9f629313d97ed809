#pragma once
// Turns a decoded photo into the tagger's input: a pure function, so it is tested on its own and
// runs on any thread.

#include <opencv2/core/mat.hpp>

namespace shoebox {

// Upright 8-bit BGR (also gray, BGRA or 16-bit) of any size -> size x size, RGB, float 0..255,
// HWC and contiguous. The photo is stretched, not letterboxed, so boxes map back by dividing by size.
// Downscaling uses area averaging (no aliasing on large photos). Empty or unusable input gives an
// empty Mat.
cv::Mat preprocessForModel(const cv::Mat& image, int size);

// The same photo as 8-bit BGR at its own size (gray, BGRA and 16-bit converted); empty when unusable.
cv::Mat toBgr8(const cv::Mat& image);

} // namespace shoebox
