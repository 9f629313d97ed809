#include "places/mapoutline.h"

#include <cmath>

namespace shoebox {

namespace {

// One Sutherland-Hodgman pass: keeps the part of the polygon on the inner side of one edge of the area.
std::vector<QPointF> clipToEdge(const std::vector<QPointF>& in, int edge, double v)
{
    std::vector<QPointF> out;
    if (in.empty())
        return out;
    auto inside = [edge, v](const QPointF& p) {
        switch (edge) {
        case 0:
            return p.x() >= v;
        case 1:
            return p.x() <= v;
        case 2:
            return p.y() >= v;
        default:
            return p.y() <= v;
        }
    };
    auto crossing = [edge, v](const QPointF& a, const QPointF& b) {
        const double t = edge < 2 ? (v - a.x()) / (b.x() - a.x()) : (v - a.y()) / (b.y() - a.y());
        return a + (b - a) * t;
    };
    out.reserve(in.size());
    QPointF prev = in.back();
    for (const QPointF& cur : in) {
        if (inside(cur)) {
            if (!inside(prev))
                out.push_back(crossing(prev, cur));
            out.push_back(cur);
        } else if (inside(prev)) {
            out.push_back(crossing(prev, cur));
        }
        prev = cur;
    }
    return out;
}

// Like QRectF::intersects, but a flat box (a straight east-west border) still counts.
bool overlaps(const QRectF& box, const QRectF& area)
{
    return box.right() >= area.left() && box.left() <= area.right() && box.bottom() >= area.top()
        && box.top() <= area.bottom();
}

} // namespace

MapOutline::MapOutline(const std::vector<std::vector<float>>& rings, bool closed)
    : m_closed(closed)
{
    m_rings.reserve(rings.size());
    for (const auto& flat : rings) {
        if (flat.size() < 4)
            continue;
        Ring ring;
        ring.points.reserve(flat.size() / 2);
        double minX = flat[0], maxX = flat[0], minY = -flat[1], maxY = -flat[1];
        for (size_t i = 0; i + 1 < flat.size(); i += 2) {
            const QPointF p(flat[i], -flat[i + 1]);
            if (!ring.points.empty() && std::abs(p.x() - ring.points.back().x()) > 180)
                ring.crossesAntimeridian = true;
            ring.points.push_back(p);
            minX = std::min(minX, p.x()), maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y()), maxY = std::max(maxY, p.y());
        }
        ring.box = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
        m_rings.push_back(std::move(ring));
    }
}

QPainterPath MapOutline::pathFor(const QRectF& area) const
{
    QPainterPath path;
    for (const Ring& ring : m_rings) {
        if (!overlaps(ring.box, area))
            continue;
        if (ring.crossesAntimeridian || area.contains(ring.box))
            addWhole(path, ring);
        else if (m_closed)
            addClippedPolygon(path, ring, area);
        else
            addClippedLine(path, ring, area);
    }
    return path;
}

void MapOutline::addWhole(QPainterPath& path, const Ring& ring) const
{
    path.moveTo(ring.points.front());
    for (size_t i = 1; i < ring.points.size(); ++i) {
        // A step across the antimeridian is not a line across the whole world.
        if (std::abs(ring.points[i].x() - ring.points[i - 1].x()) > 180)
            path.moveTo(ring.points[i]);
        else
            path.lineTo(ring.points[i]);
    }
    if (m_closed)
        path.closeSubpath();
}

void MapOutline::addClippedPolygon(QPainterPath& path, const Ring& ring, const QRectF& area) const
{
    std::vector<QPointF> p = clipToEdge(ring.points, 0, area.left());
    p = clipToEdge(p, 1, area.right());
    p = clipToEdge(p, 2, area.top());
    p = clipToEdge(p, 3, area.bottom());
    if (p.size() < 3)
        return;
    path.moveTo(p.front());
    for (size_t i = 1; i < p.size(); ++i)
        path.lineTo(p[i]);
    path.closeSubpath();
}

void MapOutline::addClippedLine(QPainterPath& path, const Ring& ring, const QRectF& area) const
{
    // A segment is drawn when its box meets the area; the line breaks where segments leave it.
    bool drawing = false;
    for (size_t i = 1; i < ring.points.size(); ++i) {
        const QPointF& a = ring.points[i - 1];
        const QPointF& b = ring.points[i];
        const bool meets = overlaps(QRectF(a, b).normalized(), area);
        if (meets) {
            if (!drawing)
                path.moveTo(a);
            path.lineTo(b);
        }
        drawing = meets;
    }
}

} // namespace shoebox
