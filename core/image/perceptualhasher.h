#pragma once
// Perceptual signals of an upright decoded image, by kind. Pure functions, any thread.
// The scanner stores every kind compute() returns in the hashes table; the duplicate engine reads them.

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <vector>

namespace shoebox {

class PerceptualHasher {
public:
    // Side of the grey thumbnail stored as kind "gray" (kGraySide x kGraySide bytes).
    static constexpr int kGraySide = 24;
    // Number of 64-bit pHashes in kind "phash-variants" (see compute()).
    static constexpr int kVariantCount = 19;

    // kind -> bytes. Kinds:
    //  "phash"          64-bit DCT hash of the whole picture
    //  "ahash"          64-bit average hash (OpenCV img_hash), from the grey copy
    //  "phash-variants" 19 pHashes of crops and rotations of the picture (centre 94/88/80%, 90%
    //                   windows at the 4 corners and 4 sides, 78% windows at the 4 sides, +-4 and
    //                   +-8 degree straighten), so a crop or rotation of one photo finds the other's
    //                   full hash within a small distance (libraries scanned earlier keep 13)
    //  "gray"           kGraySide^2 grey levels of the whole picture squeezed to a square: the
    //                   duplicate matcher aligns two of these to verify a candidate pair
    //  "sharpness"      float32 (little-endian) variance of the Laplacian at a fixed scale
    //  "noise"          float32 noise floor in grey levels at 256 px (quietest tenth of 8x8 blocks)
    //  "region"         the frame around the picture (borders, mat, screen chrome, blurred padding)
    //                   and the pHash and grey thumbnail of the picture inside it (ContentRegionDetector)
    //  "jpeg-quality"   one byte, the JPEG quality (1..100) estimated from the file's quantisation
    //                   table, 0 for other formats: added by PhotoProcessor, which has the bytes
    static QMap<QString, QByteArray> compute(const cv::Mat& uprightBgr);
    // Every kind a scanned photo has (compute()'s and "jpeg-quality").
    static QStringList kinds();
    // Number of differing bits between two hashes of one kind; -1 when the sizes differ.
    static int hammingDistance(const QByteArray& a, const QByteArray& b);
    // Helpers shared with the duplicate engine.
    static uint64_t toU64(const QByteArray& bytes, int index = 0);
    static std::vector<uint64_t> variants(const QByteArray& bytes);
    static float floatValue(const QByteArray& bytes); // "sharpness", "noise": float32 little-endian
};

} // namespace shoebox
