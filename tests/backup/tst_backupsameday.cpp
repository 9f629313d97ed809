// Two shortcuts of the backup and the guarantees they keep. A second run on the same day takes over
// the tree of the snapshot that keep-daily drops (instead of linking every file anew): the new
// snapshot's tree still holds exactly the library, and it is the only one left. A file the catalog
// knows is copied in the kernel and proven against the catalog's hash: a file changed behind the
// catalog's back (same size and time) is caught by that proof and backed up as it is now. A run that
// fails or dies after setting the same-day snapshot aside loses nothing: that snapshot is listed again,
// whole, holding what the library held then.

#include "backup/backupengine.h"
#include "backup/backuprepository.h"
#include "backup/backupverifier.h"
#include "support/backupfixture.h"

#include <QStandardPaths>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace shoebox;
using namespace shoebox::test;

class TestBackupSameDay : public QObject {
    Q_OBJECT

private:
    static QDateTime at(int hour) { return QDateTime(QDate(2026, 3, 1), QTime(hour, 0), Qt::UTC); }

    // Photos of 3000 random bytes each (seeded by their position), added to the catalog; their ids.
    static QList<qint64> addPhotos(BackupFixture& lib, const QList<const char*>& names)
    {
        QList<qint64> ids;
        for (const char* name : names)
            ids << lib.addFile(QString::fromUtf8(name), BackupFixture::randomBytes(3000, quint32(ids.size() + 1)));
        return ids;
    }

    static bool verified(const QString& dest)
    {
        VerifyOptions o;
        o.destination = dest;
        return BackupVerifier(o).run().ok();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aSecondRunTheSameDayTakesTheTreeOver_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QStringList>("gone"); // folders under files/Pictures that must be gone
        QTest::newRow("unchanged") << "none" << QStringList();
        QTest::newRow("a photo added") << "add" << QStringList();
        QTest::newRow("a photo moved out of its folder") << "move" << QStringList { QStringLiteral("trip") };
        QTest::newRow("a photo trashed") << "trash" << QStringList();
    }

    void aSecondRunTheSameDayTakesTheTreeOver()
    {
        QFETCH(QString, change);
        QFETCH(QStringList, gone);
        BackupFixture lib;
        const QList<qint64> ids = addPhotos(lib, { "a.jpg", "trip/b.jpg", "c.jpg" });
        QCOMPARE(ids.count(0), 0);
        const qint64 b = ids[1], c = ids[2];
        const QString dest = lib.destination();
        const BackupReport first = lib.backUp(dest, at(9));
        QVERIFY2(first.ok(), qPrintable(first.error));
        if (change == QLatin1String("add"))
            QVERIFY(lib.addFile(QStringLiteral("new/d.jpg"), BackupFixture::randomBytes(3000, 4)));
        else if (change == QLatin1String("move"))
            QVERIFY(lib.moveFile(b, QStringLiteral("2025/b.jpg")));
        else if (change == QLatin1String("trash"))
            QVERIFY(lib.trashFile(c));

        const BackupReport second = lib.backUp(dest, at(15));
        QVERIFY2(second.ok(), qPrintable(second.error));
        QCOMPARE(second.removedSnapshots, 1); // keep-daily: one snapshot a day
        const QList<SnapshotInfo> all = BackupRepository(dest).snapshots();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().id, second.snapshot.id);
        const QString files
            = BackupRepository(dest).snapshotDir(second.snapshot.id) + QStringLiteral("/files/Pictures");
        QCOMPARE(BackupFixture::contents(files), BackupFixture::contents(lib.photosDir()));
        for (const QString& folder : gone)
            QVERIFY2(!QFileInfo::exists(files + QLatin1Char('/') + folder), qPrintable(folder));
        QCOMPARE(second.snapshot.files, qint64(BackupFixture::contents(lib.photosDir()).size()));
        QVERIFY(verified(dest));
        // Nothing set aside or half made is left behind.
        QCOMPARE(QDir(BackupRepository(dest).snapshotsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
            QStringList { second.snapshot.id });
    }

