// The People view as a user sees it: round faces with names and counts, named people first and then
// the largest; a person opens their photos; a new name is found by search; a merge and a "not this
// person" show at once and survive a rescan.

#include "people/facestore.h"
#include "people/peoplepage.h"
#include "people/peopleservice.h"
#include "people/personstore.h"
#include "search/searchengine.h"
#include "support/facefixture.h"
#include "support/testlibrary.h"

#include <QDropEvent>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestPeoplePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void listsNamedPeopleFirstThenLargest();
    void activatingAPersonShowsTheirPhotos();
    void renamingShowsInSearch_data();
    void renamingShowsInSearch();
    void mergeShowsAtOnce();
    void notThisPersonSurvivesARescan();
    void droppingAPersonOntoAnotherMergesThem();
    void hidingAPersonTakesThemOffTheList();

private:
    QStringList names() const;
    qint64 idOf(int row) const { return m_page->list()->item(row)->data(Qt::UserRole + 1).toLongLong(); }
    void reloadAndWait();
    std::unique_ptr<TestLibrary> m_lib;
    std::unique_ptr<PeoplePage> m_page;
    QList<qint64> m_photosOfFirst; // photos of person 0 (five of them)
    qint64 m_zoe = 0;
};

void TestPeoplePage::init()
{
    m_lib = std::make_unique<TestLibrary>();
    QVERIFY2(m_lib->isOpen(), qPrintable(m_lib->error()));
    SyntheticFaces gen(9);
    // Five photos of person 0, three of person 1, four of person 2; each a picture of a round face in
    // its own colour, so the view has something to show.
    const int counts[] = { 5, 3, 4 };
    const QColor colours[] = { QColor(230, 180, 150), QColor(140, 100, 80), QColor(250, 210, 190) };
    int n = 0;
    m_photosOfFirst.clear();
    for (int p = 0; p < 3; ++p) {
        gen.addPerson();
        for (int i = 0; i < counts[p]; ++i, ++n) {
            QImage img(1000, 1000, QImage::Format_RGB32);
            img.fill(QColor(60, 90, 130));
            QPainter painter(&img);
            painter.setBrush(colours[p]);
            painter.drawEllipse(QRect(420, 320, 160, 200));
            painter.setBrush(Qt::black);
            painter.drawEllipse(QRect(460, 390, 20, 14));
            painter.drawEllipse(QRect(520, 390, 20, 14));
            painter.end();
            const QString path = m_lib->filePath(QStringLiteral("p%1.png").arg(n));
            QVERIFY(img.save(path));
            const qint64 id = savePhotoWithFaces(m_lib->path(), n, { syntheticFace(gen.face(p)) }, path);
            QVERIFY(id > 0);
            if (p == 0)
                m_photosOfFirst << id;
        }
    }
    QVERIFY(PeopleService(m_lib->path()).cluster().error.isEmpty());
    // The smallest gets a name, so it comes first.
    const QList<StoredFace> faces = FaceStore(m_lib->path()).facesOfPhoto(m_photosOfFirst.last() + 1);
    QCOMPARE(faces.size(), 1);
    m_zoe = faces.first().personId;
    QVERIFY(PeopleService(m_lib->path()).rename(m_zoe, QStringLiteral("Zoë")));
    m_page = std::make_unique<PeoplePage>();
    m_page->resize(700, 420);
    m_page->setLibrary(m_lib->path());
    m_page->show();
    reloadAndWait();
}

void TestPeoplePage::cleanup()
{
    m_page.reset();
    m_lib.reset();
}

void TestPeoplePage::reloadAndWait()
{
    QSignalSpy loaded(m_page.get(), &PeoplePage::loaded);
    m_page->reload();
    QVERIFY(loaded.wait(20000));
}

QStringList TestPeoplePage::names() const
{
    QStringList out;
    for (int i = 0; i < m_page->list()->count(); ++i)
        out << m_page->list()->item(i)->text().replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out;
}

void TestPeoplePage::listsNamedPeopleFirstThenLargest()
{
    QCOMPARE(names(),
        (QStringList { QStringLiteral("Zoë 3 photo(s)"), QStringLiteral("Unnamed 5 photo(s)"),
            QStringLiteral("Unnamed 4 photo(s)") }));
    for (int i = 0; i < m_page->list()->count(); ++i) {
        const QIcon icon = m_page->list()->item(i)->icon();
        QVERIFY(!icon.isNull()); // the round face was read from the photo
        // The crop is the face: its centre has the skin colour, not the blue background.
        const QImage face = icon.pixmap(PeoplePage::kFaceSize).toImage();
        QVERIFY(qRed(face.pixel(face.width() / 2, face.height() * 3 / 4)) > 120);
        QCOMPARE(qAlpha(face.pixel(1, 1)), 0); // round
    }
    QVERIFY(m_page->list()->item(0)->toolTip().startsWith(QStringLiteral("3 faces, closest pair")));
    if (const QByteArray dir = qgetenv("SHOEBOX_SCREENSHOT_DIR"); !dir.isEmpty())
        m_page->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/people.png"));
}

