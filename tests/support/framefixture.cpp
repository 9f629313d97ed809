#include "support/framefixture.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace shoebox::test {

cv::Mat withBorder(const cv::Mat& img, double fraction, const cv::Scalar& colour)
{
    const int b = std::max(1, int(std::max(img.cols, img.rows) * fraction));
    cv::Mat out;
    cv::copyMakeBorder(img, out, b, b, b, b, cv::BORDER_CONSTANT, colour);
    return out;
}

cv::Mat withMat(const cv::Mat& img)
{
    return withBorder(withBorder(img, 0.01, cv::Scalar(25, 25, 25)), 0.08, cv::Scalar(228, 234, 240));
}

// Flat vector art (a desert wallpaper): a plain sky, a dune and a sun in flat colours, no texture.
cv::Mat flatArt(int seed)
{
    cv::RNG rng { uint64_t(seed) };
    cv::Mat img(600, 960, CV_8UC3, cv::Scalar(rng.uniform(120, 200), rng.uniform(150, 210), rng.uniform(90, 130)));
    const int ridge = rng.uniform(250, 350);
    const std::vector<cv::Point> dune { { 0, ridge + 120 }, { 960, ridge - 60 }, { 960, 600 }, { 0, 600 } };
    cv::fillPoly(img, std::vector<std::vector<cv::Point>> { dune }, cv::Scalar(100, 90, 10), cv::LINE_AA);
    cv::ellipse(img, { rng.uniform(520, 700), ridge + 20 }, { 170, 70 }, rng.uniform(20, 45), 0, 360,
        cv::Scalar(80, 180, 250), cv::FILLED, cv::LINE_AA);
    cv::circle(
        img, { rng.uniform(120, 300), rng.uniform(70, 150) }, 45, cv::Scalar(230, 240, 250), cv::FILLED, cv::LINE_AA);
    return img;
}

cv::Mat squareBlurPadded(const cv::Mat& img)
{
    const int side = std::max(img.cols, img.rows);
    cv::Mat out;
    cv::resize(img, out, cv::Size(side, side), 0, 0, cv::INTER_LINEAR);
    cv::GaussianBlur(out, out, cv::Size(), side / 30.0);
    img.copyTo(out(cv::Rect((side - img.cols) / 2, (side - img.rows) / 2, img.cols, img.rows)));
    return out;
}

cv::Mat barsToAspect(const cv::Mat& img, double aspect)
{
    const int w = std::max(img.cols, int(img.rows * aspect + 0.5));
    const int h = std::max(img.rows, int(img.cols / aspect + 0.5));
    cv::Mat out(h, w, img.type(), cv::Scalar(0, 0, 0));
    img.copyTo(out(cv::Rect((w - img.cols) / 2, (h - img.rows) / 2, img.cols, img.rows)));
    return out;
}

