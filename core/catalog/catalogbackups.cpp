#include "catalog/catalogbackups.h"

#include "catalog/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <fcntl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcCatalogBackup, "shoebox.core.catalog.backup", QtInfoMsg)

namespace shoebox {

namespace {

// SQLITE_BUSY or SQLITE_LOCKED: another connection, often another program, holds the lock. The
// catalog is fine, and the same call succeeds once the lock is released.
bool lockedByAnother(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6")
        || error.databaseText().contains(QLatin1String("database is locked"));
}

QString stamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss.zzz'Z'"));
}

bool fsyncFile(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// A read-only connection of its own to any database file, removed when it goes out of scope.
class PrivateConnection {
public:
    explicit PrivateConnection(const QString& file)
        : m_name(QStringLiteral("shoebox-check-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
    }
    ~PrivateConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

// Renames path and its -wal/-shm companions to path + suffix.
bool moveAside(const QString& path, const QString& suffix, QString* error)
{
    for (const QString& companion : { QStringLiteral("-wal"), QStringLiteral("-shm"), QString() }) {
        const QString from = path + companion;
        if (!QFile::exists(from))
            continue;
        if (!QFile::rename(from, path + suffix + companion)) {
            *error = QStringLiteral("cannot move %1 aside").arg(from);
            return false;
        }
    }
    return true;
}

} // namespace

bool CatalogBackups::copyTo(const QString& libraryPath, const QString& target, QString* error)
{
    const QString tmp = target + QStringLiteral(".tmp");
    QFile::remove(tmp);
    QSqlQuery q(Database::connection(libraryPath));
    // VACUUM INTO takes no bound parameter for the file name: quote it as an SQL string.
    QString quoted = tmp;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    if (!q.exec(QStringLiteral("VACUUM INTO '%1'").arg(quoted))) {
        *error = QStringLiteral("cannot copy the catalog to %1: %2").arg(target, q.lastError().databaseText());
        QFile::remove(tmp);
        return false;
    }
    if (!fsyncFile(tmp) || ::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(target).constData()) != 0) {
        *error = QStringLiteral("cannot write %1").arg(target);
        QFile::remove(tmp);
        return false;
    }
    fsyncFile(QFileInfo(target).absolutePath());
    return true;
}

QString CatalogBackups::folder(const QString& libraryPath)
{
    return QFileInfo(libraryPath).absolutePath() + QStringLiteral("/catalog-backups");
}

QStringList CatalogBackups::list(const QString& libraryPath)
{
    const QDir dir(folder(libraryPath));
    const QString base = QFileInfo(libraryPath).completeBaseName();
    QStringList files;
    for (const QString& name :
        dir.entryList({ base + QStringLiteral("-*.db") }, QDir::Files, QDir::Name | QDir::Reversed))
        files << dir.filePath(name);
    return files;
}

QString CatalogBackups::rotate(const QString& libraryPath, const QString& reason, QString* error)
{
    if (!QDir().mkpath(folder(libraryPath))) {
        *error = QStringLiteral("cannot create %1").arg(folder(libraryPath));
        return {};
    }
    const QString prefix = folder(libraryPath) + QLatin1Char('/') + QFileInfo(libraryPath).completeBaseName()
        + QLatin1Char('-') + stamp() + QLatin1Char('-') + reason;
    // The names sort by time (fixed-width stamps first); two backups in one millisecond wait for the next.
    QString target = prefix + QStringLiteral(".db");
    while (QFile::exists(target)) {
        QThread::msleep(1);
        target = folder(libraryPath) + QLatin1Char('/') + QFileInfo(libraryPath).completeBaseName() + QLatin1Char('-')
            + stamp() + QLatin1Char('-') + reason + QStringLiteral(".db");
    }
    if (!copyTo(libraryPath, target, error))
        return {};
    const QStringList all = list(libraryPath);
    for (int i = kKeep; i < all.size(); ++i)
        QFile::remove(all[i]);
    qCInfo(lcCatalogBackup) << "catalog backed up to" << target;
    return target;
}

QString CatalogBackups::dailyIfDue(const QString& libraryPath, QString* error)
{
    const QStringList all = list(libraryPath);
    if (!all.isEmpty() && QFileInfo(all.first()).lastModified().secsTo(QDateTime::currentDateTime()) < 24 * 3600)
        return {};
    return rotate(libraryPath, QStringLiteral("daily"), error);
}

QString CatalogBackups::latestGood(const QString& libraryPath)
{
    for (const QString& file : list(libraryPath)) {
        PrivateConnection c(file);
        QSqlQuery q(c.db());
        if (q.exec(QStringLiteral("PRAGMA quick_check")) && q.next() && q.value(0).toString() == QLatin1String("ok"))
            return file;
    }
    return {};
}

bool CatalogBackups::check(const QString& file, QStringList* problems, QString* error)
{
    if (!QFileInfo::exists(file)) {
        *error = QStringLiteral("%1 does not exist").arg(file);
        return false;
    }
    PrivateConnection c(file);
    QSqlQuery q(c.db());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        *error = QStringLiteral("%1 is not a readable SQLite database: %2").arg(file, q.lastError().databaseText());
        return false;
    }
    while (q.next()) {
        if (q.value(0).toString() != QLatin1String("ok"))
            problems->append(q.value(0).toString());
    }
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        problems->append(QStringLiteral("foreign keys cannot be checked: %1").arg(q.lastError().databaseText()));
        return true;
    }
    while (q.next()) {
        problems->append(QStringLiteral("row %1 of %2 refers to a missing row of %3")
                             .arg(q.value(1).toString(), q.value(0).toString(), q.value(2).toString()));
    }
    return true;
}

