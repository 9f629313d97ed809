#pragma once
// Reads and writes faces in the catalog: the sole writer of the tables faces, face_verdicts and
// face_scans (issue 12). Each instance uses the calling thread's own connection: create one per thread,
// never share it. Writes join the caller's transaction when one is open on that connection.

#include "tags/imageanalyzer.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>
#include <QVector>

#include <array>
#include <vector>

namespace shoebox {

struct StoredFace {
    qint64 id = 0;
    qint64 photoId = 0;
    QString model;
    QRectF box; // normalised to the upright photo
    std::array<QPointF, 6> keypoints {};
    float score = 0.f;
    float sharpness = 0.f;
    std::vector<float> descriptor; // empty unless asked for
    qint64 personId = 0; // 0: nobody (yet)
    bool manual = false; // placed by the user: the clusterer never moves it
    double distance = -1; // to the nearest core face of its person, -1 when unknown
    int neighbours = -1; // close faces when last counted, -1 when never counted
    double pixels = 0; // square root of the box area in pixels of the upright photo
};

class FaceStore {
public:
    explicit FaceStore(QString libraryPath);

    // Replaces the faces of one photo with a new analysis. A new face overlapping an old one keeps the
    // old row (id, person, verdicts), so a rescan or a newer model never undoes a user's decision.
    bool replaceFaces(
        qint64 photoId, const QString& model, const std::vector<FaceDetection>& faces, QString* error = nullptr);
    // Records that the face models `model` analysed the photo (it is not analysed again by them).
    bool markScanned(qint64 photoId, const QString& model, QString* error = nullptr);
    qint64 pendingCount(const QString& model) const;

    QList<StoredFace> facesOfPhoto(qint64 photoId, QString* error = nullptr) const;
    StoredFace face(qint64 faceId, bool withDescriptor = false) const;
    // Every face of an ok photo, with descriptors when asked (the clusterer's input).
    QList<StoredFace> allFaces(bool withDescriptors, QString* error = nullptr) const;
    QVector<qint64> facesOfPerson(qint64 personId, QString* error = nullptr) const;

    bool setPerson(qint64 faceId, qint64 personId, bool manual, double distance, QString* error = nullptr);
    // A named face from outside the face models (an MWG region in XMP): a box and a person, no
    // descriptor, assigned manually so the clusterer never moves it. The new face's id, 0 on error.
    qint64 addNamedFace(
        qint64 photoId, const QString& model, const QRectF& box, qint64 personId, QString* error = nullptr);
    // Every face of person `from` goes to `into` (a merge); faces with a verdict against `into` are
    // left without a person instead.
    bool moveAllFaces(qint64 from, qint64 into, QString* error = nullptr);
    // Auto-assigned faces of the person lose it (a re-clustering); manual ones stay.
    bool releaseAutoFaces(qint64 personId, QString* error = nullptr);
    bool setNeighbourCounts(const QList<QPair<qint64, int>>& counts, QString* error = nullptr);

    // "Not this person", for good.
    bool addVerdict(qint64 faceId, qint64 personId, QString* error = nullptr);
    // Moves the verdicts against `from` to `into` (after a merge the merged person is still not them).
    bool moveVerdicts(qint64 from, qint64 into, QString* error = nullptr);
    // face id -> people it is not.
    QHash<qint64, QVector<qint64>> verdicts(QString* error = nullptr) const;

    static QByteArray packKeypoints(const std::array<QPointF, 6>& points);
    static std::array<QPointF, 6> unpackKeypoints(const QByteArray& blob);

private:
    QString m_path;
};

} // namespace shoebox
