#pragma once
// The duplicate engine's video pass: videos are not compared as stills but by their "vframes"
// frame-hash sequences (VideoMatcher), computed on first need and stored through HashStore. Exact
// copies (same bytes) and near copies (re-encoded, resized, trimmed) form groups around the best
// copy, without chaining. find() reads files and the catalog: call it from a worker thread with its
// own instance; groupsOf() is a pure function, any thread.

#include "duplicates/duplicatetypes.h"
#include "media/videoframes.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QVector>

#include <atomic>

namespace shoebox {

class VideoDuplicates {
public:
    explicit VideoDuplicates(QString libraryPath);

    static bool isVideo(const PhotoSignals& p);
    // Moves the videos out of photos (the still-photo rules must not see them) and returns them.
    static QVector<PhotoSignals> takeVideos(QVector<PhotoSignals>& photos);

    // Groups at `level` (Exact and Near; videos have no "similar" level). decidedPairs holds
    // DuplicateStore::pairKey() values that are never proposed again.
    QList<DuplicateGroup> find(const QVector<PhotoSignals>& videos, DuplicateLevel level,
        const QSet<QByteArray>& decidedPairs, const std::atomic_bool* cancel = nullptr);
    // The grouping on sequences already loaded (sequences[i] belongs to videos[i]).
    static QList<DuplicateGroup> groupsOf(const QVector<PhotoSignals>& videos,
        const QVector<FrameHashSequence>& sequences, DuplicateLevel level, const QSet<QByteArray>& decidedPairs);

    static inline const QString kKind = QStringLiteral("vframes");

private:
    // The stored sequence of each video, computing (and storing) the missing ones from the files.
    QVector<FrameHashSequence> sequences(const QVector<PhotoSignals>& videos, const std::atomic_bool* cancel);

    QString m_path;
};

} // namespace shoebox
