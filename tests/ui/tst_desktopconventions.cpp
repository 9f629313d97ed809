// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop conventions around the window: remembered geometry and splitter, crash-safe start,
// one instance per library that takes a second start's files, standard shortcuts, the About box.
// Settings and libraries live in a temporary folder, never the user's.

#include "shell/aboutdialog.h"
#include "shell/colorscheme.h"
#include "shell/desktopshortcuts.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/searchbar.h"
#include "shell/singleinstance.h"
#include "shell/startupguard.h"
#include "shell/windowstate.h"
#include "support/testlibrary.h"
#include "thumbnailview/photolistmodel.h"
#include "thumbnailview/thumbnaildelegate.h"
#include "thumbnailview/thumbnailloader.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace shoebox;

class TestDesktopConventions : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;

    // A window like Shoebox's: a splitter of three panes as the central widget.
    static QMainWindow* makeWindow(QSplitter** splitter)
    {
        auto* window = new QMainWindow;
        *splitter = new QSplitter(window);
        for (int i = 0; i < 3; ++i)
            (*splitter)->addWidget(new QLabel(QStringLiteral("pane %1").arg(i)));
        window->setCentralWidget(*splitter);
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        for (const char* var : { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" }) {
            const QString dir = m_home.filePath(QString::fromLatin1(var));
            QVERIFY(QDir().mkpath(dir));
            qputenv(var, QFile::encodeName(dir));
        }
        qputenv("SHOEBOX_MODELS", QFile::encodeName(m_home.filePath(QStringLiteral("no-models"))));
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("shoebox-test"));
        QCoreApplication::setApplicationName(QStringLiteral("desktopconventions"));
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    }

    void init() { QSettings().clear(); }

    void windowGeometryAndSplitterAreRemembered()
    {
        QSplitter* splitter = nullptr;
        QList<int> sizes;
        {
            std::unique_ptr<QMainWindow> window(makeWindow(&splitter));
            WindowState state(window.get(), splitter);
            QVERIFY(!state.restore()); // nothing saved yet
            window->resize(900, 600);
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
            splitter->setSizes({ 100, 500, 300 });
            sizes = splitter->sizes(); // less the handles
            QVERIFY(sizes.value(0) < sizes.value(2));
            window->close(); // saves
        }
        std::unique_ptr<QMainWindow> window(makeWindow(&splitter));
        WindowState state(window.get(), splitter);
        QVERIFY(state.restore());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QCOMPARE(window->size(), QSize(900, 600));
        QCOMPARE(splitter->sizes(), sizes);
        WindowState::clear();
        QVERIFY(!state.restore());
    }

    void twoFailedStartsInARowOfferASafeStart_data()
    {
        QTest::addColumn<int>("crashes");
        QTest::addColumn<bool>("offer");
        QTest::newRow("none") << 0 << false;
        QTest::newRow("one") << 1 << false;
        QTest::newRow("two") << 2 << true;
        QTest::newRow("three") << 3 << true;
    }

    void twoFailedStartsInARowOfferASafeStart()
    {
        QFETCH(int, crashes);
        QFETCH(bool, offer);
        StartupGuard().started(); // a good start before
        for (int i = 0; i < crashes; ++i)
            StartupGuard crashed; // began, never reached started()
        StartupGuard guard;
        QCOMPARE(guard.failedStarts(), crashes);
        QCOMPARE(guard.shouldOfferSafeStart(), offer);
        guard.started();
        QCOMPARE(StartupGuard().failedStarts(), 0);
    }

    void secondStartPassesItsFilesToTheRunningOne()
    {
        const QString name = QStringLiteral("shoebox-test-%1").arg(QCoreApplication::applicationPid());
        SingleInstance running(name);
        QVERIFY(running.listen());
        QSignalSpy spy(&running, &SingleInstance::activated);
        // The second start blocks while it waits for the answer: it runs on another thread here.
        QFuture<bool> second = QtConcurrent::run([name] {
            SingleInstance other(name);
            return other.sendToRunning({ QStringLiteral("/photos/a.jpg"), QStringLiteral("/photos/b b.heic") });
        });
        QTRY_VERIFY_WITH_TIMEOUT(second.isFinished(), 10000);
        QVERIFY(second.result());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toStringList(),
            QStringList({ QStringLiteral("/photos/a.jpg"), QStringLiteral("/photos/b b.heic") }));
    }

    void firstStartFindsNoRunningInstance()
    {
        SingleInstance alone(QStringLiteral("shoebox-test-nobody-%1").arg(QCoreApplication::applicationPid()));
        QVERIFY(!alone.sendToRunning({ QStringLiteral("/photos/a.jpg") }, 500));
    }

    void serverNameIsPerLibrary()
    {
        const QString a = SingleInstance::serverName(QStringLiteral("/home/u/a.db"));
        QCOMPARE(SingleInstance::serverName(QStringLiteral("/home/u/a.db")), a);
        QVERIFY(SingleInstance::serverName(QStringLiteral("/home/u/b.db")) != a);
    }

    void standardShortcutsFindAndFullScreen()
    {
        test::TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        LanguageManager languages;
        languages.setLanguage(QStringLiteral("en"));
        MainWindow window(library.path(), &languages);
        auto* shortcuts = new DesktopShortcuts(&window);
        QCOMPARE(shortcuts->find()->shortcut(), QKeySequence::keyBindings(QKeySequence::Find).value(0));
        QVERIFY(!shortcuts->fullScreen()->shortcut().isEmpty());
        const auto inMenu = [](QAction* a) {
            for (QObject* o : a->associatedObjects())
                if (qobject_cast<QMenu*>(o))
                    return true;
            return false;
        };
        QVERIFY(inMenu(shortcuts->find()));
        QVERIFY(inMenu(shortcuts->fullScreen()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keySequence(&window, shortcuts->find()->shortcut());
        QTRY_VERIFY(window.searchBar()->hasFocus());
        shortcuts->fullScreen()->trigger();
        QTRY_VERIFY(window.isFullScreen());
        shortcuts->fullScreen()->trigger();
        QTRY_VERIFY(!window.isFullScreen());
    }

    void colorSchemeSetsALightOrDarkPalette_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("dark");
        QTest::newRow("dark") << QStringLiteral("dark") << true;
        QTest::newRow("light") << QStringLiteral("light") << false;
    }

    void colorSchemeSetsALightOrDarkPalette()
    {
        QFETCH(QString, name);
        QFETCH(bool, dark);
        const QPalette before = QApplication::palette();
        ColorScheme scheme;
        scheme.apply(ColorScheme::fromName(name));
        const QPalette p = QApplication::palette();
        QCOMPARE(p.color(QPalette::Window).lightness() < 128, dark);
        QCOMPARE(p.color(QPalette::Base).lightness() < 128, dark);
        QCOMPARE(p.color(QPalette::Text).lightness() > 128, dark);
        // Without a portal preference, the system's scheme is the platform's own palette again.
        scheme.apply(ColorScheme::Scheme::System);
        if (ColorScheme::portalPreference() == ColorScheme::Scheme::System)
            QCOMPARE(QApplication::palette().color(QPalette::Window), before.color(QPalette::Window));
    }

    // On a 2x screen a 100 px cell shows a 200 px thumbnail at full resolution, not a blown-up 100 px one.
    void thumbnailsAreSharpOnHighDpiScreens()
    {
        ThumbnailLoader loader;
        loader.setSource([](const QString&, qint64, int size) {
            QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            for (int y = 0; y < size; y += 2) // one-device-pixel stripes: blurred by any upscaling
                for (int x = 0; x < size; ++x)
                    image.setPixel(x, y, qRgb(0, 0, 0));
            return image;
        });
        const int size = 100;
        const int pixels = ThumbnailDelegate::pixelSize(size, 2.0);
        QCOMPARE(pixels, 200);
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        loader.schedule({ { 7, 0 } }, pixels);
        QTRY_COMPARE(ready.count(), 1);
        QStandardItemModel model;
        auto* item = new QStandardItem;
        item->setData(qint64(7), PhotoListModel::PhotoIdRole);
        model.appendRow(item);
        ThumbnailDelegate delegate(&loader);
        delegate.setThumbnailSize(size);
        QStyleOptionViewItem option;
        option.rect = QRect(QPoint(0, 0), delegate.sizeHint(option, model.index(0, 0)));
        QImage canvas(option.rect.size() * 2, QImage::Format_ARGB32_Premultiplied);
        canvas.setDevicePixelRatio(2.0);
        canvas.fill(Qt::gray);
        {
            QPainter painter(&canvas);
            delegate.paint(&painter, option, model.index(0, 0));
        }
        // Device pixel rows alternate black and white in the middle of the cell.
        const QPoint centre(canvas.width() / 2, canvas.height() / 2);
        const int a = qGray(canvas.pixel(centre)), b = qGray(canvas.pixel(centre + QPoint(0, 1)));
        QVERIFY2(std::abs(a - b) > 200, qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
    }

    void aboutBoxShowsVersionLicenceAndCredits()
    {
        AboutDialog about;
        const QList<QLabel*> labels = about.findChildren<QLabel*>();
        QString text;
        for (const QLabel* l : labels)
            text += l->text();
        for (const char* needed : { "9.8.7", "GNU General Public License", "version 3 or", "GeoNames", "CC BY 4.0",
                 "Natural Earth", "world-atlas", "Vladimir Mandic", "CenterNet" })
            QVERIFY2(text.contains(QLatin1String(needed)), needed);
    }
};

QTEST_MAIN(TestDesktopConventions)
#include "tst_desktopconventions.moc"
