#include "support/photofixture.h"
#include "support/testlibrary.h"
#include "tags/tagjob.h"
#include "tags/tagstore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <memory>
#include <mutex>
#include <set>
#include <thread>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// Tags every image "dog" and its size as the score's fraction, so tests can tell which image came in.
struct FakeLog {
    std::mutex mutex;
    std::set<std::thread::id> threads;
    std::vector<int> widths;
    int calls = 0;
};

class FakeAnalyzer : public ImageAnalyzer {
public:
    FakeAnalyzer(FakeLog* log, int batch, std::function<void()> onCall = {})
        : m_log(log)
        , m_batch(batch)
        , m_onCall(std::move(onCall))
    {
    }
    QString modelId() const override { return QStringLiteral("fake@1"); }
    QStringList labels() const override { return { QStringLiteral("dog") }; }
    int batchSize() const override { return m_batch; }
    std::vector<Analysis> analyze(const std::vector<cv::Mat>& images) override
    {
        {
            std::lock_guard lock(m_log->mutex);
            m_log->threads.insert(std::this_thread::get_id());
            ++m_log->calls;
        }
        if (m_onCall)
            m_onCall();
        std::vector<Analysis> out(images.size());
        for (size_t i = 0; i < images.size(); ++i) {
            if (images[i].empty()) {
                out[i].error = QStringLiteral("empty");
                continue;
            }
            std::lock_guard lock(m_log->mutex);
            m_log->widths.push_back(images[i].cols);
            Detection d;
            d.label = QStringLiteral("dog");
            d.score = 0.9f;
            out[i].detections.push_back(d);
            out[i].embedding = { 1.f, 0.f };
        }
        return out;
    }

private:
    FakeLog* m_log;
    int m_batch;
    std::function<void()> m_onCall;
};

} // namespace

class TestTagJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void tagsPendingPhotosOnOneInferenceThread();
    void handedOverImagesNeedNoDecode();
    void resumesWithOnlyTheUntaggedPhotos();
    void cancelStopsAndLeavesTheRestPending();
    void missingModelEndsWithReasonAndTouchesNothing();
    void undecodableFileCountsAsFailedOnce();

private:
    QString writePhoto(const QString& name, int width);
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
};

void TestTagJob::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
}

QString TestTagJob::writePhoto(const QString& name, int width)
{
    const QString path = m_dir->filePath(name);
    cv::imwrite(path.toStdString(), cv::Mat(100, width, CV_8UC3, cv::Scalar(20, 120, 220)));
    PhotoFixture(path).saveTo(m_lib);
    return path;
}

void TestTagJob::tagsPendingPhotosOnOneInferenceThread()
{
    writePhoto(QStringLiteral("a.jpg"), 200);
    writePhoto(QStringLiteral("b.jpg"), 210);
    writePhoto(QStringLiteral("c.jpg"), 220);
    FakeLog log;
    TagJob job(m_lib, [&log](QString*) { return std::make_unique<FakeAnalyzer>(&log, 2); });
    QSignalSpy progress(&job, &TagJob::progress);
    QSignalSpy finished(&job, &TagJob::finished);
    job.start();
    job.finishFeeding();
    QVERIFY(job.wait(30000));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(progress.size(), 1); // three photos fit in one round
    QCOMPARE(log.calls, 1);
    QCOMPARE(log.threads.size(), size_t(1));
    QVERIFY(*log.threads.begin() != std::this_thread::get_id());
    const TagProgress p = job.progressSnapshot();
    QCOMPARE(p.done, 3);
    QCOMPARE(p.total, 3);
    QCOMPARE(p.tags, 3);
    TagStore store(m_lib);
    QCOMPARE(store.pendingCount(QStringLiteral("fake@1")), 0);
    QCOMPARE(store.tagCounts(QStringLiteral("de")).value(0).name, QStringLiteral("Hund"));
    QCOMPARE(store.tagCounts(QStringLiteral("de")).value(0).photos, 3);
}

