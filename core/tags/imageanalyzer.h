#pragma once
// The interface core uses to run inference. models/ implements it with libtorch; tests use fakes.
// An analyzer is owned and called by one thread at a time (the tagging job's inference thread).

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>

#include <opencv2/core/mat.hpp>

#include <array>
#include <functional>
#include <vector>

namespace shoebox {

struct Detection {
    int classIndex = -1; // index into the model's label list
    QString label; // the model's label key (English, e.g. "dog")
    float score = 0.f;
    QRectF box; // normalised to the image: 0..1 on both axes
    // The label's names by language when the model brings its own (a user's classifier); the built-in
    // vocabulary names the tagger's labels.
    QHash<QString, QString> names;
};

// One face found in an image (issue 12). Coordinates are normalised to the upright image (0..1).
struct FaceDetection {
    QRectF box;
    // BlazeFace order: eye on the image's left, eye on the image's right, nose, mouth, ear left, ear right.
    std::array<QPointF, 6> keypoints {};
    float score = 0.f;
    // Variance of the Laplacian on the aligned 150x150 chip; small or blurry faces are stored but not
    // clustered into people.
    float sharpness = 0.f;
    std::vector<float> descriptor; // 128-d face descriptor (Euclidean); empty without a descriptor model
};

struct Analysis {
    std::vector<Detection> detections; // already filtered by the per-class thresholds
    std::vector<FaceDetection> faces; // empty when no face model is installed or none was found
    std::vector<float> embedding; // L2-normalised global embedding; empty when the model has none
    QString error; // non-empty when this image could not be analysed
};

// The photo an image came from, for faces too small in the image to be described well (issue 12):
// decode(minLongSide) decodes the original again, upright like the image, with at least that many
// pixels on its long side where it has them (an empty Mat when it cannot); full is the original's
// upright size (empty when unknown). Called on the analyzer's thread, only for photos that need it.
struct ImageSource {
    QSize full;
    std::function<cv::Mat(int minLongSide)> decode;
};

class ImageAnalyzer {
public:
    virtual ~ImageAnalyzer() = default;
    // A stable identifier of model + version; stored with every auto tag and embedding.
    virtual QString modelId() const = 0;
    virtual QStringList labels() const = 0;
    // Images are upright 8-bit BGR (as OpenCV decodes them), any size. One result per image, same order.
    virtual std::vector<Analysis> analyze(const std::vector<cv::Mat>& images) = 0;
    // As analyze(), given the photo each image came from (sources may be empty, an entry may have no
    // decode): faces too small in an image are described from a larger decode of its photo.
    // Analyzers without faces have no use for the sources.
    virtual std::vector<Analysis> analyzeFrom(
        const std::vector<cv::Mat>& images, const std::vector<ImageSource>& sources)
    {
        (void)sources;
        return analyze(images);
    }
    // Identifier of the face models (detector + descriptor) or empty when this analyzer finds no faces.
    virtual QString faceModelId() const { return {}; }
    // Stop looking for faces (`scan --no-faces`): no face inference runs from then on and
    // faceModelId() is empty. Analyzers without faces have nothing to stop.
    virtual void disableFaces() { }
    // Preferred batch size for this device.
    virtual int batchSize() const { return 8; }
};

} // namespace shoebox
