// FaceAnalyzer on the installed face models and real photos: faces found, eyes aligned onto the
// template, one person's faces closer than different people's, and the tagger reporting faces.
// Skips without scripts/install-model.sh or scripts/fetch-test-photos.sh.
#include "analyzerfactory.h"
#include "faceanalyzer.h"
#include "people/facealigner.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

#include <QLineF>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace shoebox;

namespace {

const QString kData = QStringLiteral(SHOEBOX_TEST_DATA);

double distance(const std::vector<float>& a, const std::vector<float>& b)
{
    double s = 0;
    for (size_t i = 0; i < a.size(); ++i)
        s += double(a[i] - b[i]) * double(a[i] - b[i]);
    return std::sqrt(s);
}

// The photo reduced as the scan reduces it for the tagger (a quarter on each side, JPEG DCT scaling).
cv::Mat scanSized(const cv::Mat& full)
{
    cv::Mat small;
    cv::resize(full, small, cv::Size((full.cols + 3) / 4, (full.rows + 3) / 4), 0, 0, cv::INTER_AREA);
    return small;
}

// Mean distance of each face's descriptor to the descriptor of the same face found on the full photo.
double meanDistanceToFull(const std::vector<FaceDetection>& faces, const std::vector<FaceDetection>& full)
{
    double sum = 0;
    int n = 0;
    for (const FaceDetection& f : faces) {
        for (const FaceDetection& g : full) {
            if (QLineF(f.box.center(), g.box.center()).length() < 0.02 && !f.descriptor.empty()
                && !g.descriptor.empty()) {
                sum += distance(f.descriptor, g.descriptor);
                ++n;
            }
        }
    }
    return n ? sum / n : 1e9;
}

} // namespace

class TestFaceAnalyzer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void findsTheFaces_data();
    void findsTheFaces();
    void alignedEyesLandOnTheTemplate();
    void samePersonIsCloser();
    void taggerReportsFaces();
    void badImagesGiveAReason();
    void smallFacesAreDescribedFromALargerDecode();
    void aLargerDecodeOfAnotherPictureIsNotUsed();

private:
    std::unique_ptr<FaceAnalyzer> m_faces;
};

void TestFaceAnalyzer::initTestCase()
{
    AnalyzerOptions cpu;
    cpu.device = QStringLiteral("cpu");
    QString error;
    m_faces = FaceAnalyzer::locate(cpu, &error);
    if (!m_faces)
        QSKIP(qPrintable(QStringLiteral("face models not installed (scripts/install-model.sh): ") + error));
    QVERIFY(m_faces->hasDescriptor());
    if (!QDir(kData + QStringLiteral("/faces/johns")).exists())
        QSKIP("face photos missing (scripts/fetch-test-photos.sh)");
}

void TestFaceAnalyzer::findsTheFaces_data()
{
    QTest::addColumn<QString>("photo");
    QTest::addColumn<float>("minScore");
    QTest::addColumn<int>("faces");
    const float def = FaceAnalyzer::kDefaultMinScore;
    QTest::newRow("astronaut") << QStringLiteral("skimage/astronaut.png") << def << 1;
    QTest::newRow("dlib bald_guys, 24 faces") << QStringLiteral("faces/dlib/bald_guys.jpg") << def << 24;
    QTest::newRow("no face: darknet dog") << QStringLiteral("darknet/dog.jpg") << def << 0;
    // The small face in person.jpg scores 0.65: found only below the default threshold.
    QTest::newRow("darknet person at 0.6") << QStringLiteral("darknet/person.jpg") << 0.6f << 1;
    QTest::newRow("darknet person by default") << QStringLiteral("darknet/person.jpg") << def << 0;
}

