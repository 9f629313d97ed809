// Builds a labelled near-duplicate data set from real photos (the Debian-packaged ones in .testdata):
// every near-level edit of the duplicate issue at several strengths, plus hard negatives that must
// never be grouped. Writes the images and a manifest (TSV) to an output folder outside the repo.
//
//   shoebox-dupdataset SOURCE_DIR... OUT_DIR
//
// manifest.tsv columns: file, near_group, scene, kind, edit, strength
//   near_group: files with the same value are near duplicates of each other ("-" = belongs to none)
//   scene:      files with the same value show the same scene (similar level)
//   kind:       original | edit | exact | hardneg
// Deterministic: the random generator is seeded, so two runs write the same set.

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Writer {
    fs::path dir;
    std::ofstream manifest;
    int count = 0;

    void add(const std::string& file, const std::string& group, const std::string& scene, const std::string& kind,
        const std::string& edit, const std::string& strength)
    {
        manifest << (dir / file).string() << '\t' << group << '\t' << scene << '\t' << kind << '\t' << edit << '\t'
                 << strength << '\n';
        ++count;
    }
    bool write(const std::string& file, const cv::Mat& img, std::vector<int> params = {})
    {
        return cv::imwrite((dir / file).string(), img, params);
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

cv::Mat crop(const cv::Mat& img, double l, double t, double r, double b)
{
    const int x0 = int(img.cols * l), y0 = int(img.rows * t);
    const int x1 = int(img.cols * (1 - r)), y1 = int(img.rows * (1 - b));
    return img(cv::Rect(x0, y0, x1 - x0, y1 - y0)).clone();
}

// Straighten-style rotation: rotate about the centre and keep the largest centred rectangle of the
// original aspect that holds no border, as photo editors do.
cv::Mat rotateFill(const cv::Mat& img, double degrees)
{
    const double w = img.cols, h = img.rows, a = std::abs(degrees) * CV_PI / 180.0;
    const double k = std::min(w / (w * std::cos(a) + h * std::sin(a)), h / (w * std::sin(a) + h * std::cos(a)));
    cv::Mat rot;
    cv::warpAffine(img, rot, cv::getRotationMatrix2D(cv::Point2f(w / 2, h / 2), degrees, 1.0), img.size(),
        cv::INTER_LINEAR, cv::BORDER_REFLECT);
    const int cw = int(w * k), ch = int(h * k);
    return rot(cv::Rect(int((w - cw) / 2), int((h - ch) / 2), cw, ch)).clone();
}

cv::Mat adjust(const cv::Mat& img, double alpha, double beta)
{
    cv::Mat out;
    img.convertTo(out, -1, alpha, beta);
    return out;
}

cv::Mat saturation(const cv::Mat& img, double factor, int hueShift)
{
    cv::Mat hsv;
    cv::cvtColor(img, hsv, cv::COLOR_BGR2HSV);
    for (int y = 0; y < hsv.rows; ++y)
        for (int x = 0; x < hsv.cols; ++x) {
            auto& p = hsv.at<cv::Vec3b>(y, x);
            p[0] = uchar((p[0] + hueShift + 180) % 180);
            p[1] = cv::saturate_cast<uchar>(p[1] * factor);
        }
    cv::Mat out;
    cv::cvtColor(hsv, out, cv::COLOR_HSV2BGR);
    return out;
}

cv::Mat gamma(const cv::Mat& img, double g)
{
    cv::Mat lut(1, 256, CV_8U);
    for (int i = 0; i < 256; ++i)
        lut.at<uchar>(i) = cv::saturate_cast<uchar>(255.0 * std::pow(i / 255.0, g));
    cv::Mat out;
    cv::LUT(img, lut, out);
    return out;
}

cv::Mat noise(const cv::Mat& img, double sigma, std::mt19937& rng)
{
    cv::Mat n(img.size(), CV_16SC3);
    cv::theRNG().state = rng();
    cv::randn(n, 0, sigma);
    cv::Mat out;
    cv::Mat f;
    img.convertTo(f, CV_16SC3);
    cv::add(f, n, f);
    f.convertTo(out, CV_8UC3);
    return out;
}

cv::Mat stamp(const cv::Mat& img, const std::string& text, double relHeight, bool centre, double opacity)
{
    cv::Mat overlay = img.clone();
    const double scale = img.rows * relHeight / 22.0;
    int base = 0;
    const cv::Size ts = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, scale, std::max(1, int(scale * 2)), &base);
    cv::Point org = centre ? cv::Point((img.cols - ts.width) / 2, (img.rows + ts.height) / 2)
                           : cv::Point(img.cols - ts.width - img.cols / 40, img.rows - img.rows / 40);
    cv::putText(overlay, text, org, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(255, 255, 255),
        std::max(1, int(scale * 2)), cv::LINE_AA);
    cv::Mat out;
    cv::addWeighted(overlay, opacity, img, 1 - opacity, 0, out);
    return out;
}

// A JPEG whose pixels are stored rotated and whose EXIF orientation tag turns them back upright, as
// cameras write portrait shots. orientation: 6 (stored turned 90 CCW), 3 (180), 8 (90 CW).
bool writeOriented(const fs::path& path, const cv::Mat& upright, int orientation)
{
    cv::Mat stored;
    if (orientation == 6)
        cv::rotate(upright, stored, cv::ROTATE_90_COUNTERCLOCKWISE);
    else if (orientation == 3)
        cv::rotate(upright, stored, cv::ROTATE_180);
    else
        cv::rotate(upright, stored, cv::ROTATE_90_CLOCKWISE);
    std::vector<uchar> jpg;
    cv::imencode(".jpg", stored, jpg, { cv::IMWRITE_JPEG_QUALITY, 92 });
    // APP1 "Exif" with a little-endian TIFF header and one IFD entry: Orientation (0x0112), SHORT.
    const unsigned char app1[] = { 0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 0x2A, 0x00, 0x08, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, (unsigned char)orientation, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00 };
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(jpg.data()), 2);
    f.write(reinterpret_cast<const char*>(app1), sizeof app1);
    f.write(reinterpret_cast<const char*>(jpg.data() + 2), std::streamsize(jpg.size() - 2));
    return bool(f);
}

