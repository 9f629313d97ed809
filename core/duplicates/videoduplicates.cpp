#include "duplicates/videoduplicates.h"

#include "catalog/hashstore.h"
#include "duplicates/duplicatestore.h"
#include "duplicates/videomatcher.h"

#include <QHash>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcVideoDup, "shoebox.core.duplicates.video", QtInfoMsg)

namespace shoebox {

namespace {

QString fileName(const PhotoSignals& p)
{
    return p.path.mid(p.path.lastIndexOf(QLatin1Char('/')) + 1);
}

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

// The copy to keep first: the larger frame, then the longer clip (an untrimmed original), then the
// larger file (less compressed), then the older file.
bool better(const PhotoSignals& a, const FrameHashSequence& sa, const PhotoSignals& b, const FrameHashSequence& sb)
{
    if (a.pixels() != b.pixels())
        return a.pixels() > b.pixels();
    if (std::abs(sa.durationMs - sb.durationMs) > 100)
        return sa.durationMs > sb.durationMs;
    if (a.size != b.size)
        return a.size > b.size;
    return a.mtimeNs < b.mtimeNs;
}

QString keeperReason(
    const PhotoSignals& a, const FrameHashSequence& sa, const PhotoSignals& b, const FrameHashSequence& sb)
{
    if (a.pixels() != b.pixels())
        return QStringLiteral("largest frame (%1x%2 vs %3x%4)").arg(a.width).arg(a.height).arg(b.width).arg(b.height);
    if (std::abs(sa.durationMs - sb.durationMs) > 100)
        return QStringLiteral("longest clip (%1 vs %2)").arg(seconds(sa.durationMs), seconds(sb.durationMs));
    if (a.size != b.size)
        return QStringLiteral("largest file, least compressed (%1 vs %2 bytes)").arg(a.size).arg(b.size);
    return QStringLiteral("oldest file");
}

} // namespace

VideoDuplicates::VideoDuplicates(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

bool VideoDuplicates::isVideo(const PhotoSignals& p)
{
    static const QSet<QString> formats = { QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("m4v"),
        QStringLiteral("3gp"), QStringLiteral("mkv"), QStringLiteral("webm"), QStringLiteral("avi") };
    return formats.contains(p.format);
}

QVector<PhotoSignals> VideoDuplicates::takeVideos(QVector<PhotoSignals>& photos)
{
    QVector<PhotoSignals> videos;
    const auto firstVideo
        = std::stable_partition(photos.begin(), photos.end(), [](const PhotoSignals& p) { return !isVideo(p); });
    std::move(firstVideo, photos.end(), std::back_inserter(videos));
    photos.erase(firstVideo, photos.end());
    return videos;
}

QVector<FrameHashSequence> VideoDuplicates::sequences(
    const QVector<PhotoSignals>& videos, const std::atomic_bool* cancel)
{
    QVector<FrameHashSequence> out(videos.size());
    HashStore store(m_path);
    QList<QPair<qint64, QByteArray>> computed;
    for (int i = 0; i < videos.size(); ++i) {
        if (cancel && cancel->load())
            break;
        QByteArray bytes = store.hashes(videos[i].id).value(kKind);
        if (bytes.isEmpty()) {
            QString why;
            bytes = VideoFrames::hashSequenceOfFile(videos[i].rawPath, &why);
            if (bytes.isEmpty()) {
                qCInfo(lcVideoDup) << "no frame hashes for" << videos[i].path << ":" << why;
                bytes = FrameHashSequence().encode(); // remembered, so the file is not read again
            }
            computed.append({ videos[i].id, bytes });
        }
        if (auto s = FrameHashSequence::decode(bytes))
            out[i] = *s;
    }
    QString error;
    if (!computed.isEmpty() && !store.storeKind(kKind, computed, &error))
        qCWarning(lcVideoDup) << "cannot store frame hashes:" << error;
    return out;
}

QList<DuplicateGroup> VideoDuplicates::find(const QVector<PhotoSignals>& videos, DuplicateLevel level,
    const QSet<QByteArray>& decidedPairs, const std::atomic_bool* cancel)
{
    if (videos.size() < 2 || (level != DuplicateLevel::Exact && level != DuplicateLevel::Near))
        return {};
    const QVector<FrameHashSequence> seqs
        = level == DuplicateLevel::Near ? sequences(videos, cancel) : QVector<FrameHashSequence>(videos.size());
    if (cancel && cancel->load())
        return {};
    return groupsOf(videos, seqs, level, decidedPairs);
}

QList<DuplicateGroup> VideoDuplicates::groupsOf(const QVector<PhotoSignals>& videos,
    const QVector<FrameHashSequence>& seqs, DuplicateLevel level, const QSet<QByteArray>& decidedPairs)
{
    // One representative per content hash, best first; its byte-identical copies follow it.
    auto keyOf = [&videos](int i) {
        return videos[i].contentHash.isEmpty() ? QByteArray::number(-1 - i) : videos[i].contentHash;
    };
    QHash<QByteArray, QVector<int>> copies;
    QVector<int> reps;
    for (int i = 0; i < videos.size(); ++i) {
        QVector<int>& c = copies[keyOf(i)];
        if (c.isEmpty())
            reps << i;
        c << i;
    }
    std::sort(reps.begin(), reps.end(), [&](int a, int b) { return better(videos[a], seqs[a], videos[b], seqs[b]); });
    QList<DuplicateGroup> out;
    QSet<int> taken;
    for (int r : reps) {
        if (taken.contains(r))
            continue;
        QVector<int> members = copies.value(keyOf(r));
        bool near = false;
        QStringList reasons;
        for (int k = 1; k < members.size(); ++k)
            reasons << QStringLiteral("%1 ~ %2: same bytes").arg(fileName(videos[members[k]]), fileName(videos[r]));
        for (int o : reps) {
            if (level != DuplicateLevel::Near || o == r || taken.contains(o)
                || decidedPairs.contains(DuplicateStore::pairKey(videos[r].contentHash, videos[o].contentHash)))
                continue;
            const VideoMatch m = VideoMatcher::compare(seqs[r], seqs[o]);
            if (!m.same)
                continue;
            taken.insert(o);
            near = true;
            for (int c : copies.value(keyOf(o))) {
                members << c;
                reasons << QStringLiteral("%1 ~ %2: %3").arg(fileName(videos[c]), fileName(videos[r]), m.reason);
            }
        }
        taken.insert(r);
        if (members.size() < 2)
            continue;
        DuplicateGroup g;
        g.level = near ? DuplicateLevel::Near : DuplicateLevel::Exact;
        for (int i : members) {
            g.members << videos[i].id;
            g.files << videos[i].path;
            g.contentHashes << videos[i].contentHash;
        }
        g.keeper = 0;
        const int runnerUp = members[1];
        g.keeperReason = keeperReason(videos[r], seqs[r], videos[runnerUp], seqs[runnerUp]);
        g.reasons = reasons;
        out << g;
    }
    return out;
}

} // namespace shoebox
