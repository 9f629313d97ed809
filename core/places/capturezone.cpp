#include "places/capturezone.h"

#include <QTimeZone>

#include <cmath>
#include <cstdlib>

namespace shoebox {

namespace {

QDateTime asUtc(const QDateTime& t)
{
    return QDateTime(t.date(), t.time(), Qt::UTC);
}

// An offset of our own: written by the camera or the phone, not filled in by us.
bool ownOffset(const CaptureTime& t)
{
    return t.offsetMinutes && t.offsetSource != QLatin1String("gps-time") && t.offsetSource != QLatin1String("location")
        && t.offsetSource != QLatin1String("utc");
}

CaptureTime with(const CaptureTime& t, const QDateTime& wall, int offset, const char* source)
{
    CaptureTime out = t;
    out.wall = wall;
    out.offsetMinutes = offset;
    out.offsetSource = QString::fromLatin1(source);
    return out;
}

} // namespace

std::optional<int> CaptureZone::gpsOffset(const QDateTime& wall, const QDateTime& gpsUtc)
{
    if (!wall.isValid() || !gpsUtc.isValid())
        return std::nullopt;
    const double minutes = double(gpsUtc.secsTo(asUtc(wall))) / 60.0;
    const int quarters = int(std::lround(minutes / 15.0));
    if (std::abs(minutes - 15.0 * quarters) > kGpsToleranceMinutes || std::abs(quarters) > 14 * 4)
        return std::nullopt; // a stale fix or a wrong clock: no whole zone to read
    return 15 * quarters;
}

std::optional<CaptureTime> CaptureZone::resolve(const CaptureTime& t, const QByteArray& zone)
{
    if (!t.wall.isValid())
        return std::nullopt;
    const QTimeZone tz = zone.isEmpty() ? QTimeZone() : QTimeZone(zone);
    if (t.offsetSource == QLatin1String("utc")) {
        if (!tz.isValid())
            return std::nullopt;
        const QDateTime utc = asUtc(t.wall);
        const int offset = tz.offsetFromUtc(utc) / 60;
        const QDateTime local = utc.addSecs(qint64(offset) * 60);
        return with(t, QDateTime(local.date(), local.time()), offset, "location");
    }
    const std::optional<int> fromGps = gpsOffset(t.wall, t.gpsUtc);
    if (ownOffset(t)) {
        if (fromGps && *fromGps != *t.offsetMinutes)
            return with(t, t.wall, *fromGps, "gps-time");
        return std::nullopt;
    }
    std::optional<CaptureTime> fixed;
    if (fromGps)
        fixed = with(t, t.wall, *fromGps, "gps-time");
    else if (tz.isValid())
        fixed = with(t, t.wall, tz.offsetFromUtc(QDateTime(t.wall.date(), t.wall.time(), tz)) / 60, "location");
    if (fixed && fixed->offsetMinutes == t.offsetMinutes && fixed->offsetSource == t.offsetSource)
        return std::nullopt; // already filled in
    return fixed;
}

} // namespace shoebox
