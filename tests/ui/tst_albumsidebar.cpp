// SPDX-License-Identifier: GPL-3.0-or-later
// The albums in the sidebar as a person sees them: each shows its cover photo (the first photo until
// one is chosen with Photo > Set as Album Cover), and its context menu's Export Album… opens the
// Export dialog with the photos the album shows; Photo > Remove from Album takes photos out of the
// album on screen.
#include "albums/albumstore.h"
#include "catalog/photostore.h"
#include "pages/gridpage.h"
#include "scan/scanner.h"
#include "shell/albumsection.h"
#include "shell/exportdialog.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/organizecontroller.h"
#include "shell/searchbar.h"
#include "support/testlibrary.h"
#include "thumbnailview/photogridview.h"
#include "thumbnailview/photolistmodel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QInputDialog>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestAlbumSidebar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup() { m_tmp.reset(); }
    void albumShowsItsFirstPhotoUntilACoverIsChosen();
    void exportAlbumOpensTheDialogWithTheAlbumsPhotos();
    void removeFromAlbumTakesTheSelectionOut();
    void descriptionFromTheAlbumsMenu();

private:
    std::unique_ptr<MainWindow> openWindow();
    static OrganizeController* controller(MainWindow& window)
    {
        return window.findChild<OrganizeController*>(QStringLiteral("organizeController"));
    }
    // The colour in the middle of the album's icon in the sidebar.
    static QColor iconColour(OrganizeController* organize, qint64 album)
    {
        const QIcon icon = organize->albums()->itemOf(album)->icon(0);
        const QImage image = icon.pixmap(32, 32).toImage();
        return image.isNull() ? QColor() : image.pixelColor(image.width() / 2, image.height() / 2);
    }

    QTemporaryDir m_home;
    std::unique_ptr<TestLibrary> m_tmp;
    QString m_library;
    qint64 m_red = 0, m_green = 0, m_blue = 0;
    LanguageManager* m_languages = nullptr;
};

void TestAlbumSidebar::initTestCase()
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

// Three plain-coloured photos, scanned: red, green, blue.
void TestAlbumSidebar::init()
{
    m_languages->setLanguage(QStringLiteral("en"));
    m_tmp = std::make_unique<TestLibrary>();
    QVERIFY2(m_tmp->isOpen(), qPrintable(m_tmp->error()));
    m_library = m_tmp->path();
    const QString photos = m_tmp->filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(photos));
    const QList<std::pair<QString, cv::Scalar>> colours { { QStringLiteral("red"), cv::Scalar(0, 0, 230) },
        { QStringLiteral("green"), cv::Scalar(0, 230, 0) }, { QStringLiteral("blue"), cv::Scalar(230, 0, 0) } };
    for (const auto& [name, bgr] : colours)
        QVERIFY(cv::imwrite(QString(photos + QLatin1Char('/') + name + QStringLiteral(".jpg")).toStdString(),
            cv::Mat(120, 160, CV_8UC3, bgr)));
    Scanner scanner(m_library);
    QCOMPARE(scanner.scan({ QFile::encodeName(photos) }).totals.added, qint64(3));
    const auto idOf = [&](const char* name) {
        const auto r
            = PhotoStore(m_library).photoByPath(QFile::encodeName(photos + QLatin1Char('/') + QLatin1String(name)));
        return r ? r->id : 0;
    };
    m_red = idOf("red.jpg");
    m_green = idOf("green.jpg");
    m_blue = idOf("blue.jpg");
    QVERIFY(m_red > 0 && m_green > 0 && m_blue > 0);
}

std::unique_ptr<MainWindow> TestAlbumSidebar::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_library, m_languages);
    window->show();
    [&] { QTRY_COMPARE(window->gridModel()->rowCount(), 3); }();
    return window;
}

void TestAlbumSidebar::albumShowsItsFirstPhotoUntilACoverIsChosen()
{
    AlbumStore store(m_library);
    const qint64 album = store.createAlbum(QStringLiteral("Colours"));
    QCOMPARE(store.addPhotos(album, { m_red, m_green }).size(), 2);
    auto window = openWindow();
    OrganizeController* organize = controller(*window);
    QTRY_COMPARE(organize->albums()->coverOf(album), m_red);
    QTRY_VERIFY(iconColour(organize, album).red() > 180);
    QVERIFY(iconColour(organize, album).green() < 80);

    // Outside an album there is nothing to set the cover of.
    organize->setCoverAction()->trigger();
    QCOMPARE(AlbumStore(m_library).album(album)->coverPhotoId, qint64(0));

    QTreeWidgetItem* item = organize->albums()->itemOf(album);
    item->treeWidget()->setCurrentItem(item);
    QTRY_COMPARE(window->gridModel()->rowCount(), 2);
    QTRY_COMPARE(organize->shownAlbum(), album);
    PhotoGridView* view = window->gridPage()->view();
    const QModelIndex green = window->gridModel()->index(window->gridModel()->rowOfId(m_green));
    QVERIFY(green.isValid());
    view->setFocus();
    view->setCurrentIndex(green);
    view->selectionModel()->select(green, QItemSelectionModel::ClearAndSelect);
    organize->setCoverAction()->trigger();
    QCOMPARE(AlbumStore(m_library).album(album)->coverPhotoId, m_green);
    QTRY_COMPARE(organize->albums()->coverOf(album), m_green);
    QTRY_VERIFY(iconColour(organize, album).green() > 180);
    QVERIFY(iconColour(organize, album).red() < 80);

    // The chosen cover leaves the album: the first photo stands for it again.
    QCOMPARE(AlbumStore(m_library).removePhotos(album, { m_green }).size(), 1);
    organize->reloadAlbums();
    QTRY_COMPARE(organize->albums()->coverOf(album), m_red);
}

