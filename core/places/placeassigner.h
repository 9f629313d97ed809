#pragma once
// Gives every geotagged photo its place: the photos whose place is unknown (or was computed from
// older place data) are looked up in batches and stored. Runs after each scan (ScanJob) and from
// `shoebox-cli places`. Blocking; call from a worker thread or the CLI's main thread.

#include <QString>

#include <atomic>

namespace shoebox {

struct PlaceAssignment {
    int assigned = 0;
    QString unavailable; // why no place could be looked up (no place data installed); empty when it ran
    QString error; // a catalog error; empty when none
};

class PlaceAssigner {
public:
    // newOnly: only when some geotagged photo has no place yet (cheap to ask after every scan, so the
    // place data is loaded only when needed); otherwise also redo places from older place data.
    static PlaceAssignment assignPending(
        const QString& libraryPath, bool newOnly, const std::atomic_bool* cancel = nullptr);

    static constexpr int kBatch = 2000;
};

} // namespace shoebox
