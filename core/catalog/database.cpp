#include "catalog/database.h"

#include "catalog/catalogbackups.h"
#include "catalog/schema.h"
#include "catalog/sqlcheck.h"
#include "catalog/transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThreadStorage>

#include <atomic>

Q_LOGGING_CATEGORY(lcDb, "shoebox.core.db", QtInfoMsg)

namespace shoebox {

namespace {

QString connectionName(const QString& path)
{
    // A serial per OS thread, not the QThread's address: a new thread may get the address of one that
    // ended, and would then be handed a connection that belongs to the dead thread (Qt refuses it and
    // every query fails).
    static std::atomic<quint64> threads { 0 };
    thread_local const quint64 serial = ++threads;
    return QStringLiteral("shoebox:%1:%2").arg(path).arg(serial);
}

// The names of the connections one thread opened. Qt deletes it on that thread when the thread ends
// (QThreadStorage): a pool thread when it expires or its pool is destroyed, any other thread when it
// finishes. So each thread's connections close with it, and their number is bounded by the threads
// alive times the libraries each touched.
class ThreadConnections {
public:
    ~ThreadConnections()
    {
        for (const QString& name : std::as_const(m_names))
            remove(name);
    }
    void add(const QString& name) { m_names.insert(name); }
    void close(const QString& name)
    {
        if (m_names.remove(name))
            remove(name);
    }

private:
    static void remove(const QString& name)
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    QSet<QString> m_names;
};

ThreadConnections& threadConnections()
{
    static QThreadStorage<ThreadConnections*> storage;
    if (!storage.hasLocalData())
        storage.setLocalData(new ThreadConnections);
    return *storage.localData();
}

// A pragma that fails is logged and the connection still used: the library stays readable, only
// slower or less strict, and the statements that then fail report their own errors. A file that is
// not a database at all gets no pragmas: open() reports that once, in one line, through migrate().
void configure(QSqlDatabase db)
{
    QSqlQuery q(db);
    // First, and touching no page: a catalog another program holds locked is waited for, not
    // mistaken for a file that is not a database.
    q.exec(QStringLiteral("PRAGMA busy_timeout = 10000"));
    if (!q.exec(QStringLiteral("PRAGMA schema_version")))
        return;
    for (const char* pragma : { "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
             "PRAGMA temp_store = MEMORY" })
        execChecked(q, QString::fromLatin1(pragma), lcDb, "cannot configure the library connection");
}

} // namespace

bool execSql(QSqlDatabase db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    qCWarning(lcDb) << "SQL failed:" << sql.left(120) << q.lastError().text();
    return false;
}

QSqlDatabase Database::connection(const QString& path)
{
    const QString name = connectionName(path);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    threadConnections().add(name);
    db.setDatabaseName(path);
    if (db.open())
        configure(db);
    else
        qCWarning(lcDb) << "cannot open" << path << db.lastError().text();
    return db;
}

void Database::closeThreadConnection(const QString& path)
{
    threadConnections().close(connectionName(path));
}

bool Database::open(const QString& path, QString* error)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("cannot create folder %1").arg(info.absolutePath());
        return false;
    }
    if (info.exists() && !info.isWritable()) {
        *error = QStringLiteral("library %1 is read-only (a read-only volume or file?); nothing was changed").arg(path);
        return false;
    }
    // SQLite keeps its write-ahead log next to the catalog: without a writable folder it could
    // neither record a change nor read a consistent snapshot.
    if (!QFileInfo(info.absolutePath()).isWritable()) {
        *error = QStringLiteral("library folder %1 is read-only (a read-only volume?); nothing was changed")
                     .arg(info.absolutePath());
        return false;
    }
    QSqlDatabase db = connection(path);
    if (!db.isOpen()) {
        *error = QStringLiteral("cannot open library %1: %2").arg(path, db.lastError().text());
        return false;
    }
    return migrate(db, error);
}

QString Database::defaultPath()
{
    const QString env = qEnvironmentVariable("SHOEBOX_LIBRARY");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/library.db");
}

int Database::currentSchemaVersion()
{
    return int(schemaMigrations().size());
}

int Database::schemaVersion(QSqlDatabase db, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    if (error)
        *error = q.lastError().databaseText();
    return -1;
}

bool Database::migrate(QSqlDatabase db, QString* error)
{
    QString why;
    const int from = schemaVersion(db, &why);
    if (from < 0 && why.contains(QLatin1String("database is locked"))) { // SQLITE_BUSY after busy_timeout
        *error = QStringLiteral("library %1 is locked by another program (another Shoebox, a backup or sync tool?); "
                                "nothing was changed: try again when it has finished")
                     .arg(db.databaseName());
        return false;
    }
    if (from < 0) {
        *error = QStringLiteral("library is not a readable SQLite database: %1").arg(why);
        return false;
    }
    const auto& steps = schemaMigrations();
    if (from > int(steps.size())) {
        *error = QStringLiteral("library was written by a newer Shoebox (schema %1, this build knows %2)")
                     .arg(from)
                     .arg(steps.size());
        return false;
    }
    // A copy of the catalog as it was, before any step changes it (a new, empty library has nothing to keep).
    const QString path = db.databaseName();
    if (from > 0 && from < int(steps.size()) && path != QLatin1String(":memory:")) {
        QString why;
        if (CatalogBackups::rotate(path, QStringLiteral("schema-%1").arg(from), &why).isEmpty()) {
            *error = QStringLiteral("cannot back up the library before upgrading it: %1").arg(why);
            return false;
        }
    }
    for (int v = from; v < int(steps.size()); ++v) {
        Transaction t(db, lcDb, "cannot migrate the library");
        if (!t.isActive()) {
            *error = QStringLiteral("library is locked or read-only: %1").arg(db.lastError().text());
            return false;
        }
        QStringList sqls = steps[size_t(v)];
        sqls << QStringLiteral("PRAGMA user_version = %1").arg(v + 1);
        for (const QString& sql : sqls) {
            if (!execSql(db, sql, error)) {
                *error = QStringLiteral("migration to schema %1 failed: %2").arg(v + 1).arg(*error);
                return false; // t rolls back
            }
        }
        if (QString why; !t.commit(&why)) {
            *error = QStringLiteral("cannot write library: %1").arg(why);
            return false;
        }
        qCDebug(lcDb) << "migrated library to schema" << v + 1;
    }
    return true;
}

} // namespace shoebox
