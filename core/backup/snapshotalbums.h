#pragma once
// The albums of a snapshot, read from the catalog copy it holds (read-only: the backup is never
// written), so that a restore can bring back one album's photos. Smart albums are left out: their
// photos are a search's results, which only a live library can run. Any thread; each call opens and
// closes a connection of its own.

#include <QSet>
#include <QString>
#include <QStringList>

namespace shoebox {

class SnapshotAlbums {
public:
    // The paths ("Travel / 2024 / Japan") of the plain albums in catalog, in path order; false with
    // *error when the catalog cannot be read.
    static bool albums(const QString& catalog, QStringList* paths, QString* error);
    // The photo ids of the albums whose path or name is album (case-insensitive), albums below them
    // included; false with *error when the catalog cannot be read or no album has that name.
    static bool photosOf(const QString& catalog, const QString& album, QSet<qint64>* ids, QString* error);
};

} // namespace shoebox
