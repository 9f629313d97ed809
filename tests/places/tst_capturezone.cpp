// The capture-time fix: a photo's UTC offset from its GPS clock or from the time zone of its place,
// and a video's UTC time turned into the local time of where it was filmed.

#include "places/capturezone.h"

#include <QTest>

using namespace shoebox;

namespace {

QDateTime wall(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

QDateTime utc(const char* iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    return QDateTime(t.date(), t.time(), Qt::UTC);
}

} // namespace

class TestCaptureZone : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolve_data()
    {
        QTest::addColumn<QDateTime>("wall");
        QTest::addColumn<int>("offset"); // -9999: none
        QTest::addColumn<QString>("source");
        QTest::addColumn<QDateTime>("gps");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<bool>("fixed");
        QTest::addColumn<QDateTime>("fixedWall");
        QTest::addColumn<int>("fixedOffset");
        QTest::addColumn<QString>("fixedSource");

        const QDateTime none;
        const QDateTime tokyo = wall("2024-07-01T10:00:00");
        QTest::newRow("no offset: the place's zone") << tokyo << -9999 << QString() << none << QByteArray("Asia/Tokyo")
                                                     << true << tokyo << 540 << QStringLiteral("location");
        const QDateTime ny = wall("2024-07-04T20:00:00");
        QTest::newRow("summer time where it was taken")
            << ny << -9999 << QString() << none << QByteArray("America/New_York") << true << ny << -240
            << QStringLiteral("location");
        const QDateTime nyWinter = wall("2024-01-04T20:00:00");
        QTest::newRow("winter time where it was taken")
            << nyWinter << -9999 << QString() << none << QByteArray("America/New_York") << true << nyWinter << -300
            << QStringLiteral("location");
        QTest::newRow("own offset stands") << tokyo << 540 << QStringLiteral("exif") << none << QByteArray("Asia/Tokyo")
                                           << false << none << 0 << QString();
        QTest::newRow("own offset agrees with the GPS clock")
            << tokyo << 540 << QStringLiteral("exif") << utc("2024-07-01T01:00:07") << QByteArray("Asia/Tokyo") << false
            << none << 0 << QString();
        // A camera left on Berlin time in Tokyo (its offset tag set to Tokyo's): 03:00 wall time, GPS
        // says 01:00 UTC, so the wall time is UTC+2.
        const QDateTime home = wall("2024-07-01T03:00:00");
        QTest::newRow("camera on home time, own offset")
            << home << 540 << QStringLiteral("exif") << utc("2024-07-01T01:00:02") << QByteArray("Asia/Tokyo") << true
            << home << 120 << QStringLiteral("gps-time");
        QTest::newRow("camera on home time, no offset")
            << wall("2024-07-01T03:00:00") << -9999 << QString() << utc("2024-07-01T01:00:00")
            << QByteArray("Asia/Tokyo") << true << home << 120 << QStringLiteral("gps-time");
        QTest::newRow("India's half hour from the GPS clock")
            << wall("2024-03-01T12:30:00") << -9999 << QString() << utc("2024-03-01T07:00:03")
            << QByteArray("Asia/Kolkata") << true << wall("2024-03-01T12:30:00") << 330 << QStringLiteral("gps-time");
        QTest::newRow("stale GPS fix: the place's zone instead")
            << tokyo << -9999 << QString() << utc("2024-07-01T00:38:00") << QByteArray("Asia/Tokyo") << true << tokyo
            << 540 << QStringLiteral("location");
        QTest::newRow("already filled in") << tokyo << 540 << QStringLiteral("location") << none
                                           << QByteArray("Asia/Tokyo") << false << none << 0 << QString();
        QTest::newRow("video in UTC becomes local")
            << wall("2024-07-01T01:00:00") << 0 << QStringLiteral("utc") << none << QByteArray("Asia/Tokyo") << true
            << tokyo << 540 << QStringLiteral("location");
        QTest::newRow("nautical zone at sea") << tokyo << -9999 << QString() << none << QByteArray("Etc/GMT+10") << true
                                              << tokyo << -600 << QStringLiteral("location");
        QTest::newRow("unknown zone, no GPS clock")
            << tokyo << -9999 << QString() << none << QByteArray() << false << none << 0 << QString();
        QTest::newRow("no capture time") << QDateTime() << -9999 << QString() << utc("2024-07-01T01:00:00")
                                         << QByteArray("Asia/Tokyo") << false << none << 0 << QString();
    }

    void resolve()
    {
        QFETCH(QDateTime, wall);
        QFETCH(int, offset);
        QFETCH(QString, source);
        QFETCH(QDateTime, gps);
        QFETCH(QByteArray, zone);
        QFETCH(bool, fixed);
        CaptureTime t { wall, offset == -9999 ? std::nullopt : std::optional<int>(offset), source, gps };
        const std::optional<CaptureTime> r = CaptureZone::resolve(t, zone);
        QCOMPARE(r.has_value(), fixed);
        if (!fixed)
            return;
        QFETCH(QDateTime, fixedWall);
        QFETCH(int, fixedOffset);
        QFETCH(QString, fixedSource);
        QCOMPARE(r->wall, fixedWall);
        QCOMPARE(r->offsetMinutes, std::optional<int>(fixedOffset));
        QCOMPARE(r->offsetSource, fixedSource);
    }
};

QTEST_GUILESS_MAIN(TestCaptureZone)
#include "tst_capturezone.moc"
