// Faces from the tagging job: stored in its transactions, analysed once per face model, clustered
// at the end of the job, skipped with --no-faces, and kept with their people when a photo moves.

#include "people/facestore.h"
#include "people/peopleservice.h"
#include "people/personstore.h"
#include "scan/scanner.h"
#include "support/facefixture.h"
#include "support/testlibrary.h"
#include "tags/tagjob.h"
#include "tags/tagstore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <atomic>
#include <memory>
#include <mutex>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// One face per image; the image's blue level says whose (person = blue / 50), so a photo always
// shows the same person.
class FakeFaceAnalyzer : public ImageAnalyzer {
public:
    FakeFaceAnalyzer(QString faceModel, std::atomic_int* images)
        : m_faceModel(std::move(faceModel))
        , m_images(images)
    {
        for (int p = 0; p < 4; ++p)
            m_gen.addPerson();
    }
    QString modelId() const override { return QStringLiteral("fake@1"); }
    QString faceModelId() const override { return m_faceDisabled ? QString() : m_faceModel; }
    void disableFaces() override { m_faceDisabled = true; }
    QStringList labels() const override { return {}; }
    std::vector<Analysis> analyze(const std::vector<cv::Mat>& images) override
    {
        std::vector<Analysis> out(images.size());
        for (size_t i = 0; i < images.size(); ++i) {
            if (images[i].empty()) {
                out[i].error = QStringLiteral("empty");
                continue;
            }
            if (m_faceDisabled) // a real analyzer runs no face inference then
                continue;
            ++*m_images;
            const int person = std::clamp(images[i].at<cv::Vec3b>(0, 0)[0] / 50, 0, 3);
            out[i].faces.push_back(syntheticFace(m_gen.face(person)));
        }
        return out;
    }
    // Decodes every photo's original again, as FaceAnalyzer does for a small face, and records what
    // it got (full size known, decoded size).
    std::vector<Analysis> analyzeFrom(
        const std::vector<cv::Mat>& images, const std::vector<ImageSource>& sources) override
    {
        for (const ImageSource& s : sources) {
            const cv::Mat larger = s.decode ? s.decode(1600) : cv::Mat();
            std::lock_guard lock(originalsMutex);
            originals << qMakePair(s.full, QSize(larger.cols, larger.rows));
        }
        return analyze(images);
    }
    static inline std::mutex originalsMutex;
    static inline QList<QPair<QSize, QSize>> originals; // (full, decoded) per image given a source

private:
    QString m_faceModel;
    std::atomic_int* m_images; // images whose faces were looked for
    bool m_faceDisabled = false;
    SyntheticFaces m_gen { 31 };
};

} // namespace

class TestFaceScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void facesAreStoredAndClusteredByTheJob();
    void eachFaceModelAnalysesAPhotoOnce_data();
    void eachFaceModelAnalysesAPhotoOnce();
    void noFacesSkipsThem();
    void peopleAppearWhileTheJobRuns();
    void facesKeepTheirPersonWhenAPhotoMoves();
    void facesCanDecodeTheirOriginalAgain_data();
    void facesCanDecodeTheirOriginalAgain();

private:
    void writePhotos(int each); // three people, `each` photos of each
    TagProgress runJob(const QString& faceModel, bool faces = true, int* analysed = nullptr);
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
};

void TestFaceScan::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
}

void TestFaceScan::writePhotos(int each)
{
    QDir(m_dir->folder()).mkpath(QStringLiteral("photos"));
    for (int i = 0; i < 3 * each; ++i) {
        const QString path = m_dir->filePath(QStringLiteral("photos/p%1.png").arg(i));
        // PNG: exact pixel values, so the fake analyzer sees the person.
        QVERIFY(cv::imwrite(path.toStdString(), cv::Mat(300, 400, CV_8UC3, cv::Scalar((i % 3) * 50 + 10, 90, 90))));
    }
    Scanner scanner(m_lib);
    scanner.setWriteThumbnails(false);
    const ScanSummary s = scanner.scan({ QFile::encodeName(m_dir->filePath(QStringLiteral("photos"))) });
    QCOMPARE(s.totals.added, qint64(3 * each));
}

