// The daily backup's rule, on a fake clock: due a day after the last good run, retried with a
// growing pause after a failure, a day later after a cancel; started as soon as a missing
// destination comes back; one notice per missing/full episode, not one per poll.

#include "backup/backupschedule.h"

#include <QStandardPaths>
#include <QTest>

using namespace shoebox;

Q_DECLARE_METATYPE(BackupSchedule::Action)
Q_DECLARE_METATYPE(DestinationState)

class TestBackupSchedule : public QObject {
    Q_OBJECT

private:
    static QDateTime at(int day, int hour, int minute = 0)
    {
        return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void decidesWhenABackupIsDue_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QDateTime>("lastSuccess");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<DestinationState>("destination");
        QTest::addColumn<BackupSchedule::Action>("action");
        using A = BackupSchedule::Action;
        const QDateTime last = at(10, 9);
        QTest::newRow("never backed up: due now")
            << true << QDateTime() << at(10, 9) << DestinationState::Ready << A::Start;
        QTest::newRow("off") << false << QDateTime() << at(10, 9) << DestinationState::Ready << A::Wait;
        QTest::newRow("an hour later") << true << last << at(10, 10) << DestinationState::Ready << A::Wait;
        QTest::newRow("a minute short of a day") << true << last << at(11, 8, 59) << DestinationState::Ready << A::Wait;
        QTest::newRow("a day later") << true << last << at(11, 9) << DestinationState::Ready << A::Start;
        QTest::newRow("a week later") << true << last << at(17, 9) << DestinationState::Ready << A::Start;
        QTest::newRow("clock set back") << true << last << at(9, 9) << DestinationState::Ready << A::Start;
        QTest::newRow("due, drive missing") << true << last << at(11, 10) << DestinationState::Missing << A::Notice;
        QTest::newRow("due, drive full") << true << last << at(11, 10) << DestinationState::Full << A::Notice;
        QTest::newRow("due, read-only") << true << last << at(11, 10) << DestinationState::ReadOnly << A::Notice;
        QTest::newRow("not due, drive missing: no notice")
            << true << last << at(10, 12) << DestinationState::Missing << A::Wait;
    }

    void decidesWhenABackupIsDue()
    {
        QFETCH(bool, enabled);
        QFETCH(QDateTime, lastSuccess);
        QFETCH(QDateTime, now);
        QFETCH(DestinationState, destination);
        QFETCH(BackupSchedule::Action, action);
        BackupSchedule schedule;
        schedule.setEnabled(enabled);
        schedule.setLastSuccess(lastSuccess);
        QCOMPARE(schedule.next(now, destination), action);
    }

    void startsWhenTheMissingDestinationAppears()
    {
        BackupSchedule schedule;
        schedule.setEnabled(true);
        schedule.setLastSuccess(at(10, 9));
        QCOMPARE(schedule.next(at(11, 9), DestinationState::Missing), BackupSchedule::Action::Notice);
        QCOMPARE(schedule.destinationState(), DestinationState::Missing);
        QCOMPARE(schedule.next(at(11, 10), DestinationState::Missing), BackupSchedule::Action::Wait); // told once
        QCOMPARE(schedule.next(at(11, 11), DestinationState::Full), BackupSchedule::Action::Notice);
        QCOMPARE(schedule.next(at(11, 12), DestinationState::Ready), BackupSchedule::Action::Start);
        schedule.started();
        QCOMPARE(schedule.next(at(11, 12, 1), DestinationState::Ready), BackupSchedule::Action::Wait); // running
        schedule.finished(at(11, 12, 30), IoFailure::None, false);
        QCOMPARE(schedule.lastSuccess(), at(11, 12, 30));
        QCOMPARE(schedule.next(at(11, 13), DestinationState::Ready), BackupSchedule::Action::Wait);
        // Gone again: a new episode gets a new notice.
        QCOMPARE(schedule.next(at(12, 13), DestinationState::Missing), BackupSchedule::Action::Notice);
    }

    void retriesFailuresWithAGrowingPause_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qint64>("pauseSecs");
        QTest::newRow("first failure: 5 min") << 1 << qint64(5 * 60);
        QTest::newRow("second: 20 min") << 2 << qint64(20 * 60);
        QTest::newRow("third: 80 min") << 3 << qint64(80 * 60);
        QTest::newRow("never more than a day") << 9 << qint64(24 * 3600);
    }

    void retriesFailuresWithAGrowingPause()
    {
        QFETCH(int, failures);
        QFETCH(qint64, pauseSecs);
        BackupSchedule schedule;
        schedule.setEnabled(true);
        QDateTime now = at(10, 9);
        for (int i = 0; i < failures; ++i) {
            QCOMPARE(schedule.next(now, DestinationState::Ready), BackupSchedule::Action::Start);
            schedule.started();
            schedule.finished(now, IoFailure::Transient, false);
            QCOMPARE(schedule.dueAt().isValid(), true);
            if (i + 1 < failures)
                now = schedule.dueAt();
        }
        QCOMPARE(now.secsTo(schedule.dueAt()), pauseSecs);
        QCOMPARE(schedule.next(now.addSecs(pauseSecs - 1), DestinationState::Ready), BackupSchedule::Action::Wait);
        QCOMPARE(schedule.next(now.addSecs(pauseSecs), DestinationState::Ready), BackupSchedule::Action::Start);
    }

    void aCancelledRunWaitsADay()
    {
        BackupSchedule schedule;
        schedule.setEnabled(true);
        QCOMPARE(schedule.next(at(10, 9), DestinationState::Ready), BackupSchedule::Action::Start);
        schedule.started();
        schedule.finished(at(10, 9, 5), IoFailure::None, true);
        QVERIFY(!schedule.lastSuccess().isValid());
        QCOMPARE(schedule.next(at(11, 9), DestinationState::Ready), BackupSchedule::Action::Wait);
        QCOMPARE(schedule.next(at(11, 9, 5), DestinationState::Ready), BackupSchedule::Action::Start);
    }
};

QTEST_GUILESS_MAIN(TestBackupSchedule)
#include "tst_backupschedule.moc"
