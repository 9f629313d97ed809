#pragma once
// Reads and writes the places of photos (table photo_places): places found from GPS by the
// geocoder, and places a user set by hand, which nothing automatic ever overwrites. Each instance
// uses the calling thread's own connection: create one per thread, never share it.

#include "places/capturezone.h"
#include "places/reversegeocoder.h"

#include <QList>
#include <QString>
#include <QVector>

#include <optional>

namespace shoebox {

struct PhotoPlace {
    qint64 photoId = 0;
    PlaceMatch place;
    bool manual = false;
    // A corrected capture time to record with a GPS place (CaptureZone), or none.
    std::optional<CaptureTime> fixedTime;
};

struct GpsPhoto {
    qint64 id = 0;
    double lat = 0, lon = 0;
    CaptureTime time; // filled by photosNeedingPlaces only
};

// How many photos lie in one place (country, region, town); the tree of places is made of these.
struct PlaceCount {
    QString country;
    int regionId = 0;
    qint64 cityId = 0;
    bool atSea = false;
    qint64 photos = 0;
};

class PlaceStore {
public:
    explicit PlaceStore(QString libraryPath);

    // Ok photos with GPS whose place is unknown or was computed from other place data.
    QList<GpsPhoto> photosNeedingPlaces(const QString& dataVersion, int limit, QString* error = nullptr) const;
    // Whether some ok photo with GPS has no place at all.
    bool hasUnplacedPhotos(QString* error = nullptr) const;
    // Stores GPS places and their time zones in one transaction; a photo with a manual place keeps it.
    // A fixed capture time is written to the photo first (the photos_place_stale trigger then drops
    // the old place, which is written again right after).
    bool storeGpsPlaces(const QList<PhotoPlace>& places, const QString& dataVersion, QString* error = nullptr);
    // Sets a place by hand for these photos (kept by every rescan), or clears it when !place.found.
    bool setManualPlace(const QVector<qint64>& photoIds, const PlaceMatch& place, QString* error = nullptr);
    std::optional<PhotoPlace> placeOf(qint64 photoId, QString* error = nullptr) const;
    QList<PlaceCount> counts(QString* error = nullptr) const;
    // Where every ok geotagged photo was taken (for the map).
    QList<GpsPhoto> positions(QString* error = nullptr) const;
    // Ok photos in a country (ISO code), a region or a town, or at sea; 0/empty parts are not constrained.
    QVector<qint64> photosIn(
        const QString& country, int regionId, qint64 cityId, bool atSea = false, QString* error = nullptr) const;

    // Ok photos in every country, region or town of the library named text (case-insensitively) in
    // any of the 11 languages (and "At sea"); withCodes also accepts ISO codes ("FR", "DE-BY", "sea").
    QVector<qint64> photosAtPlaceNamed(const QString& text, bool withCodes, QString* error = nullptr) const;

private:
    QString m_path;
};

} // namespace shoebox
