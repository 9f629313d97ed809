// Places through the real scan: JPEGs with EXIF GPS get their place when the scan job ends, photos
// without GPS get none, and a rescan keeps a place set by hand.

#include "catalog/database.h"
#include "catalog/photostore.h"
#include "places/placestore.h"
#include "scan/scanjob.h"
#include "support/exiffixture.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestPlaceScan : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_lib, m_photos;

    qint64 idOf(const QString& name) const
    {
        const auto r = PhotoStore(m_lib).photoByPath(QFile::encodeName(m_photos + QLatin1Char('/') + name));
        return r ? r->id : 0;
    }

    ScanJobResult scan() const
    {
        ScanJob job(m_lib, {});
        job.setWriteThumbnails(false);
        return job.run({ QFile::encodeName(m_photos) });
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_lib = m_dir.filePath(QStringLiteral("library-%1.db").arg(QTest::currentTestFunction()));
        m_photos = m_dir.filePath(QStringLiteral("photos-%1").arg(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(m_photos));
        QString error;
        QVERIFY2(Database::open(m_lib, &error), qPrintable(error));
        auto write = [this](const QString& name, std::optional<double> lat, std::optional<double> lon) {
            ExifFields f;
            f.dateTimeOriginal = "2023:08:01 10:00:00";
            f.latitude = lat;
            f.longitude = lon;
            return writeFile(m_photos + QLatin1Char('/') + name, jpegWithExif(markedImage(320, 240), f));
        };
        QVERIFY(write(QStringLiteral("munich.jpg"), 48.1374, 11.5755));
        QVERIFY(write(QStringLiteral("rio.jpg"), -22.9068, -43.1729)); // southern and western hemispheres
        QVERIFY(write(QStringLiteral("nogps.jpg"), std::nullopt, std::nullopt));
    }

    void cleanup() { Database::closeThreadConnection(m_lib); }

    void scanFindsPlacesOfGeotaggedPhotos()
    {
        const ScanJobResult r = scan();
        QCOMPARE(r.scan.totals.added, qint64(3));
        QVERIFY2(r.places.unavailable.isEmpty() && r.places.error.isEmpty(),
            qPrintable(r.places.unavailable + r.places.error));
        QCOMPARE(r.places.assigned, 2);
        PlaceStore store(m_lib);
        QCOMPARE(store.placeOf(idOf(QStringLiteral("munich.jpg")))->place.country, QStringLiteral("DE"));
        QCOMPARE(store.placeOf(idOf(QStringLiteral("rio.jpg")))->place.country, QStringLiteral("BR"));
        QVERIFY(!store.placeOf(idOf(QStringLiteral("nogps.jpg"))));
    }

    void rescanKeepsAManualPlace()
    {
        scan();
        PlaceMatch vienna;
        vienna.found = true;
        vienna.country = QStringLiteral("AT");
        const qint64 munich = idOf(QStringLiteral("munich.jpg"));
        QVERIFY(PlaceStore(m_lib).setManualPlace({ munich }, vienna));
        QCOMPARE(scan().places.assigned, 0);
        QCOMPARE(PlaceStore(m_lib).placeOf(munich)->place.country, QStringLiteral("AT"));
    }

    void captureOffsetFromPlace_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<QByteArray>("ownOffset");
        QTest::addColumn<QTime>("gpsTime"); // UTC on 2023-08-01; invalid: none
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("source");
        QTest::newRow("no offset in Munich: summer time there")
            << 48.1374 << 11.5755 << QByteArray() << QTime() << 120 << QStringLiteral("location");
        QTest::newRow("no offset in Tokyo, GPS clock")
            << 35.6762 << 139.6503 << QByteArray() << QTime(1, 0, 3) << 540 << QStringLiteral("gps-time");
        QTest::newRow("Tokyo offset written, GPS clock says Berlin time")
            << 35.6762 << 139.6503 << QByteArray("+09:00") << QTime(8, 0, 0) << 120 << QStringLiteral("gps-time");
        QTest::newRow("own offset kept in Rio")
            << -22.9068 << -43.1729 << QByteArray("-03:00") << QTime() << -180 << QStringLiteral("exif");
    }

    void captureOffsetFromPlace()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(QByteArray, ownOffset);
        QFETCH(QTime, gpsTime);
        QFETCH(int, offset);
        QFETCH(QString, source);
        ExifFields f;
        f.dateTimeOriginal = "2023:08:01 10:00:00";
        f.offsetOriginal = ownOffset;
        f.latitude = lat, f.longitude = lon;
        if (gpsTime.isValid()) {
            f.gpsDate = "2023:08:01";
            f.gpsTime = std::array<unsigned, 3> { unsigned(gpsTime.hour()), unsigned(gpsTime.minute()),
                unsigned(gpsTime.second()) };
        }
        const QString name = QStringLiteral("offset.jpg");
        QVERIFY(writeFile(m_photos + QLatin1Char('/') + name, jpegWithExif(markedImage(320, 240), f)));
        for (int pass = 0; pass < 2; ++pass) { // a rescan of the edited file fills it in again
            if (pass == 1)
                QVERIFY(writeFile(m_photos + QLatin1Char('/') + name, jpegWithExif(markedImage(300, 200), f)));
            scan();
            const auto r = PhotoStore(m_lib).photoById(idOf(name));
            QVERIFY(r);
            QCOMPARE(r->meta.takenAt, QDateTime(QDate(2023, 8, 1), QTime(10, 0)));
            QCOMPARE(r->meta.utcOffsetMinutes, std::optional<int>(offset));
            QCOMPARE(r->meta.offsetSource, source);
            QVERIFY(PlaceStore(m_lib).placeOf(r->id));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlaceScan)
#include "tst_placescan.moc"