    void aSnapshotSetAsideByAnUnfinishedRunIsPutBack_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("backAtOnce"); // put back by the failed run itself, not only by the next
        QTest::newRow("the seal is refused") << "seal" << true;
        QTest::newRow("the destination vanishes before the seal") << "unplug" << false;
    }

    void aSnapshotSetAsideByAnUnfinishedRunIsPutBack()
    {
        QFETCH(QString, fault);
        QFETCH(bool, backAtOnce);
        BackupFixture lib;
        const QList<qint64> ids = addPhotos(lib, { "a.jpg", "trip/c.jpg" });
        QCOMPARE(ids.count(0), 0);
        const qint64 c = ids[1];
        const QString dest = lib.destination();
        const BackupReport first = lib.backUp(dest, at(9));
        QVERIFY2(first.ok(), qPrintable(first.error));
        const QMap<QString, QByteArray> then = BackupFixture::contents(lib.photosDir());
        QVERIFY(lib.trashFile(c)); // only the morning snapshot still holds it
        QVERIFY(lib.addFile(QStringLiteral("d.jpg"), BackupFixture::randomBytes(3000, 4)));

        const QString unplugged = lib.folder() + QStringLiteral("/elsewhere");
        const BackupRepository repo(dest);
        // Called once more after the last file, when the morning tree has been taken over.
        const BackupReport second = lib.backUp(dest, at(15), [&](BackupEngine&, const BackupProgress& p) {
            if (p.files < p.totalFiles)
                return;
            if (fault == QLatin1String("seal"))
                QDir().mkpath(repo.snapshotDir(QStringLiteral("2026-03-01T150000Z")) + QStringLiteral("/in-the-way"));
            else
                QDir().rename(dest, unplugged);
        });
        QVERIFY(!second.ok());
        if (fault == QLatin1String("unplug"))
            QVERIFY(QDir().rename(unplugged, dest));
        QCOMPARE(!repo.snapshots().isEmpty(), backAtOnce);
        {
            BackupRepository next(dest); // what the next run does first
            QVERIFY(next.lock().ok());
            next.removeLeftovers();
        }

        const QList<SnapshotInfo> all = repo.snapshots();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().id, first.snapshot.id);
        QCOMPARE(
            BackupFixture::contents(repo.snapshotDir(first.snapshot.id) + QStringLiteral("/files/Pictures")), then);
        QVERIFY(verified(dest));
    }

    void aRunOnAnotherDayLinksItsOwnTree()
    {
        BackupFixture lib;
        QVERIFY(lib.addFiles(3, 2000));
        const QString dest = lib.destination();
        QVERIFY(lib.backUp(dest, at(9)).ok());
        const BackupReport next = lib.backUp(dest, at(9).addDays(1));
        QVERIFY2(next.ok(), qPrintable(next.error));
        QCOMPARE(next.removedSnapshots, 0);
        const QList<SnapshotInfo> all = BackupRepository(dest).snapshots();
        QCOMPARE(all.size(), 2);
        for (const SnapshotInfo& s : all)
            QCOMPARE(
                BackupFixture::contents(BackupRepository(dest).snapshotDir(s.id) + QStringLiteral("/files/Pictures")),
                BackupFixture::contents(lib.photosDir()));
    }

    void aFileChangedBehindTheCatalogsBackIsBackedUpAsItIsNow()
    {
        BackupFixture lib;
        QVERIFY(lib.addFiles(2, 5000));
        // Rewritten with other bytes of the same size, its time put back: only the bytes tell.
        const QString file = lib.photosDir() + QStringLiteral("/f1.jpg");
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
        const QByteArray now = BackupFixture::randomBytes(5000, 99);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(now), now.size());
        f.close();
        const struct timespec times[2] = { st.st_atim, st.st_mtim };
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(file).constData(), times, 0), 0);

        const QString dest = lib.destination();
        const BackupReport r = lib.backUp(dest);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY2(r.warnings.join(QLatin1Char('\n')).contains(QLatin1String("changed since the last scan")),
            qPrintable(r.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(r.snapshot.files, 2);
        QCOMPARE(r.snapshot.newObjects, 2);
        const QString tree = BackupRepository(dest).snapshotDir(r.snapshot.id) + QStringLiteral("/files/Pictures");
        QCOMPARE(BackupFixture::contents(tree), BackupFixture::contents(lib.photosDir()));
        QVERIFY(verified(dest));
        // Only proven objects are stored: the catalog's stale hash names none.
        QCOMPARE(QDir(BackupRepository(dest).tempDir()).entryList(QDir::Files), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestBackupSameDay)
#include "tst_backupsameday.moc"
