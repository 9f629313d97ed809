#pragma once
// Finds a place by the name a user types ("Kyoto", "京都", "Bayern", "Frankreich"): the most
// populous town of that name in any language, else a region, else a country (ICU names). For
// setting a place by hand. Any thread (the index is immutable).

#include "places/reversegeocoder.h"

namespace shoebox {

class PlaceLookup {
public:
    // found == false when nothing has that name. A town's region comes from its position.
    static PlaceMatch byName(const PlaceIndex& index, const QString& name);
};

} // namespace shoebox
