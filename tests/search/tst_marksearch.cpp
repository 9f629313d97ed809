#include "albums/albumstore.h"
#include "albums/markstore.h"
#include "catalog/photostore.h"
#include "search/searchengine.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

// The search terms for albums and marks (album:, fav, rating:, picked, rejected, hidden) and the
// hiding of hidden photos from the grid, the timeline and every search.
class TestMarkSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void parsesMarkTerms_data();
    void parsesMarkTerms();
    void findsPhotosByMarksAndAlbums_data();
    void findsPhotosByMarksAndAlbums();
    void hiddenPhotosLeaveGridTimelineAndCounts();
    void smartAlbumFollowsNewPhotos();
    void smartAlbumThatNamesItselfEnds();
    void albumPhotosKeepManualOrder();

private:
    QStringList namesOf(const QVector<qint64>& ids) const;
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
    QHash<QString, qint64> m_ids;
};

void TestMarkSearch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

// a: fav, 5 stars, picked, in Travel / Japan.  b: 3 stars, rejected, in Travel.  c: hidden, 4 stars,
// in Japan.  d: nothing.  Capture times make the result order a, b, c, d (newest first).
void TestMarkSearch::init()
{
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
    m_ids.clear();
    int day = 28;
    for (const QString name : { "a", "b", "c", "d" }) {
        m_ids[name] = PhotoFixture(QStringLiteral("/p/%1.jpg").arg(name))
                          .takenAt(QDateTime(QDate(2024, 4, day--), QTime(12, 0)))
                          .saveTo(m_lib);
        QVERIFY(m_ids[name] > 0);
    }
    QVERIFY(MarkStore(m_lib).setMarks({ { m_ids["a"], PhotoMarks { true, 5, PickFlag::Picked, false } },
        { m_ids["b"], PhotoMarks { false, 3, PickFlag::Rejected, false } },
        { m_ids["c"], PhotoMarks { false, 4, PickFlag::None, true } } }));
    AlbumStore albums(m_lib);
    const qint64 japan = albums.createAlbum(QStringLiteral("Travel / Japan"));
    const qint64 travel = albums.albumAt(QStringLiteral("Travel"));
    QVERIFY(japan > 0 && travel > 0);
    albums.addPhotos(japan, { m_ids["a"], m_ids["c"] });
    albums.addPhotos(travel, { m_ids["b"] });
}

void TestMarkSearch::cleanup()
{
    m_dir.reset();
}

QStringList TestMarkSearch::namesOf(const QVector<qint64>& ids) const
{
    QStringList out;
    for (qint64 id : ids)
        out << m_ids.key(id);
    return out;
}

void TestMarkSearch::parsesMarkTerms_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("rating");
    QTest::addColumn<int>("op");
    using K = SearchTerm::Kind;
    QTest::newRow("fav") << "fav" << int(K::Favourite) << 0 << int(RatingCompare::Equal);
    QTest::newRow("favorites") << "Favorites" << int(K::Favourite) << 0 << int(RatingCompare::Equal);
    QTest::newRow("is:picked") << "is:picked" << int(K::Picked) << 0 << int(RatingCompare::Equal);
    QTest::newRow("rejected") << "rejected" << int(K::Rejected) << 0 << int(RatingCompare::Equal);
    QTest::newRow("hidden") << "hidden" << int(K::Hidden) << 0 << int(RatingCompare::Equal);
    QTest::newRow("rating:>=4") << "rating:>=4" << int(K::Rating) << 4 << int(RatingCompare::GreaterOrEqual);
    QTest::newRow("rating:<3") << "rating:<3" << int(K::Rating) << 3 << int(RatingCompare::Less);
    QTest::newRow("rating:2") << "rating:2" << int(K::Rating) << 2 << int(RatingCompare::Equal);
    QTest::newRow("rating:9 finds nothing") << "rating:9" << int(K::Rating) << -1 << int(RatingCompare::Equal);
    QTest::newRow("album") << "album:\"Travel / Japan\"" << int(K::Album) << 0 << int(RatingCompare::Equal);
}

void TestMarkSearch::parsesMarkTerms()
{
    QFETCH(QString, query);
    QFETCH(int, kind);
    QFETCH(int, rating);
    QFETCH(int, op);
    const QList<SearchTerm> terms = SearchEngine::parse(query);
    QCOMPARE(terms.size(), 1);
    QCOMPARE(int(terms[0].kind), kind);
    QCOMPARE(terms[0].rating, rating);
    QCOMPARE(int(terms[0].op), op);
}