// Smooth random field (clouds, texture) of the given size: upsampled white noise.
cv::Mat smoothField(cv::Size size, int cells, std::mt19937& rng)
{
    cv::Mat small(cells, cells, CV_32F);
    std::normal_distribution<float> n(0, 1);
    for (int i = 0; i < small.rows * small.cols; ++i)
        small.at<float>(i) = n(rng);
    cv::Mat big;
    cv::resize(small, big, size, 0, 0, cv::INTER_CUBIC);
    return big;
}

cv::Mat plainSky(std::mt19937& rng, int w, int h)
{
    std::uniform_real_distribution<double> u(0, 1);
    const cv::Vec3d top(200 + 40 * u(rng), 120 + 40 * u(rng), 40 + 40 * u(rng)); // BGR deep blue
    const cv::Vec3d bottom(235 + 15 * u(rng), 200 + 30 * u(rng), 160 + 40 * u(rng));
    const cv::Mat clouds = smoothField(cv::Size(w, h), 6, rng);
    cv::Mat img(h, w, CV_8UC3);
    for (int y = 0; y < h; ++y) {
        const double t = double(y) / h;
        for (int x = 0; x < w; ++x) {
            const double c = 6.0 * clouds.at<float>(y, x); // faint haze, a few grey levels
            for (int k = 0; k < 3; ++k)
                img.at<cv::Vec3b>(y, x)[k] = cv::saturate_cast<uchar>(top[k] * (1 - t) + bottom[k] * t + c);
        }
    }
    return noise(img, 2.0, rng);
}

cv::Mat darkFrame(std::mt19937& rng, int w, int h)
{
    std::uniform_int_distribution<int> lvl(3, 12);
    cv::Mat img(h, w, CV_8UC3, cv::Scalar(lvl(rng), lvl(rng), lvl(rng)));
    return noise(img, 3.0, rng);
}

cv::Mat texture(std::mt19937& rng, int w, int h, int cells)
{
    cv::Mat f = smoothField(cv::Size(w, h), cells, rng);
    cv::Mat fine = smoothField(cv::Size(w, h), cells * 8, rng);
    cv::Mat img;
    cv::Mat g = 128 + 30 * f + 25 * fine;
    g.convertTo(img, CV_8U);
    cv::cvtColor(img, img, cv::COLOR_GRAY2BGR);
    return adjust(img, 1.0, 0).mul(cv::Scalar(1.0, 0.9, 0.7));
}

