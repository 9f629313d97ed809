#pragma once
// What a user does with people, for the GUI and the CLI alike (issue 12): clustering the faces the
// tagging job stored, naming, merging, moving a face, "not this person", splitting, hiding. Every
// action is one transaction and keeps the user's decisions: manual faces are never moved by the
// clusterer, verdicts are never undone, named people are never dissolved. Uses the calling thread's
// own catalog connection: create one per thread (never the UI thread for cluster()).

#include "people/faceclusterer.h"
#include "people/facestore.h"

#include <QSet>
#include <QString>

namespace shoebox {

struct ClusterReport {
    int faces = 0; // faces with a descriptor
    int clusterable = 0; // of those, big and sharp enough
    int placed = 0; // faces given a person in this run
    int newPeople = 0;
    int queried = 0;
    bool exact = true;
    double seconds = 0;
    QString error; // empty when it worked
};

class PeopleService {
public:
    explicit PeopleService(QString libraryPath, ClusterParams params = {});

    // Places the faces without a person (incremental: existing people keep their faces).
    ClusterReport cluster();
    // Clusters again from scratch, except what the user decided: named people and manually placed
    // faces stay, verdicts stay; unnamed people are dissolved and formed again.
    ClusterReport recluster();

    bool rename(qint64 personId, const QString& name, QString* error = nullptr);
    // Every face of `from` goes to `into`; `from` is removed. Its name is kept when `into` has none.
    bool merge(qint64 from, qint64 into, QString* error = nullptr);
    // The user puts a face on a person (manual: the clusterer never moves it again).
    bool moveFace(qint64 faceId, qint64 personId, QString* error = nullptr);
    // "Not this person": the face leaves its person for good and never joins them again.
    bool rejectFace(qint64 faceId, QString* error = nullptr);
    // The face becomes a new person of its own; returns its id (0 on error).
    qint64 splitFace(qint64 faceId, QString* error = nullptr);
    // Names the face's person: an existing person of exactly that name, else a new one. Returns its id.
    qint64 nameFace(qint64 faceId, const QString& name, QString* error = nullptr);
    bool setHidden(qint64 personId, bool hidden, QString* error = nullptr);

    // Whether the clusterer considers the face at all (size, sharpness, descriptor).
    static bool isClusterable(const StoredFace& face);
    // "12 faces, closest pair 0.31, farthest 0.52" from the descriptors of one person's faces.
    static QString reasonFor(const std::vector<const std::vector<float>*>& descriptors);

private:
    bool refreshPeople(const QSet<qint64>& people, QString* error);
    bool applyOutcome(const ClusterOutcome& outcome, QSet<qint64>& touched, QString* error);

    QString m_path;
    ClusterParams m_params;
};

} // namespace shoebox
