// The Places view as a user sees it: the library's countries in the tree in the chosen language, the
// photos as bubbles on the map, and a click on a bubble or a place showing those photos.

#include "places/placemapwidget.h"
#include "places/placespage.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestPlacesPage : public QObject {
    Q_OBJECT

    std::unique_ptr<TestLibrary> m_lib;
    std::unique_ptr<PlacesPage> m_page;
    qint64 m_paris = 0, m_lyon = 0, m_tokyo = 0;

    QStringList topLevelNames() const
    {
        QStringList names;
        for (int i = 0; i < m_page->tree()->topLevelItemCount(); ++i)
            names << m_page->tree()->topLevelItem(i)->text(0);
        return names;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Each slot: two photos in France, one in Japan, one without GPS, shown in a 900x600 page.
    void init()
    {
        m_lib = std::make_unique<TestLibrary>();
        QVERIFY2(m_lib->isOpen(), qPrintable(m_lib->error()));
        m_paris = PhotoFixture(QStringLiteral("/p/a.jpg")).gps(48.8566, 2.3522).saveTo(m_lib->path());
        m_lyon = PhotoFixture(QStringLiteral("/p/b.jpg")).gps(45.7640, 4.8357).saveTo(m_lib->path());
        m_tokyo = PhotoFixture(QStringLiteral("/p/c.jpg")).gps(35.6895, 139.6917).saveTo(m_lib->path());
        QVERIFY(PhotoFixture(QStringLiteral("/p/d.jpg")).saveTo(m_lib->path()));
        m_page = std::make_unique<PlacesPage>();
        m_page->resize(900, 600);
        m_page->setLibrary(m_lib->path());
        m_page->show();
    }

    void cleanup()
    {
        m_page.reset();
        m_lib.reset();
    }

    void treeShowsCountriesInTheChosenLanguage_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("countries");
        QTest::newRow("English") << "en" << QStringList { "France", "Japan" };
        QTest::newRow("German") << "de" << QStringList { "Frankreich", "Japan" };
        QTest::newRow("Japanese") << "ja" << QStringList { "フランス", "日本" };
    }

    void treeShowsCountriesInTheChosenLanguage()
    {
        QFETCH(QString, lang);
        QFETCH(QStringList, countries);
        m_page->setLanguage(lang);
        m_page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading() && m_page->tree()->topLevelItemCount() > 0, 20000);
        QCOMPARE(topLevelNames(), countries); // most photos first
        QCOMPARE(m_page->tree()->topLevelItem(0)->text(1), QStringLiteral("2"));
    }

    void clickingABubbleShowsItsPhotos()
    {
        m_page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading() && m_page->tree()->topLevelItemCount() > 0, 20000);
        PlaceMapWidget* map = m_page->map();
        map->centerOn(47, 3.5, 8); // France fills the map: Paris and Lyon apart, Tokyo off screen
        const auto bubbles = map->bubbles();
        QCOMPARE(bubbles.size(), 2);
        QSignalSpy spy(m_page.get(), &PlacesPage::photosRequested);
        const auto paris = bubbles[0].lat > bubbles[1].lat ? bubbles[0] : bubbles[1];
        QTest::mouseClick(map, Qt::LeftButton, {}, paris.center.toPoint());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(1).value<QVector<qint64>>(), QVector<qint64> { m_paris });
    }

    void zoomedOutNearbyPhotosShareABubble()
    {
        m_page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading() && m_page->tree()->topLevelItemCount() > 0, 20000);
        m_page->map()->centerOn(20, 0, 1);
        QCOMPARE(m_page->map()->bubbles().size(), 2); // France together, Japan alone
    }

    void activatingAPlaceAsksForItsSearch()
    {
        m_page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading() && m_page->tree()->topLevelItemCount() > 0, 20000);
        QSignalSpy spy(m_page.get(), &PlacesPage::searchRequested);
        Q_EMIT m_page->tree()->itemActivated(m_page->tree()->topLevelItem(1), 0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toString(), QStringLiteral("place:JP"));
    }
};

QTEST_MAIN(TestPlacesPage)
#include "tst_placespage.moc"
