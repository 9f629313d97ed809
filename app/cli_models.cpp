// shoebox-cli models install [FILE] [--dir DIR] [--name NAME] [--labels FILE] | models list
// install converts a TF.js graph model (default: the one scripts/fetch-model.sh fetched) to TorchScript,
// or lists the user's own TorchScript file (.pt) that meets the contract in models/modelmanifest.h.
// The file's name picks the task: blazeface.json -> face detector, *weights_manifest.json -> face
// descriptor (face-api's dlib ResNet), anything else -> object tagger.

#include "clicommand.h"

#ifdef SHOEBOX_WITH_TORCH
#include "modelfiles.h"
#include "modelmanifest.h"
#include "modelsplugin.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace shoebox::cli {

namespace {

#ifdef SHOEBOX_WITH_TORCH
// Where fetch-model.sh leaves the TF.js files: its cache variable, else .models/ in the current
// directory or next to the source tree the binary was built from.
QString defaultTfjsModel()
{
    QStringList candidates;
    const QString cache = qEnvironmentVariable("SHOEBOX_MODEL_CACHE");
    if (!cache.isEmpty())
        candidates << QDir(cache).filePath(QStringLiteral("tfjs/centernet.json"));
    candidates << QDir::current().filePath(QStringLiteral(".models/tfjs/centernet.json"));
    candidates << QStringLiteral(SHOEBOX_SOURCE_DIR "/.models/tfjs/centernet.json");
    for (const QString& c : candidates)
        if (QFileInfo::exists(c))
            return c;
    return QString();
}
#endif

int install(Context& ctx)
{
#ifdef SHOEBOX_WITH_TORCH
    InstallOptions options;
    options.folder = ctx.takeOption(QStringLiteral("dir"));
    options.name = ctx.takeOption(QStringLiteral("name"), options.name);
    options.embeddingNode = ctx.takeOption(QStringLiteral("embedding-node"), options.embeddingNode);
    const QString labelsFile = ctx.takeOption(QStringLiteral("labels"));
    const bool classifier = ctx.takeFlag(QStringLiteral("classifier"));
    const QString namesFile = ctx.takeOption(QStringLiteral("label-names"));
    const int inputSize = ctx.takeOption(QStringLiteral("input-size"), QStringLiteral("0")).toInt();
    const QString file = ctx.args.isEmpty() ? defaultTfjsModel() : ctx.args.first();
    if (file.isEmpty())
        return ctx.fail(QStringLiteral("no TF.js model given and none fetched (run scripts/fetch-model.sh)"));
    QString error;
    const ModelsApi* plugin = ModelsPlugin::api(&error);
    if (!plugin)
        return ctx.fail(QStringLiteral("cannot install %1: %2").arg(file, error));
    std::optional<ModelInfo> info;
    if (file.endsWith(QLatin1String(".pt"))) { // the user's own TorchScript model
        std::optional<QStringList> labels = QStringList();
        if (!labelsFile.isEmpty() && !(labels = ModelFiles::readLabels(labelsFile, &error)))
            return ctx.fail(error);
        if (options.name == InstallOptions().name) // no --name: the file's name
            options.name = QFileInfo(file).completeBaseName();
        std::optional<QJsonObject> names = QJsonObject();
        if (!namesFile.isEmpty() && !(names = ModelFiles::readLabelNames(namesFile, &error)))
            return ctx.fail(error);
        info = classifier ? plugin->installClassifier(file, options, *labels, *names, inputSize, &error)
                          : plugin->installTorchScriptModel(file, options, *labels, inputSize, &error);
    } else if (installTaskFor(file) == QLatin1String("blazeface")) {
        info = plugin->installBlazeFace(file, options, &error);
    } else if (installTaskFor(file) == QLatin1String("face-descriptor")) {
        info = plugin->installFaceDescriptor(file, options, &error);
    } else {
        info = plugin->installTfjsModel(file, options, &error);
    }
    if (!info)
        return ctx.fail(QStringLiteral("cannot install %1: %2").arg(file, error));
    if (ctx.json)
        ctx.printJson(info->toJson());
    else
        *ctx.out << "installed " << info->modelId() << " -> " << info->path() << Qt::endl;
    return 0;
#else
    return ctx.fail(QStringLiteral("this build has no libtorch (SHOEBOX_WITH_TORCH=OFF): models cannot be installed"));
#endif
}

int list(Context& ctx)
{
#ifndef SHOEBOX_WITH_TORCH
    return ctx.fail(QStringLiteral("this build has no libtorch (SHOEBOX_WITH_TORCH=OFF): no models can be used"));
#else
    QJsonArray all;
    for (const QString& dir : ModelManifest::searchPath()) {
        ModelManifest manifest;
        QString error;
        if (!manifest.read(dir, &error)) {
            *ctx.err << "shoebox-cli: " << error << Qt::endl;
            continue;
        }
        for (const ModelInfo& m : manifest.models()) {
            QString why;
            const bool ok = ModelManifest::verify(m, &why);
            QJsonObject o = m.toJson();
            o.insert(QStringLiteral("id"), m.modelId());
            o.insert(QStringLiteral("path"), m.path());
            o.insert(QStringLiteral("valid"), ok);
            if (!ok)
                o.insert(QStringLiteral("problem"), why);
            o.remove(QStringLiteral("labels"));
            all << o;
            if (!ctx.json)
                *ctx.out << m.modelId() << "  " << m.task << "  " << m.license << "  " << m.source << "  " << m.path()
                         << (ok ? QString() : QStringLiteral("  INVALID: ") + why) << Qt::endl;
        }
    }
    if (ctx.json)
        ctx.printJson(QJsonObject { { QStringLiteral("models"), all } });
    else if (all.isEmpty())
        *ctx.out << "no models installed (searched " << ModelManifest::searchPath().join(QStringLiteral(", ")) << ")"
                 << Qt::endl;
    return 0;
#endif
}

int run(Context& ctx)
{
    const QString sub = ctx.args.isEmpty() ? QString() : ctx.args.takeFirst();
    if (sub == QLatin1String("install"))
        return install(ctx);
    if (sub == QLatin1String("list"))
        return list(ctx);
    return ctx.fail(
        QStringLiteral(
            "usage: models install [FILE.json|FILE.pt] [--dir DIR] [--name NAME] [--labels FILE] [--classifier]"
            " [--label-names FILE] | models list"),
        2);
}

const Registrar registrar({ QStringLiteral("models"),
    QStringLiteral("models install [FILE.json|FILE.pt] [--dir DIR] [--name NAME] [--labels FILE] [--classifier] "
                   "[--label-names FILE] | models list"),
    run,
    { QStringLiteral(
          "Install a tagging model (converting the fetched TF.js model to TorchScript), or list the installed ones."),
        { { QStringLiteral("--dir DIR"), QStringLiteral("install into DIR instead of the user's model folder") },
            { QStringLiteral("--name NAME"), QStringLiteral("the name the model is installed under") },
            { QStringLiteral("--labels FILE"), QStringLiteral("the labels of a TorchScript model, one per line") },
            { QStringLiteral("--classifier"),
                QStringLiteral("FILE.pt is an image classifier (e.g. a scene model): its labels become tags") },
            { QStringLiteral("--label-names FILE"),
                QStringLiteral("a classifier's label names by language: {\"label\": {\"de\": \"...\"}}") } },
        QStringLiteral("A package installs no model: after installing Shoebox, run scripts/fetch-model.sh and then "
                       "shoebox-cli models install."),
        { QStringLiteral("shoebox-cli models list"),
            QStringLiteral("shoebox-cli models install places.pt --classifier --labels places.txt") } } });

} // namespace

} // namespace shoebox::cli
