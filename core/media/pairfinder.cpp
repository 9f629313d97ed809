#include "media/pairfinder.h"

#include "image/imageprobe.h"

#include "tunables.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cstdlib>

namespace shoebox {

namespace {

QByteArray extension(const QByteArray& path)
{
    const int slash = int(path.lastIndexOf('/'));
    const int dot = int(path.lastIndexOf('.'));
    return dot > slash ? path.mid(dot + 1).toLower() : QByteArray();
}

// Capture times within the tolerance: as instants when both know their UTC offset, else as wall times.
bool takenTogether(const PhotoMetadata& a, const PhotoMetadata& b)
{
    if (!a.takenAt.isValid() || !b.takenAt.isValid())
        return false;
    qint64 ms = a.takenAt.msecsTo(b.takenAt);
    if (a.utcOffsetMinutes && b.utcOffsetMinutes)
        ms += qint64(*a.utcOffsetMinutes - *b.utcOffsetMinutes) * 60'000;
    return std::llabs(ms) <= tunables::kLivePhotoTimeToleranceMs;
}

struct Folder {
    QList<const PhotoRecord*> stills, movs, raws;
    QSet<qint64> stillHasMov;
    QList<PairLink> links;

    void link(const PhotoRecord& secondary, const PhotoRecord& primary, PartnerRole role)
    {
        links.append({ secondary.id, primary.id, role });
        if (role == PartnerRole::LiveMotion)
            stillHasMov.insert(primary.id);
    }

    void pairLive()
    {
        QList<const PhotoRecord*> unmatched;
        for (const PhotoRecord* mov : movs) {
            const PhotoRecord* match = nullptr;
            for (const PhotoRecord* s : stills)
                if (!match && !mov->meta.contentId.isEmpty() && s->meta.contentId == mov->meta.contentId
                    && !stillHasMov.contains(s->id))
                    match = s;
            if (match)
                link(*mov, *match, PartnerRole::LiveMotion);
            else
                unmatched.append(mov);
        }
        // Fallback for files whose identifiers were stripped (exports, older phones).
        for (const PhotoRecord* mov : unmatched) {
            const QString base = PairFinder::baseName(mov->path);
            for (const PhotoRecord* s : stills) {
                const bool idsDiffer = !s->meta.contentId.isEmpty() && !mov->meta.contentId.isEmpty();
                if (!idsDiffer && !stillHasMov.contains(s->id) && PairFinder::baseName(s->path) == base
                    && takenTogether(s->meta, mov->meta)) {
                    link(*mov, *s, PartnerRole::LiveMotion);
                    break;
                }
            }
        }
    }

    void pairRaw()
    {
        QHash<QString, QList<const PhotoRecord*>> stillsByName, rawsByName;
        for (const PhotoRecord* s : stills)
            stillsByName[PairFinder::baseName(s->path)].append(s);
        for (const PhotoRecord* r : raws)
            rawsByName[PairFinder::baseName(r->path)].append(r);
        for (auto it = rawsByName.cbegin(); it != rawsByName.cend(); ++it) {
            const auto& named = stillsByName.value(it.key());
            // Two RAWs or two stills of one name: which belongs to which is a guess, so none is made.
            if (it->size() == 1 && named.size() == 1)
                link(*it->first(), *named.first(), PartnerRole::RawOriginal);
        }
    }
};

} // namespace

bool PairFinder::isRawName(const QByteArray& path)
{
    // By name: a RAW pairs with its JPEG even when this LibRaw cannot open it.
    return isRawFormat(QString::fromLatin1(extension(path)));
}

bool PairFinder::isStill(const PhotoRecord& r)
{
    static const QSet<QByteArray> still = { "jpg", "jpeg", "jpe", "heic", "heif", "hif" };
    static const QSet<QString> formats = { QStringLiteral("jpeg"), QStringLiteral("heic"), QStringLiteral("heif") };
    return !isRawName(r.path) && (still.contains(extension(r.path)) || formats.contains(r.format));
}

bool PairFinder::isMov(const PhotoRecord& r)
{
    return extension(r.path) == "mov" || r.format == QLatin1String("mov");
}

QString PairFinder::baseName(const QByteArray& path)
{
    const int slash = int(path.lastIndexOf('/'));
    const int dot = int(path.lastIndexOf('.'));
    const QByteArray name = path.mid(slash + 1, dot > slash ? dot - slash - 1 : -1);
    return QFile::decodeName(name).toLower();
}

QList<PairLink> PairFinder::find(const QList<PhotoRecord>& records)
{
    Folder f;
    QList<const PhotoRecord*> sorted;
    for (const PhotoRecord& r : records)
        if (r.state != PhotoState::Missing && r.id > 0)
            sorted.append(&r);
    // Ids order the choices, so the same folder always pairs the same way (rescans keep pairs).
    std::sort(sorted.begin(), sorted.end(), [](const PhotoRecord* a, const PhotoRecord* b) { return a->id < b->id; });
    for (const PhotoRecord* r : sorted) {
        if (isRawName(r->path))
            f.raws.append(r);
        else if (isMov(*r))
            f.movs.append(r);
        else if (isStill(*r) && r->state == PhotoState::Ok) // a still that cannot be shown cannot stand for a pair
            f.stills.append(r);
    }
    f.pairLive();
    f.pairRaw();
    return f.links;
}

} // namespace shoebox
