#pragma once
// The map's land or border lines (Natural Earth rings, lon/lat) ready to draw any part of the world:
// each ring keeps its bounding box, so drawing an area leaves out the rings beyond it and clips the
// ones across its edge. A zoomed-in map then rasterises a few hundred points instead of the whole
// world's. Map coordinates: x = longitude, y = -latitude (south is down). Immutable; any thread.

#include <QPainterPath>
#include <QPointF>
#include <QRectF>

#include <vector>

namespace shoebox {

class MapOutline {
public:
    MapOutline() = default;
    // closed: polygons (land) rather than lines (borders).
    MapOutline(const std::vector<std::vector<float>>& rings, bool closed);

    // The outline within area (map coordinates), clipped at its edges.
    QPainterPath pathFor(const QRectF& area) const;
    // The whole outline.
    QPainterPath path() const { return pathFor(QRectF(-200, -100, 400, 200)); }

private:
    struct Ring {
        QRectF box;
        std::vector<QPointF> points;
        bool crossesAntimeridian = false; // Fiji, Chukotka: drawn whole, never clipped
    };
    void addWhole(QPainterPath& path, const Ring& ring) const;
    void addClippedPolygon(QPainterPath& path, const Ring& ring, const QRectF& area) const;
    void addClippedLine(QPainterPath& path, const Ring& ring, const QRectF& area) const;

    std::vector<Ring> m_rings;
    bool m_closed = true;
};

} // namespace shoebox
