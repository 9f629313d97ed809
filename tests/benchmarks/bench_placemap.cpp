// The Places map at scale: frame times on the UI thread while a 100k-photo map is panned at three
// zooms, against the same map without photos in the same run. Photos are scattered around the
// 2,000 largest towns of the place data (clustered like a real library), with a fixed seed.
//   bench_placemap [N]        N photos, 100000 by default
// Prints per zoom: median and worst UI-thread frame (ms) with and without photos, the bubbles drawn,
// and how many frames showed a stretched or shifted land picture while the exact one was drawn.
#include "places/placemapwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace shoebox;

namespace {

QList<GpsPhoto> scatteredPhotos(const PlaceIndex& index, int n)
{
    std::vector<const PlaceCity*> towns;
    for (const PlaceCity& c : index.cities())
        towns.push_back(&c);
    const size_t keep = std::min<size_t>(2000, towns.size());
    std::partial_sort(towns.begin(), towns.begin() + long(keep), towns.end(),
        [](const PlaceCity* a, const PlaceCity* b) { return a->population > b->population; });
    QRandomGenerator rng(13);
    QList<GpsPhoto> photos;
    photos.reserve(n);
    for (int i = 0; i < n; ++i) {
        const PlaceCity* t = towns[size_t(rng.bounded(int(keep)))];
        const double r = 0.05 * std::sqrt(-2 * std::log(std::max(1e-9, rng.generateDouble())));
        const double a = 2 * M_PI * rng.generateDouble();
        photos.append({ i + 1, std::clamp(t->lat + r * std::sin(a), -89.0, 89.0), t->lon + r * std::cos(a), {} });
    }
    return photos;
}

struct Frames {
    double median = 0, worst = 0;
    int bubbles = 0;
    int late = 0; // frames shown while the land for that view was still being drawn off the UI thread
};

// Lets the event loop run for a frame's time, as it does between the mouse moves of a drag.
void betweenFrames(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Pans east then north in 8-pixel steps (a drag) and times each full repaint.
Frames pan(PlaceMapWidget& map, double lat, double lon, double zoom)
{
    QImage target(map.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    map.centerOn(lat, lon, zoom);
    map.render(&target); // the first frame builds caches and asks for the land: not a panning frame
    for (int i = 0; i < 500 && map.isDrawingLand(); ++i) {
        betweenFrames(10);
        map.render(&target);
    }
    int late = 0;
    for (int step = 0; step < 160; ++step) {
        const double deg = 8.0 / (std::min(map.width() / 360.0, map.height() / 170.0) * zoom);
        lon += step < 80 ? deg : 0;
        lat += step < 80 ? 0 : deg;
        map.centerOn(lat, lon, zoom);
        QElapsedTimer t;
        t.start();
        map.render(&target);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        late += map.isDrawingLand() ? 1 : 0;
        betweenFrames(16);
    }
    std::sort(ms.begin(), ms.end());
    return { ms[ms.size() / 2], ms.back(), int(map.bubbles().size()), late };
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1, atoi(argv[1])) : 100000;
    QString error;
    const PlaceIndex* index = PlaceIndex::shared(&error);
    if (!index) {
        std::fprintf(stderr, "no place data: %s\n", qPrintable(error));
        return 1;
    }
    PlaceMapWidget bare, full;
    for (PlaceMapWidget* m : { &bare, &full }) {
        m->resize(1280, 800);
        m->setIndex(index);
    }
    full.setPhotos(scatteredPhotos(*index, n));
    std::printf("map frames while panning, %d photos, 1280x800, 160 frames per zoom\n", n);
    std::printf("%-22s %10s %10s %11s %12s %8s %10s\n", "view", "bare med", "bare worst", "photos med", "photos worst",
        "bubbles", "land late");
    const struct {
        const char* name;
        double lat, lon, zoom;
    } views[]
        = { { "world (zoom 1)", 20, 0, 1 }, { "Europe (zoom 6)", 48, 5, 6 }, { "Tokyo (zoom 64)", 35.6, 139.6, 64 } };
    for (const auto& v : views) {
        const Frames b = pan(bare, v.lat, v.lon, v.zoom);
        const Frames f = pan(full, v.lat, v.lon, v.zoom);
        std::printf("%-22s %10.2f %10.2f %11.2f %12.2f %8d %6d/160\n", v.name, b.median, b.worst, f.median, f.worst,
            f.bubbles, f.late);
    }
    return 0;
}
