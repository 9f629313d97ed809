#pragma once
// Synthetic faces for the people tests and benchmarks: descriptors spread like dlib's 128-d face
// descriptor (same person about 0.3-0.5 apart, different people 0.7-1.0), and photos with such faces
// stored straight into a library. Used on the test's own thread.

#include "tags/imageanalyzer.h"

#include <QList>
#include <QString>

#include <random>
#include <vector>

namespace shoebox::test {

class SyntheticFaces {
public:
    static constexpr int kDim = 128;
    // Face noise per axis: 16 * sigma is the typical distance of two faces of one person (0.4).
    static constexpr float kFaceSigma = 0.025f;
    // Centre spread per axis: two people's faces end up about 0.85 apart.
    static constexpr float kCentreSigma = 0.047f;

    explicit SyntheticFaces(unsigned seed = 12);
    // A new person; faceSigma sets how much their faces vary. Returns the person's index.
    int addPerson(float faceSigma = kFaceSigma);
    // A person whose centre lies `distance` from another's (siblings, a child and a parent).
    int addRelative(int of, float distance, float faceSigma = kFaceSigma);
    std::vector<float> face(int person);
    // A point on the straight line between two people's centres (t = 0: a, 1: b), no noise.
    std::vector<float> between(int a, int b, float t) const;
    int people() const { return int(m_centres.size()); }

private:
    std::mt19937 m_rng;
    std::vector<std::vector<float>> m_centres;
    std::vector<float> m_sigma;
};

// A face big and sharp enough to be clustered, with this descriptor, in the given box.
FaceDetection syntheticFace(std::vector<float> descriptor, const QRectF& box = QRectF(0.4, 0.3, 0.2, 0.2));

// A 1000x1000 photo "/faces/IMG_<i>.jpg" (or at path) saved into the library with these faces
// (FaceStore, model "fake-faces@1"). Returns the photo id (0 on failure).
qint64 savePhotoWithFaces(
    const QString& library, int i, const std::vector<FaceDetection>& faces, const QString& path = {});

double descriptorDistance(const std::vector<float>& a, const std::vector<float>& b);

} // namespace shoebox::test
