// Albums and marks in the window, as a person uses them under the offscreen platform: rate with the
// number keys, mark favourites and flags, undo, hide and find hidden photos again, drop photos onto an
// album in the sidebar, and a smart album that takes in photos of a new scan.
#include "albums/albumstore.h"
#include "albums/markstore.h"
#include "albums/organizer.h"
#include "pages/gridpage.h"
#include "pages/infopanel.h"
#include "shell/albumsection.h"
#include "shell/importcontroller.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/organizecontroller.h"
#include "shell/searchbar.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"
#include "thumbnailview/photogridview.h"
#include "thumbnailview/photolistmodel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestOrganizeWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void numberKeysRateTheSelection_data();
    void numberKeysRateTheSelection();
    void favouriteAndFlagKeysShowAsBadgesAndInfo();
    void undoARating();
    void hideAndShowHiddenPhotos();
    void dragPhotosOntoAnAlbum();
    void albumFromSelectionIsListedAndOpens();
    void smartAlbumUpdatesAfterANewScan();

private:
    // The window on the grid, settled, with row `row` selected and the grid focused.
    std::unique_ptr<MainWindow> openWindow(int row = 0);
    OrganizeController* controller(MainWindow& window) const
    {
        return window.findChild<OrganizeController*>(QStringLiteral("organizeController"));
    }
    QTemporaryDir m_home;
    std::unique_ptr<TestLibrary> m_tmp;
    QString m_library;
    LanguageManager* m_languages = nullptr;
};

