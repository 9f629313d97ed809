#include "places/placemapwidget.h"

#include <QHash>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace shoebox {

namespace {

constexpr double kBubbleCell = 56; // px: photos closer than this on screen share a bubble
constexpr double kMaxZoom = 4096;

double bubbleRadius(qsizetype photos)
{
    return 10 + 6 * std::log10(double(photos) + 1);
}

QPainterPath pathOf(const std::vector<std::vector<float>>& rings, bool closed)
{
    QPainterPath path;
    for (const auto& ring : rings) {
        if (ring.size() < 4)
            continue;
        path.moveTo(ring[0], -ring[1]); // y grows southwards on screen
        for (size_t i = 2; i + 1 < ring.size(); i += 2) {
            // A step across the antimeridian (Fiji, Chukotka) is not a line across the whole world.
            if (std::abs(ring[i] - ring[i - 2]) > 180)
                path.moveTo(ring[i], -ring[i + 1]);
            else
                path.lineTo(ring[i], -ring[i + 1]);
        }
        if (closed)
            path.closeSubpath();
    }
    return path;
}

} // namespace

PlaceMapWidget::PlaceMapWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("placeMap"));
    setMinimumSize(320, 200);
    setMouseTracking(false);
    setCursor(Qt::OpenHandCursor);
}

void PlaceMapWidget::setIndex(const PlaceIndex* index)
{
    m_land = index ? pathOf(index->landRings(), true) : QPainterPath();
    m_borders = index ? pathOf(index->borderLines(), false) : QPainterPath();
    update();
}

void PlaceMapWidget::setPhotos(const QList<GpsPhoto>& photos)
{
    m_photos = photos;
    update();
}

void PlaceMapWidget::centerOn(double lat, double lon, double zoom)
{
    m_centerLat = std::clamp(lat, -85.0, 85.0);
    m_centerLon = std::clamp(lon, -180.0, 180.0);
    m_zoom = std::clamp(zoom, 1.0, kMaxZoom);
    update();
}

double PlaceMapWidget::scale() const
{
    return std::max(1e-6, std::min(width() / 360.0, height() / 170.0)) * m_zoom;
}

QPointF PlaceMapWidget::toWidget(double lat, double lon) const
{
    return { width() / 2.0 + (lon - m_centerLon) * scale(), height() / 2.0 - (lat - m_centerLat) * scale() };
}

QList<PlaceMapWidget::Bubble> PlaceMapWidget::bubbles() const
{
    // One pass over the photos: each falls in a screen cell; a cell with photos is a bubble.
    QHash<quint64, int> cellIndex;
    QList<Bubble> out;
    const QRectF visible = QRectF(rect()).adjusted(-kBubbleCell, -kBubbleCell, kBubbleCell, kBubbleCell);
    for (const GpsPhoto& p : m_photos) {
        const QPointF w = toWidget(p.lat, p.lon);
        if (!visible.contains(w))
            continue;
        const quint64 key
            = (quint64(quint32(std::floor(w.x() / kBubbleCell))) << 32) | quint32(std::floor(w.y() / kBubbleCell));
        auto it = cellIndex.find(key);
        if (it == cellIndex.end()) {
            it = cellIndex.insert(key, int(out.size()));
            out.append(Bubble {});
        }
        out[*it].photos.append(p.id);
        out[*it].lat += p.lat;
        out[*it].lon += p.lon;
    }
    for (Bubble& b : out) {
        b.lat /= b.photos.size();
        b.lon /= b.photos.size();
        b.center = toWidget(b.lat, b.lon);
    }
    return out;
}

void PlaceMapWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    // Sea a pale tint of the highlight colour, land the window colour: readable in light and dark themes.
    const QColor sea = QColor::fromRgbF(
        0.85 * palette().color(QPalette::Base).redF() + 0.15 * palette().color(QPalette::Highlight).redF(),
        0.85 * palette().color(QPalette::Base).greenF() + 0.15 * palette().color(QPalette::Highlight).greenF(),
        0.85 * palette().color(QPalette::Base).blueF() + 0.15 * palette().color(QPalette::Highlight).blueF());
    p.fillRect(rect(), sea);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.save();
    p.translate(width() / 2.0 - m_centerLon * scale(), height() / 2.0 + m_centerLat * scale());
    p.scale(scale(), scale());
    const QColor land = palette().color(QPalette::Window).darker(104);
    p.setPen(Qt::NoPen);
    p.setBrush(land);
    p.drawPath(m_land);
    QPen border(palette().color(QPalette::Mid), 0); // cosmetic: one pixel at every zoom
    p.setPen(border);
    p.setBrush(Qt::NoBrush);
    p.drawPath(m_borders);
    p.restore();
    drawBubbles(p, bubbles());
}

void PlaceMapWidget::drawBubbles(QPainter& p, const QList<Bubble>& bubbles) const
{
    const QColor fill = palette().color(QPalette::Highlight);
    for (const Bubble& b : bubbles) {
        const QString text = QString::number(b.photos.size());
        const double r = bubbleRadius(b.photos.size());
        p.setPen(QPen(palette().color(QPalette::Base), 2));
        p.setBrush(fill);
        p.drawEllipse(b.center, r, r);
        p.setPen(palette().color(QPalette::HighlightedText));
        p.drawText(QRectF(b.center.x() - r, b.center.y() - r, 2 * r, 2 * r), Qt::AlignCenter, text);
    }
}

void PlaceMapWidget::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = m_lastPos = event->position().toPoint();
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
}

void PlaceMapWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragging)
        return;
    const QPoint pos = event->position().toPoint();
    const QPoint d = pos - m_lastPos;
    m_lastPos = pos;
    centerOn(m_centerLat + d.y() / scale(), m_centerLon - d.x() / scale(), m_zoom);
}

void PlaceMapWidget::mouseReleaseEvent(QMouseEvent* event)
{
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
    if ((event->position().toPoint() - m_pressPos).manhattanLength() > 4)
        return; // a drag, not a click
    for (const Bubble& b : bubbles()) {
        const double r = bubbleRadius(b.photos.size());
        if (QLineF(b.center, event->position()).length() <= r) {
            Q_EMIT bubbleClicked(b.photos, b.lat, b.lon);
            return;
        }
    }
}

void PlaceMapWidget::wheelEvent(QWheelEvent* event)
{
    // Zoom about the cursor: the point under it stays put.
    const QPointF at = event->position();
    const double lon = m_centerLon + (at.x() - width() / 2.0) / scale();
    const double lat = m_centerLat - (at.y() - height() / 2.0) / scale();
    const double factor = std::pow(1.25, event->angleDelta().y() / 120.0);
    const double zoom = std::clamp(m_zoom * factor, 1.0, kMaxZoom);
    m_zoom = zoom;
    centerOn(lat + (at.y() - height() / 2.0) / scale(), lon - (at.x() - width() / 2.0) / scale(), zoom);
}

} // namespace shoebox
