// SPDX-License-Identifier: GPL-3.0-or-later
// Which photo stands for an album in the sidebar: the user's choice while the album still shows it,
// else the album's first photo; smart albums and albums holding only albums too.
#include "albums/albumstore.h"
#include "albums/markstore.h"
#include "search/albumcovers.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestAlbumCovers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_dir.reset(); }
    void plainAlbumCover_data();
    void plainAlbumCover();
    void smartAlbumCover_data();
    void smartAlbumCover();
    void albumOfAlbumsShowsAPhotoBelowIt();
    void coversOfListsOnlyAlbumsWithPhotos();

private:
    qint64 cover(qint64 album) const { return AlbumCovers(m_lib).coverOf(*AlbumStore(m_lib).album(album)); }
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
    QVector<qint64> m_photos; // p0 taken first .. p3 last
};

void TestAlbumCovers::init()
{
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
    m_photos.clear();
    for (int i = 0; i < 4; ++i)
        m_photos << PhotoFixture(QStringLiteral("/p/%1.jpg").arg(i))
                        .takenAt(QDateTime(QDate(2024, 5, 1 + i), QTime(12, 0)))
                        .saveTo(m_lib);
    QVERIFY(!m_photos.contains(0));
}

void TestAlbumCovers::plainAlbumCover_data()
{
    QTest::addColumn<QList<int>>("members"); // indexes into m_photos, in the album's order
    QTest::addColumn<int>("chosen"); // -1: none
    QTest::addColumn<int>("takenOut"); // a member removed after the choice, -1: none
    QTest::addColumn<int>("hidden"); // a photo hidden after the choice, -1: none
    QTest::addColumn<int>("expected"); // -1: no cover
    QTest::newRow("no choice: the first photo") << QList<int> { 2, 0, 1 } << -1 << -1 << -1 << 2;
    QTest::newRow("the chosen photo") << QList<int> { 2, 0, 1 } << 1 << -1 << -1 << 1;
    QTest::newRow("chosen, then taken out") << QList<int> { 2, 0, 1 } << 0 << 0 << -1 << 2;
    QTest::newRow("chosen, then hidden") << QList<int> { 2, 0, 1 } << 2 << -1 << 2 << 0;
    QTest::newRow("first photo hidden") << QList<int> { 2, 0, 1 } << -1 << -1 << 2 << 0;
    QTest::newRow("chosen from outside the album") << QList<int> { 2, 0 } << 3 << -1 << -1 << 2;
    QTest::newRow("empty album") << QList<int> {} << -1 << -1 << -1 << -1;
}

void TestAlbumCovers::plainAlbumCover()
{
    QFETCH(QList<int>, members);
    QFETCH(int, chosen);
    QFETCH(int, takenOut);
    QFETCH(int, hidden);
    QFETCH(int, expected);
    AlbumStore store(m_lib);
    const qint64 album = store.createAlbum(QStringLiteral("Trip"));
    QVERIFY(album > 0);
    QVector<qint64> ids;
    for (int i : members)
        ids << m_photos[i];
    QCOMPARE(store.addPhotos(album, ids), ids);
    if (chosen >= 0)
        QVERIFY(store.setCover(album, m_photos[chosen]));
    if (takenOut >= 0)
        QCOMPARE(store.removePhotos(album, { m_photos[takenOut] }).size(), 1);
    if (hidden >= 0) {
        PhotoMarks marks;
        marks.hidden = true;
        QVERIFY(MarkStore(m_lib).setMarks({ { m_photos[hidden], marks } }));
    }
    QCOMPARE(cover(album), expected < 0 ? 0 : m_photos[expected]);
}

void TestAlbumCovers::smartAlbumCover_data()
{
    QTest::addColumn<int>("chosen");
    QTest::addColumn<int>("expected");
    QTest::newRow("no choice: the newest result") << -1 << 2;
    QTest::newRow("a chosen result") << 1 << 1;
    QTest::newRow("chosen, no longer a result") << 3 << 2;
}

void TestAlbumCovers::smartAlbumCover()
{
    QFETCH(int, chosen);
    QFETCH(int, expected);
    PhotoMarks five;
    five.rating = 5;
    QVERIFY(MarkStore(m_lib).setMarks({ { m_photos[1], five }, { m_photos[2], five } }));
    AlbumStore store(m_lib);
    const qint64 album = store.createSmartAlbum(QStringLiteral("Best"), QStringLiteral("rating:>=4"));
    QVERIFY(album > 0);
    if (chosen >= 0)
        QVERIFY(store.setCover(album, m_photos[chosen]));
    QCOMPARE(cover(album), m_photos[expected]);
}

void TestAlbumCovers::albumOfAlbumsShowsAPhotoBelowIt()
{
    AlbumStore store(m_lib);
    const qint64 japan = store.createAlbum(QStringLiteral("Travel / Japan"));
    const qint64 travel = store.albumAt(QStringLiteral("Travel"));
    QVERIFY(japan > 0 && travel > 0);
    QVERIFY(cover(travel) == 0);
    store.addPhotos(japan, { m_photos[3], m_photos[1] });
    QCOMPARE(cover(travel), m_photos[3]);
}

void TestAlbumCovers::coversOfListsOnlyAlbumsWithPhotos()
{
    AlbumStore store(m_lib);
    const qint64 full = store.createAlbum(QStringLiteral("Full"));
    const qint64 empty = store.createAlbum(QStringLiteral("Empty"));
    store.addPhotos(full, { m_photos[0] });
    const QHash<qint64, qint64> covers = AlbumCovers(m_lib).coversOf(store.albums());
    QCOMPARE(covers.value(full), m_photos[0]);
    QVERIFY(!covers.contains(empty));
    QCOMPARE(covers.size(), 1);
}

QTEST_GUILESS_MAIN(TestAlbumCovers)
#include "tst_albumcovers.moc"
