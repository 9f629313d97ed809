#include "image/exifreader.h"
#include "support/exiffixture.h"

#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestExifReader : public QObject {
    Q_OBJECT
private:
    static PhotoMetadata readBack(const ExifFields& f)
    {
        const QByteArray jpeg = jpegWithExif(markedImage(64, 48), f);
        PhotoMetadata m;
        ExifReader::read(reinterpret_cast<const unsigned char*>(jpeg.constData()), size_t(jpeg.size()), ImageFormat::Jpeg, m);
        return m;
    }

private Q_SLOTS:
    void readsCaptureTimeWithSubSecondsAndOffset()
    {
        ExifFields f;
        f.dateTimeOriginal = "2019:07:14 12:34:56";
        f.subSecOriginal = "12";
        f.offsetOriginal = "-05:30";
        const PhotoMetadata m = readBack(f);
        QCOMPARE(m.takenAt, QDateTime(QDate(2019, 7, 14), QTime(12, 34, 56, 120), Qt::LocalTime));
        QCOMPARE(m.takenSource, QStringLiteral("exif"));
        QVERIFY(m.utcOffsetMinutes.has_value());
        QCOMPARE(*m.utcOffsetMinutes, -330);
    }

    void readsCameraLensExposure()
    {
        ExifFields f;
        f.make = "Canon";
        f.model = "Canon EOS 5D Mark IV";
        f.lens = "EF24-70mm f/2.8L II USM";
        f.exposure = {1, 250};
        f.fNumber = {28, 10};
        f.iso = 800;
        const PhotoMetadata m = readBack(f);
        QCOMPARE(m.cameraMake, QStringLiteral("Canon"));
        QCOMPARE(m.cameraModel, QStringLiteral("Canon EOS 5D Mark IV"));
        QCOMPARE(m.lens, QStringLiteral("EF24-70mm f/2.8L II USM"));
        QCOMPARE(*m.exposureTime, 1.0 / 250);
        QCOMPARE(*m.fNumber, 2.8);
        QCOMPARE(*m.iso, 800);
    }

    void readsGps_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("alt");
        QTest::newRow("north-east") << 48.858370 << 2.294481 << 35.5;
        QTest::newRow("south-west") << -33.856784 << -70.651 << 520.0;
        QTest::newRow("below sea level") << 31.5590 << 35.4732 << -430.5;
    }
    void readsGps()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(double, alt);
        ExifFields f;
        f.latitude = lat;
        f.longitude = lon;
        f.altitude = alt;
        const PhotoMetadata m = readBack(f);
        QVERIFY(m.gps.has_value());
        QVERIFY(qAbs(m.gps->latitude - lat) < 1e-5);
        QVERIFY(qAbs(m.gps->longitude - lon) < 1e-5);
        QVERIFY(qAbs(*m.gps->altitude - alt) < 0.06);
    }

    void readsEveryOrientation_data()
    {
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o)
            QTest::newRow(qPrintable(QString::number(o))) << o;
    }
    void readsEveryOrientation()
    {
        QFETCH(int, orientation);
        ExifFields f;
        f.orientation = orientation;
        QCOMPARE(readBack(f).orientation, orientation);
    }

    void malformedExifNeverCrashes()
    {
        const QByteArray plain = jpegWithExif(markedImage(32, 32), ExifFields{});
        QByteArray garbage("Exif\0\0", 6);
        for (int i = 0; i < 600; ++i)
            garbage.append(char((i * 7919) & 0xFF));
        // A claimed IFD offset far past the end, and a truncated block.
        const QByteArray variants[] = {insertApp1(plain, garbage), insertApp1(plain, QByteArray("Exif\0\0II*\0\xff\xff\xff\x7f", 14)),
                                       insertApp1(plain, QByteArray("Exif\0\0MM", 8))};
        for (const QByteArray& v : variants) {
            PhotoMetadata m;
            ExifReader::read(reinterpret_cast<const unsigned char*>(v.constData()), size_t(v.size()), ImageFormat::Jpeg, m);
            QVERIFY(m.orientation >= 1 && m.orientation <= 8);
        }
    }

    void rejectsImpossibleDates()
    {
        QVERIFY(!ExifReader::parseDateTime("0000:00:00 00:00:00", {}).isValid());
        QVERIFY(!ExifReader::parseDateTime("    :  :     :  :  ", {}).isValid());
        QVERIFY(!ExifReader::parseDateTime("2019:13:40 25:00:00", {}).isValid());
        QVERIFY(ExifReader::parseDateTime("2019-07-14T12:34:56", {}).isValid());
        QVERIFY(!ExifReader::parseOffset("+2:00").has_value());
        QCOMPARE(*ExifReader::parseOffset("+09:00"), 540);
    }
};

QTEST_GUILESS_MAIN(TestExifReader)
#include "tst_exifreader.moc"
