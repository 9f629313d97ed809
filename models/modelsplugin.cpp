#include "modelsplugin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QMutex>

namespace shoebox {

namespace {

struct Loaded {
    const ModelsApi* api = nullptr;
    QString error;
};

Loaded load(const QStringList& candidates)
{
    QStringList failures;
    for (const QString& path : candidates) {
        if (!QFileInfo::exists(path))
            continue;
        QLibrary library(path); // never unloaded: the analyzers it makes live as long as the process
        using Entry = const ModelsApi* (*)();
        const auto entry = reinterpret_cast<Entry>(library.resolve("shoebox_models_api"));
        if (!entry) {
            failures << library.errorString();
            continue;
        }
        const ModelsApi* api = entry();
        if (!api || api->abiVersion != ModelsPlugin::kAbiVersion) {
            failures << QStringLiteral("%1 is from another build of Shoebox").arg(path);
            continue;
        }
        return { api, QString() };
    }
    if (failures.isEmpty())
        return { nullptr,
            QStringLiteral("the tagging plugin %1 is not installed (looked in %2)")
                .arg(QLatin1String(ModelsPlugin::kFileName), candidates.join(QStringLiteral(", "))) };
    return { nullptr,
        QStringLiteral("the tagging plugin cannot be loaded: %1").arg(failures.join(QStringLiteral("; "))) };
}

} // namespace

QStringList ModelsPlugin::candidates()
{
    QStringList paths;
    const QString fromEnv = qEnvironmentVariable("SHOEBOX_MODELS_PLUGIN");
    if (!fromEnv.isEmpty())
        paths << fromEnv;
    if (QCoreApplication::instance())
        paths << QDir(QCoreApplication::applicationDirPath())
                     .filePath(QStringLiteral(SHOEBOX_MODELS_PLUGIN_RELDIR "/") + QLatin1String(kFileName));
    paths << QStringLiteral(SHOEBOX_MODELS_PLUGIN_BUILD_DIR "/") + QLatin1String(kFileName);
    return paths;
}

const ModelsApi* ModelsPlugin::loadFrom(const QStringList& candidates, QString* error)
{
    const Loaded loaded = load(candidates);
    if (!loaded.api && error)
        *error = loaded.error;
    return loaded.api;
}

const ModelsApi* ModelsPlugin::api(QString* error)
{
    static QMutex mutex;
    static std::optional<Loaded> loaded;
    const QMutexLocker lock(&mutex);
    if (!loaded)
        loaded = load(candidates());
    if (!loaded->api && error)
        *error = loaded->error;
    return loaded->api;
}

std::unique_ptr<ImageAnalyzer> ModelsPlugin::createAnalyzer(
    const QString& device, QString* error, const QString& modelName, const AnalyzerOptions& base)
{
    const ModelsApi* plugin = api(error);
    return plugin ? plugin->createAnalyzer(device, error, modelName, base) : nullptr;
}

} // namespace shoebox
