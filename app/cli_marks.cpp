// shoebox-cli rate FILE... N | fav [--off] FILE... | pick [--off] FILE... | reject [--off] FILE... |
// hide [--off] FILE...: the user's marks, through the same Organizer the GUI uses.

#include "albums/organizer.h"
#include "clicommand.h"
#include "cliphotos.h"

#include <functional>

namespace shoebox::cli {

namespace {

// Resolves the files, applies change and says what it did on stderr.
int mark(Context& ctx, const QString& usage, const QString& done,
    const std::function<bool(Organizer&, const QVector<qint64>&, QString*)>& change)
{
    if (ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: %1").arg(usage), 2);
    if (!ctx.openLibrary())
        return 1;
    QVector<qint64> ids;
    if (!photoIdsOf(ctx, ctx.args, &ids))
        return 1;
    Organizer organizer(ctx.libraryPath);
    QString error;
    if (!change(organizer, ids, &error))
        return ctx.fail(QStringLiteral("cannot store the marks: %1").arg(error));
    *ctx.err << "shoebox-cli: " << ids.size() << " photo(s) " << done << "\n";
    return 0;
}

int runRate(Context& ctx)
{
    const QString usage = QStringLiteral("rate FILE... N (N = 0..5, 0 clears)");
    bool number = false;
    const int rating = ctx.args.isEmpty() ? -1 : ctx.args.last().toInt(&number);
    if (ctx.args.size() < 2 || !number || rating < 0 || rating > 5)
        return ctx.fail(QStringLiteral("usage: %1").arg(usage), 2);
    ctx.args.removeLast();
    return mark(ctx, usage, rating ? QStringLiteral("rated %1").arg(rating) : QStringLiteral("unrated"),
        [rating](Organizer& o, const QVector<qint64>& ids, QString* e) { return o.setRating(ids, rating, e); });
}

int runFav(Context& ctx)
{
    const bool off = ctx.takeFlag(QStringLiteral("off"));
    return mark(ctx, QStringLiteral("fav [--off] FILE..."),
        off ? QStringLiteral("no longer favourites") : QStringLiteral("made favourites"),
        [off](Organizer& o, const QVector<qint64>& ids, QString* e) { return o.setFavourite(ids, !off, e); });
}

int runFlag(Context& ctx, PickFlag flag)
{
    const bool off = ctx.takeFlag(QStringLiteral("off"));
    const bool pick = flag == PickFlag::Picked;
    return mark(ctx, pick ? QStringLiteral("pick [--off] FILE...") : QStringLiteral("reject [--off] FILE..."),
        off        ? QStringLiteral("unflagged")
            : pick ? QStringLiteral("picked")
                   : QStringLiteral("rejected"),
        [flag, off](Organizer& o, const QVector<qint64>& ids, QString* e) {
            return o.setFlag(ids, off ? PickFlag::None : flag, e);
        });
}

int runHide(Context& ctx)
{
    const bool off = ctx.takeFlag(QStringLiteral("off"));
    return mark(ctx, QStringLiteral("hide [--off] FILE..."), off ? QStringLiteral("shown") : QStringLiteral("hidden"),
        [off](Organizer& o, const QVector<qint64>& ids, QString* e) { return o.setHidden(ids, !off, e); });
}

const Registrar rate({ QStringLiteral("rate"), QStringLiteral("rate FILE... N"), runRate });
const Registrar fav({ QStringLiteral("fav"), QStringLiteral("fav [--off] FILE..."), runFav });
const Registrar pick({ QStringLiteral("pick"), QStringLiteral("pick [--off] FILE..."),
    [](Context& ctx) { return runFlag(ctx, PickFlag::Picked); } });
const Registrar reject({ QStringLiteral("reject"), QStringLiteral("reject [--off] FILE..."),
    [](Context& ctx) { return runFlag(ctx, PickFlag::Rejected); } });
const Registrar hide({ QStringLiteral("hide"), QStringLiteral("hide [--off] FILE..."), runHide });

} // namespace

} // namespace shoebox::cli
