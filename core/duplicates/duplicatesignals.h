#pragma once
// Loads every signal the duplicate engine needs from the catalog in one pass per table: photos,
// hashes and (when the tagger has run) embeddings. Also builds the same signals straight from a
// decoded image, for files outside the catalog and for benchmarks. One instance per thread.

#include "duplicates/duplicatetypes.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <atomic>

namespace shoebox {

class DuplicateSignals {
public:
    explicit DuplicateSignals(QString libraryPath);

    // Photos in state ok, optionally only those below folder (absolute path). Embeddings of the
    // model most photos have are loaded; others are ignored.
    QVector<PhotoSignals> load(const QString& folder = QString(), QString* error = nullptr) const;
    // Fills the hash-derived fields of p from the kinds PerceptualHasher produced.
    static void applyHashes(PhotoSignals& p, const QMap<QString, QByteArray>& hashes);
    // Signals of a file read from disk (upright decode); for the "similar FILE" command and benchmarks.
    static PhotoSignals fromImage(const cv::Mat& uprightBgr, const QString& path);
    // Fills PhotoSignals::keypoints of photos[i] for each i in which: read from the hashes table
    // (kind "keypoints"), or, the first time a photo needs them, computed from its cached thumbnail
    // (else from the file) and stored there. The scan does not compute them: few photos ever need
    // them, and 1.3 ms per photo would be a tenth of the scan. Returns how many were computed.
    // When cancel turns true the rest are left out (not stored).
    int loadKeypoints(
        QVector<PhotoSignals>& photos, const QVector<int>& which, const std::atomic_bool* cancel = nullptr) const;
    // A catalogued photo at 256 px (BGR, upright) from its cached thumbnail, else from its file; empty
    // when neither decodes.
    static cv::Mat thumbnailFromDisk(const PhotoSignals& p);
    // Keypoints of a catalogued photo from its thumbnail or file; empty bytes when neither decodes.
    static QByteArray keypointsFromDisk(const PhotoSignals& p);
    // fp16 (IEEE half, little-endian) -> float.
    static std::vector<float> decodeHalfVector(const QByteArray& blob, int dim);

private:
    QString m_path;
};

} // namespace shoebox
