// The Shoebox window as a person uses it, under the offscreen platform: drop folders to import them,
// switch the language and see tag names change at once, scrub the timeline to a month, search in
// Chinese. HOME, XDG folders and settings point into a temporary folder, never at the user's.
#include "catalog/photostore.h"
#include "pages/tagbrowserpage.h"
#include "pages/timelinepage.h"
#include "pages/timelinescrubber.h"
#include "scan/scanner.h"
#include "shell/appsettings.h"
#include "shell/importcontroller.h"
#include "shell/jobprogresswidget.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/searchbar.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"
#include "support/testtimeout.h"
#include "tags/tagstore.h"
#include "thumbnailview/photogridview.h"
#include "thumbnailview/photolistmodel.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QInputMethodEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

namespace {
const QString kDarknet = QStringLiteral(SHOEBOX_TEST_DATA "/darknet");
const QString kBuildModels = QStringLiteral(SHOEBOX_BINARY_DIR "/models");
constexpr int kImportTimeoutMs = 300000; // tagging 7 photos on a busy CPU
// Rows and thumbnails settling after the import: seconds, more under sanitizers (scaled).
const int kSettleTimeoutMs = shoebox::test::scaledTimeoutMs(10000);

bool hasModel()
{
#ifdef SHOEBOX_WITH_TORCH
    return QFile::exists(kBuildModels + QStringLiteral("/models.json"));
#else
    return false; // built without libtorch: the app does not tag
#endif
}

QStringList tagNames(const TagBrowserPage* page)
{
    QStringList names;
    for (int i = 0; i < page->list()->topLevelItemCount(); ++i)
        names << page->list()->topLevelItem(i)->text(0);
    return names;
}

// Drops urls on target as a person would; both events must be accepted.
void drop(QWidget* target, const QList<QUrl>& urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint centre = target->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
    QVERIFY(dropped.isAccepted());
}

QStringList shownFileNames(MainWindow& window, const QString& library)
{
    QStringList files;
    const PhotoStore store(library);
    for (int row = 0; row < window.gridModel()->rowCount(); ++row)
        files << QFileInfo(store.photoById(window.gridModel()->photoId(row))->displayPath).fileName();
    return files;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void droppedFolderIsIndexedAndShownInGrid();
    void switchingLanguageRenamesTagsWithoutRestart();
    void scrubbingTimelineJumpsToTheMonthUnderThePointer();
    void searchingInChineseFindsTheDog();
    void renamingATagShowsAndFindsTheNewName();
    void droppingAnOutsideImageOnSearchFindsSimilarPhotos();
    void copyImportReportsExactDuplicatesAndDoesNotCopyThem();
    void cancelStopsTheImportAndKeepsWhatWasIndexed();

private:
    bool indexDarknet();
    qint64 indexDarknetWithACat();
    QString m_library;
    QTemporaryDir m_home; // settings, thumbnails and models of the whole test
    std::unique_ptr<TestLibrary> m_tmp; // the slot's library and folders
    LanguageManager* m_languages = nullptr;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Thumbnails, trash, settings and models of this test stay inside the temporary folder.
    for (const char* var : { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" }) {
        const QString dir = m_home.filePath(QString::fromLatin1(var));
        QVERIFY(QDir().mkpath(dir));
        qputenv(var, QFile::encodeName(dir));
    }
    qputenv("SHOEBOX_MODELS", QFile::encodeName(hasModel() ? kBuildModels : m_home.filePath(QStringLiteral("none"))));
    QStandardPaths::setTestModeEnabled(true);
    m_languages = new LanguageManager(this);
}

// Every slot starts in English with default import settings and an empty library of its own.
void TestMainWindow::init()
{
    AppSettings::setImportMode(AppSettings::ImportMode::IndexInPlace);
    AppSettings::setDevice(AppSettings::Device::Cpu);
    m_languages->setLanguage(QStringLiteral("en"));
    m_tmp = std::make_unique<TestLibrary>();
    QVERIFY2(m_tmp->isOpen(), qPrintable(m_tmp->error()));
    m_library = m_tmp->path();
}

void TestMainWindow::cleanup()
{
    m_tmp.reset();
}

// The seven darknet photos in the slot's library, scanned without tagging (no window needed).
bool TestMainWindow::indexDarknet()
{
    Scanner scanner(m_library);
    scanner.setWriteThumbnails(false);
    return scanner.scan({ QFile::encodeName(kDarknet) }).totals.added == 7;
}

// The darknet photos with the newest one tagged "cat" by hand; its id, or 0 when that failed.
qint64 TestMainWindow::indexDarknetWithACat()
{
    if (!indexDarknet())
        return 0;
    const qint64 newest = PhotoStore(m_library).photoIdsByDate().value(0);
    return TagStore(m_library).addManualTag(newest, QStringLiteral("cat")) ? newest : 0;
}

void TestMainWindow::droppedFolderIsIndexedAndShownInGrid()
{
    if (!QDir(kDarknet).exists())
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    MainWindow window(m_library, m_languages);
    window.show();
    QTRY_VERIFY(window.isSettled());
    QCOMPARE(window.gridModel()->rowCount(), 0);

    QSignalSpy started(window.importController(), &ImportController::jobStarted);
    QSignalSpy idle(window.importController(), &ImportController::idle);
    drop(&window, { QUrl::fromLocalFile(kDarknet) });
    if (QTest::currentTestFailed())
        return;

    // Photos appear while the import runs; the job strip goes away when it is done.
    QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), kImportTimeoutMs);
    QVERIFY(!started.isEmpty());
    QVERIFY(!window.importController()->isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(window.gridModel()->rowCount(), 7, kSettleTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.isSettled(), kSettleTimeoutMs);
    QVERIFY(!window.jobProgress()->isVisible());
}

void TestMainWindow::switchingLanguageRenamesTagsWithoutRestart()
{
    if (!QDir(kDarknet).exists())
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    QVERIFY(indexDarknetWithACat() > 0);
    MainWindow window(m_library, m_languages);
    window.show();
    window.showView(MainWindow::View::Tags);
    QTRY_VERIFY(window.isSettled());
    QTRY_VERIFY(tagNames(window.tagPage()).contains(QStringLiteral("cat")));
    const QString fileMenuEnglish = window.menuBar()->actions().first()->text();

    m_languages->setLanguage(QStringLiteral("de"));
    QTRY_VERIFY(tagNames(window.tagPage()).contains(QStringLiteral("Katze")));
    QVERIFY(!tagNames(window.tagPage()).contains(QStringLiteral("cat")));
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));

    m_languages->setLanguage(QStringLiteral("ja"));
    QTRY_VERIFY(tagNames(window.tagPage()).contains(QStringLiteral("猫")));
    m_languages->setLanguage(QStringLiteral("en"));
    QTRY_VERIFY(tagNames(window.tagPage()).contains(QStringLiteral("cat")));
    QCOMPARE(window.menuBar()->actions().first()->text(), fileMenuEnglish);
}

