// shoebox-dupscreens OUT_DIR SCREENSHOT... : lossless copies of screenshots as people edit them before
// sharing (resized, cut, a sticker, meme captions, an arrow, a box drawn round something, a name
// blacked out, colour changes), all saved as PNG, with a manifest.tsv that dupscore.py reads. The
// true pairs for the rule that keeps two states of one screen apart (ScreenStates): an edit of one
// screenshot must stay near. Screenshots smaller than 200x150 are skipped.
#include "dupoverlays.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

cv::Mat cutAllRound(const cv::Mat& m, double f)
{
    const int dx = int(m.cols * f), dy = int(m.rows * f);
    return m(cv::Rect(dx, dy, m.cols - 2 * dx, m.rows - 2 * dy)).clone();
}

cv::Mat captions(cv::Mat img)
{
    const double s = img.cols / 600.0;
    const int band = int(img.rows * 0.12);
    const char* lines[] = { "WHEN THE DIALOG", "BOTTOM TEXT HERE" };
    for (int k = 0; k < 2; ++k) {
        const cv::Point at(img.cols / 10, k ? img.rows - band / 3 : band * 2 / 3);
        cv::putText(
            img, lines[k], at, cv::FONT_HERSHEY_DUPLEX, 1.2 * s, cv::Scalar(0, 0, 0), int(6 * s) + 1, cv::LINE_AA);
        cv::putText(img, lines[k], at, cv::FONT_HERSHEY_DUPLEX, 1.2 * s, cv::Scalar(255, 255, 255), int(2 * s) + 1,
            cv::LINE_AA);
    }
    return img;
}

cv::Mat arrow(cv::Mat img)
{
    cv::arrowedLine(img, { img.cols * 9 / 10, img.rows / 10 }, { img.cols / 2, img.rows / 2 }, cv::Scalar(0, 0, 230),
        std::max(3, img.cols / 100), cv::LINE_AA, 0, 0.15);
    return img;
}

cv::Mat blackedOut(cv::Mat img)
{
    cv::rectangle(
        img, cv::Rect(img.cols / 8, img.rows / 3, img.cols / 3, img.rows / 12), cv::Scalar(0, 0, 0), cv::FILLED);
    return img;
}

cv::Mat boxDrawn(cv::Mat img)
{
    cv::rectangle(img, cv::Rect(img.cols / 5, img.rows / 4, img.cols / 3, img.rows / 4), cv::Scalar(0, 0, 255),
        std::max(2, img.cols / 150));
    return img;
}

cv::Mat saturated(const cv::Mat& img)
{
    cv::Mat hsv;
    cv::cvtColor(img, hsv, cv::COLOR_BGR2HSV);
    std::vector<cv::Mat> c;
    cv::split(hsv, c);
    c[1].convertTo(c[1], -1, 1.5);
    cv::merge(c, hsv);
    cv::Mat out;
    cv::cvtColor(hsv, out, cv::COLOR_HSV2BGR);
    return out;
}

cv::Mat gammaCurve(const cv::Mat& img)
{
    cv::Mat lut(1, 256, CV_8U);
    for (int i = 0; i < 256; ++i)
        lut.at<uchar>(i) = cv::saturate_cast<uchar>(255 * std::pow(i / 255.0, 0.6));
    cv::Mat out;
    cv::LUT(img, lut, out);
    return out;
}

cv::Mat halfSize(const cv::Mat& img)
{
    cv::Mat out;
    cv::resize(img, out, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    return out;
}

cv::Mat darkened(const cv::Mat& img)
{
    cv::Mat out;
    img.convertTo(out, -1, 1, -40);
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: shoebox-dupscreens OUT_DIR SCREENSHOT...\n";
        return 2;
    }
    const fs::path out = argv[1];
    fs::create_directories(out);
    std::ofstream manifest(out / "manifest.tsv");
    manifest << "file\tnear_group\tscene\tkind\tedit\tstrength\n";
    using Edit = std::function<cv::Mat(const cv::Mat&)>;
    const std::vector<std::pair<std::string, Edit>> edits = {
        { "resize_0.5", Edit(halfSize) },
        { "cut_5pct", [](const cv::Mat& m) { return cutAllRound(m, 0.05); } },
        { "sticker", Edit(shoebox::bench::withSticker) },
        { "captions", [](const cv::Mat& m) { return captions(m.clone()); } },
        { "arrow", [](const cv::Mat& m) { return arrow(m.clone()); } },
        { "blacked-out", [](const cv::Mat& m) { return blackedOut(m.clone()); } },
        { "box", [](const cv::Mat& m) { return boxDrawn(m.clone()); } },
        { "sat1.5", Edit(saturated) },
        { "gamma0.6", Edit(gammaCurve) },
        { "darker", Edit(darkened) },
    };
    int used = 0;
    for (int i = 2; i < argc; ++i) {
        const cv::Mat src = cv::imread(argv[i], cv::IMREAD_COLOR);
        if (src.empty() || src.cols < 200 || src.rows < 150)
            continue;
        const std::string id = fs::path(argv[i]).stem().string();
        const auto write = [&](const std::string& edit, const cv::Mat& img) {
            const fs::path file = out / (id + "__" + edit + ".png");
            if (!cv::imwrite(file.string(), img))
                return;
            manifest << fs::absolute(file).string() << "\tnear:" << id << "\tscene:" << id << '\t'
                     << (edit == "original" ? "original" : "edit") << '\t' << edit << "\t-\n";
        };
        write("original", src);
        for (const auto& [name, make] : edits)
            write(name, make(src));
        ++used;
    }
    std::cerr << used << " screenshots, " << used * (edits.size() + 1) << " files\n";
    return used > 0 ? 0 : 1;
}
