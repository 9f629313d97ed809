// Faces (issue 12): quality and speed of BlazeFace + alignment + the dlib descriptor, and the dumps
// check_faces_vs_tfjs.sh compares with TF.js. Needs scripts/install-model.sh and fetch-test-photos.sh.
//   bench_faces [--always-tile]          detection recall/precision, verification AUC / TAR, faces/s
//   bench_faces dump-detector PHOTO OUT  OUT.in (whole-photo pass input), OUT.logits, OUT.boxes
//   bench_faces dump-descriptor OUT CHIP...  OUT.in (RGB 0..255 chips), OUT.desc
//   bench_faces draw PHOTO OUT.jpg       the photo with boxes, keypoints and scores (for eyeballing)
//   bench_faces scan-cost [ROUNDS]       what faces add to tagging on the scan's decodes: tagger alone,
//                                        + faces tiled whenever large enough, + faces tiled on a hint,
//                                        + small faces cut from a larger decode of the file
#include "blazefacedecoder.h"
#include "faceanalyzer.h"
#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "modelmanifest.h"
#include "people/facealigner.h"
#include "torchanalyzer.h"
#include "tunables.h"

#include <ATen/Parallel.h>
#include <torch/script.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QXmlStreamReader>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace shoebox;

namespace {

const QString kData = QStringLiteral(SHOEBOX_TEST_DATA "/faces");

void writeFloats(const QString& path, const float* p, size_t n)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(reinterpret_cast<const char*>(p), qint64(n * sizeof(float)));
}

ModelInfo model(const QString& task)
{
    QString error;
    const auto m = ModelManifest::locateTask(task, &error);
    if (!m) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        std::exit(1);
    }
    return *m;
}

int dumpDetector(const QString& photo, const QString& out)
{
    const cv::Mat bgr = cv::imread(photo.toStdString(), cv::IMREAD_COLOR);
    const cv::Mat in = BlazeFaceDecoder::input(bgr, BlazeFaceDecoder::letterbox(QRect(0, 0, bgr.cols, bgr.rows)));
    writeFloats(out + QStringLiteral(".in"), in.ptr<float>(), in.total() * 3);
    auto m = torch::jit::load(model(QStringLiteral("blazeface")).path().toStdString());
    c10::InferenceMode guard;
    const at::Tensor x
        = torch::from_blob(const_cast<float*>(in.ptr<float>()), { 1, 256, 256, 3 }).permute({ 0, 3, 1, 2 });
    const auto e = m.forward({ x.contiguous() }).toTuple()->elements();
    const at::Tensor logits = torch::cat({ e[0].toTensor(), e[2].toTensor() }, 1).contiguous();
    const at::Tensor boxes = torch::cat({ e[1].toTensor(), e[3].toTensor() }, 1).contiguous();
    writeFloats(out + QStringLiteral(".logits"), logits.data_ptr<float>(), size_t(logits.numel()));
    writeFloats(out + QStringLiteral(".boxes"), boxes.data_ptr<float>(), size_t(boxes.numel()));
    return 0;
}

int dumpDescriptor(const QString& out, const QStringList& chips)
{
    std::vector<float> all;
    for (const QString& c : chips) {
        cv::Mat bgr = cv::imread(c.toStdString(), cv::IMREAD_COLOR), rgb, f;
        cv::resize(bgr, bgr, cv::Size(150, 150), 0, 0, cv::INTER_AREA);
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        rgb.convertTo(f, CV_32FC3);
        all.insert(all.end(), f.ptr<float>(), f.ptr<float>() + f.total() * 3);
    }
    writeFloats(out + QStringLiteral(".in"), all.data(), all.size());
    auto m = torch::jit::load(model(QStringLiteral("face-descriptor")).path().toStdString());
    c10::InferenceMode guard;
    const at::Tensor x
        = torch::from_blob(all.data(), { int64_t(chips.size()), 150, 150, 3 }).permute({ 0, 3, 1, 2 }).contiguous();
    const at::Tensor d = m.forward({ x }).toTensor().contiguous();
    writeFloats(out + QStringLiteral(".desc"), d.data_ptr<float>(), size_t(d.numel()));
    return 0;
}

struct Truth {
    QString file;
    std::vector<QRectF> boxes;
};

