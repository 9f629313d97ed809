#pragma once
// Checked SQL steps: a failed prepare or exec is logged with the query's lastError to the calling
// module's logging category and its one-line reason handed back, so no catalog error is dropped
// silently. Free functions on a query the caller owns: any thread, on that thread's connection.

#include <QLoggingCategory>
#include <QString>

class QSqlQuery;

namespace shoebox {

// A module's category, as Q_LOGGING_CATEGORY declares it (e.g. lcStore).
using LogCategory = const QLoggingCategory& (*)();

// Prepares sql on q. On failure logs "context: reason" to category and sets *error to it.
bool prepareChecked(
    QSqlQuery& q, const QString& sql, LogCategory category, const char* context, QString* error = nullptr);
// Executes the prepared q (its bound values). On failure logs and sets *error as above; a query
// whose prepare() failed is not run and reports the prepare's reason.
bool execChecked(QSqlQuery& q, LogCategory category, const char* context, QString* error = nullptr);
// Executes sql on q directly. On failure logs and sets *error as above.
bool execChecked(QSqlQuery& q, const QString& sql, LogCategory category, const char* context, QString* error = nullptr);

} // namespace shoebox
