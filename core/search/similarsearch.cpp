#include "search/similarsearch.h"

#include "catalog/photostore.h"
#include "duplicates/duplicatesignals.h"

#include <QFile>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace shoebox {

QList<SimilarMatch> SimilarSearchResult::sameScene() const
{
    QList<SimilarMatch> out;
    for (const SimilarMatch& m : matches)
        if (m.level != DuplicateLevel::None)
            out << m;
    return out;
}

SimilarSearch::SimilarSearch(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

SimilarSearchResult SimilarSearch::run(qint64 photoId, const QString& file, int limit) const
{
    SimilarSearchResult result;
    QString loadError;
    const QVector<PhotoSignals> photos = DuplicateSignals(m_path).load(QString(), &loadError);
    if (!loadError.isEmpty()) {
        result.status = SimilarSearchResult::LibraryUnreadable;
        result.error = loadError;
        return result;
    }
    qint64 wanted = photoId;
    if (wanted <= 0 && !file.isEmpty()) {
        if (const auto known = PhotoStore(m_path).photoByPath(QFile::encodeName(file)))
            wanted = known->id;
    }
    const auto it = wanted > 0
        ? std::find_if(photos.begin(), photos.end(), [wanted](const PhotoSignals& p) { return p.id == wanted; })
        : photos.end();
    PhotoSignals query;
    if (it != photos.end()) {
        query = *it;
        result.queryId = wanted;
    } else {
        // Not in the library (or without signals): read it the way the scanner would.
        const cv::Mat img = cv::imread(QFile::encodeName(file).toStdString(), cv::IMREAD_COLOR);
        if (img.empty()) {
            result.status = SimilarSearchResult::FileUnreadable;
            result.error = QStringLiteral("%1: not an image Shoebox can read").arg(file);
            return result;
        }
        query = DuplicateSignals::fromImage(img, file);
    }
    // The candidates' keypoints come from the catalog (computed there on first need).
    const QString library = m_path;
    result.matches = SimilarFinder::rank(
        query, photos, DuplicateRules(), limit, [library](QVector<PhotoSignals>& all, const QVector<int>& which) {
            DuplicateSignals(library).loadKeypoints(all, which);
        });
    return result;
}

} // namespace shoebox
