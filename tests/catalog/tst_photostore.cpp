#include "catalog/photostore.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

namespace {
QDateTime at(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(12, 0), Qt::LocalTime);
}
PhotoFixture photo(const QString& path, const QDateTime& taken)
{
    return PhotoFixture(path).bytes(100).takenAt(taken);
}
} // namespace

class TestPhotoStore : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestLibrary> m_library;
    QString m_lib;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Every slot gets its own library with the same five photos.
    void init()
    {
        m_library = std::make_unique<TestLibrary>();
        QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
        m_lib = m_library->path();
        PhotoStore s(m_lib);
        QVERIFY(s.begin());
        QVERIFY(photo(QStringLiteral("/p/a.jpg"), at(2019, 7, 14))
                    .hash(QStringLiteral("phash"), QByteArray(8, 'a'))
                    .saveTo(s)
            > 0);
        QVERIFY(photo(QStringLiteral("/p/b.jpg"), at(2019, 7, 2)).saveTo(s) > 0);
        QVERIFY(photo(QStringLiteral("/p/c.jpg"), at(2021, 1, 5)).saveTo(s) > 0);
        QVERIFY(photo(QStringLiteral("/p/nodate.png"), QDateTime()).saveTo(s) > 0);
        QVERIFY(photo(QStringLiteral("/p/broken.jpg"), QDateTime()).state(PhotoState::Error).saveTo(s) > 0);
        QVERIFY(s.commit());
    }

    void cleanup() { m_library.reset(); }

    void idsAreNewestFirstWithUndatedLast()
    {
        PhotoStore s(m_lib);
        const QVector<qint64> ids = s.photoIdsByDate();
        QCOMPARE(ids.size(), 4); // the broken file is not a photo to show
        QCOMPARE(s.photoById(ids[0])->displayPath, QStringLiteral("/p/c.jpg"));
        QCOMPARE(s.photoById(ids[1])->displayPath, QStringLiteral("/p/a.jpg"));
        QCOMPARE(s.photoById(ids[3])->displayPath, QStringLiteral("/p/nodate.png"));
    }

    void timelineBucketsMatchIdOrder()
    {
        const QList<TimelineBucket> t = PhotoStore(m_lib).timeline();
        QCOMPARE(t.size(), 3);
        QCOMPARE(t[0].year, 2021);
        QCOMPARE(t[1].year, 2019);
        QCOMPARE(t[1].month, 7);
        QCOMPARE(t[1].count, qint64(2));
        QCOMPARE(t[1].firstIndex, qint64(1));
        QCOMPARE(t[2].year, 0); // photos with no capture time are grouped honestly, not at 1970
        QCOMPARE(t[2].firstIndex, qint64(3));
    }

    void saveRoundTripsMetadata()
    {
        PhotoStore s(m_lib);
        PhotoRecord r = photo(QStringLiteral("/p/full.jpg"), at(2020, 2, 29)).record();
        r.meta.utcOffsetMinutes = 60;
        r.meta.cameraMake = QStringLiteral("Fujifilm");
        r.meta.fNumber = 5.6;
        r.meta.gps = GpsPosition { -33.5, 151.25, -2.5 };
        r.meta.orientation = 8;
        const qint64 id = s.save(r, {});
        const auto back = s.photoById(id);
        QVERIFY(back.has_value());
        QCOMPARE(back->meta.takenAt, r.meta.takenAt);
        QCOMPARE(*back->meta.utcOffsetMinutes, 60);
        QCOMPARE(back->meta.cameraMake, QStringLiteral("Fujifilm"));
        QCOMPARE(*back->meta.fNumber, 5.6);
        QCOMPARE(back->meta.gps->latitude, -33.5);
        QCOMPARE(*back->meta.gps->altitude, -2.5);
        QCOMPARE(back->meta.orientation, 8);
        QVERIFY(!back->meta.exposureTime.has_value());
    }

    void pageByIdsKeepsTheGivenOrder()
    {
        PhotoStore s(m_lib);
        const QVector<qint64> ids = s.photoIdsByDate();
        const QVector<qint64> wanted { ids[2], ids[0], 999999, ids[1] };
        const QList<PhotoRecord> page = s.photosByIds(wanted);
        QCOMPARE(page.size(), 3);
        QCOMPARE(page[0].id, ids[2]);
        QCOMPARE(page[1].id, ids[0]);
        QCOMPARE(page[2].id, ids[1]);
    }

    void hashesAndExactMatches()
    {
        PhotoStore s(m_lib);
        const auto a = s.photoByPath("/p/a.jpg");
        QCOMPARE(s.hashes(a->id).value(QStringLiteral("phash")), QByteArray(8, 'a'));
        QCOMPARE(s.photosWithContentHash(a->contentHash).size(), 1);
        QVERIFY(s.hashes(s.photoByPath("/p/b.jpg")->id).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPhotoStore)
#include "tst_photostore.moc"
