#pragma once
// ImageAnalyzer on a TorchScript CenterNet-style model (see modelmanifest.h for the contract):
// preprocess (preprocess.h), batched inference under c10::InferenceMode with an explicit torch thread
// count, fp16 on CUDA, then CenterNet decoding (3x3 max-pool peaks, top-K, boxes, per-class
// thresholds from tagthresholds.h) and an L2-normalised embedding; with a FaceAnalyzer attached, the
// faces of the same decoded images in the same call, and with an ImageClassifier, its labels as tags. Create, use and
// destroy it on one thread (the tagging job's inference thread). Torch stays out of this header.

#include "modelmanifest.h"
#include "tags/imageanalyzer.h"

#include <memory>

namespace shoebox {

class FaceAnalyzer;
class ImageClassifier;

struct AnalyzerOptions {
    QString device = QStringLiteral("auto"); // auto | cpu | cuda
    int threads = 0; // torch intra-op threads; 0: the machine's cores
    int inputSize = 0; // 0: the manifest's size; rounded to its multipleOf
    int batchSize = 0; // 0: 1 on CPU, 16 on CUDA
    bool faces = true; // load the face models when installed (false: `scan --no-faces`)
};

class TorchAnalyzer : public ImageAnalyzer {
public:
    // Verifies the file against the manifest, loads it and checks its outputs against the contract.
    // Returns nullptr with a one-line reason on any failure; never throws.
    static std::unique_ptr<TorchAnalyzer> load(const ModelInfo& model, const AnalyzerOptions& options, QString* error);
    ~TorchAnalyzer() override;

    // Faces are found in every image analyze() gets from then on (issue 12).
    void attachFaces(std::unique_ptr<FaceAnalyzer> faces);
    // A user's classifier runs on every image analyze() gets; its id joins modelId(), so photos tagged
    // before it was installed are tagged again.
    void attachClassifier(std::unique_ptr<ImageClassifier> classifier);
    QString faceModelId() const override;
    void disableFaces() override;
    QString modelId() const override;
    QStringList labels() const override;
    std::vector<Analysis> analyze(const std::vector<cv::Mat>& images) override;
    std::vector<Analysis> analyzeFrom(
        const std::vector<cv::Mat>& images, const std::vector<ImageSource>& sources) override;
    int batchSize() const override;
    QString deviceName() const; // "cpu" or "cuda (fp16)"
    int inputSize() const;

private:
    struct Impl;
    explicit TorchAnalyzer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace shoebox
