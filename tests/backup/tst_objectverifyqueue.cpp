// The verification that runs beside the copying: a copy reaches objects/ only once it was read back
// from the disk and matched its hash; a copy whose bytes differ never does, and stops the queue.

#include "backup/backupio.h"
#include "backup/objectverifyqueue.h"
#include "support/backupfixture.h"

#include <QStandardPaths>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestObjectVerifyQueue : public QObject {
    Q_OBJECT

private:
    static QByteArray write(const QString& path, const QByteArray& bytes)
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        f.close();
        return QFile::encodeName(path);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void onlyMatchingCopiesReachTheirPlace_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("corrupt"); // index of the copy whose bytes differ, -1: none
        QTest::addColumn<qint64>("bound"); // pending bytes before push() waits
        // Copies made without hashing name their source: one that differs is dropped and listed for
        // the engine to copy again, and the others go on.
        QTest::addColumn<bool>("unhashed");
        QTest::newRow("all good") << 6 << -1 << qint64(1 << 20) << false;
        QTest::newRow("all good, one at a time") << 6 << -1 << qint64(1) << false;
        QTest::newRow("first differs") << 4 << 0 << qint64(1 << 20) << false;
        QTest::newRow("last differs") << 4 << 3 << qint64(1 << 20) << false;
        QTest::newRow("unhashed, all good") << 4 << -1 << qint64(1 << 20) << true;
        QTest::newRow("unhashed, second differs") << 4 << 1 << qint64(1 << 20) << true;
        QTest::newRow("unhashed, one at a time, first differs") << 4 << 0 << qint64(1) << true;
    }

    void onlyMatchingCopiesReachTheirPlace()
    {
        QFETCH(int, count);
        QFETCH(int, corrupt);
        QFETCH(qint64, bound);
        QFETCH(bool, unhashed);
        BackupFixture lib;
        const QString dir = lib.destination();
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/tmp")));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/objects"))); // made by BackupRepository::open
        QList<QByteArray> objects, hashes;
        {
            ObjectVerifyQueue queue(bound);
            for (int i = 0; i < count; ++i) {
                const QByteArray bytes = BackupFixture::randomBytes(50000 + i, quint32(i + 1));
                const QByteArray temp
                    = write(dir + QStringLiteral("/tmp/%1.part").arg(i), i == corrupt ? bytes + 'x' : bytes);
                QVERIFY(!temp.isEmpty());
                const QByteArray source = write(dir + QStringLiteral("/src%1").arg(i), bytes);
                const QByteArray hash = BackupIo::hashFile(source);
                const QByteArray object
                    = QFile::encodeName(dir) + "/objects/" + hash.toHex().left(2) + '/' + hash.toHex();
                objects << object;
                queue.push(temp, object, hash, bytes.size(), unhashed ? source : QByteArray());
                hashes << hash;
            }
            const IoResult r = queue.finish();
            QCOMPARE(r.failure, corrupt < 0 || unhashed ? IoFailure::None : IoFailure::Damaged);
            QCOMPARE(queue.failure().failure, r.failure);
            const QList<QByteArray> listed = queue.takeUnproven();
            QCOMPARE(listed, corrupt >= 0 && unhashed ? QList<QByteArray> { hashes[corrupt] } : QList<QByteArray>());
            QCOMPARE(queue.takeUnproven(), QList<QByteArray>());
        }
        for (int i = 0; i < count; ++i) {
            const bool placed = QFile::exists(QFile::decodeName(objects[i]));
            QCOMPARE(placed, corrupt < 0 || (unhashed ? i != corrupt : i < corrupt));
        }
        // Nothing unproven is left behind in tmp/ either.
        QCOMPARE(QDir(dir + QStringLiteral("/tmp")).entryList(QDir::Files), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestObjectVerifyQueue)
#include "tst_objectverifyqueue.moc"
