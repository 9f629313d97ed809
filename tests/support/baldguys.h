#pragma once
// Who is who in dlib's examples/faces/bald_guys.jpg (scripts/fetch-test-photos.sh puts it in
// .testdata/faces/dlib/): a collage of 24 portraits of 4 people, 6 each (Vin Diesel 0, Jason Statham 1,
// Dwayne Johnson 2, Bruce Willis 3), read off the picture (`bench_people_quality draw` shows it): the
// centre of each face in a 993 x 772 copy, and who it is. A found face is the portrait nearest its
// centre. Used by the people tests and benchmarks (issue 12).

#include <QPointF>

namespace shoebox::test {

struct BaldPortrait {
    double x, y; // face centre in a 993 x 772 copy of the collage
    int person;
};

constexpr BaldPortrait kBaldGuys[] = { { 75, 85, 0 }, { 195, 58, 1 }, { 325, 95, 0 }, { 477, 95, 1 }, { 800, 140, 2 },
    { 193, 150, 0 }, { 68, 238, 0 }, { 195, 262, 1 }, { 322, 262, 0 }, { 478, 245, 1 }, { 940, 245, 2 }, { 72, 390, 1 },
    { 245, 468, 1 }, { 428, 455, 3 }, { 575, 428, 3 }, { 845, 378, 2 }, { 60, 530, 3 }, { 592, 575, 3 }, { 78, 695, 0 },
    { 228, 670, 3 }, { 422, 665, 3 }, { 583, 697, 2 }, { 755, 703, 2 }, { 932, 697, 2 } };
constexpr int kBaldGuysPortraits = int(sizeof(kBaldGuys) / sizeof(kBaldGuys[0]));
constexpr int kBaldGuysPeople = 4;

// The portrait whose face centre is nearest centre (normalised to the collage, 0..1).
inline int baldPortrait(QPointF centre)
{
    int best = 0;
    double bestD = 1e18;
    for (int i = 0; i < kBaldGuysPortraits; ++i) {
        const double dx = centre.x() * 993 - kBaldGuys[i].x, dy = centre.y() * 772 - kBaldGuys[i].y;
        if (dx * dx + dy * dy < bestD) {
            bestD = dx * dx + dy * dy;
            best = i;
        }
    }
    return best;
}

} // namespace shoebox::test