void TestFaceAnalyzer::findsTheFaces()
{
    QFETCH(QString, photo);
    QFETCH(float, minScore);
    QFETCH(int, faces);
    m_faces->setMinScore(minScore);
    const cv::Mat img = cv::imread(QString(kData + QLatin1Char('/') + photo).toStdString());
    QVERIFY(!img.empty());
    const auto found = m_faces->analyze({ img }).at(0);
    m_faces->setMinScore(FaceAnalyzer::kDefaultMinScore);
    QCOMPARE(int(found.size()), faces);
    for (const FaceDetection& f : found) {
        QVERIFY(f.score >= minScore);
        QVERIFY(QRectF(0, 0, 1, 1).contains(f.box));
        QVERIFY(f.box.contains(f.keypoints[2])); // the nose is inside the box
        QVERIFY(f.keypoints[0].x() < f.keypoints[1].x()); // image-left eye first
        QCOMPARE(int(f.descriptor.size()), 128);
        QVERIFY(f.sharpness > 0.f);
    }
}

void TestFaceAnalyzer::alignedEyesLandOnTheTemplate()
{
    // Align the astronaut's face, then look for it again on the chip: the detector finds the eyes
    // level, at the template's distance apart and near its positions. (BlazeFace's keypoints on a
    // tight 150 px chip move by up to ~10 px against those on the photo, so near is 12 px.)
    const cv::Mat img = cv::imread(QString(kData + QStringLiteral("/skimage/astronaut.png")).toStdString());
    const auto found = m_faces->analyze({ img }).at(0);
    QCOMPARE(int(found.size()), 1);
    const auto& k = found[0].keypoints;
    auto px = [&](const QPointF& p) { return QPointF(p.x() * img.cols, p.y() * img.rows); };
    const cv::Mat chip = FaceAligner::align(img, { px(k[0]), px(k[1]), px(k[2]), px(k[3]) });
    const auto again = m_faces->analyze({ chip }).at(0);
    QCOMPARE(int(again.size()), 1);
    const QPointF left = again[0].keypoints[0] * double(FaceAligner::kChipSize);
    const QPointF right = again[0].keypoints[1] * double(FaceAligner::kChipSize);
    const QString where
        = QStringLiteral("eyes at %1,%2 and %3,%4").arg(left.x()).arg(left.y()).arg(right.x()).arg(right.y());
    const cv::Point2f tl = FaceAligner::chipTemplate()[0], tr = FaceAligner::chipTemplate()[1];
    QVERIFY2(std::hypot(left.x() - tl.x, left.y() - tl.y) < 12.0, qPrintable(where));
    QVERIFY2(std::hypot(right.x() - tr.x, right.y() - tr.y) < 12.0, qPrintable(where));
    QVERIFY2(std::abs(left.y() - right.y()) < 4.0, qPrintable(where));
    const double ratio = std::hypot(right.x() - left.x(), right.y() - left.y()) / std::hypot(tr.x - tl.x, tr.y - tl.y);
    QVERIFY2(ratio > 0.85 && ratio < 1.15, qPrintable(where));
}

