#include "backup/backupmanifest.h"

#include <QJsonArray>

namespace shoebox {

namespace {

const QByteArray kHeader = "# Shoebox backup manifest v1. Columns: content hash (XXH3-128), size, taken, "
                           "photo id, path in files/, original path\n";

} // namespace

QJsonObject SnapshotInfo::toJson() const
{
    return {
        { QStringLiteral("id"), id },
        { QStringLiteral("created"), created.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("files"), files },
        { QStringLiteral("bytes"), bytes },
        { QStringLiteral("new_objects"), newObjects },
        { QStringLiteral("new_bytes"), newBytes },
        { QStringLiteral("added"), added },
        { QStringLiteral("removed"), removed },
        { QStringLiteral("tree"), tree },
        { QStringLiteral("manifest_xxh3"), QString::fromLatin1(manifestHash.toHex()) },
    };
}

SnapshotInfo SnapshotInfo::fromJson(const QJsonObject& o)
{
    SnapshotInfo s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate).toUTC();
    s.files = o.value(QStringLiteral("files")).toInteger();
    s.bytes = o.value(QStringLiteral("bytes")).toInteger();
    s.newObjects = o.value(QStringLiteral("new_objects")).toInteger();
    s.newBytes = o.value(QStringLiteral("new_bytes")).toInteger();
    s.added = o.value(QStringLiteral("added")).toInteger();
    s.removed = o.value(QStringLiteral("removed")).toInteger();
    s.tree = o.value(QStringLiteral("tree")).toBool(true);
    s.manifestHash = QByteArray::fromHex(o.value(QStringLiteral("manifest_xxh3")).toString().toLatin1());
    return s;
}

QByteArray BackupManifest::escape(const QByteArray& path)
{
    QByteArray out;
    out.reserve(path.size());
    for (const char c : path) {
        if (c == '\t' || c == '\n' || c == '\r' || c == '%')
            out += '%' + QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
        else
            out += c;
    }
    return out;
}

QByteArray BackupManifest::unescape(const QByteArray& field)
{
    return QByteArray::fromPercentEncoding(field);
}

QByteArray BackupManifest::format(const QString& snapshotId, const QList<ManifestEntry>& entries)
{
    QByteArray out = kHeader + "# snapshot " + snapshotId.toUtf8() + '\n';
    for (const ManifestEntry& e : entries) {
        out += e.hash.toHex() + '\t' + QByteArray::number(e.size) + '\t' + e.taken.toUtf8() + '\t'
            + QByteArray::number(e.photoId) + '\t' + escape(e.treePath) + '\t' + escape(e.originalPath) + '\n';
    }
    return out;
}

bool BackupManifest::parse(const QByteArray& data, QList<ManifestEntry>* entries, QString* error)
{
    int lineNo = 0;
    for (const QByteArray& line : data.split('\n')) {
        ++lineNo;
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> f = line.split('\t');
        ManifestEntry e;
        bool sizeOk = false;
        if (f.size() == 6) {
            e.hash = QByteArray::fromHex(f[0]);
            e.size = f[1].toLongLong(&sizeOk);
        }
        if (!sizeOk || e.hash.size() != 16) {
            *error = QStringLiteral("manifest line %1 is damaged").arg(lineNo);
            return false;
        }
        e.taken = QString::fromUtf8(f[2]);
        e.photoId = f[3].toLongLong();
        e.treePath = unescape(f[4]);
        e.originalPath = unescape(f[5]);
        entries->append(e);
    }
    return true;
}

} // namespace shoebox
