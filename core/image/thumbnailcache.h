#pragma once
// Thumbnails in the freedesktop Thumbnail Managing Standard cache (~/.cache/thumbnails/{normal,large}),
// so other desktop programs share them and Shoebox reuses theirs. Any thread; writes are atomic
// (temporary file + rename), so concurrent writers never leave a half-written thumbnail.

#include <QByteArray>
#include <QImage>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace shoebox {

class ThumbnailCache {
public:
    enum Size { Normal = 128, Large = 256 };

    // The file URI the standard hashes: file:// + the raw path bytes percent-encoded as GLib does.
    static QByteArray uriFor(const QByteArray& absolutePath);
    static QString thumbnailPath(const QByteArray& absolutePath, Size size);
    // A valid cached thumbnail (its Thumb::MTime equals the file's mtime in seconds), or a null image.
    static QImage load(const QByteArray& absolutePath, qint64 mtimeSeconds, Size size = Large);
    static bool isValid(const QByteArray& absolutePath, qint64 mtimeSeconds, Size size = Large);
    // The image scaled to fit the size (unchanged when already small enough).
    static cv::Mat scaled(const cv::Mat& uprightBgr, Size size);
    // Scales the upright image down to the size and writes it with the standard's metadata.
    static bool store(const QByteArray& absolutePath, qint64 mtimeSeconds, qint64 fileSize, const cv::Mat& uprightBgr,
        int fullWidth, int fullHeight, Size size = Large);
    static QString cacheRoot();
};

} // namespace shoebox
