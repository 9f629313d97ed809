// Reverse geocoding at library scale.
//   bench_places [N]   loads the place data (time, memory), then looks up N random land points and N
//                      photo-like points (clustered around towns by population) on every core, with
//                      the full rules (polygon country, town in that country, coasts) and, as the
//                      baseline in the same run, the bare nearest-town lookup peers use.

#include "places/placeindex.h"
#include "places/reversegeocoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>
#include <cstdio>

using namespace shoebox;

namespace {

struct Point {
    double lat, lon;
};

long residentKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return 0;
}

// Around towns: uniform within 50 km (land points, mostly), or within 3 km of towns drawn by
// population (where people take photos).
std::vector<Point> points(const PlaceIndex& index, int n, bool byPopulation, quint32 seed)
{
    QRandomGenerator rng(seed);
    const auto& cities = index.cities();
    std::vector<size_t> big;
    for (size_t i = 0; i < cities.size(); ++i)
        if (cities[i].population >= 100000)
            big.push_back(i);
    std::vector<Point> out;
    out.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        const PlaceCity& c = byPopulation ? cities[big[rng.bounded(quint32(big.size()))]]
                                          : cities[rng.bounded(quint32(cities.size()))];
        const double km = (byPopulation ? 3.0 : 50.0) * std::sqrt(rng.generateDouble());
        const double angle = rng.generateDouble() * 2 * M_PI;
        const double lat = c.lat + km / 111.0 * std::sin(angle);
        const double lon = c.lon + km / (111.0 * std::max(0.05, std::cos(c.lat * M_PI / 180))) * std::cos(angle);
        out.push_back({ std::clamp(lat, -89.9, 89.9), std::clamp(lon, -179.9, 179.9) });
    }
    return out;
}

template <typename F> double seconds(const std::vector<Point>& pts, F lookup)
{
    QElapsedTimer t;
    t.start();
    QtConcurrent::blockingMap(pts, lookup);
    return t.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 1000000;
    const long before = residentKb();
    QElapsedTimer t;
    t.start();
    PlaceIndex index;
    QString error;
    if (!index.load(PlaceIndex::locate(), &error))
        return std::fprintf(stderr, "%s\n", qPrintable(error)), 1;
    const double load = t.nsecsElapsed() / 1e9;
    std::printf("load %.2f s, +%.1f MB resident, file %.1f MB, %d threads\n", load, (residentKb() - before) / 1024.0,
        QFile(PlaceIndex::locate()).size() / 1048576.0, QThread::idealThreadCount());
    const ReverseGeocoder geocoder(index);
    for (const bool photoLike : { false, true }) {
        const auto pts = points(index, n, photoLike, photoLike ? 2 : 1);
        std::atomic<int> found { 0 }, sea { 0 };
        const double full = seconds(pts, [&](const Point& p) {
            const PlaceMatch m = geocoder.lookup(p.lat, p.lon);
            found += m.cityId != 0;
            sea += m.atSea;
        });
        const double bare = seconds(pts, [&](const Point& p) { (void)index.citiesWithin(p.lat, p.lon, 25.0); });
        std::printf("%s: %d points, full rules %.2f s, bare town search %.2f s (ratio %.2f), %.1f %% with a town, "
                    "%.1f %% at sea\n",
            photoLike ? "photo-like" : "land", n, full, bare, full / bare, 100.0 * found / n, 100.0 * sea / n);
    }
    return 0;
}
