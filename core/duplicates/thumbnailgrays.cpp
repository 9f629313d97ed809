#include "duplicates/thumbnailgrays.h"

#include "duplicates/duplicatesignals.h"

#include <opencv2/imgproc.hpp>

namespace shoebox {

cv::Mat ThumbnailGrays::of(const PhotoSignals& p)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto it = m_grays.constFind(p.rawPath);
        if (it != m_grays.constEnd())
            return *it;
    }
    cv::Mat gray;
    const cv::Mat bgr = DuplicateSignals::thumbnailFromDisk(p);
    if (!bgr.empty())
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_grays.size() >= kMaxKept)
        m_grays.clear();
    m_grays.insert(p.rawPath, gray);
    return gray;
}

} // namespace shoebox
