#pragma once
// Creates the default tagger for the app and the CLI: finds the model through the search path
// (ModelManifest::searchPath) and loads it on the requested device. Call it on the thread that will
// use the analyzer (the inference thread), since torch's thread count is set there.

#include "tags/imageanalyzer.h"
#include "torchanalyzer.h"

#include <memory>

namespace shoebox {

// device: auto | cpu | cuda. modelName empty: the first installed model. nullptr with a one-line
// reason when no valid model is installed or it cannot be loaded; the app keeps running without tags.
// The face models (blazeface, face-descriptor) are attached when installed (faceModelId() says so).
std::unique_ptr<ImageAnalyzer> createAnalyzer(const QString& device, QString* error,
    const QString& modelName = QString(), const AnalyzerOptions& base = AnalyzerOptions());

} // namespace shoebox
