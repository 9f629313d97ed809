// Photos' places in the catalog: found from GPS after a scan, named in any language by search,
// counted as a tree, set by hand and then never overwritten by a rescan or newer place data.

#include "places/placeassigner.h"
#include "places/placelookup.h"
#include "places/placestore.h"
#include "places/placetree.h"
#include "search/searchengine.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestPlaceStore : public QObject {
    Q_OBJECT

    std::unique_ptr<TestLibrary> m_lib;
    qint64 m_paris = 0, m_lyon = 0, m_sanDiego = 0, m_sea = 0, m_noGps = 0;

    QString lib() const { return m_lib->path(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(PlaceIndex::shared(&error), qPrintable(QStringLiteral("place data missing: ") + error));
    }

    // Each slot: two photos in France, one in San Diego, one at sea, one without GPS; places assigned.
    void init()
    {
        m_lib = std::make_unique<TestLibrary>();
        QVERIFY2(m_lib->isOpen(), qPrintable(m_lib->error()));
        m_paris = PhotoFixture(QStringLiteral("/p/a.jpg")).gps(48.8566, 2.3522).saveTo(lib());
        m_lyon = PhotoFixture(QStringLiteral("/p/b.jpg")).gps(45.7640, 4.8357).saveTo(lib());
        m_sanDiego = PhotoFixture(QStringLiteral("/p/c.jpg")).gps(32.7157, -117.1611).saveTo(lib());
        m_sea = PhotoFixture(QStringLiteral("/p/d.jpg")).gps(0.0, -30.0).saveTo(lib());
        m_noGps = PhotoFixture(QStringLiteral("/p/e.jpg")).saveTo(lib());
        QVERIFY(m_paris && m_lyon && m_sanDiego && m_sea && m_noGps);
        const PlaceAssignment a = PlaceAssigner::assignPending(lib(), true);
        QVERIFY2(a.error.isEmpty() && a.unavailable.isEmpty(), qPrintable(a.error + a.unavailable));
        QCOMPARE(a.assigned, 4);
    }

    void cleanup() { m_lib.reset(); }

    void geotaggedPhotosGetPlacesOthersNone()
    {
        PlaceStore store(lib());
        QCOMPARE(store.placeOf(m_paris)->place.country, QStringLiteral("FR"));
        QVERIFY(store.placeOf(m_paris)->place.cityId != 0);
        QVERIFY(store.placeOf(m_sea)->place.atSea);
        QVERIFY(!store.placeOf(m_noGps)); // never guessed
        QVERIFY(!store.hasUnplacedPhotos());
        QCOMPARE(PlaceAssigner::assignPending(lib(), true).assigned, 0); // nothing new: nothing done
    }

    void searchFindsPlacesInAnyLanguage_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("count");
        QTest::newRow("Paris") << "Paris" << 1;
        QTest::newRow("Lyon, lower case") << "lyon" << 1;
        QTest::newRow("California, a region") << "California" << 1;
        QTest::newRow("Kalifornien, region in German") << "Kalifornien" << 1;
        QTest::newRow("place:FR-69, a region code") << "place:FR-69" << 1;
        QTest::newRow("巴黎") << "巴黎" << 1;
        QTest::newRow("França, Portuguese country") << "França" << 2;
        QTest::newRow("Frankreich") << "Frankreich" << 2;
        QTest::newRow("place:FR code") << "place:FR" << 2;
        QTest::newRow("San Diego, two words unquoted") << "San Diego" << 1;
        QTest::newRow("bare ISO code is not a place") << "fr" << 0;
        QTest::newRow("nowhere") << "Atlantis" << 0;
        QTest::newRow("at sea") << "\"at sea\"" << 1;
        QTest::newRow("place:sea") << "place:sea" << 1;
    }

    void searchFindsPlacesInAnyLanguage()
    {
        QFETCH(QString, query);
        QFETCH(int, count);
        QString error;
        QCOMPARE(SearchEngine(lib()).search(query, &error).size(), count);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void treeCountsCountriesRegionsTowns()
    {
        const QList<PlaceNode> tree
            = PlaceTree::build(PlaceStore(lib()).counts(), PlaceIndex::shared(), QStringLiteral("de"));
        QCOMPARE(tree.size(), 3); // France, United States, at sea
        QCOMPARE(tree.first().name, QStringLiteral("Frankreich"));
        QCOMPARE(tree.first().photos, 2);
        QCOMPARE(tree.first().children.size(), 2); // two regions
        QCOMPARE(tree.first().children.first().children.size(), 1); // each with its town
        QCOMPARE(tree.last().kind, PlaceNode::Kind::Sea);
    }

    void manualPlaceSurvivesRescansAndNewData()
    {
        PlaceStore store(lib());
        PlaceMatch tokyo;
        tokyo.found = true;
        tokyo.country = QStringLiteral("JP");
        QVERIFY(store.setManualPlace({ m_paris }, tokyo));
        // Newer place data redoes every GPS place, never a manual one.
        QVERIFY(store.storeGpsPlaces(
            { { m_paris, PlaceMatch { true, false, QStringLiteral("FR"), 1, 0, 0, 0, {} }, false, std::nullopt } },
            QStringLiteral("other-version")));
        PlaceAssigner::assignPending(lib(), false);
        QCOMPARE(store.placeOf(m_paris)->place.country, QStringLiteral("JP"));
        QVERIFY(store.placeOf(m_paris)->manual);
        QCOMPARE(SearchEngine(lib()).search(QStringLiteral("Japan")).size(), 1);
    }

    void placeByNameForSettingByHand_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("country");
        QTest::addColumn<bool>("town");
        QTest::newRow("Kyoto") << "Kyoto" << true << "JP" << true;
        QTest::newRow("京都, Japanese") << "京都" << true << "JP" << true;
        QTest::newRow("Moskau, German") << "Moskau" << true << "RU" << true;
        QTest::newRow("Bavaria, a region") << "Bavaria" << true << "DE" << false;
        QTest::newRow("Frankreich, a country in German") << "Frankreich" << true << "FR" << false;
        QTest::newRow("nothing") << "Qwzxv Nowhere" << false << "" << false;
    }

    void placeByNameForSettingByHand()
    {
        QFETCH(QString, name);
        QFETCH(bool, found);
        QFETCH(QString, country);
        QFETCH(bool, town);
        const PlaceMatch m = PlaceLookup::byName(*PlaceIndex::shared(), name);
        QCOMPARE(m.found, found);
        QCOMPARE(m.country, country);
        QCOMPARE(m.cityId != 0, town);
    }

    void olderPlaceDataIsRedone()
    {
        PlaceStore store(lib());
        QVERIFY(store.storeGpsPlaces(
            { { m_lyon, PlaceMatch { true, false, QStringLiteral("DE"), 0, 0, 0, 0, {} }, false, std::nullopt } },
            QStringLiteral("old")));
        QCOMPARE(store.placeOf(m_lyon)->place.country, QStringLiteral("DE"));
        QCOMPARE(PlaceAssigner::assignPending(lib(), false).assigned, 1);
        QCOMPARE(store.placeOf(m_lyon)->place.country, QStringLiteral("FR"));
    }
};

QTEST_GUILESS_MAIN(TestPlaceStore)
#include "tst_placestore.moc"
