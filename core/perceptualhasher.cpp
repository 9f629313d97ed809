#include "perceptualhasher.h"

#include <opencv2/img_hash.hpp>
#include <opencv2/imgproc.hpp>


namespace shoebox {

namespace {

QByteArray toBytes(const cv::Mat& m)
{
    return QByteArray(reinterpret_cast<const char*>(m.data), int(m.total() * m.elemSize()));
}

}  // namespace

QStringList PerceptualHasher::kinds()
{
    return {QStringLiteral("phash"), QStringLiteral("blockmean")};
}

QMap<QString, QByteArray> PerceptualHasher::compute(const cv::Mat& uprightBgr)
{
    QMap<QString, QByteArray> out;
    if (uprightBgr.empty())
        return out;
    // Hashes look at a tiny image: shrink once with area averaging (what a pHash of the full image
    // effectively sees), so huge inputs cost no more than small ones.
    cv::Mat small;
    const double scale = 128.0 / std::max(uprightBgr.cols, uprightBgr.rows);
    if (scale < 1.0)
        cv::resize(uprightBgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
    else
        small = uprightBgr;
    cv::Mat h;
    cv::img_hash::pHash(small, h);
    out.insert(QStringLiteral("phash"), toBytes(h));
    cv::img_hash::blockMeanHash(small, h, cv::img_hash::BLOCK_MEAN_HASH_MODE_0);
    out.insert(QStringLiteral("blockmean"), toBytes(h));
    return out;
}

int PerceptualHasher::hammingDistance(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return -1;
    int d = 0;
    for (int i = 0; i < a.size(); ++i)
        d += __builtin_popcount(static_cast<unsigned char>(a[i] ^ b[i]));
    return d;
}

}  // namespace shoebox
