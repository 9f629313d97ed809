#include "albums/markstore.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

Q_DECLARE_METATYPE(shoebox::RatingCompare)

class TestMarkStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void storesAndReadsBackEveryMark();
    void emptyMarksRemoveTheRow();
    void refusesRatingOutsideZeroToFive_data();
    void refusesRatingOutsideZeroToFive();
    void findsPhotosByRating_data();
    void findsPhotosByRating();
    void findsFavouritesFlagsAndHidden();
    void leavesOutMissingPhotos();

private:
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
    QVector<qint64> m_ids; // five photos, rated 0..4 in init()
};

void TestMarkStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMarkStore::init()
{
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
    m_ids.clear();
    QHash<qint64, PhotoMarks> marks;
    for (int i = 0; i < 5; ++i) {
        m_ids << PhotoFixture(QStringLiteral("/p/%1.jpg").arg(i)).saveTo(m_lib);
        QVERIFY(m_ids.last() > 0);
        if (i > 0)
            marks.insert(m_ids.last(), PhotoMarks { false, i, PickFlag::None, false });
    }
    QVERIFY(MarkStore(m_lib).setMarks(marks));
}

void TestMarkStore::cleanup()
{
    m_dir.reset();
}

void TestMarkStore::storesAndReadsBackEveryMark()
{
    MarkStore store(m_lib);
    const PhotoMarks m { true, 5, PickFlag::Rejected, true };
    QVERIFY(store.setMarks({ { m_ids[0], m } }));
    QCOMPARE(store.marks(m_ids[0]), m);
    QCOMPARE(store.marks(m_ids[2]).rating, 2);
    QVERIFY(!store.marks(m_ids[2]).favourite);
    QCOMPARE(store.marksOf(m_ids).size(), 5);
}

void TestMarkStore::emptyMarksRemoveTheRow()
{
    MarkStore store(m_lib);
    QVERIFY(store.setMarks({ { m_ids[3], PhotoMarks {} } }));
    QVERIFY(store.marks(m_ids[3]).isEmpty());
    QVERIFY(!store.marksOf(m_ids).contains(m_ids[3]));
}

void TestMarkStore::refusesRatingOutsideZeroToFive_data()
{
    QTest::addColumn<int>("rating");
    QTest::newRow("six") << 6;
    QTest::newRow("minus one") << -1;
}

void TestMarkStore::refusesRatingOutsideZeroToFive()
{
    QFETCH(int, rating);
    MarkStore store(m_lib);
    QString error;
    QVERIFY(!store.setMarks({ { m_ids[0], PhotoMarks { true, 0, PickFlag::None, false } },
                                { m_ids[1], PhotoMarks { false, rating, PickFlag::None, false } } },
        &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!store.marks(m_ids[0]).favourite); // nothing of the batch was written
    QCOMPARE(store.marks(m_ids[1]).rating, 1);
}

void TestMarkStore::findsPhotosByRating_data()
{
    QTest::addColumn<RatingCompare>("op");
    QTest::addColumn<int>("rating");
    QTest::addColumn<QVector<int>>("expected"); // indexes into m_ids (rated 0..4)
    QTest::newRow(">=3") << RatingCompare::GreaterOrEqual << 3 << QVector<int> { 3, 4 };
    QTest::newRow(">3") << RatingCompare::Greater << 3 << QVector<int> { 4 };
    QTest::newRow("=2") << RatingCompare::Equal << 2 << QVector<int> { 2 };
    QTest::newRow("<2 includes unrated") << RatingCompare::Less << 2 << QVector<int> { 0, 1 };
    QTest::newRow("<=1") << RatingCompare::LessOrEqual << 1 << QVector<int> { 0, 1 };
    QTest::newRow("=5 none") << RatingCompare::Equal << 5 << QVector<int> {};
}

void TestMarkStore::findsPhotosByRating()
{
    QFETCH(RatingCompare, op);
    QFETCH(int, rating);
    QFETCH(QVector<int>, expected);
    QVector<qint64> want;
    for (int i : expected)
        want << m_ids[i];
    QCOMPARE(MarkStore(m_lib).withRating(op, rating), want);
}

void TestMarkStore::findsFavouritesFlagsAndHidden()
{
    MarkStore store(m_lib);
    QVERIFY(store.setMarks({ { m_ids[0], PhotoMarks { true, 0, PickFlag::Picked, false } },
        { m_ids[1], PhotoMarks { false, 1, PickFlag::Rejected, true } } }));
    QCOMPARE(store.favourites(), QVector<qint64> { m_ids[0] });
    QCOMPARE(store.withFlag(PickFlag::Picked), QVector<qint64> { m_ids[0] });
    QCOMPARE(store.withFlag(PickFlag::Rejected), QVector<qint64> { m_ids[1] });
    QCOMPARE(store.hidden(), QVector<qint64> { m_ids[1] });
}

void TestMarkStore::leavesOutMissingPhotos()
{
    const qint64 gone = PhotoFixture(QStringLiteral("/p/gone.jpg")).state(PhotoState::Missing).saveTo(m_lib);
    QVERIFY(gone > 0);
    MarkStore store(m_lib);
    QVERIFY(store.setMarks({ { gone, PhotoMarks { true, 5, PickFlag::None, false } } }));
    QCOMPARE(store.marks(gone).rating, 5); // kept for when it comes back
    QVERIFY(!store.favourites().contains(gone));
    QVERIFY(!store.withRating(RatingCompare::Equal, 5).contains(gone));
}

QTEST_GUILESS_MAIN(TestMarkStore)
#include "tst_markstore.moc"
