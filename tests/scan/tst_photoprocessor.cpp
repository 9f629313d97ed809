// Files over the in-memory read limit (2 GB in a scan; lowered here so a small fixture crosses it): a
// video is hashed streaming and decoded from the file itself, with exactly the record the in-memory
// path gives; anything else keeps a one-line size reason.

#include "scan/photoprocessor.h"
#include "support/exiffixture.h"
#include "support/videofixture.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

namespace {

ProcessedPhoto processed(const QString& path, qint64 maxInMemoryBytes)
{
    FileEntry entry;
    entry.path = QFile::encodeName(path);
    ProcessOptions options;
    options.thumbnails = false;
    options.maxInMemoryBytes = maxInMemoryBytes;
    return PhotoProcessor::process(entry, options);
}

} // namespace

class TestPhotoProcessor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void videoOverTheLimitIsStreamedWithTheSameRecord()
    {
        if (!VideoFixture::available())
            QSKIP(qPrintable(VideoFixture::skipReason()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clip.mp4"));
        QString error;
        QVERIFY2(VideoFixture::clip(path, QStringLiteral("testsrc2"), 2.0, 320, 240,
                     { QStringLiteral("-metadata"), QStringLiteral("creation_time=2022-03-04T05:06:07Z") }, &error),
            qPrintable(error));
        const qint64 size = QFileInfo(path).size();
        const ProcessedPhoto whole = processed(path, size);
        const ProcessedPhoto streamed = processed(path, size - 1);
        QCOMPARE(photoStateName(whole.record.state), QStringLiteral("ok"));
        QCOMPARE(photoStateName(streamed.record.state), QStringLiteral("ok"));
        QCOMPARE(streamed.record.kind, MediaKind::Video);
        QCOMPARE(streamed.record.format, whole.record.format);
        QCOMPARE(streamed.record.size, size);
        QCOMPARE(streamed.record.contentHash.toHex(), whole.record.contentHash.toHex());
        QCOMPARE(streamed.record.meta.durationMs, whole.record.meta.durationMs);
        QVERIFY(streamed.record.meta.durationMs >= 1900);
        QCOMPARE(streamed.record.meta.width, 320);
        QCOMPARE(streamed.record.meta.takenAt, whole.record.meta.takenAt);
        QCOMPARE(streamed.record.meta.takenSource, QStringLiteral("quicktime-utc"));
        QCOMPARE(streamed.hashes, whole.hashes);
    }

    void photoOverTheLimitKeepsTheSizeReason()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.jpg"));
        QVERIFY(writeFile(path, jpegWithExif(markedImage(640, 480), ExifFields())));
        const ProcessedPhoto p = processed(path, 100);
        QCOMPARE(photoStateName(p.record.state), QStringLiteral("error"));
        QVERIFY2(p.record.error.contains(QStringLiteral("over the size limit")), qPrintable(p.record.error));
        QVERIFY(p.record.contentHash.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPhotoProcessor)
#include "tst_photoprocessor.moc"
