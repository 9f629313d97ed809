#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "image/rawdecoder.h"
#include "support/dngfixture.h"
#include "support/exiffixture.h"
#include "support/heiffixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

const unsigned char* bytesOf(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
}

// The frame a sensor stores for an upright picture shown with this EXIF orientation.
cv::Mat storedFor(const cv::Mat& upright, int orientation)
{
    cv::Mat out;
    switch (orientation) {
    case 3:
        cv::rotate(upright, out, cv::ROTATE_180);
        break;
    case 6:
        cv::rotate(upright, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    case 8:
        cv::rotate(upright, out, cv::ROTATE_90_CLOCKWISE);
        break;
    default:
        out = upright.clone();
    }
    return out;
}

} // namespace

class TestRawDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dngIsRecognisedFromItsBytes()
    {
        const QByteArray dng = dngBytes(bandedImage(640, 480), DngFields {});
        QVERIFY(!dng.isEmpty());
        const ImageProbe p = probeImage(bytesOf(dng), size_t(dng.size()), "whatever.tif");
        QCOMPARE(p.format, ImageFormat::Raw);
        QCOMPARE(formatName(p), QStringLiteral("dng"));
        QVERIFY(isRawFormat(formatName(p)));
    }

    // The scan takes the embedded JPEG preview (400 px here, where a half-size development would be
    // 320 px), with LibRaw's metadata, and the full size of the sensor image.
    void scanUsesTheEmbeddedPreview()
    {
        DngFields f;
        f.previewLongSide = 400;
        const QByteArray dng = dngBytes(bandedImage(640, 480), f);
        PhotoMetadata meta;
        const ImageProbe probe = probeImage(bytesOf(dng), size_t(dng.size()));
        const DecodedImage img = ImageDecoder::decodeWithMetadata(bytesOf(dng), size_t(dng.size()), probe, 256, meta);
        QVERIFY2(img.error.isEmpty(), qPrintable(img.error));
        QVERIFY(img.fromPreview);
        QCOMPARE(img.upright.cols, 400);
        QCOMPARE(img.upright.rows, 300);
        QCOMPARE(img.fullWidth, 640);
        QCOMPARE(img.fullHeight, 480);
        QCOMPARE(bandSide(img.upright), QStringLiteral("top"));
        QCOMPARE(meta.cameraMake, QStringLiteral("Shoebox"));
        QCOMPARE(meta.cameraModel, QStringLiteral("Test Camera"));
        QCOMPARE(meta.takenAt, QDateTime(QDate(2021, 5, 6), QTime(7, 8, 9), Qt::LocalTime));
        QCOMPARE(meta.orientation, 1);
    }

    void previewTooSmallFallsBackToHalfSizeDevelopment()
    {
        DngFields f;
        f.previewLongSide = 160;
        const QByteArray dng = dngBytes(bandedImage(640, 480), f);
        const DecodedImage img = RawDecoder::decodePreview(bytesOf(dng), size_t(dng.size()), 256, nullptr);
        QVERIFY2(img.error.isEmpty(), qPrintable(img.error));
        QVERIFY(!img.fromPreview);
        QCOMPARE(img.upright.cols, 320);
        QCOMPARE(bandSide(img.upright), QStringLiteral("top"));
    }

    // The viewer asks for a draft first (half size, quick), then the full demosaic.
    void viewerGetsHalfSizeDraftThenFullDevelopment()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("IMG_0002.DNG"));
        QString error;
        QVERIFY2(writeDng(path, bandedImage(640, 480), DngFields {}, &error), qPrintable(error));
        const DecodedImage draft = ImageDecoder::decodeFile(QFile::encodeName(path), 4096, 0, true);
        QVERIFY2(draft.error.isEmpty(), qPrintable(draft.error));
        QVERIFY(draft.draft);
        QCOMPARE(draft.upright.cols, 320);
        QCOMPARE(draft.upright.rows, 240);
        QCOMPARE(bandSide(draft.upright), QStringLiteral("top"));
        const DecodedImage full = ImageDecoder::decodeFile(QFile::encodeName(path), 4096, 0, false);
        QVERIFY2(full.error.isEmpty(), qPrintable(full.error));
        QVERIFY(!full.draft);
        QCOMPARE(full.upright.cols, 640);
        QCOMPARE(full.upright.rows, 480);
        QCOMPARE(bandSide(full.upright), QStringLiteral("top"));
    }

    void orientationComesFromLibRaw_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::newRow("1 normal") << 1;
        QTest::newRow("3 rotated 180") << 3;
        QTest::newRow("6 rotated 90 cw") << 6;
        QTest::newRow("8 rotated 90 ccw") << 8;
    }
    void orientationComesFromLibRaw()
    {
        QFETCH(int, orientation);
        const bool portrait = orientation == 6 || orientation == 8;
        const cv::Mat upright = bandedImage(portrait ? 480 : 640, portrait ? 640 : 480);
        DngFields f;
        f.orientation = orientation;
        f.previewLongSide = 400;
        const QByteArray dng = dngBytes(storedFor(upright, orientation), f);
        PhotoMetadata meta;
        const DecodedImage preview = RawDecoder::decodePreview(bytesOf(dng), size_t(dng.size()), 256, &meta);
        QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
        QCOMPARE(meta.orientation, orientation);
        QCOMPARE(bandSide(preview.upright), QStringLiteral("top"));
        QCOMPARE(preview.fullWidth, upright.cols);
        QCOMPARE(preview.fullHeight, upright.rows);
        const DecodedImage developed = RawDecoder::develop(bytesOf(dng), size_t(dng.size()), true);
        QVERIFY2(developed.error.isEmpty(), qPrintable(developed.error));
        QCOMPARE(bandSide(developed.upright), QStringLiteral("top"));
        QCOMPARE(developed.upright.cols, upright.cols / 2);
    }

    // A body this LibRaw does not know is "unsupported", named, not an error without a name.
    void unknownCameraIsUnsupportedWithItsName_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("camera");
        QTest::newRow("CR3 from an EOS R5") << cr3NamingCamera("Canon EOS R5") << "Canon EOS R5";
        QTest::newRow("NEF from a Z 9") << tiffNamingCamera("NIKON CORPORATION", "NIKON Z 9")
                                        << "Nikon Z 9"; // as LibRaw normalises it
    }
    void unknownCameraIsUnsupportedWithItsName()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, camera);
        const ImageProbe probe = probeImage(bytesOf(bytes), size_t(bytes.size()), "DSC_0001.NEF");
        QCOMPARE(probe.format, ImageFormat::Raw);
        const DecodedImage img = RawDecoder::decodePreview(bytesOf(bytes), size_t(bytes.size()), 256, nullptr);
        QVERIFY(img.upright.empty());
        QVERIFY(img.unsupported);
        QCOMPARE(img.error,
            QStringLiteral("unsupported RAW: %1 is newer than this LibRaw %2")
                .arg(camera, RawDecoder::libRawVersion()));
    }

    void truncatedDngIsReportedEvenWithItsPreviewIntact()
    {
        const QByteArray dng = dngBytes(bandedImage(640, 480), DngFields {});
        const QByteArray cut = dng.left(dng.size() * 3 / 4); // IFD0 and its preview come first
        const DecodedImage img = RawDecoder::decodePreview(bytesOf(cut), size_t(cut.size()), 256, nullptr);
        QVERIFY(img.upright.empty());
        QVERIFY2(img.error.startsWith(QStringLiteral("truncated DNG")), qPrintable(img.error));
    }

    void badRawGivesOneLineReason_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray dng = dngBytes(bandedImage(640, 480), DngFields {});
        QTest::newRow("zero bytes") << QByteArray();
        QTest::newRow("DNG truncated to half") << dng.left(dng.size() / 2);
        QTest::newRow("DNG header only") << dng.left(200);
        QByteArray scrambled = dng;
        for (qsizetype i = 300; i < scrambled.size(); i += 7)
            scrambled[i] = char(0xA5);
        QTest::newRow("DNG scrambled after its header") << scrambled;
        QTest::newRow("CR3 with an empty box") << cr3NamingCamera("Canon EOS R5") + QByteArray(16, '\0');
    }
    void badRawGivesOneLineReason()
    {
        QFETCH(QByteArray, bytes);
        const DecodedImage preview = RawDecoder::decodePreview(bytesOf(bytes), size_t(bytes.size()), 256, nullptr);
        const DecodedImage developed = RawDecoder::develop(bytesOf(bytes), size_t(bytes.size()), false);
        for (const DecodedImage* img : { &preview, &developed }) {
            // Either a reason, or (for data LibRaw reads past) an image; never a crash.
            QVERIFY(!img->error.isEmpty() || !img->upright.empty());
            QVERIFY(!img->error.contains(QLatin1Char('\n')));
        }
        QVERIFY2(!preview.error.isEmpty() || bytes.size() > 10000, qPrintable(preview.error));
    }

    // A CR3 whose boxes do not nest (a box of size 0, or larger than what holds it) is refused before
    // LibRaw reads it: LibRaw 0.20's CR3 parser loops forever on some (a 381-byte fuzz input).
    void cr3WithABrokenBoxIsRefusedBeforeLibRaw_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("brokenAt");
        const QByteArray cr3 = cr3NamingCamera("Canon EOS R5");
        QTest::newRow("a box of size 0 after the others") << cr3 + QByteArray(16, '\0') << qint64(cr3.size());
        QByteArray tooLong = cr3;
        tooLong[0] = char(0x7F); // the ftyp box claims 2 GB
        QTest::newRow("a box longer than the file") << tooLong << qint64(0);
    }
    void cr3WithABrokenBoxIsRefusedBeforeLibRaw()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, brokenAt);
        const DecodedImage img = RawDecoder::decodePreview(bytesOf(bytes), size_t(bytes.size()), 256, nullptr);
        QCOMPARE(img.error, QStringLiteral("corrupt CR3: its box structure breaks at byte %1; not read").arg(brokenAt));
    }

    // A header claiming a sensor far larger than the file (12000x12000 in 0.6 MB here) is refused
    // before LibRaw fills and develops it: a crafted file of a few kilobytes took minutes that way.
    void sensorLargerThanItsFileIsRefused()
    {
        QByteArray dng = dngBytes(bandedImage(640, 480), DngFields {});
        const auto patch = [&dng](quint16 tag, quint16 from, quint16 to) {
            const char le[]
                = { char(tag & 0xFF), char(tag >> 8), 3, 0, 1, 0, 0, 0, char(from & 0xFF), char(from >> 8) };
            const qsizetype at = dng.indexOf(QByteArray(le, sizeof le));
            if (at < 0)
                return false;
            dng[at + 8] = char(to & 0xFF);
            dng[at + 9] = char(to >> 8);
            return true;
        };
        QVERIFY(patch(256, 640, 12000)); // the mosaic's ImageWidth (the preview's is 400)
        QVERIFY(patch(257, 480, 12000)); // and ImageLength
        const DecodedImage img = RawDecoder::develop(bytesOf(dng), size_t(dng.size()), true);
        QVERIFY(img.upright.empty());
        QVERIFY2(img.error.contains(QStringLiteral("12000x12000 sensor pixels")), qPrintable(img.error));
    }
};

QTEST_GUILESS_MAIN(TestRawDecoder)
#include "tst_rawdecoder.moc"
