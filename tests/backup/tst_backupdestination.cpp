// The one probe of a backup destination that the daily backup and the Back Up dialog share: missing
// (never created, or an empty mount point where a backup was), read-only, full, ready; and the
// sentence that tells the user.

#include "backup/backupdestination.h"
#include "backup/backuprepository.h"
#include "support/backupfixture.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <limits>
#include <unistd.h>

using namespace shoebox;
using namespace shoebox::test;

Q_DECLARE_METATYPE(DestinationState)

class TestBackupDestination : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void probeTellsTheState_data()
    {
        QTest::addColumn<QString>("setUp"); // "none", "empty", "backup", "file", "read-only"
        QTest::addColumn<bool>("hasBackedUp");
        QTest::addColumn<qint64>("minimumFree");
        QTest::addColumn<DestinationState>("state");
        QTest::addColumn<QString>("says"); // in the message; empty: no message
        const qint64 usual = BackupDestination::kMinimumFreeBytes;
        const qint64 all = std::numeric_limits<qint64>::max();
        QTest::newRow("not plugged in") << "none" << false << usual << DestinationState::Missing << "not there";
        QTest::newRow("a file, not a folder") << "file" << false << usual << DestinationState::Missing << "not there";
        QTest::newRow("new empty folder") << "empty" << false << usual << DestinationState::Ready << "";
        QTest::newRow("empty mount point, drive gone")
            << "empty" << true << usual << DestinationState::Missing << "not there";
        QTest::newRow("the backup is there") << "backup" << true << usual << DestinationState::Ready << "";
        QTest::newRow("no room to start") << "empty" << false << all << DestinationState::Full << "is full";
        QTest::newRow("read-only") << "read-only" << false << usual << DestinationState::ReadOnly << "read-only";
    }

    void probeTellsTheState()
    {
        QFETCH(QString, setUp);
        QFETCH(bool, hasBackedUp);
        QFETCH(qint64, minimumFree);
        QFETCH(DestinationState, state);
        QFETCH(QString, says);
        BackupFixture lib;
        const QString dest = lib.destination(QStringLiteral("usb"), setUp != QLatin1String("none"));
        if (setUp == QLatin1String("file")) {
            QVERIFY(QDir(dest).removeRecursively());
            QFile f(dest);
            QVERIFY(f.open(QIODevice::WriteOnly));
        } else if (setUp == QLatin1String("backup")) {
            QVERIFY(BackupRepository(dest).open(true).ok());
        }
        // Root writes into any folder: then the folder is bind-mounted read-only over itself.
        const bool mounted = setUp == QLatin1String("read-only") && ::geteuid() == 0;
        if (mounted
            && (QProcess::execute(QStringLiteral("mount"), { QStringLiteral("--bind"), dest, dest }) != 0
                || QProcess::execute(
                       QStringLiteral("mount"), { QStringLiteral("-o"), QStringLiteral("remount,bind,ro"), dest, dest })
                    != 0)) {
            QProcess::execute(QStringLiteral("umount"), { dest });
            QSKIP("cannot mount a read-only folder here");
        }
        if (setUp == QLatin1String("read-only") && !mounted)
            QVERIFY(QFile::setPermissions(dest, QFile::ReadOwner | QFile::ExeOwner));
        const DestinationState probed = BackupDestination::probe(dest, hasBackedUp, minimumFree);
        if (mounted)
            QProcess::execute(QStringLiteral("umount"), { dest });
        QFile::setPermissions(dest, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(probed, state);
        const QString message = BackupDestination::message(state, dest);
        if (says.isEmpty()) {
            QCOMPARE(message, QString());
        } else {
            QVERIFY2(message.contains(says), qPrintable(message));
            QVERIFY2(message.contains(dest), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestBackupDestination)
#include "tst_backupdestination.moc"
