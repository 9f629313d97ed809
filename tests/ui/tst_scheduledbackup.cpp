// The daily backup in the window: with the preference on and its folder present, a due backup
// starts by itself with its progress, Pause and Cancel in the status bar, and makes a snapshot;
// with the folder missing, the status bar says so; when the folder appears, the backup starts.

#include "backup/backuprepository.h"
#include "backup/scheduledbackup.h"
#include "support/backupfixture.h"

#include <QMainWindow>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestScheduledBackup : public QObject {
    Q_OBJECT

private:
    static void prefer(bool enabled, const QString& destination)
    {
        QSettings settings;
        settings.clear();
        settings.setValue(ScheduledBackup::enabledKey(), enabled);
        settings.setValue(ScheduledBackup::destinationKey(), destination);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { QSettings().clear(); }

    void aDueBackupStartsByItselfAndMakesASnapshot()
    {
        BackupFixture lib;
        QVERIFY(lib.addFile(QStringLiteral("2024/beach.jpg"), BackupFixture::randomBytes(40000, 7)));
        const QString dest = lib.destination(QStringLiteral("usb"));
        prefer(true, dest);
        QMainWindow window;
        ScheduledBackup scheduled(window.statusBar(), lib.path());
        QSignalSpy started(&scheduled, &ScheduledBackup::backupStarted);
        QSignalSpy finished(&scheduled, &ScheduledBackup::backupFinished);
        bool running = false, buttons = false;
        connect(&scheduled, &ScheduledBackup::backupStarted, this, [&] {
            running = scheduled.isRunning();
            buttons
                = scheduled.statusWidget()->findChild<QPushButton*>(QStringLiteral("pauseBackup"))->isVisibleTo(&window)
                && scheduled.statusWidget()
                       ->findChild<QPushButton*>(QStringLiteral("cancelBackup"))
                       ->isVisibleTo(&window);
        });
        scheduled.reloadSettings(); // the destination is probed off the UI thread, then the run starts
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);
        QVERIFY(running);
        QVERIFY(buttons);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(BackupRepository(dest).snapshots().size(), 1);
        QCOMPARE(scheduled.notice(), QString());
        // Done for today: another check starts nothing.
        scheduled.check();
        QVERIFY(scheduled.isChecking());
        QTRY_VERIFY(!scheduled.isChecking());
        QCOMPARE(started.size(), 1);
    }

    void aMissingDestinationShowsANoticeThenStartsWhenItAppears()
    {
        BackupFixture lib;
        QVERIFY(lib.addFile(QStringLiteral("dog.jpg"), BackupFixture::randomBytes(30000, 8)));
        const QString dest = lib.destination(QStringLiteral("usb"), false);
        prefer(true, dest);
        QMainWindow window;
        ScheduledBackup scheduled(window.statusBar(), lib.path());
        QSignalSpy started(&scheduled, &ScheduledBackup::backupStarted);
        QSignalSpy finished(&scheduled, &ScheduledBackup::backupFinished);
        scheduled.reloadSettings();
        QTRY_VERIFY(!scheduled.isChecking());
        QCOMPARE(started.size(), 0);
        QVERIFY2(scheduled.notice().contains(dest), qPrintable(scheduled.notice()));
        QVERIFY(scheduled.notice().contains(QStringLiteral("not there")));
        QVERIFY(scheduled.statusWidget()->isVisibleTo(&window));

        QVERIFY(QDir().mkpath(dest)); // the drive is plugged in
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000); // the parent folder's watcher
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(scheduled.notice(), QString());
    }

    void pauseHoldsTheRunAndCancelEndsItWithoutASnapshot()
    {
        BackupFixture lib;
        for (int i = 0; i < 3; ++i)
            QVERIFY(lib.addFile(QStringLiteral("p%1.jpg").arg(i), BackupFixture::randomBytes(20000, quint32(20 + i))));
        const QString dest = lib.destination(QStringLiteral("usb"));
        prefer(true, dest);
        QMainWindow window;
        ScheduledBackup scheduled(window.statusBar(), lib.path());
        QSignalSpy finished(&scheduled, &ScheduledBackup::backupFinished);
        bool paused = false;
        // Paused as it starts, before its first file.
        connect(&scheduled, &ScheduledBackup::backupStarted, this, [&] {
            scheduled.togglePause();
            paused = scheduled.isRunning() && scheduled.isPaused();
        });
        scheduled.reloadSettings();
        QTRY_VERIFY_WITH_TIMEOUT(paused, 5000);
        QTest::qWait(200);
        QVERIFY(scheduled.isPaused());
        QCOMPARE(finished.size(), 0); // held
        scheduled.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(scheduled.notice().contains(QStringLiteral("cancelled")));
        QCOMPARE(BackupRepository(dest).snapshots().size(), 0);
    }

    void offMeansNoBackup()
    {
        BackupFixture lib;
        const QString dest = lib.destination(QStringLiteral("usb"));
        prefer(false, dest);
        QMainWindow window;
        ScheduledBackup scheduled(window.statusBar(), lib.path());
        QSignalSpy started(&scheduled, &ScheduledBackup::backupStarted);
        scheduled.reloadSettings();
        scheduled.check();
        QCOMPARE(started.size(), 0);
        QCOMPARE(scheduled.notice(), QString());
    }
};

QTEST_MAIN(TestScheduledBackup)
#include "tst_scheduledbackup.moc"
