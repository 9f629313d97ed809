// shoebox: the desktop app. Parses the command line and wires the window; everything else is in ui/.
//   shoebox [--library PATH] [--language CODE]
//   shoebox --screenshot FILE [--library PATH] [--view grid|timeline|tags|places|duplicates]

#include "catalog/database.h"
#include "shell/appsettings.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/screenshotrunner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>

using namespace shoebox;

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
    QGuiApplication::setDesktopFileName(QStringLiteral("shoebox"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shoebox photo manager"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption library(QStringLiteral("library"), QStringLiteral("Library database to open."),
        QStringLiteral("PATH"), Database::defaultPath());
    const QCommandLineOption shot(
        QStringLiteral("screenshot"), QStringLiteral("Save a view as PNG and exit."), QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("View for --screenshot."),
        QStringLiteral("grid|timeline|tags|places|duplicates"), QStringLiteral("grid"));
    const QCommandLineOption language(
        QStringLiteral("language"), QStringLiteral("UI and tag language."), QStringLiteral("CODE"));
    parser.addOptions({ library, shot, view, language });
    parser.process(app);

    const QString libraryPath = parser.value(library);
    QString error;
    if (!Database::open(libraryPath, &error)) {
        QTextStream(stderr) << "shoebox: " << error << "\n";
        if (!parser.isSet(shot))
            QMessageBox::critical(nullptr, QStringLiteral("Shoebox"), error);
        return 1;
    }
    LanguageManager languages;
    languages.setLanguage(parser.isSet(language) ? parser.value(language) : AppSettings::language());

    MainWindow window(libraryPath, &languages);
    if (parser.isSet(shot))
        return ScreenshotRunner::run(window, parser.value(view), parser.value(shot));
    window.show();
    return app.exec();
}