void TestMainWindow::scrubbingTimelineJumpsToTheMonthUnderThePointer()
{
    // Its own catalog: 36 months of photos and some without a capture time.
    PhotoStore store(m_library);
    QVERIFY(store.begin());
    for (int i = 0; i < 3600; ++i) {
        PhotoFixture photo = numberedPhoto(i);
        if (i % 50 != 0)
            photo.takenAt(QDateTime(QDate(2015, 1, 1).addMonths(i % 36), QTime(12, 0)).addDays(i % 27));
        QVERIFY(photo.saveTo(store) > 0);
    }
    QVERIFY(store.commit());

    MainWindow window(m_library, m_languages);
    window.resize(1200, 800);
    window.show();
    window.showView(MainWindow::View::Timeline);
    QTRY_VERIFY(window.isSettled());
    TimelineScrubber* scrubber = window.timelinePage()->scrubber();
    const QList<TimelineBucket>& buckets = window.timelineModel()->buckets();
    QCOMPARE(buckets.size(), 37);
    QCOMPARE(buckets.last().year, 0); // the undated photos, last, not in 1970
    QCOMPARE(buckets.last().count, 72);

    const int target = 20;
    const int y = (scrubber->yOfBucket(target) + scrubber->yOfBucket(target + 1)) / 2;
    QCOMPARE(scrubber->bucketAt(y), target);
    QTest::mouseClick(scrubber, Qt::LeftButton, {}, QPoint(scrubber->width() / 2, y));
    PhotoGridView* view = window.timelinePage()->view();
    QTRY_COMPARE(view->topSection(), target);
    QCOMPARE(scrubber->currentBucket(), target);
    // The first photo of that month is what the grid shows at its top.
    const QModelIndex top = view->indexAt(QPoint(view->viewport()->width() / 4, 60));
    QVERIFY(top.isValid());
    QCOMPARE(view->sectionOfRow(top.row()), target);
}

