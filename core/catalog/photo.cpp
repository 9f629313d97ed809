#include "catalog/photo.h"

namespace shoebox {

QString photoStateName(PhotoState s)
{
    switch (s) {
    case PhotoState::Ok:
        return QStringLiteral("ok");
    case PhotoState::Error:
        return QStringLiteral("error");
    case PhotoState::Unsupported:
        return QStringLiteral("unsupported");
    case PhotoState::Missing:
        return QStringLiteral("missing");
    }
    return QStringLiteral("error");
}

PhotoState photoStateFromName(const QString& s)
{
    if (s == QLatin1String("ok"))
        return PhotoState::Ok;
    if (s == QLatin1String("unsupported"))
        return PhotoState::Unsupported;
    if (s == QLatin1String("missing"))
        return PhotoState::Missing;
    return PhotoState::Error;
}

QString mediaKindName(MediaKind k)
{
    switch (k) {
    case MediaKind::Photo:
        return QStringLiteral("photo");
    case MediaKind::Raw:
        return QStringLiteral("raw");
    case MediaKind::Video:
        return QStringLiteral("video");
    }
    return QStringLiteral("photo");
}

MediaKind mediaKindFromName(const QString& s)
{
    if (s == QLatin1String("video"))
        return MediaKind::Video;
    if (s == QLatin1String("raw"))
        return MediaKind::Raw;
    return MediaKind::Photo;
}

QString partnerRoleName(PartnerRole role)
{
    switch (role) {
    case PartnerRole::LiveMotion:
        return QStringLiteral("live-motion");
    case PartnerRole::RawOriginal:
        return QStringLiteral("raw-original");
    case PartnerRole::None:
        break;
    }
    return QString();
}

PartnerRole partnerRoleFromName(const QString& name)
{
    if (name == QLatin1String("live-motion"))
        return PartnerRole::LiveMotion;
    if (name == QLatin1String("raw-original"))
        return PartnerRole::RawOriginal;
    return PartnerRole::None;
}

} // namespace shoebox