void TestOrganizeWindow::initTestCase()
{
    QVERIFY(m_home.isValid());
    for (const char* var : { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" }) {
        const QString dir = m_home.filePath(QString::fromLatin1(var));
        QVERIFY(QDir().mkpath(dir));
        qputenv(var, QFile::encodeName(dir));
    }
    qputenv("SHOEBOX_MODELS", QFile::encodeName(m_home.filePath(QStringLiteral("none")))); // no tagging
    QStandardPaths::setTestModeEnabled(true);
    m_languages = new LanguageManager(this);
}

// Three photos, newest first in the grid: a, b, c.
void TestOrganizeWindow::init()
{
    m_languages->setLanguage(QStringLiteral("en"));
    m_tmp = std::make_unique<TestLibrary>();
    QVERIFY2(m_tmp->isOpen(), qPrintable(m_tmp->error()));
    m_library = m_tmp->path();
    int day = 20;
    for (const char* name : { "a", "b", "c" })
        QVERIFY(PhotoFixture(QStringLiteral("/p/%1.jpg").arg(QLatin1String(name)))
                    .takenAt(QDateTime(QDate(2023, 6, day--), QTime(9, 0)))
                    .saveTo(m_library)
            > 0);
}

void TestOrganizeWindow::cleanup()
{
    m_tmp.reset();
}

std::unique_ptr<MainWindow> TestOrganizeWindow::openWindow(int row)
{
    auto window = std::make_unique<MainWindow>(m_library, m_languages);
    window->show();
    [&] { QTRY_COMPARE(window->gridModel()->rowCount(), 3); }();
    PhotoGridView* view = window->gridPage()->view();
    view->setFocus();
    view->setCurrentIndex(window->gridModel()->index(row));
    view->selectionModel()->select(window->gridModel()->index(row), QItemSelectionModel::ClearAndSelect);
    return window;
}

void TestOrganizeWindow::numberKeysRateTheSelection_data()
{
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<int>("rating");
    QTest::newRow("4") << QList<int> { Qt::Key_4 } << 4;
    QTest::newRow("5 then 2") << QList<int> { Qt::Key_5, Qt::Key_2 } << 2;
    QTest::newRow("3 then 0 clears") << QList<int> { Qt::Key_3, Qt::Key_0 } << 0;
}

void TestOrganizeWindow::numberKeysRateTheSelection()
{
    QFETCH(QList<int>, keys);
    QFETCH(int, rating);
    auto window = openWindow(1);
    PhotoGridView* view = window->gridPage()->view();
    const qint64 b = window->gridModel()->photoId(1);
    for (int key : keys)
        QTest::keyClick(view, Qt::Key(key));
    QCOMPARE(MarkStore(m_library).marks(b).rating, rating);
    QTRY_COMPARE(window->gridModel()->index(1).data(PhotoListModel::RatingRole).toInt(), rating);
    QCOMPARE(MarkStore(m_library).marks(window->gridModel()->photoId(0)).rating, 0); // only the selection
}

void TestOrganizeWindow::favouriteAndFlagKeysShowAsBadgesAndInfo()
{
    auto window = openWindow(0);
    PhotoGridView* view = window->gridPage()->view();
    QTest::keyClick(view, Qt::Key_F);
    QTest::keyClick(view, Qt::Key_X);
    QTest::keyClick(view, Qt::Key_4);
    const QModelIndex a = window->gridModel()->index(0);
    QTRY_VERIFY(a.data(PhotoListModel::FavouriteRole).toBool());
    QCOMPARE(a.data(PhotoListModel::FlagRole).toInt(), -1);
    QTRY_VERIFY(window->infoPanel()->text().contains(QStringLiteral("★★★★☆")));
    QVERIFY(window->infoPanel()->text().contains(QStringLiteral("Favourite")));
    QVERIFY(window->infoPanel()->text().contains(QStringLiteral("Rejected")));
    QTest::keyClick(view, Qt::Key_P); // pick replaces reject
    QTRY_COMPARE(a.data(PhotoListModel::FlagRole).toInt(), 1);
    QTest::keyClick(view, Qt::Key_F); // the heart key toggles
    QTRY_VERIFY(!a.data(PhotoListModel::FavouriteRole).toBool());
}

void TestOrganizeWindow::undoARating()
{
    auto window = openWindow(2);
    PhotoGridView* view = window->gridPage()->view();
    const qint64 c = window->gridModel()->photoId(2);
    QAction* undo = controller(*window)->undoAction();
    QVERIFY(!undo->isEnabled());
    QTest::keyClick(view, Qt::Key_3);
    QTest::keyClick(view, Qt::Key_5);
    QVERIFY(undo->isEnabled());
    QVERIFY(undo->text().contains(QStringLiteral("Rating")));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(MarkStore(m_library).marks(c).rating, 3);
    QTRY_COMPARE(window->gridModel()->index(2).data(PhotoListModel::RatingRole).toInt(), 3);
    undo->trigger();
    QCOMPARE(MarkStore(m_library).marks(c).rating, 0);
    QVERIFY(!undo->isEnabled());
}

void TestOrganizeWindow::hideAndShowHiddenPhotos()
{
    auto window = openWindow(1);
    const qint64 b = window->gridModel()->photoId(1);
    QTest::keyClick(window->gridPage()->view(), Qt::Key_H);
    QVERIFY(MarkStore(m_library).marks(b).hidden);
    QTRY_COMPARE(window->gridModel()->rowCount(), 2); // gone from All Photos
    QVERIFY(window->gridModel()->rowOfId(b) < 0);

    AlbumSection* albums = controller(*window)->albums();
    albums->itemOf(-1)->treeWidget()->setCurrentItem(albums->itemOf(-1)); // the sidebar's Hidden
    QTRY_COMPARE(window->gridModel()->rowCount(), 1);
    QCOMPARE(window->gridModel()->photoId(0), b);
    QCOMPARE(window->searchBar()->text(), QStringLiteral("hidden"));

    PhotoGridView* view = window->gridPage()->view();
    view->setFocus();
    view->setCurrentIndex(window->gridModel()->index(0));
    QTest::keyClick(view, Qt::Key_H); // shows it again: it leaves Hidden
    QVERIFY(!MarkStore(m_library).marks(b).hidden);
    QTRY_COMPARE(window->gridModel()->rowCount(), 0);
    window->searchBar()->search(QString()); // back to All Photos
    QTRY_COMPARE(window->gridModel()->rowCount(), 3);
}

void TestOrganizeWindow::dragPhotosOntoAnAlbum()
{
    const qint64 album = AlbumStore(m_library).createAlbum(QStringLiteral("Travel / Japan"));
    auto window = openWindow(0);
    OrganizeController* organize = controller(*window);
    QTreeWidgetItem* item = organize->albums()->itemOf(album);
    QVERIFY(item);
    QTreeWidget* tree = item->treeWidget();
    PhotoListModel* model = window->gridModel();
    std::unique_ptr<QMimeData> mime(model->mimeData({ model->index(0), model->index(2) }));
    const QPoint at = tree->visualItemRect(item).center();
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent dropped(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &dropped);
    QVERIFY(dropped.isAccepted());
    QCOMPARE(AlbumStore(m_library).photosOf(album), QVector<qint64>({ model->photoId(0), model->photoId(2) }));
    QCOMPARE(organize->albums()->itemOf(album)->text(1), QStringLiteral("2"));
    // A drop beside the albums is refused.
    QDropEvent outside(
        QPoint(2, tree->viewport()->height() - 2), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &outside);
    QVERIFY(!outside.isAccepted());
    // Undo takes the dropped photos out again.
    organize->undoAction()->trigger();
    QVERIFY(AlbumStore(m_library).photosOf(album).isEmpty());
}

void TestOrganizeWindow::albumFromSelectionIsListedAndOpens()
{
    auto window = openWindow(1);
    OrganizeController* organize = controller(*window);
    const qint64 id = organize->createAlbumFromSelection(QStringLiteral("Family / Summer"));
    QVERIFY(id > 0);
    QTreeWidgetItem* item = organize->albums()->itemOf(id);
    QVERIFY(item);
    QCOMPARE(item->text(0), QStringLiteral("Summer"));
    QCOMPARE(item->parent()->text(0), QStringLiteral("Family"));
    const qint64 b = window->gridModel()->photoId(1);
    item->treeWidget()->setCurrentItem(item);
    QTRY_COMPARE(window->gridModel()->rowCount(), 1);
    QCOMPARE(window->gridModel()->photoId(0), b);
    QTRY_COMPARE(item->treeWidget()->currentItem(), organize->albums()->itemOf(id)); // stays selected
    QTreeWidget* sidebar = item->treeWidget();
    sidebar->setCurrentItem(sidebar->topLevelItem(0)->child(0)); // All Photos leaves the album
    QTRY_COMPARE(window->gridModel()->rowCount(), 3);
    QVERIFY(window->searchBar()->text().isEmpty());
}

void TestOrganizeWindow::smartAlbumUpdatesAfterANewScan()
{
    const qint64 smart
        = AlbumStore(m_library).createSmartAlbum(QStringLiteral("Scanned"), QStringLiteral("type:photo"));
    auto window = openWindow(0);
    OrganizeController* organize = controller(*window);
    QCOMPARE(organize->albums()->itemOf(smart)->text(1), QStringLiteral("3"));
    organize->albums()->itemOf(smart)->treeWidget()->setCurrentItem(organize->albums()->itemOf(smart));
    QTRY_COMPARE(window->gridModel()->rowCount(), 3);

    const QString folder = m_tmp->filePath(QStringLiteral("new"));
    QVERIFY(QDir().mkpath(folder));
    cv::Mat m(60, 80, CV_8UC3, cv::Scalar(10, 200, 30));
    QVERIFY(cv::imwrite(QString(folder + QStringLiteral("/fresh.jpg")).toStdString(), m));
    QSignalSpy finished(window->importController(), &ImportController::jobFinished);
    window->importController()->scanInPlace({ folder });
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
    QTRY_COMPARE(organize->albums()->itemOf(smart)->text(1), QStringLiteral("4"));
    QTRY_COMPARE(window->gridModel()->rowCount(), 4); // the album on screen took it in too
}

QTEST_MAIN(TestOrganizeWindow)
#include "tst_organizewindow.moc"
