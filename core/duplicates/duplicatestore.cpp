#include "duplicates/duplicatestore.h"

#include "catalog/database.h"
#include "catalog/sqlcheck.h"
#include "catalog/transaction.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcDupStore, "shoebox.core.duplicates")

namespace shoebox {

const QString DuplicateStore::kNotDuplicates = QStringLiteral("not-duplicates");
const QString DuplicateStore::kKeepAll = QStringLiteral("keep-all");

DuplicateStore::DuplicateStore(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

QByteArray DuplicateStore::pairKey(const QByteArray& hashA, const QByteArray& hashB)
{
    return hashA < hashB ? hashA + '|' + hashB : hashB + '|' + hashA;
}

bool DuplicateStore::setVerdict(const QByteArray& hashA, const QByteArray& hashB, const QString& verdict)
{
    // Byte-identical copies can only be kept all (they are duplicates by definition).
    if (hashA.isEmpty() || hashB.isEmpty() || (hashA == hashB && verdict != kKeepAll)
        || (verdict != kNotDuplicates && verdict != kKeepAll))
        return false;
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO dup_decisions(hash_a, hash_b, verdict, decided_at)"
                             " VALUES(?, ?, ?, ?)"));
    q.addBindValue(std::min(hashA, hashB));
    q.addBindValue(std::max(hashA, hashB));
    q.addBindValue(verdict);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    return execChecked(q, lcDupStore, "cannot record duplicate verdict");
}

bool DuplicateStore::setGroupVerdict(const QList<QByteArray>& hashes, const QString& verdict)
{
    Transaction t(Database::connection(m_path), lcDupStore, "cannot record duplicate verdicts");
    bool ok = t.isActive();
    for (int i = 0; i < hashes.size(); ++i)
        for (int j = i + 1; j < hashes.size(); ++j)
            if (hashes[i] != hashes[j] || verdict == kKeepAll)
                ok = ok && setVerdict(hashes[i], hashes[j], verdict);
    return ok && t.commit(); // t rolls back when not committed
}

bool DuplicateStore::forget(const QByteArray& hashA, const QByteArray& hashB)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("DELETE FROM dup_decisions WHERE hash_a = ? AND hash_b = ?"));
    q.addBindValue(std::min(hashA, hashB));
    q.addBindValue(std::max(hashA, hashB));
    return execChecked(q, lcDupStore, "cannot forget duplicate verdict");
}

std::optional<QString> DuplicateStore::verdict(const QByteArray& hashA, const QByteArray& hashB) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT verdict FROM dup_decisions WHERE hash_a = ? AND hash_b = ?"));
    q.addBindValue(std::min(hashA, hashB));
    q.addBindValue(std::max(hashA, hashB));
    if (execChecked(q, lcDupStore, "cannot read duplicate verdict") && q.next())
        return q.value(0).toString();
    return std::nullopt;
}

QSet<QByteArray> DuplicateStore::decidedPairs() const
{
    QSet<QByteArray> out;
    QSqlQuery q(Database::connection(m_path));
    q.setForwardOnly(true);
    if (!execChecked(q, QStringLiteral("SELECT hash_a, hash_b FROM dup_decisions"), lcDupStore,
            "cannot read duplicate verdicts"))
        return out;
    while (q.next())
        out.insert(pairKey(q.value(0).toByteArray(), q.value(1).toByteArray()));
    return out;
}

} // namespace shoebox
