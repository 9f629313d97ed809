#include "image/thumbnailcache.h"

#include "image/pngwriter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace shoebox {

namespace {

// The PNG's tEXt chunks. QImageReader::text() cannot be used: it splits keys at the first ':' and
// the standard's keys are "Thumb::URI", "Thumb::MTime".
QHash<QByteArray, QByteArray> pngTexts(const QString& path)
{
    QHash<QByteArray, QByteArray> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QByteArray d = f.readAll();
    if (!d.startsWith("\x89PNG\r\n\x1a\n"))
        return out;
    qsizetype i = 8;
    while (i + 12 <= d.size()) {
        const auto* p = reinterpret_cast<const unsigned char*>(d.constData() + i);
        const qsizetype len = qsizetype(p[0]) << 24 | p[1] << 16 | p[2] << 8 | p[3];
        if (len < 0 || i + 12 + len > d.size())
            break;
        const QByteArray type = d.mid(i + 4, 4);
        if (type == "tEXt" || type == "zTXt") { // Qt compresses long values (the URI) into zTXt
            const QByteArray body = d.mid(i + 8, len);
            const qsizetype nul = body.indexOf('\0');
            if (nul > 0 && type == "tEXt")
                out.insert(body.left(nul), body.mid(nul + 1));
            else if (nul > 0 && nul + 2 <= body.size()) // key, NUL, method byte, zlib stream
                out.insert(body.left(nul), qUncompress(QByteArray("\0\0\x40\0", 4) + body.mid(nul + 2)));
        } else if (type == "IEND") {
            break;
        }
        i += 12 + len;
    }
    return out;
}

} // namespace

QString ThumbnailCache::cacheRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/thumbnails");
}

QByteArray ThumbnailCache::uriFor(const QByteArray& absolutePath)
{
    // g_filename_to_uri leaves these unescaped besides the RFC 3986 unreserved set.
    return QByteArrayLiteral("file://") + absolutePath.toPercentEncoding("!$&'()*+,;=:@/");
}

QString ThumbnailCache::thumbnailPath(const QByteArray& absolutePath, Size size)
{
    const QByteArray md5 = QCryptographicHash::hash(uriFor(absolutePath), QCryptographicHash::Md5).toHex();
    return cacheRoot() + (size == Large ? QStringLiteral("/large/") : QStringLiteral("/normal/"))
        + QString::fromLatin1(md5) + QStringLiteral(".png");
}

bool ThumbnailCache::isValid(const QByteArray& absolutePath, qint64 mtimeSeconds, Size size)
{
    const auto texts = pngTexts(thumbnailPath(absolutePath, size));
    return texts.value("Thumb::MTime") == QByteArray::number(mtimeSeconds)
        && texts.value("Thumb::URI") == uriFor(absolutePath);
}

QImage ThumbnailCache::load(const QByteArray& absolutePath, qint64 mtimeSeconds, Size size)
{
    if (!isValid(absolutePath, mtimeSeconds, size))
        return {};
    return QImage(thumbnailPath(absolutePath, size), "png");
}

cv::Mat ThumbnailCache::scaled(const cv::Mat& uprightBgr, Size size)
{
    const double scale = double(size) / std::max(uprightBgr.cols, uprightBgr.rows);
    if (scale >= 1.0)
        return uprightBgr;
    cv::Mat small;
    // The decode is already DCT-scaled to under twice the size, where bilinear does not alias;
    // larger steps need area averaging.
    cv::resize(uprightBgr, small, cv::Size(), scale, scale, scale > 0.5 ? cv::INTER_LINEAR : cv::INTER_AREA);
    return small;
}

bool ThumbnailCache::store(const QByteArray& absolutePath, qint64 mtimeSeconds, qint64 fileSize,
    const cv::Mat& uprightBgr, int fullWidth, int fullHeight, Size size)
{
    if (uprightBgr.empty())
        return false;
    const QByteArray png = PngWriter::encode(scaled(uprightBgr, size),
        {
            { "Thumb::URI", uriFor(absolutePath) },
            { "Thumb::MTime", QByteArray::number(mtimeSeconds) },
            { "Thumb::Size", QByteArray::number(fileSize) },
            { "Thumb::Image::Width", QByteArray::number(fullWidth) },
            { "Thumb::Image::Height", QByteArray::number(fullHeight) },
            { "Software", "Shoebox" },
        });
    if (png.isEmpty())
        return false;
    const QByteArray target = QFile::encodeName(thumbnailPath(absolutePath, size));
    // Write beside the target under a name no other thread or process uses, then rename(2): readers
    // see the old thumbnail or the new one, never half of one.
    const QByteArray tmp = target + '.' + QByteArray::number(QCoreApplication::applicationPid()) + '.'
        + QByteArray::number(reinterpret_cast<quintptr>(QThread::currentThreadId())) + ".tmp";
    int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        QDir().mkpath(QFileInfo(QFile::decodeName(target)).absolutePath());
        QFile::setPermissions(cacheRoot(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            return false;
    }
    const bool written = ::write(fd, png.constData(), size_t(png.size())) == png.size();
    ::close(fd);
    if (!written || std::rename(tmp.constData(), target.constData()) != 0) {
        ::unlink(tmp.constData());
        return false;
    }
    return true;
}

} // namespace shoebox
