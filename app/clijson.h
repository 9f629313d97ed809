#pragma once
// JSON shapes shared by several shoebox-cli commands.

#include "catalog/photo.h"

#include <QJsonObject>

namespace shoebox::cli {

QJsonObject photoToJson(const PhotoRecord& r, bool details);
// "2019-07-14 12:34:56.120 +02:00 (exif)" style one-liner for people.
QString describeTime(const PhotoMetadata& m);

} // namespace shoebox::cli
