// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop conventions around the window: remembered geometry and splitter, crash-safe start,
// one instance per library that takes a second start's files, standard shortcuts, the About box.
// Settings and libraries live in a temporary folder, never the user's.

#include "shell/aboutdialog.h"
#include "shell/desktopshortcuts.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/searchbar.h"
#include "shell/singleinstance.h"
#include "shell/startupguard.h"
#include "shell/windowstate.h"
#include "support/testlibrary.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
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
