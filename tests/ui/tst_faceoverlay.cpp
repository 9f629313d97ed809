// Face boxes in the viewer: the photo's faces with their person's name over the image, found where
// the image is drawn, and a face named from its box.

#include "pages/imageview.h"
#include "people/faceoverlay.h"
#include "people/facestore.h"
#include "people/peopleservice.h"
#include "people/personstore.h"
#include "search/searchengine.h"
#include "support/facefixture.h"
#include "support/testlibrary.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestFaceOverlay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void boxesShowNamesWhereTheImageIs();
    void clickingNamesTheFace_data();
    void clickingNamesTheFace();
    void notThisPersonFromTheViewerSurvivesARescan();
};

namespace {

// Four photos of one person (one face each) and a fifth with that person and a stranger.
struct Fixture {
    TestLibrary lib;
    qint64 group = 0;
    Fixture()
    {
        SyntheticFaces gen(4);
        gen.addPerson();
        gen.addPerson();
        for (int i = 0; i < 4; ++i)
            savePhotoWithFaces(lib.path(), i, { syntheticFace(gen.face(0)) });
        group = savePhotoWithFaces(lib.path(), 9,
            { syntheticFace(gen.face(0), QRectF(0.1, 0.2, 0.2, 0.2)),
                syntheticFace(gen.face(1), QRectF(0.6, 0.2, 0.2, 0.2)) });
        PeopleService(lib.path()).cluster();
    }
};

} // namespace

void TestFaceOverlay::boxesShowNamesWhereTheImageIs()
{
    Fixture f;
    const qint64 person = PersonStore(f.lib.path()).people().value(0).id;
    QVERIFY(PeopleService(f.lib.path()).rename(person, QStringLiteral("Ines")));
    ImageView view;
    view.resize(800, 400); // a square image is fitted in the middle: 400x400 at x = 200
    QImage image(1000, 1000, QImage::Format_RGB32);
    image.fill(Qt::darkGray);
    view.setImage(image);
    view.show();
    auto* overlay = new FaceOverlay(&view);
    QSignalSpy shown(overlay, &FaceOverlay::facesShown);
    overlay->showPhoto(f.lib.path(), f.group);
    QVERIFY(shown.wait(10000));
    QCOMPARE(overlay->boxes().size(), 2);
    QCOMPARE(overlay->boxes().at(0).name, QStringLiteral("Ines"));
    QCOMPARE(overlay->boxes().at(1).name, QString()); // the stranger has nobody
    QCOMPARE(overlay->faceAt(QPointF(200 + 0.2 * 400, 0.3 * 400)), 0);
    QCOMPARE(overlay->faceAt(QPointF(200 + 0.7 * 400, 0.3 * 400)), 1);
    QCOMPARE(overlay->faceAt(QPointF(200 + 0.45 * 400, 0.3 * 400)), -1);
    QCOMPARE(overlay->size(), view.size());
}

void TestFaceOverlay::clickingNamesTheFace_data()
{
    QTest::addColumn<int>("box");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("photos"); // found by searching the name afterwards
    QTest::newRow("the known face names its whole cluster") << 0 << QStringLiteral("Ines") << 5;
    QTest::newRow("a stranger becomes someone") << 1 << QStringLiteral("Олег") << 1;
}

void TestFaceOverlay::clickingNamesTheFace()
{
    QFETCH(int, box);
    QFETCH(QString, name);
    QFETCH(int, photos);
    Fixture f;
    ImageView view;
    auto* overlay = new FaceOverlay(&view);
    QSignalSpy shown(overlay, &FaceOverlay::facesShown);
    overlay->showPhoto(f.lib.path(), f.group);
    QVERIFY(shown.wait(10000));
    overlay->nameFace(overlay->boxes().at(box).faceId, name);
    QVERIFY(shown.wait(10000)); // shown again after naming
    QCOMPARE(overlay->boxes().at(box).name, name);
    QCOMPARE(SearchEngine(f.lib.path()).search(name).size(), photos);
}

void TestFaceOverlay::notThisPersonFromTheViewerSurvivesARescan()
{
    Fixture f;
    const qint64 person = PersonStore(f.lib.path()).people().value(0).id;
    QVERIFY(PeopleService(f.lib.path()).rename(person, QStringLiteral("Ines")));
    ImageView view;
    auto* overlay = new FaceOverlay(&view);
    QSignalSpy shown(overlay, &FaceOverlay::facesShown);
    overlay->showPhoto(f.lib.path(), f.group);
    QVERIFY(shown.wait(10000));
    QCOMPARE(overlay->boxes().at(0).name, QStringLiteral("Ines"));
    const qint64 faceId = overlay->boxes().at(0).faceId;
    overlay->rejectFace(faceId); // the box's right-button action
    QVERIFY(shown.wait(10000));
    QCOMPARE(overlay->boxes().at(0).name, QString());
    // A rescan with a newer face model finds the same face (same box, same descriptor) and clusters.
    const StoredFace again = FaceStore(f.lib.path()).face(faceId, true);
    QVERIFY(FaceStore(f.lib.path())
                .replaceFaces(f.group, QStringLiteral("newer@2"),
                    { syntheticFace(again.descriptor, again.box),
                        syntheticFace(FaceStore(f.lib.path()).face(overlay->boxes().at(1).faceId, true).descriptor,
                            QRectF(0.6, 0.2, 0.2, 0.2)) }));
    QVERIFY(PeopleService(f.lib.path()).cluster().error.isEmpty());
    QCOMPARE(FaceStore(f.lib.path()).face(faceId).id, faceId); // the same row, verdict and all
    QCOMPARE(FaceStore(f.lib.path()).face(faceId).personId, qint64(0));
    overlay->showPhoto(f.lib.path(), f.group);
    QVERIFY(shown.wait(10000));
    QCOMPARE(overlay->boxes().at(0).name, QString());
    QCOMPARE(SearchEngine(f.lib.path()).search(QStringLiteral("Ines")).size(), 4); // the group photo is out
}

QTEST_MAIN(TestFaceOverlay)
#include "tst_faceoverlay.moc"
