#include "duplicates/keeperchooser.h"

#include <QTest>

using namespace shoebox;

namespace {

PhotoSignals photo(const char* name, int w, int h, qint64 size, const char* format = "jpeg")
{
    PhotoSignals p;
    p.path = QStringLiteral("/photos/") + QLatin1String(name);
    p.width = w;
    p.height = h;
    p.size = size;
    p.format = QLatin1String(format);
    p.sharpness = 100;
    p.mtimeNs = qint64(1'600'000'000) * 1'000'000'000;
    return p;
}

} // namespace

class TestKeeperChooser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void largestPixelCountWins()
    {
        const auto k
            = KeeperChooser::choose({ photo("small.jpg", 800, 600, 90'000), photo("big.jpg", 4000, 3000, 3'000'000) });
        QCOMPARE(k.first, 1);
        QVERIFY(k.second.startsWith(QStringLiteral("largest pixel count (4000x3000 vs 800x600)")));
    }

    void leastCompressionWinsAtEqualSize()
    {
        const auto k
            = KeeperChooser::choose({ photo("q30.jpg", 1000, 1000, 100'000), photo("q95.jpg", 1000, 1000, 600'000) });
        QCOMPARE(k.first, 1);
        QVERIFY(k.second.startsWith(QStringLiteral("least compression")));
    }

    void grainyCopyLosesDespiteMoreBytesAndSharpness()
    {
        // Noise added to a copy inflates its JPEG and its Laplacian variance; the clean one is kept.
        PhotoSignals clean = photo("clean.jpg", 1000, 1000, 300'000);
        clean.gray = QByteArray(24 * 24, char(100));
        for (int i = 0; i < 24 * 24; i += 2)
            clean.gray[i] = char(140); // contrast: grey levels spread by 20
        clean.noise = 0.4f;
        PhotoSignals grainy = photo("grainy.jpg", 1000, 1000, 700'000);
        grainy.gray = clean.gray;
        grainy.noise = 4.8f;
        grainy.sharpness = 900;
        const auto k = KeeperChooser::choose({ grainy, clean });
        QCOMPARE(k.first, 1);
        QVERIFY2(k.second.startsWith(QStringLiteral("least noise")), qPrintable(k.second));
        // A blurred copy is quieter still, yet both are clean: sharpness decides.
        PhotoSignals blurred = photo("blurred.jpg", 1000, 1000, 290'000);
        blurred.gray = clean.gray;
        blurred.noise = 0.1f;
        blurred.sharpness = 20;
        const auto b = KeeperChooser::choose({ blurred, clean });
        QCOMPARE(b.first, 1);
        QVERIFY2(b.second.startsWith(QStringLiteral("sharpest")), qPrintable(b.second));
    }

    void higherJpegQualityWinsOverBusierPicture()
    {
        // A contrast-boosted copy re-saved at q95 takes more bytes than the q95 original and has more
        // Laplacian variance, yet neither is better; a q70 re-save loses on quality.
        PhotoSignals original = photo("original.jpg", 1000, 1000, 400'000);
        original.jpegQuality = 95;
        original.gray = QByteArray(24 * 24, char(100));
        for (int i = 0; i < 24 * 24; i += 2)
            original.gray[i] = char(140); // grey levels 100/140: spread 20
        original.sharpness = 400;
        PhotoSignals q70 = photo("q70.jpg", 1000, 1000, 200'000);
        q70.jpegQuality = 70;
        q70.gray = original.gray;
        const auto k = KeeperChooser::choose({ q70, original });
        QCOMPARE(k.first, 1);
        QCOMPARE(k.second, QStringLiteral("least compression (JPEG quality 95 vs 70)"));
        PhotoSignals boosted = photo("boosted.jpg", 1000, 1000, 520'000);
        boosted.jpegQuality = 95;
        boosted.gray = QByteArray(24 * 24, char(92));
        for (int i = 0; i < 24 * 24; i += 2)
            boosted.gray[i] = char(148); // 1.4x the contrast
        boosted.sharpness = 400 * 1.96f;
        boosted.mtimeNs = original.mtimeNs + 1'000'000'000;
        const auto b = KeeperChooser::choose({ boosted, original });
        QCOMPARE(b.first, 1);
        QVERIFY2(b.second.startsWith(QStringLiteral("oldest")), qPrintable(b.second));
    }

    void originalFormatBeatsDerivedCopy()
    {
        // A PNG made from the JPEG is bigger, yet the JPEG is the original.
        const auto k = KeeperChooser::choose(
            { photo("copy.png", 1000, 1000, 2'000'000, "png"), photo("a.jpg", 1000, 1000, 500'000) });
        QCOMPARE(k.first, 1);
        QVERIFY(k.second.startsWith(QStringLiteral("original format")));
    }

    void exifBeatsStrippedCopy()
    {
        PhotoSignals a = photo("shared.jpg", 1000, 1000, 500'000);
        PhotoSignals b = photo("camera.jpg", 1000, 1000, 500'000);
        b.hasExif = true;
        const auto k = KeeperChooser::choose({ a, b });
        QCOMPARE(k.first, 1);
        QVERIFY(k.second.startsWith(QStringLiteral("EXIF present")));
    }

    void sharpestThenOldest()
    {
        PhotoSignals a = photo("a.jpg", 1000, 1000, 500'000);
        PhotoSignals b = photo("b.jpg", 1000, 1000, 500'000);
        b.sharpness = 300;
        QCOMPARE(KeeperChooser::choose({ a, b }).first, 1);
        b.sharpness = 100;
        b.mtimeNs -= qint64(86400) * 1'000'000'000; // a day older
        const auto k = KeeperChooser::choose({ a, b });
        QCOMPARE(k.first, 1);
        QVERIFY(k.second.startsWith(QStringLiteral("oldest")));
    }
};

QTEST_GUILESS_MAIN(TestKeeperChooser)
#include "tst_keeperchooser.moc"
