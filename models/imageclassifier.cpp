#include "imageclassifier.h"

#include "preprocess.h"

#include <torch/cuda.h>
#include <torch/script.h>

#include <QJsonObject>
#include <QLoggingCategory>

#include <opencv2/imgproc.hpp>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcModels)

namespace shoebox {

struct ImageClassifier::Impl {
    ModelInfo info;
    torch::jit::Module module;
    torch::Device device { torch::kCPU };
    float minScore = kDefaultMinScore;
    std::vector<QHash<QString, QString>> names; // per label
};

ImageClassifier::ImageClassifier(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
}
ImageClassifier::~ImageClassifier() = default;

std::unique_ptr<ImageClassifier> ImageClassifier::load(
    const ModelInfo& model, const AnalyzerOptions& options, QString* error)
{
    if (!ModelManifest::verify(model, error))
        return nullptr;
    auto impl = std::make_unique<Impl>();
    impl->info = model;
    const bool cuda = torch::cuda::is_available();
    if (options.device == QLatin1String("cuda") && !cuda) {
        *error = QStringLiteral("--device cuda: no CUDA device is available to libtorch");
        return nullptr;
    }
    if (options.device == QLatin1String("cuda") || (options.device == QLatin1String("auto") && cuda))
        impl->device = torch::Device(torch::kCUDA);
    for (const QString& label : model.labels) {
        QHash<QString, QString> names;
        const QJsonObject byLang = model.labelNames.value(label).toObject();
        for (auto it = byLang.begin(); it != byLang.end(); ++it)
            if (!it.value().toString().isEmpty())
                names.insert(it.key(), it.value().toString());
        impl->names.push_back(names);
    }
    try {
        c10::InferenceMode guard;
        impl->module = torch::jit::load(model.path().toStdString(), impl->device);
        impl->module.eval();
        const int s = model.inputSize;
        const auto out = impl->module.forward({ torch::zeros({ 1, 3, s, s }, impl->device) });
        if (!out.isTensor() || out.toTensor().dim() != 2 || out.toTensor().size(1) != model.labels.size()) {
            *error = QStringLiteral("model %1 does not meet the classifier contract: float[N,%2] for its %2 labels")
                         .arg(model.name)
                         .arg(model.labels.size());
            return nullptr;
        }
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot load model %1: %2")
                     .arg(model.path(), QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return nullptr;
    }
    qCDebug(lcModels) << "classifier:" << model.modelId() << (impl->device.is_cuda() ? "cuda" : "cpu");
    return std::unique_ptr<ImageClassifier>(new ImageClassifier(std::move(impl)));
}

std::unique_ptr<ImageClassifier> ImageClassifier::locate(const AnalyzerOptions& options, QString* error)
{
    const auto model = ModelManifest::locateTask(QStringLiteral("classifier"), error);
    return model ? load(*model, options, error) : nullptr;
}

QString ImageClassifier::modelId() const
{
    return d->info.modelId();
}

void ImageClassifier::setMinScore(float score)
{
    d->minScore = score;
}

cv::Mat ImageClassifier::input(const cv::Mat& image, int size, const ModelInfo& model)
{
    const cv::Mat bgr = size > 0 ? toBgr8(image) : cv::Mat();
    if (bgr.empty())
        return cv::Mat();
    // torchvision's evaluation transform: short side to size, then the centre square.
    const double scale = double(size) / std::min(bgr.cols, bgr.rows);
    const int w = std::max(size, int(std::lround(bgr.cols * scale)));
    const int h = std::max(size, int(std::lround(bgr.rows * scale)));
    cv::Mat resized, rgb, out;
    cv::resize(bgr, resized, cv::Size(w, h), 0, 0, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::cvtColor(resized(cv::Rect((w - size) / 2, (h - size) / 2, size, size)), rgb, cv::COLOR_BGR2RGB);
    std::vector<cv::Mat> channels(3);
    cv::split(rgb, channels);
    for (size_t c = 0; c < 3; ++c) // x / 255 / std - mean / std
        channels[c].convertTo(channels[c], CV_32F, 1.0 / (255.0 * model.stddev[c]), -model.mean[c] / model.stddev[c]);
    cv::merge(channels, out);
    return out;
}

std::vector<std::vector<Detection>> ImageClassifier::classify(
    const std::vector<cv::Mat>& images, std::vector<QString>* errors)
{
    std::vector<std::vector<Detection>> result(images.size());
    if (errors)
        errors->assign(images.size(), QString());
    const int s = d->info.inputSize;
    std::vector<cv::Mat> inputs;
    std::vector<size_t> slots;
    for (size_t i = 0; i < images.size(); ++i) {
        cv::Mat in = input(images[i], s, d->info);
        if (in.empty()) {
            if (errors)
                (*errors)[i] = QStringLiteral("the image is empty or has an unsupported pixel format");
            continue;
        }
        inputs.push_back(std::move(in));
        slots.push_back(i);
    }
    if (inputs.empty())
        return result;
    try {
        c10::InferenceMode guard;
        at::Tensor batch = torch::empty({ int64_t(inputs.size()), s, s, 3 }, torch::kFloat);
        for (size_t j = 0; j < inputs.size(); ++j)
            batch[int64_t(j)].copy_(torch::from_blob(inputs[j].data, { s, s, 3 }, torch::kFloat));
        batch = batch.permute({ 0, 3, 1, 2 }).contiguous().to(d->device);
        const at::Tensor p
            = torch::softmax(d->module.forward({ batch }).toTensor().to(torch::kCPU, torch::kFloat), 1).contiguous();
        if (p.dim() != 2 || p.size(0) != int64_t(inputs.size()) || p.size(1) != int64_t(d->names.size()))
            throw std::runtime_error("the classifier's scores do not fit its labels");
        const int64_t k = std::min<int64_t>(kMaxLabels, p.size(1));
        const auto [scores, indices] = p.topk(k, 1);
        for (size_t j = 0; j < slots.size(); ++j) {
            for (int64_t r = 0; r < k; ++r) {
                const float score = scores[int64_t(j)][r].item<float>();
                const int label = int(indices[int64_t(j)][r].item<int64_t>());
                if (score < d->minScore)
                    break;
                Detection det;
                det.classIndex = label;
                det.label = d->info.labels.value(label);
                det.score = score;
                det.box = QRectF(0, 0, 1, 1);
                det.names = d->names[size_t(label)];
                result[slots[j]].push_back(det);
            }
        }
    } catch (const std::exception& e) {
        const QString why = QStringLiteral("classification failed: %1")
                                .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        for (size_t slot : slots)
            if (errors)
                (*errors)[slot] = why;
    }
    return result;
}

} // namespace shoebox
