#include "analyzerfactory.h"

namespace shoebox {

std::unique_ptr<ImageAnalyzer> createAnalyzer(
    const QString& device, QString* error, const QString& modelName, const AnalyzerOptions& base)
{
    const auto model = ModelManifest::locate(modelName, error);
    if (!model)
        return nullptr;
    AnalyzerOptions options = base;
    options.device = device.isEmpty() ? QStringLiteral("auto") : device;
    return TorchAnalyzer::load(*model, options, error);
}

} // namespace shoebox
