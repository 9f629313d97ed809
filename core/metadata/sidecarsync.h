#pragma once
// Writes what the catalog knows about photos (manual tags, rating, pick/reject, title, description,
// named faces) into their `.xmp` sidecars, never into the originals. A sidecar that another tool
// changed since Shoebox last read it is merged in first: keywords are united, the newer rating wins,
// and the disagreement is logged. Also the preference (off by default) that writes sidecars as marks
// change. Uses the calling thread's connection: create one per thread.

#include "catalog/photo.h"
#include "metadata/xmpdata.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace shoebox {

struct SidecarReport {
    int written = 0;
    int merged = 0; // sidecars another tool had changed, read back first
    QStringList notes; // disagreements between a sidecar and the catalog, and how they were settled
    QStringList errors; // "path: reason" per photo whose sidecar could not be written
};

class SidecarSync {
public:
    explicit SidecarSync(QString libraryPath);
    SidecarReport write(const QVector<qint64>& ids);
    // What the catalog says about one photo, as XMP (export writes it into copies too).
    XmpData fromCatalog(qint64 photoId, QString* error = nullptr) const;

    // The preference: write sidecars whenever marks, tags or albums change (QSettings).
    static bool enabled();
    static void setEnabled(bool on);

private:
    bool mergeChanged(const PhotoRecord& photo, qint64 sidecarMtime, const QByteArray& sidecar, SidecarReport& report);
    QString m_path;
};

} // namespace shoebox
