#include "duplicates/keeperchooser.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace shoebox {

namespace {

struct Rule {
    // Higher is better; tolerance: values within this factor of the best count as a tie.
    std::function<double(const PhotoSignals&)> value;
    double tolerance;
    std::function<QString(const PhotoSignals& best, const PhotoSignals& other)> reason;
    std::function<bool(const QVector<PhotoSignals>&, const std::vector<int>&)> applies;
};

QString sizeText(const PhotoSignals& p)
{
    if (!p.region.isWhole()) // the picture inside a frame, border or screenshot
        return QStringLiteral("%1x%2 inside a frame")
            .arg(qRound(p.width * p.region.widthShare()))
            .arg(qRound(p.height * p.region.heightShare()));
    return QStringLiteral("%1x%2").arg(p.width).arg(p.height);
}

// Pixels of the picture itself: a border, padding or a phone's chrome adds none.
double picturePixels(const PhotoSignals& p)
{
    return double(p.pixels()) * p.region.area();
}

QString name(const PhotoSignals& p)
{
    return QFileInfo(p.path).fileName();
}

bool sameFormat(const QVector<PhotoSignals>& m, const std::vector<int>& alive)
{
    for (int i : alive)
        if (m[i].format != m[alive.front()].format)
            return false;
    return true;
}

// Spread of the grey thumbnail's levels: the picture's contrast, which blur barely moves.
double contrast(const PhotoSignals& p)
{
    if (p.gray.isEmpty())
        return 0;
    double sum = 0, sq = 0;
    for (char c : p.gray) {
        const double v = static_cast<unsigned char>(c);
        sum += v;
        sq += v * v;
    }
    const double n = p.gray.size(), mean = sum / n;
    return std::sqrt(std::max(0.0, sq / n - mean * mean));
}

// Noise floor against contrast (a low-contrast copy has a lower floor and is no cleaner). Below
// kCleanNoise every copy counts as clean: what is left there is JPEG, not grain.
constexpr double kCleanNoise = 0.05;

double relativeNoise(const PhotoSignals& p)
{
    return double(p.noise) / std::max(8.0, contrast(p));
}

// The noise floor tells grain only where the picture has quiet parts: on a texture that fills the
// frame (gravel, grass) it measures the texture, and a blurred copy would read "cleanest".
bool noiseTellsGrain(const QVector<PhotoSignals>& m, const std::vector<int>& alive)
{
    double quietest = std::numeric_limits<double>::max();
    for (int i : alive) {
        if (m[i].noise < 0)
            return false;
        quietest = std::min(quietest, relativeNoise(m[i]));
    }
    return quietest <= kCleanNoise;
}

double quietness(const PhotoSignals& p)
{
    return -std::max(relativeNoise(p), kCleanNoise);
}

bool allJpegWithQuality(const QVector<PhotoSignals>& m, const std::vector<int>& alive)
{
    for (int i : alive)
        if (m[i].jpegQuality <= 0)
            return false;
    return true;
}

// Laplacian variance against the picture's contrast (both scale with the square of a contrast
// change): a contrast boost is not a sharper photo, a blurred one is less sharp.
double relativeSharpness(const PhotoSignals& p)
{
    if (p.sharpness < 0)
        return -1;
    const double c = contrast(p);
    return c > 0 ? double(p.sharpness) / std::max(1.0, c * c) : double(p.sharpness);
}

bool always(const QVector<PhotoSignals>&, const std::vector<int>&)
{
    return true;
}

// Lossless copies of one picture differ only in what was drawn on them (a caption, a sticker), which
// adds bytes, detail and "noise": those measures then favour the edited copy, so they stay out.
bool notAllLossless(const QVector<PhotoSignals>& m, const std::vector<int>& alive)
{
    return std::any_of(alive.begin(), alive.end(), [&](int i) { return !m[i].lossless(); });
}

double bytesPerPixel(const PhotoSignals& p)
{
    return p.pixels() > 0 ? double(p.size) / double(p.pixels()) : 0.0;
}

// Older is better: negate the time so "higher is better" holds; unknown times lose.
// Without a camera time the file time decides, to the nanosecond: an edited copy is written after
// the photo it was made from.
double age(const PhotoSignals& p)
{
    const double t = p.takenFromExif && p.takenAtMs >= 0 ? double(p.takenAtMs) * 1e6 : double(p.mtimeNs);
    return t > 0 ? -t : -std::numeric_limits<double>::max();
}

// The picture's shape most members share (inside their frames): a stretched or squashed copy is the
// odd one out.
double commonAspect(const QVector<PhotoSignals>& members)
{
    std::vector<double> aspects;
    for (const PhotoSignals& p : members)
        if (p.width > 0 && p.height > 0)
            aspects.push_back(p.innerAspect());
    if (aspects.empty())
        return 0;
    std::nth_element(aspects.begin(), aspects.begin() + long(aspects.size() / 2), aspects.end());
    return aspects[aspects.size() / 2];
}

// Pixels of the largest undistorted picture of the common shape that p samples as finely: a copy
// stretched 15% wide has 15% more pixels but not one more of the picture's detail along its height.
double undistortedPixels(const PhotoSignals& p, double aspect)
{
    if (aspect <= 0)
        return picturePixels(p);
    const double w = p.width * p.region.widthShare(), h = p.height * p.region.heightShare();
    const double side = std::min(w, h * aspect);
    return side * side / aspect;
}

// The largest picture among the members shown without a frame; 0 when every member is framed.
double largestUnframed(const QVector<PhotoSignals>& members, double aspect)
{
    double out = 0;
    for (const PhotoSignals& p : members)
        if (p.region.isWhole())
            out = std::max(out, undistortedPixels(p, aspect));
    return out;
}

// unframedCap: a frame's inside counts at most as many pixels as the largest unframed copy. A border
// or a screenshot is made from a picture and resamples it (a phone screen enlarges a 768 px photo to
// 1080 px): more pixels inside a frame are not more detail, so the copy without the frame is kept.
std::vector<Rule> rules(double unframedCap, double aspect)
{
    const auto pixels = [unframedCap, aspect](const PhotoSignals& p) {
        const double inside = undistortedPixels(p, aspect);
        return p.region.isWhole() || unframedCap <= 0 ? inside : std::min(inside, unframedCap);
    };
    return {
        { pixels, 1.02,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("largest pixel count (%1 vs %2)").arg(sizeText(b), sizeText(o));
            },
            always },
        // The same picture with and without a frame: the frame was added to a copy.
        { [](const PhotoSignals& p) { return p.region.isWhole() ? 1.0 : 0.0; }, 1.0,
            [](const PhotoSignals&, const PhotoSignals& o) {
                return QStringLiteral("no frame (%1 has a %2)").arg(name(o), o.region.describe());
            },
            always },
        // A PNG or WebP made from a JPEG holds no more than the JPEG did, however many bytes it takes.
        { [](const PhotoSignals& p) { return KeeperChooser::isDerivedFormat(p.format) ? 0.0 : 1.0; }, 1.0,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("original format %1 over derived %2").arg(b.format, o.format);
            },
            always },
        { [](const PhotoSignals& p) { return double(p.jpegQuality); }, 1.04,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("least compression (JPEG quality %1 vs %2)")
                    .arg(b.jpegQuality)
                    .arg(o.jpegQuality);
            },
            allJpegWithQuality },
        // Grain added to a copy costs bytes and Laplacian variance: it must not win on either.
        { quietness, 1.6,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("least noise (%1 vs %2 grey levels)")
                    .arg(b.noise, 0, 'f', 1)
                    .arg(o.noise, 0, 'f', 1);
            },
            [](const QVector<PhotoSignals>& m, const std::vector<int>& alive) {
                return noiseTellsGrain(m, alive) && notAllLossless(m, alive);
            } },
        { bytesPerPixel, 1.15,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("least compression (%1 vs %2 bytes per pixel)")
                    .arg(bytesPerPixel(b), 0, 'f', 2)
                    .arg(bytesPerPixel(o), 0, 'f', 2);
            },
            [](const QVector<PhotoSignals>& m, const std::vector<int>& alive) {
                return sameFormat(m, alive) && !allJpegWithQuality(m, alive) && notAllLossless(m, alive);
            } },
        { [](const PhotoSignals& p) { return p.hasExif ? 1.0 : 0.0; }, 1.0,
            [](const PhotoSignals&, const PhotoSignals& o) {
                return QStringLiteral("EXIF present (%1 has none)").arg(name(o));
            },
            always },
        { relativeSharpness, 1.10,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("sharpest (Laplacian variance %1 vs %2 for its structure)")
                    .arg(relativeSharpness(b), 0, 'f', 1)
                    .arg(relativeSharpness(o), 0, 'f', 1);
            },
            notAllLossless },
        { age, 1.0,
            [](const PhotoSignals&, const PhotoSignals& o) {
                return QStringLiteral("oldest (%1 is newer)").arg(name(o));
            },
            always },
    };
}

