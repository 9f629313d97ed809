// shoebox-cli: the engine, scriptable. Global options, then one command.

#include "catalog/database.h"
#include "clicommand.h"

#include <QCoreApplication>
#include <QStandardPaths>

#include <cstdio>
#include <unistd.h>

using namespace shoebox;

namespace {

void printUsage(QTextStream& s)
{
    s << "usage: shoebox-cli [--library PATH] [--json] COMMAND [ARGS]\n\ncommands:\n";
    for (const auto& c : cli::Registrar::commands())
        s << "  " << c.usage << "\n";
    s.flush();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("shoebox"));
    QCoreApplication::setApplicationName(QStringLiteral("shoebox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    cli::Context ctx;
    ctx.out = &out;
    ctx.err = &err;
    ctx.interactive = isatty(fileno(stderr)) != 0;
    ctx.args = app.arguments().mid(1);
    for (int i = 1; i < argc; ++i)
        ctx.rawArgs.insert(QString::fromLocal8Bit(argv[i]), QByteArray(argv[i]));
    ctx.libraryPath = ctx.takeOption(QStringLiteral("library"), Database::defaultPath());
    ctx.json = ctx.takeFlag(QStringLiteral("json"));
    if (ctx.takeFlag(QStringLiteral("help")) || ctx.takeFlag(QStringLiteral("h")) || ctx.args.isEmpty()) {
        printUsage(ctx.args.isEmpty() ? err : out);
        return ctx.args.isEmpty() ? 2 : 0;
    }
    const QString name = ctx.args.takeFirst();
    for (const auto& c : cli::Registrar::commands()) {
        if (c.name == name)
            return c.run(ctx);
    }
    ctx.fail(QStringLiteral("unknown command '%1' (try --help)").arg(name), 2);
    return 2;
}