cv::Mat phoneScreenshot(const cv::Mat& img, bool dark, const std::string& label)
{
    constexpr int W = 1080, H = 2340, top = 200, bottom = 180;
    const cv::Scalar bg = dark ? cv::Scalar(0, 0, 0) : cv::Scalar(246, 246, 246);
    const cv::Scalar fg = dark ? cv::Scalar(250, 250, 250) : cv::Scalar(30, 30, 30);
    cv::Mat out(H, W, CV_8UC3, bg);
    cv::Mat shown;
    const double s = std::min(double(W) / img.cols, double(H - top - bottom) / img.rows);
    cv::resize(img, shown, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    shown.copyTo(
        out(cv::Rect((W - shown.cols) / 2, top + (H - top - bottom - shown.rows) / 2, shown.cols, shown.rows)));
    cv::putText(out, "12:45", cv::Point(40, 60), cv::FONT_HERSHEY_SIMPLEX, 1.5, fg, 3, cv::LINE_AA);
    cv::rectangle(out, cv::Rect(930, 28, 90, 36), fg, 3);
    cv::rectangle(out, cv::Rect(936, 34, 60, 24), fg, cv::FILLED);
    cv::putText(out, "< " + label, cv::Point(30, 165), cv::FONT_HERSHEY_SIMPLEX, 1.4, fg, 3, cv::LINE_AA);
    cv::circle(out, cv::Point(960, 150), 12, fg, cv::FILLED);
    cv::circle(out, cv::Point(220, H - 90), 32, fg, 4, cv::LINE_AA);
    cv::circle(out, cv::Point(540, H - 90), 32, fg, 4, cv::LINE_AA);
    cv::rectangle(out, cv::Rect(830, H - 122, 64, 64), fg, 4);
    return out;
}

cv::Mat cut(const cv::Mat& img, double l, double t, double r, double b)
{
    const int x0 = int(img.cols * l), y0 = int(img.rows * t);
    return img(cv::Rect(x0, y0, int(img.cols * (1 - r)) - x0, int(img.rows * (1 - b)) - y0)).clone();
}

// A keystone correction: the top edge pulled in by fraction of the width (half on each side), then
// cut to the rectangle that has no empty corner.
cv::Mat keystone(const cv::Mat& img, double fraction)
{
    const float w = float(img.cols), h = float(img.rows), d = float(fraction * img.cols / 2);
    const cv::Point2f from[] = { { 0, 0 }, { w, 0 }, { w, h }, { 0, h } };
    const cv::Point2f to[] = { { d, 0 }, { w - d, 0 }, { w, h }, { 0, h } };
    cv::Mat out;
    cv::warpPerspective(img, out, cv::getPerspectiveTransform(from, to), img.size(), cv::INTER_LINEAR);
    return cut(out, fraction / 2, 0, fraction / 2, 0);
}

cv::Mat stretched(const cv::Mat& img, double fx, double fy)
{
    cv::Mat out;
    cv::resize(img, out, cv::Size(), fx, fy, cv::INTER_AREA);
    return out;
}

cv::Mat straightened(const cv::Mat& img, double degrees)
{
    const double w = img.cols, h = img.rows, a = std::abs(degrees) * CV_PI / 180.0;
    const double k = std::min(w / (w * std::cos(a) + h * std::sin(a)), h / (w * std::sin(a) + h * std::cos(a)));
    cv::Mat rot;
    cv::warpAffine(img, rot, cv::getRotationMatrix2D(cv::Point2f(float(w / 2), float(h / 2)), degrees, 1.0), img.size(),
        cv::INTER_LINEAR, cv::BORDER_REFLECT);
    return cut(rot, (1 - k) / 2, (1 - k) / 2, (1 - k) / 2, (1 - k) / 2);
}

cv::Mat rolled(const cv::Mat& img, bool x, bool y)
{
    const int w = img.cols / 2 * 2, h = img.rows / 2 * 2, dx = x ? w / 2 : 0, dy = y ? h / 2 : 0;
    const cv::Mat src = img(cv::Rect(0, 0, w, h));
    cv::Mat out(h, w, img.type());
    for (int qy = 0; qy < 2; ++qy)
        for (int qx = 0; qx < 2; ++qx) {
            const cv::Rect from(qx * w / 2, qy * h / 2, w / 2, h / 2);
            const cv::Rect to((from.x + dx) % w, (from.y + dy) % h, w / 2, h / 2);
            src(from).copyTo(out(to));
        }
    return out;
}

namespace {

void outlinedText(cv::Mat& img, const std::string& text, int baselineY)
{
    const double scale = img.rows / 280.0;
    const int thick = std::max(2, int(scale * 3));
    int base = 0;
    const cv::Size ts = cv::getTextSize(text, cv::FONT_HERSHEY_DUPLEX, scale, thick, &base);
    const cv::Point org((img.cols - ts.width) / 2, baselineY);
    cv::putText(img, text, org, cv::FONT_HERSHEY_DUPLEX, scale, cv::Scalar(0, 0, 0), thick * 3, cv::LINE_AA);
    cv::putText(img, text, org, cv::FONT_HERSHEY_DUPLEX, scale, cv::Scalar(255, 255, 255), thick, cv::LINE_AA);
}

} // namespace

cv::Mat captions(const cv::Mat& img)
{
    cv::Mat out = img.clone();
    outlinedText(out, "WHEN THE SCAN", out.rows / 8);
    outlinedText(out, "FINDS IT ANYWAY", out.rows - out.rows / 25);
    return out;
}

} // namespace shoebox::test