QStringList CatalogBackups::vanishedFiles(const QString& libraryPath, QString* error)
{
    QStringList gone;
    QSqlQuery q(Database::connection(libraryPath));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT path FROM photos WHERE state != 'missing' ORDER BY id"))) {
        *error = q.lastError().databaseText();
        return gone;
    }
    while (q.next()) {
        const QByteArray path = q.value(0).toByteArray();
        if (::access(path.constData(), F_OK) != 0)
            gone << QFile::decodeName(path);
    }
    return gone;
}

bool CatalogBackups::isDamaged(const QString& file, QString* why)
{
    // Only a file SQLite cannot read is damaged; a folder or a missing file is another problem.
    if (!QFileInfo(file).isFile())
        return false;
    // On a read-only file or volume SQLite cannot even read a WAL catalog: that says nothing of damage.
    if (!QFileInfo(file).isWritable() || !QFileInfo(QFileInfo(file).absolutePath()).isWritable())
        return false;
    PrivateConnection c(file);
    if (!c.db().isOpen()) {
        *why = c.db().lastError().databaseText();
        return true;
    }
    QSqlQuery q(c.db());
    if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
        *why = q.lastError().databaseText();
        return !lockedByAnother(q.lastError()); // locked is not damaged
    }
    if (q.next() && q.value(0).toString() != QLatin1String("ok")) {
        *why = q.value(0).toString();
        return true;
    }
    return false;
}

QString CatalogBackups::recoveryAdvice(const QString& libraryPath)
{
    QString why;
    if (!isDamaged(libraryPath, &why))
        return {};
    const QString backup = latestGood(libraryPath);
    if (backup.isEmpty())
        return QStringLiteral("library %1 is damaged (%2) and there is no catalog backup in %3")
            .arg(libraryPath, why, folder(libraryPath));
    return QStringLiteral("library %1 is damaged (%2); the latest good backup is %3: run "
                          "`shoebox-cli library restore %3` (the damaged file is kept aside)")
        .arg(libraryPath, why, backup);
}

bool CatalogBackups::restore(const QString& libraryPath, const QString& backupFile, QString* aside, QString* error)
{
    QStringList problems;
    if (!check(backupFile, &problems, error))
        return false;
    if (!problems.isEmpty()) {
        *error = QStringLiteral("%1 is damaged too: %2").arg(backupFile, problems.first());
        return false;
    }
    Database::closeThreadConnection(libraryPath);
    QString why;
    const QString suffix
        = (isDamaged(libraryPath, &why) ? QStringLiteral(".corrupt-") : QStringLiteral(".replaced-")) + stamp();
    const QString tmp = libraryPath + QStringLiteral(".restoring");
    QFile::remove(tmp);
    if (!QFile::copy(backupFile, tmp) || !fsyncFile(tmp)) {
        *error = QStringLiteral("cannot copy %1 next to the library").arg(backupFile);
        QFile::remove(tmp);
        return false;
    }
    QFile(tmp).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    if (QFile::exists(libraryPath) && !moveAside(libraryPath, suffix, error))
        return false;
    *aside = QFile::exists(libraryPath + suffix) ? libraryPath + suffix : QString();
    if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(libraryPath).constData()) != 0) {
        *error = QStringLiteral("cannot put %1 in place").arg(libraryPath);
        return false;
    }
    fsyncFile(QFileInfo(libraryPath).absolutePath());
    return true;
}

} // namespace shoebox
