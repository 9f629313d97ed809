#pragma once
// A small, fast PNG encoder for thumbnails: 8-bit RGB, "Up" row filter and libdeflate
// (smaller than a default libpng encode at a fraction of its CPU), with tEXt chunks for the
// freedesktop thumbnail keys (Qt's writer compresses long values into zTXt and spends more time).
// Pure function, any thread.

#include <QByteArray>
#include <QList>
#include <QPair>

#include <opencv2/core/mat.hpp>

namespace shoebox {

class PngWriter {
public:
    // image: 8-bit BGR. texts: (key, value) pairs written as tEXt before the pixels.
    static QByteArray encode(const cv::Mat& bgr, const QList<QPair<QByteArray, QByteArray>>& texts);
};

} // namespace shoebox
