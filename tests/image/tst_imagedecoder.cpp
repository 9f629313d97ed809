#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "support/exiffixture.h"

#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// Which corner of the upright image holds the red marker.
QString markerCorner(const cv::Mat& m)
{
    auto red = [&](int x, int y) {
        const cv::Vec3b p = m.at<cv::Vec3b>(y, x);
        return p[2] > 200 && p[1] < 60;
    };
    const int r = m.cols - 3, b = m.rows - 3;
    if (red(2, 2))
        return QStringLiteral("top-left");
    if (red(r, 2))
        return QStringLiteral("top-right");
    if (red(2, b))
        return QStringLiteral("bottom-left");
    if (red(r, b))
        return QStringLiteral("bottom-right");
    return QStringLiteral("none");
}

DecodedImage decodeBytes(const QByteArray& bytes, int orientation, int minLongSide = 4096)
{
    const auto* d = reinterpret_cast<const unsigned char*>(bytes.constData());
    return ImageDecoder::decode(d, size_t(bytes.size()), probeImage(d, size_t(bytes.size())), orientation, minLongSide);
}

} // namespace

class TestImageDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void turnsImageUprightByExifOrientation_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<QString>("corner");
        QTest::addColumn<bool>("swapped");
        // Where the stored top-left corner must be shown (EXIF 2.3, table of Orientation).
        QTest::newRow("1 normal") << 1 << "top-left" << false;
        QTest::newRow("2 mirrored") << 2 << "top-right" << false;
        QTest::newRow("3 rotated 180") << 3 << "bottom-right" << false;
        QTest::newRow("4 flipped") << 4 << "bottom-left" << false;
        QTest::newRow("5 transposed") << 5 << "top-left" << true;
        QTest::newRow("6 rotated 90 cw") << 6 << "top-right" << true;
        QTest::newRow("7 transversed") << 7 << "bottom-right" << true;
        QTest::newRow("8 rotated 90 ccw") << 8 << "bottom-left" << true;
    }
    void turnsImageUprightByExifOrientation()
    {
        QFETCH(int, orientation);
        QFETCH(QString, corner);
        QFETCH(bool, swapped);
        std::vector<unsigned char> png;
        cv::imencode(".png", markedImage(80, 40), png);
        const DecodedImage img
            = decodeBytes(QByteArray(reinterpret_cast<const char*>(png.data()), int(png.size())), orientation);
        QVERIFY(img.error.isEmpty());
        QCOMPARE(markerCorner(img.upright), corner);
        QCOMPARE(img.upright.cols, swapped ? 40 : 80);
        QCOMPARE(img.fullWidth, swapped ? 40 : 80);
    }

    void jpegIsDecodedReducedButReportsFullSize()
    {
        std::vector<unsigned char> jpg;
        cv::imencode(".jpg", markedImage(2048, 1536), jpg);
        const DecodedImage img
            = decodeBytes(QByteArray(reinterpret_cast<const char*>(jpg.data()), int(jpg.size())), 1, 256);
        QCOMPARE(img.upright.cols, 256); // 1/8 DCT scaling
        QCOMPARE(img.fullWidth, 2048);
        QCOMPARE(img.fullHeight, 1536);
    }

    void reductionKeepsRequestedLongSide_data()
    {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("factor");
        QTest::newRow("12MP for thumbnails") << 4000 << 3000 << 256 << 8;
        QTest::newRow("12MP for tagging") << 4000 << 3000 << 448 << 8;
        QTest::newRow("small photo") << 640 << 480 << 448 << 1;
        QTest::newRow("2MP for tagging") << 1920 << 1080 << 448 << 4;
    }
    void reductionKeepsRequestedLongSide()
    {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(int, min);
        QFETCH(int, factor);
        QCOMPARE(ImageDecoder::reductionFor(w, h, min), factor);
    }

    void hugeHeaderIsRefusedBeforeDecoding()
    {
        // A valid PNG signature and IHDR claiming 100000 x 100000 pixels, no pixel data.
        QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x02\0\0\0\0\0\0\0", 33);
        png += QByteArray("\0\0\0\0IEND\xae\x42\x60\x82", 12);
        const DecodedImage img = decodeBytes(png, 1);
        QVERIFY(img.upright.empty());
        QVERIFY2(img.error.contains(QStringLiteral("100000x100000")), qPrintable(img.error));
    }

    void corruptDataGivesReasonNotCrash()
    {
        std::vector<unsigned char> jpg;
        cv::imencode(".jpg", markedImage(256, 256), jpg);
        QByteArray bytes(reinterpret_cast<const char*>(jpg.data()), int(jpg.size()));
        for (int i = 200; i < bytes.size() - 2; i += 3)
            bytes[i] = char(0xFF);
        const DecodedImage img = decodeBytes(bytes, 1);
        QVERIFY(!img.error.isEmpty() || !img.upright.empty());
    }
};

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
