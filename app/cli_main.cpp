// SPDX-License-Identifier: GPL-3.0-or-later
// shoebox-cli: the engine, scriptable. Global options, then one command; conventions (help, exit
// codes, JSON errors, logging, Ctrl-C) are kept here and in clicommand.h so every command shares them.

#include "catalog/database.h"
#include "clicommand.h"
#include "clihelp.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <cstdio>
#include <unistd.h>

using namespace shoebox;
using namespace shoebox::cli;

namespace {

// Logs are for whoever debugs: off unless --verbose. QT_LOGGING_RULES still wins (Qt reads it after
// these rules), so `QT_LOGGING_RULES=shoebox.models.debug=true` turns on exactly one module.
void setUpLogging(bool verbose)
{
    if (verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("shoebox.*=true"));
    else
        QLoggingCategory::setFilterRules(
            QStringLiteral("shoebox.*.debug=false\nshoebox.*.info=false\nshoebox.*.warning=false"));
}

bool wantsColor(bool interactive)
{
    const QByteArray term = qgetenv("TERM");
    return interactive && qEnvironmentVariableIsEmpty("NO_COLOR") && term != "dumb";
}

int runCommand(Context& ctx, const Command& command)
{
    if (ctx.takeFlag(QStringLiteral("help")) || ctx.args.removeAll(QStringLiteral("-h")) > 0) {
        printCommandHelp(*ctx.out, command);
        return ExitOk;
    }
    int code = command.run(ctx);
    ctx.out->flush();
    if (interrupted() && code != interruptExitCode())
        code = ctx.fail(QStringLiteral("interrupted"), interruptExitCode());
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    installSignalHandlers();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("shoebox"));
    QCoreApplication::setApplicationName(QStringLiteral("shoebox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    Context ctx;
    ctx.out = &out;
    ctx.err = &err;
    ctx.interactive = isatty(fileno(stderr)) != 0;
    ctx.color = wantsColor(ctx.interactive);
    ctx.args = app.arguments().mid(1);
    for (int i = 1; i < argc; ++i)
        ctx.rawArgs.insert(QString::fromLocal8Bit(argv[i]), QByteArray(argv[i]));
    ctx.libraryPath = ctx.takeOption(QStringLiteral("library"), Database::defaultPath());
    ctx.json = ctx.takeFlag(QStringLiteral("json"));
    setUpLogging(ctx.takeFlag(QStringLiteral("verbose")));

    const QString first = ctx.args.value(0);
    if (first == QLatin1String("--version")) {
        out << "shoebox-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        printOverview(out);
        return ExitOk;
    }
    if (ctx.args.isEmpty()) {
        printOverview(err);
        return ExitUsage;
    }
    const QString name = ctx.args.takeFirst();
    if (const Command* command = Registrar::find(name))
        return runCommand(ctx, *command);
    if (name.startsWith(QLatin1Char('-')))
        return ctx.fail(QStringLiteral("unknown option '%1' (try shoebox-cli --help)").arg(name), ExitUsage);
    return ctx.fail(QStringLiteral("unknown command '%1' (try shoebox-cli --help)").arg(name), ExitUsage);
}