// The scene a source shows: the two views of a stereo pair (skimage's motorcycle_left/right) and the
// dark and light renditions of one wallpaper (-d/-l) are one scene shot twice, not one picture.
std::string sceneOf(const std::string& id)
{
    for (const std::string suffix : { "_left", "_right", "-d", "-l" })
        if (id.size() > suffix.size() && id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0)
            return "scene:" + id.substr(0, id.size() - suffix.size());
    return "scene:" + id;
}

void addEdits(Writer& w, const std::string& id, const cv::Mat& src, std::mt19937& rng)
{
    const std::string g = "near:" + id, scene = sceneOf(id);
    auto jpg = [&](const std::string& edit, const std::string& strength, const cv::Mat& img, int q = 90) {
        const std::string file = id + "__" + edit + "_" + strength + ".jpg";
        if (w.write(file, img, { cv::IMWRITE_JPEG_QUALITY, q }))
            w.add(file, g, scene, "edit", edit, strength);
    };
    jpg("resize", "0.5", resizeLong(src, std::max(src.cols, src.rows) / 2));
    jpg("resize", "0.25", resizeLong(src, std::max(src.cols, src.rows) / 4));
    jpg("resize", "320px", resizeLong(src, 320));
    for (int q : { 70, 50, 30 })
        jpg("jpeg", "q" + std::to_string(q), src, q);
    jpg("brightness", "+40", adjust(src, 1.0, 40));
    jpg("brightness", "-40", adjust(src, 1.0, -40));
    jpg("contrast", "1.4", adjust(src, 1.4, -0.4 * 128));
    jpg("contrast", "0.6", adjust(src, 0.6, 0.4 * 128));
    jpg("gamma", "0.6", gamma(src, 0.6));
    jpg("colour", "sat1.5", saturation(src, 1.5, 0));
    jpg("colour", "sat0", saturation(src, 0.0, 0));
    jpg("colour", "hue+15", saturation(src, 1.0, 15));
    for (double s : { 1.0, 2.5, 5.0 }) {
        cv::Mat b;
        const double sigma = s * std::max(src.cols, src.rows) / 1000.0;
        cv::GaussianBlur(src, b, cv::Size(), sigma);
        jpg("blur", std::to_string(int(s * 10)) + "permille", b);
    }
    for (int s : { 8, 16, 30 })
        jpg("noise", "sigma" + std::to_string(s), noise(src, s, rng));
    jpg("watermark", "corner", stamp(src, "(c) Shoebox 2026", 0.06, false, 0.8));
    jpg("watermark", "centre", stamp(src, "SAMPLE", 0.2, true, 0.5));
    for (double c : { 0.03, 0.06, 0.10 })
        jpg("crop", std::to_string(int(c * 100)) + "pct", crop(src, c, c, c, c));
    jpg("crop", "10pct-left-top", crop(src, 0.10, 0.10, 0.0, 0.0));
    jpg("crop", "10pct-right", crop(src, 0.0, 0.0, 0.10, 0.0));
    for (double d : { 1.0, 3.0, 5.0 })
        jpg("rotate", std::to_string(int(d)) + "deg", rotateFill(src, d));
    jpg("rotate", "-5deg", rotateFill(src, -5));
    // Format conversions keep the pixels; a re-encode at the same size.
    const std::string png = id + "__format_png.png";
    if (w.write(png, src))
        w.add(png, g, scene, "edit", "format", "png");
    const std::string webp = id + "__format_webp.webp";
    if (w.write(webp, src, { cv::IMWRITE_WEBP_QUALITY, 80 }))
        w.add(webp, g, scene, "edit", "format", "webp80");
    for (int o : { 6, 3, 8 }) {
        const std::string f = id + "__exif-orientation_" + std::to_string(o) + ".jpg";
        if (writeOriented(w.dir / f, src, o))
            w.add(f, g, scene, "edit", "exif-orientation", std::to_string(o));
    }
    // A combination users produce all the time: shared to a messenger (resized, heavy JPEG) after a crop.
    jpg("combo", "crop5-resize-q40", resizeLong(crop(src, 0.05, 0.05, 0.05, 0.05), 800), 40);
}

