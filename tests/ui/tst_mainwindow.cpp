// The Shoebox window as a person uses it, under the offscreen platform: drop folders to import them,
// switch the language and see tag names change at once, scrub the timeline to a month, search in
// Chinese. HOME, XDG folders and settings point into a temporary folder, never at the user's.
#include "shell/appsettings.h"
#include "catalog/database.h"
#include "shell/importcontroller.h"
#include "shell/jobprogresswidget.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "thumbnailview/photogridview.h"
#include "thumbnailview/photolistmodel.h"
#include "catalog/photostore.h"
#include "shell/searchbar.h"
#include "pages/tagbrowserpage.h"
#include "tags/tagstore.h"
#include "pages/timelinepage.h"
#include "pages/timelinescrubber.h"

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

using namespace shoebox;

namespace {
const QString kDarknet = QStringLiteral(SHOEBOX_TEST_DATA "/darknet");
const QString kBuildModels = QStringLiteral(SHOEBOX_BINARY_DIR "/models");
constexpr int kImportTimeoutMs = 300000; // tagging 7 photos on a busy CPU

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
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void droppedFolderIsIndexedAndShownInGrid();
    void switchingLanguageRenamesTagsWithoutRestart();
    void scrubbingTimelineJumpsToTheMonthUnderThePointer();
    void searchingInChineseFindsTheDog();
    void renamingATagShowsAndFindsTheNewName();
    void droppingAnOutsideImageOnSearchFindsSimilarPhotos();
    void copyImportReportsExactDuplicatesAndDoesNotCopyThem();
    void cancelStopsTheImportAndKeepsWhatWasIndexed();

private:
    QString m_library;
    QTemporaryDir m_tmp;
    LanguageManager* m_languages = nullptr;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // Thumbnails, trash, settings and models of this test stay inside the temporary folder.
    for (const char* var : { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" }) {
        const QString dir = m_tmp.filePath(QString::fromLatin1(var));
        QVERIFY(QDir().mkpath(dir));
        qputenv(var, QFile::encodeName(dir));
    }
    qputenv("SHOEBOX_MODELS", QFile::encodeName(hasModel() ? kBuildModels : m_tmp.filePath(QStringLiteral("none"))));
    QStandardPaths::setTestModeEnabled(true);
    AppSettings::setImportMode(AppSettings::ImportMode::IndexInPlace);
    AppSettings::setDevice(AppSettings::Device::Cpu);
    m_library = m_tmp.filePath(QStringLiteral("library.db"));
    QString error;
    QVERIFY2(Database::open(m_library, &error), qPrintable(error));
    m_languages = new LanguageManager(this);
    m_languages->setLanguage(QStringLiteral("en"));
}

void TestMainWindow::droppedFolderIsIndexedAndShownInGrid()
{
    if (!QDir(kDarknet).exists())
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    MainWindow window(m_library, m_languages);
    window.show();
    QTRY_VERIFY(window.isSettled());
    QCOMPARE(window.gridModel()->rowCount(), 0);

    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(kDarknet) });
    const QPoint centre = window.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());

    // Photos appear while the import runs; the job strip goes away when it is done.
    QTRY_VERIFY_WITH_TIMEOUT(window.importController()->isBusy(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.importController()->isBusy(), kImportTimeoutMs);
    QTRY_COMPARE(window.gridModel()->rowCount(), 7);
    QTRY_VERIFY(window.isSettled());
    QVERIFY(!window.jobProgress()->isVisible());
}

void TestMainWindow::switchingLanguageRenamesTagsWithoutRestart()
{
    const QVector<qint64> ids = PhotoStore(m_library).photoIdsByDate();
    if (ids.isEmpty())
        QSKIP("needs the photos imported by droppedFolderIsIndexedAndShownInGrid");
    QVERIFY(TagStore(m_library).addManualTag(ids.first(), QStringLiteral("cat")));
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
    const QString library = m_tmp.filePath(QStringLiteral("timeline.db"));
    QString error;
    QVERIFY2(Database::open(library, &error), qPrintable(error));
    PhotoStore store(library);
    store.begin();
    for (int i = 0; i < 3600; ++i) {
        PhotoRecord r;
        r.path = "/synthetic/IMG_" + QByteArray::number(i) + ".jpg";
        r.displayPath = QString::fromLatin1(r.path);
        r.size = 1000 + i;
        r.contentHash = QByteArray::number(i).leftJustified(16, '0');
        if (i % 50 != 0) {
            r.meta.takenAt = QDateTime(QDate(2015, 1, 1).addMonths(i % 36), QTime(12, 0)).addDays(i % 27);
            r.meta.takenSource = QStringLiteral("exif");
        }
        r.meta.width = 400;
        r.meta.height = 300;
        store.save(r, {});
    }
    QVERIFY(store.commit());

    MainWindow window(library, m_languages);
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
    if (PhotoStore(m_library).photoIdsByDate().isEmpty())
        QSKIP("needs the photos imported by droppedFolderIsIndexedAndShownInGrid");
    MainWindow window(m_library, m_languages);
    window.show();
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
    QStringList files;
    const PhotoStore store(m_library);
    for (int row = 0; row < window.gridModel()->rowCount(); ++row)
        files << QFileInfo(store.photoById(window.gridModel()->photoId(row))->displayPath).fileName();
    QVERIFY2(files.contains(QStringLiteral("dog.jpg")), qPrintable(files.join(QLatin1Char(' '))));
    QVERIFY2(!files.contains(QStringLiteral("eagle.jpg")), qPrintable(files.join(QLatin1Char(' '))));

    bar->clear();
    QTRY_VERIFY(!window.gridModel()->isFiltered());
    QTRY_COMPARE(window.gridModel()->rowCount(), 7);
}

