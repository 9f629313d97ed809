// SPDX-License-Identifier: GPL-3.0-or-later
// What exiv2 costs the scan per file (issue 14): the scan's own calls, one file at a time on one
// thread, interleaved per file so outside load falls on all of them alike.
//   bench_xmp [FILES] [ROUNDS] [LONG_SIDE]
// Writes FILES JPEGs of LONG_SIDE x 3/4 (default 40 of 4000x3000, quality 92) into a temporary
// folder, each with an embedded XMP packet (keywords, rating) and, for every other file, a digiKam
// sidecar. Per file it times: a bare reduced cv::imdecode, the decode the scan makes (decodeWithMetadata: EXIF +
// DCT-reduced decode), XmpReader::readEmbedded on the same bytes, and readSidecar where there is one. Prints the median
// per-file times and exiv2's share against the decode and against decode + exiv2.

#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "metadata/xmpreader.h"
#include "support/xmpfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// A photo-like picture: smooth gradients with fine noise, so the JPEG is the size a camera's is.
QByteArray photoJpeg(int width, int seed)
{
    const int height = width * 3 / 4;
    cv::Mat img(height, width, CV_8UC3);
    cv::theRNG().state = uint64_t(seed + 1);
    cv::Mat small(6, 8, CV_8UC3);
    cv::randu(small, cv::Scalar::all(0), cv::Scalar::all(255));
    cv::resize(small, img, img.size(), 0, 0, cv::INTER_CUBIC);
    cv::Mat noise(img.size(), CV_8UC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(12));
    img += noise;
    std::vector<unsigned char> bytes;
    cv::imencode(".jpg", img, bytes, { cv::IMWRITE_JPEG_QUALITY, 92 });
    const QByteArray jpeg(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
    const QByteArray packet = xmpPacket(QByteArrayLiteral("xmp:Rating=\"4\""),
        subjectBag({ QStringLiteral("Holidays"), QStringLiteral("Beach"), QStringLiteral("Sea") }));
    return jpegWithXmp(jpeg, packet);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int files = args.size() > 1 ? args[1].toInt() : 40;
    const int rounds = args.size() > 2 ? args[2].toInt() : 3;
    const int longSide = args.size() > 3 ? args[3].toInt() : 4000;
    QTemporaryDir dir;
    std::vector<QByteArray> bytes;
    std::vector<QByteArray> sidecars;
    for (int i = 0; i < files; ++i) {
        bytes.push_back(photoJpeg(longSide, i));
        const QString sidecar = dir.filePath(QStringLiteral("p%1.jpg.xmp").arg(i));
        QFile f(sidecar);
        const bool write = i % 2 == 0 && f.open(QIODevice::WriteOnly) && f.write(sidecarPacket(XmpTool::DigiKam)) > 0;
        sidecars.push_back(write ? QFile::encodeName(sidecar) : QByteArray());
    }
    std::printf("%d JPEGs %dx%d, %.1f MB each on average, %d rounds\n", files, longSide, longSide * 3 / 4,
        double(std::accumulate(
            bytes.begin(), bytes.end(), qint64(0), [](qint64 s, const QByteArray& b) { return s + b.size(); }))
            / files / 1e6,
        rounds);
    std::vector<double> bare, decode, embedded, sidecar;
    int keywords = 0;
    QElapsedTimer t;
    for (int r = 0; r < rounds; ++r) {
        for (int i = 0; i < files; ++i) {
            const auto* data = reinterpret_cast<const unsigned char*>(bytes[i].constData());
            const size_t size = size_t(bytes[i].size());
            t.start();
            const cv::Mat raw(1, int(size), CV_8U, const_cast<unsigned char*>(data));
            keywords += cv::imdecode(raw, cv::IMREAD_REDUCED_COLOR_8).empty() ? 1000 : 0;
            bare.push_back(t.nsecsElapsed() / 1e6);
            t.start();
            PhotoMetadata meta;
            const DecodedImage img = ImageDecoder::decodeWithMetadata(data, size, probeImage(data, size), 256, meta);
            decode.push_back(t.nsecsElapsed() / 1e6);
            t.start();
            const XmpData x = XmpReader::readEmbedded(data, size, 1);
            embedded.push_back(t.nsecsElapsed() / 1e6);
            keywords += int(x.keywords.size()) + (img.upright.empty() ? 1000 : 0);
            if (!sidecars[i].isEmpty()) {
                t.start();
                keywords += int(XmpReader::readSidecar(sidecars[i], 1).keywords.size());
                sidecar.push_back(t.nsecsElapsed() / 1e6);
            }
        }
    }
    const double b = median(bare), d = median(decode), e = median(embedded), s = median(sidecar);
    const double perFile = e + s / 2; // half the files have a sidecar
    std::printf(
        "bare cv::imdecode(IMREAD_REDUCED_COLOR_8): %.2f ms; exiv2 against it: %.1f%%\n", b, 100 * (e + s / 2) / b);
    std::printf("median per file: decode %.2f ms, embedded XMP/IPTC %.3f ms, sidecar %.3f ms (%d keywords read)\n", d,
        e, s, keywords);
    std::printf(
        "exiv2 per file (embedded + half a sidecar): %.3f ms = %.1f%% of the decode, %.1f%% of decode + exiv2\n",
        perFile, 100 * perFile / d, 100 * perFile / (d + perFile));
    return 0;
}
