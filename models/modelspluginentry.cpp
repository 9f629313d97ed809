// The plugin's one exported symbol: the table of what the app and the CLI call in libtorch's half.
// Built as libshoebox-models.so (models/CMakeLists.txt), linked against everything torch needs.

#include "analyzerfactory.h"
#include "modelsplugin.h"

extern "C" Q_DECL_EXPORT const shoebox::ModelsApi* shoebox_models_api()
{
    using namespace shoebox;
    static const ModelsApi api { ModelsPlugin::kAbiVersion, &createAnalyzer, &installTfjsModel, &installBlazeFace,
        &installFaceDescriptor, &installTorchScriptModel, &installClassifier };
    return &api;
}
