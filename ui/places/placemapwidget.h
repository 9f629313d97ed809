#pragma once
// The Places map, drawn by Shoebox itself (no tile server): Natural Earth land and borders in an
// equirectangular projection, with the library's geotagged photos gathered into counted bubbles
// showing a thumbnail. Bubbles are cells fixed to the world at each zoom (they do not reshuffle
// while panning), computed once per zoom; the land is drawn once per zoom into an image larger than
// the view, so a pan only copies pixels. Drag to pan, wheel to zoom, click a bubble to see its
// photos. UI thread only.

#include "places/maplandlayer.h"
#include "places/placestore.h"

#include <QCache>
#include <QImage>
#include <QPainterPath>
#include <QPointF>
#include <QPointer>
#include <QWidget>

namespace shoebox {

class ThumbnailLoader;

class PlaceMapWidget : public QWidget {
    Q_OBJECT
public:
    explicit PlaceMapWidget(QWidget* parent = nullptr);

    // The map's outlines (null: no place data, an empty ocean) and the photos to show on it.
    void setIndex(const PlaceIndex* index);
    void setPhotos(const QList<GpsPhoto>& photos);
    // Where bubble thumbnails come from (the newest photo of each bubble); none: plain bubbles.
    void setThumbnailLoader(ThumbnailLoader* loader);
    // Centres on a position at a zoom (1 = the whole world fits).
    void centerOn(double lat, double lon, double zoom);
    double zoom() const { return m_zoom; }
    // Where a position is drawn now, in widget coordinates.
    QPointF widgetPoint(double lat, double lon) const { return toWidget(lat, lon); }
    // Whether the land is still being drawn for the view shown (tests and screenshots wait for it).
    bool isDrawingLand() const { return m_landLayer->isBusy(); }

    struct Bubble {
        QPointF center; // widget coordinates
        double lat = 0, lon = 0; // mean position
        QVector<qint64> photos;
        qint64 cover = 0; // the photo whose thumbnail the bubble shows
    };
    // The bubbles as drawn now (for tests and clicks).
    QList<Bubble> bubbles() const;

Q_SIGNALS:
    void bubbleClicked(const QVector<qint64>& photoIds, double lat, double lon);
    // A click on the map away from any bubble, at this position.
    void pointClicked(double lat, double lon);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    double scale() const; // pixels per degree
    QPointF toWidget(double lat, double lon) const;
    void drawBubbles(QPainter& p, const QList<Bubble>& bubbles) const;
    QImage bubbleImage(const Bubble& b) const;
    void drawLand(QPainter& p);
    void applyStyle();
    void requestCovers(const QList<Bubble>& bubbles);
    const std::vector<Bubble>& worldBubbles() const;

    MapLandLayer* m_landLayer;
    QList<GpsPhoto> m_photos;
    QPointer<ThumbnailLoader> m_thumbs;
    // Bubbles in world cells for m_bubbleScale (lat/lon set, center unset).
    mutable std::vector<Bubble> m_worldBubbles;
    mutable double m_bubbleScale = -1;
    mutable QCache<quint64, QImage> m_bubbleImages { 2000 }; // by cover (0: plain) and count
    QVector<qint64> m_scheduled; // covers last asked of the loader (asking again restarts its queue)
    double m_centerLat = 20, m_centerLon = 0, m_zoom = 1;
    QPoint m_pressPos, m_lastPos;
    bool m_dragging = false;
};

} // namespace shoebox
