// SPDX-License-Identifier: GPL-3.0-or-later
// Regression rows for what the fuzz harnesses (tests/fuzz/) found: each row rebuilds the input
// that failed, in code, and checks the behaviour the fix guarantees on the path the harness took.
#include "catalog/photo.h"
#include "duplicates/duplicatesignals.h"
#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "tags/tagstore.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

using namespace shoebox;

namespace {

QByteArray le32(quint32 v)
{
    QByteArray b(4, '\0');
    for (int i = 0; i < 4; ++i)
        b[i] = char((v >> (8 * i)) & 0xff);
    return b;
}

// A BMP file header and the start of its info header with the given width and height fields.
QByteArray bmpHeader(quint32 width, quint32 height)
{
    return QByteArray("BM", 2) + le32(0x60) + QByteArray(12, '\xff') + le32(width) + le32(height) + QByteArray(8, '\0');
}

// fuzz_decode_heif timeout 948c3662, as found: a 1,132-byte HEIC whose primary image's thumbnail is
// a 1x1 grid (item 3) naming itself as its only tile; libheif 1.15 recursed over its tile threads
// for more than 100 s inside heif_decode_image.
QByteArray selfReferringHeifGrid()
{
    return QByteArray::fromBase64(
        "AAAAKGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZm1pZjFoZWljbWlhZgAAArxtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0"
        "AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAEGlkYXQAAAAAACAAFAAAAGBpbG9jAQAAAERAAAQAAQAAAAAAAALsAAEA"
        "AAAAAAAAiwACAAAAAAAAA3cAAQAAAAAAAABmAAMAAQAAAAAAAAABAAAAAAAAAAgABAAAAAAAAAPdAAEAAAAAAAAAGAAAAGJp"
        "aW5mAAAAAAAEAAAAFWluZmUCAAAAAAEAAGh2YzEAAAAAFWluZmUCAAABAAIAAGh2YzEAAAAAFWluZmUCAAAAAAMAAGdyaWQA"
        "AAAAFWluZmUCAAABAAQAAEV4aWYAAAABeWlwcnAAAAFRaXBjbwAAAHdodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEA"
        "GEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQArQtoBA3AAAAMAkAAAAwAAAwAeoDCBBZbpOSkubgQEDAgAAAMACAAAAwAI"
        "QCIAAQAGRAHAcYESAAAAFGlzcGUAAAAAAAAAYAAAAEAAAAAQcGl4aQAAAAADCAgIAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8"
        "/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlulukubgQEDA"
        "gAAAAwCAAAADAIQiAAEABkQBwHGDEgAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAABeIAAAABQAAAAQcGl4aQAA"
        "AAADCAgIAAAAIGlwbWEAAAAAAAAAAwABA4ECgwACAoQFAAMCBocAAAA2aXJlZgAAAAAAAAAOZGltZwADAAEAAwAAAA50aG1i"
        "AAMAAQABAAAADmNkc2MABAABAAEAaliGJfWsPjRHnTaTffuBfePHkv/+JWVpYwAAAABtaWYxaGVpY21pYWZtaWYxaGVpY21p"
        "YWYAAAK8bWV0YQAAAAAAAAAhaGRscgAAAAAAAAAAcGljdAAAAAAAAAAAAAAAAAAAAAAOcGl0bQAAAAAAAQAAABBpZGF0AAAA"
        "AAAgABQAAABgaWxvYwEAAABEQAAEAAEAAAAAAAAC7AABAAAAAAAAAIsAAgAAAAAAAAN3AAEAAAAAAAAAZgADACEAAAAAAAAA"
        "AQAAAAAAAAAIAAQAAAAAAAAD3QABAAAAAAAAABgAAABiaWluZgAAAAAABAAAABVpbmZlAgAAAAABAABodmMxAAAAABVpbmZl"
        "AgAAAQACAABodmMxAAAAABV3axadlnObflxDTVQxpWHPezqWmKDbn+1/n3+LCfrjc1Rq557/////////////////////////"
        "/////////////////////////////07//////////////////////////////////wAAAA==");
}

// fuzz_decode_heif crash 24e211d3 (UBSan), as found: a 790-byte HEIC whose tile sizes are near 2^32
// each; their product overflowed int64 while the item graph was costed.
QByteArray heifTileOfHugeSize()
{
    return QByteArray::fromBase64(
        "AAAAKGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZm1pZjFoZWljbWlhZgAAArxtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0"
        "AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAEGlkYXQAAAAAACAAFAAAAGBpbG9jAQAAAERAAAQAAQAAAAAAAALsAAEA"
        "AAAAAAAAiwACAAAAAAAAA3cAAQAAAAAAAABmAAMAAQAAAAAAAAABAAAAAAAAAAgABAAAAAAAAAPdAAEAAAAAAAAAGAAAAGJp"
        "aW5mAAAAAAAEBAAAFWluZmUCAAAAAAEAAGh2YzEAAAAAFWluZmUCAAABAAIAAGh2YzEAAAAAFWluZmUCAAAAAAMAAGdyaWQA"
        "AAAAFWluZmUCAAABAAQAAEV4aWYAAAABeWlwcnAAAAFRaXBjbwAAAHdodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEA"
        "GEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQArQgEBA4////z/b///AwAAAwAeoDCBBZbpOSkubgQEDAgAAAMACAAAAwAI"
        "QCIAAQAGRAHAcYESAAAAFGlzcGUAAAAAAAAAYAAAAEAAAAAQcGl4aQAAAAADCAgIAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8"
        "/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlulukubgQEDA"
        "gAAAAwCAAAADAIQiAAEABkQBwHGDEgAAABRpc3BlAAD/2P/V+v///9X/1dX/2P/V+v///9X/1foA////1f/V1Yo61dV4aQAA"
        "AAADCAgIAAAAIGlwbWEAAAAAAAAAAwABA4ECgwACAoQFAAMCBocAAAA2aXJlZgAAAAAAAAAOZGltZwAAAwEAAn5cvQvLa6Vh"
        "z3s6lpCg25/tf59/iwn643NUal++0uEfQOnFnoMUkB6A34KACY1wgNOLz2CAcAAAAAZFeGlmAABJSSoACAAAAAAAAAAAAA==");
}

// fuzz_decode_heif out-of-memory 30bc488a (CI, round twenty-two), as found: a 1,130-byte HEIC whose
// primary item is an overlay (iovl) with a canvas of tens of thousands of pixels a side; libheif 1.15
// allocated 2.6 GB for it before composing anything.
QByteArray heifOverlayOnHugeCanvas()
{
    return QByteArray::fromBase64(
        "AAAAKGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZm1pZjFoZWljbWlhZgAAArxtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0"
        "AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAEGlkYXQAAAAAACAAFAAAAGBpbG9jAQAAAERAAAQAAQAAAAAAAALsAAEA"
        "AAAAAAAAiwACAAAAAAAAA3cAAQAAAAAAAABmAAMAAQAAAAAAAAABAAAAAAAAAAgABAAAAAAAAAPdAAEAAAAAAAAAGAAAAGJp"
        "aW5mAAAAAAAEAAAAFWluZmUCAAAAAAEAAGlvdmwAAAAAFWluZmUCAAABAAIAAGh2YzEAAAAAFWluZmUCAAAAAAMAAGdyaWQA"
        "AAAAFWluZmUCAAABAAQAAEV4aWYAAAABeWlwcnAAAAFRaXBjbwAAAHdodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEA"
        "GEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQArQgEBA3AAAAMAkAAAAwAAAwAeoDCBBZbpOSkubgQEDAgAAAMACAAAAwAI"
        "QCIAAQAGRAHAcYESAAAAFGlzcGUAAAAAAAAAYAAAAEAAAAAQcGl4aQAAAAADCAgIAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8"
        "/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlulukubgQEDA"
        "gAAAAwCAAAADAIQiAAEABkQBwHGDEgAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAIAAAABQAAAAQcGl4aQAA"
        "AAADCAgIAAAAIGlwbWEAAAAAAAAAAwABA4ECgwACAoQFAAMCBocAAAA2aXJlZgAAAAAAAAAOZGltZwADAAEAAgAAAA50aG1i"
        "AAMAAQABAAAADmNkc2MABAABAAEAAAERbWRhdAAAAIcoAawW4GQ1Xfu+V//9hK+h/P5DDSeU6SVZ7ce8U2Rx+tcwa1ACxK3r"
        "5KfshHuVJtffeJ06GFC0vTNTEVtcVDNzfWpYhiX1rD40R502k337gX3jx5L//iUMAoxjA4XZNJMHr3IsqGoI0hyGkgDvDXlL"
        "fjJev4eDzPHgBn+XD8XMr3x7doZEdeAAAABiKAGsFsh4YcNA8UcALyfZuTt3axadlnObfly9C8trpWHPezqWkKDbn+1/n3+L"
        "Cfrjc1Rq554qmdPLEu/hdH733kk//+CL4bxfvtLhH0DpxZ6DFJAeiN+C3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d"
        "3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d"
        "3d3d3d3d3d3d3d3d3d3dgAmNcIDTi89ggHAAAAAGRXhpZgAAAAAAAAAAABgAAABiAAA=");
}

// A small JPEG whose frame header claims width x height, with the given bytes put after its SOI
// marker; without a frame header when width is 0.
QByteArray jpegClaiming(int width, int height, const QByteArray& afterSoi)
{
    QImage image(16, 16, QImage::Format_RGB888);
    image.fill(Qt::gray);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    const int sof = int(jpeg.indexOf(QByteArray("\xff\xc0", 2)));
    if (width == 0)
        jpeg.remove(sof, 2 + (uchar(jpeg[sof + 2]) << 8 | uchar(jpeg[sof + 3])));
    else
        jpeg.replace(
            sof + 5, 4, QByteArray::fromHex(QByteArray::number((height << 16 | width), 16).rightJustified(8, '0')));
    return jpeg.insert(2, afterSoi);
}

} // namespace

