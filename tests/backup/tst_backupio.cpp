// BackupIo::makeDirs, the one mkdir -p of the backup: below a base it never makes the base again, so a
// destination that vanished mid-run (an unplugged drive) is not recreated on the disk under its mount
// point by a late link or a verified object (seen under ASan: tst_backupfaults' vanishing destination
// came back as a folder holding objects/).

#include "backup/backupio.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace shoebox;

class TestBackupIo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void makeDirsStaysBelowItsBase_data()
    {
        QTest::addColumn<QString>("base"); // relative to a temporary folder; empty: no base
        QTest::addColumn<bool>("baseExists");
        QTest::addColumn<QString>("dir");
        QTest::addColumn<bool>("made");
        QTest::newRow("no base: every missing folder") << "" << false << "dest/snap/files/a" << true;
        QTest::newRow("below a base that exists") << "dest/snap" << true << "dest/snap/files/a" << true;
        QTest::newRow("the base vanished") << "dest/snap" << false << "dest/snap/files/a" << false;
        QTest::newRow("the base itself, vanished") << "dest/snap" << false << "dest/snap" << false;
        QTest::newRow("outside the base") << "dest/snap" << true << "dest/other/a" << false;
        QTest::newRow("beside the base, its name a prefix") << "dest/snap" << true << "dest/snapshot/a" << false;
    }

    void makeDirsStaysBelowItsBase()
    {
        QFETCH(QString, base);
        QFETCH(bool, baseExists);
        QFETCH(QString, dir);
        QFETCH(bool, made);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = tmp.path() + QLatin1Char('/');
        if (baseExists)
            QVERIFY(QDir().mkpath(root + base));
        QSet<QByteArray> known;
        errno = 0;
        const bool ok = BackupIo::makeDirs(
            QFile::encodeName(root + dir), &known, base.isEmpty() ? QByteArray() : QFile::encodeName(root + base));
        QCOMPARE(ok, made);
        QCOMPARE(QFileInfo(root + dir).isDir(), made);
        if (!made) {
            QCOMPARE(errno, ENOENT);
            QCOMPARE(QFileInfo::exists(root + QStringLiteral("dest")), baseExists);
        }
    }
};

QTEST_GUILESS_MAIN(TestBackupIo)
#include "tst_backupio.moc"