void TestAlbumSidebar::exportAlbumOpensTheDialogWithTheAlbumsPhotos()
{
    AlbumStore store(m_library);
    const qint64 day = store.createAlbum(QStringLiteral("Trip / Day 1"));
    const qint64 trip = store.albumAt(QStringLiteral("Trip"));
    QCOMPARE(store.addPhotos(day, { m_blue, m_red }).size(), 2);
    auto window = openWindow();
    AlbumSection* albums = controller(*window)->albums();
    QVERIFY(!std::unique_ptr<QMenu>(albums->menuFor(albums->itemOf(-1), window.get()))); // Hidden has none

    // The parent album exports the photos of the albums inside it, in their order.
    const std::unique_ptr<QMenu> menu(albums->menuFor(albums->itemOf(trip), window.get()));
    QVERIFY(menu);
    QAction* exportAlbum = menu->findChild<QAction*>(QStringLiteral("exportAlbum"));
    QVERIFY(exportAlbum);
    exportAlbum->trigger();
    auto* dialog = window->findChild<ExportDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->photoIds(), QVector<qint64>({ m_blue, m_red }));
    QVERIFY2(dialog->windowTitle().contains(QStringLiteral("Trip")), qPrintable(dialog->windowTitle()));

    const QString out = m_tmp->filePath(QStringLiteral("out"));
    dialog->setFolder(out);
    QSignalSpy finished(dialog, &ExportDialog::finished);
    dialog->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000); // the report is the dialog's once this arrives
    QCOMPARE(dialog->report().files.size(), 2);
    QStringList written = QDir(out).entryList(QDir::Files);
    written.sort();
    QCOMPARE(written, QStringList({ QStringLiteral("blue.jpg"), QStringLiteral("red.jpg") }));
}

void TestAlbumSidebar::removeFromAlbumTakesTheSelectionOut()
{
    AlbumStore store(m_library);
    const qint64 album = store.createAlbum(QStringLiteral("Colours"));
    QCOMPARE(store.addPhotos(album, { m_red, m_green }).size(), 2);
    auto window = openWindow();
    OrganizeController* organize = controller(*window);
    organize->removeFromAlbumAction()->trigger(); // All Photos: no album to take photos out of
    QCOMPARE(AlbumStore(m_library).photosOf(album).size(), 2);

    QTreeWidgetItem* item = organize->albums()->itemOf(album);
    item->treeWidget()->setCurrentItem(item);
    QTRY_COMPARE(window->gridModel()->rowCount(), 2);
    QTRY_COMPARE(organize->shownAlbum(), album);
    PhotoGridView* view = window->gridPage()->view();
    const QModelIndex red = window->gridModel()->index(window->gridModel()->rowOfId(m_red));
    view->setCurrentIndex(red);
    view->selectionModel()->select(red, QItemSelectionModel::ClearAndSelect);
    organize->removeFromAlbumAction()->trigger();
    QCOMPARE(AlbumStore(m_library).photosOf(album), QVector<qint64> { m_green });
    QTRY_COMPARE(window->gridModel()->rowCount(), 1); // the album on screen follows
    QTRY_COMPARE(organize->albums()->itemOf(album)->text(1), QStringLiteral("1"));
    organize->undoAction()->trigger();
    QCOMPARE(AlbumStore(m_library).photosOf(album).size(), 2);
    QTRY_COMPARE(window->gridModel()->rowCount(), 2);
}

void TestAlbumSidebar::descriptionFromTheAlbumsMenu()
{
    const qint64 album = AlbumStore(m_library).createAlbum(QStringLiteral("Kyoto"));
    auto window = openWindow();
    AlbumSection* albums = controller(*window)->albums();
    const std::unique_ptr<QMenu> menu(albums->menuFor(albums->itemOf(album), window.get()));
    QAction* describe = menu->findChild<QAction*>(QStringLiteral("describeAlbum"));
    QVERIFY(describe);
    bool answered = false;
    QTimer answer; // answers the dialog once it is up
    connect(&answer, &QTimer::timeout, this, [&answered] {
        if (auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
            dialog->setTextValue(QStringLiteral("Temples in spring\n"));
            dialog->accept();
            answered = true;
        }
    });
    answer.start(20);
    describe->trigger();
    QVERIFY(answered);
    QCOMPARE(AlbumStore(m_library).album(album)->description, QStringLiteral("Temples in spring"));
    QCOMPARE(albums->itemOf(album)->toolTip(0), QStringLiteral("Temples in spring"));
}

QTEST_MAIN(TestAlbumSidebar)
#include "tst_albumsidebar.moc"
