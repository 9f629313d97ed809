#include "media/videoprobe.h"

#include "media/videoinput.h"

#include <QRegularExpression>
#include <QTimeZone>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/display.h>
}

#include <cmath>

namespace shoebox {

namespace {

QString tag(const AVDictionary* dict, const char* key)
{
    const AVDictionaryEntry* e = av_dict_get(dict, key, nullptr, 0);
    return e && e->value ? QString::fromUtf8(e->value).trimmed() : QString();
}

// A tag from the container, else from the video stream (MOV writes some per track).
QString anyTag(const AVFormatContext* f, const AVStream* s, const char* key)
{
    QString v = tag(f->metadata, key);
    return v.isEmpty() && s ? tag(s->metadata, key) : v;
}

int displayRotation(const AVStream* s)
{
    size_t size = 0;
    const uint8_t* matrix = av_stream_get_side_data(s, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t))
        return 0;
    const double degrees = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
    return std::isnan(degrees) ? 0 : VideoProbe::uprightRotation(degrees);
}

void readTime(const AVFormatContext* f, const AVStream* s, VideoInfo& info)
{
    QDateTime wall;
    int offset = 0;
    if (VideoProbe::parseAppleDate(anyTag(f, s, "com.apple.quicktime.creationdate"), &wall, &offset)) {
        info.takenAt = wall;
        info.utcOffsetMinutes = offset;
        info.takenSource = QStringLiteral("quicktime-local");
        info.offsetSource = QStringLiteral("quicktime");
        return;
    }
    const QDateTime utc = VideoProbe::parseUtcCreationTime(anyTag(f, s, "creation_time"));
    if (utc.isValid()) {
        info.takenAt = utc;
        info.utcOffsetMinutes = utc.offsetFromUtc() / 60;
        info.takenSource = QStringLiteral("quicktime-utc");
        info.offsetSource = QStringLiteral("utc");
    }
}

} // namespace

VideoInfo VideoProbe::probe(const VideoInput& input)
{
    VideoInfo info;
    const AVFormatContext* f = input.format();
    const AVStream* s = input.videoStream();
    if (!f || !s)
        return info;
    info.container = QString::fromLatin1(f->iformat->name);
    info.codec = QString::fromLatin1(avcodec_get_name(s->codecpar->codec_id));
    info.durationMs = input.durationMs();
    info.storedWidth = s->codecpar->width;
    info.storedHeight = s->codecpar->height;
    info.rotation = displayRotation(s);
    readTime(f, s, info);
    QString where = anyTag(f, s, "com.apple.quicktime.location.ISO6709");
    if (where.isEmpty())
        where = anyTag(f, s, "location");
    info.gps = parseIso6709(where);
    info.contentIdentifier = anyTag(f, s, "com.apple.quicktime.content.identifier");
    info.make = anyTag(f, s, "com.apple.quicktime.make");
    if (info.make.isEmpty())
        info.make = anyTag(f, s, "com.android.manufacturer");
    info.model = anyTag(f, s, "com.apple.quicktime.model");
    if (info.model.isEmpty())
        info.model = anyTag(f, s, "com.android.model");
    return info;
}

std::optional<GpsPosition> VideoProbe::parseIso6709(const QString& text)
{
    // Decimal degrees only (what phones and ffmpeg write): +DD.DDDD+DDD.DDDD[+AAA.AAA][CRS]/
    static const QRegularExpression re(
        QStringLiteral("^([+-]\\d{2}(?:\\.\\d+)?)([+-]\\d{3}(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?(?:CRS[^/]*)?/?$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    GpsPosition p;
    p.latitude = m.captured(1).toDouble();
    p.longitude = m.captured(2).toDouble();
    if (m.capturedLength(3) > 0)
        p.altitude = m.captured(3).toDouble();
    if (std::abs(p.latitude) > 90 || std::abs(p.longitude) > 180)
        return std::nullopt;
    return p;
}

bool VideoProbe::parseAppleDate(const QString& text, QDateTime* wallTime, int* offsetMinutes)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)?(Z|([+-])(\\d{2}):?(\\d{2}))$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    const QDateTime wall = QDateTime::fromString(m.captured(1), Qt::ISODate);
    if (!wall.isValid())
        return false;
    int offset = 0;
    if (m.captured(2) != QLatin1String("Z")) {
        offset = m.captured(4).toInt() * 60 + m.captured(5).toInt();
        if (m.captured(3) == QLatin1String("-"))
            offset = -offset;
    }
    if (std::abs(offset) > 14 * 60)
        return false;
    *wallTime = wall;
    *offsetMinutes = offset;
    return true;
}

QDateTime VideoProbe::parseUtcCreationTime(const QString& text)
{
    if (text.isEmpty())
        return {};
    QDateTime utc = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!utc.isValid())
        utc = QDateTime::fromString(text.left(19), Qt::ISODate);
    if (!utc.isValid())
        return {};
    utc.setTimeZone(QTimeZone::utc());
    // 1904-01-01 is QuickTime's zero and 1970-01-01 Unix's: cameras without a clock write them.
    if (utc.date().year() <= 1970)
        return {};
    return utc.toLocalTime();
}

int VideoProbe::uprightRotation(double displayMatrixDegrees)
{
    // The display matrix turns counter-clockwise; frames are turned clockwise by the opposite.
    const int ccw = int(std::lround(displayMatrixDegrees / 90.0)) * 90;
    return ((-ccw) % 360 + 360) % 360;
}

} // namespace shoebox
