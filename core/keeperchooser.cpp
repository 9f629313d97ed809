#include "keeperchooser.h"

#include <QFileInfo>

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
    return QStringLiteral("%1x%2").arg(p.width).arg(p.height);
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

bool always(const QVector<PhotoSignals>&, const std::vector<int>&)
{
    return true;
}

double bytesPerPixel(const PhotoSignals& p)
{
    return p.pixels() > 0 ? double(p.size) / double(p.pixels()) : 0.0;
}

// Older is better: negate the time so "higher is better" holds; unknown times lose.
double age(const PhotoSignals& p)
{
    const qint64 t = p.takenAtMs >= 0 ? p.takenAtMs : p.mtimeNs / 1000000;
    return t > 0 ? -double(t) : -std::numeric_limits<double>::max();
}

std::vector<Rule> rules()
{
    return {
        { [](const PhotoSignals& p) { return double(p.pixels()); }, 1.02,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("largest pixel count (%1 vs %2)").arg(sizeText(b), sizeText(o));
            },
            always },
        { bytesPerPixel, 1.15,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("least compression (%1 vs %2 bytes per pixel)")
                    .arg(bytesPerPixel(b), 0, 'f', 2)
                    .arg(bytesPerPixel(o), 0, 'f', 2);
            },
            sameFormat },
        { [](const PhotoSignals& p) { return KeeperChooser::isDerivedFormat(p.format) ? 0.0 : 1.0; }, 1.0,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("original format %1 over derived %2").arg(b.format, o.format);
            },
            always },
        { [](const PhotoSignals& p) { return p.hasExif ? 1.0 : 0.0; }, 1.0,
            [](const PhotoSignals&, const PhotoSignals& o) {
                return QStringLiteral("EXIF present (%1 has none)").arg(name(o));
            },
            always },
        { [](const PhotoSignals& p) { return double(p.sharpness); }, 1.10,
            [](const PhotoSignals& b, const PhotoSignals& o) {
                return QStringLiteral("sharpest (Laplacian variance %1 vs %2)")
                    .arg(b.sharpness, 0, 'f', 0)
                    .arg(o.sharpness, 0, 'f', 0);
            },
            always },
        { age, 1.0,
            [](const PhotoSignals&, const PhotoSignals& o) {
                return QStringLiteral("oldest (%1 is newer)").arg(name(o));
            },
            always },
    };
}

bool within(double v, double best, double tolerance)
{
    if (tolerance <= 1.0)
        return v >= best;
    return best >= 0 ? v * tolerance >= best : v >= best * tolerance;
}

} // namespace

bool KeeperChooser::isDerivedFormat(const QString& format)
{
    static const QStringList derived
        = { QStringLiteral("png"), QStringLiteral("webp"), QStringLiteral("gif"), QStringLiteral("bmp") };
    return derived.contains(format.toLower());
}

std::pair<int, QString> KeeperChooser::choose(const QVector<PhotoSignals>& members)
{
    std::vector<int> alive;
    for (int i = 0; i < members.size(); ++i)
        alive.push_back(i);
    if (alive.size() <= 1)
        return { 0, QStringLiteral("only photo") };
    const std::vector<Rule> all = rules();
    const Rule* decisive = nullptr;
    int runnerUp = -1;
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
        if (dropped >= 0 && !decisive) {
            decisive = &rule;
            runnerUp = dropped;
        }
        alive = kept;
    }
    const int keeper = alive.front();
    return { keeper,
        decisive ? decisive->reason(members[keeper], members[runnerUp]) : QStringLiteral("all equal; first found") };
}

} // namespace shoebox
