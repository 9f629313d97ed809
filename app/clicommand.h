// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The shoebox-cli command registry. Each command lives in its own app/cli_*.cpp and registers itself
// with a static Registrar; cli_main.cpp parses the global options and dispatches. Everything here runs
// on the main thread, except the interruption flag, which a signal handler sets.
//
// A command gets these conventions for free: `help NAME` and `NAME --help` print its Help, the man
// page and the bash/zsh completions list it with its options, `--json` turns fail() into a JSON error
// on stderr, and Ctrl-C makes the command exit 130 (see interrupted()). Declare a command as
//
//     const Registrar reg({ QStringLiteral("rate"), QStringLiteral("rate FILE N"), runRate,
//         { QStringLiteral("Give photos a rating from 0 to 5."),
//             { { QStringLiteral("--json"), QStringLiteral("print the result as JSON") } },
//             QStringLiteral("Longer description, optional."),
//             { QStringLiteral("shoebox-cli rate ~/Pictures/dog.jpg 5") } } });
//
// and return ExitOk, ExitFailure (ctx.fail(reason)) or ExitUsage (ctx.fail(reason, ExitUsage)).

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace shoebox::cli {

// Exit statuses, documented in the man page: scripts depend on them.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the command could not do what was asked (missing file, unreadable library, ...)
    ExitUsage = 2, // the command line is wrong
    ExitInterrupted = 130, // SIGINT (128 + 2); SIGTERM gives 143
};

struct Context {
    QString libraryPath; // --library, SHOEBOX_LIBRARY, or the default location
    bool json = false; // --json
    bool interactive = false; // stderr is a terminal: progress bars allowed (on stderr)
    bool color = false; // interactive, and neither NO_COLOR nor TERM=dumb
    QStringList args; // the command's own arguments (after the command name)
    QTextStream* out = nullptr;
    QTextStream* err = nullptr;

    // Opens/migrates the library; prints the reason and returns false on failure.
    bool openLibrary();
    // Prints a one-line failure reason on stderr (a JSON object with --json) and returns code.
    int fail(const QString& reason, int code = ExitFailure);
    // Takes "--name VALUE" or "--name=VALUE" out of args; returns def when absent.
    QString takeOption(const QString& name, const QString& def = QString());
    // Takes a bare "--name" flag out of args.
    bool takeFlag(const QString& name);
    // Takes "--name N" out of args into *value when present; false when N is not a whole number >= 0.
    bool takeCount(const QString& name, int* value);
    void printJson(const QJsonObject& obj);
    // The file-system bytes of a path argument exactly as given on the command line: decoding to
    // QString loses names that are not valid UTF-8.
    QByteArray pathBytes(const QString& arg) const;
    QHash<QString, QByteArray> rawArgs; // decoded argument -> its original bytes
};

// What `help COMMAND`, `COMMAND --help`, the man page and the completions say about a command.
struct Help {
    QString summary; // one sentence: what the command does
    QList<QPair<QString, QString>> options; // "--threads N" -> what it does
    QString details; // optional paragraphs, separated by blank lines
    QStringList examples; // whole command lines
};

struct Command {
    Command(QString name, QString usage, std::function<int(Context&)> run, Help help = {});
    QString name;
    QString usage; // one line, e.g. "scan [--no-tags] DIR..."
    std::function<int(Context&)> run;
    Help help;
};

class Registrar {
public:
    explicit Registrar(Command command);
    // Sorted by name.
    static QList<Command> commands();
    static const Command* find(const QString& name);
};

// SIGINT and SIGTERM set a flag instead of killing the process, so that every command stops at a safe
// point with the catalog consistent. onInterrupt is called from the signal handler: it may only do
// async-signal-safe work (atomic stores), e.g. ScanJob::interrupt().
// "12.3 MB": byte counts in the CLI's text output, the same in every locale.
QString megabytes(qint64 bytes);

void installSignalHandlers();
void setInterruptHook(void (*onInterrupt)());
int interruptSignal(); // 0, or the signal that arrived
inline bool interrupted()
{
    return interruptSignal() != 0;
}
inline int interruptExitCode()
{
    return 128 + interruptSignal();
}

} // namespace shoebox::cli
