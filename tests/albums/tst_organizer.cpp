#include "albums/albumstore.h"
#include "albums/organizer.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <functional>
#include <memory>

using namespace shoebox;
using namespace shoebox::test;

using Change = std::function<bool(Organizer&, const QVector<qint64>&)>;
Q_DECLARE_METATYPE(Change)

class TestOrganizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void undoRestoresTheMarksBefore_data();
    void undoRestoresTheMarksBefore();
    void undoRevertsAlbumMembership();
    void favouriteKeyTogglesAsAGroup();
    void unchangedMarksLeaveNoUndoStep();
    void undoGoesBackOneStepAtATime();
    void undoStackIsBounded();
    void refusesBadRatingWithoutAStep();
    void signalsWhichPhotosChanged();

private:
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
    QVector<qint64> m_photos;
};

void TestOrganizer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestOrganizer::init()
{
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
    m_photos.clear();
    for (int i = 0; i < 3; ++i)
        m_photos << PhotoFixture(QStringLiteral("/p/%1.jpg").arg(i)).saveTo(m_lib);
    // Photo 0 starts rated 2 and picked, so undo has something other than "nothing" to restore.
    QVERIFY(MarkStore(m_lib).setMarks({ { m_photos[0], PhotoMarks { false, 2, PickFlag::Picked, false } } }));
}

void TestOrganizer::cleanup()
{
    m_dir.reset();
}

void TestOrganizer::undoRestoresTheMarksBefore_data()
{
    QTest::addColumn<Change>("change");
    QTest::newRow("rating") << Change([](Organizer& o, const QVector<qint64>& ids) { return o.setRating(ids, 5); });
    QTest::newRow("clear rating") << Change(
        [](Organizer& o, const QVector<qint64>& ids) { return o.setRating(ids, 0); });
    QTest::newRow("favourite") << Change(
        [](Organizer& o, const QVector<qint64>& ids) { return o.setFavourite(ids, true); });
    QTest::newRow("reject") << Change(
        [](Organizer& o, const QVector<qint64>& ids) { return o.setFlag(ids, PickFlag::Rejected); });
    QTest::newRow("hide") << Change([](Organizer& o, const QVector<qint64>& ids) { return o.setHidden(ids, true); });
}

void TestOrganizer::undoRestoresTheMarksBefore()
{
    QFETCH(Change, change);
    Organizer organizer(m_lib);
    MarkStore store(m_lib);
    const QHash<qint64, PhotoMarks> before = store.marksOf(m_photos);
    QVERIFY(change(organizer, { m_photos[0], m_photos[1] }));
    QVERIFY(store.marksOf(m_photos) != before);
    QVERIFY(organizer.canUndo());
    QVERIFY(organizer.undo());
    QCOMPARE(store.marksOf(m_photos), before);
    QVERIFY(!organizer.canUndo());
}

void TestOrganizer::undoRevertsAlbumMembership()
{
    AlbumStore albums(m_lib);
    const qint64 album = albums.createAlbum(QStringLiteral("A"));
    albums.addPhotos(album, { m_photos[0] });
    Organizer organizer(m_lib);
    QVERIFY(organizer.addToAlbum(album, { m_photos[0], m_photos[1] }));
    QCOMPARE(albums.photosOf(album), QVector<qint64>({ m_photos[0], m_photos[1] }));
    QVERIFY(organizer.undo()); // removes only what the step added
    QCOMPARE(albums.photosOf(album), QVector<qint64> { m_photos[0] });
    QVERIFY(organizer.removeFromAlbum(album, { m_photos[0] }));
    QVERIFY(albums.photosOf(album).isEmpty());
    QVERIFY(organizer.undo());
    QCOMPARE(albums.photosOf(album), QVector<qint64> { m_photos[0] });
}

void TestOrganizer::favouriteKeyTogglesAsAGroup()
{
    Organizer organizer(m_lib);
    MarkStore store(m_lib);
    QVERIFY(organizer.setFavourite({ m_photos[0] }, true));
    QVERIFY(organizer.toggleFavourite({ m_photos[0], m_photos[1] })); // not all are: all become
    QVERIFY(store.marks(m_photos[0]).favourite && store.marks(m_photos[1]).favourite);
    QVERIFY(organizer.toggleFavourite({ m_photos[0], m_photos[1] })); // all are: none stay
    QVERIFY(!store.marks(m_photos[0]).favourite && !store.marks(m_photos[1]).favourite);
    QCOMPARE(store.marks(m_photos[0]).rating, 2); // other marks untouched
}

void TestOrganizer::unchangedMarksLeaveNoUndoStep()
{
    Organizer organizer(m_lib);
    QVERIFY(organizer.setRating({ m_photos[0] }, 2)); // already 2
    QVERIFY(organizer.setFlag({ m_photos[0] }, PickFlag::Picked));
    QVERIFY(!organizer.canUndo());
    QString error;
    QVERIFY(!organizer.undo(&error));
    QVERIFY(!error.isEmpty());
}

void TestOrganizer::undoGoesBackOneStepAtATime()
{
    Organizer organizer(m_lib);
    MarkStore store(m_lib);
    QVERIFY(organizer.setRating({ m_photos[1] }, 3));
    QVERIFY(organizer.setRating({ m_photos[1] }, 4));
    QVERIFY(organizer.setHidden({ m_photos[1] }, true));
    QCOMPARE(organizer.undoText(), Organizer::tr("Hide"));
    QVERIFY(organizer.undo());
    QVERIFY(!store.marks(m_photos[1]).hidden);
    QCOMPARE(store.marks(m_photos[1]).rating, 4);
    QVERIFY(organizer.undo());
    QCOMPARE(store.marks(m_photos[1]).rating, 3);
    QVERIFY(organizer.undo());
    QVERIFY(store.marks(m_photos[1]).isEmpty());
    QVERIFY(!organizer.canUndo());
}

void TestOrganizer::undoStackIsBounded()
{
    Organizer organizer(m_lib);
    for (int i = 0; i < Organizer::kMaxUndo + 5; ++i)
        QVERIFY(organizer.setRating({ m_photos[2] }, 1 + i % 5));
    int undone = 0;
    while (organizer.undo())
        ++undone;
    QCOMPARE(undone, Organizer::kMaxUndo);
}

void TestOrganizer::refusesBadRatingWithoutAStep()
{
    Organizer organizer(m_lib);
    QString error;
    QVERIFY(!organizer.setRating({ m_photos[1] }, 7, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!organizer.canUndo());
    QCOMPARE(MarkStore(m_lib).marks(m_photos[1]).rating, 0);
}

void TestOrganizer::signalsWhichPhotosChanged()
{
    Organizer organizer(m_lib);
    QSignalSpy changed(&organizer, &Organizer::changed);
    QSignalSpy undoable(&organizer, &Organizer::undoAvailable);
    QVERIFY(organizer.setRating({ m_photos[0], m_photos[1] }, 2)); // photo 0 is 2 already
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<QVector<qint64>>(), QVector<qint64> { m_photos[1] });
    QVERIFY(organizer.undo());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(undoable.size(), 2);
    QCOMPARE(undoable.last().first().toBool(), false);
}

QTEST_GUILESS_MAIN(TestOrganizer)
#include "tst_organizer.moc"
