#include "duplicates/keeperchooser.h"

#include <QTest>

using namespace shoebox;

using Group = QVector<PhotoSignals>;
Q_DECLARE_METATYPE(Group)

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

// A 24x24 grey thumbnail alternating between two levels (its contrast is half their spread).
QByteArray twoLevelGray(char even, char odd)
{
    QByteArray gray(24 * 24, odd);
    for (int i = 0; i < gray.size(); i += 2)
        gray[i] = even;
    return gray;
}

// Three rows for one rule: the photo that must be kept first, in the middle and last of a group of
// three, the other two being copies of the one that must lose.
void addRule(const char* rule, const PhotoSignals& winner, const PhotoSignals& loser, const QString& reason,
    bool wholeReason = false)
{
    PhotoSignals other = loser;
    other.path = loser.path + QStringLiteral(" (2)");
    const Group groups[] = { { winner, loser, other }, { loser, winner, other }, { loser, other, winner } };
    const char* positions[] = { "first", "middle", "last" };
    for (int i = 0; i < 3; ++i)
        QTest::addRow("%s, keeper %s", rule, positions[i]) << groups[i] << i << reason << wholeReason;
}

} // namespace

class TestKeeperChooser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsTheBestCopyWherever_data()
    {
        QTest::addColumn<Group>("group");
        QTest::addColumn<int>("keeper");
        QTest::addColumn<QString>("reason"); // what the reason starts with
        QTest::addColumn<bool>("wholeReason"); // the reason is exactly that

        addRule("largest pixel count", photo("big.jpg", 4000, 3000, 3'000'000), photo("small.jpg", 800, 600, 90'000),
            QStringLiteral("largest pixel count (4000x3000 vs 800x600)"));
        // A phone screenshot has more pixels than the photo, but fewer of them show the picture.
        PhotoSignals screenshot = photo("screenshot.jpg", 1080, 2340, 900'000);
        screenshot.region = { 0, 0.33, 0, 0.32 };
        addRule("the picture's pixels, not the frame's", photo("photo.jpg", 1600, 1200, 900'000), screenshot,
            QStringLiteral("largest pixel count (1600x1200 vs 1080x819 inside a frame)"));
        // The phone enlarged a 768 px photo to the screen's 1080 px: more pixels, no more picture.
        PhotoSignals enlarged = photo("enlarged.jpg", 1080, 2340, 300'000);
        enlarged.region = { 0, 0.326, 0, 0.326 };
        addRule("an enlarged inside of a frame does not beat the unframed photo", photo("photo.jpg", 768, 576, 160'000),
            enlarged, QStringLiteral("no frame (enlarged.jpg"));
        // Stretched 15% wide: more pixels, no more detail along the height; the q95 original is kept
        // (the shape most copies share is the picture's).
        PhotoSignals unstretched = photo("original.jpg", 960, 720, 300'000);
        unstretched.jpegQuality = 95;
        PhotoSignals stretched = photo("stretched.jpg", 1104, 720, 300'000);
        stretched.jpegQuality = 85;
        PhotoSignals half = photo("half.jpg", 480, 360, 80'000);
        half.jpegQuality = 95;
        const Group stretchGroups[]
            = { { unstretched, stretched, half }, { stretched, unstretched, half }, { stretched, half, unstretched } };
        for (int i = 0; i < 3; ++i)
            QTest::addRow("a stretched copy does not win on pixels, keeper at %d", i)
                << stretchGroups[i] << i
                << QStringLiteral("largest pixel count (960x720 vs 480x360); least compression (JPEG quality 95 vs 85)")
                << true;
        // Every copy framed: the largest inside wins as before.
        PhotoSignals framedSmall = enlarged;
        framedSmall.path = QStringLiteral("/photos/framed-small.jpg");
        framedSmall.width = 540;
        framedSmall.height = 1170;
        addRule("all framed: the largest inside wins", enlarged, framedSmall,
            QStringLiteral("largest pixel count (1080x814 inside a frame vs 540x407 inside a frame)"));
        PhotoSignals bordered = photo("bordered.jpg", 1100, 1100, 500'000);
        bordered.region = { 0.0455, 0.0455, 0.0455, 0.0455 };
        addRule(
            "no frame", photo("plain.jpg", 1000, 1000, 500'000), bordered, QStringLiteral("no frame (bordered.jpg"));
        // A thin margin found around the original and not around a grainy copy of the same canvas (a logo
        // on white) is the picture's own: the original is not "framed", its JPEG quality decides.
        PhotoSignals margined = photo("logo.jpg", 500, 500, 60'000);
        margined.region = { 0.04, 0.04, 0.04, 0.04 };
        margined.jpegQuality = 95;
        PhotoSignals noisy = photo("logo-grain.jpg", 500, 500, 150'000);
        noisy.jpegQuality = 90;
        noisy.sharpness = 3000;
        addRule("a thin margin of the picture's own", margined, noisy,
            QStringLiteral("least compression (JPEG quality 95 vs 90)"), true);
        // A wide frame over the same canvas (an overlay made on the copy) still leaves less picture.
        PhotoSignals overlaid = margined;
        overlaid.path = QStringLiteral("/photos/overlaid.jpg");
        overlaid.region = { 0.15, 0.15, 0.15, 0.15 };
        PhotoSignals plainLogo = noisy;
        plainLogo.path = QStringLiteral("/photos/plain-logo.jpg");
        addRule("a wide frame on the same canvas is no margin", plainLogo, overlaid,
            QStringLiteral("largest pixel count (500x500 vs 350x350 inside a frame)"));
        addRule("least compression at equal size", photo("q95.jpg", 1000, 1000, 600'000),
            photo("q30.jpg", 1000, 1000, 100'000), QStringLiteral("least compression"));

        // Noise added to a copy inflates its JPEG and its Laplacian variance; the clean one is kept.
        PhotoSignals clean = photo("clean.jpg", 1000, 1000, 300'000);
        clean.gray = twoLevelGray(char(140), char(100)); // contrast: grey levels spread by 20
        clean.noise = 0.4f;
        PhotoSignals grainy = photo("grainy.jpg", 1000, 1000, 700'000);
        grainy.gray = clean.gray;
        grainy.noise = 4.8f;
        grainy.sharpness = 900;
        addRule("grainy copy loses despite more bytes and sharpness", clean, grainy, QStringLiteral("least noise"));
        // A blurred copy is quieter still, yet both are clean: sharpness decides.
        PhotoSignals blurred = photo("blurred.jpg", 1000, 1000, 290'000);
        blurred.gray = clean.gray;
        blurred.noise = 0.1f;
        blurred.sharpness = 20;
        addRule("blurred quieter copy loses on sharpness", clean, blurred, QStringLiteral("sharpest"));

        // A contrast-boosted copy re-saved at q95 takes more bytes than the q95 original and has more
        // Laplacian variance, yet neither is better; a q70 re-save loses on quality.
        PhotoSignals original = photo("original.jpg", 1000, 1000, 400'000);
        original.jpegQuality = 95;
        original.gray = twoLevelGray(char(140), char(100)); // grey levels 100/140: spread 20
        original.sharpness = 400;
        PhotoSignals q70 = photo("q70.jpg", 1000, 1000, 200'000);
        q70.jpegQuality = 70;
        q70.gray = original.gray;
        addRule("higher JPEG quality wins", original, q70, QStringLiteral("least compression (JPEG quality 95 vs 70)"),
            true);
        PhotoSignals boosted = photo("boosted.jpg", 1000, 1000, 520'000);
        boosted.jpegQuality = 95;
        boosted.gray = twoLevelGray(char(148), char(92)); // 1.4x the contrast
        boosted.sharpness = 400 * 1.96f;
        boosted.mtimeNs = original.mtimeNs + 1'000'000'000;
        addRule("busier picture is no better, the older wins", original, boosted, QStringLiteral("oldest"));

        // A PNG made from the JPEG is bigger, yet the JPEG is the original.
        addRule("original format beats derived copy", photo("a.jpg", 1000, 1000, 500'000),
            photo("copy.png", 1000, 1000, 2'000'000, "png"), QStringLiteral("original format"));

        PhotoSignals camera = photo("camera.jpg", 1000, 1000, 500'000);
        camera.hasExif = true;
        addRule("EXIF beats stripped copy", camera, photo("shared.jpg", 1000, 1000, 500'000),
            QStringLiteral("EXIF present"));

        PhotoSignals sharp = photo("b.jpg", 1000, 1000, 500'000);
        sharp.sharpness = 300;
        addRule("sharpest", sharp, photo("a.jpg", 1000, 1000, 500'000), QStringLiteral("sharpest"));
        PhotoSignals older = photo("b.jpg", 1000, 1000, 500'000);
        older.mtimeNs -= qint64(86400) * 1'000'000'000; // a day older
        addRule("then oldest", older, photo("a.jpg", 1000, 1000, 500'000), QStringLiteral("oldest"));

        // A screenshot and its copy with meme captions, both PNG: the captions add bytes, Laplacian
        // variance and "noise", none of which makes the copy better.
        PhotoSignals shot = photo("shot.png", 1200, 800, 200'000, "png");
        shot.noise = 0.4f;
        shot.mtimeNs -= qint64(3600) * 1'000'000'000; // an hour older
        PhotoSignals captioned = photo("shot captioned.png", 1200, 800, 320'000, "png");
        captioned.sharpness = 300;
        captioned.noise = 0.3f;
        addRule("lossless copies: what is drawn on one is no better, the older wins", shot, captioned,
            QStringLiteral("oldest"));
    }

    void keepsTheBestCopyWherever()
    {
        QFETCH(Group, group);
        QFETCH(int, keeper);
        QFETCH(QString, reason);
        QFETCH(bool, wholeReason);
        const auto k = KeeperChooser::choose(group);
        QCOMPARE(k.first, keeper);
        if (wholeReason)
            QCOMPARE(k.second, reason);
        else
            QVERIFY2(k.second.startsWith(reason), qPrintable(k.second));
    }

    void ownMarginsAreTakenAway_data()
    {
        QTest::addColumn<Group>("group");
        QTest::addColumn<QVector<bool>>("provenOwn");
        QTest::addColumn<QVector<bool>>("whole"); // the members left without a frame
        PhotoSignals cards = photo("cards.jpg", 640, 480, 300'000);
        cards.region.left = cards.region.right = 0.14;
        cards.region.bottom = 0.17;
        cards.hasInner = true;
        const PhotoSignals brighter = photo("brighter.jpg", 640, 480, 300'000);
        const PhotoSignals wider = photo("wider.jpg", 672, 480, 300'000);
        QTest::newRow("proven, beside an unframed copy of its shape")
            << Group { cards, brighter } << QVector<bool> { true, false } << QVector<bool> { true, true };
        QTest::newRow("proven, beside an unframed copy 5% wider: a real frame may do that")
            << Group { cards, wider } << QVector<bool> { true, false } << QVector<bool> { false, true };
        QTest::newRow("not proven") << Group { cards, brighter } << QVector<bool> { false, false }
                                    << QVector<bool> { false, true };
        PhotoSignals turned = cards; // another copy, its margins read otherwise
        turned.region = ContentRegion();
        turned.region.top = turned.region.bottom = 0.15;
        QTest::newRow("proven on every member, none unframed")
            << Group { cards, turned } << QVector<bool> { true, true } << QVector<bool> { true, true };
        QTest::newRow("proven on one, none unframed")
            << Group { cards, turned } << QVector<bool> { true, false } << QVector<bool> { true, false };
    }

    void ownMarginsAreTakenAway()
    {
        QFETCH(Group, group);
        QFETCH(QVector<bool>, provenOwn);
        QFETCH(QVector<bool>, whole);
        const Group seen = KeeperChooser::ownMarginsWhole(group, provenOwn, 0.02);
        for (int i = 0; i < group.size(); ++i) {
            QCOMPARE(seen[i].region.isWhole(), whole[i]);
            QCOMPARE(seen[i].hasInner, !whole[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TestKeeperChooser)
#include "tst_keeperchooser.moc"
