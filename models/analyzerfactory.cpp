#include "analyzerfactory.h"

#include "faceanalyzer.h"
#include "imageclassifier.h"

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
    // Turned off (`scan --no-faces`), the face models are not even loaded.
    QString why = QStringLiteral("turned off");
    auto faces = options.faces ? FaceAnalyzer::locate(options, &why) : nullptr;
    if (faces)
        analyzer->attachFaces(std::move(faces));
    else
        qCInfo(lcModels) << "no face analysis:" << why;
    // A user's classifier is optional too; a broken one is reported and left out.
    if (auto classifier = ImageClassifier::locate(options, &why))
        analyzer->attachClassifier(std::move(classifier));
    else if (!why.startsWith(QLatin1String("no classifier model")))
        qCWarning(lcModels) << "classifier left out:" << why;
    return analyzer;
}

} // namespace shoebox
