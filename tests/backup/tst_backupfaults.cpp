// The backup under faults: a flipped bit (verify finds it by name, the next run repairs it), a
// read-only, missing, vanishing or full destination, a cancel and a kill -9: no sealed snapshot is
// ever incomplete, and the next run completes.

#include "backup/backupengine.h"
#include "backup/backuprepository.h"
#include "backup/backupverifier.h"
#include "support/backupfixture.h"
#include "support/clirunner.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace shoebox;
using namespace shoebox::test;

class TestBackupFaults : public QObject {
    Q_OBJECT

private:
    static VerifyReport verifyAll(const QString& dest)
    {
        VerifyOptions o;
        o.destination = dest;
        return BackupVerifier(o).run();
    }

    // Every sealed snapshot's files are all there and intact.
    static bool everySealedSnapshotComplete(const QString& dest)
    {
        BackupRepository repo(dest);
        for (const SnapshotInfo& s : repo.snapshots()) {
            QList<ManifestEntry> entries;
            QString error;
            if (!repo.manifest(s, &entries, &error) || entries.size() != s.files)
                return false;
            for (const ManifestEntry& e : std::as_const(entries))
                if (BackupIo::hashFile(repo.objectPath(e.hash)) != e.hash)
                    return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void verifyFindsAFlippedBitAndTheNextRunRepairsIt()
    {
        BackupFixture lib;
        QVERIFY(lib.addFiles(3, 20000));
        const QString dest = lib.destination();
        const BackupReport first = lib.backUp(dest);
        QVERIFY2(first.ok(), qPrintable(first.error));
        QVERIFY(verifyAll(dest).ok());
        const QString tree
            = BackupRepository(dest).snapshotDir(first.snapshot.id) + QStringLiteral("/files/Pictures/f1.jpg");
        ::chmod(QFile::encodeName(tree).constData(), 0644);
        QFile f(tree);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(1234);
        const char byte = f.read(1).at(0);
        f.seek(1234);
        f.write(QByteArray(1, char(byte ^ 0x10)));
        f.close();

        const VerifyReport damaged = verifyAll(dest);
        QCOMPARE(damaged.problems.size(), 1);
        QCOMPARE(damaged.problems.first().file, QStringLiteral("Pictures/f1.jpg"));
        QVERIFY(!damaged.problems.first().missing);

        const BackupReport second = lib.backUp(dest);
        QVERIFY2(second.ok(), qPrintable(second.error));
        QCOMPARE(second.repaired, 1);
        QVERIFY(verifyAll(dest).ok());
        // The first snapshot of the day gave way to the second (keep-daily); the second's file is the
        // repaired object (same inode).
        QFile repaired(
            BackupRepository(dest).snapshotDir(second.snapshot.id) + QStringLiteral("/files/Pictures/f1.jpg"));
        QVERIFY(repaired.open(QIODevice::ReadOnly));
        QCOMPARE(repaired.readAll(), BackupFixture::randomBytes(20000, 2));
    }

    void aMissingDestinationIsAClearError()
    {
        BackupFixture lib;
        QVERIFY(lib.addFiles(1, 100));
        const BackupReport r = lib.backUp(lib.destination(QStringLiteral("not-plugged-in"), false));
        QCOMPARE(r.failure, IoFailure::Gone);
        QVERIFY2(r.error.contains(QLatin1String("does not exist")), qPrintable(r.error));
        QVERIFY(!QFileInfo::exists(lib.folder() + QStringLiteral("/not-plugged-in")));
    }

    void aReadOnlyDestinationIsRefused()
    {
        BackupFixture lib;
        QVERIFY(lib.addFiles(2, 1000));
        const QString dest = lib.destination();
        QVERIFY(lib.backUp(dest).ok());
        QVERIFY(lib.addFiles(3, 2000, QStringLiteral("later")));
        // Root ignores permissions: then the folder is bind-mounted read-only over itself.
        const bool root = ::geteuid() == 0;
        if (root) {
            if (QProcess::execute(QStringLiteral("mount"), { QStringLiteral("--bind"), dest, dest }) != 0
                || QProcess::execute(
                       QStringLiteral("mount"), { QStringLiteral("-o"), QStringLiteral("remount,bind,ro"), dest, dest })
                    != 0)
                QSKIP("cannot mount a read-only folder here");
        } else {
            QProcess::execute(QStringLiteral("chmod"), { QStringLiteral("-R"), QStringLiteral("a-w"), dest });
        }
        const BackupReport r = lib.backUp(dest);
        const VerifyReport v = verifyAll(dest);
        if (root)
            QProcess::execute(QStringLiteral("umount"), { dest });
        else
            QProcess::execute(QStringLiteral("chmod"), { QStringLiteral("-R"), QStringLiteral("u+w"), dest });
        QCOMPARE(r.failure, IoFailure::ReadOnly);
        QVERIFY2(r.error.contains(QLatin1String("read-only")), qPrintable(r.error));
        QVERIFY2(v.ok(), "a read-only backup can still be verified");
        QCOMPARE(BackupRepository(dest).snapshots().size(), 1);
    }

    void aDestinationThatVanishesMidRunLeavesNoSnapshot()
    {
        BackupFixture lib;
        QVERIFY(lib.addFiles(6, 10000));
        const QString dest = lib.destination();
        const QString unplugged = lib.folder() + QStringLiteral("/elsewhere");
        const BackupReport r = lib.backUp(dest, {}, [&](BackupEngine&, const BackupProgress& p) {
            if (p.files == 3)
                QDir().rename(dest, unplugged);
        });
        QCOMPARE(r.failure, IoFailure::Gone);
        QVERIFY2(r.error.contains(QLatin1String("disappeared")), qPrintable(r.error));
        QVERIFY(QDir().rename(unplugged, dest));
        QVERIFY(BackupRepository(dest).snapshots().isEmpty());
        const BackupReport again = lib.backUp(dest);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.snapshot.files, 6);
        QVERIFY(everySealedSnapshotComplete(dest));
        QVERIFY(!QDir(BackupRepository(dest).snapshotsDir())
                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                     .join(QString())
                     .contains(QLatin1String(".partial")));
    }

    void cancellingLeavesNoSnapshot()
    {
        BackupFixture lib;
        QVERIFY(lib.addFiles(4, 1000));
        const QString dest = lib.destination();
        const BackupReport r = lib.backUp(dest, {}, [](BackupEngine& e, const BackupProgress& p) {
            if (p.files == 2)
                e.cancel();
        });
        QVERIFY(r.cancelled);
        QVERIFY(BackupRepository(dest).snapshots().isEmpty());
        QCOMPARE(QDir(BackupRepository(dest).snapshotsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);
    }

    void aFullDestinationStopsTheRunAndTheNextOneCompletes()
    {
        BackupFixture lib;
        QVERIFY(lib.addFiles(2, 100000));
        for (int i = 0; i < 2; ++i)
            QVERIFY(
                lib.addFile(QStringLiteral("big%1.jpg").arg(i), BackupFixture::randomBytes(2000000, quint32(50 + i))));
        const QString dest = lib.destination();
        // A 1 MB file-size limit: the catalog copy and the small photos fit, the big ones do not.
        QProcess p;
        p.start(QStringLiteral("prlimit"),
            { QStringLiteral("--fsize=1000000"), QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli"),
                QStringLiteral("--library"), lib.path(), QStringLiteral("backup"), dest });
        QVERIFY(p.waitForFinished(60000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("is full"), err.constData());
        QVERIFY(BackupRepository(dest).snapshots().isEmpty());
        const CliResult again = runCli(lib.path(), { QStringLiteral("backup"), dest });
        QVERIFY2(again.code == 0, again.err.constData());
        QVERIFY(everySealedSnapshotComplete(dest));
        QCOMPARE(BackupRepository(dest).snapshots().size(), 1);
        QCOMPARE(BackupRepository(dest).snapshots().first().files, 4);
    }

    void killingARunLeavesNoIncompleteSnapshot()
    {
        BackupFixture lib;
        QVERIFY(lib.addFiles(40, 500000));
        const QString dest = lib.destination();
        QProcess p;
        p.start(QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli"),
            { QStringLiteral("--library"), lib.path(), QStringLiteral("backup"), dest });
        QVERIFY(p.waitForStarted());
        // Kill it once it has stored some objects, in the middle of its work.
        QTRY_VERIFY_WITH_TIMEOUT(
            QDir(dest + QStringLiteral("/objects")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() > 3
                || p.state() == QProcess::NotRunning,
            30000);
        // A backup that already finished has pid 0, and kill(0, SIGKILL) would kill the whole process
        // group (ctest and the CI script with it).
        if (const qint64 pid = p.processId(); pid > 0)
            ::kill(pid_t(pid), SIGKILL);
        p.waitForFinished(10000);
        QVERIFY(everySealedSnapshotComplete(dest));
        const CliResult again = runCli(lib.path(), { QStringLiteral("backup"), dest });
        QVERIFY2(again.code == 0, again.err.constData());
        QVERIFY(everySealedSnapshotComplete(dest));
        const QList<SnapshotInfo> all = BackupRepository(dest).snapshots();
        QVERIFY(!all.isEmpty());
        QCOMPARE(all.last().files, 40);
        QVERIFY(verifyAll(dest).ok());
    }
};

QTEST_GUILESS_MAIN(TestBackupFaults)
#include "tst_backupfaults.moc"
