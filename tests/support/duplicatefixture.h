#pragma once
// Synthetic photos and their duplicate signals for the duplicate engine's tests.

#include "duplicates/duplicatetypes.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace shoebox::test {

// A photo-like picture (smooth random shapes plus fine texture), different for every seed.
cv::Mat syntheticPhoto(int seed, int width = 480, int height = 360);
// A grey gradient with one soft disc near the right edge (960x720): a near-empty picture, little for
// the thumbnails to place a window on and few corners for keypoints.
cv::Mat nearEmptyPicture();
// The same picture cropped by fraction on every side.
cv::Mat cropped(const cv::Mat& img, double fraction);
// The picture in grey as the engine's closer looks read it: its large (256 px) thumbnail.
cv::Mat largeGray(const cv::Mat& bgr);
// The same picture at half the size (area-averaged, as a resize for sharing would do).
cv::Mat half(const cv::Mat& img);
// Signals as the scanner would store them, with a made-up content hash derived from tag.
PhotoSignals signalsFor(const cv::Mat& img, qint64 id, const QString& path, const QByteArray& tag);
// The pictures saved in folder dir as p1.jpg, p2.jpg ... (JPEG quality 90), or as PNG where suffix is
// "png", with their signals as a scan stores them (ids 1, 2 ...; keypoints too, unless not asked for)
// and their raw paths. Empty where a file cannot be written.
QVector<PhotoSignals> savedPhotos(const QString& dir, const std::vector<cv::Mat>& pictures,
    const QString& suffix = QStringLiteral("jpg"), bool keypoints = true);
// The reasons of the one similar group the finder makes of photos under the default rules, joined by
// spaces; "N similar groups" where it makes none or several.
QString similarReasons(const QVector<PhotoSignals>& photos);
// Adds a photo to the library as a scan would (record + every hash kind); returns its id.
// Signals of an image under a path made from its id ("/p7.jpg"), its bytes tagged by the id.
PhotoSignals photoOf(const cv::Mat& img, qint64 id);
// "near: reason; reason" for failure messages.
QString describe(const PairDecision& d);
qint64 addToCatalog(const QString& library, const cv::Mat& img, const QString& path, const QByteArray& tag);

} // namespace shoebox::test
