#pragma once
// The shoebox-cli command registry. Each command lives in its own app/cli_*.cpp and registers itself
// with a static CliRegistrar; cli_main.cpp parses the global options and dispatches.

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace shoebox::cli {

struct Context {
    QString libraryPath; // --library, SHOEBOX_LIBRARY, or the default location
    bool json = false; // --json
    bool interactive = false; // stdout is a terminal: progress bars allowed (on stderr)
    QStringList args; // the command's own arguments (after the command name)
    QTextStream* out = nullptr;
    QTextStream* err = nullptr;

    // Opens/migrates the library; prints the reason and returns false on failure.
    bool openLibrary();
    // Prints a one-line failure reason and returns the exit code to use.
    int fail(const QString& reason, int code = 1);
    // Takes "--name VALUE" or "--name=VALUE" out of args; returns def when absent.
    QString takeOption(const QString& name, const QString& def = QString());
    // Takes a bare "--name" flag out of args.
    bool takeFlag(const QString& name);
    void printJson(const QJsonObject& obj);
    // The file-system bytes of a path argument exactly as given on the command line: decoding to
    // QString loses names that are not valid UTF-8.
    QByteArray pathBytes(const QString& arg) const;
    QHash<QString, QByteArray> rawArgs; // decoded argument -> its original bytes
};

struct Command {
    QString name;
    QString usage; // one line, e.g. "scan [--no-tags] DIR..."
    std::function<int(Context&)> run;
};

class Registrar {
public:
    explicit Registrar(Command command);
    static const QList<Command>& commands();
};

} // namespace shoebox::cli
