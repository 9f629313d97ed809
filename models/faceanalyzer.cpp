#include "faceanalyzer.h"

#include "blazefacedecoder.h"
#include "facedescriptornet.h"
#include "people/facealigner.h"
#include "people/faceresolution.h"
#include "preprocess.h"

#include <torch/cuda.h>
#include <torch/script.h>

#include <QLineF>
#include <QLoggingCategory>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <iterator>

Q_DECLARE_LOGGING_CATEGORY(lcModels)

namespace shoebox {

namespace {

// Passes per forward call on the CPU; on CUDA everything of one call goes at once.
constexpr int kCpuChunk = 16;

at::Tensor stack(const std::vector<cv::Mat>& hwc, int size, const torch::Device& device)
{
    at::Tensor batch = torch::empty({ int64_t(hwc.size()), size, size, 3 }, torch::kFloat);
    for (size_t j = 0; j < hwc.size(); ++j)
        batch[int64_t(j)].copy_(torch::from_blob(hwc[j].data, { size, size, 3 }, torch::kFloat));
    return batch.permute({ 0, 3, 1, 2 }).contiguous().to(device);
}

} // namespace

struct FaceAnalyzer::Impl {
    ModelInfo detectorInfo;
    std::optional<ModelInfo> descriptorInfo;
    torch::jit::Module detector, descriptor;
    torch::Device device { torch::kCPU };
    float minScore = kDefaultMinScore;
    FaceAnalyzer::Tiling tiling = FaceAnalyzer::Tiling::WhenSmallFaces;
    qint64 passCount = 0;
    qint64 largerDecodes = 0, largerFaces = 0;

