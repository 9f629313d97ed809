// Catalog writes that fail are reported, never dropped: a save the database refuses returns 0 with
// a reason, the scanner counts that file as failed with the reason, and a failed commit rolls back.
#include "catalog/database.h"
#include "catalog/hashstore.h"
#include "catalog/photostore.h"
#include "catalog/transaction.h"
#include "scan/scanner.h"

#include <QImage>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;

Q_LOGGING_CATEGORY(lcTest, "shoebox.test.catalogerrors")

namespace {

PhotoRecord photo(const QByteArray& path)
{
    PhotoRecord r;
    r.path = path;
    r.displayPath = QString::fromUtf8(path);
    r.size = 100;
    r.contentHash = QByteArray(16, 'h') + path.right(1);
    return r;
}

// A fresh library in dir, then the statements that break it on this thread's connection.
QString brokenLibrary(const QTemporaryDir& dir, const QStringList& breakage)
{
    const QString lib = dir.filePath(QStringLiteral("lib.db"));
    QString error;
    if (!Database::open(lib, &error))
        qFatal("cannot open %s: %s", qPrintable(lib), qPrintable(error));
    for (const QString& sql : breakage)
        if (!execSql(Database::connection(lib), sql))
            qFatal("cannot break the library with %s", qPrintable(sql));
    return lib;
}

qint64 rows(const QString& lib, const QString& table)
{
    QSqlQuery q(Database::connection(lib));
    return q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestCatalogErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void breakages_data()
    {
        QTest::addColumn<QStringList>("breakage");
        QTest::addColumn<QString>("reason"); // part of the driver's message
        QTest::addColumn<qint64>("photoRows"); // photos left in the catalog; -1: no table to count
        // query_only stands in for a read-only file: tests may run as root, who can write any file.
        QTest::newRow("read-only library")
            << QStringList { QStringLiteral("PRAGMA query_only = ON") } << QStringLiteral("readonly") << qint64(0);
        QTest::newRow("photos table missing")
            << QStringList { QStringLiteral("PRAGMA foreign_keys = OFF"), QStringLiteral("DROP TABLE photos") }
            << QStringLiteral("no such table") << qint64(-1);
        QTest::newRow("hashes table missing")
            << QStringList { QStringLiteral("DROP TABLE hashes") } << QStringLiteral("no such table") << qint64(0);
    }

    void saveFailureIsReported_data() { breakages_data(); }
    void saveFailureIsReported()
    {
        QFETCH(QStringList, breakage);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString lib = brokenLibrary(dir, breakage);
        QString error;
        const qint64 id
            = PhotoStore(lib).save(photo("/p/a.jpg"), { { QStringLiteral("phash"), QByteArray(8, 'a') } }, &error);
        QFETCH(qint64, photoRows);
        QCOMPARE(id, qint64(0));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QCOMPARE(rows(lib, QStringLiteral("photos")), photoRows); // not half saved
        Database::closeThreadConnection(lib);
    }

    void scannerCountsFailedSaveWithReason_data() { breakages_data(); }
    void scannerCountsFailedSaveWithReason()
    {
        QFETCH(QStringList, breakage);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString photos = dir.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(photos));
        const QStringList names { QStringLiteral("red.png"), QStringLiteral("blue.png") };
        for (int i = 0; i < names.size(); ++i) {
            QImage img(64, 48, QImage::Format_RGB32);
            img.fill(i == 0 ? Qt::red : Qt::blue);
            QVERIFY(img.save(photos + QLatin1Char('/') + names[i]));
        }
        const QString lib = brokenLibrary(dir, breakage);
        Scanner scanner(lib);
        scanner.setWriteThumbnails(false);
        const ScanSummary s = scanner.scan({ QFile::encodeName(photos) });
        QCOMPARE(s.totals.added, qint64(0));
        QCOMPARE(s.totals.failed, qint64(names.size()));
        QCOMPARE(s.totals.done, qint64(names.size()));
        for (const QString& name : names) {
            const QString prefix = photos + QLatin1Char('/') + name + QStringLiteral(": ");
            const auto it = std::find_if(
                s.errors.cbegin(), s.errors.cend(), [&](const QString& e) { return e.startsWith(prefix); });
            QVERIFY2(it != s.errors.cend(), qPrintable(s.errors.join(QLatin1Char('\n'))));
            QVERIFY2(it->contains(reason), qPrintable(*it));
        }
        QFETCH(qint64, photoRows);
        QCOMPARE(rows(lib, QStringLiteral("photos")), photoRows);
        Database::closeThreadConnection(lib);
    }