void TestTagJob::handedOverImagesNeedNoDecode()
{
    // The files do not exist: only the handed-over images can produce tags.
    const qint64 a = PhotoFixture(m_dir->filePath(QStringLiteral("gone-a.jpg"))).saveTo(m_lib);
    const qint64 b = PhotoFixture(m_dir->filePath(QStringLiteral("gone-b.jpg"))).saveTo(m_lib);
    FakeLog log;
    TagJob job(m_lib, [&log](QString*) { return std::make_unique<FakeAnalyzer>(&log, 4); });
    job.start();
    QVERIFY(job.enqueue(a, cv::Mat(10, 31, CV_8UC3, cv::Scalar::all(1))));
    QVERIFY(job.enqueue(b, cv::Mat(10, 32, CV_8UC3, cv::Scalar::all(1))));
    job.finishFeeding();
    QVERIFY(job.wait(30000));
    std::sort(log.widths.begin(), log.widths.end());
    QCOMPARE(log.widths, (std::vector<int> { 31, 32 }));
    QCOMPARE(TagStore(m_lib).tagsOfPhoto(a, QStringLiteral("en")).size(), 1);
    QVERIFY(!job.enqueue(a, cv::Mat(10, 10, CV_8UC3))); // feeding is over
}

void TestTagJob::resumesWithOnlyTheUntaggedPhotos()
{
    writePhoto(QStringLiteral("a.jpg"), 200);
    writePhoto(QStringLiteral("b.jpg"), 210);
    writePhoto(QStringLiteral("c.jpg"), 220);
    // A first run was killed after its first batch of one photo.
    TagStore store(m_lib);
    TagResult done;
    done.photoId = store.pendingPhotos(QStringLiteral("fake@1"), 1).value(0).id;
    QVERIFY(store.storeResults(QStringLiteral("fake@1"), { done }));
    FakeLog log;
    TagJob job(m_lib, [&log](QString*) { return std::make_unique<FakeAnalyzer>(&log, 8); });
    job.start();
    job.finishFeeding();
    QVERIFY(job.wait(30000));
    std::sort(log.widths.begin(), log.widths.end());
    QCOMPARE(log.widths, (std::vector<int> { 210, 220 }));
    QCOMPARE(store.pendingCount(QStringLiteral("fake@1")), 0);
}

void TestTagJob::cancelStopsAndLeavesTheRestPending()
{
    for (int i = 0; i < TagJob::kRoundSize + 2; ++i)
        writePhoto(QStringLiteral("p%1.jpg").arg(i), 100 + i);
    FakeLog log;
    std::atomic<TagJob*> self { nullptr }; // set before start(): the analyzer cancels during its first batch
    TagJob job(m_lib, [&log, &self](QString*) {
        return std::make_unique<FakeAnalyzer>(&log, 1, [&self] { self.load()->cancel(); });
    });
    self = &job;
    QSignalSpy finished(&job, &TagJob::finished);
    job.start();
    job.finishFeeding();
    QVERIFY(job.wait(30000));
    QCOMPARE(log.calls, 1);
    QVERIFY(job.isCancelled());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QCOMPARE(job.progressSnapshot().done, TagJob::kRoundSize);
    QCOMPARE(TagStore(m_lib).pendingCount(QStringLiteral("fake@1")), 2);
}

void TestTagJob::missingModelEndsWithReasonAndTouchesNothing()
{
    writePhoto(QStringLiteral("a.jpg"), 200);
    TagJob job(m_lib, [](QString* error) {
        *error = QStringLiteral("no model installed");
        return std::unique_ptr<ImageAnalyzer>();
    });
    QSignalSpy finished(&job, &TagJob::finished);
    job.start();
    QVERIFY(job.wait(30000));
    QVERIFY(!job.enqueue(1, cv::Mat(10, 10, CV_8UC3)));
    job.finishFeeding();
    QCOMPARE(job.error(), QStringLiteral("no model installed"));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(2).toString(), QStringLiteral("no model installed"));
    QCOMPARE(TagStore(m_lib).pendingCount(QStringLiteral("fake@1")), 1);
}

void TestTagJob::undecodableFileCountsAsFailedOnce()
{
    const QString bad = m_dir->filePath(QStringLiteral("bad.jpg"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xFF\xD8\xFF\xE0 this is not really a jpeg", 30));
    f.close();
    PhotoFixture(bad).saveTo(m_lib);
    writePhoto(QStringLiteral("good.jpg"), 200);
    FakeLog log;
    TagJob job(m_lib, [&log](QString*) { return std::make_unique<FakeAnalyzer>(&log, 4); });
    job.start();
    job.finishFeeding();
    QVERIFY(job.wait(30000));
    const TagProgress p = job.progressSnapshot();
    QCOMPARE(p.done, 2);
    QCOMPARE(p.failed, 1);
    QCOMPARE(log.calls, 1);
    QCOMPARE(TagStore(m_lib).pendingCount(QStringLiteral("fake@1")), 0);
}

QTEST_GUILESS_MAIN(TestTagJob)
#include "tst_tagjob.moc"
