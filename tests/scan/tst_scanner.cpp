#include "catalog/database.h"
#include "catalog/photostore.h"
#include "image/thumbnailcache.h"
#include "scan/scanner.h"
#include "support/dngfixture.h"
#include "support/exiffixture.h"
#include "support/heiffixture.h"
#include "support/scanfixture.h"
#include "support/testlibrary.h"

#include <QDir>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <memory>

#include <fcntl.h>
#include <unistd.h>

using namespace shoebox;
using namespace shoebox::test;

namespace {

QByteArray encoded(const char* ext, const cv::Mat& m)
{
    std::vector<unsigned char> buf;
    cv::imencode(ext, m, buf);
    return QByteArray(reinterpret_cast<const char*>(buf.data()), int(buf.size()));
}

cv::Mat pattern(int seed)
{
    cv::Mat m(300, 400, CV_8UC3);
    cv::randu(m, cv::Scalar::all(seed), cv::Scalar::all(seed + 120));
    return m;
}

} // namespace

class TestScanner : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestLibrary> m_tmp;
    QString m_lib;
    QString m_photos;

    // Scans the slot's tree of good and bad files into its library.
    ScanSummary scanTree()
    {
        Scanner scanner(m_lib);
        return scanner.scan({ QFile::encodeName(m_photos) });
    }

    PhotoRecord recordFor(const QString& name)
    {
        const auto r = PhotoStore(m_lib).photoByPath(QFile::encodeName(m_photos + QLatin1Char('/') + name));
        return r ? *r : PhotoRecord {};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Every slot gets its own tree of photos, library and thumbnail cache.
    void init()
    {
        m_tmp = std::make_unique<TestLibrary>(QStringLiteral("lib.db"));
        QVERIFY2(m_tmp->isOpen(), qPrintable(m_tmp->error()));
        useCacheIn(*m_tmp);
        m_lib = m_tmp->path();
        m_photos = m_tmp->filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(m_photos + QStringLiteral("/sub/deeper")));

        ExifFields f;
        f.dateTimeOriginal = "2018:06:01 10:00:00";
        f.make = "Nikon";
        f.orientation = 6;
        QVERIFY(writeFile(m_photos + QStringLiteral("/good.jpg"), jpegWithExif(pattern(0), f)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/sub/other.png"), encoded(".png", pattern(60))));
        QVERIFY(writeFile(m_photos + QStringLiteral("/sub/deeper/third.webp"), encoded(".webp", pattern(30))));
        QVERIFY(writeFile(m_photos + QStringLiteral("/zero.jpg"), {}));
        const QByteArray jpg = encoded(".jpg", pattern(90));
        QVERIFY(writeFile(m_photos + QStringLiteral("/truncated.jpg"), jpg.left(jpg.size() / 2)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/text.jpg"), "just some notes, not a photo\n"));
        QVERIFY(writeFile(m_photos + QStringLiteral("/really-a-png.jpg"), encoded(".png", pattern(120))));
        QByteArray huge("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x02\0\0\0\0\0\0\0", 33);
        QVERIFY(
            writeFile(m_photos + QStringLiteral("/huge.png"), huge + QByteArray("\0\0\0\0IEND\xae\x42\x60\x82", 12)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/bad-exif.jpg"),
            insertApp1(jpg, QByteArray("Exif\0\0II*\0\xff\xff\xff\x7f", 14))));
        QVERIFY(writeFile(m_photos + QStringLiteral("/raw.nef"), "raw sensor data"));
        // HEIF and RAW (issue 10): two good files and every kind of bad one.
        QString error;
        const QByteArray heic = encodeHeif(pattern(20), HeifFields {}, &error);
        QVERIFY2(!heic.isEmpty(), qPrintable(error));
        QVERIFY(writeFile(m_photos + QStringLiteral("/phone.heic"), heic));
        QVERIFY(writeFile(m_photos + QStringLiteral("/sub/camera.dng"), dngBytes(pattern(40), DngFields {})));
        QVERIFY(writeFile(m_photos + QStringLiteral("/heic-named.jpg"), encodeHeif(pattern(25), HeifFields {})));
        QVERIFY(writeFile(m_photos + QStringLiteral("/jpeg-named.heic"), jpg));
        QVERIFY(writeFile(m_photos + QStringLiteral("/zero.heic"), {}));
        QVERIFY(writeFile(m_photos + QStringLiteral("/truncated.heic"), heic.left(heic.size() / 2)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/huge.heic"), withClaimedSize(heic, 100000, 100000)));
        const QByteArray dng = dngBytes(pattern(50), DngFields {});
        QVERIFY(writeFile(m_photos + QStringLiteral("/truncated.dng"), dng.left(dng.size() * 3 / 4)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/zero.cr2"), {}));
        QVERIFY(writeFile(m_photos + QStringLiteral("/z9.nef"), tiffNamingCamera("NIKON CORPORATION", "NIKON Z 9")));
        // A name that is not valid UTF-8 (Latin-1 "café").
        const QByteArray latin1 = QFile::encodeName(m_photos) + "/caf\xe9.jpg";
        const int fd = ::open(latin1.constData(), O_WRONLY | O_CREAT, 0644);
        QVERIFY(fd >= 0);
        QVERIFY(::write(fd, jpg.constData(), size_t(jpg.size())) == jpg.size());
        ::close(fd);
        // XMP sidecars (issue 14): read by the scan, never written by it.
        QVERIFY(writeFile(m_photos + QStringLiteral("/good.jpg.xmp"),
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
            "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title><rdf:Alt>"
            "<rdf:li xml:lang='x-default'>From the sidecar</rdf:li></rdf:Alt></dc:title></rdf:Description>"
            "</rdf:RDF></x:xmpmeta>"));
        QVERIFY(writeFile(m_photos + QStringLiteral("/sub/other.xmp"), "<x:xmpmeta><<< not XML"));
        // A symbolic link loop.
        QVERIFY(QFile::link(m_photos, m_photos + QStringLiteral("/sub/loop")));
    }

    void cleanup()
    {
        // QDir cannot remove a name it cannot decode: unlink the Latin-1 one by its bytes.
        const QByteArray latin1 = QFile::encodeName(m_photos) + "/caf\xe9.jpg";
        ::unlink(latin1.constData());
        m_tmp.reset();
    }

    void scanIndexesGoodPhotosAndRecordsEveryBadOne()
    {
        const auto before = checksums(m_photos);
        const ScanSummary s = scanTree();
        QVERIFY(!s.cancelled);
        // good, other, third, really-a-png, bad-exif, café, phone.heic, camera.dng, heic-named.jpg, jpeg-named.heic
        QCOMPARE(s.totals.added, qint64(10));
        QCOMPARE(s.totals.unsupported, qint64(1)); // z9.nef
        // zero, truncated, text, huge, raw.nef (text), zero/truncated/huge .heic, truncated.dng, zero.cr2
        QCOMPARE(s.totals.failed, qint64(10));
        QCOMPARE(checksums(m_photos), before);

        QCOMPARE(recordFor(QStringLiteral("zero.jpg")).error, QStringLiteral("empty file (0 bytes)"));
        QVERIFY(recordFor(QStringLiteral("truncated.jpg")).error.startsWith(QStringLiteral("truncated JPEG")));
        QVERIFY(recordFor(QStringLiteral("text.jpg")).error.contains(QStringLiteral("not an image")));
        QVERIFY(recordFor(QStringLiteral("huge.png")).error.contains(QStringLiteral("megapixel limit")));
        QCOMPARE(recordFor(QStringLiteral("bad-exif.jpg")).state, PhotoState::Ok); // pixels are fine
        QCOMPARE(recordFor(QStringLiteral("good.jpg")).meta.title, QStringLiteral("From the sidecar"));
        QVERIFY(recordFor(QStringLiteral("sub/other.png")).error.startsWith(QStringLiteral("sidecar")));
        QCOMPARE(recordFor(QStringLiteral("sub/other.png")).state, PhotoState::Ok);
        QVERIFY(recordFor(QStringLiteral("raw.nef")).error.contains(QStringLiteral("not an image")));
        // HEIF and RAW: the format from the bytes whatever the name, a one-line reason for each bad one.
        QCOMPARE(recordFor(QStringLiteral("phone.heic")).format, QStringLiteral("heic"));
        QCOMPARE(recordFor(QStringLiteral("phone.heic")).state, PhotoState::Ok);
        QCOMPARE(recordFor(QStringLiteral("sub/camera.dng")).format, QStringLiteral("dng"));
        QCOMPARE(recordFor(QStringLiteral("sub/camera.dng")).state, PhotoState::Ok);
        QCOMPARE(recordFor(QStringLiteral("heic-named.jpg")).format, QStringLiteral("heic"));
        QCOMPARE(recordFor(QStringLiteral("jpeg-named.heic")).format, QStringLiteral("jpeg"));
        QCOMPARE(recordFor(QStringLiteral("zero.heic")).error, QStringLiteral("empty file (0 bytes)"));
        QVERIFY(recordFor(QStringLiteral("truncated.heic")).error.contains(QStringLiteral("HEIF")));
        QVERIFY(recordFor(QStringLiteral("huge.heic")).error.contains(QStringLiteral("100000x100000")));
        QVERIFY(recordFor(QStringLiteral("truncated.dng")).error.startsWith(QStringLiteral("truncated DNG")));
        QCOMPARE(recordFor(QStringLiteral("zero.cr2")).error, QStringLiteral("empty file (0 bytes)"));
        const PhotoRecord z9 = recordFor(QStringLiteral("z9.nef"));
        QCOMPARE(z9.state, PhotoState::Unsupported);
        QVERIFY2(z9.error.startsWith(QStringLiteral("unsupported RAW: Nikon Z 9 is newer than this LibRaw")),
            qPrintable(z9.error));
        for (const char* bad : { "truncated.heic", "huge.heic", "truncated.dng", "z9.nef" })
            QVERIFY(!recordFor(QLatin1String(bad)).error.contains(QLatin1Char('\n')));
        QCOMPARE(recordFor(QStringLiteral("really-a-png.jpg")).format, QStringLiteral("png"));
        QCOMPARE(recordFor(QStringLiteral("really-a-png.jpg")).state, PhotoState::Ok);

        const auto cafe = PhotoStore(m_lib).photoByPath(QFile::encodeName(m_photos) + "/caf\xe9.jpg");
        QVERIFY(cafe.has_value());
        QCOMPARE(cafe->state, PhotoState::Ok);
        QVERIFY(s.errors.join(QLatin1Char('\n')).contains(QStringLiteral("symbolic link loop")));

        QSqlQuery q(Database::connection(m_lib));
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }

    void goodPhotoHasMetadataHashesAndThumbnail()
    {
        QCOMPARE(scanTree().totals.added, qint64(10));
        const PhotoRecord r = recordFor(QStringLiteral("good.jpg"));
        QCOMPARE(r.meta.cameraMake, QStringLiteral("Nikon"));
        QCOMPARE(r.meta.takenSource, QStringLiteral("exif"));
        QCOMPARE(r.meta.width, 300); // orientation 6 swaps the stored 400x300
        QCOMPARE(r.meta.height, 400);
        QCOMPARE(r.contentHash.size(), 16);
        const auto hashes = PhotoStore(m_lib).hashes(r.id);
        QCOMPARE(hashes.value(QStringLiteral("phash")).size(), 8);
        QVERIFY(ThumbnailCache::isValid(r.path, r.mtimeNs / 1'000'000'000));
        const QImage thumb = ThumbnailCache::load(r.path, r.mtimeNs / 1'000'000'000);
        QCOMPARE(thumb.height(), 256); // upright: portrait
        QCOMPARE(recordFor(QStringLiteral("sub/other.png")).meta.takenSource, QStringLiteral("file"));
        // A HEIC and a DNG get the same: true size, hashes, a thumbnail.
        for (const char* name : { "phone.heic", "sub/camera.dng" }) {
            const PhotoRecord p = recordFor(QLatin1String(name));
            QCOMPARE(p.meta.width, 400);
            QCOMPARE(p.meta.height, 300);
            QCOMPARE(PhotoStore(m_lib).hashes(p.id).value(QStringLiteral("phash")).size(), 8);
            QVERIFY(ThumbnailCache::isValid(p.path, p.mtimeNs / 1'000'000'000));
        }
        QCOMPARE(recordFor(QStringLiteral("sub/camera.dng")).meta.cameraModel, QStringLiteral("Test Camera"));
    }

    void rescanOfUnchangedTreeTouchesNothing()
    {
        QCOMPARE(scanTree().totals.added, qint64(10));
        const ScanSummary s = scanTree();
        QCOMPARE(s.totals.added + s.totals.updated + s.totals.moved, qint64(0));
        QCOMPARE(s.totals.unchanged, s.totals.found);
    }

    // A library from a version that stored fewer hash kinds: the unchanged files are read again once
    // so the duplicate engine has every signal, and then left alone.
    void rescanFillsInSignalKindsAddedSince()
    {
        QCOMPARE(scanTree().totals.added, qint64(10));
        const PhotoRecord r = recordFor(QStringLiteral("good.jpg"));
        {
            QSqlQuery q(Database::connection(m_lib));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM hashes WHERE kind = 'noise'")));
            // A kind the duplicate engine adds later must not count for the missing one.
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO hashes(photo_id, kind, bits) VALUES(%1, 'keypoints', x'00')").arg(r.id)));
        }
        const ScanSummary s = scanTree();
        QCOMPARE(s.totals.updated, qint64(10)); // every good photo lost its noise floor
        QCOMPARE(s.totals.added, qint64(0));
        QCOMPARE(recordFor(QStringLiteral("good.jpg")).id, r.id);
        QVERIFY(PhotoStore(m_lib).hashes(r.id).contains(QStringLiteral("noise")));
        const ScanSummary t = scanTree();
        QCOMPARE(t.totals.updated, qint64(0));
        QCOMPARE(t.totals.unchanged, t.totals.found);
    }

    void movedFileKeepsItsIdentity()
    {
        QCOMPARE(scanTree().totals.added, qint64(10));
        const qint64 id = recordFor(QStringLiteral("sub/other.png")).id;
        QVERIFY(QFile::rename(m_photos + QStringLiteral("/sub/other.png"), m_photos + QStringLiteral("/renamed.png")));
        const ScanSummary s = scanTree();
        QCOMPARE(s.totals.moved, qint64(1));
        QCOMPARE(recordFor(QStringLiteral("renamed.png")).id, id);
        QCOMPARE(recordFor(QStringLiteral("renamed.png")).state, PhotoState::Ok); // not missing: it moved
        QVERIFY(!PhotoStore(m_lib).photoByPath(QFile::encodeName(m_photos + QStringLiteral("/sub/other.png"))));
    }

    void deletedFileIsMarkedMissing()
    {
        QCOMPARE(scanTree().totals.added, qint64(10));
        QCOMPARE(recordFor(QStringLiteral("sub/deeper/third.webp")).state, PhotoState::Ok);
        QVERIFY(QFile::remove(m_photos + QStringLiteral("/sub/deeper/third.webp")));
        scanTree();
        QCOMPARE(recordFor(QStringLiteral("sub/deeper/third.webp")).state, PhotoState::Missing);
    }

    void cancelledScanResumesOnNextRun()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 40; ++i)
            QVERIFY(writeFile(dir.filePath(QStringLiteral("p%1.png").arg(i)), encoded(".png", pattern(i))));
        const TestLibrary library(QStringLiteral("resume.db"));
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        Scanner first(lib);
        first.setThreadCount(1);
        first.setBatchSize(5);
        connect(
            &first, &Scanner::photoIndexed, &first, [&first] { first.cancel(); }, Qt::DirectConnection);
        const ScanSummary a = first.scan({ QFile::encodeName(dir.path()) });
        QVERIFY(a.cancelled);
        QVERIFY(a.totals.added < 40);
        Scanner second(lib);
        const ScanSummary b = second.scan({ QFile::encodeName(dir.path()) });
        QVERIFY(!b.cancelled);
        QCOMPARE(a.totals.added + b.totals.added, qint64(40));
        QCOMPARE(PhotoStore(lib).count(PhotoQuery {}), qint64(40));
    }

    void unreadableFolderIsReportedAndScanGoesOn()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: permissions do not stop reading");
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("locked")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("ok.png")), encoded(".png", pattern(5))));
        QFile::setPermissions(dir.filePath(QStringLiteral("locked")), QFileDevice::Permissions());
        Scanner scanner(m_lib);
        const ScanSummary s = scanner.scan({ QFile::encodeName(dir.path()) });
        QFile::setPermissions(dir.filePath(QStringLiteral("locked")),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(s.totals.added, qint64(1));
        QVERIFY(s.errors.join(QLatin1Char('\n')).contains(QStringLiteral("cannot read folder")));
    }
};

QTEST_GUILESS_MAIN(TestScanner)
#include "tst_scanner.moc"
