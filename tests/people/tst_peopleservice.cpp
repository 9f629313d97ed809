// People in the catalog: faces stored and read back, clustering into people with reasons, and the
// user's actions (name, merge, move, not this person, split, hide) surviving re-clustering and
// re-analysis.

#include "catalog/database.h"
#include "people/facestore.h"
#include "people/peopleservice.h"
#include "people/personstore.h"
#include "search/searchengine.h"
#include "support/facefixture.h"
#include "support/testlibrary.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestPeopleService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void facesRoundTrip();
    void reanalysisKeepsTheFaceRow();
    void clusteringFormsPeopleWithReasons();
    void newPhotosJoinExistingPeople();
    void smallOrBlurryFacesAreNotClustered_data();
    void smallOrBlurryFacesAreNotClustered();
    void notThisPersonSticks_data();
    void notThisPersonSticks();
    void namedPersonSurvivesRecluster();
    void mergeMovesFacesAndName();
    void movedFaceStaysWhereTheUserPutIt();
    void splitAndNameFace();
    void searchFindsPeopleByName_data();
    void searchFindsPeopleByName();

private:
    // Three people (0, 1, 2) with `each` photos of one face each; photo numbers start at `first`.
    void addPhotos(int each, int first = 0);
    qint64 personOfPhoto(int i) const;
    qint64 faceOfPhoto(int i) const;
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
    std::unique_ptr<SyntheticFaces> m_gen;
    QMap<int, qint64> m_photos; // photo number -> id
};

void TestPeopleService::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
    m_gen = std::make_unique<SyntheticFaces>(21);
    for (int p = 0; p < 3; ++p)
        m_gen->addPerson();
    m_photos.clear();
}

void TestPeopleService::addPhotos(int each, int first)
{
    for (int i = 0; i < 3 * each; ++i) {
        const int n = first + i;
        m_photos[n] = savePhotoWithFaces(m_lib, n, { syntheticFace(m_gen->face(i % 3)) });
        QVERIFY(m_photos[n] > 0);
    }
}

qint64 TestPeopleService::faceOfPhoto(int i) const
{
    const QList<StoredFace> faces = FaceStore(m_lib).facesOfPhoto(m_photos.value(i));
    return faces.isEmpty() ? 0 : faces.first().id;
}

qint64 TestPeopleService::personOfPhoto(int i) const
{
    const QList<StoredFace> faces = FaceStore(m_lib).facesOfPhoto(m_photos.value(i));
    return faces.isEmpty() ? -1 : faces.first().personId;
}

void TestPeopleService::facesRoundTrip()
{
    SyntheticFaces gen(1);
    gen.addPerson();
    const FaceDetection a = syntheticFace(gen.face(0), QRectF(0.1, 0.2, 0.15, 0.25));
    const FaceDetection b = syntheticFace(gen.face(0), QRectF(0.6, 0.2, 0.1, 0.1));
    const qint64 photo = savePhotoWithFaces(m_lib, 1, { a, b });
    QVERIFY(photo > 0);
    const QList<StoredFace> faces = FaceStore(m_lib).facesOfPhoto(photo);
    QCOMPARE(faces.size(), 2);
    const StoredFace f = FaceStore(m_lib).face(faces.first().id, true);
    QCOMPARE(f.box, a.box);
    QVERIFY(std::abs(f.keypoints[2].x() - a.keypoints[2].x()) < 1e-6); // stored as float32
    QVERIFY(std::abs(f.keypoints[2].y() - a.keypoints[2].y()) < 1e-6);
    QCOMPARE(f.score, a.score);
    QCOMPARE(f.model, QStringLiteral("fake-faces@1"));
    QCOMPARE(int(f.descriptor.size()), 128);
    QVERIFY(descriptorDistance(f.descriptor, a.descriptor) < 1e-3); // fp16 keeps it
    QVERIFY(qAbs(f.pixels - 1000 * std::sqrt(0.15 * 0.25)) < 1e-6);
    QCOMPARE(FaceStore(m_lib).pendingCount(QStringLiteral("fake-faces@1")), qint64(0));
    QCOMPARE(FaceStore(m_lib).pendingCount(QStringLiteral("newer-faces@2")), qint64(1));
}

