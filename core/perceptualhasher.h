#pragma once
// Perceptual hashes of an upright decoded image, by kind. Pure functions, any thread.

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <opencv2/core/mat.hpp>

namespace shoebox {

class PerceptualHasher {
public:
    // kind -> bytes. Kinds: "phash" (64-bit DCT hash), "blockmean" (256-bit block-mean hash).
    static QMap<QString, QByteArray> compute(const cv::Mat& uprightBgr);
    static QStringList kinds();
    // Number of differing bits between two hashes of one kind.
    static int hammingDistance(const QByteArray& a, const QByteArray& b);
};

}  // namespace shoebox
