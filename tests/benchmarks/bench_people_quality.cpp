// Face clustering quality (issue 12) through the real models on the identity sets that can be had
// offline (scripts/fetch-test-photos.sh): dlib's examples/johns (5 people x 11 aligned chips) and
// examples/faces/bald_guys.jpg (24 faces of 4 people in one collage, support/baldguys.h). Pairwise F and BCubed F of
// Shoebox's clusterer beside plain DBSCAN and Chinese whispers at the same distance (0.5, ours) and at
// dlib's 0.6. bald_guys three ways: at full size, as the scan decodes it for tagging (a quarter), and
// that decode with small faces cut from a larger decode (issue 12); johns' chips are 150 px, which the
// scan's decode keeps whole. Needs scripts/install-model.sh (blazeface + face-descriptor).
//   SHOEBOX_MODELS=build/models bench_people_quality
//   SHOEBOX_MODELS=build/models bench_people_quality draw OUT.png   bald_guys' faces numbered (truth check)
#include "clusterbaselines.h"
#include "faceanalyzer.h"
#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "support/baldguys.h"
#include "tunables.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLineF>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <map>

using namespace shoebox;
using namespace shoebox::bench;

namespace {

const QString kData = QStringLiteral(SHOEBOX_TEST_DATA "/faces");

struct IdentitySet {
    QString name;
    std::vector<std::vector<float>> descriptors;
    std::vector<int> truth; // person of each face
    std::vector<qint64> photo; // photo of each face (two faces of one photo are never one person for us)
    std::vector<QPointF> centres; // bald_guys: each face's box centre (normalised), to match decodes
};

std::unique_ptr<FaceAnalyzer> analyzer()
{
    AnalyzerOptions cpu;
    cpu.device = QStringLiteral("cpu");
    QString error;
    auto a = FaceAnalyzer::locate(cpu, &error);
    if (!a || !a->hasDescriptor()) {
        std::fprintf(stderr, "%s\n", a ? "no face-descriptor model installed" : qPrintable(error));
        std::exit(1);
    }
    return a;
}

// dlib's chips as they are (direct) or found again by BlazeFace and re-aligned by Shoebox.
IdentitySet johns(FaceAnalyzer& faces, bool direct)
{
    IdentitySet set { direct ? QStringLiteral("johns, dlib's chips") : QStringLiteral("johns, BlazeFace + Shoebox"), {},
        {}, {}, {} };
    std::vector<cv::Mat> chips;
    std::vector<int> who;
    std::map<QString, int> people;
    QDirIterator it(
        kData + QStringLiteral("/johns"), { QStringLiteral("*.jpg") }, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString& f : files) {
        chips.push_back(cv::imread(f.toStdString()));
        const QString name = QFileInfo(f).dir().dirName();
        who.push_back(people.emplace(name, int(people.size())).first->second);
    }
    std::vector<std::vector<float>> d;
    if (direct) {
        d = faces.describe(chips);
    } else {
        for (const cv::Mat& c : chips) {
            const auto r = faces.analyze({ c }).at(0);
            d.push_back(r.empty() ? std::vector<float>() : r.front().descriptor);
        }
    }
    for (size_t i = 0; i < d.size(); ++i) {
        if (d[i].size() != size_t(ClusterInput::kDim))
            continue; // no face found on the chip: not clustered (counted in the report)
        set.descriptors.push_back(d[i]);
        set.truth.push_back(who[i]);
        set.photo.push_back(qint64(i) + 1);
    }
    return set;
}

// bald_guys.jpg decoded as the scan decodes it for tagging (long side >= 448: a quarter, DCT-reduced),
// or at full size; source: the file decoded again at the size a small face asks for.
cv::Mat decodeBald(int minLongSide)
{
    QFile file(kData + QStringLiteral("/dlib/bald_guys.jpg"));
    if (!file.open(QIODevice::ReadOnly))
        return cv::Mat();
    const QByteArray bytes = file.readAll();
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    return ImageDecoder::decode(data, size_t(bytes.size()), probeImage(data, size_t(bytes.size())), 1, minLongSide)
        .upright;
}

enum class Decode { Full, Scan, ScanAndLarger };

// Each portrait of the collage counts as its own photo: in one photo the same-photo rule would
// (rightly) keep every face apart.
IdentitySet baldGuys(FaceAnalyzer& faces, Decode decode)
{
    const char* names[] = { "bald_guys (24 portraits, full size)", "bald_guys (24 portraits, the scan's decode)",
        "bald_guys (24 portraits, the scan's decode + a larger one for small faces)" };
    IdentitySet set { QString::fromLatin1(names[int(decode)]), {}, {}, {}, {} };
    const cv::Mat img
        = decode == Decode::Full ? decodeBald(1 << 20) : decodeBald(tunables::kMinDecodeLongSideForTagging);
    ImageSource source;
    source.decode = decodeBald;
    const qint64 before = faces.facesFromLargerDecodes();
    // A copy: the call's result is a temporary.
    const std::vector<FaceDetection> found
        = faces
              .analyze({ img }, nullptr,
                  decode == Decode::ScanAndLarger ? std::vector<ImageSource> { source } : std::vector<ImageSource> {})
              .at(0);
    set.name += QStringLiteral(", %1 px wide, %2 faces cut from a larger decode")
                    .arg(img.cols)
                    .arg(faces.facesFromLargerDecodes() - before);
    for (const FaceDetection& f : found) {
        if (f.descriptor.size() != size_t(ClusterInput::kDim))
            continue;
        const int portrait = test::baldPortrait(f.box.center());
        set.descriptors.push_back(f.descriptor);
        set.truth.push_back(test::kBaldGuys[portrait].person);
        set.photo.push_back(portrait + 1);
        set.centres.push_back(f.box.center());
    }
    return set;
}

// Mean distance of each face's descriptor to the same face's descriptor on the full-size photo.
double meanDistanceTo(const IdentitySet& set, const IdentitySet& full)
{
    double sum = 0;
    int n = 0;
    for (size_t i = 0; i < set.centres.size(); ++i) {
        for (size_t j = 0; j < full.centres.size(); ++j) {
            if (QLineF(set.centres[i], full.centres[j]).length() >= 0.02)
                continue;
            double d = 0;
            for (int k = 0; k < ClusterInput::kDim; ++k)
                d += double(set.descriptors[i][size_t(k)] - full.descriptors[j][size_t(k)])
                    * double(set.descriptors[i][size_t(k)] - full.descriptors[j][size_t(k)]);
            sum += std::sqrt(d);
            ++n;
        }
    }
    return n ? sum / n : 0;
}

IdentitySet combined(const IdentitySet& a, const IdentitySet& b)
{
    IdentitySet set { a.name + QStringLiteral(" + ") + b.name, a.descriptors, a.truth, a.photo, a.centres };
    const int people = *std::max_element(a.truth.begin(), a.truth.end()) + 1;
    for (size_t i = 0; i < b.truth.size(); ++i) {
        set.descriptors.push_back(b.descriptors[i]);
        set.truth.push_back(people + b.truth[i]);
        set.photo.push_back(1000 + b.photo[i]);
    }
    return set;
}

ClusterInput clusterInput(const IdentitySet& set)
{
    ClusterInput input;
    for (size_t i = 0; i < set.truth.size(); ++i) {
        input.faces.push_back({ qint64(i) + 1, set.photo[i], 0, -1, {} });
        input.descriptors.insert(input.descriptors.end(), set.descriptors[i].begin(), set.descriptors[i].end());
    }
    return input;
}

void report(QTextStream& out, const IdentitySet& set, int expectedFaces)
{
    const int people = set.truth.empty() ? 0 : *std::max_element(set.truth.begin(), set.truth.end()) + 1;
    out << "\n"
        << set.name << ": " << set.truth.size() << " faces described (of " << expectedFaces << "), " << people
        << " people\n";
    if (set.truth.empty())
        return;
    const ClusterInput input = clusterInput(set);
    auto line = [&](const QString& name, float eps, const Scores& s) {
        out << QStringLiteral("  %1 at %2: pairwise F %3  BCubed F %4  people %5  faces left alone %6\n")
                   .arg(name, -28)
                   .arg(eps, 0, 'f', 2)
                   .arg(s.pairwiseF, 0, 'f', 3)
                   .arg(s.bcubedF, 0, 'f', 3)
                   .arg(s.clusters - int(std::lround(s.noise * double(set.truth.size()))))
                   .arg(int(std::lround(s.noise * double(set.truth.size()))));
    };
    for (float eps : { 0.5f, 0.6f }) {
        ClusterParams params;
        params.eps = eps;
        const ClusterOutcome ours = FaceClusterer(params).cluster(input);
        const auto nb = neighbourGraph(input, 64, eps);
        line(QStringLiteral("shoebox (core-point DBSCAN)"), eps, score(set.truth, clustererLabels(input, ours)));
        line(QStringLiteral("plain DBSCAN (minPts 3)"), eps, score(set.truth, dbscan(nb, 3)));
        line(QStringLiteral("Chinese whispers (20 rounds)"), eps, score(set.truth, chineseWhispers(nb, 20, 1)));
    }
}

int draw(FaceAnalyzer& faces, const QString& out)
{
    cv::Mat img = cv::imread(QString(kData + QStringLiteral("/dlib/bald_guys.jpg")).toStdString());
    const auto found = faces.analyze({ img }).at(0);
    for (const FaceDetection& f : found) {
        const cv::Rect r(int(f.box.x() * img.cols), int(f.box.y() * img.rows), int(f.box.width() * img.cols),
            int(f.box.height() * img.rows));
        cv::rectangle(img, r, cv::Scalar(0, 255, 0), 2);
        cv::putText(img, std::to_string(test::kBaldGuys[test::baldPortrait(f.box.center())].person), r.tl(),
            cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(0, 255, 255), 4);
    }
    cv::resize(img, img, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    return cv::imwrite(out.toStdString(), img) ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    auto faces = analyzer();
    if (args.value(0) == QLatin1String("draw") && args.size() == 2)
        return draw(*faces, args[1]);
    QTextStream out(stdout);
    out << "models: " << faces->modelId() << "\n";
    const IdentitySet direct = johns(*faces, true), realigned = johns(*faces, false);
    report(out, direct, 55);
    report(out, realigned, 55);
    const IdentitySet full = baldGuys(*faces, Decode::Full);
    for (Decode decode : { Decode::Full, Decode::Scan, Decode::ScanAndLarger }) {
        const IdentitySet bald = decode == Decode::Full ? full : baldGuys(*faces, decode);
        report(out, bald, 24);
        out << "  mean distance to the full-size photo's descriptor of the same face: " << meanDistanceTo(bald, full)
            << "\n";
        report(out, combined(realigned, bald), 79);
    }
    return 0;
}
