#pragma once
// The map's land and borders as a picture drawn off the UI thread: twice the view on each axis, so a
// pan only copies pixels, and a new picture is drawn on the thread pool when the view nears its edge
// or the zoom changes. Until it arrives the last picture is shown, scaled to the new zoom, so no frame
// on the UI thread ever waits for the ~100 ms a detailed coastline takes to rasterise.
// UI thread only (the drawing job holds only copies and shared immutable outlines).

#include "places/mapoutline.h"

#include <QColor>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>

#include <memory>

class QPainter;

namespace shoebox {

class MapLandLayer : public QObject {
    Q_OBJECT
public:
    struct Style {
        QColor sea, land, border;
    };
    struct Picture {
        QImage image;
        QPointF origin; // top left, in scaled map pixels (x = lon * scale, y = -lat * scale)
        double scale = 0; // pixels per degree
    };

    explicit MapLandLayer(QObject* parent = nullptr);

    void setOutlines(std::shared_ptr<const MapOutline> land, std::shared_ptr<const MapOutline> borders);
    void setStyle(const Style& style);
    // Draws the land for a view whose top left is view (scaled map pixels); asks for a new picture
    // when this one does not cover the view with a margin, or is at another scale.
    void draw(QPainter& p, QPointF view, QSizeF size, double scale, qreal dpr);
    // Whether a picture is being drawn, or none fits the last view drawn.
    bool isBusy() const { return m_running || m_stale; }

    // Draws a picture of the land: the job run on the pool, any thread.
    static Picture render(const MapOutline& land, const MapOutline& borders, const Style& style, QPointF origin,
        QSizeF size, double scale, qreal dpr);

Q_SIGNALS:
    void updated(); // a new picture arrived: repaint

private:
    void request(QPointF origin, QSizeF size, double scale, qreal dpr);

    std::shared_ptr<const MapOutline> m_land, m_borders;
    Style m_style;
    Picture m_picture;
    QFutureWatcher<Picture> m_watcher;
    bool m_running = false;
    bool m_stale = true; // the picture shown does not fit the last view
};

} // namespace shoebox
