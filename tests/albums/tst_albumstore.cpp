#include "albums/albumstore.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestAlbumStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void splitsAlbumPaths_data();
    void splitsAlbumPaths();
    void createsNestedAlbumsOnce();
    void listsAlbumsInTreeOrder();
    void keepsManualPhotoOrderAndPhotosInManyAlbums();
    void addAndRemoveReportOnlyRealChanges();
    void renamesAndRefusesEmptyNames();
    void reordersAndMovesAlbums();
    void refusesToMoveAnAlbumIntoItself();
    void removingAnAlbumKeepsThePhotos();
    void findsAlbumsByNameOrPath_data();
    void findsAlbumsByNameOrPath();
    void smartAlbumKeepsItsQuery();
    void coverAndDescriptionAreStored();

private:
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
    QVector<qint64> m_photos;
};

void TestAlbumStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAlbumStore::init()
{
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
    m_photos.clear();
    for (int i = 0; i < 4; ++i)
        m_photos << PhotoFixture(QStringLiteral("/p/%1.jpg").arg(i)).saveTo(m_lib);
    QVERIFY(!m_photos.contains(0));
}

void TestAlbumStore::cleanup()
{
    m_dir.reset();
}

void TestAlbumStore::splitsAlbumPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("nested") << "Travel / 2024 / Japan" << QStringList { "Travel", "2024", "Japan" };
    QTest::newRow("tight slashes") << "Travel/2024" << QStringList { "Travel", "2024" };
    QTest::newRow("empty parts") << " / Family //  Summer  camp / " << QStringList { "Family", "Summer camp" };
    QTest::newRow("blank") << "  " << QStringList {};
}

void TestAlbumStore::splitsAlbumPaths()
{
    QFETCH(QString, path);
    QFETCH(QStringList, names);
    QCOMPARE(AlbumStore::splitPath(path), names);
}

void TestAlbumStore::createsNestedAlbumsOnce()
{
    AlbumStore store(m_lib);
    const qint64 japan = store.createAlbum(QStringLiteral("Travel / 2024 / Japan"));
    QVERIFY(japan > 0);
    QCOMPARE(store.createAlbum(QStringLiteral("travel/2024/japan")), japan); // same album, any case
    const qint64 korea = store.createAlbum(QStringLiteral("Travel / 2024 / Korea"));
    QVERIFY(korea > 0 && korea != japan);
    QCOMPARE(store.albums().size(), 4); // Travel, 2024, Japan, Korea
    QCOMPARE(store.album(japan)->path, QStringLiteral("Travel / 2024 / Japan"));
    QCOMPARE(store.album(korea)->parentId, store.album(japan)->parentId);
    QString error;
    QCOMPARE(store.createAlbum(QStringLiteral(" / "), &error), qint64(0));
    QVERIFY(!error.isEmpty());
}

void TestAlbumStore::listsAlbumsInTreeOrder()
{
    AlbumStore store(m_lib);
    QVERIFY(store.createAlbum(QStringLiteral("Zoo")));
    QVERIFY(store.createAlbum(QStringLiteral("Travel / Japan")));
    QVERIFY(store.createAlbum(QStringLiteral("Travel / Italy")));
    QStringList paths;
    for (const AlbumRecord& a : store.albums())
        paths << a.path;
    // Created order among siblings, children right after their parent.
    QCOMPARE(paths, QStringList({ "Zoo", "Travel", "Travel / Japan", "Travel / Italy" }));
}

void TestAlbumStore::keepsManualPhotoOrderAndPhotosInManyAlbums()
{
    AlbumStore store(m_lib);
    const qint64 a = store.createAlbum(QStringLiteral("A"));
    const qint64 b = store.createAlbum(QStringLiteral("B"));
    const QVector<qint64> order { m_photos[2], m_photos[0], m_photos[3] };
    QCOMPARE(store.addPhotos(a, order), order);
    QCOMPARE(store.addPhotos(b, { m_photos[2] }), QVector<qint64> { m_photos[2] });
    QCOMPARE(store.photosOf(a), order);
    QCOMPARE(store.albumsOfPhoto(m_photos[2]), QStringList({ "A", "B" }));
    QCOMPARE(store.album(a)->photoCount, qint64(3));
}

void TestAlbumStore::addAndRemoveReportOnlyRealChanges()
{
    AlbumStore store(m_lib);
    const qint64 a = store.createAlbum(QStringLiteral("A"));
    QCOMPARE(store.addPhotos(a, { m_photos[0], m_photos[1] }).size(), 2);
    QCOMPARE(store.addPhotos(a, { m_photos[1], m_photos[2] }), QVector<qint64> { m_photos[2] });
    QCOMPARE(store.removePhotos(a, { m_photos[0], m_photos[3] }), QVector<qint64> { m_photos[0] });
    QCOMPARE(store.photosOf(a), QVector<qint64>({ m_photos[1], m_photos[2] }));
}

