#pragma once
// Finds, aligns and describes faces with two TorchScript models listed in a models.json: a
// "blazeface" detector (contract in modelmanifest.h) run on the whole photo and on overlapping tiles
// (BlazeFaceDecoder), FaceAligner's 150x150 chips, and an optional "face-descriptor" model
// (FaceDescriptorNet's contract). Batched: the whole-photo passes of all photos of a call go through
// the detector together, then the tiles of the photos that need them, then all chips through the
// descriptor. CUDA when asked for (fp32: the models
// are small and the descriptor's distances should not move). Create, use and destroy it on one
// thread (the inference thread). Torch stays out of this header.

#include "modelmanifest.h"
#include "tags/imageanalyzer.h"
#include "torchanalyzer.h"

#include <memory>
#include <optional>
#include <vector>

namespace shoebox {

struct RawFace;

class FaceAnalyzer {
public:
    // Real faces in the test photos score 0.75-0.96; a dog's face and two patches of clothing in
    // face-api's demo photos scored 0.62-0.65, and so did the small face in darknet's person.jpg.
    // See BENCHMARKS.md (## Faces).
    static constexpr float kDefaultMinScore = 0.7f;
    static constexpr float kMaxOverlap = 0.3f; // IoU above which two detections are one face
    // When a photo is also searched in tiles: only when its whole-photo pass finds small faces
    // (BlazeFaceDecoder::wantsTiles; the default), or always (large photos, as bench_faces compares).
    enum class Tiling { WhenSmallFaces, Always };

    // Verifies and loads the models (descriptor optional). nullptr with a one-line reason on failure.
    static std::unique_ptr<FaceAnalyzer> load(const ModelInfo& detector, const std::optional<ModelInfo>& descriptor,
        const AnalyzerOptions& options, QString* error);
    // The face models installed next to the tagger (search path), or nullptr with a reason.
    static std::unique_ptr<FaceAnalyzer> locate(const AnalyzerOptions& options, QString* error);
    ~FaceAnalyzer();

    // "blazeface@<sha>+dlib-resnet@<sha>": stored with every face so a model change is noticed.
    QString modelId() const;
    bool hasDescriptor() const;
    void setMinScore(float score);
    void setTiling(Tiling tiling);
    qint64 detectorPasses() const; // detector passes run so far (whole photos + tiles)
    // Larger decodes of originals asked for so far, and the faces cut from them.
    qint64 largerDecodes() const;
    qint64 facesFromLargerDecodes() const;

    // Upright 8-bit images (BGR, grey or BGRA), any size -> the faces of each, coordinates normalised.
    // Throws nothing: an image that cannot be analysed gets no faces and an error in errors (if given).
    // With sources (one per image), a face too small in its image for a good chip is aligned on a
    // larger decode of its photo (FaceResolution), once per photo at the scale its smallest face needs.
    std::vector<std::vector<FaceDetection>> analyze(const std::vector<cv::Mat>& images,
        std::vector<QString>* errors = nullptr, const std::vector<ImageSource>& sources = {});
    // Descriptors of aligned BGR chips (FaceAligner::align); empty vectors without a descriptor model.
    std::vector<std::vector<float>> describe(const std::vector<cv::Mat>& chips);

private:
    void alignAndDescribe(const std::vector<cv::Mat>& bgr, const std::vector<std::vector<RawFace>>& raw,
        const std::vector<ImageSource>& sources, std::vector<std::vector<FaceDetection>>& result);
    std::vector<cv::Mat> chipsOf(const cv::Mat& bgr, const std::vector<RawFace>& faces, const ImageSource* source);
    struct Impl;
    explicit FaceAnalyzer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace shoebox
