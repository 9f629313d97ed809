#pragma once
// "Find similar" for the window: the library's photos that look like a photo of the library or like
// an outside image file, best first, through the engine's SimilarFinder. run() blocks: call it on a
// worker thread (it opens that thread's catalog connection and closes it again).

#include <QString>
#include <QVector>

namespace shoebox {

class SimilarSearch {
public:
    // photoId > 0: a photo of the library (left out of the result); else file is read from disk.
    // Empty with a reason in error when the file cannot be read.
    static QVector<qint64> run(
        const QString& libraryPath, qint64 photoId, const QString& file, int limit, QString* error = nullptr);
};

} // namespace shoebox