// A thin margin the frame detector finds around one photo and not around another of the same canvas
// (a logo's white ground, a scan's dark edge, where grain or a colour change hid it in the copy) is the
// picture's own: a frame added to a copy enlarges its canvas or takes a band of it. Such members are
// compared as unframed.
QVector<PhotoSignals> withOwnMargins(QVector<PhotoSignals> members)
{
    constexpr double kSameCanvas = 0.02, kThinMargin = 0.06;
    const auto sameCanvas = [](const PhotoSignals& a, const PhotoSignals& b) {
        return a.width > 0 && b.width > 0 && a.height > 0 && b.height > 0
            && std::abs(double(a.width) / b.width - 1) <= kSameCanvas
            && std::abs(double(a.height) / b.height - 1) <= kSameCanvas;
    };
    QVector<int> own;
    for (int i = 0; i < members.size(); ++i) {
        const ContentRegion& r = members[i].region;
        if (r.isWhole() || std::max({ r.left, r.top, r.right, r.bottom }) > kThinMargin)
            continue;
        for (const PhotoSignals& other : members)
            if (other.region.isWhole() && sameCanvas(members[i], other)) {
                own << i;
                break;
            }
    }
    for (int i : own)
        members[i].region = ContentRegion();
    return members;
}

bool within(double v, double best, double tolerance)
{
    if (tolerance <= 1.0)
        return v >= best;
    return best >= 0 ? v * tolerance >= best : v >= best * tolerance;
}

} // namespace

