#include "catalog/database.h"
#include "duplicates/trashbin.h"
#include "duplicates/trashreconciler.h"
#include "support/testlibrary.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int logRows(const QString& library)
{
    QSqlQuery q(Database::connection(library));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM trash_log")) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestTrashBin : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home; // the trash lives here, never in the user's real one

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(test::useTemporaryHome(m_home.path()));
    }

    void trashThenUndoRestoresBytes()
    {
        QTemporaryDir photos(m_home.filePath(QStringLiteral("photos-XXXXXX")));
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        QString error;
        const QString file = photos.filePath(QStringLiteral("copy of IMG_0001.jpg"));
        QByteArray bytes(100000, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 131) % 251);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        TrashBin bin(lib);
        const auto rec = bin.moveToTrash(0, QFile::encodeName(file), "hash", &error);
        QVERIFY2(rec, qPrintable(error));
        QVERIFY(!QFile::exists(file));
        const QString trashed = QFile::decodeName(rec->trashPath);
        QVERIFY2(trashed.startsWith(m_home.path()), qPrintable(trashed));
        QVERIFY(QFile::exists(trashed));
        QCOMPARE(bin.lastBatch().size(), 1);

        QStringList errors;
        QCOMPARE(TrashBin(lib).undoLastBatch(&errors), 1);
        QVERIFY(errors.isEmpty());
        QFile back(file);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), bytes);
        QVERIFY(!QFile::exists(trashed));
        QVERIFY(bin.lastBatch().isEmpty());
    }

    void undoNeverOverwritesANewFile()
    {
        QTemporaryDir photos(m_home.filePath(QStringLiteral("photos-XXXXXX")));
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        QString error;
        const QString file = photos.filePath(QStringLiteral("a.jpg"));
        auto write = [&](const QByteArray& b) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(b);
        };
        write("old");
        TrashBin bin(lib);
        QVERIFY(bin.moveToTrash(0, QFile::encodeName(file), "h", &error));
        write("new");
        QStringList errors;
        QCOMPARE(bin.undoLastBatch(&errors), 0);
        QCOMPARE(errors.size(), 1);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("new"));
    }

    void missingFileIsRefused()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        QString error;
        QVERIFY(!TrashBin(lib).moveToTrash(0, "/nonexistent/x.jpg", "h", &error));
        QVERIFY(error.contains(QStringLiteral("no such file")));
    }

    // A stop (kill -9) between the steps of a move: the record written before the move settles at
    // the next start into "never moved" (no record, file in place) or "in the trash with its undo
    // record" (and the undo brings the bytes back); there is no third state.
    void stopBetweenStepsOfAMoveIsReconciled_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<bool>("fileInPlace");
        QTest::newRow("after the intent, before the move") << int(TrashBin::Step::IntentRecorded) << true;
        QTest::newRow("after the move, before it is marked done") << int(TrashBin::Step::MovedToTrash) << false;
    }
    void stopBetweenStepsOfAMoveIsReconciled()
    {
        QFETCH(int, step);
        QFETCH(bool, fileInPlace);
        QTemporaryDir photos(m_home.filePath(QStringLiteral("photos-XXXXXX")));
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString file = photos.filePath(QStringLiteral("IMG_0002.jpg"));
        writeFile(file, "bytes of a photo");
        TrashBin bin(library.path());
        bin.setStopAt([step](TrashBin::Step s) { return int(s) == step; });
        QString error;
        QVERIFY(!bin.moveToTrash(0, QFile::encodeName(file), "h", &error));
        QCOMPARE(QFile::exists(file), fileInPlace);
        QCOMPARE(logRows(library.path()), 1); // the intent was written before anything moved
        QVERIFY(bin.lastBatch().isEmpty()); // and a pending move is nothing an undo could take back

        const TrashReconcileResult settled = TrashReconciler::reconcile(library.path());
        QVERIFY2(settled.error.isEmpty(), qPrintable(settled.error));
        QCOMPARE(settled.dropped, fileInPlace ? 1 : 0);
        QCOMPARE(settled.completed, fileInPlace ? 0 : 1);
        QCOMPARE(logRows(library.path()), fileInPlace ? 0 : 1);
        if (fileInPlace)
            return;
        const QList<TrashRecord> batch = TrashBin(library.path()).lastBatch();
        QCOMPARE(batch.size(), 1);
        QVERIFY(QFile::exists(QFile::decodeName(batch[0].trashPath)));
        QStringList errors;
        QCOMPARE(TrashBin(library.path()).undoLastBatch(&errors), 1);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(readFile(file), QByteArray("bytes of a photo"));
    }

    // A stop after an undo moved the file back but before it was recorded: the next start records the
    // restore, so the next undo takes the batch before it instead of failing on this one for ever.
    void stopAfterMovingBackIsRecordedAsRestored()
    {
        QTemporaryDir photos(m_home.filePath(QStringLiteral("photos-XXXXXX")));
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString file = photos.filePath(QStringLiteral("IMG_0003.jpg"));
        writeFile(file, "undo me");
        QString error;
        const auto moved = TrashBin(library.path()).moveToTrash(0, QFile::encodeName(file), "h", &error);
        QVERIFY2(moved, qPrintable(error));
        TrashBin undo(library.path());
        undo.setStopAt([](TrashBin::Step s) { return s == TrashBin::Step::MovedBack; });
        QStringList errors;
        QCOMPARE(undo.undoLastBatch(&errors), 0);
        QCOMPARE(readFile(file), QByteArray("undo me"));
        QCOMPARE(TrashBin(library.path()).lastBatch().size(), 1); // the log still says "in the trash"

        const TrashReconcileResult settled = TrashReconciler::reconcile(library.path());
        QVERIFY2(settled.error.isEmpty(), qPrintable(settled.error));
        QCOMPARE(settled.restored, 1);
        QVERIFY(TrashBin(library.path()).lastBatch().isEmpty());
        QCOMPARE(readFile(file), QByteArray("undo me"));
    }

    // A pending move whose folder is gone (its drive unplugged) keeps its record: the trash on that
    // drive cannot be looked at until it is back.
    void pendingMoveOnAnOfflineDriveWaits()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        QSqlQuery q(Database::connection(library.path()));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO trash_log(original_path, trash_path, trashed_at)"
                                      " VALUES(CAST('/media/unplugged/DCIM/a.jpg' AS BLOB), X'', 1)")));
        const TrashReconcileResult settled = TrashReconciler::reconcile(library.path());
        QVERIFY2(settled.error.isEmpty(), qPrintable(settled.error));
        QCOMPARE(settled.waiting, 1);
        QCOMPARE(settled.dropped, 0);
        QCOMPARE(logRows(library.path()), 1);
    }
};

QTEST_GUILESS_MAIN(TestTrashBin)
#include "tst_trashbin.moc"
