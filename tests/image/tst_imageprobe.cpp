#include "image/imageprobe.h"

#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace shoebox;

namespace {
QByteArray encode(const char* ext, int w = 97, int h = 61)
{
    std::vector<unsigned char> buf;
    cv::imencode(ext, cv::Mat(h, w, CV_8UC3, cv::Scalar(10, 20, 30)), buf);
    return QByteArray(reinterpret_cast<const char*>(buf.data()), int(buf.size()));
}
ImageProbe probe(const QByteArray& b)
{
    return probeImage(reinterpret_cast<const unsigned char*>(b.constData()), size_t(b.size()));
}
} // namespace

class TestImageProbe : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Videos by their container bytes; HEIF/AVIF and other ISO BMFF brands are not claimed as video.
    void knowsVideoContainersFromBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("video");
        auto ftyp = [](const char* brand) -> QByteArray {
            return QByteArray("\0\0\0\x18"
                              "ftyp",
                       8)
                + QByteArray(brand, 4) + QByteArray(12, '\0') + QByteArray(64, 'x');
        };
        QTest::newRow("mp4 isom") << ftyp("isom") << "mp4" << true;
        QTest::newRow("mp4 mp42") << ftyp("mp42") << "mp4" << true;
        QTest::newRow("quicktime") << ftyp("qt  ") << "mov" << true;
        QTest::newRow("m4v") << ftyp("M4V ") << "m4v" << true;
        QTest::newRow("3gp") << ftyp("3gp4") << "3gp" << true;
        QTest::newRow("old quicktime, no ftyp") << QByteArray("\0\0\0\x08wide\0\0\0\x10mdat", 16) << "mov" << true;
        QTest::newRow("webm") << QByteArray("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", 16) << "webm"
                              << true;
        QTest::newRow("matroska") << QByteArray("\x1a\x45\xdf\xa3\xa3\x42\x82\x88matroska", 16) << "mkv" << true;
        QTest::newRow("avi") << QByteArray("RIFF\0\x10\0\0AVI LIST", 16) << "avi" << true;
        QTest::newRow("heic stays an image") << ftyp("heic") << "heif" << false;
        QTest::newRow("avif stays an image") << ftyp("avif") << "heif" << false;
        QTest::newRow("mif1 stays an image") << ftyp("mif1") << "heif" << false;
        QTest::newRow("canon cr3 is a RAW, not a video") << ftyp("crx ") << "raw" << false;
    }
    void knowsVideoContainersFromBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, format);
        QFETCH(bool, video);
        const ImageProbe p = probe(bytes);
        QCOMPARE(formatName(p.format), format);
        QCOMPARE(isVideoFormat(p.format), video);
        QVERIFY(!isDecodable(p.format) || !video);
    }

    void knowsFormatAndSizeFromBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("format");
        QTest::newRow("jpeg") << encode(".jpg") << "jpeg";
        QTest::newRow("png") << encode(".png") << "png";
        QTest::newRow("webp") << encode(".webp") << "webp";
        QTest::newRow("bmp") << encode(".bmp") << "bmp";
        QTest::newRow("tiff") << encode(".tiff") << "tiff";
        // Qt and OpenCV write no GIF: a minimal one by hand (header, one image block, trailer).
        const QByteArray gif = QByteArray("GIF89a\x61\x00\x3d\x00\x00\x00\x00", 13)
            + QByteArray(",\0\0\0\0\x61\0\x3d\0\0\x02\x02\x44\x01\0;", 16);
        QTest::newRow("gif") << gif << "gif";
    }
    void knowsFormatAndSizeFromBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, format);
        const ImageProbe p = probe(bytes);
        QCOMPARE(formatName(p.format), format);
        QCOMPARE(p.width, 97);
        QCOMPARE(p.height, 61);
        QVERIFY(!p.truncated);
    }

    void jpegQualityComesFromTheQuantisationTable_data()
    {
        QTest::addColumn<int>("quality");
        for (int q : { 30, 50, 70, 95 })
            QTest::addRow("q%d", q) << q;
    }
    void jpegQualityComesFromTheQuantisationTable()
    {
        QFETCH(int, quality);
        std::vector<uchar> buf;
        cv::imencode(
            ".jpg", cv::Mat(64, 64, CV_8UC3, cv::Scalar(10, 20, 30)), buf, { cv::IMWRITE_JPEG_QUALITY, quality });
        const ImageProbe p = probeImage(buf.data(), buf.size());
        QVERIFY2(std::abs(p.jpegQuality - quality) <= 1, qPrintable(QStringLiteral("read as %1").arg(p.jpegQuality)));
    }

    void pngHasNoJpegQuality()
    {
        std::vector<uchar> png;
        cv::imencode(".png", cv::Mat(8, 8, CV_8UC3, cv::Scalar::all(0)), png);
        QCOMPARE(probeImage(png.data(), png.size()).jpegQuality, 0);
    }

    void pngNamedJpgIsStillPng()
    {
        // The name plays no part: only the bytes are looked at.
        QCOMPARE(probe(encode(".png")).format, ImageFormat::Png);
    }

    void textIsNotAnImage()
    {
        QCOMPARE(probe(QByteArray("hello, this is not a photo\n")).format, ImageFormat::Text);
        QVERIFY(!isDecodable(ImageFormat::Text));
    }

    void truncatedJpegAndPngAreNoticed()
    {
        const QByteArray jpg = encode(".jpg", 300, 200);
        QVERIFY(probe(jpg.left(jpg.size() * 2 / 3)).truncated);
        const QByteArray png = encode(".png", 300, 200);
        QVERIFY(probe(png.left(png.size() - 20)).truncated);
    }

    // HEIF brands and RAW signatures name the format from the bytes; the file name only breaks the
    // tie for TIFF-based RAWs without a signature, and never turns another format into a RAW.
    void heifAndRawAreNamedFromTheirBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("fileName");
        QTest::addColumn<QString>("format");
        auto ftyp = [](const char* brands, int n) -> QByteArray {
            return QByteArray("\0\0\0", 3) + char(8 + n) + "ftyp" + QByteArray(brands, n);
        };
        auto tiff = [](const QByteArray& head) -> QByteArray { return head + QByteArray(32, '\0'); };
        QTest::newRow("heic brand") << ftyp("heic\0\0\0\0mif1heic", 16) << QByteArray("a.heic") << "heic";
        QTest::newRow("mif1 with heic") << ftyp("mif1\0\0\0\0mif1heic", 16) << QByteArray("a.heic") << "heic";
        QTest::newRow("avif brand") << ftyp("avif\0\0\0\0avifmif1", 16) << QByteArray("a.avif") << "avif";
        QTest::newRow("mif1 with avif") << ftyp("mif1\0\0\0\0mif1avif", 16) << QByteArray("a.heic") << "avif";
        QTest::newRow("heic named .jpg") << ftyp("heic\0\0\0\0mif1heic", 16) << QByteArray("a.jpg") << "heic";
        QTest::newRow("cr3") << ftyp("crx \0\0\0\1crx isom", 16) << QByteArray("a.cr3") << "cr3";
        QTest::newRow("cr2") << tiff(QByteArray("II*\0\x10\0\0\0CR\x02\0", 12)) << QByteArray("a.cr2") << "cr2";
        QTest::newRow("raf") << tiff("FUJIFILMCCD-RAW 0201") << QByteArray("a.raf") << "raf";
        QTest::newRow("orf") << tiff(QByteArray("IIRO\x08\0\0\0", 8)) << QByteArray("a.orf") << "orf";
        QTest::newRow("rw2") << tiff(QByteArray("IIU\0\x08\0\0\0", 8)) << QByteArray("a.rw2") << "rw2";
        QTest::newRow("tiff named .nef") << tiff(QByteArray("II*\0\x08\0\0\0", 8)) << QByteArray("DSC.NEF") << "nef";
        QTest::newRow("tiff named .tif") << tiff(QByteArray("II*\0\x08\0\0\0", 8)) << QByteArray("scan.tif") << "tiff";
        QTest::newRow("jpeg named .nef") << encode(".jpg") << QByteArray("DSC.NEF") << "jpeg";
    }
    void heifAndRawAreNamedFromTheirBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, fileName);
        QFETCH(QString, format);
        const ImageProbe p
            = probeImage(reinterpret_cast<const unsigned char*>(bytes.constData()), size_t(bytes.size()), fileName);
        QCOMPARE(formatName(p), format);
        QCOMPARE(isRawFormat(format), p.format == ImageFormat::Raw);
        QCOMPARE(isDecodable(p.format), format != QLatin1String("unknown"));
    }

    void isRawFormatKnowsRawNamesOnly_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("raw");
        for (const char* raw : { "cr2", "cr3", "nef", "arw", "dng", "raf", "orf", "rw2", "pef", "srw" })
            QTest::newRow(raw) << QString::fromLatin1(raw) << true;
        for (const char* other : { "jpeg", "png", "tiff", "heic", "avif", "heif", "webp", "NEF" })
            QTest::newRow(other) << QString::fromLatin1(other) << false;
    }
    void isRawFormatKnowsRawNamesOnly()
    {
        QFETCH(QString, format);
        QFETCH(bool, raw);
        QCOMPARE(isRawFormat(format), raw);
    }

    // A header cut short is named by its signature alone: no size or quality is read past the end.
    void tinyInputsAreSafe_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("probed"); // "format widthxheight qQUALITY"
        QTest::newRow("empty") << QByteArray() << "unknown 0x0 q0";
        // Too short for the JPEG signature, and no control characters: it reads as text.
        QTest::newRow("jfif 1 byte") << QByteArray("\xFF", 1) << "text 0x0 q0";
        QTest::newRow("jfif 2 bytes") << QByteArray("\xFF\xD8", 2) << "text 0x0 q0";
        for (int n = 3; n < 12; ++n)
            QTest::addRow("jfif %d bytes", n) << QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF", n) << "jpeg 0x0 q0";
        QTest::newRow("png signature only") << QByteArray("\x89PNG\r\n\x1a\n", 8) << "png 0x0 q0";
        QTest::newRow("webp header only") << QByteArray("RIFF\0\0\0\0WEBP", 12) << "webp 0x0 q0";
        QTest::newRow("tiff with its IFD past the end") << QByteArray("II*\0\xff\xff\0\0", 8) << "tiff 0x0 q0";
    }
    void tinyInputsAreSafe()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, probed);
        const ImageProbe p = probe(bytes);
        QCOMPARE(QStringLiteral("%1 %2x%3 q%4").arg(formatName(p.format)).arg(p.width).arg(p.height).arg(p.jpegQuality),
            probed);
    }

    // The size a BMP header gives, read the way the decoders read it: the limits are checked on the
    // size they will allocate (an OS/2 header's 16-bit fields must not be read as one 32-bit width).
    void bmpSizeIsReadAsTheDecodersReadIt_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("size");
        QTest::newRow("windows 40-byte header") << bmpHeader(40, 640, 480) << "640x480";
        QTest::newRow("windows, rows top-down") << bmpHeader(40, 640, -480) << "640x480";
        QTest::newRow("windows, height INT_MIN") << bmpHeader(40, 7, INT32_MIN) << "7x2147483647";
        QTest::newRow("windows, negative width: no size") << bmpHeader(40, -640, 480) << "0x0";
        QTest::newRow("windows v5 124-byte header") << bmpHeader(124, 30000, 25000) << "30000x25000";
        QTest::newRow("os/2 12-byte header") << bmpHeader(12, 640, 480) << "640x480";
        QTest::newRow("os/2, 16-bit sizes are unsigned") << bmpHeader(12, 0xFFFF, 0x8000) << "65535x32768";
    }
    void bmpSizeIsReadAsTheDecodersReadIt()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, size);
        const ImageProbe p = probe(bytes);
        QCOMPARE(p.format, ImageFormat::Bmp);
        QCOMPARE(QStringLiteral("%1x%2").arg(p.width).arg(p.height), size);
    }

private:
    // A BMP file header and the start of an info header of headerSize bytes (12: OS/2 1.x, 16-bit sizes).
    static QByteArray bmpHeader(quint32 headerSize, qint32 width, qint32 height)
    {
        QByteArray b("BM", 2);
        const auto put = [&b](quint32 v, int bytes) {
            for (int i = 0; i < bytes; ++i)
                b.append(char((v >> (8 * i)) & 0xFF));
        };
        put(14 + headerSize + 64, 4); // file size
        put(0, 4); // reserved
        put(14 + headerSize, 4); // pixel data offset
        put(headerSize, 4);
        const int sizeBytes = headerSize == 12 ? 2 : 4;
        put(quint32(width), sizeBytes);
        put(quint32(height), sizeBytes);
        put(1, 2); // planes
        put(24, 2); // bits per pixel
        b.append(QByteArray(int(headerSize) - 4 - 2 * sizeBytes - 4 + 64, '\0'));
        return b;
    }
};

QTEST_GUILESS_MAIN(TestImageProbe)
#include "tst_imageprobe.moc"
