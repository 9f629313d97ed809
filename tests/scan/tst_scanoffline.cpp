// SPDX-License-Identifier: GPL-3.0-or-later
// A library whose photos live on a drive that is away: unplugged before the scan (its folder gone),
// unmounted (its mount point left empty), or pulled out while the scan reads it. The scan reports
// the folder offline and marks none of its photos missing or failed; a file deleted next to
// others is still marked missing.
#include "catalog/photostore.h"
#include "scan/scanner.h"
#include "support/exiffixture.h"
#include "support/scanfixture.h"
#include "support/testlibrary.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestScanOffline : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestLibrary> m_tmp;
    QString m_lib;
    QString m_drive; // the scanned root, as if a USB drive's mount folder
    static constexpr int kPhotos = 24;

    QString photo(int i) const { return m_drive + QStringLiteral("/DCIM/p%1.png").arg(i, 2, 10, QLatin1Char('0')); }

    ScanSummary scan(Scanner& scanner) { return scanner.scan({ QFile::encodeName(m_drive) }); }

    // How many of the drive's photos the catalog holds in each state.
    QMap<PhotoState, int> states() const
    {
        QMap<PhotoState, int> out;
        for (int i = 0; i < kPhotos; ++i)
            if (const auto r = PhotoStore(m_lib).photoByPath(QFile::encodeName(photo(i))))
                ++out[r->state];
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_tmp = std::make_unique<TestLibrary>(QStringLiteral("lib.db"));
        QVERIFY2(m_tmp->isOpen(), qPrintable(m_tmp->error()));
        useCacheIn(*m_tmp);
        m_lib = m_tmp->path();
        m_drive = m_tmp->filePath(QStringLiteral("media/USBDISK"));
        QVERIFY(QDir().mkpath(m_drive + QStringLiteral("/DCIM")));
        for (int i = 0; i < kPhotos; ++i)
            QVERIFY(writeFile(photo(i), randomPng(i, 80, 60)));
        Scanner first(m_lib);
        QCOMPARE(scan(first).totals.added, qint64(kPhotos));
    }

    void driveAwayAtScanIsOfflineNotMissing_data()
    {
        QTest::addColumn<bool>("mountPointLeft"); // the empty folder stays (unmounted) or goes (unplugged)
        QTest::newRow("unplugged: folder gone") << false;
        QTest::newRow("unmounted: empty mount point") << true;
    }

    void driveAwayAtScanIsOfflineNotMissing()
    {
        QFETCH(bool, mountPointLeft);
        const QString away = m_tmp->filePath(QStringLiteral("away"));
        QVERIFY(QDir().rename(m_drive, away));
        if (mountPointLeft)
            QVERIFY(QDir().mkpath(m_drive));
        Scanner scanner(m_lib);
        const ScanSummary s = scan(scanner);
        QCOMPARE(s.offline, QStringList { m_drive });
        QVERIFY2(s.errors.join(QLatin1Char('\n')).contains(QLatin1String("offline")), qPrintable(s.errors.join('\n')));
        QCOMPARE(states().value(PhotoState::Ok), kPhotos);
        QCOMPARE(states().value(PhotoState::Missing), 0);

        // Plugged in again: everything is there, nothing to redo.
        if (mountPointLeft)
            QVERIFY(QDir(m_drive).removeRecursively());
        QVERIFY(QDir().rename(away, m_drive));
        Scanner again(m_lib);
        const ScanSummary back = scan(again);
        QVERIFY(back.offline.isEmpty());
        QCOMPARE(back.totals.unchanged, qint64(kPhotos));
    }

    void drivePulledOutMidScanMarksNothingMissing()
    {
        // Every photo changed since the last scan, so the scan has to read them all again.
        for (int i = 0; i < kPhotos; ++i)
            QVERIFY(writeFile(photo(i), randomPng(i + 50, 80, 60)));
        const QString away = m_tmp->filePath(QStringLiteral("away"));
        Scanner scanner(m_lib);
        scanner.setThreadCount(1);
        scanner.setBatchSize(1);
        bool pulled = false;
        connect(
            &scanner, &Scanner::photoIndexed, &scanner,
            [&] {
                if (!pulled)
                    pulled = QDir().rename(m_drive, away);
            },
            Qt::DirectConnection);
        const ScanSummary s = scan(scanner);
        QVERIFY(pulled);
        QCOMPARE(s.offline, QStringList { m_drive });
        QVERIFY(s.totals.updated < kPhotos); // the drive went away before the scan read them all
        QCOMPARE(states().value(PhotoState::Missing), 0);
        QCOMPARE(states().value(PhotoState::Error), 0);
        QCOMPARE(states().value(PhotoState::Ok), kPhotos);

        QVERIFY(QDir().rename(away, m_drive));
        Scanner again(m_lib);
        const ScanSummary resumed = scan(again);
        QVERIFY(resumed.offline.isEmpty());
        QCOMPARE(resumed.totals.updated + s.totals.updated, qint64(kPhotos));
    }

    void fileDeletedNextToOthersIsStillMissing()
    {
        QVERIFY(QFile::remove(photo(3)));
        Scanner scanner(m_lib);
        const ScanSummary s = scan(scanner);
        QVERIFY(s.offline.isEmpty());
        QCOMPARE(states().value(PhotoState::Missing), 1);
        QCOMPARE(states().value(PhotoState::Ok), kPhotos - 1);
    }
};

QTEST_GUILESS_MAIN(TestScanOffline)
#include "tst_scanoffline.moc"