void TestMainWindow::searchingInChineseFindsTheDog()
{
    if (!hasModel())
        QSKIP("default model not installed in the build tree (scripts/install-model.sh)");
    if (!QDir(kDarknet).exists())
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    MainWindow window(m_library, m_languages);
    window.show();
    QTRY_VERIFY(window.isSettled());
    // Imported through the window, so the photos are tagged by the model.
    QSignalSpy idle(window.importController(), &ImportController::idle);
    window.importController()->import({ kDarknet });
    QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), kImportTimeoutMs);
    QTRY_VERIFY(window.isSettled());
    SearchBar* bar = window.searchBar();
    bar->setFocus();
    // Chinese arrives from an input method as a committed string, not as key presses.
    QInputMethodEvent typed;
    typed.setCommitString(QStringLiteral("狗"));
    QApplication::sendEvent(bar, &typed);
    QCOMPARE(bar->text(), QStringLiteral("狗"));
    QTRY_VERIFY(bar->completions().contains(QStringLiteral("狗")));
    QTest::keyClick(bar, Qt::Key_Return);
    QTRY_VERIFY(window.gridModel()->isFiltered());
    QTRY_VERIFY(window.isSettled());
    const QStringList files = shownFileNames(window, m_library);
    QVERIFY2(files.contains(QStringLiteral("dog.jpg")), qPrintable(files.join(QLatin1Char(' '))));
    QVERIFY2(!files.contains(QStringLiteral("eagle.jpg")), qPrintable(files.join(QLatin1Char(' '))));

    bar->clear();
    QTRY_VERIFY(!window.gridModel()->isFiltered());
    QTRY_COMPARE(window.gridModel()->rowCount(), 7);
}

void TestMainWindow::renamingATagShowsAndFindsTheNewName()
{
    if (!QDir(kDarknet).exists())
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    const qint64 photo = indexDarknetWithACat();
    QVERIFY(photo > 0);
    MainWindow window(m_library, m_languages);
    window.show();
    window.showView(MainWindow::View::Tags);
    QTRY_VERIFY(window.isSettled());
    QTRY_VERIFY(tagNames(window.tagPage()).contains(QStringLiteral("cat")));
    qint64 cat = 0;
    for (const TagCount& t : window.tagPage()->tags())
        cat = t.key == QLatin1String("cat") ? t.tagId : cat;
    QVERIFY(cat != 0);
    QVERIFY(window.tagPage()->renameTag(cat, QStringLiteral("kitty")));
    QTRY_VERIFY(tagNames(window.tagPage()).contains(QStringLiteral("kitty")));
    QVERIFY(!tagNames(window.tagPage()).contains(QStringLiteral("cat")));

    window.searchBar()->setText(QStringLiteral("kitty"));
    window.searchBar()->search(QStringLiteral("kitty"));
    QTRY_VERIFY(window.gridModel()->isFiltered());
    QTRY_COMPARE(window.gridModel()->rowCount(), 1);
    QCOMPARE(window.gridModel()->photoId(0), photo);
    QCOMPARE(window.currentView(), MainWindow::View::Grid);
}