void TestPeopleService::reanalysisKeepsTheFaceRow()
{
    addPhotos(4);
    PeopleService(m_lib).cluster();
    const qint64 face = faceOfPhoto(0), person = personOfPhoto(0);
    QVERIFY(person > 0);
    // A newer model finds the same face, slightly moved, and a second one.
    FaceStore store(m_lib);
    QVERIFY(store.replaceFaces(m_photos[0], QStringLiteral("newer@2"),
        { syntheticFace(m_gen->face(0), QRectF(0.41, 0.31, 0.2, 0.2)),
            syntheticFace(m_gen->face(1), QRectF(0.0, 0.0, 0.1, 0.1)) }));
    const QList<StoredFace> faces = store.facesOfPhoto(m_photos[0]);
    QCOMPARE(faces.size(), 2);
    QCOMPARE(faces.last().id, face); // sorted by x: the kept face is the second
    QCOMPARE(faces.last().personId, person);
    QCOMPARE(faces.last().model, QStringLiteral("newer@2"));
    QCOMPARE(faces.first().personId, qint64(0));
}

void TestPeopleService::clusteringFormsPeopleWithReasons()
{
    addPhotos(5);
    const ClusterReport r = PeopleService(m_lib).cluster();
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.newPeople, 3);
    QCOMPARE(r.placed, 15);
    const QList<Person> people = PersonStore(m_lib).people();
    QCOMPARE(people.size(), 3);
    for (const Person& p : people) {
        QCOMPARE(p.faces, qint64(5));
        QVERIFY2(p.reason.startsWith(QStringLiteral("5 faces, closest pair 0.")), qPrintable(p.reason));
        QVERIFY(p.coverFaceId > 0);
    }
    for (int i = 0; i < 15; ++i)
        QCOMPARE(personOfPhoto(i), personOfPhoto(i % 3));
}

void TestPeopleService::newPhotosJoinExistingPeople()
{
    addPhotos(4);
    PeopleService(m_lib).cluster();
    const qint64 p0 = personOfPhoto(0);
    addPhotos(1, 100);
    const ClusterReport r = PeopleService(m_lib).cluster();
    QCOMPARE(r.newPeople, 0);
    QCOMPARE(r.placed, 3);
    QCOMPARE(r.queried, 3); // only the new faces were searched
    QCOMPARE(personOfPhoto(100), p0);
    QCOMPARE(PersonStore(m_lib).person(p0).faces, qint64(5));
}

void TestPeopleService::smallOrBlurryFacesAreNotClustered_data()
{
    QTest::addColumn<QRectF>("box");
    QTest::addColumn<float>("sharpness");
    QTest::newRow("small") << QRectF(0.5, 0.5, 0.02, 0.02) << 120.f;
    QTest::newRow("blurry") << QRectF(0.4, 0.3, 0.2, 0.2) << 2.f;
}

void TestPeopleService::smallOrBlurryFacesAreNotClustered()
{
    QFETCH(QRectF, box);
    QFETCH(float, sharpness);
    addPhotos(4);
    FaceDetection f = syntheticFace(m_gen->face(0), box);
    f.sharpness = sharpness;
    m_photos[50] = savePhotoWithFaces(m_lib, 50, { f });
    const ClusterReport r = PeopleService(m_lib).cluster();
    QCOMPARE(r.faces, 13);
    QCOMPARE(r.clusterable, 12);
    QCOMPARE(personOfPhoto(50), qint64(0)); // stored, but nobody
    QVERIFY(personOfPhoto(0) > 0);
}

void TestPeopleService::notThisPersonSticks_data()
{
    QTest::addColumn<QString>("then");
    QTest::newRow("cluster again") << QStringLiteral("cluster");
    QTest::newRow("recluster from scratch") << QStringLiteral("recluster");
    QTest::newRow("photo analysed again") << QStringLiteral("reanalyse");
}

void TestPeopleService::notThisPersonSticks()
{
    QFETCH(QString, then);
    addPhotos(5);
    PeopleService service(m_lib);
    service.cluster();
    const qint64 person = personOfPhoto(0), face = faceOfPhoto(0);
    QVERIFY(service.rename(person, QStringLiteral("Alice")));
    QString error;
    QVERIFY2(service.rejectFace(face, &error), qPrintable(error));
    QCOMPARE(personOfPhoto(0), qint64(0));
    if (then == QLatin1String("cluster"))
        service.cluster();
    else if (then == QLatin1String("recluster"))
        service.recluster();
    else {
        const StoredFace f = FaceStore(m_lib).face(face, true);
        QVERIFY(FaceStore(m_lib).replaceFaces(m_photos[0], QStringLiteral("newer@2"), { syntheticFace(f.descriptor) }));
        service.cluster();
    }
    QCOMPARE(faceOfPhoto(0), face);
    QVERIFY(personOfPhoto(0) != person);
    QCOMPARE(PersonStore(m_lib).person(person).faces, qint64(4));
    QCOMPARE(FaceStore(m_lib).verdicts().value(face), QVector<qint64> { person });
}