void TestFaceAnalyzer::samePersonIsCloser()
{
    // dlib's johns: 5 people x 11 chips. Every chip's nearest other chip is the same John, and the
    // farthest same-John pair is closer than dlib's 0.6 threshold while the closest different pair is not.
    std::vector<cv::Mat> chips;
    QStringList who;
    QDirIterator it(
        kData + QStringLiteral("/faces/johns"), { QStringLiteral("*.jpg") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        chips.push_back(cv::imread(f.toStdString()));
        who << QFileInfo(f).dir().dirName();
    }
    QCOMPARE(int(chips.size()), 55);
    const auto d = m_faces->describe(chips);
    double worstSame = 0, bestOther = 1e9;
    for (size_t i = 0; i < d.size(); ++i) {
        for (size_t j = i + 1; j < d.size(); ++j) {
            const double dist = distance(d[i], d[j]);
            if (who[int(i)] == who[int(j)])
                worstSame = std::max(worstSame, dist);
            else
                bestOther = std::min(bestOther, dist);
        }
    }
    QVERIFY2(worstSame < 0.6 && bestOther > 0.6 && worstSame < bestOther,
        qPrintable(QStringLiteral("farthest same %1, closest different %2").arg(worstSame).arg(bestOther)));
}

void TestFaceAnalyzer::taggerReportsFaces()
{
    QString error;
    auto analyzer = createAnalyzer(QStringLiteral("cpu"), &error);
    if (!analyzer)
        QSKIP(qPrintable(QStringLiteral("tagger not installed: ") + error));
    QVERIFY(!analyzer->faceModelId().isEmpty());
    QCOMPARE(analyzer->faceModelId(), m_faces->modelId());
    const cv::Mat img = cv::imread(QString(kData + QStringLiteral("/skimage/astronaut.png")).toStdString());
    const auto result = analyzer->analyze({ img, cv::Mat() });
    QCOMPARE(int(result.size()), 2);
    QCOMPARE(int(result[0].faces.size()), 1);
    QVERIFY(!result[0].detections.empty()); // the tags are still there
    QVERIFY(result[1].faces.empty());
    QVERIFY(!result[1].error.isEmpty());
}

void TestFaceAnalyzer::badImagesGiveAReason()
{
    std::vector<QString> errors;
    const auto r
        = m_faces->analyze({ cv::Mat(), cv::Mat(10, 10, CV_32FC3), cv::Mat(2, 3, CV_8UC1, cv::Scalar(9)) }, &errors);
    QCOMPARE(int(r.size()), 3);
    QVERIFY(!errors[0].isEmpty());
    QVERIFY(!errors[1].isEmpty());
    QVERIFY(errors[2].isEmpty()); // tiny but valid: no face, no error
    QVERIFY(r[2].empty());
}

void TestFaceAnalyzer::smallFacesAreDescribedFromALargerDecode()
{
    // bald_guys' faces cover ~30 px in the scan's decode: their chips are upsampled ~3x there. With the
    // photo as a source, one larger decode gives chips (and descriptors) close to the full photo's.
    const cv::Mat full = cv::imread(QString(kData + QStringLiteral("/faces/dlib/bald_guys.jpg")).toStdString());
    if (full.empty())
        QSKIP("bald_guys.jpg missing (scripts/fetch-test-photos.sh)");
    const cv::Mat small = scanSized(full);
    const auto reference = m_faces->analyze({ full }).at(0);
    const auto plain = m_faces->analyze({ small }).at(0);
    int calls = 0, asked = 0;
    ImageSource source;
    source.full = QSize(full.cols, full.rows);
    source.decode = [&](int minLongSide) {
        ++calls;
        asked = minLongSide;
        return full;
    };
    const qint64 before = m_faces->facesFromLargerDecodes();
    const auto larger = m_faces->analyze({ small }, nullptr, { source }).at(0);
    QCOMPARE(calls, 1); // one decode for the photo, not one per face
    QVERIFY2(asked > small.cols && asked <= full.cols, qPrintable(QString::number(asked)));
    QCOMPARE(larger.size(), plain.size()); // the detection itself is the scan decode's
    QVERIFY(m_faces->facesFromLargerDecodes() - before >= qint64(plain.size()) / 2);
    const double withSource = meanDistanceToFull(larger, reference), without = meanDistanceToFull(plain, reference);
    QVERIFY2(withSource < 0.75 * without,
        qPrintable(QStringLiteral("to the full photo's descriptors: %1 with the larger decode, %2 without")
                       .arg(withSource)
                       .arg(without)));
}

void TestFaceAnalyzer::aLargerDecodeOfAnotherPictureIsNotUsed()
{
    // A file that changed since the scan (here: a crop) must not give faces someone else's chip.
    const cv::Mat full = cv::imread(QString(kData + QStringLiteral("/faces/dlib/bald_guys.jpg")).toStdString());
    if (full.empty())
        QSKIP("bald_guys.jpg missing (scripts/fetch-test-photos.sh)");
    const cv::Mat small = scanSized(full);
    ImageSource source;
    source.decode = [&](int) { return full(cv::Rect(0, 0, full.cols / 2, full.rows)).clone(); };
    const qint64 before = m_faces->facesFromLargerDecodes();
    const auto plain = m_faces->analyze({ small }).at(0);
    const auto other = m_faces->analyze({ small }, nullptr, { source }).at(0);
    QCOMPARE(m_faces->facesFromLargerDecodes(), before);
    QCOMPARE(other.size(), plain.size());
    for (size_t i = 0; i < plain.size(); ++i)
        QCOMPARE(other[i].descriptor, plain[i].descriptor);
}

QTEST_GUILESS_MAIN(TestFaceAnalyzer)
#include "tst_faceanalyzer.moc"
