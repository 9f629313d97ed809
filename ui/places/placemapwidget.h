#pragma once
// The Places map, drawn by Shoebox itself (no tile server): Natural Earth land and borders in an
// equirectangular projection, with the library's geotagged photos gathered into counted bubbles
// that follow the zoom. Drag to pan, wheel to zoom, click a bubble to see its photos.
// UI thread only.

#include "places/placestore.h"

#include <QPainterPath>
#include <QPointF>
#include <QWidget>

namespace shoebox {

class PlaceMapWidget : public QWidget {
    Q_OBJECT
public:
    explicit PlaceMapWidget(QWidget* parent = nullptr);

    // The map's outlines (null: no place data, an empty ocean) and the photos to show on it.
    void setIndex(const PlaceIndex* index);
    void setPhotos(const QList<GpsPhoto>& photos);
    // Centres on a position at a zoom (1 = the whole world fits).
    void centerOn(double lat, double lon, double zoom);
    double zoom() const { return m_zoom; }

    struct Bubble {
        QPointF center; // widget coordinates
        double lat = 0, lon = 0; // mean position
        QVector<qint64> photos;
    };
    // The bubbles as drawn now (for tests and clicks).
    QList<Bubble> bubbles() const;

Q_SIGNALS:
    void bubbleClicked(const QVector<qint64>& photoIds, double lat, double lon);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    double scale() const; // pixels per degree
    QPointF toWidget(double lat, double lon) const;
    void drawBubbles(QPainter& p, const QList<Bubble>& bubbles) const;

    QPainterPath m_land, m_borders;
    QList<GpsPhoto> m_photos;
    double m_centerLat = 20, m_centerLon = 0, m_zoom = 1;
    QPoint m_pressPos, m_lastPos;
    bool m_dragging = false;
};

} // namespace shoebox
