// SPDX-License-Identifier: GPL-3.0-or-later
// shoebox: the desktop app. Parses the command line and wires the window; everything else is in ui/.
//   shoebox [--library PATH] [--language CODE] [FILE...]
//   shoebox --screenshot FILE [--library PATH] [--view grid|timeline|tags|places|duplicates]
//   --color-scheme light|dark overrides the desktop's preference (both above)

#include "catalog/database.h"
#include "duplicates/trashreconciler.h"
#include "shell/appsettings.h"
#include "shell/colorscheme.h"
#include "shell/desktopshortcuts.h"
#include "shell/importcontroller.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/screenshotrunner.h"
#include "shell/singleinstance.h"
#include "shell/startupguard.h"
#include "shell/windowstate.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QSplitter>
#include <QTextStream>

#include <cstdio>

using namespace shoebox;

namespace {

// Two failed starts in a row (a crash while restoring, say): offer to start from the defaults.
bool restoreLastView(const StartupGuard& guard)
{
    if (!guard.shouldOfferSafeStart())
        return true;
    const auto answer = QMessageBox::question(nullptr, QStringLiteral("Shoebox"),
        QApplication::translate("main",
            "Shoebox did not start properly the last %n time(s). Start without restoring the last window layout?",
            nullptr, guard.failedStarts()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    return answer != QMessageBox::Yes;
}

// The running window raises itself and imports what a second start was given.
void acceptOtherStarts(SingleInstance& instance, MainWindow& window)
{
    QObject::connect(&instance, &SingleInstance::activated, &window, [&window](const QStringList& files) {
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
        if (!files.isEmpty())
            window.importController()->import(files);
    });
}

int runWindow(QApplication& app, const QString& libraryPath, LanguageManager& languages, const QStringList& files)
{
    SingleInstance instance(SingleInstance::serverName(libraryPath));
    if (instance.sendToRunning(files))
        return 0;
    instance.listen();
    StartupGuard guard;
    MainWindow window(libraryPath, &languages);
    new DesktopShortcuts(&window);
    auto* state = new WindowState(&window, qobject_cast<QSplitter*>(window.centralWidget()));
    if (restoreLastView(guard))
        state->restore();
    else
        WindowState::clear();
    acceptOtherStarts(instance, window);
    window.show();
    // The first turn of the event loop with the window up counts as a good start.
    QMetaObject::invokeMethod(
        &window, [&guard] { guard.started(); }, Qt::QueuedConnection);
    if (!files.isEmpty())
        window.importController()->import(files);
    return app.exec();
}

} // namespace

int main(int argc, char** argv)
{
    // A screenshot needs no display: render offscreen unless the caller chose a platform.
    bool screenshot = false;
    for (int i = 1; i < argc; ++i)
        screenshot = screenshot || QByteArray(argv[i]).startsWith("--screenshot");
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("shoebox"));
    QCoreApplication::setApplicationName(QStringLiteral("shoebox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(SHOEBOX_APP_ID));
    QGuiApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("shoebox")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shoebox photo manager"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption library(QStringLiteral("library"), QStringLiteral("Library database to open."),
        QStringLiteral("PATH"), Database::defaultPath());
    const QCommandLineOption shot(
        QStringLiteral("screenshot"), QStringLiteral("Save a view as PNG and exit."), QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("View for --screenshot."),
        QStringLiteral("grid|timeline|tags|places|people|duplicates|similar"), QStringLiteral("grid"));
    const QCommandLineOption language(
        QStringLiteral("language"), QStringLiteral("UI and tag language."), QStringLiteral("CODE"));
    const QCommandLineOption scheme(QStringLiteral("color-scheme"),
        QStringLiteral("Light or dark, instead of the desktop's preference."), QStringLiteral("light|dark"));
    parser.addOptions({ library, shot, view, language, scheme });
    parser.addPositionalArgument(
        QStringLiteral("files"), QStringLiteral("Photos or folders to import."), QStringLiteral("[FILE...]"));
    parser.process(app);

    const QString libraryPath = parser.value(library);
    QString error;
    if (!Database::open(libraryPath, &error)) {
        QTextStream(stderr) << "shoebox: " << error << "\n";
        if (!parser.isSet(shot))
            QMessageBox::critical(nullptr, QStringLiteral("Shoebox"), error);
        return 1;
    }
    // Moves to the trash or undos cut short by a crash are settled before the window shows them.
    if (const TrashReconcileResult settled = TrashReconciler::reconcile(libraryPath); !settled.error.isEmpty())
        QTextStream(stderr) << "shoebox: trash log: " << settled.error << "\n";
    ColorScheme colors;
    colors.apply(ColorScheme::fromName(parser.value(scheme)));
    LanguageManager languages;
    languages.setLanguage(parser.isSet(language) ? parser.value(language) : AppSettings::language());

    if (parser.isSet(shot)) {
        MainWindow window(libraryPath, &languages);
        return ScreenshotRunner::run(window, parser.value(view), parser.value(shot));
    }
    return runWindow(app, libraryPath, languages, parser.positionalArguments());
}
