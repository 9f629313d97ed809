// Back up, change the library, back up again, restore the first snapshot elsewhere: the files come
// back byte for byte and the catalog with them (tags, marks, duplicate verdicts), pointing at them.

#include "albums/albumstore.h"
#include "albums/markstore.h"
#include "backup/backupengine.h"
#include "backup/backuprepository.h"
#include "backup/backuprestorer.h"
#include "catalog/database.h"
#include "catalog/photostore.h"
#include "duplicates/duplicatestore.h"
#include "support/backupfixture.h"
#include "support/clirunner.h"
#include "tags/tagstore.h"

#include <QStandardPaths>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestBackupRoundTrip : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void restoringSnapshotOneGivesBackTheLibraryAsItWas()
    {
        BackupFixture lib;
        QVERIFY(lib.isOpen());
        const qint64 a = lib.addFile(QStringLiteral("a.jpg"), BackupFixture::randomBytes(300000, 1));
        const qint64 b = lib.addFile(QStringLiteral("trip/b.jpg"), BackupFixture::randomBytes(200000, 2));
        const qint64 c = lib.addFile(QStringLiteral("c.jpg"), BackupFixture::randomBytes(100000, 3));
        QVERIFY(a && b && c);
        QVERIFY(TagStore(lib.path()).addManualTag(a, QStringLiteral("beach")));
        PhotoMarks marks;
        marks.rating = 4;
        QVERIFY(MarkStore(lib.path()).setMarks({ { c, marks } }));
        const QByteArray hashA = PhotoStore(lib.path()).photoById(a)->contentHash;
        const QByteArray hashC = PhotoStore(lib.path()).photoById(c)->contentHash;
        QVERIFY(DuplicateStore(lib.path()).setVerdict(hashA, hashC, DuplicateStore::kNotDuplicates));
        const QMap<QString, QByteArray> atSnapshotOne = BackupFixture::contents(lib.photosDir());

        const QString dest = lib.destination(QStringLiteral("usb"));
        const BackupReport first = lib.backUp(dest, QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC));
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.snapshot.files, 3);
        QCOMPARE(first.snapshot.newObjects, 3);

        // Add one, move one, rename one, trash one.
        QVERIFY(lib.addFile(QStringLiteral("d.jpg"), BackupFixture::randomBytes(50000, 4)));
        QVERIFY(lib.moveFile(b, QStringLiteral("moved/b.jpg")));
        QVERIFY(lib.moveFile(c, QStringLiteral("c-renamed.jpg")));
        QVERIFY(lib.trashFile(a));
        const BackupReport second = lib.backUp(dest, QDateTime(QDate(2026, 1, 2), QTime(10, 0), Qt::UTC));
        QVERIFY2(second.ok(), qPrintable(second.error));
        QCOMPARE(second.snapshot.files, 3);
        QCOMPARE(second.snapshot.newObjects, 1); // moved and renamed photos cost nothing
        QCOMPARE(second.snapshot.added, 3);
        QCOMPARE(second.snapshot.removed, 3);

        RestoreOptions r;
        r.destination = dest;
        r.snapshotId = first.snapshot.id;
        r.targetDir = lib.folder() + QStringLiteral("/restored");
        r.libraryPath = lib.folder() + QStringLiteral("/restored.db");
        const RestoreReport restored = BackupRestorer(r).run();
        QVERIFY2(restored.ok(), qPrintable(restored.error + restored.problems.join(QLatin1Char('\n'))));
        QCOMPARE(restored.restored, 3);
        QVERIFY(restored.catalogRestored);
        QCOMPARE(BackupFixture::contents(r.targetDir + QStringLiteral("/Pictures")), atSnapshotOne);

        // The restored catalog has the tags, marks and verdicts, and finds its photos where they were restored.
        PhotoStore store(r.libraryPath);
        const std::optional<PhotoRecord> restoredA = store.photoById(a);
        QVERIFY(restoredA);
        QCOMPARE(restoredA->displayPath, r.targetDir + QStringLiteral("/Pictures/a.jpg"));
        QCOMPARE(restoredA->state, PhotoState::Ok);
        QCOMPARE(store.photoById(b)->displayPath, r.targetDir + QStringLiteral("/Pictures/trip/b.jpg"));
        const QList<PhotoTag> tags = TagStore(r.libraryPath).tagsOfPhoto(a, QStringLiteral("en"));
        QCOMPARE(tags.size(), 1);
        QCOMPARE(tags.first().name, QStringLiteral("beach"));
        QCOMPARE(MarkStore(r.libraryPath).marks(c).rating, 4);
        QCOMPARE(
            DuplicateStore(r.libraryPath).verdict(hashA, hashC).value_or(QString()), DuplicateStore::kNotDuplicates);
        Database::closeThreadConnection(r.libraryPath);
    }

    void snapshotTreeHoldsThePhotosUnderTheirOwnPaths()
    {
        BackupFixture lib;
        const QByteArray bytes = BackupFixture::randomBytes(1000, 7);
        QVERIFY(lib.addFile(QStringLiteral("2024/x.jpg"), bytes));
        const QString dest = lib.destination();
        const BackupReport report = lib.backUp(dest);
        QVERIFY2(report.ok(), qPrintable(report.error));
        const QString dir = BackupRepository(dest).snapshotDir(report.snapshot.id);
        QFile tree(dir + QStringLiteral("/files/Pictures/2024/x.jpg"));
        QVERIFY(tree.open(QIODevice::ReadOnly));
        QCOMPARE(tree.readAll(), bytes);
        QFile manifest(dir + QStringLiteral("/manifest.tsv"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QVERIFY(manifest.readAll().contains("Pictures/2024/x.jpg"));
        QVERIFY(QFile::exists(dir + QStringLiteral("/catalog.db")));
        QVERIFY(QFile::exists(dir + QStringLiteral("/seal.json")));
    }

    void restoreByAlbumBringsBackThatAlbumsPhotosOnly_data()
    {
        QTest::addColumn<QString>("album");
        QTest::addColumn<QStringList>("restored"); // under Pictures/; empty: the album is refused
        QTest::newRow("album by name") << QStringLiteral("japan")
                                       << QStringList { QStringLiteral("a.jpg"), QStringLiteral("trip/b.jpg") };
        QTest::newRow("album by path") << QStringLiteral("Travel / Japan")
                                       << QStringList { QStringLiteral("a.jpg"), QStringLiteral("trip/b.jpg") };
        QTest::newRow("parent album takes its sub-albums") << QStringLiteral(
            "Travel") << QStringList { QStringLiteral("a.jpg"), QStringLiteral("c.jpg"), QStringLiteral("trip/b.jpg") };
        QTest::newRow("no such album") << QStringLiteral("Nowhere") << QStringList();
    }

    void restoreByAlbumBringsBackThatAlbumsPhotosOnly()
    {
        QFETCH(QString, album);
        QFETCH(QStringList, restored);
        BackupFixture lib;
        const qint64 a = lib.addFile(QStringLiteral("a.jpg"), BackupFixture::randomBytes(3000, 31));
        const qint64 b = lib.addFile(QStringLiteral("trip/b.jpg"), BackupFixture::randomBytes(3000, 32));
        const qint64 c = lib.addFile(QStringLiteral("c.jpg"), BackupFixture::randomBytes(3000, 33));
        QVERIFY(lib.addFile(QStringLiteral("d.jpg"), BackupFixture::randomBytes(3000, 34)));
        AlbumStore albums(lib.path());
        const qint64 japan = albums.createAlbum(QStringLiteral("Travel / Japan"));
        QVERIFY(japan > 0);
        QCOMPARE(albums.addPhotos(japan, { a, b }).size(), 2);
        QCOMPARE(albums.addPhotos(albums.albumAt(QStringLiteral("Travel")), { c }).size(), 1);
        const QString dest = lib.destination();
        QVERIFY(lib.backUp(dest).ok());
        // The album is read from the snapshot: emptying it in the library afterwards changes nothing.
        QVERIFY(albums.remove(japan));

        RestoreOptions r;
        r.destination = dest;
        r.targetDir = lib.folder() + QStringLiteral("/out");
        r.album = album;
        r.libraryPath = lib.path();
        const RestoreReport report = BackupRestorer(r).run();
        if (restored.isEmpty()) {
            QCOMPARE(report.failure, IoFailure::Source);
            QVERIFY2(report.error.contains(album), qPrintable(report.error));
            QVERIFY(!QFileInfo::exists(r.targetDir));
            return;
        }
        QVERIFY2(report.ok(), qPrintable(report.error + report.problems.join(QLatin1Char('\n'))));
        QCOMPARE(report.restored, int(restored.size()));
        QVERIFY(!report.catalogRestored); // an album restore leaves the library's catalog alone
        QCOMPARE(BackupFixture::contents(r.targetDir + QStringLiteral("/Pictures")).keys(), restored);
    }

    void cliRestoresOneAlbum()
    {
        BackupFixture lib;
        const QByteArray bytes = BackupFixture::randomBytes(3000, 41);
        const qint64 a = lib.addFile(QStringLiteral("a.jpg"), bytes);
        QVERIFY(lib.addFile(QStringLiteral("b.jpg"), BackupFixture::randomBytes(3000, 42)));
        AlbumStore albums(lib.path());
        QCOMPARE(albums.addPhotos(albums.createAlbum(QStringLiteral("Best")), { a }).size(), 1);
        const QString dest = lib.destination();
        QVERIFY(lib.backUp(dest).ok());
        const QString target = lib.folder() + QStringLiteral("/out");
        const CliResult cli = runCli(lib.path(),
            { QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("restore"), dest,
                QStringLiteral("--album"), QStringLiteral("Best"), QStringLiteral("--to"), target });
        QVERIFY2(cli.code == 0, cli.err.constData());
        QCOMPARE(cli.json().value(QStringLiteral("restored")).toInt(), 1);
        QCOMPARE(cli.json().value(QStringLiteral("catalog_restored")).toBool(), false);
        const QMap<QString, QByteArray> files = BackupFixture::contents(target);
        QCOMPARE(files.keys(), QStringList { QStringLiteral("Pictures/a.jpg") });
        QCOMPARE(files.first(), bytes);
        const CliResult missing = runCli(lib.path(),
            { QStringLiteral("backup"), QStringLiteral("restore"), dest, QStringLiteral("--album"),
                QStringLiteral("Worst"), QStringLiteral("--to"), target });
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("no album Worst"), missing.err.constData());
    }

    void restoreNeverOverwritesADifferentFile_data()
    {
        QTest::addColumn<QByteArray>("inPlace");
        QTest::addColumn<QString>("restoredAs");
        QTest::addColumn<int>("renamed");
        QTest::newRow("different file in place")
            << QByteArray("someone else's bytes") << QStringLiteral("a (restored).jpg") << 1;
        QTest::newRow("identical file in place") << QByteArray() << QStringLiteral("a.jpg") << 0;
    }

    void restoreNeverOverwritesADifferentFile()
    {
        QFETCH(QByteArray, inPlace);
        QFETCH(QString, restoredAs);
        QFETCH(int, renamed);
        BackupFixture lib;
        const QByteArray bytes = BackupFixture::randomBytes(5000, 9);
        QVERIFY(lib.addFile(QStringLiteral("a.jpg"), bytes));
        const QString dest = lib.destination();
        QVERIFY(lib.backUp(dest).ok());
        const QString target = lib.folder() + QStringLiteral("/out");
        QVERIFY(QDir().mkpath(target + QStringLiteral("/Pictures")));
        QFile existing(target + QStringLiteral("/Pictures/a.jpg"));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write(inPlace.isEmpty() ? bytes : inPlace);
        existing.close();
        RestoreOptions r;
        r.destination = dest;
        r.targetDir = target;
        r.paths = QStringList { QStringLiteral("Pictures/a.jpg") };
        const RestoreReport report = BackupRestorer(r).run();
        QVERIFY2(report.ok(), qPrintable(report.error + report.problems.join(QLatin1Char('\n'))));
        QCOMPARE(report.renamed, renamed);
        QVERIFY(!report.catalogRestored); // a partial restore leaves the library alone
        const QMap<QString, QByteArray> files = BackupFixture::contents(target + QStringLiteral("/Pictures"));
        QCOMPARE(files.value(restoredAs), bytes);
        QCOMPARE(files.value(QStringLiteral("a.jpg")), inPlace.isEmpty() ? bytes : inPlace);
    }
};

QTEST_GUILESS_MAIN(TestBackupRoundTrip)
#include "tst_backuproundtrip.moc"