void TestMainWindow::renamingATagShowsAndFindsTheNewName()
{
    const QVector<qint64> ids = PhotoStore(m_library).photoIdsByDate();
    if (ids.isEmpty())
        QSKIP("needs the photos imported by droppedFolderIsIndexedAndShownInGrid");
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
    QCOMPARE(window.gridModel()->photoId(0), ids.first());
    QCOMPARE(window.currentView(), MainWindow::View::Grid);
}

void TestMainWindow::droppingAnOutsideImageOnSearchFindsSimilarPhotos()
{
    if (PhotoStore(m_library).photoIdsByDate().isEmpty())
        QSKIP("needs the photos imported by droppedFolderIsIndexedAndShownInGrid");
    // An outside file: a half-size copy of the dog photo that is not in the library.
    const QString outside = m_tmp.filePath(QStringLiteral("outside/dog half.png"));
    QVERIFY(QDir().mkpath(QFileInfo(outside).path()));
    const QImage dog(kDarknet + QStringLiteral("/dog.jpg"));
    QVERIFY(dog.scaled(dog.size() / 2).save(outside));
    MainWindow window(m_library, m_languages);
    window.show();
    QTRY_VERIFY(window.isSettled());

    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(outside) });
    SearchBar* bar = window.searchBar();
    QDragEnterEvent enter(bar->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(bar, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(bar->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(bar, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY(window.gridModel()->isFiltered());
    QTRY_VERIFY(window.isSettled());
    QStringList files;
    const PhotoStore store(m_library);
    for (int row = 0; row < window.gridModel()->rowCount(); ++row)
        files << QFileInfo(store.photoById(window.gridModel()->photoId(row))->displayPath).fileName();
    QVERIFY2(files.contains(QStringLiteral("dog.jpg")), qPrintable(files.join(QLatin1Char(' '))));
    QVERIFY(files.size() < 7);
}

void TestMainWindow::copyImportReportsExactDuplicatesAndDoesNotCopyThem()
{
    if (PhotoStore(m_library).photoIdsByDate().isEmpty())
        QSKIP("needs the photos imported by droppedFolderIsIndexedAndShownInGrid");
    // A card with one photo the library already has (same bytes) and one new photo.
    const QString card = m_tmp.filePath(QStringLiteral("card"));
    QVERIFY(QDir().mkpath(card));
    QVERIFY(QFile::copy(kDarknet + QStringLiteral("/eagle.jpg"), card + QStringLiteral("/IMG_0001.jpg")));
    const QImage eagle(kDarknet + QStringLiteral("/eagle.jpg"));
    QVERIFY(eagle.mirrored(true, false).save(card + QStringLiteral("/IMG_0002.png")));
    const QString pictures = m_tmp.filePath(QStringLiteral("Pictures"));
    AppSettings::setImportFolder(pictures);
    AppSettings::setImportMode(AppSettings::ImportMode::CopyByDate);
    const qint64 before = PhotoStore(m_library).photoIdsByDate().size();

    MainWindow window(m_library, m_languages);
    window.show();
    QTRY_VERIFY(window.isSettled());
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(card) });
    QDragEnterEvent enter(window.rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QDropEvent drop(window.rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(AppSettings::importMode(), AppSettings::ImportMode::CopyByDate);
    QTRY_VERIFY_WITH_TIMEOUT(window.importController()->isBusy(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QMessageBox*>(QStringLiteral("duplicatesNotice")), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.importController()->isBusy(), kImportTimeoutMs);
    AppSettings::setImportMode(AppSettings::ImportMode::IndexInPlace);

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
    const QString library = m_tmp.filePath(QStringLiteral("cancel.db"));
    QString error;
    QVERIFY2(Database::open(library, &error), qPrintable(error));
    MainWindow window(library, m_languages);
    window.show();
    QTRY_VERIFY(window.isSettled());
    QSignalSpy finished(window.importController(), &ImportController::jobFinished);
    window.importController()->import({skimage, QStringLiteral(SHOEBOX_TEST_DATA "/backgrounds")});
    QTRY_VERIFY(window.jobProgress()->isRunning());
    QTest::mouseClick(window.jobProgress()->findChild<QWidget*>(QStringLiteral("cancelJob")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.importController()->isBusy(), 60000);
    QVERIFY(!finished.isEmpty());
    const QString summary = finished.last().first().toString();
    QVERIFY2(summary.contains(QStringLiteral("cancel"), Qt::CaseInsensitive), qPrintable(summary));
    // What was indexed before the cancel stays, and shows.
    QTRY_VERIFY(window.isSettled());
    QCOMPARE(qint64(window.gridModel()->rowCount()), qint64(PhotoStore(library).photoIdsByDate().size()));
    QVERIFY(!window.jobProgress()->isRunning());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
