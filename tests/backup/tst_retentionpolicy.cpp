// Retention: the newest snapshot of each of the last N days, weeks and months, always the newest;
// and in a real destination, a trashed photo stays in older snapshots until retention drops them.

#include "backup/backupengine.h"
#include "backup/backuprepository.h"
#include "backup/retentionpolicy.h"
#include "support/backupfixture.h"

#include <QStandardPaths>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestRetentionPolicy : public QObject {
    Q_OBJECT

private:
    static QDateTime at(int year, int month, int day, int hour = 12)
    {
        return QDateTime(QDate(year, month, day), QTime(hour, 0));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keepsTheNewestOfEachPeriod_data()
    {
        QTest::addColumn<QList<QDateTime>>("times");
        QTest::addColumn<QList<int>>("policy"); // daily, weekly, monthly
        QTest::addColumn<QList<bool>>("kept");
        const QList<QDateTime> days { at(2026, 1, 1, 10), at(2026, 1, 1, 12), at(2026, 1, 2), at(2026, 1, 3) };
        QTest::newRow("two days") << days << QList<int> { 2, 0, 0 } << QList<bool> { false, false, true, true };
        QTest::newRow("one day") << days << QList<int> { 1, 0, 0 } << QList<bool> { false, false, false, true };
        QTest::newRow("newest per day") << days << QList<int> { 3, 0, 0 } << QList<bool> { false, true, true, true };
        QTest::newRow("nothing but the newest")
            << days << QList<int> { 0, 0, 0 } << QList<bool> { false, false, false, true };
        QTest::newRow("months") << QList<QDateTime> { at(2026, 1, 5), at(2026, 1, 20), at(2026, 2, 3), at(2026, 3, 1) }
                                << QList<int> { 0, 0, 2 } << QList<bool> { false, false, true, true };
        // 2026-01-05 and 2026-01-12 are Mondays: two ISO weeks.
        QTest::newRow("weeks") << QList<QDateTime> { at(2026, 1, 5), at(2026, 1, 7), at(2026, 1, 12), at(2026, 1, 13) }
                               << QList<int> { 0, 2, 0 } << QList<bool> { false, true, false, true };
        QTest::newRow("any order") << QList<QDateTime> { at(2026, 1, 3), at(2026, 1, 1), at(2026, 1, 2) }
                                   << QList<int> { 2, 0, 0 } << QList<bool> { true, false, true };
    }

    void keepsTheNewestOfEachPeriod()
    {
        QFETCH(QList<QDateTime>, times);
        QFETCH(QList<int>, policy);
        QFETCH(QList<bool>, kept);
        const RetentionPolicy p { policy[0], policy[1], policy[2] };
        QCOMPARE(p.keep(times), kept);
    }

    void aTrashedPhotoStaysUntilRetentionDropsItsLastSnapshot()
    {
        BackupFixture lib;
        const qint64 gone = lib.addFile(QStringLiteral("gone.jpg"), BackupFixture::randomBytes(3000, 1));
        QVERIFY(lib.addFile(QStringLiteral("stays.jpg"), BackupFixture::randomBytes(3000, 2)));
        const QString dest = lib.destination();
        BackupOptions o;
        o.libraryPath = lib.path();
        o.destination = dest;
        o.now = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        QVERIFY(BackupEngine(o).run().ok());
        QVERIFY(lib.trashFile(gone));
        o.now = o.now.addDays(1);
        BackupReport r = BackupEngine(o).run();
        QVERIFY(r.ok());
        QCOMPARE(r.prunedObjects, 0); // the first snapshot still has it
        QCOMPARE(BackupRepository(dest).snapshots().size(), 2);
        o.now = o.now.addDays(1);
        o.retention = RetentionPolicy { 1, 0, 0 };
        r = BackupEngine(o).run();
        QVERIFY(r.ok());
        QCOMPARE(r.removedSnapshots, 2);
        QCOMPARE(r.prunedObjects, 1);
        QCOMPARE(BackupRepository(dest).snapshots().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRetentionPolicy)
#include "tst_retentionpolicy.moc"
