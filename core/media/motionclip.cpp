#include "media/motionclip.h"

#include "media/motionphoto.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace shoebox {

namespace {

QString fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return QString();
}

} // namespace

bool MotionClip::isLive(const PhotoRecord& photo, const QList<PhotoRecord>& partners)
{
    if (photo.motionOffset)
        return true;
    for (const PhotoRecord& p : partners)
        if (p.partnerRole == PartnerRole::LiveMotion && p.state != PhotoState::Missing)
            return true;
    return false;
}

QString MotionClip::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/motion");
}

QString MotionClip::playablePath(
    const PhotoRecord& photo, const QList<PhotoRecord>& partners, const QString& cacheDir, QString* error)
{
    for (const PhotoRecord& p : partners)
        if (p.partnerRole == PartnerRole::LiveMotion && p.state != PhotoState::Missing)
            return p.displayPath;
    if (photo.motionOffset)
        return extract(photo, cacheDir.isEmpty() ? defaultCacheDir() : cacheDir, error);
    return fail(error, QStringLiteral("%1 has no motion").arg(photo.displayPath));
}

QString MotionClip::extract(const PhotoRecord& photo, const QString& cacheDir, QString* error)
{
    if (!photo.motionOffset)
        return fail(error, QStringLiteral("%1 has no embedded clip").arg(photo.displayPath));
    const QString key = photo.contentHash.isEmpty() ? QString::number(qHash(photo.path), 16)
                                                    : QString::fromLatin1(photo.contentHash.toHex());
    const QString target = QDir(cacheDir).filePath(key + QStringLiteral(".mp4"));
    if (QFileInfo::exists(target))
        return target;
    QFile in(QFile::decodeName(photo.path));
    if (!in.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot read %1: %2").arg(photo.displayPath, in.errorString()));
    const qint64 offset = *photo.motionOffset;
    if (!in.seek(offset))
        return fail(error, QStringLiteral("%1 is shorter than its motion offset").arg(photo.displayPath));
    const QByteArray clip = in.readAll();
    const auto* bytes = reinterpret_cast<const unsigned char*>(clip.constData());
    if (!MotionPhoto::isMp4At(bytes, size_t(clip.size()), 0))
        return fail(error, QStringLiteral("no MP4 at byte %1 of %2 any more").arg(offset).arg(photo.displayPath));
    if (!QDir().mkpath(cacheDir))
        return fail(error, QStringLiteral("cannot create %1").arg(cacheDir));
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(clip) != clip.size() || !out.commit())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(target, out.errorString()));
    return target;
}

} // namespace shoebox
