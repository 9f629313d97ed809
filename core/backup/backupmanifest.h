#pragma once
// What a snapshot holds, as plain values, and its two files: manifest.tsv (one line per photo, for
// people as much as for Shoebox) and seal.json (written last: a snapshot without it is not one).
// Pure functions; any thread.

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace shoebox {

// One backed-up file of a snapshot.
struct ManifestEntry {
    QByteArray hash; // XXH3-128, 16 bytes: the object's name
    qint64 size = 0;
    QString taken; // capture time as the catalog has it (ISO 8601), empty when unknown
    qint64 photoId = 0; // the row in the snapshot's catalog.db
    QByteArray treePath; // "<folder name>/<path inside the folder>", raw bytes
    QByteArray originalPath; // absolute path in the library when it was backed up
};

// A sealed snapshot, as seal.json describes it.
struct SnapshotInfo {
    QString id; // "2026-12-02T094700Z": UTC, sorts by time, no colons (FAT, SMB)
    QDateTime created; // UTC
    qint64 files = 0;
    qint64 bytes = 0;
    qint64 newObjects = 0; // objects this run copied
    qint64 newBytes = 0;
    qint64 added = 0; // paths not in the previous snapshot
    qint64 removed = 0; // paths of the previous snapshot not in this one
    bool tree = true; // files/ holds hard links (false: the file system refused them)
    QByteArray manifestHash; // XXH3-128 of manifest.tsv

    QJsonObject toJson() const;
    static SnapshotInfo fromJson(const QJsonObject& o);
};

class BackupManifest {
public:
    static QByteArray format(const QString& snapshotId, const QList<ManifestEntry>& entries);
    // False with *error when a line cannot be read.
    static bool parse(const QByteArray& data, QList<ManifestEntry>* entries, QString* error);
    // Escapes tab, newline, CR and % in a path as %XX, so any file name fits in one column.
    static QByteArray escape(const QByteArray& path);
    static QByteArray unescape(const QByteArray& field);
};

} // namespace shoebox
