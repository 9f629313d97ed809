// The scan job both front ends run: scan, tagging with a fake analyzer, cancel and resume, progress.

#include "catalog/database.h"
#include "catalog/photostore.h"
#include "scan/scanjob.h"
#include "tags/tagstore.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <atomic>
#include <functional>
#include <memory>

using namespace shoebox;

namespace {

constexpr int kPhotos = 12; // more than one tagging round (TagJob::kRoundSize)
const QString kModel = QStringLiteral("fake@1");

// Tags every image "dog"; onCall runs before each analyze() on the inference thread.
class FakeAnalyzer : public ImageAnalyzer {
public:
    explicit FakeAnalyzer(std::function<void()> onCall)
        : m_onCall(std::move(onCall))
    {
    }
    QString modelId() const override { return kModel; }
    QStringList labels() const override { return { QStringLiteral("dog") }; }
    std::vector<Analysis> analyze(const std::vector<cv::Mat>& images) override
    {
        if (m_onCall)
            m_onCall();
        std::vector<Analysis> out(images.size());
        for (size_t i = 0; i < images.size(); ++i) {
            Detection d;
            d.label = QStringLiteral("dog");
            d.score = 0.9f;
            out[i].detections.push_back(d);
        }
        return out;
    }

private:
    std::function<void()> m_onCall;
};

enum class CancelAt { Never, Scanning, Tagging };

} // namespace

Q_DECLARE_METATYPE(CancelAt)

class TestScanJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void runLeavesAResumableCatalog_data();
    void runLeavesAResumableCatalog();
    void progressReachesTheTotal();

private:
    qint64 photoCount() const { return PhotoStore(m_lib).count(PhotoQuery()); }
    qint64 pendingCount() const { return TagStore(m_lib).pendingCount(kModel); }
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_lib;
    QString m_photos;
};

void TestScanJob::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<CancelAt>();
}

void TestScanJob::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_lib = m_dir->filePath(QStringLiteral("library.db"));
    m_photos = m_dir->filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(m_photos));
    QString error;
    QVERIFY2(Database::open(m_lib, &error), qPrintable(error));
    for (int i = 0; i < kPhotos; ++i) {
        cv::Mat m(300, 400, CV_8UC3);
        cv::randu(m, cv::Scalar::all(i * 10), cv::Scalar::all(i * 10 + 100));
        const QString path = m_photos + QStringLiteral("/p%1.jpg").arg(i);
        QVERIFY(cv::imwrite(path.toStdString(), m));
    }
}

void TestScanJob::cleanup()
{
    Database::closeThreadConnection(m_lib);
    m_dir.reset();
}

void TestScanJob::runLeavesAResumableCatalog_data()
{
    QTest::addColumn<bool>("tagging");
    QTest::addColumn<CancelAt>("cancelAt");
    QTest::newRow("scan only") << false << CancelAt::Never;
    QTest::newRow("scan and tag") << true << CancelAt::Never;
    QTest::newRow("cancel while scanning") << true << CancelAt::Scanning;
    QTest::newRow("cancel while tagging") << true << CancelAt::Tagging;
}

void TestScanJob::runLeavesAResumableCatalog()
{
    QFETCH(bool, tagging);
    QFETCH(CancelAt, cancelAt);
    const QList<QByteArray> roots { QFile::encodeName(m_photos) };
    qint64 addedBefore = 0;
    if (cancelAt == CancelAt::Tagging) {
        // Everything indexed already: the tagger then works from the catalog, after the scan.
        ScanJob first(m_lib, {});
        first.setWriteThumbnails(false);
        addedBefore = first.run(roots).scan.totals.added;
        QCOMPARE(addedBefore, qint64(kPhotos));
    }

    // The analyzer is made on the inference thread: it reaches the job through this shared slot.
    auto target = std::make_shared<std::atomic<ScanJob*>>(nullptr);
    TagJob::AnalyzerFactory factory;
    if (tagging)
        factory = [target, cancelInAnalyze = cancelAt == CancelAt::Tagging](QString*) {
            return std::make_unique<FakeAnalyzer>([target, cancelInAnalyze] {
                if (cancelInAnalyze)
                    target->load()->cancel();
            });
        };
    ScanJob job(m_lib, factory);
    target->store(&job);
    job.setWriteThumbnails(false);
    job.setThreadCount(1); // a small window of files in flight, so a cancel leaves files behind
    job.setBatchSize(1);
    if (cancelAt == CancelAt::Scanning)
        connect(&job, &ScanJob::photoIndexed, &job, &ScanJob::cancel, Qt::DirectConnection);
    const ScanJobResult r = job.run(roots);

    QCOMPARE(r.scan.cancelled, cancelAt == CancelAt::Scanning);
    QCOMPARE(r.tagging, tagging);
    QVERIFY2(r.tagError.isEmpty(), qPrintable(r.tagError));
    if (cancelAt == CancelAt::Scanning)
        QVERIFY2(photoCount() > 0 && photoCount() < kPhotos, qPrintable(QString::number(photoCount())));
    else
        QCOMPARE(photoCount(), qint64(kPhotos));
    if (tagging) {
        QCOMPARE(r.tagsCancelled, cancelAt != CancelAt::Never);
        QCOMPARE(r.modelId, kModel);
        // What the job reports as tagged is exactly what the catalog no longer lists as pending.
        QCOMPARE(photoCount() - pendingCount(), r.tags.done);
        if (cancelAt == CancelAt::Never)
            QCOMPARE(r.tags.done, qint64(kPhotos));
        else
            QVERIFY(r.tags.done < photoCount() || cancelAt == CancelAt::Scanning);
    } else {
        QCOMPARE(pendingCount(), photoCount());
    }

    // The next run picks up where this one stopped.
    ScanJob again(m_lib,
        factory ? TagJob::AnalyzerFactory([](QString*) { return std::make_unique<FakeAnalyzer>(nullptr); })
                : TagJob::AnalyzerFactory());
    again.setWriteThumbnails(false);
    const ScanJobResult r2 = again.run(roots);
    QVERIFY(!r2.scan.cancelled);
    QCOMPARE(addedBefore + r.scan.totals.added + r2.scan.totals.added, qint64(kPhotos));
    QCOMPARE(photoCount(), qint64(kPhotos));
    QCOMPARE(pendingCount(), tagging ? 0 : qint64(kPhotos));
}

void TestScanJob::progressReachesTheTotal()
{
    ScanJob job(m_lib, [](QString*) { return std::make_unique<FakeAnalyzer>(nullptr); });
    job.setWriteThumbnails(false);
    QSignalSpy progress(&job, &ScanJob::scanProgress);
    QSignalSpy scanFinished(&job, &ScanJob::scanFinished);
    const ScanJobResult r = job.run({ QFile::encodeName(m_photos) });
    QVERIFY(!progress.isEmpty());
    const auto last = progress.constLast().constFirst().value<ScanProgress>();
    QVERIFY(!last.walking);
    QCOMPARE(last.found, qint64(kPhotos));
    QCOMPARE(last.done, qint64(kPhotos));
    QCOMPARE(last.added, qint64(kPhotos));
    QCOMPARE(scanFinished.size(), 1);
    QCOMPARE(r.tags.done, qint64(kPhotos));
    QCOMPARE(r.tags.total, qint64(kPhotos));
    QCOMPARE(r.tags.failed, qint64(0));
}

QTEST_GUILESS_MAIN(TestScanJob)
#include "tst_scanjob.moc"
