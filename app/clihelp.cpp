// SPDX-License-Identifier: GPL-3.0-or-later
#include "clihelp.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace shoebox::cli {

namespace {

void printTable(QTextStream& s, const HelpTable& table)
{
    int width = 0;
    for (const auto& [key, text] : table)
        width = std::max(width, int(key.size()));
    for (const auto& [key, text] : table)
        s << "  " << key.leftJustified(width + 2) << text << "\n";
}

// roff: a leading dot or quote would be a request, a backslash an escape, a hyphen may be hyphenated.
QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

void manTable(QString& m, const HelpTable& table)
{
    for (const auto& [key, text] : table)
        m += QStringLiteral(".TP\n.B %1\n%2\n").arg(roff(key), roff(text));
}

void manParagraphs(QString& m, const QString& text)
{
    const QStringList paragraphs = text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (const QString& p : paragraphs)
        m += QStringLiteral(".PP\n%1\n").arg(roff(p.trimmed()));
}

void manCommand(QString& m, const Command& c)
{
    m += QStringLiteral(".SS \"%1\"\n").arg(roff(c.usage));
    m += roff(c.help.summary.isEmpty() ? c.usage : c.help.summary) + QLatin1Char('\n');
    manParagraphs(m, c.help.details);
    if (!c.help.options.isEmpty())
        manTable(m, c.help.options);
    for (const QString& e : c.help.examples)
        m += QStringLiteral(".PP\n.RS\n.nf\n%1\n.fi\n.RE\n").arg(roff(e));
}

} // namespace

HelpTable globalOptions()
{
    return {
        { QStringLiteral("--library PATH"),
            QStringLiteral("the library database (default: $SHOEBOX_LIBRARY, else "
                           "~/.local/share/shoebox/library.db)") },
        { QStringLiteral("--json"),
            QStringLiteral("print results as JSON on stdout, and errors as JSON objects on stderr") },
        { QStringLiteral("--verbose"), QStringLiteral("log what the engine does on stderr (off by default)") },
        { QStringLiteral("--help"), QStringLiteral("show this help; COMMAND --help shows a command's help") },
        { QStringLiteral("--version"), QStringLiteral("print the version and exit") },
    };
}

HelpTable exitCodes()
{
    return {
        { QStringLiteral("0"), QStringLiteral("success") },
        { QStringLiteral("1"),
            QStringLiteral("failure: a missing file or folder, an unreadable library, nothing found where "
                           "something was asked for") },
        { QStringLiteral("2"), QStringLiteral("usage error: unknown command or option, missing argument") },
        { QStringLiteral("130"),
            QStringLiteral("interrupted by Ctrl-C (SIGINT; 143 for SIGTERM): the work done so far is kept "
                           "and the same command resumes it") },
    };
}

HelpTable environment()
{
    return {
        { QStringLiteral("SHOEBOX_LIBRARY"), QStringLiteral("the library database when --library is not given") },
        { QStringLiteral("SHOEBOX_MODELS"), QStringLiteral("a folder with a models.json to use before the others") },
        { QStringLiteral("SHOEBOX_PLACES"), QStringLiteral("the offline place data file (places.sqlite)") },
        { QStringLiteral("NO_COLOR"), QStringLiteral("when set, no colour in messages (https://no-color.org)") },
        { QStringLiteral("QT_LOGGING_RULES"),
            QStringLiteral("turns on logs by module, e.g. shoebox.core.scan.info=true") },
    };
}

QStringList optionNames(const HelpTable& options)
{
    QStringList names;
    static const QRegularExpression option(QStringLiteral("--?[A-Za-z0-9][A-Za-z0-9-]*"));
    for (const auto& entry : options) {
        auto it = option.globalMatch(entry.first);
        while (it.hasNext())
            names << it.next().captured();
    }
    names.removeDuplicates();
    return names;
}

