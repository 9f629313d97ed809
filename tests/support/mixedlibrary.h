#pragma once
// Writes a phone-and-camera library of every kind Shoebox catalogues (JPEG, HEIC, RAW+JPEG pair,
// video, Live Photo, motion photo) and counts the items `shoebox-cli --json list` shows per kind, so
// a test and the mixed-library benchmark compare what was put in with what came out. Test thread only.

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace shoebox::test {

class MixedLibrary {
public:
    // Files written per set: eight, for six items (the pair's DNG and the Live Photo's MOV are the
    // secondary halves that `list` shows through their partner).
    static constexpr int kFilesPerSet = 8;

    // Writes `sets` sets, each in its own folder DIR/set_NNN with its own Live Photo identifier; false
    // with *error when a fixture cannot be made (no ffmpeg, no HEIC encoder).
    static bool write(const QString& dir, int sets, QString* error = nullptr);
    // What `list` must show for that many sets: item kind -> count.
    static QMap<QString, int> expectedItems(int sets);
    // The item kind of one `list --json` entry: "live", "motion", "raw+jpeg", "video", "raw", or the
    // photo's format ("jpeg", "heic").
    static QString itemKind(const QJsonObject& listed);
    static QMap<QString, int> countItems(const QJsonArray& listed);
};

} // namespace shoebox::test
