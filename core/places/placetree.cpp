#include "places/placetree.h"

#include "places/placenames.h"

#include <QCoreApplication>

#include <algorithm>

namespace shoebox {

namespace {

PlaceNode* child(QList<PlaceNode>& list, PlaceNode::Kind kind, const QString& country, int regionId, qint64 cityId)
{
    for (PlaceNode& n : list)
        if (n.kind == kind && n.country == country && n.regionId == regionId && n.cityId == cityId)
            return &n;
    PlaceNode n;
    n.kind = kind, n.country = country, n.regionId = regionId, n.cityId = cityId;
    list.append(n);
    return &list.last();
}

void nameAndSort(QList<PlaceNode>& nodes, const PlaceIndex* index, const QString& lang)
{
    for (PlaceNode& n : nodes) {
        switch (n.kind) {
        case PlaceNode::Kind::Country:
            n.name = PlaceNames::country(n.country, lang);
            break;
        case PlaceNode::Kind::Region:
            n.name = index ? PlaceNames::region(*index, n.regionId, lang) : QString();
            break;
        case PlaceNode::Kind::City:
            n.name = index ? PlaceNames::city(*index, n.cityId, lang) : QString();
            break;
        case PlaceNode::Kind::Sea:
            n.name = QCoreApplication::translate("shoebox::PlaceNames", "At sea");
            break;
        }
        if (n.name.isEmpty())
            n.name = n.key();
        nameAndSort(n.children, index, lang);
    }
    std::sort(nodes.begin(), nodes.end(), [](const PlaceNode& a, const PlaceNode& b) {
        const bool seaA = a.kind == PlaceNode::Kind::Sea, seaB = b.kind == PlaceNode::Kind::Sea;
        if (seaA != seaB)
            return seaB; // "At sea" after every country
        return a.photos != b.photos ? a.photos > b.photos : a.name.localeAwareCompare(b.name) < 0;
    });
}

} // namespace

QString PlaceNode::kindName(Kind k)
{
    switch (k) {
    case Kind::Country:
        return QStringLiteral("country");
    case Kind::Region:
        return QStringLiteral("region");
    case Kind::City:
        return QStringLiteral("city");
    case Kind::Sea:
        return QStringLiteral("sea");
    }
    return QString();
}

QString PlaceNode::key() const
{
    switch (kind) {
    case Kind::Country:
        return QStringLiteral("country:") + country;
    case Kind::Region:
        return QStringLiteral("region:%1:%2").arg(country).arg(regionId);
    case Kind::City:
        return QStringLiteral("city:%1").arg(cityId);
    case Kind::Sea:
        return QStringLiteral("sea");
    }
    return QString();
}

QList<PlaceNode> PlaceTree::build(const QList<PlaceCount>& counts, const PlaceIndex* index, const QString& lang)
{
    QList<PlaceNode> roots;
    for (const PlaceCount& c : counts) {
        if (c.atSea || c.country.isEmpty()) {
            child(roots, PlaceNode::Kind::Sea, QString(), 0, 0)->photos += c.photos;
            continue;
        }
        PlaceNode* country = child(roots, PlaceNode::Kind::Country, c.country, 0, 0);
        country->photos += c.photos;
        if (!c.regionId)
            continue;
        PlaceNode* region = child(country->children, PlaceNode::Kind::Region, c.country, c.regionId, 0);
        region->photos += c.photos;
        if (c.cityId)
            child(region->children, PlaceNode::Kind::City, c.country, c.regionId, c.cityId)->photos += c.photos;
    }
    nameAndSort(roots, index, lang);
    return roots;
}

} // namespace shoebox