TagProgress TestFaceScan::runJob(const QString& faceModel, bool faces, int* analysed)
{
    std::atomic_int images { 0 };
    TagJob job(m_lib, [&](QString*) { return std::make_unique<FakeFaceAnalyzer>(faceModel, &images); });
    job.setFacesEnabled(faces);
    job.start();
    job.finishFeeding();
    job.wait();
    if (analysed)
        *analysed = images.load();
    return job.progressSnapshot();
}

void TestFaceScan::facesAreStoredAndClusteredByTheJob()
{
    writePhotos(4);
    const TagProgress p = runJob(QStringLiteral("faces@1"));
    QCOMPARE(p.done, qint64(12));
    QCOMPARE(p.faces, qint64(12));
    QCOMPARE(p.peoplePlaced, qint64(12));
    const QList<Person> people = PersonStore(m_lib).people();
    QCOMPARE(people.size(), 3);
    for (const Person& person : people)
        QCOMPARE(person.faces, qint64(4));
}

void TestFaceScan::eachFaceModelAnalysesAPhotoOnce_data()
{
    QTest::addColumn<QString>("second");
    QTest::addColumn<int>("expected");
    QTest::newRow("same face model: nothing left") << QStringLiteral("faces@1") << 0;
    QTest::newRow("newer face model: every photo") << QStringLiteral("faces@2") << 9;
}

void TestFaceScan::eachFaceModelAnalysesAPhotoOnce()
{
    QFETCH(QString, second);
    QFETCH(int, expected);
    writePhotos(3);
    int analysed = 0;
    runJob(QStringLiteral("faces@1"), true, &analysed);
    QCOMPARE(analysed, 9);
    const qint64 person = PersonStore(m_lib).people().value(0).id;
    runJob(second, true, &analysed);
    QCOMPARE(analysed, expected);
    // Re-analysis keeps the face rows, so the people stay as they were.
    QVERIFY(person > 0);
    QCOMPARE(PersonStore(m_lib).person(person).faces, qint64(3));
    QCOMPARE(FaceStore(m_lib).pendingCount(second), qint64(0));
}

void TestFaceScan::noFacesSkipsThem()
{
    writePhotos(2);
    int analysed = -1;
    const TagProgress p = runJob(QStringLiteral("faces@1"), false, &analysed);
    QCOMPARE(p.done, qint64(6));
    QCOMPARE(analysed, 0); // no face inference at all, not only no stored faces
    QCOMPARE(p.faces, qint64(0));
    QCOMPARE(FaceStore(m_lib).allFaces(false).size(), 0);
    QCOMPARE(FaceStore(m_lib).pendingCount(QStringLiteral("faces@1")), qint64(6));
}

void TestFaceScan::peopleAppearWhileTheJobRuns()
{
    writePhotos(6); // 18 photos: rounds of 8, 8 and 2
    std::atomic_int images { 0 };
    TagJob job(m_lib, [&](QString*) { return std::make_unique<FakeFaceAnalyzer>(QStringLiteral("faces@1"), &images); });
    job.setClusterInterval(0);
    std::mutex mutex;
    QList<TagProgress> seen;
    connect(
        &job, &TagJob::progress, this,
        [&](const TagProgress& p) {
            std::lock_guard lock(mutex);
            seen << p;
        },
        Qt::DirectConnection);
    job.start();
    job.finishFeeding();
    job.wait();
    std::lock_guard lock(mutex);
    QVERIFY(seen.size() >= 2);
    // After the first round of 8 photos of three people, one of them has at least 3 faces: a person.
    QCOMPARE(seen.first().done, qint64(8));
    QVERIFY(seen.first().peoplePlaced >= 3);
    QCOMPARE(job.progressSnapshot().peoplePlaced, qint64(18));
    QCOMPARE(PersonStore(m_lib).people().size(), 3);
}

