#pragma once
// The library's places as a tree with photo counts, named in one language: countries, their
// regions, their towns (and "At sea"), each sorted by count. Built from the catalog's counts; the GUI's
// Places view and `shoebox-cli places` show it. Any thread (it reads through a PlaceStore made on
// the calling thread).

#include "places/placestore.h"

#include <QList>
#include <QString>

namespace shoebox {

struct PlaceNode {
    enum class Kind { Country, Region, City, Sea };
    Kind kind = Kind::Country;
    QString country;
    int regionId = 0;
    qint64 cityId = 0;
    QString name;
    qint64 photos = 0;
    QList<PlaceNode> children;

    // A stable key for the node: "country:FR", "region:FR:342", "city:2988507", "sea".
    QString key() const;
    static QString kindName(Kind k);
};

class PlaceTree {
public:
    // index may be null (no place data installed): names are then ISO codes and ids.
    static QList<PlaceNode> build(const QList<PlaceCount>& counts, const PlaceIndex* index, const QString& lang);
};

} // namespace shoebox
