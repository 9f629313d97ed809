// The restic destination against Debian's restic: a round trip (back up, change the library, back up,
// restore the first snapshot: the library as it was, and its catalog), a restore on a new computer
// (whose library is another), an unchanged run that stores no photo again, retention by day, restore
// that never overwrites a different file and can be narrowed to a folder, restic check finding a
// damaged pack (and restore naming the files it held, placing none of them), an unreadable photo listed (as a user
// other than root: scripts/test.sh runs that one as nobody), and the reasons given when restic cannot run. Skips when
// restic is not installed (scripts/install-deps.sh installs it).

#include "backup/resticbackup.h"
#include "catalog/catalogbackups.h"
#include "support/backupfixture.h"

#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace shoebox;
using namespace shoebox::test;

class TestResticBackup : public QObject {
    Q_OBJECT

private:
    static QDateTime at(int day, int hour = 12) { return QDateTime(QDate(2026, 3, day), QTime(hour, 0)); }

    static ResticTarget target(const BackupFixture& lib, const QByteArray& password = "correct horse")
    {
        const QString file = lib.folder() + QStringLiteral("/password-") + QString::fromLatin1(password.toHex());
        QFile f(file);
        if (f.open(QIODevice::WriteOnly))
            f.write(password + '\n');
        ResticTarget t;
        t.repository = lib.folder() + QStringLiteral("/restic-repo");
        t.passwordFile = file;
        return t;
    }

    // The photos as restored under out: every file below out + the library's Pictures folder.
    static QMap<QString, QByteArray> restoredPhotos(const BackupFixture& lib, const QString& out)
    {
        return BackupFixture::contents(out + lib.photosDir());
    }

