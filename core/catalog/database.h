#pragma once
// Opens the library database: one named QSqlDatabase connection per thread (SQLite connections must
// not be shared across threads), WAL, foreign keys on, schema migrated to the current version.
// Any thread may call connection(); each gets its own connection to the same file, closed when that
// thread ends.

#include <QSqlDatabase>
#include <QString>

namespace shoebox {

class Database {
public:
    // Opens (creating if needed) and migrates. Returns false with a one-line reason on failure.
    static bool open(const QString& path, QString* error);
    // The calling thread's connection to the library at path, opened on first use.
    static QSqlDatabase connection(const QString& path);
    // Closes this thread's connection to path now, before the thread ends: only needed before the
    // library file itself is deleted or replaced (tests, restore).
    static void closeThreadConnection(const QString& path);
    // Default library location: SHOEBOX_LIBRARY, else AppDataLocation/library.db.
    static QString defaultPath();
    static int currentSchemaVersion();
    // -1 when the file cannot be read as a database; error then says why.
    static int schemaVersion(QSqlDatabase db, QString* error = nullptr);
    // Runs the forward migrations from the stored user_version to the current one.
    static bool migrate(QSqlDatabase db, QString* error);
};

// Runs one statement; on failure fills error with the statement's message.
bool execSql(QSqlDatabase db, const QString& sql, QString* error = nullptr);

} // namespace shoebox
