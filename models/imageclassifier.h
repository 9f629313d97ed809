#pragma once
// A user's own TorchScript image classifier (manifest task "classifier", e.g. a scene model such as a
// Places365 network a user exported): its most likely labels become automatic tags, computed in the
// tagger's pass from the same decode (TorchAnalyzer::attachClassifier). Contract in modelmanifest.h:
// forward(float[N,3,S,S] RGB 0..1 normalised by the manifest's mean and std) -> float[N,L] logits;
// Shoebox applies softmax. A label's names come from the manifest's labelNames. Create, use and
// destroy it on one thread (the inference thread); input() is pure, any thread. Torch stays out.

#include "modelmanifest.h"
#include "tags/imageanalyzer.h"
#include "torchanalyzer.h"

#include <memory>
#include <vector>

namespace shoebox {

class ImageClassifier {
public:
    // Softmax probability a label needs to become a tag, and the most labels one photo gets.
    static constexpr float kDefaultMinScore = 0.3f;
    static constexpr int kMaxLabels = 3;

    // Verifies and loads the model and checks its output against the labels. nullptr with a one-line
    // reason on failure; never throws.
    static std::unique_ptr<ImageClassifier> load(
        const ModelInfo& model, const AnalyzerOptions& options, QString* error);
    // The first classifier installed in the search path, or nullptr with a reason.
    static std::unique_ptr<ImageClassifier> locate(const AnalyzerOptions& options, QString* error);
    ~ImageClassifier();

    QString modelId() const;
    void setMinScore(float score);
    // Upright 8-bit image -> size x size (short side scaled to size, centre cut), RGB, (x / 255 - mean)
    // / std, float HWC. Empty when the image is unusable.
    static cv::Mat input(const cv::Mat& image, int size, const ModelInfo& model);
    // The labels of each image, most likely first, as whole-image detections with the label's names.
    // An image that cannot be classified gets none and an error in errors (if given).
    std::vector<std::vector<Detection>> classify(
        const std::vector<cv::Mat>& images, std::vector<QString>* errors = nullptr);

private:
    struct Impl;
    explicit ImageClassifier(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace shoebox
