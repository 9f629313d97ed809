#include "thumbnailcache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <opencv2/imgproc.hpp>

#include <cstdio>

namespace shoebox {

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
    QImageReader reader(thumbnailPath(absolutePath, size), "png");
    if (!reader.canRead())
        return false;
    return reader.text(QStringLiteral("Thumb::MTime")) == QString::number(mtimeSeconds)
        && reader.text(QStringLiteral("Thumb::URI")).toUtf8() == uriFor(absolutePath);
}

QImage ThumbnailCache::load(const QByteArray& absolutePath, qint64 mtimeSeconds, Size size)
{
    QImageReader reader(thumbnailPath(absolutePath, size), "png");
    if (!reader.canRead() || reader.text(QStringLiteral("Thumb::MTime")) != QString::number(mtimeSeconds))
        return {};
    return reader.read();
}

bool ThumbnailCache::store(const QByteArray& absolutePath, qint64 mtimeSeconds, qint64 fileSize,
                           const cv::Mat& uprightBgr, int fullWidth, int fullHeight, Size size)
{
    if (uprightBgr.empty())
        return false;
    cv::Mat small;
    const double scale = double(size) / std::max(uprightBgr.cols, uprightBgr.rows);
    if (scale < 1.0)
        cv::resize(uprightBgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
    else
        small = uprightBgr;
    QImage img(small.data, small.cols, small.rows, int(small.step), QImage::Format_BGR888);
    img = img.convertToFormat(QImage::Format_RGB888);
    img.setText(QStringLiteral("Thumb::URI"), QString::fromUtf8(uriFor(absolutePath)));
    img.setText(QStringLiteral("Thumb::MTime"), QString::number(mtimeSeconds));
    img.setText(QStringLiteral("Thumb::Size"), QString::number(fileSize));
    img.setText(QStringLiteral("Thumb::Image::Width"), QString::number(fullWidth));
    img.setText(QStringLiteral("Thumb::Image::Height"), QString::number(fullHeight));
    img.setText(QStringLiteral("Software"), QStringLiteral("Shoebox"));

    const QString target = thumbnailPath(absolutePath, size);
    const QString dir = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(dir))
        return false;
    QFile::setPermissions(cacheRoot(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QTemporaryFile tmp(dir + QStringLiteral("/.shoebox-XXXXXX.png"));
    if (!tmp.open())
        return false;
    QImageWriter writer(&tmp, "png");
    writer.setQuality(90);  // low zlib effort: thumbnails are small and written often
    if (!writer.write(img))
        return false;
    tmp.setAutoRemove(false);
    tmp.close();
    // rename(2) replaces the old thumbnail atomically; readers see the old or the new one.
    if (std::rename(QFile::encodeName(tmp.fileName()).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(tmp.fileName());
        return false;
    }
    return true;
}

}  // namespace shoebox