// dlib's imglab XML (training.xml, testing.xml): <image file=...><box top left width height [ignore]/>.
std::vector<Truth> readTruth(const QString& xml)
{
    std::vector<Truth> out;
    QFile f(xml);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader r(&f);
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        const auto a = r.attributes();
        if (r.name() == QLatin1String("image"))
            out.push_back({ a.value(QLatin1String("file")).toString(), {} });
        else if (r.name() == QLatin1String("box") && !out.empty()
            && a.value(QLatin1String("ignore")) != QLatin1String("1"))
            out.back().boxes.emplace_back(a.value(QLatin1String("left")).toDouble(),
                a.value(QLatin1String("top")).toDouble(), a.value(QLatin1String("width")).toDouble(),
                a.value(QLatin1String("height")).toDouble());
    }
    return out;
}

} // namespace

namespace {

std::unique_ptr<FaceAnalyzer> analyzer()
{
    AnalyzerOptions cpu;
    cpu.device = QStringLiteral("cpu");
    QString error;
    auto a = FaceAnalyzer::locate(cpu, &error);
    if (!a) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        std::exit(1);
    }
    return a;
}

void detection(FaceAnalyzer& faces)
{
    int truthCount = 0, found = 0, matched = 0;
    for (const QString& xml : { QStringLiteral("training.xml"), QStringLiteral("testing.xml") }) {
        for (const Truth& t : readTruth(kData + QStringLiteral("/dlib/") + xml)) {
            const cv::Mat img = cv::imread(QString(kData + QStringLiteral("/dlib/") + t.file).toStdString());
            const auto result = faces.analyze({ img }).at(0);
            std::vector<bool> used(t.boxes.size(), false);
            for (const FaceDetection& f : result) {
                const QRectF box(
                    f.box.x() * img.cols, f.box.y() * img.rows, f.box.width() * img.cols, f.box.height() * img.rows);
                for (size_t k = 0; k < t.boxes.size(); ++k) {
                    if (!used[k] && BlazeFaceDecoder::iou(box, t.boxes[k]) >= 0.3) {
                        used[k] = true;
                        ++matched;
                        break;
                    }
                }
            }
            truthCount += int(t.boxes.size());
            found += int(result.size());
        }
    }
    std::printf("dlib VOC photos (training.xml + testing.xml, IoU >= 0.3): %d faces annotated, %d found, %d matched: "
                "recall %.3f, precision %.3f\n",
        truthCount, found, matched, double(matched) / truthCount, double(matched) / std::max(1, found));
    struct Count {
        QString file;
        int expected;
    };
    const Count counts[] = { { QStringLiteral("dlib/bald_guys.jpg"), 24 },
        { QStringLiteral("faceapi/sample1.jpg"), -1 }, { QStringLiteral("faceapi/sample2.jpg"), -1 },
        { QStringLiteral("faceapi/sample3.jpg"), -1 }, { QStringLiteral("faceapi/sample4.jpg"), -1 },
        { QStringLiteral("faceapi/sample5.jpg"), -1 }, { QStringLiteral("faceapi/sample6.jpg"), -1 },
        { QStringLiteral("../skimage/astronaut.png"), 1 }, { QStringLiteral("../darknet/person.jpg"), 1 } };
    for (const Count& c : counts) {
        const cv::Mat img = cv::imread(QString(kData + QLatin1Char('/') + c.file).toStdString());
        const auto result = faces.analyze({ img }).at(0);
        std::printf("%-28s %dx%d: %zu faces (expected %s), scores", qPrintable(c.file), img.cols, img.rows,
            result.size(), c.expected < 0 ? "see BENCHMARKS.md" : qPrintable(QString::number(c.expected)));
        for (const FaceDetection& f : result)
            std::printf(" %.2f", double(f.score));
        std::printf("\n");
    }
}

double distance(const std::vector<float>& a, const std::vector<float>& b)
{
    double s = 0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        s += double(a[i] - b[i]) * double(a[i] - b[i]);
    return std::sqrt(s);
}