    static QList<qint64> addPhotos(BackupFixture& lib)
    {
        return { lib.addFile(QStringLiteral("a.jpg"), BackupFixture::randomBytes(3000, 1)),
            lib.addFile(QStringLiteral("trip/b.jpg"), BackupFixture::randomBytes(5000, 2)) };
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("restic")).isEmpty())
            QSKIP("restic is not installed (scripts/install-deps.sh installs it)");
    }

    void aRoundTripRestoresTheFirstSnapshot_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("a photo added") << "add";
        QTest::newRow("a photo trashed") << "trash";
        QTest::newRow("a photo renamed") << "rename";
    }

    void aRoundTripRestoresTheFirstSnapshot()
    {
        QFETCH(QString, change);
        BackupFixture lib;
        const QList<qint64> ids = addPhotos(lib);
        ResticBackup restic(target(lib));
        const BackupReport first = restic.backUp(lib.path(), {}, at(1));
        QVERIFY2(first.ok(), qPrintable(first.error));
        const QMap<QString, QByteArray> before = BackupFixture::contents(lib.photosDir());
        if (change == QLatin1String("add"))
            QVERIFY(lib.addFile(QStringLiteral("new.jpg"), BackupFixture::randomBytes(4000, 3)));
        else if (change == QLatin1String("trash"))
            QVERIFY(lib.trashFile(ids.at(0)));
        else
            QVERIFY(lib.moveFile(ids.at(1), QStringLiteral("trip/renamed.jpg")));
        const BackupReport second = restic.backUp(lib.path(), {}, at(2));
        QVERIFY2(second.ok(), qPrintable(second.error));
        QList<ResticSnapshot> snapshots;
        QString error;
        QVERIFY2(restic.snapshots(lib.path(), &snapshots, &error), qPrintable(error));
        QCOMPARE(snapshots.size(), 2);

        const QString out = lib.folder() + QStringLiteral("/restored");
        const RestoreReport r = restic.restore(lib.path(), first.snapshot.id, out, {});
        QVERIFY2(r.ok(), qPrintable(r.error + r.problems.join(QLatin1Char(';'))));
        QCOMPARE(restoredPhotos(lib, out), before);
        QVERIFY(!r.catalogFile.isEmpty());
        QStringList problems;
        QVERIFY2(CatalogBackups::check(r.catalogFile, &problems, &error), qPrintable(error));
        QVERIFY(problems.isEmpty());
    }

    void anUnchangedRunStoresNoPhotoAgain()
    {
        BackupFixture lib;
        addPhotos(lib);
        ResticBackup restic(target(lib));
        QVERIFY(restic.backUp(lib.path(), {}, at(1)).ok());
        const BackupReport again = restic.backUp(lib.path(), {}, at(2));
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.snapshot.added, 0); // only the catalog copy may have changed
        QVERIFY2(again.snapshot.newObjects <= 1, qPrintable(QString::number(again.snapshot.newObjects)));
    }

    void retentionKeepsTheNewestOfEachDay()
    {
        BackupFixture lib;
        addPhotos(lib);
        ResticBackup restic(target(lib));
        QVERIFY(restic.backUp(lib.path(), {}, at(1, 10)).ok());
        const BackupReport sameDay = restic.backUp(lib.path(), {}, at(1, 11));
        QVERIFY2(sameDay.ok(), qPrintable(sameDay.error));
        QCOMPARE(sameDay.removedSnapshots, 1);
        QVERIFY(restic.backUp(lib.path(), {}, at(2)).ok());
        QList<ResticSnapshot> snapshots;
        QString error;
        QVERIFY(restic.snapshots(lib.path(), &snapshots, &error));
        QCOMPARE(snapshots.size(), 2);
        QCOMPARE(snapshots.first().time.toLocalTime(), at(1, 11));
    }

    void restoreNeverOverwritesADifferentFile()
    {
        BackupFixture lib;
        addPhotos(lib);
        ResticBackup restic(target(lib));
        QVERIFY(restic.backUp(lib.path(), {}, at(1)).ok());
        const QString out = lib.folder() + QStringLiteral("/restored");
        const QString inTheWay = out + lib.photosDir() + QStringLiteral("/a.jpg");
        QVERIFY(QDir().mkpath(out + lib.photosDir()));
        QFile f(inTheWay);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("someone else's file");
        f.close();
        const RestoreReport r = restic.restore(lib.path(), {}, out, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.renamed, 1);
        const QMap<QString, QByteArray> restored = restoredPhotos(lib, out);
        QCOMPARE(restored.value(QStringLiteral("a.jpg")), QByteArray("someone else's file"));
        QCOMPARE(restored.value(QStringLiteral("a (restored).jpg")), BackupFixture::randomBytes(3000, 1));
        const RestoreReport again = restic.restore(lib.path(), {}, out, {});
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.restored, 0);
        QCOMPARE(again.alreadyThere, r.restored);
    }

    void restoreCanBeNarrowedToAFolder()
    {
        BackupFixture lib;
        addPhotos(lib);
        ResticBackup restic(target(lib));
        QVERIFY(restic.backUp(lib.path(), {}, at(1)).ok());
        const QString out = lib.folder() + QStringLiteral("/restored");
        const RestoreReport r = restic.restore(lib.path(), {}, out, { lib.photosDir() + QStringLiteral("/trip") });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(restoredPhotos(lib, out).keys(), QStringList { QStringLiteral("trip/b.jpg") });
        QVERIFY(r.catalogFile.isEmpty());
    }

    void aNewComputerRestoresAnotherLibrarysSnapshot()
    {
        BackupFixture lib;
        addPhotos(lib);
        const ResticTarget t = target(lib);
        QVERIFY(ResticBackup(t).backUp(lib.path(), {}, at(1)).ok());
        const QMap<QString, QByteArray> photos = BackupFixture::contents(lib.photosDir());
        BackupFixture fresh; // the library on the new computer: empty, elsewhere
        ResticBackup restic(t);
        QList<ResticSnapshot> snapshots;
        QString error;
        QVERIFY2(restic.snapshots(fresh.path(), &snapshots, &error), qPrintable(error));
        QCOMPARE(snapshots.size(), 1);
        QVERIFY(!snapshots.first().thisLibrary);
        const QString out = fresh.folder() + QStringLiteral("/restored");
        const RestoreReport r = restic.restore(fresh.path(), {}, out, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(restoredPhotos(lib, out), photos);
        QVERIFY(QFile::exists(r.catalogFile));
    }

    void aDamagedPackIsFoundAndNotRestored()
    {
        BackupFixture lib;
        addPhotos(lib);
        const ResticTarget t = target(lib);
        ResticBackup restic(t);
        QVERIFY(restic.backUp(lib.path(), {}, at(1)).ok());
        QVERIFY(restic.verify(100).ok());
        // The largest pack holds the photos' data (the others, the folder trees).
        QDirIterator packs(t.repository + QStringLiteral("/data"), QDir::Files, QDirIterator::Subdirectories);
        QString pack;
        while (packs.hasNext()) {
            const QString next = packs.next();
            if (pack.isEmpty() || QFileInfo(next).size() > QFileInfo(pack).size())
                pack = next;
        }
        QVERIFY(!pack.isEmpty());
        QFile::setPermissions(pack, QFile::ReadOwner | QFile::WriteOwner);
        QFile f(pack);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        f.write("flipped!");
        f.close();
        const VerifyReport damaged = restic.verify(100);
        QCOMPARE(damaged.failure, IoFailure::None); // the check ran, and found
        QVERIFY(!damaged.ok());
        QVERIFY(!damaged.snapshotProblems.isEmpty());
        // A restore from it names what it could not bring back, and places only whole files.
        const QString out = lib.folder() + QStringLiteral("/restored");
        const RestoreReport r = restic.restore(lib.path(), {}, out, {});
        QVERIFY(!r.ok());
        QVERIFY(!r.problems.isEmpty());
        const QMap<QString, QByteArray> photos = BackupFixture::contents(lib.photosDir());
        const QMap<QString, QByteArray> restored = restoredPhotos(lib, out);
        for (auto it = restored.cbegin(); it != restored.cend(); ++it)
            QCOMPARE(it.value(), photos.value(it.key()));
    }

    void anUnreadablePhotoIsSkippedAndSaid()
    {
        if (::geteuid() == 0)
            QSKIP("root reads any file (scripts/test.sh runs this as nobody)");
        BackupFixture lib;
        addPhotos(lib);
        const QString unreadable = lib.photosDir() + QStringLiteral("/trip/b.jpg");
        QVERIFY(QFile::setPermissions(unreadable, QFileDevice::Permissions()));
        ResticBackup restic(target(lib));
        const BackupReport r = restic.backUp(lib.path(), {}, at(1));
        QFile::setPermissions(unreadable, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY2(r.ok(), qPrintable(r.error)); // the snapshot holds the rest
        QCOMPARE(r.skipped.size(), 1);
        QVERIFY2(r.skipped.first().contains(QLatin1String("b.jpg")), qPrintable(r.skipped.first()));
        QVERIFY2(r.skipped.first().contains(QLatin1String("ermission")), qPrintable(r.skipped.first()));
    }

    void failuresSayWhy_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("says");
        QTest::newRow("wrong password") << "password"
                                        << "wrong password";
        QTest::newRow("restic missing") << "program"
                                        << "not installed";
        QTest::newRow("cancelled before it started") << "cancel"
                                                     << "cancelled";
    }

    void failuresSayWhy()
    {
        QFETCH(QString, fault);
        QFETCH(QString, says);
        BackupFixture lib;
        addPhotos(lib);
        QVERIFY(ResticBackup(target(lib)).backUp(lib.path(), {}, at(1)).ok());
        ResticTarget t = target(lib, fault == QLatin1String("password") ? "wrong" : "correct horse");
        if (fault == QLatin1String("program"))
            t.program = lib.folder() + QStringLiteral("/no-such-restic");
        ResticBackup restic(t);
        if (fault == QLatin1String("cancel"))
            restic.cancel();
        const BackupReport r = restic.backUp(lib.path(), {}, at(2));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(says), qPrintable(r.error));
        QList<ResticSnapshot> snapshots;
        QString error;
        QVERIFY(ResticBackup(target(lib)).snapshots(lib.path(), &snapshots, &error));
        QCOMPARE(snapshots.size(), 1); // nothing was added
    }
};

QTEST_GUILESS_MAIN(TestResticBackup)
#include "tst_resticbackup.moc"
