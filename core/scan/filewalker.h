#pragma once
// Walks folders for image and video files on raw file-system bytes (non-UTF-8 names survive), following
// symbolic links without looping (each folder and file is visited once by device and inode), skipping
// hidden folders, and reporting folders it cannot read instead of stopping. Any thread.

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <vector>

namespace shoebox {

struct FileEntry {
    QByteArray path; // absolute, raw bytes
    qint64 size = 0;
    qint64 mtimeNs = 0;
    bool unsupportedByName = false; // a format named by its extension that is listed, not decoded
    QByteArray sidecar; // the photo's .xmp sidecar (SidecarFinder); empty when none
    qint64 sidecarMtimeNs = 0;
};

struct WalkResult {
    std::vector<FileEntry> files;
    QStringList problems; // "path: reason" for folders that could not be read, loops, ...
    QList<QByteArray> unreadableDirs; // photos below these are not marked missing
};

class FileWalker {
public:
    // roots may be folders or single files; relative roots are made absolute.
    static WalkResult walk(const QList<QByteArray>& roots, const std::atomic_bool* cancel = nullptr);
    static bool isImageName(const QByteArray& name);
    static bool isUnsupportedImageName(const QByteArray& name);
    // Videos (issue 10): decoded by core/media, whatever the extension claims.
    static bool isVideoName(const QByteArray& name);
    static QByteArray absolute(const QByteArray& path);
};

} // namespace shoebox
