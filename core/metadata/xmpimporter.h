#pragma once
// Applies what XMP/IPTC said about photos to the catalog: keywords become manual tags (added, never
// removed: the union of both sides), the newer of the XMP's and the catalog's rating wins, and named
// MWG regions become named faces. A disagreement is kept as a note and logged. Uses the calling
// thread's connection: create one per thread.

#include "metadata/xmpdata.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace shoebox {

struct XmpImport {
    qint64 photoId = 0;
    QString displayPath; // for notes
    XmpData xmp;
    qint64 changedNs = 0; // when the XMP last changed (the sidecar's or else the file's mtime)
};

class XmpImporter {
public:
    explicit XmpImporter(QString libraryPath);
    // Tags and faces in one transaction, then the marks. notes receives "path: what disagreed" lines.
    bool apply(const QList<XmpImport>& items, QStringList* notes, QString* error = nullptr);

    // The face model name faces from XMP regions carry.
    static QString faceModel() { return QStringLiteral("xmp"); }

private:
    bool applyFaces(const XmpImport& item, QStringList* notes, QString* error);
    QString m_path;
};

} // namespace shoebox
