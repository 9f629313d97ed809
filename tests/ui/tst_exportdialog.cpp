// The Export dialog: runs the export off the UI thread with a progress bar, and Cancel stops it.
#include "catalog/photostore.h"
#include "scan/scanner.h"
#include "shell/exportdialog.h"
#include "support/exiffixture.h"
#include "support/testlibrary.h"

#include <QDir>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestExportDialog : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestLibrary> m_tmp;
    QVector<qint64> m_ids;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_tmp = std::make_unique<TestLibrary>();
        QVERIFY2(m_tmp->isOpen(), qPrintable(m_tmp->error()));
        const QString photos = m_tmp->filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(photos));
        for (int i = 0; i < 6; ++i)
            QVERIFY(writeFile(photos + QStringLiteral("/p%1.jpg").arg(i), jpegWithExif(markedImage(400, 300), {})));
        Scanner scanner(m_tmp->path());
        scanner.setWriteThumbnails(false);
        QCOMPARE(scanner.scan({ QFile::encodeName(photos) }).totals.added, qint64(6));
        m_ids.clear();
        for (int i = 0; i < 6; ++i)
            m_ids << PhotoStore(m_tmp->path())
                         .photoByPath(QFile::encodeName(photos + QStringLiteral("/p%1.jpg").arg(i)))
                         ->id;
    }
    void cleanup() { m_tmp.reset(); }

    void exportRunsWithProgressToTheEnd()
    {
        ExportDialog dialog(m_tmp->path(), m_ids);
        const QString out = m_tmp->filePath(QStringLiteral("out"));
        dialog.setFolder(out);
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(dialog.report().files.size(), 6);
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), 6);
        QTRY_COMPARE(dialog.findChild<QProgressBar*>()->value(), 6);
    }

    void cancelStopsARunningExport()
    {
        ExportDialog dialog(m_tmp->path(), m_ids);
        dialog.setFolder(m_tmp->filePath(QStringLiteral("out")));
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        dialog.start();
        dialog.reject(); // Cancel while it runs: stops before the next photo, the dialog stays open
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        // Six exports cannot all finish before the next statement here: the cancel lands in between.
        QVERIFY(dialog.report().cancelled);
        QVERIFY(dialog.report().files.size() < 6);
        QCOMPARE(QDir(m_tmp->filePath(QStringLiteral("out"))).entryList(QDir::Files).size(),
            int(dialog.report().files.size()));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
