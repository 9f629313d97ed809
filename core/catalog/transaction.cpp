#include "catalog/transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace shoebox {

namespace {

bool failed(const QSqlDatabase& db, LogCategory category, const char* context, const char* step, QString* error)
{
    const QString reason
        = QStringLiteral("%1: %2 failed: %3").arg(QLatin1String(context), QLatin1String(step), db.lastError().text());
    qCWarning(category) << "SQL failed:" << reason;
    if (error)
        *error = reason;
    return false;
}

} // namespace

// IMMEDIATE takes the write lock at once, waiting out another writer (busy_timeout). A deferred BEGIN
// that reads first and writes later fails at once with "database is locked" when another connection
// (the tagger, a second scan) committed in between: SQLite cannot upgrade a stale snapshot.
bool beginChecked(QSqlDatabase db, LogCategory category, const char* context, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    const QString reason = QStringLiteral("%1: begin failed: %2").arg(QLatin1String(context), q.lastError().text());
    qCWarning(category) << "SQL failed:" << reason;
    if (error)
        *error = reason;
    return false;
}

bool commitChecked(QSqlDatabase db, LogCategory category, const char* context, QString* error)
{
    if (db.commit())
        return true;
    failed(db, category, context, "commit", error);
    // A failed COMMIT may leave the transaction open (SQLITE_BUSY): never keep half a batch.
    db.rollback();
    return false;
}

Transaction::Transaction(QSqlDatabase db, LogCategory category, const char* context)
    : m_db(std::move(db))
    , m_category(category)
    , m_context(context)
{
    m_open = beginChecked(m_db, m_category, m_context, &m_error);
}

Transaction::~Transaction()
{
    rollback();
}

bool Transaction::commit(QString* error)
{
    if (!m_open) {
        if (error)
            *error = m_error;
        return false;
    }
    m_open = false;
    if (commitChecked(m_db, m_category, m_context, &m_error))
        return true;
    if (error)
        *error = m_error;
    return false;
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (!m_db.rollback())
        failed(m_db, m_category, m_context, "rollback", &m_error);
}

} // namespace shoebox
