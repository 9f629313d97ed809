#include "torchanalyzer.h"

#include "faceanalyzer.h"
#include "imageclassifier.h"
#include "preprocess.h"
#include "tagthresholds.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/script.h>

#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcModels, "shoebox.models")

namespace shoebox {

struct TorchAnalyzer::Impl {
    ModelInfo info;
    torch::jit::Module module;
    torch::Device device { torch::kCPU };
    bool half = false;
    int inputSize = 512;
    int batch = 4;
    std::vector<float> thresholds; // per label index
    float minThreshold = 1.f;
    std::unique_ptr<FaceAnalyzer> faces;
    std::unique_ptr<ImageClassifier> classifier;
};

namespace {

QString torchMessage(const c10::Error& e)
{
    return QString::fromUtf8(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0);
}

// Runs the module on one batch and returns (heatmap, box, embedding) as float CPU tensors.
std::vector<at::Tensor> runModel(torch::jit::Module& module, const at::Tensor& input)
{
    const c10::IValue out = module.forward({ input });
    if (!out.isTuple())
        throw std::runtime_error("the model does not return a tuple (heatmap, box, embedding)");
    const auto& items = out.toTupleRef().elements();
    if (items.size() != 3)
        throw std::runtime_error("the model returns " + std::to_string(items.size())
            + " outputs; the contract is (heatmap, box, embedding)");
    std::vector<at::Tensor> result;
    for (const auto& item : items) {
        if (!item.isTensor())
            throw std::runtime_error("a model output is not a tensor");
        result.push_back(item.toTensor().to(torch::kCPU, torch::kFloat).contiguous());
    }
    return result;
}

std::vector<Detection> decode(const at::Tensor& heat, const at::Tensor& box, int inputSize, const QStringList& labels,
    const std::vector<float>& thresholds, float minThreshold)
{
    // heat [C,h,w], box [4,h,w]. A peak is a cell equal to the max of its 3x3 neighbourhood.
    const int64_t classes = heat.size(0), h = heat.size(1), w = heat.size(2);
    const at::Tensor pooled = torch::max_pool2d(heat.unsqueeze(0), { 3, 3 }, { 1, 1 }, { 1, 1 }).squeeze(0);
    const at::Tensor peaks = heat * (heat == pooled).to(heat.scalar_type());
    const int64_t k = std::min<int64_t>(tagging::kTopK, peaks.numel());
    const auto [scores, indices] = peaks.flatten().topk(k);
    const float* s = scores.data_ptr<float>();
    const int64_t* idx = indices.data_ptr<int64_t>();
    const auto b = box.accessor<float, 3>();
    const float strideY = float(inputSize) / float(h), strideX = float(inputSize) / float(w);
    std::vector<Detection> out;
    for (int64_t i = 0; i < k && s[i] >= minThreshold; ++i) {
        const int64_t cls = idx[i] / (h * w), y = (idx[i] / w) % h, x = idx[i] % w;
        if (cls >= classes || cls >= labels.size() || s[i] < thresholds[size_t(cls)])
            continue;
        const float cx = x * strideX, cy = y * strideY;
        const float x1 = std::clamp((cx - b[0][y][x]) / inputSize, 0.f, 1.f);
        const float y1 = std::clamp((cy - b[1][y][x]) / inputSize, 0.f, 1.f);
        const float x2 = std::clamp((cx + b[2][y][x]) / inputSize, 0.f, 1.f);
        const float y2 = std::clamp((cy + b[3][y][x]) / inputSize, 0.f, 1.f);
        Detection d;
        d.classIndex = int(cls);
        d.label = labels[int(cls)];
        d.score = s[i];
        d.box = QRectF(QPointF(x1, y1), QPointF(x2, y2));
        out.push_back(d);
        if (int(out.size()) >= tagging::kMaxTagsPerImage)
            break;
    }
    return out;
}

std::vector<float> normalised(const at::Tensor& e)
{
    std::vector<float> v(e.data_ptr<float>(), e.data_ptr<float>() + e.numel());
    double norm = 0;
    for (float x : v)
        norm += double(x) * x;
    norm = std::sqrt(norm);
    if (norm > 0)
        for (float& x : v)
            x = float(x / norm);
    return v;
}

} // namespace

TorchAnalyzer::TorchAnalyzer(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
}
TorchAnalyzer::~TorchAnalyzer() = default;

std::unique_ptr<TorchAnalyzer> TorchAnalyzer::load(
    const ModelInfo& model, const AnalyzerOptions& options, QString* error)
{
    if (!ModelManifest::verify(model, error))
        return nullptr;
    auto impl = std::make_unique<Impl>();
    impl->info = model;
    const bool cudaAvailable = torch::cuda::is_available();
    if (options.device == QLatin1String("cuda") && !cudaAvailable) {
        *error = QStringLiteral("--device cuda: no CUDA device is available to libtorch");
        return nullptr;
    }
    if (options.device != QLatin1String("auto") && options.device != QLatin1String("cpu")
        && options.device != QLatin1String("cuda")) {
        *error = QStringLiteral("unknown device '%1' (auto, cpu or cuda)").arg(options.device);
        return nullptr;
    }
    if (options.device == QLatin1String("cuda") || (options.device == QLatin1String("auto") && cudaAvailable)) {
        impl->device = torch::Device(torch::kCUDA);
        impl->half = true;
    }
    const int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    at::set_num_threads(std::max(1, threads));
    const int multiple = std::max(1, model.multipleOf);
    const int wanted = options.inputSize > 0 ? options.inputSize : model.inputSize;
    impl->inputSize = std::max(multiple, (wanted + multiple - 1) / multiple * multiple);
    // On the CPU one image at a time is fastest (bench_tagger: batch 4 took 1.75x as long per photo).
    impl->batch = options.batchSize > 0 ? options.batchSize : (impl->half ? 16 : 1);
    for (const QString& label : model.labels)
        impl->thresholds.push_back(tagging::thresholdFor(label));
    impl->minThreshold = *std::min_element(impl->thresholds.begin(), impl->thresholds.end());

    try {
        impl->module = torch::jit::load(model.path().toStdString(), impl->device);
        impl->module.eval();
        if (impl->half)
            impl->module.to(torch::kHalf);
        // Check the contract once on a small input, so a wrong model is refused at load time.
        c10::InferenceMode guard;
        const int probe = std::max(multiple * 2, 64);
        const auto opts = torch::TensorOptions().device(impl->device).dtype(impl->half ? torch::kHalf : torch::kFloat);
        const auto out = runModel(impl->module, torch::zeros({ 1, 3, probe, probe }, opts));
        if (out[0].dim() != 4 || out[0].size(1) != model.labels.size() || out[1].dim() != 4 || out[1].size(1) != 4
            || out[0].size(2) != out[1].size(2) || out[2].dim() != 2) {
            *error = QStringLiteral(
                "model %1 does not meet its contract: heatmap [N,%2,h,w], box [N,4,h,w], embedding [N,D]")
                         .arg(model.name)
                         .arg(model.labels.size());
            return nullptr;
        }
    } catch (const c10::Error& e) {
        *error = QStringLiteral("cannot load model %1: %2").arg(model.path(), torchMessage(e));
        return nullptr;
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot load model %1: %2").arg(model.path(), QString::fromUtf8(e.what()));
        return nullptr;
    }
    qCDebug(lcModels) << "loaded" << model.modelId() << "on" << (impl->half ? "cuda fp16" : "cpu") << "threads"
                      << at::get_num_threads() << "input" << impl->inputSize;
    return std::unique_ptr<TorchAnalyzer>(new TorchAnalyzer(std::move(impl)));
}

QString TorchAnalyzer::modelId() const
{
    return d->classifier ? d->info.modelId() + QLatin1Char('+') + d->classifier->modelId() : d->info.modelId();
}
void TorchAnalyzer::attachClassifier(std::unique_ptr<ImageClassifier> classifier)
{
    d->classifier = std::move(classifier);
}
void TorchAnalyzer::attachFaces(std::unique_ptr<FaceAnalyzer> faces)
{
    d->faces = std::move(faces);
}
void TorchAnalyzer::disableFaces()
{
    d->faces.reset(); // on the inference thread, which owns the models
}
QString TorchAnalyzer::faceModelId() const
{
    return d->faces ? d->faces->modelId() : QString();
}
QStringList TorchAnalyzer::labels() const
{
    return d->info.labels;
}
int TorchAnalyzer::batchSize() const
{
    return d->batch;
}
int TorchAnalyzer::inputSize() const
{
    return d->inputSize;
}
QString TorchAnalyzer::deviceName() const
{
    return d->half ? QStringLiteral("cuda (fp16)") : QStringLiteral("cpu");
}

std::vector<Analysis> TorchAnalyzer::analyze(const std::vector<cv::Mat>& images)
{
    return analyzeFrom(images, {});
}

std::vector<Analysis> TorchAnalyzer::analyzeFrom(
    const std::vector<cv::Mat>& images, const std::vector<ImageSource>& sources)
{
    std::vector<Analysis> results(images.size());
    const int s = d->inputSize;
    c10::InferenceMode guard;
    for (size_t start = 0; start < images.size(); start += size_t(d->batch)) {
        const size_t end = std::min(images.size(), start + size_t(d->batch));
        std::vector<cv::Mat> inputs;
        std::vector<size_t> slots;
        for (size_t i = start; i < end; ++i) {
            cv::Mat in = preprocessForModel(images[i], s);
            if (in.empty()) {
                results[i].error = QStringLiteral("the image is empty or has an unsupported pixel format");
                continue;
            }
            inputs.push_back(std::move(in));
            slots.push_back(i);
        }
        if (inputs.empty())
            continue;
        try {
            at::Tensor batch = torch::empty({ int64_t(inputs.size()), s, s, 3 }, torch::kFloat);
            for (size_t j = 0; j < inputs.size(); ++j)
                batch[int64_t(j)].copy_(torch::from_blob(inputs[j].data, { s, s, 3 }, torch::kFloat));
            batch = batch.permute({ 0, 3, 1, 2 }).to(d->device, d->half ? torch::kHalf : torch::kFloat).contiguous();
            const auto out = runModel(d->module, batch);
            for (size_t j = 0; j < slots.size(); ++j) {
                Analysis& a = results[slots[j]];
                a.detections
                    = decode(out[0][int64_t(j)], out[1][int64_t(j)], s, d->info.labels, d->thresholds, d->minThreshold);
                a.embedding = normalised(out[2][int64_t(j)].contiguous());
            }
        } catch (const c10::Error& e) {
            for (size_t slot : slots)
                results[slot].error = QStringLiteral("inference failed: %1").arg(torchMessage(e));
        } catch (const std::exception& e) {
            for (size_t slot : slots)
                results[slot].error = QStringLiteral("inference failed: %1").arg(QString::fromUtf8(e.what()));
        }
    }
    if (d->classifier) { // the same decodes; its labels join the tagger's
        std::vector<QString> errors;
        auto labels = d->classifier->classify(images, &errors);
        for (size_t i = 0; i < images.size(); ++i) {
            results[i].detections.insert(results[i].detections.end(), labels[i].begin(), labels[i].end());
            if (results[i].error.isEmpty() && !errors[i].isEmpty())
                results[i].error = errors[i];
        }
    }
    if (d->faces) { // the same decodes, one batched pass for all images of the call
        std::vector<QString> errors;
        auto faces = d->faces->analyze(images, &errors, sources);
        for (size_t i = 0; i < images.size(); ++i) {
            results[i].faces = std::move(faces[i]);
            if (results[i].error.isEmpty() && !errors[i].isEmpty())
                results[i].error = errors[i];
        }
    }
    return results;
}

} // namespace shoebox
