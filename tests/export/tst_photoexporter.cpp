#include "catalog/photostore.h"
#include "export/photoexporter.h"
#include "image/exifreader.h"
#include "image/imageprobe.h"
#include "metadata/xmpreader.h"
#include "scan/scanner.h"
#include "support/exiffixture.h"
#include "support/testlibrary.h"
#include "tags/tagstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

PhotoMetadata exifOf(const QByteArray& bytes)
{
    PhotoMetadata meta;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    ExifReader::read(data, size_t(bytes.size()), probeImage(data, size_t(bytes.size())).format, meta);
    return meta;
}

XmpData xmpOf(const QByteArray& bytes)
{
    return XmpReader::readEmbedded(reinterpret_cast<const unsigned char*>(bytes.constData()), size_t(bytes.size()), 1);
}

} // namespace

class TestPhotoExporter : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestLibrary> m_tmp;
    QString m_photos, m_out;
    QVector<qint64> m_ids; // harbour.jpg (GPS, EXIF orientation 6, tagged), park.jpg
    QByteArray m_harbour;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_tmp = std::make_unique<TestLibrary>();
        QVERIFY2(m_tmp->isOpen(), qPrintable(m_tmp->error()));
        m_photos = m_tmp->filePath(QStringLiteral("photos"));
        m_out = m_tmp->filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(m_photos));
        ExifFields f;
        f.dateTimeOriginal = "2021:05:01 09:30:00";
        f.latitude = 53.5;
        f.longitude = 9.95;
        f.orientation = 6;
        m_harbour = jpegWithExif(markedImage(640, 480), f);
        QVERIFY(writeFile(m_photos + QStringLiteral("/harbour.jpg"), m_harbour));
        QVERIFY(writeFile(m_photos + QStringLiteral("/park.jpg"), jpegWithExif(markedImage(320, 200), ExifFields {})));
        Scanner scanner(m_tmp->path());
        scanner.setWriteThumbnails(false);
        QCOMPARE(scanner.scan({ QFile::encodeName(m_photos) }).totals.added, qint64(2));
        PhotoStore store(m_tmp->path());
        m_ids = { store.photoByPath(QFile::encodeName(m_photos + QStringLiteral("/harbour.jpg")))->id,
            store.photoByPath(QFile::encodeName(m_photos + QStringLiteral("/park.jpg")))->id };
        QVERIFY(TagStore(m_tmp->path()).addManualTag(m_ids[0], QStringLiteral("Hamburg")));
    }
    void cleanup() { m_tmp.reset(); }

    void originalsAreCopiedByteForByte()
    {
        ExportOptions o;
        o.folder = m_out;
        o.writeMetadata = false;
        const ExportReport r = PhotoExporter(m_tmp->path()).run(m_ids, o);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files.size(), 2);
        QCOMPARE(readAll(m_out + QStringLiteral("/harbour.jpg")), m_harbour);
    }

    // Copies carry the tags in their XMP; with or without their location; the original is untouched.
    void copiesCarryTagsAndDropTheLocationWhenAsked_data()
    {
        QTest::addColumn<bool>("resize");
        QTest::addColumn<bool>("keepLocation");
        QTest::newRow("original, with location") << false << true;
        QTest::newRow("original, without location") << false << false;
        QTest::newRow("resized, with location") << true << true;
        QTest::newRow("resized, without location") << true << false;
    }
    void copiesCarryTagsAndDropTheLocationWhenAsked()
    {
        QFETCH(bool, resize);
        QFETCH(bool, keepLocation);
        ExportOptions o;
        o.folder = m_out;
        o.resize = resize;
        o.longSide = 200;
        o.quality = 80;
        o.keepLocation = keepLocation;
        const ExportReport r = PhotoExporter(m_tmp->path()).run({ m_ids[0] }, o);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files, QStringList { m_out + QStringLiteral("/harbour.jpg") });
        const QByteArray copy = readAll(r.files[0]);
        const XmpData xmp = xmpOf(copy);
        QCOMPARE(xmp.keywords, QList<QStringList> { { QStringLiteral("Hamburg") } });
        const PhotoMetadata meta = exifOf(copy);
        QCOMPARE(bool(meta.gps), keepLocation);
        QVERIFY(meta.takenAt.isValid()); // the capture time travels either way
        if (resize) {
            const cv::Mat img = cv::imdecode(std::vector<uchar>(copy.begin(), copy.end()), cv::IMREAD_UNCHANGED);
            QCOMPARE(img.rows, 200); // upright: the 640x480 photo turned a quarter is 480x640
            QCOMPARE(img.cols, 150);
            QCOMPARE(meta.orientation, 1);
        }
        QCOMPARE(readAll(m_photos + QStringLiteral("/harbour.jpg")), m_harbour);
    }

    void aNameInUseGetsANumber()
    {
        ExportOptions o;
        o.folder = m_out;
        PhotoExporter exporter(m_tmp->path());
        exporter.run({ m_ids[1] }, o);
        const ExportReport r = exporter.run({ m_ids[1] }, o);
        QCOMPARE(r.files, QStringList { m_out + QStringLiteral("/park (2).jpg") });
    }

    void cancelStopsBeforeTheNextPhoto()
    {
        ExportOptions o;
        o.folder = m_out;
        std::atomic_bool cancel { false };
        QList<int> seen;
        const ExportReport r = PhotoExporter(m_tmp->path())
                                   .run(
                                       m_ids, o,
                                       [&](const ExportProgress& p) {
                                           seen << p.done;
                                           cancel = true;
                                       },
                                       &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.files.size(), 1);
        QCOMPARE(seen, QList<int> { 1 });
        QCOMPARE(QDir(m_out).entryList(QDir::Files).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPhotoExporter)
#include "tst_photoexporter.moc"
