#pragma once
// dlib's ResNet face descriptor (the network of face-api's FaceRecognitionNet, dlib's weights, CC0)
// rebuilt as a TorchScript module from face-api's weights manifest. The architecture is written out
// here because face-api ships weights only: a 7x7/2 stem, a 3x3/2 max-pool, 13 residual blocks
// (32, 64, 128, 256 channels; the first block of each width halves the resolution and its shortcut
// is a 2x2 average pool padded with zero channels), a global mean and a 256x128 linear layer.
// Each convolution is followed by a per-channel affine "scale" layer (dlib's batch norm, folded).
//
// Contract of a "face-descriptor" model: forward(chips: float[N,3,150,150] RGB 0..255, aligned by
// FaceAligner) returns float[N,128]; faces of one person lie within ~0.6 (Euclidean). Any thread.

#include <QString>

#include <memory>

namespace torch::jit {
struct Module;
}

namespace shoebox {

class FaceDescriptorNet {
public:
    static constexpr int kChipSize = 150;
    static constexpr int kDimensions = 128;
    // Reads face_recognition_model-weights_manifest.json and its shard. nullptr with a reason naming
    // the missing or misshapen weight on failure.
    static std::unique_ptr<torch::jit::Module> build(const QString& weightsManifest, QString* error);
};

} // namespace shoebox
