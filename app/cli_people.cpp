// shoebox-cli people [--all]: the people found in the library's faces, named first, largest first.
// `people name ID NAME`, `people merge FROM INTO`, `people hide|show ID`, `people move FACE PERSON`,
// `people not FACE` ("not this person"), `people split FACE`, `people cluster [--again]`.
// shoebox-cli faces FILE: the faces of one photo with their boxes, person and distance.

#include "catalog/photostore.h"
#include "clicommand.h"
#include "people/facestore.h"
#include "people/peopleservice.h"
#include "people/personstore.h"
#include "scan/filewalker.h"

#include <QJsonArray>

namespace shoebox::cli {

namespace {

QJsonObject personJson(const Person& p)
{
    return { { QStringLiteral("id"), p.id }, { QStringLiteral("name"), p.name }, { QStringLiteral("faces"), p.faces },
        { QStringLiteral("photos"), p.photos }, { QStringLiteral("hidden"), p.hidden },
        { QStringLiteral("reason"), p.reason } };
}

int listPeople(Context& ctx)
{
    const bool all = ctx.takeFlag(QStringLiteral("all"));
    QString error;
    const QList<Person> people = PersonStore(ctx.libraryPath).people(all, &error);
    if (!error.isEmpty())
        return ctx.fail(error);
    if (ctx.json) {
        QJsonArray arr;
        for (const Person& p : people)
            arr.append(personJson(p));
        ctx.printJson({ { QStringLiteral("people"), arr } });
        return 0;
    }
    for (const Person& p : people)
        *ctx.out << p.id << "\t" << (p.name.isEmpty() ? QStringLiteral("(unnamed)") : p.name) << "\t" << p.faces
                 << " faces, " << p.photos << " photos" << (p.hidden ? "  [hidden]" : "") << "\t" << p.reason << "\n";
    return 0;
}

qint64 idArg(Context& ctx, bool* ok)
{
    return ctx.args.isEmpty() ? (*ok = false, 0) : ctx.args.takeFirst().toLongLong(ok);
}

int clusterPeople(Context& ctx)
{
    const bool again = ctx.takeFlag(QStringLiteral("again"));
    PeopleService service(ctx.libraryPath);
    const ClusterReport r = again ? service.recluster() : service.cluster();
    if (!r.error.isEmpty())
        return ctx.fail(QStringLiteral("cannot cluster faces: ") + r.error);
    if (ctx.json)
        ctx.printJson({ { QStringLiteral("faces"), r.faces }, { QStringLiteral("clusterable"), r.clusterable },
            { QStringLiteral("placed"), r.placed }, { QStringLiteral("new_people"), r.newPeople },
            { QStringLiteral("seconds"), r.seconds } });
    else
        *ctx.out << "clustered " << r.clusterable << " of " << r.faces << " faces: " << r.placed << " placed, "
                 << r.newPeople << " new people in " << QString::number(r.seconds, 'f', 2) << " s\n";
    return 0;
}

// The actions that take ids: one service call each.
int personAction(Context& ctx, const QString& action)
{
    PeopleService service(ctx.libraryPath);
    QString error;
    bool ok1 = false, ok2 = true;
    const qint64 a = idArg(ctx, &ok1);
    bool done = false;
    if (action == QLatin1String("name") && ok1 && !ctx.args.isEmpty())
        done = service.rename(a, ctx.args.join(QLatin1Char(' ')), &error);
    else if (action == QLatin1String("merge") || action == QLatin1String("move")) {
        const qint64 b = idArg(ctx, &ok2);
        if (ok1 && ok2)
            done = action == QLatin1String("merge") ? service.merge(a, b, &error) : service.moveFace(a, b, &error);
    } else if ((action == QLatin1String("hide") || action == QLatin1String("show")) && ok1)
        done = service.setHidden(a, action == QLatin1String("hide"), &error);
    else if (action == QLatin1String("not") && ok1)
        done = service.rejectFace(a, &error);
    else if (action == QLatin1String("split") && ok1)
        done = service.splitFace(a, &error) > 0;
    else
        return ctx.fail(QStringLiteral("usage: people name ID NAME | merge FROM INTO | hide|show ID | move FACE PERSON"
                                       " | not FACE | split FACE | cluster [--again]"),
            2);
    return done ? 0 : ctx.fail(error);
}

int runPeople(Context& ctx)
{
    if (!ctx.openLibrary())
        return 1;
    if (ctx.args.isEmpty() || ctx.args.first().startsWith(QLatin1String("--")))
        return listPeople(ctx);
    const QString action = ctx.args.takeFirst();
    if (action == QLatin1String("cluster"))
        return clusterPeople(ctx);
    return personAction(ctx, action);
}

QJsonObject faceJson(const StoredFace& f, const QString& name)
{
    return { { QStringLiteral("id"), f.id },
        { QStringLiteral("box"), QJsonArray { f.box.x(), f.box.y(), f.box.width(), f.box.height() } },
        { QStringLiteral("score"), double(f.score) }, { QStringLiteral("sharpness"), double(f.sharpness) },
        { QStringLiteral("pixels"), f.pixels }, { QStringLiteral("person"), f.personId },
        { QStringLiteral("name"), name }, { QStringLiteral("manual"), f.manual },
        { QStringLiteral("distance"), f.distance } };
}

int runFaces(Context& ctx)
{
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("usage: faces FILE"), 2);
    if (!ctx.openLibrary())
        return 1;
    const auto photo = PhotoStore(ctx.libraryPath).photoByPath(FileWalker::absolute(ctx.pathBytes(ctx.args.first())));
    if (!photo)
        return ctx.fail(QStringLiteral("%1 is not in the library (scan its folder first)").arg(ctx.args.first()));
    QString error;
    const QList<StoredFace> faces = FaceStore(ctx.libraryPath).facesOfPhoto(photo->id, &error);
    if (!error.isEmpty())
        return ctx.fail(error);
    PersonStore people(ctx.libraryPath);
    QJsonArray arr;
    for (const StoredFace& f : faces) {
        const QString name = f.personId > 0 ? people.person(f.personId).name : QString();
        if (ctx.json) {
            arr.append(faceJson(f, name));
            continue;
        }
        *ctx.out << "face " << f.id << "  box " << QString::number(f.box.x(), 'f', 3) << ","
                 << QString::number(f.box.y(), 'f', 3) << " " << QString::number(f.box.width(), 'f', 3) << "x"
                 << QString::number(f.box.height(), 'f', 3) << "  score " << QString::number(double(f.score), 'f', 2);
        if (f.personId > 0)
            *ctx.out << "  person " << f.personId << " " << (name.isEmpty() ? QStringLiteral("(unnamed)") : name)
                     << (f.manual ? "  (by you)" : "")
                     << (f.distance >= 0 ? QStringLiteral("  distance %1").arg(f.distance, 0, 'f', 2) : QString());
        else
            *ctx.out << (PeopleService::isClusterable(FaceStore(ctx.libraryPath).face(f.id, true))
                    ? "  nobody yet"
                    : "  too small or blurry to cluster");
        *ctx.out << "\n";
    }
    if (ctx.json)
        ctx.printJson({ { QStringLiteral("file"), photo->displayPath }, { QStringLiteral("faces"), arr } });
    return 0;
}

const Registrar regPeople({ QStringLiteral("people"),
    QStringLiteral("people [--all] | people name ID NAME | merge FROM INTO | hide|show ID | move FACE PERSON"
                   " | not FACE | split FACE | cluster [--again]"),
    runPeople });
const Registrar regFaces({ QStringLiteral("faces"), QStringLiteral("faces FILE"), runFaces });

} // namespace

} // namespace shoebox::cli
