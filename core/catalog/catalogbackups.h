#pragma once
// Catalog safety: consistent copies of the library database taken while it is in use (VACUUM INTO,
// which reads one transaction's view), rotating backups in the library's data folder (before every
// schema migration and once a day, the newest 7 kept), integrity checks, and replacing a damaged
// library with a backup while keeping the damaged file aside. Static functions; any thread (each
// uses that thread's connection, or a private one for files other than the open library).

#include <QString>
#include <QStringList>

namespace shoebox {

class CatalogBackups {
public:
    static constexpr int kKeep = 7;

    // Writes a consistent copy of the library to target (through target.tmp, fsync, rename).
    static bool copyTo(const QString& libraryPath, const QString& target, QString* error);
    // <library's folder>/catalog-backups
    static QString folder(const QString& libraryPath);
    // A new rotating backup tagged with reason ("migration-8", "daily", "manual"); older ones beyond
    // kKeep are deleted. Returns its path, or empty with *error.
    static QString rotate(const QString& libraryPath, const QString& reason, QString* error);
    // Makes a "daily" backup when the newest one is more than a day old; returns its path or empty.
    static QString dailyIfDue(const QString& libraryPath, QString* error);
    // The rotating backups, newest first.
    static QStringList list(const QString& libraryPath);
    // The newest backup that passes SQLite's quick_check, or empty.
    static QString latestGood(const QString& libraryPath);

    // integrity_check and foreign_key_check of any database file, on a private read-only connection.
    // problems gets one line each; false (with *error) only when the checks could not run at all,
    // which for a file that exists means it is not a readable database.
    static bool check(const QString& file, QStringList* problems, QString* error);
    // Photos the catalog holds as present whose files are gone from disk, by path.
    static QStringList vanishedFiles(const QString& libraryPath, QString* error);
    // True when file exists and SQLite cannot read it (not a database, malformed); *why says how.
    static bool isDamaged(const QString& file, QString* why);
    // For a library that failed to open: when it is damaged, what to do ("the latest good backup is
    // X: shoebox-cli library restore X"); empty when it is not damaged.
    static QString recoveryAdvice(const QString& libraryPath);
    // Replaces the library with backupFile after checking it; the current file (with its -wal and
    // -shm) is renamed to <library>.replaced-<time> (or .corrupt-<time> when damaged), never
    // deleted. *aside gets that name. This thread's connection to the library is closed first; other
    // threads must not use the library meanwhile.
    static bool restore(const QString& libraryPath, const QString& backupFile, QString* aside, QString* error);
};

} // namespace shoebox
