#include "catalog/hashstore.h"

#include "catalog/database.h"
#include "catalog/sqlcheck.h"
#include "catalog/transaction.h"

#include <QSqlQuery>
#include <QVariant>

Q_LOGGING_CATEGORY(lcHashes, "shoebox.core.store.hashes", QtInfoMsg)

namespace shoebox {

HashStore::HashStore(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

bool HashStore::add(qint64 photoId, const QMap<QString, QByteArray>& hashes, QString* error)
{
    if (hashes.isEmpty())
        return true;
    QSqlQuery q(Database::connection(m_path));
    if (!prepareChecked(q, QStringLiteral("INSERT INTO hashes(photo_id, kind, bits) VALUES(?, ?, ?)"), lcHashes,
            "cannot store hashes", error))
        return false;
    for (auto it = hashes.cbegin(); it != hashes.cend(); ++it) {
        q.addBindValue(photoId);
        q.addBindValue(it.key());
        q.addBindValue(it.value());
        if (!execChecked(q, lcHashes, "cannot store hashes", error))
            return false;
    }
    return true;
}

bool HashStore::removeAll(qint64 photoId, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    if (!prepareChecked(
            q, QStringLiteral("DELETE FROM hashes WHERE photo_id = ?"), lcHashes, "cannot replace hashes", error))
        return false;
    q.addBindValue(photoId);
    return execChecked(q, lcHashes, "cannot replace hashes", error);
}

bool HashStore::storeKind(const QString& kind, const QList<QPair<qint64, QByteArray>>& bitsByPhoto, QString* error)
{
    if (bitsByPhoto.isEmpty())
        return true;
    QSqlDatabase db = Database::connection(m_path);
    Transaction t(db, lcHashes, "cannot store hashes");
    if (!t.isActive()) {
        if (error)
            *error = t.error();
        return false;
    }
    QSqlQuery q(db);
    if (!prepareChecked(q, QStringLiteral("INSERT OR REPLACE INTO hashes(photo_id, kind, bits) VALUES(?, ?, ?)"),
            lcHashes, "cannot store hashes", error))
        return false;
    for (const auto& [photoId, bits] : bitsByPhoto) {
        q.addBindValue(photoId);
        q.addBindValue(kind);
        q.addBindValue(bits);
        if (!execChecked(q, lcHashes, "cannot store hashes", error))
            return false; // t rolls back
    }
    return t.commit(error);
}

QMap<QString, QByteArray> HashStore::hashes(qint64 photoId, QString* error) const
{
    QMap<QString, QByteArray> out;
    QSqlQuery q(Database::connection(m_path));
    if (!prepareChecked(q, QStringLiteral("SELECT kind, bits FROM hashes WHERE photo_id = ?"), lcHashes,
            "cannot read hashes", error))
        return out;
    q.addBindValue(photoId);
    if (!execChecked(q, lcHashes, "cannot read hashes", error))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toByteArray());
    return out;
}

} // namespace shoebox
