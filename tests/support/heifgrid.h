#pragma once
// Builds a HEIC whose primary image is a 'grid' of HEVC tiles, the layout iPhones write (48 tiles of
// 512x512 for 12 MP). libheif 1.15's encoder writes single images only, so each tile is encoded by
// libheif and the boxes that join them into one picture (pitm, iloc, iinf, iref 'dimg', iprp with
// hvcC/ispe and ipma, the grid descriptor) are written here, following ISO/IEC 23008-12. Test thread only.

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace shoebox::test {

// The picture cut into tileSize x tileSize tiles (the last row and column padded by repeating the edge,
// then cropped away by the grid's output size), or empty with *error set.
QByteArray gridHeic(const cv::Mat& bgr, int tileSize, int quality = 85, QString* error = nullptr);

} // namespace shoebox::test
