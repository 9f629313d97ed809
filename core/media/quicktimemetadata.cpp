#include "media/quicktimemetadata.h"

#include <QFile>
#include <QList>

#include <cstdint>

namespace shoebox {

namespace {

constexpr qint64 kMaxMoov = 16 << 20; // a phone clip's moov is tens of kilobytes

quint32 be32(const QByteArray& b, qsizetype at)
{
    const auto* p = reinterpret_cast<const unsigned char*>(b.constData() + at);
    return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
}

// The payload of the first child box of the given type, or null.
QByteArray child(const QByteArray& parent, const char* type)
{
    qsizetype at = 0;
    while (at + 8 <= parent.size()) {
        const quint32 size = be32(parent, at);
        if (size < 8 || size > parent.size() - at)
            return {};
        if (parent.mid(at + 4, 4) == type)
            return parent.mid(at + 8, size - 8);
        at += size;
    }
    return {};
}

// Key names in order (ilst items refer to them by 1-based index).
QList<QByteArray> keyNames(const QByteArray& keys)
{
    QList<QByteArray> names;
    if (keys.size() < 8)
        return names;
    const quint32 count = be32(keys, 4);
    qsizetype at = 8;
    for (quint32 i = 0; i < count && at + 8 <= keys.size(); ++i) {
        const quint32 size = be32(keys, at);
        if (size < 8 || size > keys.size() - at)
            break;
        names << keys.mid(at + 8, size - 8);
        at += size;
    }
    return names;
}

void readItems(const QByteArray& meta, QuickTimeMetadata& out)
{
    // QuickTime's meta is a plain box; ISO's is a full box with 4 bytes of version and flags.
    const QByteArray body = meta.mid(4, 4) == "hdlr" ? meta : meta.mid(4);
    const QList<QByteArray> names = keyNames(child(body, "keys"));
    const QByteArray ilst = child(body, "ilst");
    qsizetype at = 0;
    while (at + 8 <= ilst.size()) {
        const quint32 size = be32(ilst, at);
        if (size < 8 || size > ilst.size() - at)
            break;
        const quint32 index = be32(ilst, at + 4);
        const QByteArray data = child(ilst.mid(at + 8, size - 8), "data");
        at += size;
        if (index < 1 || index > quint32(names.size()) || data.size() < 8 || be32(data, 0) != 1)
            continue; // type 1: UTF-8 text
        const QByteArray value = data.mid(8).trimmed();
        const QByteArray& key = names[qsizetype(index) - 1];
        if (key == "com.apple.quicktime.content.identifier")
            out.contentId = QString::fromUtf8(value);
        else if (key == "com.apple.quicktime.creationdate")
            QuickTimeMetadataReader::parseCreationDate(value, out);
    }
}

} // namespace

QuickTimeMetadata QuickTimeMetadataReader::parseMoov(const QByteArray& moov)
{
    QuickTimeMetadata out;
    for (const QByteArray& meta : { child(moov, "meta"), child(child(moov, "udta"), "meta") })
        if (!meta.isEmpty())
            readItems(meta, out);
    return out;
}

void QuickTimeMetadataReader::parseCreationDate(const QByteArray& value, QuickTimeMetadata& out)
{
    const QDateTime wall = QDateTime::fromString(QString::fromLatin1(value.left(19)), Qt::ISODate);
    if (!wall.isValid())
        return;
    out.takenAt = QDateTime(wall.date(), wall.time(), Qt::LocalTime);
    QByteArray zone = value.mid(19);
    if (zone == "Z") {
        out.utcOffsetMinutes = 0;
        return;
    }
    zone.replace(":", "");
    bool okH = false, okM = false;
    const int h = zone.mid(1, 2).toInt(&okH);
    const int m = zone.mid(3, 2).toInt(&okM);
    if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && okH && okM && h <= 14 && m < 60)
        out.utcOffsetMinutes = (zone[0] == '-' ? -1 : 1) * (h * 60 + m);
}

QuickTimeMetadata QuickTimeMetadataReader::read(const QByteArray& path)
{
    QFile f(QFile::decodeName(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    qint64 at = 0;
    while (at + 8 <= f.size() && f.seek(at)) {
        const QByteArray head = f.read(16);
        if (head.size() < 8)
            break;
        qint64 size = be32(head, 0);
        qint64 header = 8;
        if (size == 1 && head.size() == 16) { // 64-bit size follows the type
            size = qint64(be32(head, 8)) << 32 | be32(head, 12);
            header = 16;
        } else if (size == 0) {
            size = f.size() - at;
        }
        if (size < header)
            break;
        if (head.mid(4, 4) == "moov") {
            if (size > kMaxMoov || !f.seek(at + header))
                break;
            return parseMoov(f.read(size - header));
        }
        at += size;
    }
    return {};
}

} // namespace shoebox