void verification(FaceAnalyzer& faces)
{
    std::vector<cv::Mat> chips;
    std::vector<QString> who;
    QDirIterator it(
        kData + QStringLiteral("/johns"), { QStringLiteral("*.jpg") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        chips.push_back(cv::imread(f.toStdString()));
        who.push_back(QFileInfo(f).dir().dirName());
    }
    // dlib's chips as they are, and re-aligned by Shoebox from BlazeFace's keypoints on the chip.
    const std::vector<std::vector<float>> direct = faces.describe(chips);
    std::vector<std::vector<float>> realigned;
    for (const cv::Mat& c : chips) {
        const auto r = faces.analyze({ c }).at(0);
        realigned.push_back(r.empty() ? std::vector<float>() : r.front().descriptor);
    }
    for (const std::vector<std::vector<float>>* set :
        { &direct, const_cast<const std::vector<std::vector<float>>*>(&realigned) }) {
        std::vector<double> genuine, impostor;
        for (size_t i = 0; i < chips.size(); ++i)
            for (size_t j = i + 1; j < chips.size(); ++j)
                if (!(*set)[i].empty() && !(*set)[j].empty())
                    (who[i] == who[j] ? genuine : impostor).push_back(distance((*set)[i], (*set)[j]));
        double wins = 0;
        for (double g : genuine)
            for (double x : impostor)
                wins += g < x ? 1.0 : (g == x ? 0.5 : 0.0);
        std::sort(impostor.begin(), impostor.end());
        const double far1 = impostor[size_t(impostor.size() * 0.01)];
        const double tar = double(std::count_if(genuine.begin(), genuine.end(), [&](double g) { return g < far1; }))
            / genuine.size();
        const double tar06
            = double(std::count_if(genuine.begin(), genuine.end(), [](double g) { return g < 0.6; })) / genuine.size();
        const double far06 = double(std::count_if(impostor.begin(), impostor.end(), [](double x) { return x < 0.6; }))
            / impostor.size();
        std::printf("johns %s: %zu genuine / %zu impostor pairs: AUC %.4f, TAR %.3f at FAR 1%% (distance %.3f); "
                    "at dlib's 0.6: TAR %.3f, FAR %.4f\n",
            set == &direct ? "(dlib's chips)" : "(BlazeFace + Shoebox alignment)", genuine.size(), impostor.size(),
            wins / (double(genuine.size()) * impostor.size()), tar, far1, tar06, far06);
    }
}

void speed(FaceAnalyzer& faces)
{
    std::vector<cv::Mat> photos;
    for (int i = 1; i <= 6; ++i)
        photos.push_back(cv::imread(QString(kData + QStringLiteral("/faceapi/sample%1.jpg").arg(i)).toStdString()));
    photos.push_back(cv::imread(QString(kData + QStringLiteral("/dlib/bald_guys.jpg")).toStdString()));
    faces.analyze({ photos[0] }); // warm-up
    QElapsedTimer t;
    t.start();
    size_t n = 0;
    for (int round = 0; round < 3; ++round)
        for (const cv::Mat& p : photos)
            n += faces.analyze({ p }).at(0).size();
    const double s = t.nsecsElapsed() / 1e9;
    std::vector<cv::Mat> chips(64, cv::Mat(150, 150, CV_8UC3, cv::Scalar(90, 120, 160)));
    t.restart();
    faces.describe(chips);
    const double d = t.nsecsElapsed() / 1e9;
    std::printf("CPU, %d torch threads: %zu photos in %.2f s: %.1f photos/s, %.1f faces/s (detection + alignment + "
                "descriptor); descriptor alone %.1f chips/s\n",
        at::get_num_threads(), photos.size() * 3, s, photos.size() * 3 / s, n / s, chips.size() / d);
}

cv::Mat decodeFile(const QString& path, int minLongSide)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return cv::Mat();
    const QByteArray bytes = file.readAll();
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const ImageProbe probe = probeImage(data, size_t(bytes.size()));
    return ImageDecoder::decode(data, size_t(bytes.size()), probe, 1, minLongSide).upright;
}

// The photos of face_scan_cost.sh, decoded as the scan decodes them for tagging (long side >= 448),
// each with its file as the source of a larger decode.
std::pair<std::vector<cv::Mat>, std::vector<ImageSource>> scanDecodes()
{
    QStringList files;
    const QStringList dirs { kData + QStringLiteral("/faceapi"), kData + QStringLiteral("/dlib"),
        kData + QStringLiteral("/../darknet") };
    for (const QString& dir : dirs)
        for (const QFileInfo& fi : QDir(dir).entryInfoList({ QStringLiteral("*.jpg") }, QDir::Files, QDir::Name))
            files << fi.absoluteFilePath();
    for (const char* name : { "astronaut.png", "chelsea.png", "coffee.png" })
        files << kData + QStringLiteral("/../skimage/") + QLatin1String(name);
    std::pair<std::vector<cv::Mat>, std::vector<ImageSource>> out;
    for (const QString& f : files) {
        const cv::Mat img = decodeFile(f, tunables::kMinDecodeLongSideForTagging);
        if (img.empty())
            continue;
        out.first.push_back(img);
        ImageSource source;
        source.decode = [f](int minLongSide) { return decodeFile(f, minLongSide); };
        out.second.push_back(source);
    }
    return out;
}

