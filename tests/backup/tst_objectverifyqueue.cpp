// The verification that runs beside the copying: a copy reaches objects/ only once it was read back
// from the disk and matched its hash; a copy whose bytes differ never does, and stops the queue.

#include "backup/backupio.h"
#include "backup/objectverifyqueue.h"
#include "backuptestlibrary.h"

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
        QTest::newRow("all good") << 6 << -1 << qint64(1 << 20);
        QTest::newRow("all good, one at a time") << 6 << -1 << qint64(1);
        QTest::newRow("first differs") << 4 << 0 << qint64(1 << 20);
        QTest::newRow("last differs") << 4 << 3 << qint64(1 << 20);
    }

    void onlyMatchingCopiesReachTheirPlace()
    {
        QFETCH(int, count);
        QFETCH(int, corrupt);
        QFETCH(qint64, bound);
        BackupTestLibrary lib;
        const QString dir = lib.folder() + QStringLiteral("/dest");
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/tmp")));
        QList<QByteArray> objects;
        {
            ObjectVerifyQueue queue(bound);
            for (int i = 0; i < count; ++i) {
                const QByteArray bytes = BackupTestLibrary::randomBytes(50000 + i, quint32(i + 1));
                const QByteArray temp
                    = write(dir + QStringLiteral("/tmp/%1.part").arg(i), i == corrupt ? bytes + 'x' : bytes);
                QVERIFY(!temp.isEmpty());
                const QByteArray source = write(dir + QStringLiteral("/src%1").arg(i), bytes);
                const QByteArray hash = BackupIo::hashFile(source);
                const QByteArray object
                    = QFile::encodeName(dir) + "/objects/" + hash.toHex().left(2) + '/' + hash.toHex();
                objects << object;
                queue.push(temp, object, hash, bytes.size());
            }
            const IoResult r = queue.finish();
            QCOMPARE(r.failure, corrupt < 0 ? IoFailure::None : IoFailure::Damaged);
            QCOMPARE(queue.failure().failure, r.failure);
        }
        for (int i = 0; i < count; ++i) {
            const bool placed = QFile::exists(QFile::decodeName(objects[i]));
            QCOMPARE(placed, corrupt < 0 || i < corrupt);
        }
        // Nothing unproven is left behind in tmp/ either.
        QCOMPARE(QDir(dir + QStringLiteral("/tmp")).entryList(QDir::Files), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestObjectVerifyQueue)
#include "tst_objectverifyqueue.moc"
