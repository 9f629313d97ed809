#pragma once
// The playable file behind a Live Photo or a motion photo: the MOV partner as it is, or the MP4
// appended to a motion photo copied once into a cache folder (the original is only ever read).
// Pure functions on records plus file I/O; any thread (two threads extracting the same clip each
// write their own temporary file and the last rename wins, with identical bytes).

#include "catalog/photo.h"

#include <QList>
#include <QString>

namespace shoebox {

class MotionClip {
public:
    // Whether the photo moves: it has a Live Photo MOV among its partners or an embedded clip.
    static bool isLive(const PhotoRecord& photo, const QList<PhotoRecord>& partners);
    // The MOV partner's path, else the extracted clip of a motion photo (extracted into cacheDir, by
    // default the user cache's "motion" folder); empty with *error when the photo has no motion.
    static QString playablePath(const PhotoRecord& photo, const QList<PhotoRecord>& partners,
        const QString& cacheDir = QString(), QString* error = nullptr);
    // Copies the clip starting at photo.motionOffset to cacheDir/<content hash>.mp4 unless it is
    // there already; checks that an MP4 still starts at that offset (the file may have changed).
    static QString extract(const PhotoRecord& photo, const QString& cacheDir, QString* error = nullptr);
    static QString defaultCacheDir();
};

} // namespace shoebox
