#include "image/pngwriter.h"
#include "image/thumbnailcache.h"

#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QTest>

#include <opencv2/core.hpp>

using namespace shoebox;

class TestThumbnailCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void uriIsEscapedLikeGlib()
    {
        QCOMPARE(ThumbnailCache::uriFor("/home/me/My Photos/caf\xe9 (1).jpg"),
            QByteArray("file:///home/me/My%20Photos/caf%E9%20(1).jpg"));
        // The standard's own example: MD5 of the URI names the file.
        QVERIFY(ThumbnailCache::thumbnailPath("/home/jens/photos/me.png", ThumbnailCache::Normal)
                    .endsWith(QStringLiteral("/normal/c6ee772d9e49320e97ec29a7eb5b1697.png")));
    }

    void pngWriterRoundTripsPixelsAndKeys()
    {
        cv::Mat img(37, 53, CV_8UC3);
        cv::randu(img, cv::Scalar::all(0), cv::Scalar::all(255));
        const QByteArray png = PngWriter::encode(img, { { "Thumb::MTime", "42" } });
        const QImage back = QImage::fromData(png, "PNG").convertToFormat(QImage::Format_RGB888);
        QCOMPARE(back.size(), QSize(53, 37));
        for (int y = 0; y < img.rows; y += 7)
            for (int x = 0; x < img.cols; x += 5) {
                const cv::Vec3b p = img.at<cv::Vec3b>(y, x);
                QCOMPARE(back.pixel(x, y), qRgb(p[2], p[1], p[0]));
            }
        QVERIFY(png.contains(QByteArray("Thumb::MTime\0"
                                        "42",
            15)));
    }

    void storedThumbnailIsValidUntilFileChanges()
    {
        const QByteArray path = "/nowhere/photo one.jpg";
        cv::Mat img(600, 900, CV_8UC3, cv::Scalar(10, 200, 30));
        QVERIFY(ThumbnailCache::store(path, 1700000000, 1234, img, 3600, 2400));
        QVERIFY(ThumbnailCache::isValid(path, 1700000000));
        QVERIFY(!ThumbnailCache::isValid(path, 1700000001)); // the file was modified since
        const QImage t = ThumbnailCache::load(path, 1700000000);
        QCOMPARE(t.size(), QSize(256, 171));
        QVERIFY(QFile::remove(ThumbnailCache::thumbnailPath(path, ThumbnailCache::Large)));
    }
};

QTEST_GUILESS_MAIN(TestThumbnailCache)
#include "tst_thumbnailcache.moc"
