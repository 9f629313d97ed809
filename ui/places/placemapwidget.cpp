#include "places/placemapwidget.h"

#include "thumbnailview/thumbnailloader.h"

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
constexpr int kThumbSize = 96; // px: bubble thumbnails, enough for the largest bubble on a 2x screen

double bubbleRadius(qsizetype photos)
{
    return 16 + 8 * std::log10(double(photos) + 1); // 18 px for one photo, 56 px for 100,000
}

} // namespace

PlaceMapWidget::PlaceMapWidget(QWidget* parent)
    : QWidget(parent)
    , m_landLayer(new MapLandLayer(this))
{
    setObjectName(QStringLiteral("placeMap"));
    setMinimumSize(320, 200);
    setMouseTracking(false);
    setCursor(Qt::OpenHandCursor);
    connect(m_landLayer, &MapLandLayer::updated, this, qOverload<>(&QWidget::update));
    applyStyle();
}

void PlaceMapWidget::setIndex(const PlaceIndex* index)
{
    m_landLayer->setOutlines(
        std::make_shared<const MapOutline>(index ? MapOutline(index->landRings(), true) : MapOutline()),
        std::make_shared<const MapOutline>(index ? MapOutline(index->borderLines(), false) : MapOutline()));
    update();
}

void PlaceMapWidget::setThumbnailLoader(ThumbnailLoader* loader)
{
    if (m_thumbs)
        disconnect(m_thumbs, nullptr, this, nullptr);
    m_thumbs = loader;
    m_scheduled.clear();
    if (loader)
        connect(loader, &ThumbnailLoader::thumbnailReady, this, qOverload<>(&QWidget::update));
    update();
}

void PlaceMapWidget::setPhotos(const QList<GpsPhoto>& photos)
{
    m_photos = photos;
    m_bubbleScale = -1;
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

const std::vector<PlaceMapWidget::Bubble>& PlaceMapWidget::worldBubbles() const
{
    const double s = scale();
    if (s == m_bubbleScale)
        return m_worldBubbles;
    // One pass over the photos: each falls in a cell of the world at this zoom; a cell is a bubble.
    QHash<quint64, int> cellIndex;
    m_worldBubbles.clear();
    for (const GpsPhoto& p : m_photos) {
        const quint64 key = (quint64(quint32(qint32(std::floor(p.lon * s / kBubbleCell)))) << 32)
            | quint32(qint32(std::floor(-p.lat * s / kBubbleCell)));
        auto it = cellIndex.find(key);
        if (it == cellIndex.end()) {
            it = cellIndex.insert(key, int(m_worldBubbles.size()));
            m_worldBubbles.push_back(Bubble {});
        }
        Bubble& b = m_worldBubbles[size_t(*it)];
        b.photos.append(p.id);
        b.lat += p.lat;
        b.lon += p.lon;
        b.cover = std::max(b.cover, p.id); // the most recently added photo
    }
    for (Bubble& b : m_worldBubbles) {
        b.lat /= b.photos.size();
        b.lon /= b.photos.size();
    }
    m_bubbleScale = s;
    return m_worldBubbles;
}

QList<PlaceMapWidget::Bubble> PlaceMapWidget::bubbles() const
{
    QList<Bubble> out;
    const QRectF visible = QRectF(rect()).adjusted(-kBubbleCell, -kBubbleCell, kBubbleCell, kBubbleCell);
    for (const Bubble& b : worldBubbles()) {
        const QPointF w = toWidget(b.lat, b.lon);
        if (!visible.contains(w))
            continue;
        out.append(b);
        out.back().center = w;
    }
    return out;
}

void PlaceMapWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    drawLand(p);
    const QList<Bubble> shown = bubbles();
    drawBubbles(p, shown);
    requestCovers(shown);
}

void PlaceMapWidget::drawLand(QPainter& p)
{
    const double s = scale();
    // The view's top left in scaled map pixels (x = lon * s, y = -lat * s).
    const QPointF view(m_centerLon * s - width() / 2.0, -m_centerLat * s - height() / 2.0);
    m_landLayer->draw(p, view, QSizeF(size()), s, devicePixelRatioF());
}