    // logits [P,896], values [P,896,16] on the CPU for the given passes.
    std::pair<at::Tensor, at::Tensor> detect(const std::vector<cv::Mat>& inputs);
    // Runs the passes (image, letterbox) over the images, batched, and adds their faces to raw. With
    // hints, hints[image] is set when a pass's faces suggest smaller ones (BlazeFaceDecoder::wantsTiles).
    void run(const std::vector<std::pair<size_t, Letterbox>>& passes, const std::vector<cv::Mat>& bgr,
        std::vector<std::vector<RawFace>>& raw, std::vector<bool>* hints);
    // The keypoints of faces found again in a larger decode: one detector pass on the area around
    // each box (larger's pixels), the face nearest the box's centre; the given points where none is.
    std::vector<FaceResolution::Points> refine(
        const cv::Mat& larger, const std::vector<QRectF>& boxes, std::vector<FaceResolution::Points> points);
};

std::vector<FaceResolution::Points> FaceAnalyzer::Impl::refine(
    const cv::Mat& larger, const std::vector<QRectF>& boxes, std::vector<FaceResolution::Points> points)
{
    // Keypoints found on the scan's small decode are a few of its pixels off, which is many pixels of
    // the larger decode: found again there, the chip is aligned as on the full photo.
    std::vector<std::pair<size_t, Letterbox>> passes;
    for (const QRectF& b : boxes) {
        const double side = 2.5 * std::max(b.width(), b.height());
        const QRect area = QRectF(b.center() - QPointF(side / 2, side / 2), QSizeF(side, side)).toAlignedRect()
            & QRect(0, 0, larger.cols, larger.rows);
        passes.emplace_back(0, BlazeFaceDecoder::letterbox(area));
    }
    std::vector<std::vector<RawFace>> found(1);
    run(passes, { larger }, found, nullptr);
    for (size_t k = 0; k < boxes.size(); ++k) {
        double best = 0.5 * std::max(boxes[k].width(), boxes[k].height());
        for (const RawFace& f : found[0]) {
            const double off = QLineF(f.box.center(), boxes[k].center()).length();
            if (off < best) {
                best = off;
                points[k] = { f.keypoints[0], f.keypoints[1], f.keypoints[2], f.keypoints[3] };
            }
        }
    }
    return points;
}

void FaceAnalyzer::Impl::run(const std::vector<std::pair<size_t, Letterbox>>& passes, const std::vector<cv::Mat>& bgr,
    std::vector<std::vector<RawFace>>& raw, std::vector<bool>* hints)
{
    if (passes.empty())
        return;
    std::vector<cv::Mat> inputs;
    for (const auto& [i, lb] : passes)
        inputs.push_back(BlazeFaceDecoder::input(bgr[i], lb));
    passCount += qint64(passes.size());
    const auto [logits, values] = detect(inputs);
    const float floor = hints ? std::min(minScore, BlazeFaceDecoder::kTileHintScore) : minScore;
    for (size_t p = 0; p < passes.size(); ++p) {
        const auto& [i, lb] = passes[p];
        const auto found = BlazeFaceDecoder::decode(logits[int64_t(p)].data_ptr<float>(),
            values[int64_t(p)].data_ptr<float>(), lb, QSize(bgr[i].cols, bgr[i].rows), floor);
        if (hints && BlazeFaceDecoder::wantsTiles(found, lb))
            (*hints)[i] = true;
        std::copy_if(found.begin(), found.end(), std::back_inserter(raw[i]),
            [this](const RawFace& f) { return f.score >= minScore; });
    }
}

std::pair<at::Tensor, at::Tensor> FaceAnalyzer::Impl::detect(const std::vector<cv::Mat>& inputs)
{
    std::vector<at::Tensor> logits, values;
    const size_t chunk = device.is_cuda() ? inputs.size() : size_t(kCpuChunk);
    for (size_t start = 0; start < inputs.size(); start += chunk) {
        const std::vector<cv::Mat> part(
            inputs.begin() + long(start), inputs.begin() + long(std::min(inputs.size(), start + chunk)));
        const auto out = detector.forward({ stack(part, BlazeFaceDecoder::kInputSize, device) }).toTuple();
        const auto& e = out->elements();
        if (e.size() != 4)
            throw std::runtime_error("the face detector does not return 4 outputs");
        logits.push_back(torch::cat({ e[0].toTensor(), e[2].toTensor() }, 1).flatten(1).to(torch::kCPU, torch::kFloat));
        values.push_back(torch::cat({ e[1].toTensor(), e[3].toTensor() }, 1).to(torch::kCPU, torch::kFloat));
    }
    return { torch::cat(logits).contiguous(), torch::cat(values).contiguous() };
}

FaceAnalyzer::FaceAnalyzer(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
}
FaceAnalyzer::~FaceAnalyzer() = default;

std::unique_ptr<FaceAnalyzer> FaceAnalyzer::load(const ModelInfo& detector, const std::optional<ModelInfo>& descriptor,
    const AnalyzerOptions& options, QString* error)
{
    if (!ModelManifest::verify(detector, error) || (descriptor && !ModelManifest::verify(*descriptor, error)))
        return nullptr;
    auto impl = std::make_unique<Impl>();
    impl->detectorInfo = detector;
    impl->descriptorInfo = descriptor;
    const bool cuda = torch::cuda::is_available();
    if (options.device == QLatin1String("cuda") && !cuda) {
        *error = QStringLiteral("--device cuda: no CUDA device is available to libtorch");
        return nullptr;
    }
    if (options.device == QLatin1String("cuda") || (options.device == QLatin1String("auto") && cuda))
        impl->device = torch::Device(torch::kCUDA);
    try {
        c10::InferenceMode guard;
        impl->detector = torch::jit::load(detector.path().toStdString(), impl->device);
        impl->detector.eval();
        const auto probe = impl->detector.forward({ torch::zeros({ 1, 3, 256, 256 }, impl->device) }).toTuple();
        if (probe->elements().size() != 4 || probe->elements()[1].toTensor().size(1) != 512
            || probe->elements()[3].toTensor().size(2) != BlazeFaceDecoder::kValues) {
            *error = QStringLiteral("model %1 does not meet the blazeface contract").arg(detector.name);
            return nullptr;
        }
        if (descriptor) {
            impl->descriptor = torch::jit::load(descriptor->path().toStdString(), impl->device);
            impl->descriptor.eval();
            const at::Tensor out
                = impl->descriptor.forward({ torch::zeros({ 1, 3, 150, 150 }, impl->device) }).toTensor();
            if (out.dim() != 2 || out.size(1) != FaceDescriptorNet::kDimensions) {
                *error = QStringLiteral("model %1 does not return 128-d descriptors").arg(descriptor->name);
                return nullptr;
            }
        }
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot load the face models: %1")
                     .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return nullptr;
    }
    qCDebug(lcModels) << "faces:" << detector.modelId() << (descriptor ? descriptor->modelId() : QString())
                      << (impl->device.is_cuda() ? "cuda" : "cpu");
    return std::unique_ptr<FaceAnalyzer>(new FaceAnalyzer(std::move(impl)));
}

std::unique_ptr<FaceAnalyzer> FaceAnalyzer::locate(const AnalyzerOptions& options, QString* error)
{
    const auto detector = ModelManifest::locateTask(QStringLiteral("blazeface"), error);
    if (!detector)
        return nullptr;
    QString why;
    const auto descriptor = ModelManifest::locateTask(QStringLiteral("face-descriptor"), &why);
    return load(*detector, descriptor, options, error);
}

QString FaceAnalyzer::modelId() const
{
    return d->descriptorInfo ? d->detectorInfo.modelId() + QLatin1Char('+') + d->descriptorInfo->modelId()
                             : d->detectorInfo.modelId();
}

bool FaceAnalyzer::hasDescriptor() const
{
    return d->descriptorInfo.has_value();
}

void FaceAnalyzer::setMinScore(float score)
{
    d->minScore = score;
}

std::vector<std::vector<float>> FaceAnalyzer::describe(const std::vector<cv::Mat>& chips)
{
    std::vector<std::vector<float>> out(chips.size());
    if (!d->descriptorInfo || chips.empty())
        return out;
    c10::InferenceMode guard;
    std::vector<cv::Mat> inputs;
    for (const cv::Mat& chip : chips) {
        cv::Mat rgb, f;
        cv::cvtColor(toBgr8(chip), rgb, cv::COLOR_BGR2RGB);
        rgb.convertTo(f, CV_32FC3);
        inputs.push_back(f);
    }
    const size_t chunk = d->device.is_cuda() ? inputs.size() : size_t(kCpuChunk);
    for (size_t start = 0; start < inputs.size(); start += chunk) {
        const size_t end = std::min(inputs.size(), start + chunk);
        const std::vector<cv::Mat> part(inputs.begin() + long(start), inputs.begin() + long(end));
        const at::Tensor res = d->descriptor.forward({ stack(part, FaceAligner::kChipSize, d->device) })
                                   .toTensor()
                                   .to(torch::kCPU, torch::kFloat)
                                   .contiguous();
        for (size_t j = 0; j < part.size(); ++j) {
            const float* p = res[int64_t(j)].data_ptr<float>();
            out[start + j].assign(p, p + res.size(1));
        }
    }
    return out;
}

namespace {

FaceDetection normalised(const RawFace& f, const cv::Mat& image)
{
    const double w = image.cols, h = image.rows;
    FaceDetection out;
    out.score = f.score;
    const QRectF box(f.box.x() / w, f.box.y() / h, f.box.width() / w, f.box.height() / h);
    out.box = box.intersected(QRectF(0, 0, 1, 1));
    for (size_t k = 0; k < f.keypoints.size(); ++k)
        out.keypoints[k] = QPointF(f.keypoints[k].x() / w, f.keypoints[k].y() / h);
    return out;
}

} // namespace

std::vector<std::vector<FaceDetection>> FaceAnalyzer::analyze(
    const std::vector<cv::Mat>& images, std::vector<QString>* errors, const std::vector<ImageSource>& sources)
{
    std::vector<std::vector<FaceDetection>> result(images.size());
    if (errors)
        errors->assign(images.size(), QString());
    std::vector<cv::Mat> bgr(images.size());
    std::vector<std::pair<size_t, Letterbox>> whole, tiles;
    for (size_t i = 0; i < images.size(); ++i) {
        bgr[i] = toBgr8(images[i]);
        if (!bgr[i].empty())
            whole.emplace_back(i, BlazeFaceDecoder::letterbox(QRect(0, 0, bgr[i].cols, bgr[i].rows)));
        else if (errors)
            (*errors)[i] = QStringLiteral("the image is empty or has an unsupported pixel format");
    }
    try {
        c10::InferenceMode guard;
        std::vector<std::vector<RawFace>> raw(images.size());
        // The whole photos first, all in one batch; then the tiles of the photos that need them,
        // again in one batch.
        std::vector<bool> tile(images.size(), d->tiling == Tiling::Always);
        d->run(whole, bgr, raw, &tile);
        for (const auto& [i, lb] : whole) {
            const auto regions = tile[i] ? BlazeFaceDecoder::passes(bgr[i].cols, bgr[i].rows) : std::vector<QRect>();
            for (size_t r = 1; r < regions.size(); ++r) // regions[0] is the whole photo
                tiles.emplace_back(i, BlazeFaceDecoder::letterbox(regions[r]));
        }
        d->run(tiles, bgr, raw, nullptr);
        alignAndDescribe(bgr, raw, sources, result);
    } catch (const std::exception& e) {
        const QString why = QStringLiteral("face analysis failed: %1")
                                .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        for (size_t i = 0; i < images.size(); ++i) {
            result[i].clear();
            if (errors)
                (*errors)[i] = why;
        }
    }
    return result;
}

std::vector<cv::Mat> FaceAnalyzer::chipsOf(
    const cv::Mat& bgr, const std::vector<RawFace>& faces, const ImageSource* source)
{
    auto points = [](const RawFace& f) {
        return FaceResolution::Points { f.keypoints[0], f.keypoints[1], f.keypoints[2], f.keypoints[3] };
    };
    const QSize size(bgr.cols, bgr.rows);
    double worst = 0;
    for (const RawFace& f : faces)
        worst = std::max(worst, FaceResolution::chipScale(points(f)));
    // One larger decode per photo, at the scale its smallest face needs; only the faces that are too
    // small in the scan's decode are cut from it.
    cv::Mat larger;
    const int wanted = source && source->decode ? FaceResolution::wantedLongSide(size, source->full, worst) : 0;
    if (wanted > 0) {
        ++d->largerDecodes;
        larger = toBgr8(source->decode(wanted));
        if (!FaceResolution::fits(size, QSize(larger.cols, larger.rows)))
            larger.release();
    }
    std::vector<cv::Mat> chips(faces.size());
    std::vector<size_t> small;
    std::vector<QRectF> boxes;
    std::vector<FaceResolution::Points> moved;
    const QSize big(larger.cols, larger.rows);
    for (size_t k = 0; k < faces.size(); ++k) {
        const auto p = points(faces[k]);
        if (larger.empty() || FaceResolution::wantedLongSide(size, big, FaceResolution::chipScale(p)) == 0) {
            chips[k] = FaceAligner::align(bgr, p);
            continue;
        }
        small.push_back(k);
        const double sx = double(big.width()) / size.width(), sy = double(big.height()) / size.height();
        const QRectF& b = faces[k].box;
        boxes.emplace_back(b.x() * sx, b.y() * sy, b.width() * sx, b.height() * sy);
        moved.push_back(FaceResolution::mapPoints(p, size, big));
    }
    if (!small.empty()) {
        d->largerFaces += qint64(small.size());
        moved = d->refine(larger, boxes, moved);
        for (size_t j = 0; j < small.size(); ++j)
            chips[small[j]] = FaceResolution::alignFrom(larger, moved[j]);
    }
    return chips;
}

void FaceAnalyzer::alignAndDescribe(const std::vector<cv::Mat>& bgr, const std::vector<std::vector<RawFace>>& raw,
    const std::vector<ImageSource>& sources, std::vector<std::vector<FaceDetection>>& result)
{
    // Align every face (on the photo's decode, or a larger one where the face needs it), then describe
    // all chips of the call together.
    std::vector<cv::Mat> chips;
    std::vector<std::pair<size_t, size_t>> owners;
    for (size_t i = 0; i < bgr.size(); ++i) {
        const std::vector<RawFace> faces = BlazeFaceDecoder::suppress(raw[i], kMaxOverlap);
        const std::vector<cv::Mat> cut = chipsOf(bgr[i], faces, i < sources.size() ? &sources[i] : nullptr);
        for (size_t k = 0; k < faces.size(); ++k) {
            FaceDetection face = normalised(faces[k], bgr[i]);
            face.sharpness = FaceAligner::sharpness(cut[k]);
            if (!cut[k].empty()) {
                chips.push_back(cut[k]);
                owners.emplace_back(i, result[i].size());
            }
            result[i].push_back(face);
        }
    }
    const auto descriptors = describe(chips);
    for (size_t k = 0; k < owners.size(); ++k)
        result[owners[k].first][owners[k].second].descriptor = descriptors[k];
}

void FaceAnalyzer::setTiling(Tiling tiling)
{
    d->tiling = tiling;
}

qint64 FaceAnalyzer::detectorPasses() const
{
    return d->passCount;
}

qint64 FaceAnalyzer::largerDecodes() const
{
    return d->largerDecodes;
}

qint64 FaceAnalyzer::facesFromLargerDecodes() const
{
    return d->largerFaces;
}

} // namespace shoebox
