// SPDX-License-Identifier: GPL-3.0-or-later
// The library where it cannot be written: a catalog file another process holds locked, a read-only
// catalog file, a read-only library folder (a read-only volume). shoebox-cli says so in one line
// (never "damaged", never advice to restore a backup), exits non-zero and leaves the catalog's bytes
// alone; once the lock is gone or the folder writable again, every photo is still there.
// As root, whose permissions defeat read-only files, the CLI runs as the user nobody.
#include "support/exiffixture.h"
#include "support/scanfixture.h"
#include "support/testtimeout.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace shoebox::test;

namespace {

constexpr uid_t kNobody = 65534;

struct Run {
    int code = -1;
    QString err;
};

// shoebox-cli --library LIBRARY ARGS..., as nobody when the test runs as root.
Run cli(const QString& library, const QStringList& args, const QString& home)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    p.setProcessEnvironment(env);
    p.setChildProcessModifier([] {
        if (::geteuid() == 0 && (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0))
            ::_exit(125);
    });
    p.start(QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli"),
        QStringList { QStringLiteral("--library"), library } + args);
    if (!p.waitForFinished(processTimeoutMs()))
        p.kill();
    p.waitForFinished();
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardError()).trimmed() };
}

int photoCount(const QString& library)
{
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(library);
        QSqlQuery q(db);
        if (db.open() && q.exec(QStringLiteral("SELECT COUNT(*) FROM photos")) && q.next())
            n = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return n;
}

// Another process holding a write lock on the whole catalog file, as a program in the middle of an
// exclusive transaction does; released when the object goes.
class ForeignLock {
public:
    explicit ForeignLock(const QString& file)
    {
        int ready[2];
        if (::pipe(ready) != 0 || ::pipe(m_release) != 0)
            return;
        m_pid = ::fork();
        if (m_pid == 0) {
            char c = 'n';
            const int fd = ::open(QFile::encodeName(file).constData(), O_RDWR);
            struct flock lock { };
            lock.l_type = F_WRLCK;
            lock.l_whence = SEEK_SET; // l_start 0, l_len 0: every byte, SQLite's lock bytes included
            if (fd >= 0 && ::fcntl(fd, F_SETLK, &lock) == 0)
                c = 'y';
            (void)!::write(ready[1], &c, 1);
            (void)!::read(m_release[0], &c, 1);
            ::_exit(0);
        }
        char c = 'n';
        m_held = m_pid > 0 && ::read(ready[0], &c, 1) == 1 && c == 'y';
        ::close(ready[0]);
        ::close(ready[1]);
    }
    ~ForeignLock()
    {
        if (m_pid <= 0)
            return;
        (void)!::write(m_release[1], "x", 1);
        ::waitpid(m_pid, nullptr, 0);
        ::close(m_release[0]);
        ::close(m_release[1]);
    }
    bool held() const { return m_held; }

private:
    pid_t m_pid = -1;
    int m_release[2] = { -1, -1 };
    bool m_held = false;
};

} // namespace

class TestCatalogFaults : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_lib;
    QString m_home;
    static constexpr int kPhotos = 5;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // As root the CLI runs as nobody, who cannot start it from a build tree under a private folder
        // (a `mktemp -d` checkout is 0700): say so rather than fail every slot (as scripts/test.sh does).
        if (::geteuid() == 0
            && cli(QDir::tempPath() + QStringLiteral("/none.db"), { QStringLiteral("--version") }, QDir::tempPath())
                    .code
                != 0)
            QSKIP("the user nobody cannot run " SHOEBOX_BINARY_DIR "/app/shoebox-cli (a folder above it is private)");
    }

    // A fresh library of kPhotos photos for every slot, in folders nobody may enter.
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QFile::setPermissions(m_dir->path(),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther
                | QFile::ReadGroup | QFile::ExeGroup);
        m_home = m_dir->filePath(QStringLiteral("home"));
        const QString libDir = m_dir->filePath(QStringLiteral("library"));
        const QString photos = m_dir->filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(m_home) && QDir().mkpath(libDir) && QDir().mkpath(photos));
        QFile::setPermissions(m_home, QFileDevice::Permissions(0x7777));
        for (int i = 0; i < kPhotos; ++i)
            QVERIFY(writeFile(photos + QStringLiteral("/p%1.png").arg(i), randomPng(i)));
        m_lib = libDir + QStringLiteral("/library.db");
        QFile::setPermissions(libDir, QFileDevice::Permissions(0x7777));
        const Run scan = cli(m_lib,
            { QStringLiteral("scan"), QStringLiteral("--no-tags"), QStringLiteral("--no-thumbnails"), photos }, m_home);
        QVERIFY2(scan.code == 0, qPrintable(scan.err));
        QCOMPARE(photoCount(m_lib), kPhotos);
    }

    void lockedCatalogIsReportedNotDamaged()
    {
        const QByteArray before = checksums(QFileInfo(m_lib).absolutePath()).value(m_lib);
        QVERIFY(!before.isEmpty());
        {
            const ForeignLock lock(m_lib);
            QVERIFY(lock.held());
            const Run run = cli(m_lib, { QStringLiteral("list") }, m_home);
            QVERIFY(run.code != 0);
            QVERIFY2(run.err.contains(QLatin1String("locked by another program")), qPrintable(run.err));
            QVERIFY2(!run.err.contains(QLatin1String("damaged")), qPrintable(run.err));
            QVERIFY2(!run.err.contains(QLatin1Char('\n')), qPrintable(run.err));
        }
        QCOMPARE(checksums(QFileInfo(m_lib).absolutePath()).value(m_lib), before);
        const Run after = cli(m_lib, { QStringLiteral("list") }, m_home);
        QVERIFY2(after.code == 0, qPrintable(after.err));
        QCOMPARE(photoCount(m_lib), kPhotos);
        QCOMPARE(integrityCheck(m_lib), QStringLiteral("ok"));
    }

    void readOnlyLibraryIsReported_data()
    {
        QTest::addColumn<bool>("folderOnly"); // the folder read-only, the file itself still writable
        QTest::addColumn<QString>("message");
        QTest::newRow("read-only catalog file") << false << QStringLiteral("is read-only");
        QTest::newRow("read-only folder (volume)") << true << QStringLiteral("library folder");
    }
    void readOnlyLibraryIsReported()
    {
        QFETCH(bool, folderOnly);
        QFETCH(QString, message);
        const QString folder = QFileInfo(m_lib).absolutePath();
        const bool root = ::geteuid() == 0;
        if (folderOnly) {
            if (root) // nobody owns the file and may write it, but not the root-owned folder
                QVERIFY(::chown(QFile::encodeName(m_lib).constData(), kNobody, kNobody) == 0);
            QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions(0x5555)));
        } else {
            QVERIFY(QFile::setPermissions(m_lib, QFileDevice::Permissions(0x4444)));
            if (root)
                QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions(0x5555)));
        }
        const QByteArray before = checksums(folder).value(m_lib);
        QVERIFY(!before.isEmpty());
        const Run run = cli(m_lib,
            { QStringLiteral("scan"), QStringLiteral("--no-tags"), m_dir->filePath(QStringLiteral("photos")) }, m_home);
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("damaged")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1Char('\n')), qPrintable(run.err));
        QCOMPARE(checksums(folder).value(m_lib), before);
        QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions(0x7777)));
        QVERIFY(QFile::setPermissions(m_lib, QFileDevice::Permissions(0x6666)));
        QCOMPARE(photoCount(m_lib), kPhotos);
        QCOMPARE(integrityCheck(m_lib), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogFaults)
#include "tst_catalogfaults.moc"
