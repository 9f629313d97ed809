// Builds the second labelled near-duplicate set (issue 11): pictures the way chat apps and social
// media change them — framed (borders, mats, bars, blurred square padding, phone screenshots),
// reshaped (stretched, keystoned, straightened, cut on one side) and overlaid (caption bands, a big
// sticker) — with the hard negatives that must never be grouped: different pictures in the same
// border, the same screenshot chrome and the same padding style, shots with the frame moved by a
// third or a half, and flat vector graphics of one style. Same manifest as shoebox-dupdataset, so
// dupscore.py scores it.
//
//   shoebox-dupframes SOURCE_DIR... OUT_DIR
//
// Deterministic: two runs write the same set.

#include "support/framefixture.h"

#include "dupoverlays.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shoebox::test;

namespace {

struct Writer {
    fs::path dir;
    std::ofstream manifest;
    int count = 0;

    void add(const std::string& file, const cv::Mat& img, const std::string& group, const std::string& scene,
        const std::string& kind, const std::string& edit, const std::string& strength, int quality = 90)
    {
        if (!cv::imwrite((dir / file).string(), img, { cv::IMWRITE_JPEG_QUALITY, quality }))
            return;
        manifest << (dir / file).string() << '\t' << group << '\t' << scene << '\t' << kind << '\t' << edit << '\t'
                 << strength << '\n';
        ++count;
    }
};

cv::Mat resizeLong(const cv::Mat& img, int longSide)
{
    const double s = double(longSide) / std::max(img.cols, img.rows);
    if (s >= 1.0)
        return img.clone();
    cv::Mat out;
    cv::resize(img, out, cv::Size(), s, s, cv::INTER_AREA);
    return out;
}

// Straighten-style rotation, cropped to the largest centred rectangle without border.
cv::Mat rotateFill(const cv::Mat& img, double degrees)
{
    const double w = img.cols, h = img.rows, a = std::abs(degrees) * CV_PI / 180.0;
    const double k = std::min(w / (w * std::cos(a) + h * std::sin(a)), h / (w * std::sin(a) + h * std::cos(a)));
    cv::Mat rot;
    cv::warpAffine(img, rot, cv::getRotationMatrix2D(cv::Point2f(float(w / 2), float(h / 2)), degrees, 1.0), img.size(),
        cv::INTER_LINEAR, cv::BORDER_REFLECT);
    const int cw = int(w * k), ch = int(h * k);
    return rot(cv::Rect(int((w - cw) / 2), int((h - ch) / 2), cw, ch)).clone();
}

cv::Mat bars(const cv::Mat& img)
{
    // Pillarbox a landscape photo into 16:9, letterbox a wider one into a square.
    return barsToAspect(img, double(img.cols) / img.rows < 1.6 ? 16.0 / 9.0 : 1.0);
}

void addEdits(Writer& w, const std::string& id, const cv::Mat& src)
{
    const std::string g = "near:" + id, scene = "scene:" + id;
    auto edit = [&](const std::string& kind, const std::string& strength, const cv::Mat& img, int q = 90) {
        w.add(id + "__" + kind + "_" + strength + ".jpg", img, g, scene, "edit", kind, strength, q);
    };
    edit("frame", "white-border5", withBorder(src, 0.05, cv::Scalar(255, 255, 255)));
    edit("frame", "black-border8", withBorder(src, 0.08, cv::Scalar(0, 0, 0)));
    edit("frame", "mat", withMat(src));
    edit("frame", "bars", bars(src));
    edit("frame", "blurred-square", squareBlurPadded(src));
    edit("frame", "blurred-square-shared", resizeLong(squareBlurPadded(src), 1080), 80);
    edit("frame", "phone-dark", phoneScreenshot(src, true));
    edit("frame", "phone-light", phoneScreenshot(src, false));
    edit("frame", "phone-dark-shared", resizeLong(phoneScreenshot(src, true), 1280), 75);
    edit("reshape", "stretch-x1.15", stretched(src, 1.15, 1.0));
    edit("reshape", "squash-y0.8", stretched(src, 1.0, 0.8));
    edit("reshape", "keystone6", keystone(src, 0.06));
    edit("reshape", "straighten8deg", rotateFill(src, 8));
    edit("reshape", "cut22-right", cut(src, 0, 0, 0.22, 0));
    edit("reshape", "cut20-top", cut(src, 0, 0.20, 0, 0));
    edit("overlay", "captions", captions(src));
    edit("overlay", "sticker20pct", shoebox::bench::withSticker(src));
}

void addHardNegatives(Writer& w, const std::string& id, const cv::Mat& src, bool camera)
{
    const std::string scene = "scene:" + id;
    // Different pictures in the frames the edits use: only the frame is shared.
    w.add(id + "__hardneg-same-frame_white-border5.jpg",
        withBorder(rolled(src, true, true), 0.05, cv::Scalar::all(255)), "-", "-", "hardneg", "same-frame",
        "white-border5");
    w.add(id + "__hardneg-same-frame_phone-dark.jpg", phoneScreenshot(rolled(src, true, false), true), "-", "-",
        "hardneg", "same-frame", "phone-dark");
    w.add(id + "__hardneg-same-frame_blurred-square.jpg", squareBlurPadded(rolled(src, false, true)), "-", "-",
        "hardneg", "same-frame", "blurred-square");
    if (!camera)
        return;
    // Shots of one scene with the frame moved by a third and by a half of its width: similar, not near.
    w.add(id + "__hardneg-moved-frame_base.jpg", cut(src, 0.0, 0.05, 0.4, 0.05), "-", scene, "hardneg", "moved-frame",
        "base");
    w.add(id + "__hardneg-moved-frame_third.jpg", cut(src, 0.2, 0.05, 0.2, 0.05), "-", scene, "hardneg", "moved-frame",
        "third");
    w.add(id + "__hardneg-moved-frame_half.jpg", cut(src, 0.3, 0.05, 0.1, 0.05), "-", scene, "hardneg", "moved-frame",
        "half");
}

// Flat vector wallpapers of one style: the same palette and gradient, different shapes.
cv::Mat vectorWallpaper(std::mt19937& rng)
{
    constexpr int w = 1600, h = 900;
    cv::Mat img(h, w, CV_8UC3);
    for (int y = 0; y < h; ++y)
        img.row(y).setTo(cv::Scalar(120 + 80 * y / h, 60 + 40 * y / h, 40));
    const cv::Scalar palette[] = { { 200, 140, 60 }, { 230, 180, 90 }, { 160, 90, 50 }, { 250, 220, 160 } };
    std::uniform_int_distribution<int> x(0, w), y(h / 3, h), k(0, 3);
    for (int i = 0; i < 6; ++i) {
        std::vector<cv::Point> hill { { x(rng) - w / 2, h }, { x(rng), y(rng) - h / 3 }, { x(rng) + w / 2, h } };
        cv::fillPoly(img, std::vector<std::vector<cv::Point>> { hill }, palette[k(rng)], cv::LINE_AA);
    }
    cv::circle(img, cv::Point(x(rng), h / 5), 70, cv::Scalar(200, 240, 255), cv::FILLED, cv::LINE_AA);
    return img;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: shoebox-dupframes SOURCE_DIR... OUT_DIR\n";
        return 2;
    }
    Writer w;
    w.dir = argv[argc - 1];
    fs::create_directories(w.dir);
    w.manifest.open(w.dir / "manifest.tsv");
    w.manifest << "file\tnear_group\tscene\tkind\tedit\tstrength\n";
    std::vector<fs::path> sources;
    for (int i = 1; i < argc - 1; ++i) {
        std::error_code ec;
        if (!fs::is_directory(argv[i], ec)) {
            std::cerr << "shoebox-dupframes: " << argv[i] << " is not a folder\n";
            return 1;
        }
        for (const auto& e : fs::recursive_directory_iterator(argv[i]))
            if (e.is_regular_file())
                sources.push_back(e.path());
    }
    std::sort(sources.begin(), sources.end());
    int used = 0;
    for (const auto& p : sources) {
        const cv::Mat img = cv::imread(p.string(), cv::IMREAD_COLOR);
        if (img.empty() || std::min(img.cols, img.rows) < 200)
            continue;
        cv::Mat gray, tiny;
        cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
        cv::resize(gray, tiny, cv::Size(32, 32), 0, 0, cv::INTER_AREA);
        cv::Scalar mean, stddev;
        cv::meanStdDev(tiny, mean, stddev);
        if (stddev[0] < 8)
            continue; // flat placeholders, as in shoebox-dupdataset
        const cv::Mat src = resizeLong(img, 1600);
        const std::string id = p.parent_path().filename().string() + "-" + p.stem().string();
        w.add(id + "__original.jpg", src, "near:" + id, "scene:" + id, "original", "original", "-", 95);
        addEdits(w, id, src);
        const bool camera = std::min(src.cols, src.rows) >= 400 && p.parent_path().filename() != "backgrounds";
        addHardNegatives(w, id, src, camera);
        ++used;
    }
    std::mt19937 rng(20261202);
    for (int i = 0; i < 8; ++i)
        w.add("synthetic-vector-" + std::to_string(i) + ".jpg", vectorWallpaper(rng), "-", "-", "hardneg",
            "look-alike-vector", std::to_string(i));
    std::cout << "sources " << used << ", files " << w.count << " in " << w.dir.string() << "\n";
    return 0;
}
