#pragma once
// Photos that look like one given photo, best first: by embedding through a FAISS inner-product index
// when the photos are tagged, else through FAISS indexes over the perceptual hashes and the grey
// descriptors; every hit is then judged by the duplicate matchers so it carries a level and reasons.
// Pure function over loaded signals; any thread.

#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"

namespace shoebox {

struct SimilarMatch {
    qint64 id = 0;
    QString path;
    DuplicateLevel level = DuplicateLevel::None; // None: only alike, not even the same scene
    double score = 0; // cosine of embeddings, else aligned correlation
    QStringList reasons;
};

class SimilarFinder {
public:
    // loadKeypoints, when given, fills in the keypoints of the query and its candidates (a few
    // dozen photos) so crops of textures and stamped copies are told as near as in DuplicateFinder.
    static QList<SimilarMatch> rank(const PhotoSignals& query, const QVector<PhotoSignals>& photos,
        const DuplicateRules& rules, int limit, const KeypointLoader& loadKeypoints = KeypointLoader());
};

} // namespace shoebox
