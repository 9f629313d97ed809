#include "analyzerfactory.h"

#include "faceanalyzer.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcModels)

namespace shoebox {

std::unique_ptr<ImageAnalyzer> createAnalyzer(
    const QString& device, QString* error, const QString& modelName, const AnalyzerOptions& base)
{
    const auto model = ModelManifest::locate(modelName, error);
    if (!model)
        return nullptr;
    AnalyzerOptions options = base;
    options.device = device.isEmpty() ? QStringLiteral("auto") : device;
    auto analyzer = TorchAnalyzer::load(*model, options, error);
    if (!analyzer)
        return nullptr;
    // Faces are optional: without the face models the tagger runs alone and says why.
    QString why;
    if (auto faces = FaceAnalyzer::locate(options, &why))
        analyzer->attachFaces(std::move(faces));
    else
        qCInfo(lcModels) << "no face analysis:" << why;
    return analyzer;
}

} // namespace shoebox