// Hard negatives from a real photo: crops that overlap but show different parts (reframing far beyond
// 10% per side). They share a scene (similar level) but are never near duplicates.
void addOverlappingCrops(Writer& w, const std::string& id, const cv::Mat& src)
{
    const std::string scene = sceneOf(id);
    const struct {
        const char* name;
        double l, t, r, b;
    } crops[] = {
        { "left60", 0.0, 0.0, 0.40, 0.0 },
        { "right60", 0.40, 0.0, 0.0, 0.0 },
        { "top60", 0.0, 0.0, 0.0, 0.40 },
        { "pan25", 0.25, 0.05, 0.0, 0.05 },
    };
    for (const auto& c : crops) {
        const std::string file = id + "__hardneg-overlap_" + c.name + ".jpg";
        if (w.write(file, crop(src, c.l, c.t, c.r, c.b), { cv::IMWRITE_JPEG_QUALITY, 90 }))
            w.add(file, "-", scene, "hardneg", "overlapping-crop", c.name);
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: shoebox-dupdataset SOURCE_DIR... OUT_DIR\n";
        return 2;
    }
    Writer w;
    w.dir = argv[argc - 1];
    fs::create_directories(w.dir);
    w.manifest.open(w.dir / "manifest.tsv");
    w.manifest << "file\tnear_group\tscene\tkind\tedit\tstrength\n";
    std::mt19937 rng(20261122);
    std::vector<fs::path> sources;
    for (int i = 1; i < argc - 1; ++i) {
        std::error_code ec;
        if (!fs::is_directory(argv[i], ec)) {
            std::cerr << "shoebox-dupdataset: " << argv[i] << " is not a folder (run scripts/fetch-test-photos.sh)\n";
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
            continue; // icons and placeholders are not photos
        cv::Mat gray, tiny;
        cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
        cv::resize(gray, tiny, cv::Size(32, 32), 0, 0, cv::INTER_AREA);
        cv::Scalar mean, stddev;
        cv::meanStdDev(tiny, mean, stddev);
        if (stddev[0] < 8)
            continue; // a flat placeholder (gnome-backgrounds' vnc, symbolic) is no photo
        // Keep the working size of a phone photo at most; edits are made from this master.
        const cv::Mat src = resizeLong(img, 1600);
        const std::string id = p.parent_path().filename().string() + "-" + p.stem().string();
        const std::string orig = id + "__original.jpg";
        w.write(orig, src, { cv::IMWRITE_JPEG_QUALITY, 95 });
        w.add(orig, "near:" + id, sceneOf(id), "original", "original", "-");
        fs::copy_file(w.dir / orig, w.dir / (id + "__exact-copy.jpg"), fs::copy_options::overwrite_existing);
        w.add(id + "__exact-copy.jpg", "near:" + id, sceneOf(id), "exact", "exact-copy", "-");
        addEdits(w, id, src, rng);
        // Wallpapers are tiled patterns: a pan across a tile shows the same picture, so only camera
        // photos give meaningful overlapping-crop negatives.
        if (std::min(src.cols, src.rows) >= 400 && p.parent_path().filename() != "backgrounds")
            addOverlappingCrops(w, id, src);
        ++used;
    }
    // Synthetic hard negatives: every one is its own photo, yet they look alike to a small hash.
    for (int i = 0; i < 8; ++i) {
        const std::string f = "synthetic-sky-" + std::to_string(i) + ".jpg";
        w.write(f, plainSky(rng, 1200, 800), { cv::IMWRITE_JPEG_QUALITY, 90 });
        w.add(f, "-", "-", "hardneg", "plain-sky", std::to_string(i));
    }
    for (int i = 0; i < 8; ++i) {
        const std::string f = "synthetic-dark-" + std::to_string(i) + ".jpg";
        w.write(f, darkFrame(rng, 1200, 800), { cv::IMWRITE_JPEG_QUALITY, 90 });
        w.add(f, "-", "-", "hardneg", "dark-frame", std::to_string(i));
    }
    for (int i = 0; i < 8; ++i) {
        const std::string f = "synthetic-texture-" + std::to_string(i) + ".jpg";
        w.write(f, texture(rng, 1000, 800, 4 + (i % 2) * 4), { cv::IMWRITE_JPEG_QUALITY, 90 });
        w.add(f, "-", "-", "hardneg", "look-alike-texture", std::to_string(i));
    }
    std::cout << "sources " << used << ", files " << w.count << " in " << w.dir.string() << "\n";
    return 0;
}
