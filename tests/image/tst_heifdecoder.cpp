#include "image/exifreader.h"
#include "image/heifdecoder.h"
#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "support/exiffixture.h"
#include "support/heiffixture.h"
#include "support/heifgrid.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

const unsigned char* bytesOf(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
}

} // namespace

class TestHeifDecoder : public QObject {
    Q_OBJECT
private:
    QByteArray m_iphone; // encoding takes a moment: made once
    QByteArray m_heic, m_avif;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_iphone = iphoneStyleHeic(&error);
        QVERIFY2(!m_iphone.isEmpty(), qPrintable(error));
        m_heic = encodeHeif(bandedImage(640, 480), HeifFields {}, &error);
        QVERIFY2(!m_heic.isEmpty(), qPrintable(error));
        HeifFields av1;
        av1.avif = true;
        m_avif = encodeHeif(bandedImage(640, 480), av1, &error);
        QVERIFY2(!m_avif.isEmpty(), qPrintable(error));
    }

    void decodesHeicAndAvif_data()
    {
        QTest::addColumn<bool>("avif");
        QTest::addColumn<QString>("format");
        QTest::newRow("heic") << false << "heic";
        QTest::newRow("avif") << true << "avif";
    }
    void decodesHeicAndAvif()
    {
        QFETCH(bool, avif);
        QFETCH(QString, format);
        const QByteArray& file = avif ? m_avif : m_heic;
        const ImageProbe probe = probeImage(bytesOf(file), size_t(file.size()));
        QCOMPARE(formatName(probe), format);
        const DecodedImage img = ImageDecoder::decode(bytesOf(file), size_t(file.size()), probe, 1, 4096);
        QVERIFY2(img.error.isEmpty(), qPrintable(img.error));
        QCOMPARE(img.upright.cols, 640);
        QCOMPARE(img.upright.rows, 480);
        QCOMPARE(img.fullWidth, 640);
        QCOMPARE(bandSide(img.upright), QStringLiteral("top"));
        QVERIFY(!img.fromPreview); // there is no thumbnail in this one
    }

    // iPhones store a photo as a grid of tiles. Each row decodes it with that many of libheif's threads
    // (0: the caller's, as the scan does; more: the viewer's): whole, in place, cropped to its size.
    void gridHeicDecodesWholeOnAnyThreadCount_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("scan: caller's thread") << 0;
        QTest::newRow("one thread") << 1;
        QTest::newRow("viewer: two threads") << 2;
        QTest::newRow("four threads") << 4;
    }
    void gridHeicDecodesWholeOnAnyThreadCount()
    {
        QFETCH(int, threads);
        // A left-to-right ramp in green: a tile put in the wrong column would break it.
        cv::Mat source = bandedImage(200, 150);
        for (int y = 20; y < source.rows; ++y)
            for (int x = 0; x < source.cols; ++x)
                source.at<cv::Vec3b>(y, x)[1] = uchar(x * 255 / source.cols);
        QString error;
        const QByteArray grid = gridHeic(source, 64, 90, &error); // 4 x 3 tiles, the last ones cropped
        QVERIFY2(!grid.isEmpty(), qPrintable(error));
        QCOMPARE(formatName(probeImage(bytesOf(grid), size_t(grid.size()))), QStringLiteral("heic"));
        const DecodedImage img = HeifDecoder::decode(bytesOf(grid), size_t(grid.size()), 1 << 20, threads);
        QVERIFY2(img.error.isEmpty(), qPrintable(img.error));
        QCOMPARE(img.upright.cols, 200);
        QCOMPARE(img.upright.rows, 150);
        QCOMPARE(img.fullWidth, 200);
        QCOMPARE(img.fullHeight, 150);
        QCOMPARE(bandSide(img.upright), QStringLiteral("top"));
        cv::Mat diff;
        cv::absdiff(img.upright, source, diff);
        const cv::Scalar mean = cv::mean(diff);
        QVERIFY2(mean[0] + mean[1] + mean[2] < 12, qPrintable(QStringLiteral("mean difference %1").arg(mean[1])));
    }

    // irot 90 and EXIF orientation 6 say the same turn: applied once, the band is on top and the
    // stored 640x480 frame shows as 480x640. Applied twice it would be on the right.
    void iphoneStyleFileIsUprightExactlyOnce_data()
    {
        QTest::addColumn<int>("minLongSide");
        QTest::addColumn<int>(
            "orientationGiven"); // what a caller passes in (the thumbnail loader passes the catalog's)
        QTest::addColumn<bool>("fromPreview");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("scan: embedded thumbnail") << 256 << 0 << true << 240 << 320;
        QTest::newRow("scan: thumbnail exactly large enough") << 320 << 0 << true << 240 << 320;
        QTest::newRow("tagging: full image") << 448 << 0 << false << 480 << 640;
        QTest::newRow("viewer with EXIF 6 passed in") << 4096 << 6 << false << 480 << 640;
        QTest::newRow("thumbnail loader with EXIF 6 passed in") << 256 << 6 << true << 240 << 320;
    }
    void iphoneStyleFileIsUprightExactlyOnce()
    {
        QFETCH(int, minLongSide);
        QFETCH(int, orientationGiven);
        QFETCH(bool, fromPreview);
        QFETCH(int, width);
        QFETCH(int, height);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("IMG_0001.HEIC"));
        QVERIFY(writeFile(path, m_iphone));
        const DecodedImage img = ImageDecoder::decodeFile(QFile::encodeName(path), minLongSide, orientationGiven);
        QVERIFY2(img.error.isEmpty(), qPrintable(img.error));
        QCOMPARE(img.fromPreview, fromPreview);
        QCOMPARE(img.upright.cols, width);
        QCOMPARE(img.upright.rows, height);
        QCOMPARE(img.fullWidth, 480);
        QCOMPARE(img.fullHeight, 640);
        QCOMPARE(bandSide(img.upright), QStringLiteral("top"));
    }

    void exifComesFromTheHeifExifBlock()
    {
        PhotoMetadata meta;
        const ImageProbe probe = probeImage(bytesOf(m_iphone), size_t(m_iphone.size()));
        const DecodedImage img
            = ImageDecoder::decodeWithMetadata(bytesOf(m_iphone), size_t(m_iphone.size()), probe, 256, meta);
        QVERIFY(img.error.isEmpty());
        QCOMPARE(meta.takenAt, QDateTime(QDate(2023, 8, 15), QTime(18, 30, 5), Qt::LocalTime));
        QCOMPARE(meta.takenSource, QStringLiteral("exif"));
        QCOMPARE(meta.utcOffsetMinutes, std::optional<int>(120));
        QCOMPARE(meta.cameraMake, QStringLiteral("Apple"));
        QCOMPARE(meta.cameraModel, QStringLiteral("iPhone 14"));
        QVERIFY(meta.gps.has_value());
        QVERIFY(qAbs(meta.gps->latitude - 48.8584) < 1e-3);
        QVERIFY(qAbs(meta.gps->longitude - 2.2945) < 1e-3);
        // The file's own irot already turned it: the catalog must not be told to turn it again.
        QCOMPARE(meta.orientation, 1);
        // The raw block is there, with the EXIF orientation 6 a double-rotating reader would apply.
        const QByteArray block = HeifDecoder::exifBlock(bytesOf(m_iphone), size_t(m_iphone.size()));
        PhotoMetadata raw;
        QVERIFY(ExifReader::readBlock(bytesOf(block), size_t(block.size()), raw));
        QCOMPARE(raw.orientation, 6);
    }

    void realAvifSampleHasItsTrueSize()
    {
        QFile f(QStringLiteral(SHOEBOX_TEST_DATA "/mimetype/avif.avif"));
        if (!f.open(QIODevice::ReadOnly))
            QSKIP("mimetype samples not extracted (scripts/fetch-test-photos.sh)");
        const QByteArray bytes = f.readAll();
        const ImageProbe probe = probeImage(bytesOf(bytes), size_t(bytes.size()));
        QCOMPARE(formatName(probe), QStringLiteral("avif"));
        const DecodedImage img = ImageDecoder::decode(bytesOf(bytes), size_t(bytes.size()), probe, 1, 4096);
        QVERIFY2(img.error.isEmpty(), qPrintable(img.error));
        QCOMPARE(img.upright.cols, 320); // its ispe box says 320x180
        QCOMPARE(img.upright.rows, 180);
    }

    // Bad HEIF input never crashes and always says why, without allocating absurd sizes.
    void badHeifGivesOneLineReason_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray heic = encodeHeif(bandedImage(640, 480), HeifFields {});
        QTest::newRow("truncated to half") << heic.left(heic.size() / 2) << "HEIF";
        QTest::newRow("header only") << heic.left(64) << "HEIF";
        QTest::newRow("claims 100000x100000") << withClaimedSize(heic, 100000, 100000) << "100000x100000";
        QTest::newRow("claims 20000x20000 (400 MP)") << withClaimedSize(heic, 20000, 20000) << "megapixel limit";
        QByteArray garbage = heic.left(40);
        garbage.append(QByteArray(4000, '\x5a'));
        QTest::newRow("ftyp then garbage") << garbage << "HEIF";
    }
    void badHeifGivesOneLineReason()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const DecodedImage img = HeifDecoder::decode(bytesOf(bytes), size_t(bytes.size()), 256, 2);
        QVERIFY(img.upright.empty());
        QVERIFY2(img.error.contains(reason), qPrintable(img.error));
        QVERIFY(!img.error.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestHeifDecoder)
#include "tst_heifdecoder.moc"
