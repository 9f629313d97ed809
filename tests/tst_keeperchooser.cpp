#include "keeperchooser.h"

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
