// Catalog safety: a backup before every schema migration, rotation to 7, a damaged catalog detected
// at start-up with the latest good backup named, and restored with the damaged file kept aside.

#include "catalog/catalogbackups.h"
#include "catalog/database.h"
#include "catalog/photostore.h"
#include "catalog/schema.h"
#include "support/clirunner.h"
#include "support/photofixture.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestCatalogBackups : public QObject {
    Q_OBJECT

private:
    static QByteArray readAll(const QString& file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // A library with one photo, closed, and one rotating backup of it.
    static QString libraryWithBackup(const QTemporaryDir& dir, QString* backup)
    {
        const QString path = dir.filePath(QStringLiteral("library.db"));
        QString error;
        if (!Database::open(path, &error) || !PhotoFixture(QStringLiteral("/p/a.jpg")).saveTo(path))
            return {};
        *backup = CatalogBackups::rotate(path, QStringLiteral("manual"), &error);
        Database::closeThreadConnection(path);
        return path;
    }

    static void damage(const QString& file)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(100, 'x')); // the header: SQLite no longer knows the file
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aMigrationBacksTheCatalogUpFirst_data()
    {
        QTest::addColumn<int>("from");
        QTest::newRow("new library: nothing to keep") << 0;
        QTest::newRow("schema 1") << 1;
        QTest::newRow("one step behind") << Database::currentSchemaVersion() - 1;
    }

    void aMigrationBacksTheCatalogUpFirst()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("library.db"));
        {
            QSqlDatabase db = Database::connection(path);
            for (int v = 0; v < from; ++v)
                for (const QString& sql : schemaMigrations()[size_t(v)])
                    QVERIFY(execSql(db, sql));
            QVERIFY(execSql(db, QStringLiteral("PRAGMA user_version = %1").arg(from)));
            QString error;
            QVERIFY2(Database::migrate(db, &error), qPrintable(error));
        }
        const QStringList backups = CatalogBackups::list(path);
        QCOMPARE(backups.size(), from > 0 ? 1 : 0);
        if (from > 0) {
            QVERIFY(backups.first().contains(QStringLiteral("schema-%1").arg(from)));
            const QString copy = QStringLiteral("copy");
            {
                QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), copy);
                old.setDatabaseName(backups.first());
                QVERIFY(old.open());
                QCOMPARE(Database::schemaVersion(old), from);
                old.close();
            }
            QSqlDatabase::removeDatabase(copy);
        }
        Database::closeThreadConnection(path);
    }

    void rotationKeepsSeven()
    {
        QTemporaryDir dir;
        QString backup;
        const QString path = libraryWithBackup(dir, &backup);
        QVERIFY(!backup.isEmpty());
        QString error;
        for (int i = 0; i < 9; ++i)
            QVERIFY2(!CatalogBackups::rotate(path, QStringLiteral("daily"), &error).isEmpty(), qPrintable(error));
        QCOMPARE(CatalogBackups::list(path).size(), CatalogBackups::kKeep);
        QVERIFY(!CatalogBackups::list(path).contains(backup)); // the oldest went first
        QVERIFY(CatalogBackups::dailyIfDue(path, &error).isEmpty()); // the newest is minutes old
        Database::closeThreadConnection(path);
    }

    void aDamagedCatalogIsDetectedAndKeptAside()
    {
        QTemporaryDir dir;
        QString backup;
        const QString path = libraryWithBackup(dir, &backup);
        QVERIFY(!backup.isEmpty());
        damage(path);
        const QByteArray damaged = readAll(path);

        QString error;
        QVERIFY(!Database::open(path, &error));
        Database::closeThreadConnection(path);
        QCOMPARE(readAll(path), damaged); // opening never writes into it
        const QString advice = CatalogBackups::recoveryAdvice(path);
        QVERIFY2(advice.contains(backup) && advice.contains(QLatin1String("library restore")), qPrintable(advice));
        const CliResult cli = runCli(path, { QStringLiteral("list") });
        QCOMPARE(cli.code, 1);
        QVERIFY2(cli.err.contains(QFile::encodeName(backup)), cli.err.constData());

        QString aside;
        QVERIFY2(CatalogBackups::restore(path, backup, &aside, &error), qPrintable(error));
        QVERIFY2(aside.contains(QLatin1String(".corrupt-")), qPrintable(aside));
        QCOMPARE(readAll(aside), damaged);
        QVERIFY2(Database::open(path, &error), qPrintable(error));
        QVERIFY(PhotoStore(path).photoByPath("/p/a.jpg"));
        Database::closeThreadConnection(path);
    }

    void libraryCheckReportsVanishedFilesAndDamage()
    {
        QTemporaryDir dir;
        QString backup;
        const QString path = libraryWithBackup(dir, &backup);
        CliResult r = runCli(path, { QStringLiteral("--json"), QStringLiteral("library"), QStringLiteral("check") });
        QCOMPARE(r.code, 1);
        QCOMPARE(r.json().value(QStringLiteral("vanished")).toArray().size(), 1); // /p/a.jpg is not on disk
        QCOMPARE(r.json().value(QStringLiteral("problems")).toArray().size(), 0);
        const QString copy = dir.filePath(QStringLiteral("copy.db"));
        r = runCli(path, { QStringLiteral("library"), QStringLiteral("backup"), copy });
        QVERIFY2(r.code == 0, r.err.constData());
        damage(path);
        r = runCli(path, { QStringLiteral("library"), QStringLiteral("check") });
        QCOMPARE(r.code, 1);
        r = runCli(path, { QStringLiteral("library"), QStringLiteral("restore"), copy });
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.contains("corrupt-"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogBackups)
#include "tst_catalogbackups.moc"
