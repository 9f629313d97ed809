#pragma once
// Frames the way people and apps put them around pictures, for the content-region tests and the
// frames benchmark set: borders and mats, letterbox/pillarbox bars, square padding filled with a
// blurred copy of the picture, and a phone's screen chrome around a photo. Pure functions on BGR
// images (OpenCV only, so the dataset generator can build them without Qt).

#include <opencv2/core/mat.hpp>

#include <string>

namespace shoebox::test {

// A uniform border of fraction of the long side on every side.
// The picture with fractions cut off the left, top, right and bottom.
cv::Mat cut(const cv::Mat& img, double l, double t, double r, double b);
// Stretched by fx, fy (a non-uniform resize).
cv::Mat stretched(const cv::Mat& img, double fx, double fy);
// A keystone correction: the top edge pulled in by fraction of the width (half on each side), then
// cut to the rectangle that has no empty corner.
cv::Mat keystone(const cv::Mat& img, double fraction);
// Straightened: turned about the centre, then cut to the largest upright rectangle.
cv::Mat straightened(const cv::Mat& img, double degrees);
cv::Mat withBorder(const cv::Mat& img, double fraction, const cv::Scalar& colour);
// A thin dark line inside a wide light mat, as a framing shop or a "polaroid" app does.
cv::Mat withMat(const cv::Mat& img);
// Flat vector art (a desert wallpaper): a plain sky, a dune and a sun in flat colours, no texture,
// different for every seed.
cv::Mat flatArt(int seed);
// Padded to a square with a blurred, enlarged copy of the picture behind it.
cv::Mat squareBlurPadded(const cv::Mat& img);
// Black bars to reach width / height == aspect (letterbox when the picture is taller, pillarbox
// when it is wider).
cv::Mat barsToAspect(const cv::Mat& img, double aspect);
// A 1080x2340 phone screenshot of the picture shown full width in a viewer app: status bar with a
// clock, a title row, navigation buttons, on a dark or light background. label varies the title.
cv::Mat phoneScreenshot(const cv::Mat& img, bool dark, const std::string& label = "Photos");
// Meme captions: white outlined text over the top and bottom of the picture.
cv::Mat captions(const cv::Mat& img);
// Another picture with the same colours: img rolled by half its width, half its height, or both (its
// quadrants swapped diagonally). No part stays in place.
cv::Mat rolled(const cv::Mat& img, bool x, bool y);

} // namespace shoebox::test
