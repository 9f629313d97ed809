#pragma once
// JSON shapes shared by several shoebox-cli commands.

#include "catalog/photo.h"

#include <QJsonObject>
#include <QList>

namespace shoebox::cli {

QJsonObject photoToJson(const PhotoRecord& r, bool details);
// Adds "live": true for Live Photos and motion photos, "partners": [{"path", "role"}] for the files
// paired with r, and "partner_of": path when r is itself the secondary half of a pair.
void putPartners(QJsonObject& o, const PhotoRecord& r, const QList<PhotoRecord>& partners, const QString& partnerOf);
// "2019-07-14 12:34:56.120 +02:00 (exif)" style one-liner for people.
QString describeTime(const PhotoMetadata& m);

} // namespace shoebox::cli
