#pragma once
// What XMP and IPTC say about a photo (embedded, a sidecar, or both merged): keywords, rating, title,
// description, named face regions and a position. A plain value type, safe to copy across threads.

#include "catalog/photo.h"

#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

namespace shoebox {

// One MWG face region (mwg-rs:Regions) with a person's name, normalised to the upright photo.
struct XmpRegion {
    QString name;
    QRectF box;
};

struct XmpData {
    // Each keyword as its path from the root ("Places", "Japan", "Tokyo"); a flat keyword has one part.
    QList<QStringList> keywords;
    std::optional<int> rating; // -1 (rejected) .. 5; absent when nothing says
    bool picked = false; // digiKam:PickLabel 3 ("accepted")
    QString title, description;
    QList<XmpRegion> regions;
    std::optional<GpsPosition> gps;
    QString problem; // one line when some XMP could not be read (the rest is still used)

    bool isEmpty() const
    {
        return keywords.isEmpty() && !rating && !picked && title.isEmpty() && description.isEmpty() && regions.isEmpty()
            && !gps;
    }
    // Adds a keyword unless the same path (case-insensitive) is there already.
    void addKeyword(const QStringList& path);
    // "Places/Japan/Tokyo": the form a hierarchical keyword takes as a Shoebox tag name.
    static QString tagName(const QStringList& path);
    static QStringList pathOf(const QString& tagName);
    // A normalised box on the stored pixels seen on the upright photo (EXIF orientation 1..8), and the
    // orientation that undoes one.
    static QRectF upright(const QRectF& stored, int orientation);
    static int inverse(int orientation);
};

} // namespace shoebox
