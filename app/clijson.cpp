#include "clijson.h"

#include "media/motionclip.h"

#include <QJsonArray>

namespace shoebox::cli {

namespace {

template <typename T> void putOpt(QJsonObject& o, const char* key, const std::optional<T>& v)
{
    if (v)
        o.insert(QLatin1String(key), *v);
}

void putText(QJsonObject& o, const char* key, const QString& v)
{
    if (!v.isEmpty())
        o.insert(QLatin1String(key), v);
}

} // namespace

QString describeTime(const PhotoMetadata& m)
{
    if (!m.takenAt.isValid())
        return QStringLiteral("unknown");
    QString s = m.takenAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (m.utcOffsetMinutes) {
        const int off = *m.utcOffsetMinutes;
        s += QStringLiteral(" %1%2:%3")
                 .arg(off < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                 .arg(std::abs(off) / 60, 2, 10, QLatin1Char('0'))
                 .arg(std::abs(off) % 60, 2, 10, QLatin1Char('0'));
    }
    const bool filledIn = m.utcOffsetMinutes && m.offsetSource != QLatin1String("exif") && !m.offsetSource.isEmpty();
    return s + QStringLiteral(" (") + m.takenSource
        + (filledIn ? QStringLiteral(", offset from ") + m.offsetSource : QString()) + QLatin1Char(')');
}

void putPartners(QJsonObject& o, const PhotoRecord& r, const QList<PhotoRecord>& partners, const QString& partnerOf)
{
    if (MotionClip::isLive(r, partners))
        o.insert(QStringLiteral("live"), true);
    putOpt(o, "motion_offset", r.motionOffset);
    putText(o, "content_id", r.meta.contentId);
    if (!partners.isEmpty()) {
        QJsonArray arr;
        for (const PhotoRecord& p : partners)
            arr.append(QJsonObject { { QStringLiteral("path"), p.displayPath },
                { QStringLiteral("role"), partnerRoleName(p.partnerRole) } });
        o.insert(QStringLiteral("partners"), arr);
    }
    if (r.partnerRole != PartnerRole::None) {
        o.insert(QStringLiteral("role"), partnerRoleName(r.partnerRole));
        putText(o, "partner_of", partnerOf);
    }
}

QJsonObject photoToJson(const PhotoRecord& r, bool details)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), r.id);
    o.insert(QStringLiteral("path"), r.displayPath);
    o.insert(QStringLiteral("state"), photoStateName(r.state));
    putText(o, "error", r.error);
    putText(o, "format", r.format);
    o.insert(QStringLiteral("kind"), mediaKindName(r.kind));
    o.insert(QStringLiteral("size"), r.size);
    const PhotoMetadata& m = r.meta;
    if (m.durationMs > 0)
        o.insert(QStringLiteral("duration_ms"), m.durationMs);
    putText(o, "codec", m.codec);
    if (m.width > 0) {
        o.insert(QStringLiteral("width"), m.width);
        o.insert(QStringLiteral("height"), m.height);
    }
    if (m.takenAt.isValid()) {
        o.insert(QStringLiteral("taken_at"), m.takenAt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")));
        o.insert(QStringLiteral("taken_source"), m.takenSource);
    }
    if (!details)
        return o;
    putOpt(o, "utc_offset_minutes", m.utcOffsetMinutes);
    putText(o, "offset_source", m.utcOffsetMinutes ? m.offsetSource : QString());
    if (m.gpsTime.isValid())
        o.insert(QStringLiteral("gps_time"), m.gpsTime.toString(Qt::ISODate));
    o.insert(QStringLiteral("content_hash"), QString::fromLatin1(r.contentHash.toHex()));
    o.insert(QStringLiteral("orientation"), m.orientation);
    putText(o, "camera_make", m.cameraMake);
    putText(o, "camera_model", m.cameraModel);
    putText(o, "lens", m.lens);
    putOpt(o, "exposure_time", m.exposureTime);
    putOpt(o, "f_number", m.fNumber);
    putOpt(o, "focal_length", m.focalLength);
    putOpt(o, "iso", m.iso);
    if (m.gps) {
        QJsonObject g { { QStringLiteral("latitude"), m.gps->latitude },
            { QStringLiteral("longitude"), m.gps->longitude } };
        putOpt(g, "altitude", m.gps->altitude);
        o.insert(QStringLiteral("gps"), g);
    }
    return o;
}

} // namespace shoebox::cli
