// shoebox-cli tags [--lang L]: the library's tags with their photo counts, named in one language.

#include "clicommand.h"
#include "tags/tagstore.h"
#include "tags/tagvocabulary.h"

#include <QJsonArray>
#include <QLocale>

namespace shoebox::cli {

namespace {

int runTags(Context& ctx)
{
    const QString requested = ctx.takeOption(QStringLiteral("lang"), QLocale::system().name());
    if (!ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: tags [--lang L]"), 2);
    QString lang = TagVocabulary::builtin().matchLanguage(requested);
    if (lang.isEmpty())
        lang = QStringLiteral("en");
    if (!ctx.openLibrary())
        return 1;
    const QList<TagCount> counts = TagStore(ctx.libraryPath).tagCounts(lang);
    if (ctx.json) {
        QJsonArray list;
        for (const TagCount& t : counts)
            list.append(QJsonObject { { QStringLiteral("key"), t.key }, { QStringLiteral("name"), t.name },
                { QStringLiteral("photos"), t.photos } });
        ctx.printJson(QJsonObject { { QStringLiteral("lang"), lang }, { QStringLiteral("tags"), list } });
        return 0;
    }
    for (const TagCount& t : counts)
        *ctx.out << QString::number(t.photos).rightJustified(7) << "  " << t.name << "\n";
    if (counts.isEmpty())
        *ctx.out << "no tags yet (shoebox-cli scan tags photos when a model is installed)\n";
    ctx.out->flush();
    return 0;
}

const Registrar reg({ QStringLiteral("tags"), QStringLiteral("tags [--lang L]"), runTags,
    { QStringLiteral("List the library's tags with their photo counts."),
        { { QStringLiteral("--lang L"), QStringLiteral("the language of the tag names (default: the system's)") } },
        QString(), { QStringLiteral("shoebox-cli tags --lang de") } } });

} // namespace

} // namespace shoebox::cli
