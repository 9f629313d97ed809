#include "image/exifreader.h"
#include "support/exiffixture.h"

#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

Q_DECLARE_METATYPE(shoebox::test::ExifFields)

namespace {
constexpr int kNoOffset = 100000; // no time zone offset stored

ExifFields captured(const char* dateTimeOriginal, const char* subSecOriginal, const char* offsetOriginal)
{
    ExifFields f;
    f.dateTimeOriginal = dateTimeOriginal;
    f.subSecOriginal = subSecOriginal;
    f.offsetOriginal = offsetOriginal;
    return f;
}

ExifFields placed(double latitude, double longitude, double altitude)
{
    ExifFields f;
    f.latitude = latitude;
    f.longitude = longitude;
    f.altitude = altitude;
    return f;
}
} // namespace

class TestExifReader : public QObject {
    Q_OBJECT
private:
    static PhotoMetadata readBack(const ExifFields& f)
    {
        const QByteArray jpeg = jpegWithExif(markedImage(64, 48), f);
        PhotoMetadata m;
        ExifReader::read(
            reinterpret_cast<const unsigned char*>(jpeg.constData()), size_t(jpeg.size()), ImageFormat::Jpeg, m);
        return m;
    }

private Q_SLOTS:
    void readsCaptureTimeWithSubSecondsAndOffset_data()
    {
        QTest::addColumn<ExifFields>("fields");
        QTest::addColumn<QDateTime>("takenAt");
        QTest::addColumn<int>("offsetMinutes"); // kNoOffset: none stored
        QTest::newRow("sub-seconds, offset west")
            << captured("2019:07:14 12:34:56", "12", "-05:30")
            << QDateTime(QDate(2019, 7, 14), QTime(12, 34, 56, 120), Qt::LocalTime) << -330;
        QTest::newRow("whole seconds, offset east")
            << captured("2020:02:29 23:59:59", "", "+09:00")
            << QDateTime(QDate(2020, 2, 29), QTime(23, 59, 59), Qt::LocalTime) << 540;
        QTest::newRow("no offset") << captured("2019:07:14 12:34:56", "500", "")
                                   << QDateTime(QDate(2019, 7, 14), QTime(12, 34, 56, 500), Qt::LocalTime) << kNoOffset;
    }
    void readsCaptureTimeWithSubSecondsAndOffset()
    {
        QFETCH(ExifFields, fields);
        QFETCH(QDateTime, takenAt);
        QFETCH(int, offsetMinutes);
        const PhotoMetadata m = readBack(fields);
        QCOMPARE(m.takenAt, takenAt);
        QCOMPARE(m.takenSource, QStringLiteral("exif"));
        QCOMPARE(m.utcOffsetMinutes.value_or(kNoOffset), offsetMinutes);
    }

    void readsCameraLensExposure()
    {
        ExifFields f;
        f.make = "Canon";
        f.model = "Canon EOS 5D Mark IV";
        f.lens = "EF24-70mm f/2.8L II USM";
        f.exposure = { 1, 250 };
        f.fNumber = { 28, 10 };
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
        QTest::addColumn<ExifFields>("fields");
        QTest::newRow("north-east") << placed(48.858370, 2.294481, 35.5);
        QTest::newRow("south-west") << placed(-33.856784, -70.651, 520.0);
        QTest::newRow("below sea level") << placed(31.5590, 35.4732, -430.5);
    }
    void readsGps()
    {
        QFETCH(ExifFields, fields);
        const PhotoMetadata m = readBack(fields);
        QVERIFY(m.gps.has_value());
        QVERIFY(qAbs(m.gps->latitude - *fields.latitude) < 1e-5);
        QVERIFY(qAbs(m.gps->longitude - *fields.longitude) < 1e-5);
        QVERIFY(qAbs(*m.gps->altitude - *fields.altitude) < 0.06);
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

    void malformedExifNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("app1");
        QByteArray garbage("Exif\0\0", 6);
        for (int i = 0; i < 600; ++i)
            garbage.append(char((i * 7919) & 0xFF));
        QTest::newRow("garbage") << garbage;
        QTest::newRow("IFD offset far past the end") << QByteArray("Exif\0\0II*\0\xff\xff\xff\x7f", 14);
        QTest::newRow("truncated block") << QByteArray("Exif\0\0MM", 8);
    }
    void malformedExifNeverCrashes()
    {
        QFETCH(QByteArray, app1);
        const QByteArray jpeg = insertApp1(jpegWithExif(markedImage(32, 32), ExifFields {}), app1);
        PhotoMetadata m;
        ExifReader::read(
            reinterpret_cast<const unsigned char*>(jpeg.constData()), size_t(jpeg.size()), ImageFormat::Jpeg, m);
        QCOMPARE(m.orientation, 1); // nothing read, nothing made up
        QVERIFY(!m.takenAt.isValid());
    }

    void parsesOnlyRealDates_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("all zeros") << QByteArray("0000:00:00 00:00:00") << false;
        QTest::newRow("blanks") << QByteArray("    :  :     :  :  ") << false;
        QTest::newRow("month 13, hour 25") << QByteArray("2019:13:40 25:00:00") << false;
        QTest::newRow("ISO separators") << QByteArray("2019-07-14T12:34:56") << true;
    }
    void parsesOnlyRealDates()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(ExifReader::parseDateTime(text, {}).isValid(), valid);
    }

    void parsesOnlyWellFormedOffsets_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("minutes"); // kNoOffset: rejected
        QTest::newRow("one-digit hour") << QByteArray("+2:00") << kNoOffset;
        QTest::newRow("east") << QByteArray("+09:00") << 540;
    }
    void parsesOnlyWellFormedOffsets()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, minutes);
        QCOMPARE(ExifReader::parseOffset(text).value_or(kNoOffset), minutes);
    }
};

QTEST_GUILESS_MAIN(TestExifReader)
#include "tst_exifreader.moc"
