#pragma once
// The libtorch half of Shoebox is a plugin (libshoebox-models.so) that the app and the CLI load only
// when they tag, look for faces or install a model. Loading libtorch costs about a second of CPU
// (its operator registry runs at load time); linked into the executables, every command paid it at
// start-up — `list`, `search`, a scan without tags — and the desktop app before its first window.
// Torch-free; any thread (the first call loads the plugin, later calls reuse it; it is never unloaded).

#include "modelinstaller.h"
#include "torchanalyzer.h" // AnalyzerOptions (a torch-free header)

#include <memory>

namespace shoebox {

// What the plugin exports (shoebox_models_api); the same build of Shoebox on both sides.
struct ModelsApi {
    int abiVersion;
    std::unique_ptr<ImageAnalyzer> (*createAnalyzer)(
        const QString& device, QString* error, const QString& modelName, const AnalyzerOptions& base);
    std::optional<ModelInfo> (*installTfjsModel)(const QString&, const InstallOptions&, QString*);
    std::optional<ModelInfo> (*installBlazeFace)(const QString&, InstallOptions, QString*);
    std::optional<ModelInfo> (*installFaceDescriptor)(const QString&, InstallOptions, QString*);
    std::optional<ModelInfo> (*installTorchScriptModel)(
        const QString&, const InstallOptions&, const QStringList&, int, QString*);
    std::optional<ModelInfo> (*installClassifier)(
        const QString&, const InstallOptions&, const QStringList&, const QJsonObject&, int, QString*);
};

class ModelsPlugin {
public:
    static constexpr int kAbiVersion = 1;
    static constexpr const char* kFileName = "libshoebox-models.so";

    // The plugin's functions, or nullptr with a one-line reason (where it was looked for and why each
    // candidate failed). Looked for in $SHOEBOX_MODELS_PLUGIN (a file), beside the installed
    // executable (../lib/.../shoebox/), then in the build tree.
    static const ModelsApi* api(QString* error);
    static QStringList candidates();
    // The first of these files that loads as the plugin (not remembered; api() remembers its answer).
    static const ModelsApi* loadFrom(const QStringList& candidates, QString* error);

    // createAnalyzer (models/analyzerfactory.h) through the plugin: nullptr with a reason when the
    // plugin cannot be loaded or no model is installed.
    static std::unique_ptr<ImageAnalyzer> createAnalyzer(const QString& device, QString* error,
        const QString& modelName = QString(), const AnalyzerOptions& base = AnalyzerOptions());
};

} // namespace shoebox