void TestPeopleService::namedPersonSurvivesRecluster()
{
    addPhotos(4);
    PeopleService service(m_lib);
    service.cluster();
    const qint64 alice = personOfPhoto(0), other = personOfPhoto(1);
    QVERIFY(service.rename(alice, QStringLiteral("Alice")));
    const ClusterReport r = service.recluster();
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(personOfPhoto(0), alice);
    QCOMPARE(PersonStore(m_lib).person(alice).faces, qint64(4));
    QCOMPARE(PersonStore(m_lib).person(alice).name, QStringLiteral("Alice"));
    QVERIFY(personOfPhoto(1) > 0); // the unnamed ones formed again (new ids)
    QVERIFY(personOfPhoto(1) != other);
    QCOMPARE(PersonStore(m_lib).people().size(), 3);
}

void TestPeopleService::mergeMovesFacesAndName()
{
    addPhotos(4);
    PeopleService service(m_lib);
    service.cluster();
    const qint64 a = personOfPhoto(0), b = personOfPhoto(1);
    QVERIFY(service.rename(a, QStringLiteral("Bob")));
    QString error;
    QVERIFY2(service.merge(a, b, &error), qPrintable(error));
    QCOMPARE(personOfPhoto(0), b);
    QCOMPARE(PersonStore(m_lib).person(b).faces, qint64(8));
    QCOMPARE(PersonStore(m_lib).person(b).name, QStringLiteral("Bob"));
    QCOMPARE(PersonStore(m_lib).person(a).id, qint64(0));
    QVERIFY(!service.merge(b, b, &error));
    // Clustering again does not split what the user merged.
    service.recluster();
    QCOMPARE(personOfPhoto(0), b);
    QCOMPARE(personOfPhoto(1), b);
}

void TestPeopleService::movedFaceStaysWhereTheUserPutIt()
{
    addPhotos(4);
    PeopleService service(m_lib);
    service.cluster();
    const qint64 target = personOfPhoto(1);
    QVERIFY(service.moveFace(faceOfPhoto(0), target));
    service.recluster();
    QCOMPARE(personOfPhoto(0), target);
    QVERIFY(FaceStore(m_lib).face(faceOfPhoto(0)).manual);
}

void TestPeopleService::splitAndNameFace()
{
    addPhotos(4);
    PeopleService service(m_lib);
    service.cluster();
    const qint64 before = personOfPhoto(0);
    const qint64 own = service.splitFace(faceOfPhoto(0));
    QVERIFY(own > 0 && own != before);
    QCOMPARE(personOfPhoto(0), own);
    QCOMPARE(PersonStore(m_lib).person(before).faces, qint64(3));
    // Naming a face with an existing name puts it on that person.
    QVERIFY(service.rename(before, QStringLiteral("Zoë")));
    QCOMPARE(service.nameFace(faceOfPhoto(0), QStringLiteral("zoë")), before);
    QCOMPARE(personOfPhoto(0), before);
    // A new name on an unnamed person's face names that person.
    const qint64 third = personOfPhoto(2);
    QCOMPARE(service.nameFace(faceOfPhoto(2), QStringLiteral("Mia")), third);
    QCOMPARE(PersonStore(m_lib).person(third).name, QStringLiteral("Mia"));
    QVERIFY(service.setHidden(third, true));
    QCOMPARE(PersonStore(m_lib).people().size(), 2);
    QCOMPARE(PersonStore(m_lib).people(true).size(), 3);
}

void TestPeopleService::searchFindsPeopleByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expected");
    QTest::newRow("plain name") << QStringLiteral("Alice") << QStringLiteral("alice") << 4;
    QTest::newRow("person prefix") << QStringLiteral("Alice") << QStringLiteral("person:Alice") << 4;
    QTest::newRow("two words without quotes") << QStringLiteral("Alice Martin") << QStringLiteral("Alice Martin") << 4;
    QTest::newRow("Cyrillic") << QStringLiteral("Алиса") << QStringLiteral("алиса") << 4;
    QTest::newRow("Chinese") << QStringLiteral("爱丽丝") << QStringLiteral("person:爱丽丝") << 4;
    QTest::newRow("someone else") << QStringLiteral("Alice") << QStringLiteral("person:Bob") << 0;
}

void TestPeopleService::searchFindsPeopleByName()
{
    QFETCH(QString, name);
    QFETCH(QString, query);
    QFETCH(int, expected);
    addPhotos(4);
    PeopleService service(m_lib);
    service.cluster();
    QVERIFY(service.rename(personOfPhoto(0), name));
    const QVector<qint64> found = SearchEngine(m_lib).search(query);
    QCOMPARE(found.size(), expected);
    for (qint64 id : found)
        QVERIFY(id == m_photos[0] || id == m_photos[3] || id == m_photos[6] || id == m_photos[9]);
}

QTEST_GUILESS_MAIN(TestPeopleService)
#include "tst_peopleservice.moc"
