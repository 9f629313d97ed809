#include "places/maplandlayer.h"

#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace shoebox {

MapLandLayer::MapLandLayer(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Picture>::finished, this, [this] {
        m_running = false;
        m_picture = m_watcher.result();
        Q_EMIT updated(); // the next paint asks again if the view moved on meanwhile
    });
}

void MapLandLayer::setOutlines(std::shared_ptr<const MapOutline> land, std::shared_ptr<const MapOutline> borders)
{
    m_land = std::move(land);
    m_borders = std::move(borders);
    m_picture = Picture();
}

void MapLandLayer::setStyle(const Style& style)
{
    m_style = style;
    m_picture.scale = 0; // redrawn in the new colours; shown scaled meanwhile
}

void MapLandLayer::draw(QPainter& p, QPointF view, QSizeF size, double scale, qreal dpr)
{
    const QRectF shown(view, size);
    if (m_picture.image.isNull()) {
        p.fillRect(QRectF(QPointF(0, 0), size), m_style.sea);
    } else {
        // The picture's pixels at this scale: shifted for a pan, stretched for a zoom.
        const double k = m_picture.scale > 0 ? scale / m_picture.scale : 1.0;
        const QRectF target(m_picture.origin * k - view, m_picture.image.deviceIndependentSize() * k);
        if (!target.contains(QRectF(QPointF(0, 0), size)))
            p.fillRect(QRectF(QPointF(0, 0), size), m_style.sea);
        if (k == 1.0)
            p.drawImage(target.topLeft().toPoint(), m_picture.image); // whole pixels: a plain copy
        else
            p.drawImage(target, m_picture.image);
    }
    // A quarter view of margin, so the next picture is ready before a pan reaches the edge.
    const QRectF needed = shown.adjusted(-size.width() / 4, -size.height() / 4, size.width() / 4, size.height() / 4);
    const QRectF covered(m_picture.origin, m_picture.image.deviceIndependentSize());
    m_stale = m_picture.image.isNull() || m_picture.scale != scale || !covered.contains(needed);
    if (m_stale)
        request(view - QPointF(size.width() / 2, size.height() / 2), size * 2, scale, dpr);
}

void MapLandLayer::request(QPointF origin, QSizeF size, double scale, qreal dpr)
{
    if (m_running || !m_land || !m_borders)
        return; // the finished job's repaint asks again
    m_running = true;
    m_watcher.setFuture(
        QtConcurrent::run([land = m_land, borders = m_borders, style = m_style, origin, size, scale, dpr] {
            return render(*land, *borders, style, origin, size, scale, dpr);
        }));
}

MapLandLayer::Picture MapLandLayer::render(const MapOutline& land, const MapOutline& borders, const Style& style,
    QPointF origin, QSizeF size, double scale, qreal dpr)
{
    Picture out;
    out.origin = origin;
    out.scale = scale;
    out.image = QImage((size * dpr).toSize().expandedTo(QSize(1, 1)), QImage::Format_RGB32);
    out.image.setDevicePixelRatio(dpr);
    out.image.fill(style.sea);
    QPainter p(&out.image);
    p.translate(-origin);
    p.scale(scale, scale);
    // The picture's area in map coordinates, a pixel wider so clipped edges stay off it.
    const QRectF area = QRectF(origin / scale, size / scale).adjusted(-1 / scale, -1 / scale, 1 / scale, 1 / scale);
    // The land fill without antialiasing: ten times faster on detailed coasts, and the pale sea and
    // land colours hide the steps; the borders keep it.
    p.setPen(Qt::NoPen);
    p.setBrush(style.land);
    p.drawPath(land.pathFor(area));
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(style.border, 0)); // cosmetic: one pixel at every zoom
    p.setBrush(Qt::NoBrush);
    p.drawPath(borders.pathFor(area));
    return out;
}

} // namespace shoebox