void TestPeoplePage::activatingAPersonShowsTheirPhotos()
{
    QSignalSpy requested(m_page.get(), &PeoplePage::photosRequested);
    Q_EMIT m_page->list()->itemActivated(m_page->list()->item(1));
    QVERIFY(requested.wait(10000));
    const auto ids = requested.at(0).at(1).value<QVector<qint64>>();
    QCOMPARE(QList<qint64>(ids.begin(), ids.end()), m_photosOfFirst);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("Unnamed person"));
}

void TestPeoplePage::renamingShowsInSearch_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("Latin") << QStringLiteral("Ada Lovelace");
    QTest::newRow("Japanese") << QStringLiteral("さくら");
}

void TestPeoplePage::renamingShowsInSearch()
{
    QFETCH(QString, name);
    QSignalSpy changed(m_page.get(), &PeoplePage::changed);
    m_page->renamePerson(idOf(1), name);
    QVERIFY(changed.wait(10000));
    QTRY_VERIFY(names().value(0).startsWith(name) || names().value(1).startsWith(name));
    const QVector<qint64> found = SearchEngine(m_lib->path()).search(name);
    QCOMPARE(found.size(), 5);
    QCOMPARE(SearchEngine(m_lib->path()).search(QStringLiteral("person:\"%1\"").arg(name)).size(), 5);
}

void TestPeoplePage::mergeShowsAtOnce()
{
    QSignalSpy changed(m_page.get(), &PeoplePage::changed);
    m_page->mergePeople(idOf(2), idOf(0)); // the four into Zoë
    QVERIFY(changed.wait(10000));
    QTRY_COMPARE(names(), (QStringList { QStringLiteral("Zoë 7 photo(s)"), QStringLiteral("Unnamed 5 photo(s)") }));
}

void TestPeoplePage::notThisPersonSurvivesARescan()
{
    const QString lib = m_lib->path();
    const StoredFace face = FaceStore(lib).facesOfPhoto(m_photosOfFirst.first()).first();
    QVERIFY(PeopleService(lib).rejectFace(face.id));
    // A rescan with a newer face model finds the same face again, then clusters.
    const StoredFace again = FaceStore(lib).face(face.id, true);
    QVERIFY(FaceStore(lib).replaceFaces(face.photoId, QStringLiteral("newer@2"), { syntheticFace(again.descriptor) }));
    QVERIFY(PeopleService(lib).cluster().error.isEmpty());
    reloadAndWait();
    QCOMPARE(names().value(1), QStringLiteral("Unnamed 4 photo(s)"));
    QCOMPARE(FaceStore(lib).face(face.id).personId, qint64(0));
}

void TestPeoplePage::droppingAPersonOntoAnotherMergesThem()
{
    // The drop as the list's viewport gets it: the dragged person is the current item.
    QSignalSpy changed(m_page.get(), &PeoplePage::changed);
    QListWidget* list = m_page->list();
    list->setCurrentItem(list->item(2)); // the four
    const QPoint onZoe = list->visualItemRect(list->item(0)).center();
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-qabstractitemmodeldatalist"), QByteArray());
    QDropEvent drop(QPointF(onZoe), Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    // Handed to the page's filter on the viewport, where Qt delivers a real drag's drop (a synthetic drop
    // sent with sendEvent did not reach it under the offscreen platform).
    QObject* page = m_page.get();
    QVERIFY(page->eventFilter(list->viewport(), &drop));
    QVERIFY(changed.wait(10000));
    QTRY_COMPARE(names(), (QStringList { QStringLiteral("Zoë 7 photo(s)"), QStringLiteral("Unnamed 5 photo(s)") }));
}

void TestPeoplePage::hidingAPersonTakesThemOffTheList()
{
    QSignalSpy changed(m_page.get(), &PeoplePage::changed);
    const qint64 five = idOf(1);
    m_page->hidePerson(five);
    QVERIFY(changed.wait(10000));
    QTRY_COMPARE(names(), (QStringList { QStringLiteral("Zoë 3 photo(s)"), QStringLiteral("Unnamed 4 photo(s)") }));
    // Hidden, not gone: the person and their faces are still in the catalog.
    QVERIFY(PersonStore(m_lib->path()).person(five).hidden);
    QCOMPARE(PersonStore(m_lib->path()).person(five).faces, qint64(5));
}

QTEST_MAIN(TestPeoplePage)
#include "tst_peoplepage.moc"