void PlaceMapWidget::applyStyle()
{
    // Sea a pale tint of the highlight colour, land the window colour: readable in light and dark themes.
    const QColor base = palette().color(QPalette::Base), tint = palette().color(QPalette::Highlight);
    const QColor sea = QColor::fromRgbF(0.85 * base.redF() + 0.15 * tint.redF(),
        0.85 * base.greenF() + 0.15 * tint.greenF(), 0.85 * base.blueF() + 0.15 * tint.blueF());
    m_landLayer->setStyle({ sea, palette().color(QPalette::Window).darker(104), palette().color(QPalette::Mid) });
}

void PlaceMapWidget::requestCovers(const QList<Bubble>& bubbles)
{
    if (!m_thumbs)
        return;
    QVector<qint64> missing;
    for (const Bubble& b : bubbles)
        if (!m_thumbs->hasResult(b.cover, kThumbSize))
            missing.append(b.cover);
    // Asking again restarts the loader's queue: only when the wanted covers changed.
    if (missing.isEmpty() || missing == m_scheduled)
        return;
    m_scheduled = missing;
    QVector<ThumbnailLoader::Request> requests;
    for (qint64 id : missing)
        requests.append({ id, -1 });
    m_thumbs->schedule(requests, kThumbSize);
}

void PlaceMapWidget::drawBubbles(QPainter& p, const QList<Bubble>& bubbles) const
{
    for (const Bubble& b : bubbles) {
        const QImage image = bubbleImage(b);
        const QSizeF half = image.deviceIndependentSize() / 2;
        p.drawImage((b.center - QPointF(half.width(), half.height())).toPoint(), image); // whole pixels: no resampling
    }
}

QImage PlaceMapWidget::bubbleImage(const Bubble& b) const
{
    // Text layout and antialiased outlines cost ~0.2 ms a bubble: each look is drawn once and kept.
    const QImage thumb = m_thumbs ? m_thumbs->cached(b.cover, kThumbSize) : QImage();
    const quint64 key = (quint64(thumb.isNull() ? 0 : b.cover) << 24) | quint64(b.photos.size() & 0xffffff);
    if (const QImage* kept = m_bubbleImages.object(key))
        return *kept;
    const QString text = QString::number(b.photos.size());
    const double r = bubbleRadius(b.photos.size());
    // Room around the circle for the count's pill, which straddles the circle's foot.
    const QRectF pill = QRectF(fontMetrics().boundingRect(text)).adjusted(-5, -1, 5, 1);
    const double margin = pill.height() / 2 + 2;
    const qreal dpr = devicePixelRatioF();
    const int side = int(std::ceil((2 * r + 2 * margin) * dpr));
    QImage image(QSize(side, side), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    const QRectF circle(margin, margin, 2 * r, 2 * r);
    p.setPen(QPen(palette().color(QPalette::Base), 2));
    p.setBrush(palette().color(QPalette::Highlight));
    p.drawEllipse(circle);
    QRectF label = circle;
    if (!thumb.isNull()) {
        QPainterPath clip;
        clip.addEllipse(circle.adjusted(2, 2, -2, -2));
        p.setClipPath(clip);
        const QSizeF fit = QSizeF(thumb.size()).scaled(circle.size(), Qt::KeepAspectRatioByExpanding);
        p.drawImage(QRectF(circle.center() - QPointF(fit.width() / 2, fit.height() / 2), fit), thumb);
        p.setClipping(false);
        // The count on a pill at the bubble's foot, leaving the picture free.
        label = QRectF(
            circle.center().x() - pill.width() / 2, circle.bottom() - pill.height() / 2, pill.width(), pill.height());
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(label, label.height() / 2, label.height() / 2);
    }
    p.setPen(palette().color(QPalette::HighlightedText));
    p.drawText(label, Qt::AlignCenter, text);
    p.end();
    m_bubbleImages.insert(key, new QImage(image));
    return image;
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
    const QPointF at = event->position();
    Q_EMIT pointClicked(
        m_centerLat - (at.y() - height() / 2.0) / scale(), m_centerLon + (at.x() - width() / 2.0) / scale());
}

void PlaceMapWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyStyle(); // redraw the land and the bubbles in the new colours
        m_bubbleImages.clear();
    }
    QWidget::changeEvent(event);
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
