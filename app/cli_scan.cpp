// shoebox-cli scan DIR...: index photos below the folders; Ctrl-C stops cleanly, the next run resumes.

#include "clicommand.h"
#include "scan/scanner.h"
#include "scantagging.h"

#include <QFile>
#include <QJsonArray>

#include <csignal>

namespace shoebox::cli {

namespace {

Scanner* g_scanner = nullptr;
std::atomic_bool g_stop{false};

void onInterrupt(int)
{
    g_stop.store(true);
    if (g_scanner)
        g_scanner->cancel();  // an atomic store: safe in a signal handler
}

void printBar(QTextStream& err, const ScanProgress& p)
{
    const qint64 total = std::max<qint64>(p.found, 1);
    const int width = 30;
    const int filled = int(width * p.done / total);
    const double rate = p.elapsedSeconds > 0 ? p.done / p.elapsedSeconds : 0;
    const qint64 left = rate > 0 ? qint64((p.found - p.done) / rate) : 0;
    err << "\r[" << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char('.')) << "] "
        << p.done << "/" << p.found << "  " << QString::number(rate, 'f', 1) << " files/s  ~" << left << " s left   ";
    err.flush();
}

QJsonObject summaryJson(const ScanSummary& s)
{
    const ScanProgress& t = s.totals;
    QJsonArray errors;
    for (const QString& e : s.errors)
        errors.append(e);
    return {{QStringLiteral("found"), t.found}, {QStringLiteral("added"), t.added},
            {QStringLiteral("updated"), t.updated}, {QStringLiteral("unchanged"), t.unchanged},
            {QStringLiteral("moved"), t.moved}, {QStringLiteral("failed"), t.failed},
            {QStringLiteral("unsupported"), t.unsupported}, {QStringLiteral("cancelled"), s.cancelled},
            {QStringLiteral("seconds"), t.elapsedSeconds}, {QStringLiteral("problems"), errors}};
}

int runScan(Context& ctx)
{
    const bool noThumbs = ctx.takeFlag(QStringLiteral("no-thumbnails"));
    const int threads = ctx.takeOption(QStringLiteral("threads"), QStringLiteral("0")).toInt();
    const bool noTags = ctx.takeFlag(QStringLiteral("no-tags"));
    const QString device = ctx.takeOption(QStringLiteral("device"), QStringLiteral("auto"));
    if (ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("scan needs at least one folder"), 2);
    if (!ctx.openLibrary())
        return 1;
    Scanner scanner(ctx.libraryPath);
    scanner.setThreadCount(threads);
    scanner.setWriteThumbnails(!noThumbs);
    if (ctx.interactive && !ctx.json)
        QObject::connect(&scanner, &Scanner::progress, [&ctx](const ScanProgress& p) { printBar(*ctx.err, p); });
    QList<QByteArray> roots;
    for (const QString& a : ctx.args)
        roots.append(ctx.pathBytes(a));
    ScanTagging tagging(ctx, !noTags, device);
    tagging.attach(scanner);
    g_scanner = &scanner;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const ScanSummary s = scanner.scan(roots);
    g_scanner = nullptr;
    if (ctx.interactive && !ctx.json)
        *ctx.err << "\n";
    const bool tagged = tagging.finish(s.cancelled, g_stop);
    if (ctx.json) {
        QJsonObject o = summaryJson(s);
        o.insert(QStringLiteral("tagging"), tagging.summary());
        ctx.printJson(o);
    } else {
        const ScanProgress& t = s.totals;
        for (const QString& e : s.errors)
            *ctx.err << "  " << e << "\n";
        *ctx.out << "scanned " << t.found << " files in " << QString::number(t.elapsedSeconds, 'f', 1) << " s: "
                 << t.added << " added, " << t.updated << " updated, " << t.moved << " moved, " << t.unchanged
                 << " unchanged, " << t.failed << " failed, " << t.unsupported << " unsupported\n";
        tagging.printSummary();
    }
    if (s.cancelled || !tagged)
        return ctx.fail(QStringLiteral("scan cancelled; run the same command again to resume"), 130);
    return 0;
}

const Registrar reg({QStringLiteral("scan"), QStringLiteral("scan [--no-thumbnails] [--threads N] [--no-tags] [--device auto|cpu|cuda] DIR..."), runScan});

}  // namespace

}  // namespace shoebox::cli
