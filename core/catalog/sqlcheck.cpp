#include "catalog/sqlcheck.h"

#include <QSqlError>
#include <QSqlQuery>

namespace shoebox {

namespace {

bool failed(const QSqlQuery& q, LogCategory category, const char* context, QString* error)
{
    const QString reason = QStringLiteral("%1: %2").arg(QLatin1String(context), q.lastError().text());
    qCWarning(category) << "SQL failed:" << reason << "in" << q.lastQuery().left(120);
    if (error)
        *error = reason;
    return false;
}

} // namespace

bool prepareChecked(QSqlQuery& q, const QString& sql, LogCategory category, const char* context, QString* error)
{
    return q.prepare(sql) || failed(q, category, context, error);
}

bool execChecked(QSqlQuery& q, LogCategory category, const char* context, QString* error)
{
    // A failed prepare() leaves its error until the next prepare; exec() would replace it with a
    // misleading "Parameter count mismatch", so the prepare's own reason is reported instead.
    if (q.lastError().isValid())
        return failed(q, category, context, error);
    return q.exec() || failed(q, category, context, error);
}

bool execChecked(QSqlQuery& q, const QString& sql, LogCategory category, const char* context, QString* error)
{
    return q.exec(sql) || failed(q, category, context, error);
}

} // namespace shoebox
