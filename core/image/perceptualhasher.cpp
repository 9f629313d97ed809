#include "image/perceptualhasher.h"

#include "image/contentregion.h"

#include <opencv2/img_hash.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstring>

namespace shoebox {

namespace {

QByteArray toBytes(const cv::Mat& m)
{
    return QByteArray(reinterpret_cast<const char*>(m.data), int(m.total() * m.elemSize()));
}

cv::Mat window(const cv::Mat& m, double x0, double y0, double x1, double y1)
{
    const int a = cvRound(m.cols * x0), b = cvRound(m.rows * y0);
    const int c = std::min(m.cols, cvRound(m.cols * x1)), d = std::min(m.rows, cvRound(m.rows * y1));
    return m(cv::Rect(a, b, std::max(1, c - a), std::max(1, d - b)));
}

// Rotates about the centre and keeps the largest centred rectangle without borders, as a
// straighten tool does.
cv::Mat straighten(const cv::Mat& m, double degrees)
{
    const double w = m.cols, h = m.rows, a = std::abs(degrees) * CV_PI / 180.0;
    const double k = std::min(w / (w * std::cos(a) + h * std::sin(a)), h / (w * std::sin(a) + h * std::cos(a)));
    cv::Mat rot;
    cv::warpAffine(m, rot, cv::getRotationMatrix2D(cv::Point2f(float(w / 2), float(h / 2)), degrees, 1.0), m.size(),
        cv::INTER_LINEAR, cv::BORDER_REFLECT);
    return window(rot, (1 - k) / 2, (1 - k) / 2, (1 + k) / 2, (1 + k) / 2);
}

QByteArray phashBytes(const cv::Mat& m)
{
    // One hasher per thread: cv::img_hash::pHash() would build a new one for each of the 14 calls.
    thread_local const cv::Ptr<cv::img_hash::PHash> hasher = cv::img_hash::PHash::create();
    cv::Mat h;
    hasher->compute(m, h);
    return toBytes(h);
}

// small: the shrunk picture in grey (pHash looks at grey anyway; one conversion serves all 13).
QByteArray variantHashes(const cv::Mat& small)
{
    QByteArray out;
    for (double s : { 0.94, 0.88, 0.80 })
        out += phashBytes(window(small, (1 - s) / 2, (1 - s) / 2, (1 + s) / 2, (1 + s) / 2));
    for (double x : { 0.0, 0.1 })
        for (double y : { 0.0, 0.1 })
            out += phashBytes(window(small, x, y, x + 0.9, y + 0.9));
    out += phashBytes(window(small, 0.1, 0, 1, 1));
    out += phashBytes(window(small, 0, 0, 0.9, 1));
    out += phashBytes(window(small, 0, 0.1, 1, 1));
    out += phashBytes(window(small, 0, 0, 1, 0.9));
    out += phashBytes(straighten(small, 4));
    out += phashBytes(straighten(small, -4));
    // Round two (issue 11): a quarter cut off one side, and straightened by 8 degrees.
    out += phashBytes(window(small, 0.22, 0, 1, 1));
    out += phashBytes(window(small, 0, 0, 0.78, 1));
    out += phashBytes(window(small, 0, 0.22, 1, 1));
    out += phashBytes(window(small, 0, 0, 1, 0.78));
    out += phashBytes(straighten(small, 8));
    out += phashBytes(straighten(small, -8));
    return out;
}

QByteArray grayThumb(const cv::Mat& gray)
{
    cv::Mat thumb;
    cv::resize(gray, thumb, cv::Size(PerceptualHasher::kGraySide, PerceptualHasher::kGraySide), 0, 0, cv::INTER_AREA);
    return toBytes(thumb.isContinuous() ? thumb : thumb.clone());
}

// The picture in grey at 256 px on the long side: sharpness and noise are measured at this fixed
// scale so photos of different sizes compare fairly.
cv::Mat gray256(const cv::Mat& upright)
{
    cv::Mat gray, scaled;
    cv::cvtColor(upright, gray, cv::COLOR_BGR2GRAY);
    const double s = 256.0 / std::max(gray.cols, gray.rows);
    if (s >= 1.0)
        return gray;
    cv::resize(gray, scaled, cv::Size(), s, s, cv::INTER_AREA);
    return scaled;
}

QByteArray floatBytes(float v)
{
    QByteArray out(4, 0);
    std::memcpy(out.data(), &v, 4); // x86/ARM little-endian, as documented
    return out;
}

// Noise floor: the 10th percentile of the local spread of fine detail (picture minus its blur) over
// 8x8 blocks. Detail lives in some blocks, sensor or added noise in all of them, so the quietest
// blocks measure the noise: a blurred copy and the original both read near zero, a copy with grain
// added reads its grain.
QByteArray noiseBytes(const cv::Mat& gray)
{
    cv::Mat smooth;
    cv::GaussianBlur(gray, smooth, cv::Size(5, 5), 1.0);
    std::vector<float> spread;
    spread.reserve(size_t((gray.rows / 8) * (gray.cols / 8)));
    for (int y = 0; y + 8 <= gray.rows; y += 8)
        for (int x = 0; x + 8 <= gray.cols; x += 8) {
            int sum = 0, sq = 0;
            for (int r = y; r < y + 8; ++r) {
                const uchar* g = gray.ptr<uchar>(r) + x;
                const uchar* m = smooth.ptr<uchar>(r) + x;
                for (int c = 0; c < 8; ++c) {
                    const int d = int(g[c]) - int(m[c]);
                    sum += d;
                    sq += d * d;
                }
            }
            spread.push_back(float(std::sqrt(std::max(0.0, sq / 64.0 - (sum / 64.0) * (sum / 64.0)))));
        }
    float v = 0.f;
    if (!spread.empty()) {
        const auto k = spread.begin() + long(spread.size() / 10);
        std::nth_element(spread.begin(), k, spread.end());
        v = *k;
    }
    return floatBytes(v);
}

QByteArray sharpnessBytes(const cv::Mat& gray)
{
    cv::Mat lap;
    cv::Laplacian(gray, lap, CV_32F);
    cv::Scalar mean, stddev;
    cv::meanStdDev(lap, mean, stddev);
    return floatBytes(float(stddev[0] * stddev[0]));
}

// The frame around the picture (ContentRegionDetector) and, when there is one, the pHash and grey
// thumbnail of what lies inside, from the same small grey copy as the whole picture's.
QByteArray regionBytes(const cv::Mat& upright, const cv::Mat& smallGray)
{
    const ContentRegion region = ContentRegionDetector::detect(upright);
    if (region.isWhole())
        return ContentRegionDetector::encode(region, {}, {});
    const cv::Mat inner = smallGray(region.in(smallGray.cols, smallGray.rows));
    return ContentRegionDetector::encode(region, phashBytes(inner), grayThumb(inner));
}

} // namespace

QStringList PerceptualHasher::kinds()
{
    return { QStringLiteral("phash"), QStringLiteral("ahash"), QStringLiteral("phash-variants"), QStringLiteral("gray"),
        QStringLiteral("sharpness"), QStringLiteral("noise"), QStringLiteral("jpeg-quality"),
        QStringLiteral("region") };
}

QMap<QString, QByteArray> PerceptualHasher::compute(const cv::Mat& uprightBgr)
{
    QMap<QString, QByteArray> out;
    if (uprightBgr.empty() || uprightBgr.type() != CV_8UC3)
        return out;
    // Hashes look at a tiny image: shrink once with area averaging (what a pHash of the full image
    // effectively sees), so huge inputs cost no more than small ones.
    cv::Mat small;
    const double scale = 128.0 / std::max(uprightBgr.cols, uprightBgr.rows);
    if (scale < 1.0)
        cv::resize(uprightBgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
    else
        small = uprightBgr;
    out.insert(QStringLiteral("phash"), phashBytes(small));
    cv::Mat gray;
    cv::cvtColor(small, gray, cv::COLOR_BGR2GRAY);
    // The second OpenCV kind: the 8x8 average hash, from the grey copy (a block-mean hash cost
    // 0.19 ms per photo, mostly its internal upscale to 256 px, and nothing read it).
    cv::Mat h;
    cv::img_hash::averageHash(gray, h);
    out.insert(QStringLiteral("ahash"), toBytes(h));
    out.insert(QStringLiteral("phash-variants"), variantHashes(gray));
    out.insert(QStringLiteral("gray"), grayThumb(gray));
    out.insert(QStringLiteral("region"), regionBytes(uprightBgr, gray));
    const cv::Mat g256 = gray256(uprightBgr);
    out.insert(QStringLiteral("sharpness"), sharpnessBytes(g256));
    out.insert(QStringLiteral("noise"), noiseBytes(g256));
    return out;
}

int PerceptualHasher::hammingDistance(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return -1;
    int d = 0;
    for (int i = 0; i < a.size(); ++i)
        d += __builtin_popcount(static_cast<unsigned char>(a[i] ^ b[i]));
    return d;
}

uint64_t PerceptualHasher::toU64(const QByteArray& bytes, int index)
{
    uint64_t v = 0;
    if (bytes.size() >= (index + 1) * 8)
        std::memcpy(&v, bytes.constData() + index * 8, 8);
    return v;
}

std::vector<uint64_t> PerceptualHasher::variants(const QByteArray& bytes)
{
    std::vector<uint64_t> out(size_t(bytes.size() / 8));
    if (!out.empty())
        std::memcpy(out.data(), bytes.constData(), out.size() * 8);
    return out;
}

float PerceptualHasher::floatValue(const QByteArray& bytes)
{
    float v = 0.f;
    if (bytes.size() == 4)
        std::memcpy(&v, bytes.constData(), 4);
    return v;
}

} // namespace shoebox
