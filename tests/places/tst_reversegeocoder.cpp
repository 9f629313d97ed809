// The reverse geocoder's rules on known coordinates: the country from the polygon across borders
// (never the nearest city's), the town in that country, islands, coasts and open sea, and names in
// the user's languages. Uses the place data the build made from the fetched packages.

#include "places/placeindex.h"
#include "places/placenames.h"
#include "places/reversegeocoder.h"

#include <QTest>

using namespace shoebox;

class TestReverseGeocoder : public QObject {
    Q_OBJECT

    const PlaceIndex* m_index = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_index = PlaceIndex::shared(&error);
        QVERIFY2(m_index, qPrintable(QStringLiteral("place data missing: ") + error));
    }

    void countryAndTown_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("town"); // English/GeoNames name; empty: none expected or any
        QTest::newRow("Basel") << 47.5596 << 7.5886 << "CH"
                               << "Basel";
        QTest::newRow("Strasbourg") << 48.5839 << 7.7455 << "FR"
                                    << "Strasbourg";
        QTest::newRow("Kehl, across the Rhine from Strasbourg") << 48.5700 << 7.8150 << "DE"
                                                                << "Kehl";
        QTest::newRow("Detroit") << 42.3480 << -83.0600 << "US"
                                 << "Detroit";
        QTest::newRow("Windsor, across the river") << 42.3000 << -83.0150 << "CA"
                                                   << "Windsor";
        QTest::newRow("Shenzhen") << 22.5431 << 114.0579 << "CN"
                                  << "Shenzhen";
        QTest::newRow("Hong Kong") << 22.2800 << 114.1600 << "HK"
                                   << "";
        QTest::newRow("Tijuana") << 32.5149 << -117.0382 << "MX"
                                 << "Tijuana";
        QTest::newRow("San Diego") << 32.7157 << -117.1611 << "US"
                                   << "San Diego";
        QTest::newRow("Honolulu, an island") << 21.3069 << -157.8583 << "US"
                                             << "Honolulu";
        QTest::newRow("Sydney Opera House, not a neighbourhood") << -33.8568 << 151.2153 << "AU"
                                                                 << "Sydney";
        QTest::newRow("Louvre, Paris") << 48.8606 << 2.3376 << "FR"
                                       << "Paris";
        QTest::newRow("Reykjavik") << 64.1466 << -21.9426 << "IS"
                                   << "Reykjavik";
    }

    void countryAndTown()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(QString, country);
        QFETCH(QString, town);
        const PlaceMatch m = ReverseGeocoder(*m_index).lookup(lat, lon);
        QVERIFY(m.found);
        QVERIFY(!m.atSea);
        QCOMPARE(m.country, country);
        QVERIFY(m.regionId != 0);
        if (!town.isEmpty())
            QCOMPARE(PlaceNames::city(*m_index, m.cityId, QStringLiteral("en")), town);
    }

    void borderTownNeverFromTheOtherCountry()
    {
        // Montana a few kilometres south of Alberta: the nearest towns are Canadian.
        const PlaceMatch m = ReverseGeocoder(*m_index).lookup(48.97, -111.96);
        QCOMPARE(m.country, QStringLiteral("US"));
        if (m.cityId)
            QCOMPARE(m_index->city(m.cityId)->country, QStringLiteral("US"));
    }

    void seaAndCoast_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<bool>("atSea");
        QTest::addColumn<QString>("country");
        QTest::newRow("mid-Atlantic") << 0.0 << -30.0 << true << "";
        QTest::newRow("Pacific") << -30.0 << -140.0 << true << "";
        QTest::newRow("off Nice, 5 km") << 43.65 << 7.30 << false << "FR";
        QTest::newRow("off Sydney, 8 km") << -33.86 << 151.35 << false << "AU";
    }

    void seaAndCoast()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(bool, atSea);
        QFETCH(QString, country);
        const PlaceMatch m = ReverseGeocoder(*m_index).lookup(lat, lon);
        QVERIFY(m.found);
        QCOMPARE(m.atSea, atSea);
        QCOMPARE(m.country, country);
    }

    void timeZone_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<QByteArray>("zone");
        QTest::newRow("Tokyo") << 35.6762 << 139.6503 << QByteArray("Asia/Tokyo");
        QTest::newRow("Detroit") << 42.3480 << -83.0600 << QByteArray("America/Detroit");
        QTest::newRow("Windsor, across the river") << 42.3000 << -83.0150 << QByteArray("America/Toronto");
        QTest::newRow("Tijuana") << 32.5149 << -117.0382 << QByteArray("America/Tijuana");
        QTest::newRow("Kehl") << 48.5700 << 7.8150 << QByteArray("Europe/Berlin");
        QTest::newRow("Pacific, nautical") << -30.0 << -140.0 << QByteArray("Etc/GMT+9");
        QTest::newRow("mid-Atlantic, nautical") << 0.0 << -30.0 << QByteArray("Etc/GMT+2");
    }

    void timeZone()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(QByteArray, zone);
        QCOMPARE(ReverseGeocoder(*m_index).lookup(lat, lon).timeZone, zone);
    }

    void invalidPositionsFindNothing_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::newRow("latitude beyond the pole") << 91.0 << 0.0;
        QTest::newRow("longitude beyond 180") << 0.0 << 181.0;
        QTest::newRow("not a number") << std::nan("") << 10.0;
    }

    void invalidPositionsFindNothing()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QVERIFY(!ReverseGeocoder(*m_index).lookup(lat, lon).found);
    }

    void names_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("label");
        QTest::newRow("Paris, Chinese") << 48.8566 << 2.3522 << "zh_CN"
                                        << "巴黎";
        QTest::newRow("Paris, German country") << 48.8566 << 2.3522 << "de"
                                               << "Frankreich";
        QTest::newRow("Tokyo, Japanese") << 35.6895 << 139.6917 << "ja"
                                         << "日本";
        QTest::newRow("Taipei, Traditional Chinese") << 25.0330 << 121.5654 << "zh_TW"
                                                     << "台灣";
        QTest::newRow("Berlin, Russian") << 52.5200 << 13.4050 << "ru"
                                         << "Германия";
        QTest::newRow("Munich, Brazilian Portuguese") << 48.1374 << 11.5755 << "pt_BR"
                                                      << "Alemanha";
        QTest::newRow("Munich, German region") << 48.1374 << 11.5755 << "de"
                                               << "Bayern";
    }

    void names()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(QString, lang);
        QFETCH(QString, label);
        const PlaceMatch m = ReverseGeocoder(*m_index).lookup(lat, lon);
        const QString text = PlaceNames::label(*m_index, m, lang);
        QVERIFY2(text.contains(label), qPrintable(text));
    }

    void languagesMatchLocales_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("lang");
        QTest::newRow("de_DE.UTF-8") << "de_DE.UTF-8"
                                     << "de";
        QTest::newRow("zh_HK") << "zh_HK"
                               << "zh_TW";
        QTest::newRow("zh-Hans") << "zh-Hans"
                                 << "zh_CN";
        QTest::newRow("pt_PT") << "pt_PT"
                               << "pt_BR";
        QTest::newRow("unknown") << "xx"
                                 << "en";
    }

    void languagesMatchLocales()
    {
        QFETCH(QString, locale);
        QFETCH(QString, lang);
        QCOMPARE(PlaceNames::matchLanguage(locale), lang);
    }
};

QTEST_GUILESS_MAIN(TestReverseGeocoder)
#include "tst_reversegeocoder.moc"