class TestFuzzFindings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // fuzz_imageprobe: a BMP whose signed width or height fields are negative gave a negative
    // size, and a height of INT32_MIN overflowed when negated.
    void probeSizeIsNeverNegative_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("bmp width -1 (fuzz_imageprobe crash f7aad7b8)") << bmpHeader(0xffffffff, 0xffffffff) << 0 << 0;
        QTest::newRow("bmp height INT32_MIN") << bmpHeader(16, 0x80000000) << 16 << 2147483647;
        QTest::newRow("bmp top-down rows") << bmpHeader(16, quint32(-12)) << 16 << 12;
    }
    void probeSizeIsNeverNegative()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, width);
        QFETCH(int, height);
        const auto* data = reinterpret_cast<const unsigned char*>(input.constData());
        const ImageProbe probe = probeImage(data, size_t(input.size()));
        QCOMPARE(probe.format, ImageFormat::Bmp);
        QCOMPARE(probe.width, width);
        QCOMPARE(probe.height, height);
        // And the scan's decode of it is refused with a reason instead of allocating or crashing.
        PhotoMetadata meta;
        const DecodedImage image = ImageDecoder::decodeWithMetadata(data, size_t(input.size()), probe, 256, meta);
        QVERIFY(image.upright.empty());
        QVERIFY(!image.error.isEmpty());
    }

    // WebP files that fuzz_decode_webp found, each refused with its reason before any decoder runs:
    // - a 50-byte lossless WebP whose header claims 11872x16369 pixels; decoding it allocated about
    //   1.3 GB (and a slow second try through Qt) before failing;
    // - a RIFF/WEBP header with an unknown chunk and "DICM" at byte 128: the WebP reader declines it,
    //   cv::imdecode then hands it to GDCM, whose reader asserts and aborts the process.
    void refusedBeforeDecoding_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<qint64>("minClaimedPixels"); // what the probe must read from the header
        QTest::addColumn<QString>("reason");
        QTest::newRow("vp8l claiming 194 MP in 50 bytes (fuzz_decode_webp timeout 47b451ed)") << QByteArray::fromHex(
            "524946463000000057454250565038"
            "4c240000002f5f2efc1fc0f90f2d286ddb"
            "08cafe4b17953e7728a2ff1300c867f63f01") << qint64(100'000'000) << QStringLiteral("decompression bomb");
        QByteArray dicom = QByteArray::fromHex("524946463000000057454250434d5431");
        dicom += QByteArray(0x37 - dicom.size(), '\0') + QByteArray(0x65 - 0x37, '\xff');
        dicom += QByteArray::fromHex("00000000001000000000000000007f");
        dicom += QByteArray(128 - dicom.size(), '\0') + QByteArray::fromHex("4449434d0f28");
        QTest::newRow("DICOM preamble at byte 128 (fuzz_decode_webp crash 9e9364a3)")
            << dicom << qint64(0) << QStringLiteral("DICOM");
    }
    void refusedBeforeDecoding()
    {
        QFETCH(QByteArray, input);
        QFETCH(qint64, minClaimedPixels);
        QFETCH(QString, reason);
        const auto* data = reinterpret_cast<const unsigned char*>(input.constData());
        const ImageProbe probe = probeImage(data, size_t(input.size()));
        QCOMPARE(probe.format, ImageFormat::WebP);
        QVERIFY(int64_t(probe.width) * probe.height >= minClaimedPixels);
        PhotoMetadata meta;
        const DecodedImage image = ImageDecoder::decodeWithMetadata(data, size_t(input.size()), probe, 256, meta);
        QVERIFY(image.upright.empty());
        QVERIFY2(image.error.contains(reason), qPrintable(image.error));
    }

    // fuzz_decode_heif findings, each refused from its item graph before libheif decodes a pixel:
    // - a grid naming itself as its only tile;
    // - tiles of 4292213503 x 4294956543 pixels, counted as too many, not as a wrapped product
    //   (undefined behaviour, caught by UBSan in the fuzz build and scripts/test.sh --sanitize);
    // - an overlay whose canvas is sized from its descriptor like a grid's.
    void heifRefusedBeforeDecoding_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("size"); // the finding's size in bytes, to show it is rebuilt as found
        QTest::addColumn<QString>("reason");
        QTest::newRow("grid naming itself (timeout 948c3662)")
            << selfReferringHeifGrid() << 1132 << QStringLiteral("refers to itself");
        QTest::newRow("tile of huge size (UBSan crash 24e211d3)")
            << heifTileOfHugeSize() << 790 << QStringLiteral("megapixels");
        QTest::newRow("overlay on a huge canvas (out-of-memory 30bc488a)")
            << heifOverlayOnHugeCanvas() << 1130 << QStringLiteral("claims a canvas");
    }
    void heifRefusedBeforeDecoding()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, size);
        QFETCH(QString, reason);
        QCOMPARE(input.size(), size);
        const auto* data = reinterpret_cast<const unsigned char*>(input.constData());
        const ImageProbe probe = probeImage(data, size_t(input.size()));
        QCOMPARE(probe.format, ImageFormat::Heif);
        PhotoMetadata meta;
        const DecodedImage image = ImageDecoder::decodeWithMetadata(data, size_t(input.size()), probe, 256, meta);
        QVERIFY(image.upright.empty());
        QVERIFY2(image.error.contains(reason), qPrintable(image.error));
    }

    // fuzz_decode_jpeg crash (CI, stop 33): FF00 right after SOI was read as a marker whose length
    // skipped the frame header, so the probe had no size and a 763-byte file claiming 16000x16000
    // was decoded in full (256 MP) past every limit. The probe now reads the header libjpeg reads,
    // and a JPEG whose header the probe cannot reach is sized by libjpeg's own reading.
    void jpegFrameHeaderIsReadAsLibjpegReadsIt_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("probed"); // the probe's size
        QTest::addColumn<QString>("decoded"); // the decoded size, or the error's words
        const QByteArray stuffed = QByteArray::fromHex("ff007fff");
        QTest::newRow("FF00 with a long 'length', 256 MP claimed")
            << jpegClaiming(16000, 16000, stuffed) << "16000x16000"
            << "megapixel limit";
        QTest::newRow("FF00 before a 4000x3000 header") << jpegClaiming(4000, 3000, stuffed) << "4000x3000"
                                                        << "500x375";
        QTest::newRow("no frame header before the scan") << jpegClaiming(0, 0, {}) << "0x0"
                                                         << "no frame header";
    }
    void jpegFrameHeaderIsReadAsLibjpegReadsIt()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, probed);
        QFETCH(QString, decoded);
        const auto* data = reinterpret_cast<const unsigned char*>(input.constData());
        const ImageProbe probe = probeImage(data, size_t(input.size()));
        QCOMPARE(probe.format, ImageFormat::Jpeg);
        QCOMPARE(QStringLiteral("%1x%2").arg(probe.width).arg(probe.height), probed);
        PhotoMetadata meta;
        const DecodedImage image = ImageDecoder::decodeWithMetadata(data, size_t(input.size()), probe, 256, meta);
        if (image.upright.empty())
            QVERIFY2(image.error.contains(decoded), qPrintable(image.error));
        else
            QCOMPARE(QStringLiteral("%1x%2").arg(image.upright.cols).arg(image.upright.rows), decoded);
    }

    // fuzz_storedsignals: an embedding row whose dim column is corrupt (0x40000001) made dim * 2
    // wrap to 2 in int, so a 2-byte blob passed the size check and 4 GB of floats were allocated.
    void halfVectorTrustsNoCorruptDimension_data()
    {
        QTest::addColumn<int>("dim");
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<int>("values"); // decoded, 0: refused
        QTest::newRow("dim wraps to the blob size") << 0x40000001 << QByteArray(2, '\0') << 0;
        QTest::newRow("dim INT_MAX") << 2147483647 << QByteArray(2, '\0') << 0;
        QTest::newRow("negative dim") << -1 << QByteArray(2, '\0') << 0;
        QTest::newRow("matching dim") << 2 << QByteArray("\0\x3c\0\xbc", 4) << 2;
    }
    void halfVectorTrustsNoCorruptDimension()
    {
        QFETCH(int, dim);
        QFETCH(QByteArray, blob);
        QFETCH(int, values);
        const std::vector<float> v = DuplicateSignals::decodeHalfVector(blob, dim);
        QCOMPARE(int(v.size()), values);
        if (values == 2) {
            QCOMPARE(v[0], 1.0f);
            QCOMPARE(v[1], -1.0f);
        }
    }

    // fuzz_storedsignals: an empty embedding blob made memcpy read from a null vector (UBSan).
    void embeddingBlobOfAnySize_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<int>("values");
        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("one byte") << QByteArray(1, '\x3c') << 0;
        QTest::newRow("two halves") << QByteArray("\0\x3c\0\xbc", 4) << 2;
    }
    void embeddingBlobOfAnySize()
    {
        QFETCH(QByteArray, blob);
        QFETCH(int, values);
        const std::vector<float> v = TagStore::unpackEmbedding(blob);
        QCOMPARE(int(v.size()), values);
        if (values == 2)
            QCOMPARE(v[1], -1.0f);
    }
};

QTEST_GUILESS_MAIN(TestFuzzFindings)
#include "tst_fuzzfindings.moc"
