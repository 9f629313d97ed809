#include "catalog/database.h"
#include "catalog/photostore.h"
#include "duplicates/duplicatefinder.h"
#include "support/duplicatefixture.h"
#include "support/testlibrary.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

cv::Mat scaled(const cv::Mat& img, double factor)
{
    cv::Mat out;
    cv::resize(img, out, cv::Size(), factor, factor, cv::INTER_AREA);
    return out;
}

} // namespace

class TestDuplicateFinder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void findsExactAndNearGroupsWithKeeperAndReasons()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        const cv::Mat a = syntheticPhoto(21);
        addToCatalog(lib, a, QStringLiteral("/p/a.jpg"), "a");
        addToCatalog(lib, a, QStringLiteral("/p/copy of a.jpg"), "a");
        addToCatalog(lib, half(a), QStringLiteral("/p/a-small.jpg"), "a-small");
        addToCatalog(lib, syntheticPhoto(22), QStringLiteral("/p/b.jpg"), "b");
        addToCatalog(lib, syntheticPhoto(23), QStringLiteral("/p/c.jpg"), "c");

        const auto exact = DuplicateFinder(lib).find(DuplicateLevel::Exact);
        QCOMPARE(exact.size(), 1);
        QCOMPARE(exact.front().level, DuplicateLevel::Exact);
        QCOMPARE(exact.front().files.size(), 2);

        DuplicateFinder finder(lib);
        const auto near = finder.find(DuplicateLevel::Near);
        QCOMPARE(near.size(), 1);
        const DuplicateGroup& g = near.front();
        QCOMPARE(g.level, DuplicateLevel::Near);
        QCOMPARE(g.files.size(), 3);
        QVERIFY(!g.files.contains(QStringLiteral("/p/b.jpg")));
        for (const QString& f : g.files)
            QVERIFY(QFileInfo(f).isAbsolute());
        QVERIFY(g.files[g.keeper] != QStringLiteral("/p/a-small.jpg"));
        QVERIFY(g.keeperReason.startsWith(QStringLiteral("largest pixel count")));
        QCOMPARE(g.reasons.size(), 2);
        QVERIFY(g.reasons.join(QLatin1Char(' ')).contains(QStringLiteral("pHash")));
        QVERIFY(finder.stats().candidates.total >= 1);
    }

    // A group's reason reads "member ~ representative", and its "the first" and "the second" name them
    // in that order, whichever way round the engine compared the two.
    void reasonsNameTheirPhotosInOrder_data()
    {
        QTest::addColumn<bool>("originalFirst");
        QTest::newRow("the original catalogued first") << true;
        QTest::newRow("the cut copy catalogued first") << false;
    }

    void reasonsNameTheirPhotosInOrder()
    {
        QFETCH(bool, originalFirst);
        const cv::Mat original = syntheticPhoto(31, 800, 600);
        // p1 the original, p2 cut 10% all round, p3 at half the size (the sure link that makes the group).
        QVector<PhotoSignals> photos { photoOf(original, 1), photoOf(cropped(original, 0.1), 2),
            photoOf(half(original), 3) };
        if (!originalFirst)
            std::swap(photos[0], photos[1]);
        const auto groups = DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {});
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.front().files.size(), 3);
        // The whole picture is the one cut to match the copy: "(crop 10%/10%/10%/10% of the first)".
        const QRegularExpression cut(QStringLiteral("^(\\S+) ~ (\\S+): .*crop [0-9%/]+ of the (first|second)\\)"));
        const QStringList withCut = groups.front().reasons.filter(QStringLiteral("p2.jpg"));
        QCOMPARE(withCut.size(), 1);
        const QRegularExpressionMatch m = cut.match(withCut.front());
        QVERIFY2(m.hasMatch(), qPrintable(withCut.front()));
        QVERIFY2(m.captured(m.captured(3) == QLatin1String("first") ? 1 : 2) != QStringLiteral("p2.jpg"),
            qPrintable(withCut.front()));
    }

    // A JPEG and its own RAW (or a Live Photo's still and MOV) are one photo: never a duplicate group,
    // so the engine can never propose trashing one half.
    void pairHalvesAreNeverDuplicates_data()
    {
        QTest::addColumn<QString>("secondary");
        QTest::addColumn<bool>("sameBytes");
        QTest::newRow("RAW, near") << QStringLiteral("/p/IMG_7.NEF") << false;
        QTest::newRow("RAW, exact") << QStringLiteral("/p/IMG_7.DNG") << true;
        QTest::newRow("Live Photo MOV, exact") << QStringLiteral("/p/IMG_7.MOV") << true;
    }

    void pairHalvesAreNeverDuplicates()
    {
        QFETCH(QString, secondary);
        QFETCH(bool, sameBytes);
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        const cv::Mat a = syntheticPhoto(51);
        const qint64 still = addToCatalog(lib, a, QStringLiteral("/p/IMG_7.JPG"), "jpeg");
        const qint64 other = addToCatalog(lib, sameBytes ? a : half(a), secondary, sameBytes ? "jpeg" : "raw");
        const DuplicateLevel level = sameBytes ? DuplicateLevel::Exact : DuplicateLevel::Near;
        QCOMPARE(DuplicateFinder(lib).find(level).size(), 1); // unpaired, they look like duplicates
        PhotoStore store(lib);
        const PartnerRole role
            = secondary.endsWith(QLatin1String(".MOV")) ? PartnerRole::LiveMotion : PartnerRole::RawOriginal;
        QVERIFY(store.setPartner(other, still, role));
        QVERIFY(DuplicateFinder(lib).find(level).isEmpty());
        QVERIFY(DuplicateFinder(lib).find(DuplicateLevel::Similar).isEmpty());
    }

    void folderScopeLimitsThePhotos()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        const cv::Mat a = syntheticPhoto(31);
        addToCatalog(lib, a, QStringLiteral("/p/x/a.jpg"), "a");
        addToCatalog(lib, half(a), QStringLiteral("/p/y/a.jpg"), "a2");
        addToCatalog(lib, half(a), QStringLiteral("/p/xy/a.jpg"), "a3");
        QCOMPARE(DuplicateFinder(lib).find(DuplicateLevel::Near).size(), 1);
        QVERIFY(DuplicateFinder(lib).find(DuplicateLevel::Near, QStringLiteral("/p/x")).isEmpty());
        QCOMPARE(DuplicateFinder(lib).find(DuplicateLevel::Near, QStringLiteral("/p/")).front().files.size(), 3);
    }

    void similarGroupsNeverHoldNearDuplicates()
    {
        // Two frames of a burst (a reframed shot one second apart) and a resized copy of the first.
        const cv::Mat scene = syntheticPhoto(41, 640, 360);
        const cv::Mat first = scene(cv::Rect(0, 0, 480, 360)).clone();
        const cv::Mat second = scene(cv::Rect(160, 0, 480, 360)).clone();
        QVector<PhotoSignals> photos = { signalsFor(first, 1, QStringLiteral("/b/1.jpg"), "1"),
            signalsFor(half(first), 2, QStringLiteral("/b/1-small.jpg"), "1s"),
            signalsFor(second, 3, QStringLiteral("/b/2.jpg"), "2") };
        for (int i = 0; i < 3; ++i) {
            photos[i].camera = QStringLiteral("Cam X");
            photos[i].takenFromExif = i != 1; // the copy lost its EXIF
            photos[i].takenAtMs = i == 2 ? 1'000'000'000'000 + 1000 : 1'000'000'000'000;
        }
        const auto near = DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {});
        QCOMPARE(near.size(), 1);
        QCOMPARE(near.front().files.size(), 2);
        const auto similar = DuplicateFinder::findIn(photos, DuplicateLevel::Similar, DuplicateRules(), {});
        QCOMPARE(similar.size(), 1);
        QCOMPARE(similar.front().level, DuplicateLevel::Similar);
        QCOMPARE(similar.front().files.size(), 2);
        QVERIFY(similar.front().files.contains(QStringLiteral("/b/2.jpg")));
    }

    void embeddingsAddCandidatesAndVetoLookalikes()
    {
        // Two different scenes whose embeddings agree (the tagger saw the same scene): similar, found
        // through the embedding index although their hashes are far apart.
        const cv::Mat a = syntheticPhoto(71);
        QVector<PhotoSignals> photos = { signalsFor(a, 1, QStringLiteral("/e/a.jpg"), "a"),
            signalsFor(syntheticPhoto(72), 2, QStringLiteral("/e/b.jpg"), "b"),
            signalsFor(half(a), 3, QStringLiteral("/e/a-small.jpg"), "a-small") };
        photos[0].embedding = { 1.f, 0.f, 0.f };
        photos[1].embedding = { 0.95f, 0.312f, 0.f }; // cosine 0.95 with a
        photos[2].embedding = { 0.f, 0.f, 1.f }; // the resized copy "looks" unrelated to the tagger
        DuplicateStats st;
        const auto similar = DuplicateFinder::findIn(photos, DuplicateLevel::Similar, DuplicateRules(), {}, &st);
        QVERIFY(st.candidates.fromEmbeddings >= 1);
        QCOMPARE(similar.size(), 1);
        QVERIFY(similar.front().files.contains(QStringLiteral("/e/b.jpg")));
        QVERIFY(similar.front().reasons.join(QLatin1Char(' ')).contains(QStringLiteral("embedding cosine 0.95")));
        // The embedding vetoes the near pair that the pictures alone would make.
        QVERIFY(DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {}).isEmpty());
        photos[2].embedding = { 0.99f, 0.141f, 0.f };
        QCOMPARE(DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {}).size(), 1);
    }

    // A copy joined to the keeper only by a window the thumbnail search moved (a crop of a near-empty
    // picture: a gradient and one soft shape, where another framing would align as well) is marked to
    // check; the same crop of a photo full of detail, which the keypoints confirm, is not. A resized
    // copy (the whole thumbnails alike) never is. Each group also holds a resized copy, so that one of
    // its links is sure (see groupsNeedOneSureLink).
    void marksCopiesFoundOnlyByAMovedWindow_data()
    {
        QTest::addColumn<bool>("nearEmpty");
        QTest::addColumn<bool>("crop");
        QTest::addColumn<bool>("toCheck");
        QTest::newRow("near-empty picture, cropped") << true << true << true;
        QTest::newRow("near-empty picture, resized") << true << false << false;
        QTest::newRow("detailed photo, cropped") << false << true << false;
    }
    void marksCopiesFoundOnlyByAMovedWindow()
    {
        QFETCH(bool, nearEmpty);
        QFETCH(bool, crop);
        QFETCH(bool, toCheck);
        const cv::Mat a = nearEmpty ? nearEmptyPicture() : syntheticPhoto(61, 960, 720);
        const QVector<PhotoSignals> photos = { signalsFor(a, 1, QStringLiteral("/a.jpg"), "1"),
            signalsFor(scaled(a, 0.7), 2, QStringLiteral("/a-small.jpg"), "2"),
            signalsFor(crop ? cropped(a, 0.08) : half(a), 3, QStringLiteral("/b.jpg"), "3") };
        const auto near = DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {});
        QCOMPARE(near.size(), 1);
        const DuplicateGroup& g = near.front();
        QCOMPARE(g.files[g.keeper], QStringLiteral("/a.jpg"));
        QCOMPARE(g.toCheck, (QVector<bool> { false, false, toCheck }));
    }

    // A near group needs one sure link between two of its pictures: two photos joined by nothing but a
    // window the thumbnail search moved over a near-empty picture (a crop of it, or another framing of
    // the same gradient: the thumbnails cannot tell) are similar, not near duplicates, and the similar
    // group says why. Keypoints fitted over a detailed photo make the same crop sure.
    void groupsNeedOneSureLink_data()
    {
        QTest::addColumn<bool>("nearEmpty");
        QTest::addColumn<bool>("near");
        QTest::newRow("near-empty picture and its crop") << true << false;
        QTest::newRow("detailed photo and its crop") << false << true;
    }
    void groupsNeedOneSureLink()
    {
        QFETCH(bool, nearEmpty);
        QFETCH(bool, near);
        const cv::Mat a = nearEmpty ? nearEmptyPicture() : syntheticPhoto(61, 960, 720);
        const QVector<PhotoSignals> photos = { signalsFor(a, 1, QStringLiteral("/a.jpg"), "1"),
            signalsFor(cropped(a, 0.08), 2, QStringLiteral("/b.jpg"), "2") };
        QCOMPARE(DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {}).size(), near ? 1 : 0);
        const auto similar = DuplicateFinder::findIn(photos, DuplicateLevel::Similar, DuplicateRules(), {});
        QCOMPARE(similar.size(), near ? 0 : 1);
        if (!near) {
            QCOMPARE(similar.front().files.size(), 2);
            QVERIFY2(similar.front().reasons.join(QLatin1Char(' ')).contains(QStringLiteral("nothing confirms it")),
                qPrintable(similar.front().reasons.join(QLatin1Char('\n'))));
        }
    }

    void cancelledRunReturnsNothing()
    {
        const cv::Mat a = syntheticPhoto(51);
        const QVector<PhotoSignals> photos = { signalsFor(a, 1, QStringLiteral("/a.jpg"), "1"),
            signalsFor(half(a), 2, QStringLiteral("/b.jpg"), "2") };
        std::atomic_bool cancel { true };
        QVERIFY(
            DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {}, nullptr, &cancel).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDuplicateFinder)
#include "tst_duplicatefinder.moc"
