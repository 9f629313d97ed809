#include "catalog/database.h"
#include "catalog/schema.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace shoebox;

class TestDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void freshLibraryHasCurrentSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.db"));
        QString error;
        QVERIFY2(Database::open(path, &error), qPrintable(error));
        QCOMPARE(Database::schemaVersion(Database::connection(path)), Database::currentSchemaVersion());
        QSqlQuery q(Database::connection(path));
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        Database::closeThreadConnection(path);
    }

    void migratesFromEveryOldVersion()
    {
        for (int from = 0; from < Database::currentSchemaVersion(); ++from) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("lib.db"));
            // Build the library as an older Shoebox would have left it.
            QSqlDatabase db = Database::connection(path);
            QVERIFY(db.isOpen());
            // Re-use the real steps up to 'from' (they are frozen once released).
            for (int v = 0; v < from; ++v)
                for (const QString& sql : schemaMigrations()[size_t(v)])
                    QVERIFY(execSql(db, sql));
            QVERIFY(execSql(db, QStringLiteral("PRAGMA user_version = %1").arg(from)));
            QString error;
            QVERIFY2(Database::migrate(db, &error), qPrintable(error));
            QCOMPARE(Database::schemaVersion(db), Database::currentSchemaVersion());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            Database::closeThreadConnection(path);
        }
    }

    // Version 2 (issue 10) adds kind, duration_ms and codec: photos from before stay photos.
    void photosFromVersionOneBecomePhotoKind()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.db"));
        QSqlDatabase db = Database::connection(path);
        for (const QString& sql : schemaMigrations()[0])
            QVERIFY(execSql(db, sql));
        QVERIFY(execSql(db, QStringLiteral("PRAGMA user_version = 1")));
        QVERIFY(execSql(db,
            QStringLiteral("INSERT INTO photos(path, display_path, name, format) VALUES(x'2f612e6a7067', '/a.jpg',"
                           " 'a.jpg', 'jpeg')")));
        QString error;
        QVERIFY2(Database::migrate(db, &error), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT kind, duration_ms, codec FROM photos")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("photo"));
        QVERIFY(q.value(1).isNull());
        QVERIFY(q.value(2).isNull());
        Database::closeThreadConnection(path);
    }

    // A library from before pairs (schema 1) keeps its photos, gains the pair columns empty, and
    // deleting one half of a pair afterwards makes the other visible again.
    void pairColumnsMigrateFromVersion1()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.db"));
        QSqlDatabase db = Database::connection(path);
        for (const QString& sql : schemaMigrations()[0])
            QVERIFY(execSql(db, sql));
        QVERIFY(execSql(db, QStringLiteral("PRAGMA user_version = 1")));
        QVERIFY(execSql(db,
            QStringLiteral("INSERT INTO photos(id, path, display_path, name) VALUES"
                           " (1, '/p/IMG_1.JPG', '/p/IMG_1.JPG', 'IMG_1.JPG'),"
                           " (2, '/p/IMG_1.CR2', '/p/IMG_1.CR2', 'IMG_1.CR2')")));
        QString error;
        QVERIFY2(Database::migrate(db, &error), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM photos WHERE content_id IS NULL AND motion_offset IS NULL"
                                      " AND partner_id IS NULL AND partner_role IS NULL"))
            && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(execSql(db, QStringLiteral("PRAGMA foreign_keys = ON")));
        QVERIFY(execSql(
            db, QStringLiteral("UPDATE photos SET partner_id = 1, partner_role = 'raw-original' WHERE id = 2")));
        QVERIFY(execSql(db, QStringLiteral("DELETE FROM photos WHERE id = 1")));
        QVERIFY(q.exec(QStringLiteral("SELECT partner_id IS NULL, partner_role IS NULL FROM photos WHERE id = 2"))
            && q.next());
        QVERIFY(q.value(0).toBool());
        QVERIFY(q.value(1).toBool());
        Database::closeThreadConnection(path);
    }

    void refusesNewerLibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.db"));
        QSqlDatabase db = Database::connection(path);
        QVERIFY(execSql(db, QStringLiteral("PRAGMA user_version = 999")));
        QString error;
        QVERIFY(!Database::migrate(db, &error));
        QVERIFY(error.contains(QStringLiteral("newer")));
        Database::closeThreadConnection(path);
    }

    void refusesFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QString error;
        QVERIFY(!Database::open(path, &error));
        QVERIFY(!error.isEmpty());
        Database::closeThreadConnection(path);
    }

    void threadConnectionClosesWhenTheThreadEnds_data()
    {
        QTest::addColumn<bool>("poolThread");
        QTest::newRow("thread") << false;
        QTest::newRow("pool thread") << true;
    }

    // No code closes the connection by hand: the catalog's thread-exit hook does it.
    void threadConnectionClosesWhenTheThreadEnds()
    {
        QFETCH(bool, poolThread);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.db"));
        QString error;
        QVERIFY2(Database::open(path, &error), qPrintable(error));
        auto query = [path] {
            QSqlQuery q(Database::connection(path));
            return q.exec(QStringLiteral("SELECT count(*) FROM photos")) && q.next()
                ? Database::connection(path).connectionName()
                : QString();
        };
        QString name;
        if (poolThread) {
            QThreadPool pool;
            name = QtConcurrent::run(&pool, query).result();
            QVERIFY(!name.isEmpty());
            // The pool thread lives on after the task: so does its connection, for the next task.
            QVERIFY(QSqlDatabase::contains(name));
        } else {
            auto result = std::make_shared<QString>();
            std::unique_ptr<QThread> thread(QThread::create([query, result] { *result = query(); }));
            thread->start();
            QVERIFY(thread->wait(30000));
            name = *result;
            QVERIFY(!name.isEmpty());
        }
        QVERIFY(!QSqlDatabase::contains(name));
        QVERIFY(QSqlDatabase::contains(Database::connection(path).connectionName()));
        Database::closeThreadConnection(path);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
