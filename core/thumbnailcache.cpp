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
        if (type == "tEXt" || type == "zTXt") {  // Qt compresses long values (the URI) into zTXt
            const QByteArray body = d.mid(i + 8, len);
            const qsizetype nul = body.indexOf('\0');
            if (nul > 0 && type == "tEXt")
                out.insert(body.left(nul), body.mid(nul + 1));
            else if (nul > 0 && nul + 2 <= body.size())  // key, NUL, method byte, zlib stream
                out.insert(body.left(nul), qUncompress(QByteArray("\0\0\x40\0", 4) + body.mid(nul + 2)));
        } else if (type == "IEND") {
            break;
        }
        i += 12 + len;
    }
    return out;
}

}  // namespace

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
