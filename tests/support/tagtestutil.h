#pragma once
// Helpers shared by the tagging tests: a fresh library and photos inserted without a scan.

#include "catalog/database.h"
#include "catalog/photostore.h"

#include <QDateTime>
#include <QTemporaryDir>

namespace shoebox::test {

inline qint64 addPhoto(const QString& library, const QString& path, const QDateTime& taken = QDateTime(),
    const QString& cameraModel = QString())
{
    PhotoRecord r;
    r.path = path.toUtf8();
    r.displayPath = path;
    r.format = QStringLiteral("jpeg");
    r.meta.takenAt = taken;
    r.meta.cameraModel = cameraModel;
    return PhotoStore(library).save(r, {});
}

} // namespace shoebox::test