int scanCost(int rounds)
{
    const auto [photos, sources] = scanDecodes();
    AnalyzerOptions options;
    options.device = QStringLiteral("cpu");
    QString error;
    const auto tagger = ModelManifest::locate(QString(), &error);
    constexpr int kRuns = 4;
    std::unique_ptr<TorchAnalyzer> runs[kRuns];
    const FaceAnalyzer* counters[kRuns] = { nullptr, nullptr, nullptr, nullptr };
    for (int k = 0; k < kRuns; ++k) {
        runs[k] = tagger ? TorchAnalyzer::load(*tagger, options, &error) : nullptr;
        auto faces = k > 0 && runs[k] ? FaceAnalyzer::locate(options, &error) : nullptr;
        if (!runs[k] || (k > 0 && !faces)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        if (k == 1)
            faces->setTiling(FaceAnalyzer::Tiling::Always);
        counters[k] = faces.get();
        if (faces)
            runs[k]->attachFaces(std::move(faces));
    }
    const char* names[kRuns] = { "tagger alone", "+ faces, tiles whenever large enough",
        "+ faces, tiles on a small-face hint", "+ faces, hint, small faces from a larger decode" };
    double seconds[kRuns] = {}, cpu[kRuns] = {};
    size_t faces[kRuns] = {};
    for (int r = 0; r < rounds; ++r) {
        for (int k = 0; k < kRuns; ++k) {
            QElapsedTimer t;
            t.start();
            const std::clock_t c = std::clock();
            size_t found = 0;
            for (size_t i = 0; i < photos.size(); ++i) // one photo per call, as on the CPU (batch 1)
                found
                    += (k == 3 ? runs[k]->analyzeFrom({ photos[i] }, { sources[i] }) : runs[k]->analyze({ photos[i] }))
                           .at(0)
                           .faces.size();
            seconds[k] += t.nsecsElapsed() / 1e9;
            cpu[k] += double(std::clock() - c) / CLOCKS_PER_SEC;
            faces[k] = found;
        }
    }
    std::printf("%zu photos decoded as the scan does (long side >= %d), %d rounds, CPU, %d torch threads\n",
        photos.size(), tunables::kMinDecodeLongSideForTagging, rounds, at::get_num_threads());
    for (int k = 0; k < kRuns; ++k)
        std::printf("%-48s %.2f s wall, %.2f s CPU per round (CPU x%.2f the tagger alone), %zu faces, %.1f detector "
                    "passes per photo, %lld larger decodes\n",
            names[k], seconds[k] / rounds, cpu[k] / rounds, cpu[k] / cpu[0], faces[k],
            counters[k] ? double(counters[k]->detectorPasses()) / (rounds * double(photos.size())) : 0.0,
            counters[k] ? static_cast<long long>(counters[k]->largerDecodes()) : 0LL);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("dump-detector") && args.size() == 3)
        return dumpDetector(args[1], args[2]);
    if (args.value(0) == QLatin1String("dump-descriptor") && args.size() >= 3)
        return dumpDescriptor(args[1], args.mid(2));
    if (args.value(0) == QLatin1String("scan-cost"))
        return scanCost(std::max(1, args.value(1, QStringLiteral("2")).toInt()));
    auto faces = analyzer();
    if (args.value(0) == QLatin1String("draw") && args.size() == 3) {
        cv::Mat img = cv::imread(args[1].toStdString());
        const auto found = faces->analyze({ img }).at(0);
        for (const FaceDetection& f : found) {
            const cv::Rect r(int(f.box.x() * img.cols), int(f.box.y() * img.rows), int(f.box.width() * img.cols),
                int(f.box.height() * img.rows));
            cv::rectangle(img, r, cv::Scalar(0, 255, 0), 2);
            for (const QPointF& k : f.keypoints)
                cv::circle(img, cv::Point(int(k.x() * img.cols), int(k.y() * img.rows)), 3, cv::Scalar(0, 0, 255), -1);
            cv::putText(img, QString::number(double(f.score), 'f', 2).toStdString(), r.tl(), cv::FONT_HERSHEY_SIMPLEX,
                0.8, cv::Scalar(255, 255, 0), 2);
        }
        if (img.cols > 1000)
            cv::resize(img, img, cv::Size(), 1000.0 / img.cols, 1000.0 / img.cols, cv::INTER_AREA);
        return cv::imwrite(args[2].toStdString(), img) ? 0 : 1;
    }
    if (args.contains(QStringLiteral("--always-tile"))) // the tiling before the small-face hint
        faces->setTiling(FaceAnalyzer::Tiling::Always);
    std::printf("models: %s\n", qPrintable(faces->modelId()));
    detection(*faces);
    verification(*faces);
    speed(*faces);
    std::printf("detector passes: %lld\n", static_cast<long long>(faces->detectorPasses()));
    return 0;
}
