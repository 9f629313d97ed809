// SPDX-License-Identifier: GPL-3.0-or-later
// The disk fills up while a scan writes the catalog: shoebox-cli runs under a file-size limit
// (RLIMIT_FSIZE, with SIGXFSZ ignored as a full disk gives no signal), so the catalog's writes fail
// past it. The scan stops with one clear message, the catalog passes PRAGMA integrity_check, the
// photos indexed before are all still there, and the next scan without the limit carries on.
#include "support/exiffixture.h"
#include "support/scanfixture.h"
#include "support/testtimeout.h"

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace shoebox::test;

namespace {

struct Run {
    int code = -1;
    QString err;
};

// shoebox-cli scan FOLDER --no-tags --no-thumbnails; fileLimit > 0 caps every file it writes.
Run scan(const QString& library, const QString& folder, qint64 fileLimit)
{
    QProcess p;
    p.setChildProcessModifier([fileLimit] {
        if (fileLimit <= 0)
            return;
        std::signal(SIGXFSZ, SIG_IGN); // write() then fails with EFBIG, as it fails with ENOSPC on a full disk
        const rlimit limit { rlim_t(fileLimit), rlim_t(fileLimit) };
        setrlimit(RLIMIT_FSIZE, &limit);
    });
    p.start(QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli"),
        { QStringLiteral("--library"), library, QStringLiteral("scan"), QStringLiteral("--no-tags"),
            QStringLiteral("--no-thumbnails"), QStringLiteral("--threads"), QStringLiteral("1"), folder });
    if (!p.waitForFinished(processTimeoutMs()))
        p.kill();
    p.waitForFinished();
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError()) };
}

// integrity_check's verdict and the number of photos in state ok below folder.
QPair<QString, int> inspect(const QString& library, const QString& folder)
{
    QPair<QString, int> out { integrityCheck(library), 0 };
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(library);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM photos WHERE state = 'ok' AND display_path LIKE ?"));
            q.addBindValue(QString(folder + QStringLiteral("/%")));
            if (q.exec() && q.next())
                out.second = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    return out;
}

} // namespace

class TestCliDiskFull : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void scanStopsCleanlyAndResumesWhenTheDiskIsFull()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(QStringLiteral("library.db"));
        const QString before = dir.filePath(QStringLiteral("before"));
        const QString later = dir.filePath(QStringLiteral("later"));
        QVERIFY(QDir().mkpath(before) && QDir().mkpath(later));
        for (int i = 0; i < 12; ++i)
            QVERIFY(writeFile(before + QStringLiteral("/b%1.png").arg(i), randomPng(i)));
        const int laterCount = 150;
        for (int i = 0; i < laterCount; ++i)
            QVERIFY(writeFile(later + QStringLiteral("/l%1.png").arg(i), randomPng(1000 + i)));
        QCOMPARE(scan(library, before, 0).code, 0);
        QCOMPARE(inspect(library, before).second, 12);

        // Room for a few pages more than the catalog has: its write-ahead log soon cannot grow.
        const Run full = scan(library, later, QFileInfo(library).size() + 48 * 1024);
        QVERIFY2(full.code >= 0, "shoebox-cli crashed instead of reporting the full disk");
        QVERIFY2(full.err.contains(QLatin1String("is the disk full?")), qPrintable(full.err));
        QCOMPARE(full.err.count(QLatin1String("is the disk full?")), 1); // said once, not per file
        const auto afterFull = inspect(library, later);
        QCOMPARE(afterFull.first, QStringLiteral("ok"));
        QVERIFY(afterFull.second < laterCount);
        QCOMPARE(inspect(library, before).second, 12); // nothing indexed before is lost

        const Run resumed = scan(library, later, 0);
        QCOMPARE(resumed.code, 0);
        QVERIFY2(!resumed.err.contains(QLatin1String("disk")), qPrintable(resumed.err));
        const auto afterResume = inspect(library, later);
        QCOMPARE(afterResume.first, QStringLiteral("ok"));
        QCOMPARE(afterResume.second, laterCount);
    }
};

QTEST_GUILESS_MAIN(TestCliDiskFull)
#include "tst_clidiskfull.moc"
