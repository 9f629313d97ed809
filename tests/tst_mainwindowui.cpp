// GUI tests of the desktop app under the offscreen platform: what a user does, what a user sees.
#include "appsettings.h"
#include "database.h"
#include "gridpage.h"
#include "importcontroller.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "photogridview.h"
#include "photolistmodel.h"
#include "screenshotrunner.h"
#include "sidebar.h"
#include "timelinepage.h"
#include "timelinescrubber.h"
#include "tuning.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QMimeData>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace shoebox;

namespace {

const QString kPhotos = QStringLiteral(SHOEBOX_TEST_DATA "/darknet");

// Copies the test photos to dir; each gets a modification time in its own month of 2019 so that
// the timeline has several sections.
int copyPhotos(const QString& dir)
{
    QDir().mkpath(dir);
    int n = 0;
    for (const QFileInfo& f : QDir(kPhotos).entryInfoList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name)) {
        const QString target = dir + QLatin1Char('/') + f.fileName();
        QFile::copy(f.filePath(), target);
        QFile out(target);
        out.open(QIODevice::ReadWrite);
        out.setFileTime(QDateTime(QDate(2019, 1 + n, 10), QTime(12, 0)), QFileDevice::FileModificationTime);
        ++n;
    }
    return n;
}

void drop(QWidget* target, const QStringList& paths)
{
    QList<QUrl> urls;
    for (const QString& p : paths)
        urls.append(QUrl::fromLocalFile(p));
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
}

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

}  // namespace

class TestMainWindowUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("shoebox-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowui"));
        if (!QDir(kPhotos).exists())
            QSKIP("test photos missing (scripts/fetch-test-photos.sh)");
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_library = m_dir.filePath(QStringLiteral("lib-%1.db").arg(++m_count));
        QString error;
        QVERIFY2(Database::open(m_library, &error), qPrintable(error));
        AppSettings::setLanguage(QStringLiteral("en"));
    }

    void emptyLibraryInvitesToDropAndDroppedFolderIsIndexed()
    {
        AppSettings::setImportMode(AppSettings::ImportMode::IndexInPlace);
        const QString photos = m_dir.filePath(QStringLiteral("drop-%1").arg(m_count));
        const int n = copyPhotos(photos);
        LanguageManager languages;
        languages.setLanguage(QStringLiteral("en"));
        MainWindow window(m_library, &languages);
        window.show();
        QVERIFY(ScreenshotRunner::waitUntilSettled(window, 10000));
        QVERIFY(window.findChild<QWidget*>(QStringLiteral("chooseFolders"))->isVisible());

        drop(&window, {photos});
        QTRY_COMPARE_WITH_TIMEOUT(window.gridModel()->rowCount(), n, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.isSettled(), 30000);
        QVERIFY(!window.findChild<QWidget*>(QStringLiteral("chooseFolders"))->isVisible());
        QVERIFY(window.gridPage()->view()->isVisible());
    }

    void copyImportArrangesByDateAndReportsExactDuplicates()
    {
        AppSettings::setImportMode(AppSettings::ImportMode::CopyByDate);
        const QString libraryFolder = m_dir.filePath(QStringLiteral("Library-%1").arg(m_count));
        AppSettings::setImportFolder(libraryFolder);
        const QString photos = m_dir.filePath(QStringLiteral("camera-%1").arg(m_count));
        const int n = copyPhotos(photos);
        LanguageManager languages;
        MainWindow window(m_library, &languages);
        window.show();
        drop(&window, {photos});
        QTRY_COMPARE_WITH_TIMEOUT(window.gridModel()->rowCount(), n, 30000);
        // Every photo sits in YEAR/MONTH below the library folder, with its bytes unchanged.
        QHash<QByteArray, QString> copies;
        for (QDirIterator it(libraryFolder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
            const QString path = it.next();
            QVERIFY2(QRegularExpression(QStringLiteral("/\\d{4}/\\d{2}/[^/]+$")).match(path).hasMatch(), qPrintable(path));
            copies.insert(fileHash(path), path);
        }
        for (const QFileInfo& f : QDir(photos).entryInfoList(QDir::Files))
            QVERIFY2(copies.contains(fileHash(f.filePath())), qPrintable(f.fileName()));

        QTRY_VERIFY_WITH_TIMEOUT(!window.importController()->isBusy(), 30000);
        QSignalSpy skipped(window.importController(), &ImportController::duplicatesSkipped);
        drop(&window, {photos});
        QTRY_COMPARE_WITH_TIMEOUT(skipped.size(), 1, 30000);
        QCOMPARE(skipped.first().first().value<QList<ImportDuplicate>>().size(), n);
        QTRY_VERIFY_WITH_TIMEOUT(!window.importController()->isBusy(), 30000);
        int files = 0;
        for (QDirIterator it(libraryFolder, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
            ++files;
        QCOMPARE(files, n);
        QCOMPARE(window.gridModel()->rowCount(), n);
    }

    void scrubbingTimelineJumpsToTheMonthUnderThePointer()
    {
        AppSettings::setImportMode(AppSettings::ImportMode::IndexInPlace);
        const QString photos = m_dir.filePath(QStringLiteral("months-%1").arg(m_count));
        const int n = copyPhotos(photos);
        LanguageManager languages;
        MainWindow window(m_library, &languages);
        window.resize(900, 500);
        window.show();
        window.importController()->import({photos});
        QTRY_COMPARE_WITH_TIMEOUT(window.timelineModel()->rowCount(), n, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.timelineModel()->buckets().size() >= 4, 30000);
        window.showView(MainWindow::View::Timeline);
        TimelineScrubber* scrubber = window.timelinePage()->scrubber();
        PhotoGridView* view = window.timelinePage()->view();
        QTRY_VERIFY(view->isVisible());
        // The photos span several months (file times set above, EXIF dates where a photo has them).
        const int bucket = 2;
        const QPoint at(scrubber->width() / 2, scrubber->yOfBucket(bucket) + 1);
        QCOMPARE(scrubber->bucketAt(at.y()), bucket);
        QTest::mouseClick(scrubber, Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(view->topSection(), bucket);
        // The section at the top of the grid is the month the scrubber named there.
        const TimelineBucket& month = window.timelineModel()->buckets().at(bucket);
        const QRect first = view->visualRect(view->model()->index(int(month.firstIndex), 0));
        QVERIFY(first.top() >= tuning::kMonthHeaderHeight && first.top() <= tuning::kYearHeaderHeight);
        QCOMPARE(scrubber->currentBucket(), bucket);
    }

    void switchingLanguageRetranslatesAtOnce()
    {
        LanguageManager languages;
        languages.setLanguage(QStringLiteral("en"));
        MainWindow window(m_library, &languages);
        window.show();
        auto* sidebar = window.findChild<Sidebar*>();
        QVERIFY(sidebar);
        QCOMPARE(sidebar->topLevelItem(0)->child(0)->text(0), QStringLiteral("All Photos"));
        languages.setLanguage(QStringLiteral("de"));
        QTRY_COMPARE(sidebar->topLevelItem(0)->child(0)->text(0), QStringLiteral("Alle Fotos"));
        languages.setLanguage(QStringLiteral("zh_CN"));
        QTRY_COMPARE(sidebar->topLevelItem(0)->child(0)->text(0), QStringLiteral("所有照片"));
        languages.setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(sidebar->topLevelItem(0)->child(0)->text(0), QStringLiteral("All Photos"));
    }

private:
    QTemporaryDir m_dir;
    QString m_library;
    int m_count = 0;
};

QTEST_MAIN(TestMainWindowUi)
#include "tst_mainwindowui.moc"
