#pragma once
// One catalog transaction on the calling thread's connection that rolls back unless commit()
// succeeds, so an early return or a failed step never leaves half a batch written. Failures are
// logged to the caller's category with the driver's reason. Create, use and destroy it on one thread.

#include "catalog/sqlcheck.h"

#include <QSqlDatabase>
#include <QString>

namespace shoebox {

class Transaction {
public:
    // Begins at once; isActive() says whether it did (error() says why not).
    Transaction(QSqlDatabase db, LogCategory category, const char* context);
    ~Transaction(); // rolls back when still open
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_open; }
    QString error() const { return m_error; }
    // Commits; on failure rolls back, logs and sets *error. False when the transaction never began.
    bool commit(QString* error = nullptr);
    void rollback();

private:
    QSqlDatabase m_db;
    LogCategory m_category;
    const char* m_context;
    QString m_error;
    bool m_open = false;
};

// The same steps for stores that expose begin()/commit() to their callers (the scanner's batches).
bool beginChecked(QSqlDatabase db, LogCategory category, const char* context, QString* error = nullptr);
// Commits; on failure rolls back, logs and sets *error.
bool commitChecked(QSqlDatabase db, LogCategory category, const char* context, QString* error = nullptr);

} // namespace shoebox