void TestAlbumStore::renamesAndRefusesEmptyNames()
{
    AlbumStore store(m_lib);
    const qint64 a = store.createAlbum(QStringLiteral("Travel / Japn"));
    QVERIFY(store.rename(a, QStringLiteral("Japan")));
    QCOMPARE(store.album(a)->path, QStringLiteral("Travel / Japan"));
    QString error;
    QVERIFY(!store.rename(a, QStringLiteral("  "), &error));
    QVERIFY(!error.isEmpty());
    const qint64 b = store.createAlbum(QStringLiteral("Travel / Italy"));
    QVERIFY(!store.rename(b, QStringLiteral("Japan"))); // a sibling has that name
    QVERIFY(!store.rename(b, QStringLiteral("JAPAN"))); // in any case
    QCOMPARE(store.album(b)->name, QStringLiteral("Italy"));
}

void TestAlbumStore::reordersAndMovesAlbums()
{
    AlbumStore store(m_lib);
    const qint64 a = store.createAlbum(QStringLiteral("A"));
    const qint64 b = store.createAlbum(QStringLiteral("B"));
    const qint64 c = store.createAlbum(QStringLiteral("C"));
    QVERIFY(store.move(c, 0, 0));
    QStringList paths;
    for (const AlbumRecord& r : store.albums())
        paths << r.path;
    QCOMPARE(paths, QStringList({ "C", "A", "B" }));
    QVERIFY(store.move(a, b, 0));
    QCOMPARE(store.album(a)->path, QStringLiteral("B / A"));
}

void TestAlbumStore::refusesToMoveAnAlbumIntoItself()
{
    AlbumStore store(m_lib);
    const qint64 top = store.createAlbum(QStringLiteral("Top"));
    const qint64 below = store.createAlbum(QStringLiteral("Top / Below"));
    QString error;
    QVERIFY(!store.move(top, below, 0, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(store.album(top)->parentId, qint64(0));
}

void TestAlbumStore::removingAnAlbumKeepsThePhotos()
{
    AlbumStore store(m_lib);
    const qint64 top = store.createAlbum(QStringLiteral("Top"));
    const qint64 below = store.createAlbum(QStringLiteral("Top / Below"));
    store.addPhotos(below, { m_photos[0] });
    QVERIFY(store.remove(top));
    QVERIFY(store.albums().isEmpty());
    QVERIFY(!store.album(below));
    QVERIFY(store.albumsOfPhoto(m_photos[0]).isEmpty());
    QCOMPARE(PhotoFixture(QStringLiteral("/p/new.jpg")).saveTo(m_lib) > 0, true); // the catalog is fine
}

void TestAlbumStore::findsAlbumsByNameOrPath_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("paths");
    QTest::newRow("leaf name") << "japan" << QStringList { "Travel / 2024 / Japan" };
    QTest::newRow("name in two places") << "2024" << QStringList { "Travel / 2024", "Work / 2024" };
    QTest::newRow("whole path") << "Work/2024" << QStringList { "Work / 2024" };
    QTest::newRow("part of a name is no match") << "Jap" << QStringList {};
}

void TestAlbumStore::findsAlbumsByNameOrPath()
{
    QFETCH(QString, text);
    QFETCH(QStringList, paths);
    AlbumStore store(m_lib);
    QVERIFY(store.createAlbum(QStringLiteral("Travel / 2024 / Japan")));
    QVERIFY(store.createAlbum(QStringLiteral("Work / 2024")));
    QStringList found;
    for (qint64 id : store.albumsNamed(text))
        found << store.album(id)->path;
    QCOMPARE(found, paths);
}

void TestAlbumStore::smartAlbumKeepsItsQuery()
{
    AlbumStore store(m_lib);
    const qint64 id = store.createSmartAlbum(QStringLiteral("Best"), QStringLiteral("rating:>=4  fav"));
    QVERIFY(id > 0);
    QVERIFY(store.album(id)->isSmart());
    QCOMPARE(store.album(id)->query, QStringLiteral("rating:>=4 fav"));
    QVERIFY(!store.createSmartAlbum(QStringLiteral("Empty"), QStringLiteral(" ")));
}

void TestAlbumStore::coverAndDescriptionAreStored()
{
    AlbumStore store(m_lib);
    const qint64 id = store.createAlbum(QStringLiteral("A"));
    QVERIFY(store.setCover(id, m_photos[1]));
    QVERIFY(store.setDescription(id, QStringLiteral("Spring in Kyoto")));
    QCOMPARE(store.album(id)->coverPhotoId, m_photos[1]);
    QCOMPARE(store.album(id)->description, QStringLiteral("Spring in Kyoto"));
}

QTEST_GUILESS_MAIN(TestAlbumStore)
#include "tst_albumstore.moc"
