// The whole people pipeline on real faces (issue 12): dlib's bald_guys.jpg cut into its 24 portraits
// (one photo each: in one photo the same-photo rule keeps every face apart), scanned and tagged with the
// installed face models (BlazeFace, the dlib descriptor; the tagger is left out, it adds minutes and
// nothing to people), clustered by the tagging job into people: 4 people, none mixing two of the
// collage, holding at least 22 of the 24 portraits. Skips without the models
// (scripts/install-model.sh) or the photo (scripts/fetch-test-photos.sh).

#include "catalog/photostore.h"
#include "faceanalyzer.h"
#include "people/facestore.h"
#include "people/personstore.h"
#include "scan/scanner.h"
#include "support/baldguys.h"
#include "support/testlibrary.h"
#include "tags/tagjob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <map>
#include <set>

using namespace shoebox;
using namespace shoebox::test;

namespace {
const QString kPhoto = QStringLiteral(SHOEBOX_TEST_DATA "/faces/dlib/bald_guys.jpg");
const QString kModels = QStringLiteral(SHOEBOX_BINARY_DIR "/models");
// The real face models as the job's analyzer, without a tagger.
class FacesOnly : public ImageAnalyzer {
public:
    explicit FacesOnly(std::unique_ptr<FaceAnalyzer> faces)
        : m_faces(std::move(faces))
    {
    }
    QString modelId() const override { return QStringLiteral("faces-only@1"); }
    QString faceModelId() const override { return m_faces->modelId(); }
    QStringList labels() const override { return {}; }
    std::vector<Analysis> analyze(const std::vector<cv::Mat>& images) override
    {
        std::vector<QString> errors;
        auto faces = m_faces->analyze(images, &errors);
        std::vector<Analysis> out(images.size());
        for (size_t i = 0; i < images.size(); ++i) {
            out[i].faces = std::move(faces[i]);
            out[i].error = errors[i];
        }
        return out;
    }

private:
    std::unique_ptr<FaceAnalyzer> m_faces;
};

std::unique_ptr<ImageAnalyzer> facesOnly(QString* error)
{
    AnalyzerOptions cpu;
    cpu.device = QStringLiteral("cpu");
    auto faces = FaceAnalyzer::locate(cpu, error);
    return faces ? std::make_unique<FacesOnly>(std::move(faces)) : nullptr;
}

} // namespace

class TestBaldGuys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scanGroupsThePortraitsIntoTheirFourPeople();

private:
    struct Crop {
        int portrait = 0;
        cv::Rect rect; // in the collage's pixels
    };
    bool writePortraits(const QString& folder, std::map<QString, Crop>* crops);
    cv::Size m_collage;
};

void TestBaldGuys::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!QFile::exists(kPhoto))
        QSKIP("no bald_guys.jpg (run scripts/fetch-test-photos.sh)");
    if (!QFile::exists(kModels + QStringLiteral("/models.json")))
        QSKIP("no models installed in the build tree (run scripts/install-model.sh)");
    qputenv("SHOEBOX_MODELS", kModels.toUtf8());
    QString error;
    if (!ModelManifest::locateTask(QStringLiteral("blazeface"), &error)
        || !ModelManifest::locateTask(QStringLiteral("face-descriptor"), &error))
        QSKIP(qPrintable(error));
}

// Each portrait as its own PNG: a square around the face, 2.4 times its box, from the collage.
bool TestBaldGuys::writePortraits(const QString& folder, std::map<QString, Crop>* crops)
{
    const cv::Mat collage = cv::imread(kPhoto.toStdString());
    if (collage.empty() || !QDir().mkpath(folder))
        return false;
    m_collage = collage.size();
    const double sx = collage.cols / 993.0, sy = collage.rows / 772.0;
    // A face box is about 90 px of the 993 px copy for the smallest portraits: a square of 200 fits each.
    for (int i = 0; i < kBaldGuysPortraits; ++i) {
        const int half = int(100 * sx);
        const cv::Rect r
            = cv::Rect(int(kBaldGuys[i].x * sx) - half, int(kBaldGuys[i].y * sy) - half, 2 * half, 2 * half)
            & cv::Rect(0, 0, collage.cols, collage.rows);
        const QString file = QStringLiteral("%1/portrait%2.png").arg(folder).arg(i, 2, 10, QLatin1Char('0'));
        if (!cv::imwrite(file.toStdString(), collage(r)))
            return false;
        (*crops)[QFileInfo(file).fileName()] = { i, r };
    }
    return true;
}

void TestBaldGuys::scanGroupsThePortraitsIntoTheirFourPeople()
{
    TestLibrary lib;
    QVERIFY2(lib.isOpen(), qPrintable(lib.error()));
    const QString folder = lib.filePath(QStringLiteral("portraits"));
    std::map<QString, Crop> crops;
    QVERIFY(writePortraits(folder, &crops));
    Scanner scanner(lib.path());
    scanner.setWriteThumbnails(false);
    QCOMPARE(scanner.scan({ QFile::encodeName(folder) }).totals.added, qint64(kBaldGuysPortraits));
    TagJob job(lib.path(), &facesOnly);
    job.start();
    job.finishFeeding();
    QVERIFY(job.wait(600000));
    QVERIFY2(job.error().isEmpty(), qPrintable(job.error()));
    const TagProgress p = job.progressSnapshot();
    QCOMPARE(p.done, qint64(kBaldGuysPortraits));
    QVERIFY2(p.faces >= kBaldGuysPortraits, qPrintable(QString::number(p.faces))); // a crop may show a neighbour

    // Each person found is one person of the collage (a face is placed in the collage through its crop,
    // so a neighbour's face cut into a crop counts as that neighbour), and every portrait's own face
    // has a person.
    FaceStore faces(lib.path());
    PhotoStore photos(lib.path());
    std::map<qint64, std::set<int>> truthOfPerson;
    std::set<int> placed;
    for (const StoredFace& f : faces.allFaces(false)) {
        const auto photo = photos.photoById(f.photoId);
        const QString name = photo ? QFileInfo(QFile::decodeName(photo->path)).fileName() : QString();
        QVERIFY2(crops.count(name), qPrintable(name));
        const Crop& crop = crops.at(name);
        const QPointF centre((crop.rect.x + f.box.center().x() * crop.rect.width) / m_collage.width,
            (crop.rect.y + f.box.center().y() * crop.rect.height) / m_collage.height);
        const int portrait = baldPortrait(centre);
        if (f.personId <= 0)
            continue;
        truthOfPerson[f.personId].insert(kBaldGuys[portrait].person);
        if (portrait == crop.portrait)
            placed.insert(portrait);
    }
    QCOMPARE(int(truthOfPerson.size()), kBaldGuysPeople);
    for (const auto& [person, truths] : truthOfPerson)
        QCOMPARE(int(truths.size()), 1); // no person mixes two of them
    // Conservative: a portrait whose face is close to none of its person's core faces stays alone (one
    // merge away). Measured: 22 of 24 placed (BENCHMARKS.md, People, round two).
    QVERIFY2(int(placed.size()) >= kBaldGuysPortraits - 2, qPrintable(QString::number(placed.size())));
    for (const Person& person : PersonStore(lib.path()).people())
        QVERIFY2(person.faces >= 4, qPrintable(person.reason));
}

QTEST_GUILESS_MAIN(TestBaldGuys)
#include "tst_baldguys.moc"