void TestMarkSearch::findsPhotosByMarksAndAlbums_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("fav") << "fav" << QStringList { "a" };
    QTest::newRow("rating>=4 leaves hidden c out") << "rating:>=4" << QStringList { "a" };
    QTest::newRow("rating>=3") << "rating:>=3" << QStringList { "a", "b" };
    QTest::newRow("rating<=3 includes unrated") << "rating:<=3" << QStringList { "b", "d" };
    QTest::newRow("rating=0") << "rating:0" << QStringList { "d" };
    QTest::newRow("picked") << "picked" << QStringList { "a" };
    QTest::newRow("rejected") << "rejected" << QStringList { "b" };
    QTest::newRow("hidden asks for them") << "hidden" << QStringList { "c" };
    QTest::newRow("hidden and rating") << "hidden rating:4" << QStringList { "c" };
    QTest::newRow("album leaf") << "album:japan" << QStringList { "a" };
    QTest::newRow("album with its sub-albums") << "album:Travel" << QStringList { "a", "b" };
    QTest::newRow("album path") << "album:\"Travel/Japan\"" << QStringList { "a" };
    QTest::newRow("album and mark") << "album:Travel rejected" << QStringList { "b" };
    QTest::newRow("unknown album") << "album:Mars" << QStringList {};
    QTest::newRow("year leaves hidden out") << "2024" << QStringList { "a", "b", "d" };
}

void TestMarkSearch::findsPhotosByMarksAndAlbums()
{
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    QString error;
    QCOMPARE(namesOf(SearchEngine(m_lib).search(query, &error)), names);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMarkSearch::hiddenPhotosLeaveGridTimelineAndCounts()
{
    PhotoStore store(m_lib);
    QCOMPARE(namesOf(store.photoIdsByDate()), QStringList({ "a", "b", "d" }));
    QCOMPARE(namesOf(store.photoIdsByDate(0, true)), QStringList({ "a", "b", "c", "d" }));
    QCOMPARE(store.count(PhotoQuery {}), qint64(3));
    QCOMPARE(store.timeline().size(), 1);
    QCOMPARE(store.timeline().first().count, qint64(3));
    QVERIFY(MarkStore(m_lib).setMarks({ { m_ids["c"], PhotoMarks {} } })); // shown again
    QCOMPARE(store.count(PhotoQuery {}), qint64(4));
    QCOMPARE(namesOf(store.photoIdsByDate()), QStringList({ "a", "b", "c", "d" }));
}

void TestMarkSearch::smartAlbumFollowsNewPhotos()
{
    AlbumStore albums(m_lib);
    const qint64 best = albums.createSmartAlbum(QStringLiteral("Best"), QStringLiteral("rating:>=4"));
    SearchEngine engine(m_lib);
    QCOMPARE(namesOf(engine.albumPhotos(best)), QStringList { "a" });
    m_ids["e"] = PhotoFixture(QStringLiteral("/p/e.jpg")).takenAt(QDateTime(QDate(2024, 5, 1), QTime())).saveTo(m_lib);
    QVERIFY(MarkStore(m_lib).setMarks({ { m_ids["e"], PhotoMarks { false, 4, PickFlag::None, false } } }));
    QCOMPARE(namesOf(engine.albumPhotos(best)), QStringList({ "e", "a" }));
    QCOMPARE(namesOf(engine.search(QStringLiteral("album:best"))), QStringList({ "e", "a" }));
}

void TestMarkSearch::smartAlbumThatNamesItselfEnds()
{
    AlbumStore albums(m_lib);
    const qint64 loop = albums.createSmartAlbum(QStringLiteral("Loop"), QStringLiteral("album:Loop fav"));
    QString error;
    QVERIFY(SearchEngine(m_lib).albumPhotos(loop, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestMarkSearch::albumPhotosKeepManualOrder()
{
    AlbumStore albums(m_lib);
    const qint64 pick = albums.createAlbum(QStringLiteral("Pick"));
    albums.addPhotos(pick, { m_ids["d"], m_ids["c"], m_ids["a"] });
    // Manual order, hidden c left out.
    QCOMPARE(namesOf(SearchEngine(m_lib).albumPhotos(pick)), QStringList({ "d", "a" }));
}

QTEST_GUILESS_MAIN(TestMarkSearch)
#include "tst_marksearch.moc"
