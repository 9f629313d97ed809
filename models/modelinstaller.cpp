#include "modelinstaller.h"

#include "cocolabels.h"
#include "tfjsgraph.h"
#include "tfjsimporter.h"

#include <torch/script.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace shoebox {

std::optional<ModelInfo> installTfjsModel(const QString& modelJson, const InstallOptions& options, QString* error)
{
    TfjsGraph graph;
    if (!graph.load(modelJson, error))
        return std::nullopt;
    ImportOptions import;
    import.outputs = options.outputs;
    import.embeddingNode = options.embeddingNode;
    auto module = TfjsImporter::import(graph, import, error);
    if (!module)
        return std::nullopt;

    ModelInfo info;
    info.name = options.name;
    info.file = options.name + QStringLiteral(".pt");
    info.labels = cocoLabels();
    info.embeddingLayer = options.embeddingNode;
    info.source = options.source;
    info.license = options.license;
    const auto shape = graph.inputShape(graph.signatureInputs().value(0));
    info.inputSize = shape.size() == 4 && shape[1] > 0 ? int(shape[1]) : 512;
    info.multipleOf = 32;
    try {  // check the class count and stride on the real graph before writing anything
        c10::InferenceMode guard;
        const auto out = module->forward({torch::zeros({1, 3, 64, 64})}).toTuple();
        const at::Tensor heat = out->elements().at(0).toTensor();
        if (heat.dim() != 4 || heat.size(1) != info.labels.size()) {
            *error = QStringLiteral("the graph's heat map has %1 classes, expected the %2 COCO classes")
                         .arg(heat.dim() == 4 ? heat.size(1) : -1).arg(info.labels.size());
            return std::nullopt;
        }
        info.stride = int(64 / heat.size(2));
    } catch (const std::exception& e) {
        *error = QStringLiteral("the imported model does not run: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return std::nullopt;
    }

    const QString folder = options.folder.isEmpty() ? ModelManifest::defaultInstallFolder() : options.folder;
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create %1").arg(folder);
        return std::nullopt;
    }
    info.folder = QFileInfo(folder).absoluteFilePath();
    const QString tmp = info.path() + QStringLiteral(".part");
    try {
        module->save(tmp.toStdString());
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot write %1: %2").arg(tmp, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return std::nullopt;
    }
    QFile::remove(info.path());
    if (!QFile::rename(tmp, info.path())) {
        *error = QStringLiteral("cannot write %1").arg(info.path());
        return std::nullopt;
    }
    info.sha256 = ModelManifest::sha256Of(info.path(), error);
    info.bytes = QFileInfo(info.path()).size();
    if (info.sha256.isEmpty())
        return std::nullopt;
    ModelManifest manifest;
    if (!manifest.read(folder, error))
        return std::nullopt;
    manifest.upsert(info);
    if (!manifest.write(folder, error))
        return std::nullopt;
    return info;
}

}  // namespace shoebox