QVector<PhotoSignals> KeeperChooser::ownMarginsWhole(
    QVector<PhotoSignals> members, const QVector<bool>& provenOwn, double shapeTolerance)
{
    const QVector<PhotoSignals> given = members;
    const bool noneUnframed
        = std::none_of(given.begin(), given.end(), [](const PhotoSignals& p) { return p.region.isWhole(); });
    for (int i = 0; i < members.size() && i < provenOwn.size(); ++i) {
        const auto unframedAlike = [&](const PhotoSignals& o) {
            return o.region.isWhole() && std::abs(o.aspect() / given[i].aspect() - 1) <= shapeTolerance;
        };
        if (provenOwn[i] && (noneUnframed || std::any_of(given.begin(), given.end(), unframedAlike))) {
            members[i].region = ContentRegion();
            members[i].hasInner = false;
        }
    }
    return members;
}

bool KeeperChooser::isDerivedFormat(const QString& format)
{
    static const QStringList derived
        = { QStringLiteral("png"), QStringLiteral("webp"), QStringLiteral("gif"), QStringLiteral("bmp") };
    return derived.contains(format.toLower());
}

std::pair<int, QString> KeeperChooser::choose(const QVector<PhotoSignals>& given)
{
    const QVector<PhotoSignals> members = withOwnMargins(given);
    std::vector<int> alive;
    for (int i = 0; i < members.size(); ++i)
        alive.push_back(i);
    if (alive.size() <= 1)
        return { 0, QStringLiteral("only photo") };
    const double aspect = commonAspect(members);
    const std::vector<Rule> all = rules(largestUnframed(members, aspect), aspect);
    std::vector<std::pair<const Rule*, int>> steps; // rule, the best photo it removed
    for (const Rule& rule : all) {
        if (alive.size() == 1)
            break;
        if (!rule.applies(members, alive))
            continue;
        int bestIdx = alive.front();
        for (int i : alive)
            if (rule.value(members[i]) > rule.value(members[bestIdx]))
                bestIdx = i;
        const double best = rule.value(members[bestIdx]);
        std::vector<int> kept;
        int dropped = -1;
        for (int i : alive) {
            if (within(rule.value(members[i]), best, rule.tolerance))
                kept.push_back(i);
            else if (dropped < 0 || rule.value(members[i]) > rule.value(members[dropped]))
                dropped = i; // the runner-up among those this rule removes
        }
        // Every rule that removed someone is part of the reason: the first alone (a pixel count that
        // only removed the crops) says little about why this copy beat the other full-size ones.
        if (dropped >= 0)
            steps.push_back({ &rule, dropped });
        alive = kept;
    }
    const int keeper = alive.front();
    if (steps.empty())
        return { keeper, QStringLiteral("all equal; first found") };
    QStringList reasons;
    for (const auto& [rule, removed] : steps)
        reasons << rule->reason(members[keeper], members[removed]);
    return { keeper, reasons.join(QStringLiteral("; ")) };
}

} // namespace shoebox
