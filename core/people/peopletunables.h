#pragma once
// The thresholds of face clustering in one place (issue 12). Distances are Euclidean on dlib's 128-d
// face descriptor, where dlib's own same-person threshold is 0.6.

namespace shoebox::tunables::people {

// Two faces are "close" at or below this distance. Below dlib's 0.6 on purpose: siblings and children
// sit near 0.55, and a person split in two is one merge away, two people merged are a long untangle.
constexpr float kClusterDistance = 0.5f;
// A face is a core face when this many faces (itself included) are close to it; only core faces link
// a cluster together, so one blurry face between two people cannot chain them (DBSCAN's minPts).
constexpr int kMinCoreFaces = 3;
// A new person needs at least this many faces.
constexpr int kMinPersonFaces = 3;
// Faces smaller than this (square root of the box area, in pixels of the upright photo) or blurrier
// than this (variance of the Laplacian on the aligned chip) are stored but never clustered.
constexpr double kMinFacePixels = 40;
constexpr float kMinSharpness = 10.f;
// Each face keeps at most this many close faces (the nearest): enough to decide core faces and link
// clusters, and bounded when one person has thousands of faces.
constexpr int kNeighbourLimit = 24;
// Exact neighbour search below this many query x face pairs, an inverted file above it.
constexpr double kExactSearchPairs = 2e7;
// Cells of the inverted file searched per query (people, or about 2 sqrt(faces) k-means cells).
constexpr int kProbedCells = 8;
// A face that keeps its row when its photo is analysed again overlaps the old box at least this much.
constexpr double kSameFaceOverlap = 0.5;
// A face's chip may be upsampled from the scan's decode by up to this factor; a smaller face is cut
// from a larger decode of the original (FaceResolution), and a face that would be shrunk by more than
// this is area-reduced before the warp.
constexpr double kChipScaleSlack = 1.25;

} // namespace shoebox::tunables::people
