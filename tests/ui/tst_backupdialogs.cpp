// The GUI's backup and restore: Back Up... makes a snapshot with progress and keeps the daily
// preference; the Restore dialog lists snapshots by date, shows their files as folders and their albums,
// and restores a selected file or an album to another folder. With "restic repository" chosen, Back Up...
// makes a restic snapshot, and Restore from restic... lists it and restores it under a folder.
// SHOEBOX_SCREENSHOT_DIR, when set, receives pictures of the two restic dialogs to look at.

#include "albums/albumstore.h"
#include "backup/backupdestination.h"
#include "backup/backupdialog.h"
#include "backup/backuprepository.h"
#include "backup/resticbackup.h"
#include "backup/resticrestoredialog.h"
#include "backup/restoredialog.h"
#include "backup/scheduledbackup.h"
#include "support/backupfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace shoebox;
using namespace shoebox::test;

class TestBackupDialogs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); } // the dialogs remember the last destination and its kind

    void backUpThenRestoreOnePhotoFromTheDialogs()
    {
        BackupFixture lib;
        const QByteArray bytes = BackupFixture::randomBytes(4000, 5);
        QVERIFY(lib.addFile(QStringLiteral("2024/beach.jpg"), bytes));
        QVERIFY(lib.addFile(QStringLiteral("2024/dog.jpg"), BackupFixture::randomBytes(3000, 6)));
        const QString dest = lib.destination(QStringLiteral("usb"));

        BackupDialog backup(lib.path());
        backup.setDestination(dest);
        QSignalSpy done(&backup, &BackupDialog::backupFinished);
        backup.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
        QCOMPARE(done.first().first().toBool(), true);
        QCOMPARE(BackupRepository(dest).snapshots().size(), 1);

        RestoreDialog restore(lib.path());
        restore.setDestination(dest);
        QCOMPARE(restore.snapshotList()->count(), 1);
        const QList<QTreeWidgetItem*> found
            = restore.fileTree()->findItems(QStringLiteral("beach.jpg"), Qt::MatchRecursive);
        QCOMPARE(found.size(), 1);
        found.first()->setSelected(true);
        const QString target = lib.folder() + QStringLiteral("/back");
        restore.setTargetFolder(target);
        QSignalSpy restored(&restore, &RestoreDialog::restoreFinished);
        restore.restore(false);
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 20000);
        QCOMPARE(restored.first().first().toBool(), true);
        const QMap<QString, QByteArray> files = BackupFixture::contents(target);
        QCOMPARE(files.keys(), QStringList { QStringLiteral("Pictures/2024/beach.jpg") });
        QCOMPARE(files.first(), bytes);
    }

    void restoreDialogRestoresAnAlbumOfTheSnapshot()
    {
        BackupFixture lib;
        const QByteArray bytes = BackupFixture::randomBytes(4000, 11);
        const qint64 beach = lib.addFile(QStringLiteral("2024/beach.jpg"), bytes);
        QVERIFY(lib.addFile(QStringLiteral("2024/dog.jpg"), BackupFixture::randomBytes(3000, 12)));
        AlbumStore albums(lib.path());
        QCOMPARE(albums.addPhotos(albums.createAlbum(QStringLiteral("Summer")), { beach }).size(), 1);
        QVERIFY(albums.createAlbum(QStringLiteral("Winter")) > 0);
        const QString dest = lib.destination(QStringLiteral("usb"));
        BackupDialog backup(lib.path());
        backup.setDestination(dest);
        QSignalSpy done(&backup, &BackupDialog::backupFinished);
        backup.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);

        RestoreDialog restore(lib.path());
        restore.setDestination(dest);
        QComboBox* box = restore.albumBox();
        QCOMPARE(box->count(), 2);
        box->setCurrentText(QStringLiteral("Summer"));
        QCOMPARE(box->currentText(), QStringLiteral("Summer"));
        const QString target = lib.folder() + QStringLiteral("/back");
        restore.setTargetFolder(target);
        QSignalSpy restored(&restore, &RestoreDialog::restoreFinished);
        restore.restoreAlbum();
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 20000);
        QCOMPARE(restored.first().first().toBool(), true);
        const QMap<QString, QByteArray> files = BackupFixture::contents(target);
        QCOMPARE(files.keys(), QStringList { QStringLiteral("Pictures/2024/beach.jpg") });
        QCOMPARE(files.first(), bytes);
    }

    void backUpDialogSaysWhyADestinationCannotTakeABackup_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::addColumn<QString>("says");
        QTest::newRow("not plugged in") << false << "not there";
        QTest::newRow("there") << true << "";
    }

    void backUpDialogSaysWhyADestinationCannotTakeABackup()
    {
        QFETCH(bool, exists);
        QFETCH(QString, says);
        BackupFixture lib;
        QVERIFY(lib.addFile(QStringLiteral("a.jpg"), BackupFixture::randomBytes(2000, 9)));
        const QString dest = lib.destination(QStringLiteral("usb"), exists);
        BackupDialog backup(lib.path());
        backup.setDestination(dest);
        QSignalSpy done(&backup, &BackupDialog::backupFinished);
        backup.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
        QCOMPARE(done.first().first().toBool(), says.isEmpty());
        const QString status = backup.findChild<QLabel*>(QStringLiteral("backupStatus"))->text();
        if (!says.isEmpty()) {
            QCOMPARE(status, BackupDestination::message(DestinationState::Missing, dest));
            QVERIFY2(status.contains(says), qPrintable(status));
        }
        QCOMPARE(QFileInfo::exists(dest), exists); // a missing destination is never created
    }

    void backUpToResticThenRestoreFromItsDialog()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("restic")).isEmpty())
            QSKIP("restic is not installed (scripts/install-deps.sh installs it)");
        BackupFixture lib;
        const QByteArray bytes = BackupFixture::randomBytes(4000, 21);
        QVERIFY(lib.addFile(QStringLiteral("2024/beach.jpg"), bytes));
        const QString repository = lib.folder() + QStringLiteral("/restic-repo");
        const QString password = lib.folder() + QStringLiteral("/restic-password");
        QFile pw(password);
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("dialog test\n");
        pw.close();

        BackupDialog backup(lib.path());
        backup.kindBox()->setCurrentIndex(1);
        QVERIFY(!backup.dailyBox()->isVisibleTo(&backup)); // the daily backup is for folders
        backup.setDestination(repository);
        backup.setResticPasswordFile(password);
        QSignalSpy done(&backup, &BackupDialog::backupFinished);
        backup.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
        const QString status = backup.findChild<QLabel*>(QStringLiteral("backupStatus"))->text();
        QVERIFY2(done.first().first().toBool(), qPrintable(status));
        const QString shots = qEnvironmentVariable("SHOEBOX_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            backup.grab().save(shots + QStringLiteral("/backup-restic.png"));

        ResticRestoreDialog restore(lib.path());
        restore.setRepository(repository, password); // the dialog also offers what Back Up... last used
        QSignalSpy loaded(&restore, &ResticRestoreDialog::snapshotsLoaded);
        restore.loadSnapshots();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QCOMPARE(restore.snapshotList()->count(), 1);
        const QString target = lib.folder() + QStringLiteral("/back");
        restore.setTargetFolder(target);
        QSignalSpy restored(&restore, &ResticRestoreDialog::restoreFinished);
        restore.restore();
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 60000);
        if (!shots.isEmpty())
            restore.grab().save(shots + QStringLiteral("/restore-restic.png"));
        QCOMPARE(restored.first().first().toBool(), true);
        QCOMPARE(BackupFixture::contents(target + lib.photosDir()).value(QStringLiteral("2024/beach.jpg")), bytes);
    }

    void backUpDialogSavesTheDailyPreference()
    {
        BackupFixture lib;
        BackupDialog dialog(lib.path());
        dialog.setDestination(lib.folder());
        QSignalSpy changed(&dialog, &BackupDialog::dailyChanged);
        dialog.dailyBox()->setChecked(true);
        QCOMPARE(changed.size(), 1);
        QSettings settings;
        QCOMPARE(settings.value(ScheduledBackup::enabledKey()).toBool(), true);
        QCOMPARE(settings.value(ScheduledBackup::destinationKey()).toString(), lib.folder());
        dialog.dailyBox()->setChecked(false);
        QCOMPARE(QSettings().value(ScheduledBackup::enabledKey()).toBool(), false);
    }
};

QTEST_MAIN(TestBackupDialogs)
#include "tst_backupdialogs.moc"