void TestFaceScan::facesKeepTheirPersonWhenAPhotoMoves()
{
    writePhotos(3);
    runJob(QStringLiteral("faces@1"));
    const QList<StoredFace> before = FaceStore(m_lib).allFaces(false);
    QCOMPARE(before.size(), 9);
    const qint64 photo = before.first().photoId, person = before.first().personId;
    QVERIFY(person > 0);
    QVERIFY(PeopleService(m_lib).rename(person, QStringLiteral("Ada")));
    const QString from = m_dir->filePath(QStringLiteral("photos/p0.png"));
    QVERIFY(QDir(m_dir->folder()).mkpath(QStringLiteral("photos/moved")));
    QVERIFY(QFile::rename(from, m_dir->filePath(QStringLiteral("photos/moved/p0.png"))));
    Scanner scanner(m_lib);
    scanner.setWriteThumbnails(false);
    const ScanSummary s = scanner.scan({ QFile::encodeName(m_dir->filePath(QStringLiteral("photos"))) });
    QCOMPARE(s.totals.moved, qint64(1));
    const QList<StoredFace> after = FaceStore(m_lib).facesOfPhoto(photo);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().id, before.first().id);
    QCOMPARE(PersonStore(m_lib).person(after.first().personId).name, QStringLiteral("Ada"));
    int analysed = -1;
    runJob(QStringLiteral("faces@1"), true, &analysed);
    QCOMPARE(analysed, 0); // a move is no new photo
}

void TestFaceScan::facesCanDecodeTheirOriginalAgain_data()
{
    QTest::addColumn<bool>("handedOver");
    QTest::newRow("decoded by the job") << false;
    QTest::newRow("handed over by the scan (photo id only)") << true;
}

void TestFaceScan::facesCanDecodeTheirOriginalAgain()
{
    // The analyzer gets each photo's original, so a face too small in the tagging decode can be cut
    // from a larger one (issue 12); a photo the scan handed over is found in the catalog.
    QFETCH(bool, handedOver);
    QDir(m_dir->folder()).mkpath(QStringLiteral("big"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(cv::imwrite(m_dir->filePath(QStringLiteral("big/b%1.png").arg(i)).toStdString(),
            cv::Mat(900, 1200, CV_8UC3, cv::Scalar(i * 50 + 10, 90, 90))));
    Scanner scanner(m_lib);
    scanner.setWriteThumbnails(false);
    QCOMPARE(scanner.scan({ QFile::encodeName(m_dir->filePath(QStringLiteral("big"))) }).totals.added, qint64(3));
    {
        std::lock_guard lock(FakeFaceAnalyzer::originalsMutex);
        FakeFaceAnalyzer::originals.clear();
    }
    std::atomic_int images { 0 };
    TagJob job(m_lib, [&](QString*) { return std::make_unique<FakeFaceAnalyzer>(QStringLiteral("faces@1"), &images); });
    job.start();
    if (handedOver)
        for (const PendingPhoto& p : TagStore(m_lib).pendingPhotos(QStringLiteral("fake@1"), 10))
            QVERIFY(job.enqueue(p.id, cv::Mat(336, 448, CV_8UC3, cv::Scalar(10, 90, 90))));
    job.finishFeeding();
    job.wait();
    QCOMPARE(job.progressSnapshot().faces, qint64(3));
    std::lock_guard lock(FakeFaceAnalyzer::originalsMutex);
    QCOMPARE(FakeFaceAnalyzer::originals.size(), 3);
    for (const auto& [full, decoded] : FakeFaceAnalyzer::originals) {
        QCOMPARE(full, QSize(1200, 900));
        QCOMPARE(decoded, QSize(1200, 900));
    }
}

QTEST_GUILESS_MAIN(TestFaceScan)
#include "tst_facescan.moc"
