#pragma once
// The photos' 256 px greys for the checks that look closer than the stored signals (ScreenStates,
// Reframings): each photo's large thumbnail, else its file, read once and kept by raw path (at most
// kMaxKept, 64 KB each). Any thread.

#include "duplicates/duplicatetypes.h"

#include <QHash>

#include <opencv2/core/mat.hpp>

#include <mutex>

namespace shoebox {

class ThumbnailGrays {
public:
    // CV_8U, 256 px on the long side; empty where neither the thumbnail nor the file decodes.
    cv::Mat of(const PhotoSignals& p);

private:
    static constexpr int kMaxKept = 1024; // a library of screenshots would not fit
    std::mutex m_mutex;
    QHash<QByteArray, cv::Mat> m_grays;
};

} // namespace shoebox
