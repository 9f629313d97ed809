#include "pages/similarsearch.h"

#include "duplicates/duplicatesignals.h"
#include "search/similarfinder.h"

#include <QFile>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace shoebox {

QVector<qint64> SimilarSearch::run(
    const QString& libraryPath, qint64 photoId, const QString& file, int limit, QString* error)
{
    QString loadError;
    const QVector<PhotoSignals> photos = DuplicateSignals(libraryPath).load(QString(), &loadError);
    if (!loadError.isEmpty()) {
        if (error)
            *error = loadError;
        return {};
    }
    PhotoSignals query;
    const auto it = std::find_if(photos.begin(), photos.end(), [&](const PhotoSignals& p) { return p.id == photoId; });
    if (photoId > 0 && it != photos.end()) {
        query = *it;
    } else {
        const cv::Mat img = cv::imread(QFile::encodeName(file).toStdString(), cv::IMREAD_COLOR);
        if (img.empty()) {
            if (error)
                *error = QStringLiteral("%1: not an image Shoebox can read").arg(file);
            return {};
        }
        query = DuplicateSignals::fromImage(img, file);
    }
    QVector<qint64> ids;
    if (photoId > 0)
        ids.append(photoId); // the photo itself leads, so people see what was compared
    // The candidates' keypoints come from the catalog (computed there on first need).
    const QList<SimilarMatch> matches = SimilarFinder::rank(query, photos, DuplicateRules(), limit,
        [&libraryPath](QVector<PhotoSignals>& all, const QVector<int>& which) {
            DuplicateSignals(libraryPath).loadKeypoints(all, which);
        });
    for (const SimilarMatch& m : matches) {
        // Only photos of the same picture or the same scene: the grid shows them by date, not by rank,
        // so the merely alike would bury them.
        if (m.id != photoId && m.level != DuplicateLevel::None)
            ids.append(m.id);
    }
    return ids;
}

} // namespace shoebox
