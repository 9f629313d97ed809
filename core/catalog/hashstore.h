#pragma once
// The one writer of the hashes table: the scan's perceptual hashes (through PhotoStore::save) and
// the duplicate engine's keypoints computed on first need. Each instance uses the calling thread's
// own connection: create one per thread (it is cheap), never share it.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace shoebox {

class HashStore {
public:
    explicit HashStore(QString libraryPath);

    // Adds the photo's hashes by kind, inside the caller's transaction. False with *error on failure.
    bool add(qint64 photoId, const QMap<QString, QByteArray>& hashes, QString* error = nullptr);
    // Removes every kind of the photo (its bytes changed), inside the caller's transaction.
    bool removeAll(qint64 photoId, QString* error = nullptr);
    // Stores (replaces) one kind for many photos in a transaction of its own; rolls back on failure.
    bool storeKind(const QString& kind, const QList<QPair<qint64, QByteArray>>& bitsByPhoto, QString* error = nullptr);
    // The photo's hashes by kind; empty (and *error set) on a database error.
    QMap<QString, QByteArray> hashes(qint64 photoId, QString* error = nullptr) const;

private:
    QString m_path;
};

} // namespace shoebox
