#pragma once
// Works out a photo's UTC offset from where and when it was taken, for cameras that write no offset
// (most before 2018), cameras left on home time while travelling, and videos whose creation_time is
// UTC. Pure functions, any thread.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace shoebox {

// A photo's capture time as the catalog has it.
struct CaptureTime {
    QDateTime wall; // the camera's wall time (for source "utc": UTC)
    std::optional<int> offsetMinutes;
    QString offsetSource; // see PhotoMetadata::offsetSource
    QDateTime gpsUtc; // the GPS fix time; invalid when none
};

class CaptureZone {
public:
    // The corrected capture time, or nullopt when the photo's own offset stands (or nothing is known).
    // - A GPS fix time that differs from the wall time by whole zones (to 15 minutes, within
    //   kGpsToleranceMinutes) gives the offset: "gps-time" (it also catches a camera on home time).
    // - Else, without an offset of its own, the zone of the place at that wall time: "location".
    // - A video's UTC time becomes the local wall time of its place, with that offset: "location".
    static std::optional<CaptureTime> resolve(const CaptureTime& t, const QByteArray& zone);

    // The offset a GPS fix implies for the wall time, when it is a whole number of quarter hours.
    static std::optional<int> gpsOffset(const QDateTime& wall, const QDateTime& gpsUtc);

    static constexpr int kGpsToleranceMinutes = 5;
};

} // namespace shoebox