    void failedCommitRollsBack_data()
    {
        QTest::addColumn<bool>("throughStore"); // PhotoStore::commit() or a Transaction
        QTest::newRow("photo store") << true;
        QTest::newRow("transaction") << false;
    }
    void failedCommitRollsBack()
    {
        QFETCH(bool, throughStore);
        QTemporaryDir dir;
        const QString lib = brokenLibrary(dir, {});
        QSqlDatabase db = Database::connection(lib);
        PhotoStore store(lib);
        // Deferred foreign keys are checked at COMMIT: a hash of no photo makes the commit fail.
        const QString orphan
            = QStringLiteral("INSERT INTO hashes(photo_id, kind, bits) VALUES(424242, 'phash', x'00')");
        QString error;
        bool committed = true;
        if (throughStore) {
            QVERIFY(store.begin());
            QVERIFY(execSql(db, QStringLiteral("PRAGMA defer_foreign_keys = ON")));
            QVERIFY(store.save(photo("/p/a.jpg"), {}) > 0);
            QVERIFY(execSql(db, orphan));
            committed = store.commit(&error);
        } else {
            Transaction t(db, lcTest, "test batch");
            QVERIFY(t.isActive());
            QVERIFY(execSql(db, QStringLiteral("PRAGMA defer_foreign_keys = ON")));
            QVERIFY(store.save(photo("/p/a.jpg"), {}) > 0);
            QVERIFY(execSql(db, orphan));
            committed = t.commit(&error);
        }
        QVERIFY(!committed);
        QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY")), qPrintable(error));
        QCOMPARE(rows(lib, QStringLiteral("photos")), qint64(0));
        QCOMPARE(rows(lib, QStringLiteral("hashes")), qint64(0));
        QVERIFY(store.begin()); // nothing is left open
        QVERIFY(store.commit());
        db = QSqlDatabase();
        Database::closeThreadConnection(lib);
    }

    void hashBatchWithABadRowKeepsNothing()
    {
        QTemporaryDir dir;
        const QString lib = brokenLibrary(dir, {});
        const qint64 id = PhotoStore(lib).save(photo("/p/a.jpg"), {});
        QVERIFY(id > 0);
        QString error;
        // The second row names no photo: foreign keys refuse it, and the first is not kept either.
        QVERIFY(!HashStore(lib).storeKind(
            QStringLiteral("keypoints"), { { id, QByteArray("k1") }, { id + 1000, QByteArray("k2") } }, &error));
        QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY")), qPrintable(error));
        QCOMPARE(rows(lib, QStringLiteral("hashes")), qint64(0));
        QVERIFY(HashStore(lib).storeKind(QStringLiteral("keypoints"), { { id, QByteArray("k1") } }, &error));
        QCOMPARE(HashStore(lib).hashes(id).value(QStringLiteral("keypoints")), QByteArray("k1"));
        Database::closeThreadConnection(lib);
    }

    void transactionRollsBackWhenNotCommitted()
    {
        QTemporaryDir dir;
        const QString lib = brokenLibrary(dir, {});
        {
            Transaction t(Database::connection(lib), lcTest, "test batch");
            QVERIFY(t.isActive());
            QVERIFY(PhotoStore(lib).save(photo("/p/a.jpg"), { { QStringLiteral("phash"), QByteArray(8, 'a') } }) > 0);
        }
        QCOMPARE(rows(lib, QStringLiteral("photos")), qint64(0));
        QCOMPARE(rows(lib, QStringLiteral("hashes")), qint64(0));
        Database::closeThreadConnection(lib);
    }
};

QTEST_GUILESS_MAIN(TestCatalogErrors)
#include "tst_catalogerrors.moc"
