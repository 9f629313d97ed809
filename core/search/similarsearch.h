#pragma once
// Find Similar for every front end: resolves the query (a photo of the library by id or by path, or
// an outside image file read from disk), loads the library's signals, runs SimilarFinder with the
// candidates' keypoints, and returns the matches with their levels and reasons as plain values, so
// `shoebox-cli similar` and the window's Find Similar cannot disagree. run() blocks: the GUI calls it
// on a worker thread, with that thread's catalog connection (closing it is the caller's business).

#include "search/similarfinder.h"

#include <QList>
#include <QString>

namespace shoebox {

struct SimilarSearchResult {
    enum Status { Found, LibraryUnreadable, FileUnreadable };
    Status status = Found;
    QString error; // LibraryUnreadable: the catalog's reason; FileUnreadable: a line naming the file
    qint64 queryId = 0; // the library's photo that was the query; 0 for an outside file
    QList<SimilarMatch> matches; // best first (level, then score); never the query itself

    bool ok() const { return status == Found; }
    // Only photos of the same picture or the same scene (level above None), best first: the merely
    // alike are left out.
    QList<SimilarMatch> sameScene() const;
};

class SimilarSearch {
public:
    explicit SimilarSearch(QString libraryPath);

    // photoId > 0: that photo of the library. Otherwise file (absolute): the library's photo at that
    // path when there is one, else the image read from disk, upright.
    SimilarSearchResult run(qint64 photoId, const QString& file, int limit) const;

private:
    QString m_path;
};

} // namespace shoebox
