#include "places/placeassigner.h"

#include "places/placestore.h"

namespace shoebox {

PlaceAssignment PlaceAssigner::assignPending(const QString& libraryPath, bool newOnly, const std::atomic_bool* cancel)
{
    PlaceAssignment result;
    PlaceStore store(libraryPath);
    // Nothing new is not worth loading 200,000 towns for.
    if (newOnly && !store.hasUnplacedPhotos(&result.error))
        return result;
    const PlaceIndex* index = PlaceIndex::shared(&result.unavailable);
    if (!index)
        return result;
    const ReverseGeocoder geocoder(*index);
    const QString version = index->dataVersion() + QStringLiteral("/rules%1").arg(ReverseGeocoder::kRulesVersion);
    while (!(cancel && cancel->load())) {
        const QList<GpsPhoto> pending = store.photosNeedingPlaces(version, kBatch, &result.error);
        if (pending.isEmpty() || !result.error.isEmpty())
            break;
        QList<PhotoPlace> places;
        for (const GpsPhoto& p : pending) {
            const PlaceMatch match = geocoder.lookup(p.lat, p.lon);
            places.append({ p.id, match, false, CaptureZone::resolve(p.time, match.timeZone) });
        }
        if (!store.storeGpsPlaces(places, version, &result.error))
            break;
        result.assigned += int(places.size());
    }
    return result;
}

} // namespace shoebox
