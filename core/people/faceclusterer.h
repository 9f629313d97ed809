#pragma once
// Groups faces into people (issue 12): incremental, conservative core-point DBSCAN. Only faces
// without a person are placed; they join an existing person only through a core face of that person
// (one with kMinCoreFaces close faces), two faces of one photo never end up in one person, a face
// never joins a person it was declared not to be, and two existing people are never merged. Faces
// that link to nobody form new people when enough of them hang together. A pure function on values:
// any thread (the tagging job's inference thread runs it after a job).

#include "people/peopletunables.h"

#include <QtGlobal>

#include <vector>

namespace shoebox {

struct ClusterFace {
    qint64 id = 0;
    qint64 photoId = 0;
    qint64 personId = 0; // 0: to be placed
    int neighbours = -1; // close faces when last counted; -1 when never counted
    std::vector<qint64> notPeople; // "not this person" verdicts
};

struct ClusterInput {
    static constexpr int kDim = 128;
    std::vector<ClusterFace> faces; // clusterable faces only (big and sharp enough, with a descriptor)
    std::vector<float> descriptors; // faces.size() rows of kDim
};

struct ClusterParams {
    float eps = tunables::people::kClusterDistance;
    int minCoreFaces = tunables::people::kMinCoreFaces;
    int minPersonFaces = tunables::people::kMinPersonFaces;
    int neighbourLimit = tunables::people::kNeighbourLimit;
};

struct FaceAssignment {
    qint64 faceId = 0;
    qint64 personId = 0; // an existing person, or 0 with newPerson set
    int newPerson = -1; // index of a new person of this run
    float distance = 0; // to the nearest core face it was linked through
};

struct ClusterOutcome {
    std::vector<FaceAssignment> assignments;
    int newPeople = 0;
    std::vector<std::pair<qint64, int>> neighbourCounts; // faces whose count changed
    int queried = 0; // faces whose neighbours were searched
    bool exact = true; // the neighbour search was exact
};

class FaceClusterer {
public:
    explicit FaceClusterer(ClusterParams params = {});
    ClusterOutcome cluster(const ClusterInput& input) const;

private:
    ClusterParams m_params;
};

} // namespace shoebox