void TestMainWindow::droppingAnOutsideImageOnSearchFindsSimilarPhotos()
{
    if (!QDir(kDarknet).exists())
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    QVERIFY(indexDarknet());
    // An outside file: a half-size copy of the dog photo that is not in the library.
    const QString outside = m_tmp->filePath(QStringLiteral("outside/dog half.png"));
    QVERIFY(QDir().mkpath(QFileInfo(outside).path()));
    const QImage dog(kDarknet + QStringLiteral("/dog.jpg"));
    QVERIFY(dog.scaled(dog.size() / 2).save(outside));
    MainWindow window(m_library, m_languages);
    window.show();
    QTRY_VERIFY(window.isSettled());

    drop(window.searchBar(), { QUrl::fromLocalFile(outside) });
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(window.gridModel()->isFiltered());
    QTRY_VERIFY(window.isSettled());
    const QStringList files = shownFileNames(window, m_library);
    QCOMPARE(files, QStringList { QStringLiteral("dog.jpg") });
}

void TestMainWindow::copyImportReportsExactDuplicatesAndDoesNotCopyThem()
{
    if (!QDir(kDarknet).exists())
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    QVERIFY(indexDarknet());
    // A card with one photo the library already has (same bytes) and one new photo.
    const QString card = m_tmp->filePath(QStringLiteral("card"));
    QVERIFY(QDir().mkpath(card));
    QVERIFY(QFile::copy(kDarknet + QStringLiteral("/eagle.jpg"), card + QStringLiteral("/IMG_0001.jpg")));
    const QImage eagle(kDarknet + QStringLiteral("/eagle.jpg"));
    QVERIFY(eagle.mirrored(true, false).save(card + QStringLiteral("/IMG_0002.png")));
    const QString pictures = m_tmp->filePath(QStringLiteral("Pictures"));
    AppSettings::setImportFolder(pictures);
    AppSettings::setImportMode(AppSettings::ImportMode::CopyByDate);
    const qint64 before = PhotoStore(m_library).photoIdsByDate().size();

    MainWindow window(m_library, m_languages);
    window.show();
    QTRY_VERIFY(window.isSettled());
    QSignalSpy skipped(window.importController(), &ImportController::duplicatesSkipped);
    QSignalSpy idle(window.importController(), &ImportController::idle);
    drop(&window, { QUrl::fromLocalFile(card) });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(AppSettings::importMode(), AppSettings::ImportMode::CopyByDate);
    QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), kImportTimeoutMs);
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped.first().first().value<QList<ImportDuplicate>>().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QMessageBox*>(QStringLiteral("duplicatesNotice")), 60000);

    QStringList copied;
    for (QDirIterator it(pictures, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        copied << QFileInfo(it.next()).fileName();
    QCOMPARE(copied, QStringList { QStringLiteral("IMG_0002.png") });
    QTRY_COMPARE(qint64(window.gridModel()->rowCount()), before + 1);
    QFile::remove(card + QStringLiteral("/IMG_0001.jpg")); // the original is untouched
}

void TestMainWindow::cancelStopsTheImportAndKeepsWhatWasIndexed()
{
    const QString skimage = QStringLiteral(SHOEBOX_TEST_DATA "/skimage");
    if (!QDir(skimage).exists())
        QSKIP("skimage photos missing (scripts/fetch-test-photos.sh)");
    MainWindow window(m_library, m_languages);
    window.show();
    QTRY_VERIFY(window.isSettled());
    QSignalSpy finished(window.importController(), &ImportController::jobFinished);
    QSignalSpy idle(window.importController(), &ImportController::idle);
    window.importController()->import({ skimage, QStringLiteral(SHOEBOX_TEST_DATA "/backgrounds") });
    QTRY_VERIFY(window.jobProgress()->isRunning());
    QTest::mouseClick(window.jobProgress()->findChild<QWidget*>(QStringLiteral("cancelJob")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 60000);
    QVERIFY(!window.importController()->isBusy());
    QVERIFY(!finished.isEmpty());
    const QString summary = finished.last().first().toString();
    QVERIFY2(summary.contains(QStringLiteral("cancel"), Qt::CaseInsensitive), qPrintable(summary));
    // What was indexed before the cancel stays, and shows.
    QTRY_VERIFY(window.isSettled());
    QCOMPARE(qint64(window.gridModel()->rowCount()), qint64(PhotoStore(m_library).photoIdsByDate().size()));
    QVERIFY(!window.jobProgress()->isRunning());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