void printOverview(QTextStream& s)
{
    s << "usage: shoebox-cli [--library PATH] [--json] [--verbose] COMMAND [ARGS]\n"
         "       shoebox-cli --version | --help | help COMMAND\n\n"
         "Shoebox's photo library from the command line: results on stdout, messages on stderr.\n\n"
         "global options:\n";
    printTable(s, globalOptions());
    s << "\ncommands:\n";
    HelpTable commands;
    for (const Command& c : Registrar::commands())
        commands.append({ c.name, c.help.summary.isEmpty() ? c.usage : c.help.summary });
    printTable(s, commands);
    s << "\nexit status:\n";
    printTable(s, exitCodes());
    s << "\nRun 'shoebox-cli help COMMAND' for a command's options; 'man shoebox-cli' for everything.\n";
    s.flush();
}

void printCommandHelp(QTextStream& s, const Command& c)
{
    s << "usage: shoebox-cli [GLOBAL OPTIONS] " << c.usage << "\n\n";
    if (!c.help.summary.isEmpty())
        s << c.help.summary << "\n";
    if (!c.help.details.isEmpty())
        s << "\n" << c.help.details.trimmed() << "\n";
    if (!c.help.options.isEmpty()) {
        s << "\noptions:\n";
        printTable(s, c.help.options);
    }
    if (!c.help.examples.isEmpty()) {
        s << "\nexamples:\n";
        for (const QString& e : c.help.examples)
            s << "  " << e << "\n";
    }
    s << "\nglobal options: --library PATH, --json, --verbose (see shoebox-cli --help)\n";
    s.flush();
}

QString manPage()
{
    QString m = QStringLiteral(".\\\" Generated by `shoebox-cli help --man` from the commands' own help: do not edit.\n"
                               ".TH SHOEBOX\\-CLI 1 \"\" \"Shoebox %1\" \"User Commands\"\n"
                               ".SH NAME\nshoebox\\-cli \\- index, search and de\\-duplicate a photo library\n"
                               ".SH SYNOPSIS\n.B shoebox\\-cli\n[\\fB\\-\\-library\\fR \\fIPATH\\fR] "
                               "[\\fB\\-\\-json\\fR] [\\fB\\-\\-verbose\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n"
                               ".SH DESCRIPTION\n")
                    .arg(QCoreApplication::applicationVersion());
    manParagraphs(m,
        QStringLiteral("shoebox-cli is the command-line face of Shoebox, a photo-album manager: it works on the "
                       "same library as the shoebox desktop app and never writes to the original photos.\n\n"
                       "Results go to stdout, progress and messages to stderr; a progress bar is drawn only "
                       "when stderr is a terminal. Logs are off unless --verbose or QT_LOGGING_RULES asks "
                       "for them."));
    m += QStringLiteral(".SH OPTIONS\n");
    manTable(m, globalOptions());
    m += QStringLiteral(".SH COMMANDS\n");
    for (const Command& c : Registrar::commands())
        manCommand(m, c);
    m += QStringLiteral(".SH EXIT STATUS\n");
    manTable(m, exitCodes());
    m += QStringLiteral(".SH ENVIRONMENT\n");
    manTable(m, environment());
    m += QStringLiteral(".SH SEE ALSO\n.BR shoebox (1)\n");
    return m;
}

namespace {

int runHelp(Context& ctx)
{
    if (ctx.takeFlag(QStringLiteral("man"))) {
        *ctx.out << manPage();
        ctx.out->flush();
        return ExitOk;
    }
    if (ctx.args.isEmpty()) {
        printOverview(*ctx.out);
        return ExitOk;
    }
    if (ctx.args.size() > 1)
        return ctx.fail(QStringLiteral("usage: help [COMMAND]"), ExitUsage);
    const Command* c = Registrar::find(ctx.args.first());
    if (!c)
        return ctx.fail(QStringLiteral("unknown command '%1'").arg(ctx.args.first()), ExitUsage);
    printCommandHelp(*ctx.out, *c);
    return ExitOk;
}

const Registrar reg({ QStringLiteral("help"), QStringLiteral("help [--man] [COMMAND]"), runHelp,
    { QStringLiteral("Show the help of one command, or of them all."),
        { { QStringLiteral("--man"), QStringLiteral("print this manual page's roff source") } }, QString(),
        { QStringLiteral("shoebox-cli help scan") } } });

} // namespace

} // namespace shoebox::cli
