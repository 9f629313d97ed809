// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpora of the fuzz harnesses (one folder per harness under the given folder),
// generated from the test fixtures so that no binary is committed: JPEG with EXIF and an Apple maker
// note, PNG/WebP/TIFF/BMP through OpenCV, HEIC/AVIF through libheif, a DNG through libtiff, motion
// photo trailers, keypoint and hash blobs from a real picture, a TF.js graph, a model manifest and
// search queries. Videos and GIFs come from ffmpeg in scripts/fuzz.sh. Runs on the main thread.
#include "duplicates/keypointmatcher.h"
#include "image/perceptualhasher.h"
#include "support/dngfixture.h"
#include "support/exiffixture.h"
#include "support/heiffixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFloat16>

#include <opencv2/imgcodecs.hpp>

#include <cstdio>

using namespace shoebox;

namespace {

QString g_root;

void seed(const char* harness, const QString& name, const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return;
    const QString dir = g_root + QLatin1Char('/') + QLatin1String(harness);
    QDir().mkpath(dir);
    QFile f(dir + QLatin1Char('/') + name);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

QByteArray encoded(const char* ext, const cv::Mat& image)
{
    std::vector<unsigned char> buf;
    if (!cv::imencode(ext, image, buf))
        return {};
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

// A two-byte big-endian length, then the bytes (fuzz::Input::piece()).
QByteArray piece(const QByteArray& bytes)
{
    const int n = qMin(int(bytes.size()), 0xffff);
    return QByteArray(1, char(n >> 8)) + char(n & 0xff) + bytes.left(n);
}

QByteArray exifJpeg(const cv::Mat& image)
{
    test::ExifFields f;
    f.dateTimeOriginal = "2019:07:14 12:34:56";
    f.subSecOriginal = "120";
    f.offsetOriginal = "+02:00";
    f.make = "Apple";
    f.model = "iPhone 12";
    f.orientation = 6;
    f.latitude = 48.8584;
    f.longitude = 2.2945;
    f.gpsDate = "2019:07:14";
    f.gpsTime = std::array<unsigned, 3> { 10, 34, 56 };
    f.makerNote = test::appleMakerNote("0A1B2C3D-4E5F-6789-ABCD-EF0123456789");
    return test::jpegWithExif(image, f);
}

void imageSeeds(const cv::Mat& image)
{
    const QByteArray jpeg = exifJpeg(image);
    seed("fuzz_decode_jpeg", QStringLiteral("exif.jpg"), jpeg);
    seed("fuzz_decode_jpeg", QStringLiteral("plain.jpg"), encoded(".jpg", image));
    seed("fuzz_decode_png", QStringLiteral("small.png"), encoded(".png", image));
    seed("fuzz_decode_webp", QStringLiteral("small.webp"), encoded(".webp", image));
    seed("fuzz_decode_tiff", QStringLiteral("small.tif"), encoded(".tif", image));
    seed("fuzz_decode_bmp", QStringLiteral("small.bmp"), encoded(".bmp", image));
    QString error;
    test::HeifFields heic;
    heic.thumbnailBox = 32;
    heic.exif = test::exifBlock({});
    seed("fuzz_decode_heif", QStringLiteral("small.heic"), test::encodeHeif(image, heic, &error));
    test::HeifFields avif;
    avif.avif = true;
    seed("fuzz_decode_heif", QStringLiteral("small.avif"), test::encodeHeif(image, avif, &error));
    test::DngFields dng;
    dng.previewLongSide = 64;
    seed("fuzz_decode_raw", QStringLiteral("small.dng"), test::dngBytes(image, dng, &error));
    seed("fuzz_decode_raw", QStringLiteral("nef-header.nef"), test::tiffNamingCamera("NIKON", "NIKON Z 9"));
    seed("fuzz_decode_raw", QStringLiteral("cr3-header.cr3"), test::cr3NamingCamera("Canon EOS R5"));
    // The EXIF harness: first byte picks the container (0 JPEG, 1 PNG, 2 WebP, 3 TIFF, 4 HEIF).
    seed("fuzz_exifreader", QStringLiteral("jpeg"), QByteArray(1, 0) + jpeg);
    seed("fuzz_exifreader", QStringLiteral("tiff"), QByteArray(1, 3) + encoded(".tif", image));
    seed("fuzz_imageprobe", QStringLiteral("exif.jpg"), jpeg);
    seed("fuzz_imageprobe", QStringLiteral("small.png"), encoded(".png", image));
}

void motionSeeds(const cv::Mat& image)
{
    const QByteArray mp4 = QByteArray("\0\0\0\x18"
                                      "ftypmp42\0\0\0\0mp42isom",
                               24)
        + QByteArray("\0\0\0\x08mdat", 8);
    const QByteArray xmp = "http://ns.adobe.com/xap/1.0/" + QByteArray(1, '\0')
        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description GCamera:MicroVideo=\"1\""
          " GCamera:MicroVideoOffset=\""
        + QByteArray::number(mp4.size()) + "\"/></rdf:RDF></x:xmpmeta>";
    const QByteArray jpeg = test::insertApp1(encoded(".jpg", image), xmp);
    seed("fuzz_motionphoto", QStringLiteral("microvideo.jpg"), jpeg + mp4);
    seed("fuzz_motionphoto", QStringLiteral("samsung.jpg"), encoded(".jpg", image) + "MotionPhoto_Data" + mp4);
    seed("fuzz_motionphoto", QStringLiteral("apple-note"), test::appleMakerNote("ABCD-1234"));
}

// As TagStore::packEmbedding stores embeddings and face descriptors: fp16, little-endian.
QByteArray halfs(const std::vector<float>& v)
{
    std::vector<qfloat16> h(v.size());
    qFloatToFloat16(h.data(), v.data(), qsizetype(v.size()));
    return QByteArray(reinterpret_cast<const char*>(h.data()), qsizetype(h.size() * sizeof(qfloat16)));
}

void signalSeeds(const cv::Mat& image)
{
    const QByteArray keypoints = KeypointMatcher::compute(image);
    seed("fuzz_keypoints", QStringLiteral("pair"), piece(keypoints) + keypoints);
    const QMap<QString, QByteArray> hashes = PerceptualHasher::compute(image);
    QByteArray stored("\0\0\0\x04", 4); // dim 4
    for (const char* kind :
        { "phash", "phash-variants", "gray", "sharpness", "jpeg-quality", "region", "noise", "keypoints" })
        stored += piece(hashes.value(QString::fromLatin1(kind)));
    seed("fuzz_storedsignals", QStringLiteral("photo"), stored + halfs({ 0.5f, -1.f, 2.f, 0.f }));
    // Face keypoints as FaceStore::packKeypoints stores them: six (x, y) float32 pairs.
    std::array<float, 12> points {};
    for (size_t i = 0; i < points.size(); ++i)
        points[i] = float(i) * 3.5f;
    seed("fuzz_storedsignals", QStringLiteral("face"),
        QByteArray(4, '\0') + QByteArray(16, '\0')
            + QByteArray(reinterpret_cast<const char*>(points.data()), qsizetype(sizeof(points))));
}

void textSeeds()
{
    const QByteArray graph = R"({"format":"graph-model","generatedBy":"2.7.0","modelTopology":{"node":[
{"name":"input","op":"Placeholder","attr":{"dtype":{"type":"DT_FLOAT"},"shape":{"shape":{"dim":[{"size":"1"},{"size":"8"},{"size":"8"},{"size":"3"}]}}}},
{"name":"w","op":"Const","attr":{"dtype":{"type":"DT_FLOAT"},"value":{"tensor":{"dtype":"DT_FLOAT","tensorShape":{"dim":[{"size":"1"},{"size":"1"},{"size":"3"},{"size":"2"}]}}}}},
{"name":"conv","op":"Conv2D","input":["input","w"],"attr":{"strides":{"list":{"i":["1","1","1","1"]}},"padding":{"s":"U0FNRQ=="}}}]},
"signature":{"inputs":{"input:0":{"name":"input:0","dtype":"DT_FLOAT","tensorShape":{"dim":[{"size":"1"},{"size":"8"},{"size":"8"},{"size":"3"}]}}},"outputs":{"conv:0":{"name":"conv:0"}}},
"weightsManifest":[{"paths":["group1-shard1of1.bin"],"weights":[{"name":"w","shape":[1,1,3,2],"dtype":"float32"},
{"name":"q","shape":[2],"dtype":"float32","quantization":{"dtype":"uint8","min":-1.0,"scale":0.01}}]}]})";
    QByteArray weights(8 * 4 + 2, '\x01');
    seed("fuzz_tfjsgraph", QStringLiteral("conv"), QByteArray(1, '\0') + piece(graph) + weights);
    seed("fuzz_modelmanifest", QStringLiteral("models.json"),
        R"({"models":[{"name":"centernet-mobilenetv3-coco","file":"centernet.pt","sha256":"00ff","bytes":1234,)"
        R"("task":"centernet","inputSize":512,"multipleOf":32,"stride":4,"labels":["person","bicycle"],)"
        R"("embeddingLayer":"x","source":"npm","license":"MIT"},{"name":"b","file":"b.pt","task":"blazeface"}]})");
    int i = 0;
    for (const char* q : { "beach 2019", "tag:dog camera:\"Canon EOS\" 2020-07", "rating:>=3 fav picked -rejected",
             "place:Paris person:Anne type:video", "year:1999 date:2001/12 name:IMG_0001", "\"quoted words\" x:y:z" })
        seed("fuzz_searchquery", QStringLiteral("q%1").arg(i++), QByteArray(q));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds OUTPUT_FOLDER\n");
        return 2;
    }
    g_root = QString::fromLocal8Bit(argv[1]);
    const cv::Mat image = test::markedImage(96, 64);
    imageSeeds(image);
    motionSeeds(image);
    signalSeeds(image);
    textSeeds();
    return 0;
}
