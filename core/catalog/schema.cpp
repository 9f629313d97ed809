#include "catalog/schema.h"

namespace shoebox {

namespace {

QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE folders ("
                       " id INTEGER PRIMARY KEY,"
                       " path BLOB NOT NULL UNIQUE," // raw file-system bytes
                       " display_path TEXT NOT NULL,"
                       " added_at INTEGER NOT NULL,"
                       " state TEXT NOT NULL DEFAULT 'ok',"
                       " error TEXT)"),
        QStringLiteral("CREATE TABLE photos ("
                       " id INTEGER PRIMARY KEY,"
                       " folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,"
                       " path BLOB NOT NULL UNIQUE," // absolute, raw bytes
                       " display_path TEXT NOT NULL,"
                       " name TEXT NOT NULL," // display file name, for search
                       " size INTEGER NOT NULL DEFAULT 0,"
                       " mtime_ns INTEGER NOT NULL DEFAULT 0,"
                       " content_hash BLOB," // XXH3-128 of the bytes
                       " format TEXT,"
                       " width INTEGER, height INTEGER, orientation INTEGER,"
                       " taken_at TEXT," // local wall time, ISO 8601 with ms
                       " taken_offset INTEGER," // minutes east of UTC when known
                       " taken_source TEXT," // exif | exif-digitized | file
                       " camera_make TEXT, camera_model TEXT, lens TEXT,"
                       " exposure_time REAL, f_number REAL, focal_length REAL, iso INTEGER,"
                       " gps_lat REAL, gps_lon REAL, gps_alt REAL,"
                       " state TEXT NOT NULL DEFAULT 'ok'," // ok | error | unsupported | missing
                       " error TEXT,"
                       " scanned_at INTEGER,"
                       " tagged_model TEXT)"), // model id of the last auto-tagging
        QStringLiteral("CREATE INDEX photos_hash ON photos(content_hash)"),
        // Serves the grid order and the timeline from the index alone (rowid is in every index).
        QStringLiteral("CREATE INDEX photos_state_taken ON photos(state, taken_at)"),
        QStringLiteral("CREATE INDEX photos_folder ON photos(folder_id)"),
        QStringLiteral("CREATE TABLE hashes ("
                       " photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,"
                       " kind TEXT NOT NULL," // phash | blockmean | colormoment ...
                       " bits BLOB NOT NULL,"
                       " PRIMARY KEY(photo_id, kind))"),
        QStringLiteral("CREATE TABLE embeddings ("
                       " photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,"
                       " model TEXT NOT NULL,"
                       " dim INTEGER NOT NULL,"
                       " vector BLOB NOT NULL," // fp16, L2-normalised
                       " PRIMARY KEY(photo_id, model))"),
        QStringLiteral("CREATE TABLE tags ("
                       " id INTEGER PRIMARY KEY,"
                       " key TEXT NOT NULL UNIQUE)"), // English key, e.g. "dog"
        QStringLiteral("CREATE TABLE tag_names ("
                       " tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
                       " lang TEXT NOT NULL,"
                       " name TEXT NOT NULL,"
                       " PRIMARY KEY(tag_id, lang))"),
        QStringLiteral("CREATE INDEX tag_names_name ON tag_names(name)"),
        QStringLiteral("CREATE TABLE photo_tags ("
                       " id INTEGER PRIMARY KEY,"
                       " photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,"
                       " tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
                       " source TEXT NOT NULL," // auto | manual
                       " confidence REAL,"
                       " box_x REAL, box_y REAL, box_w REAL, box_h REAL," // normalised 0..1
                       " model TEXT)"),
        QStringLiteral("CREATE INDEX photo_tags_photo ON photo_tags(photo_id)"),
        QStringLiteral("CREATE INDEX photo_tags_tag ON photo_tags(tag_id)"),
        QStringLiteral("CREATE TABLE dup_decisions ("
                       " hash_a BLOB NOT NULL," // content hashes, a < b
                       " hash_b BLOB NOT NULL,"
                       " verdict TEXT NOT NULL," // not-duplicates | keep-all
                       " decided_at INTEGER NOT NULL,"
                       " PRIMARY KEY(hash_a, hash_b))"),
        QStringLiteral("CREATE TABLE trash_log ("
                       " id INTEGER PRIMARY KEY,"
                       " photo_id INTEGER,"
                       " original_path BLOB NOT NULL,"
                       " trash_path BLOB NOT NULL,"
                       " content_hash BLOB,"
                       " trashed_at INTEGER NOT NULL,"
                       " restored_at INTEGER)"),
        // Nothing writes or reads jobs any more; old libraries have it, so it stays in the history.
        QStringLiteral("CREATE TABLE jobs ("
                       " kind TEXT PRIMARY KEY,"
                       " cursor TEXT,"
                       " state TEXT NOT NULL," // running | done | cancelled
                       " updated_at INTEGER NOT NULL)"),
    };
}

// Issue 10: videos. kind is photo | raw | video; duration and codec are set for videos only.
QStringList version2()
{
    return {
        QStringLiteral("ALTER TABLE photos ADD COLUMN kind TEXT NOT NULL DEFAULT 'photo'"),
        QStringLiteral("ALTER TABLE photos ADD COLUMN duration_ms INTEGER"),
        QStringLiteral("ALTER TABLE photos ADD COLUMN codec TEXT"),
    };
}

// Places (issue 13): the place of each geotagged photo, from its GPS or set by hand. Region ids and
// GeoNames city ids refer to the shipped place data; data_version says which build computed a GPS
// place, so a newer place file redoes them (manual places are kept).
QStringList version4()
{
    return {
        QStringLiteral("CREATE TABLE photo_places ("
                       " photo_id INTEGER PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,"
                       " country TEXT," // ISO 3166-1 alpha-2, NULL at sea
                       " region_id INTEGER," // place data region, NULL when none
                       " city_id INTEGER," // GeoNames id, NULL when no town is near
                       " at_sea INTEGER NOT NULL DEFAULT 0,"
                       " source TEXT NOT NULL," // gps | manual
                       " data_version TEXT)"),
        QStringLiteral("CREATE INDEX photo_places_city ON photo_places(city_id)"),
        QStringLiteral("CREATE INDEX photo_places_region ON photo_places(region_id)"),
        QStringLiteral("CREATE INDEX photo_places_country ON photo_places(country)"),
    };
}

// Photos that belong together (issue 10): Live Photos, motion photos, RAW+JPEG pairs. Named version3:
// the videos step (version2: kind, duration_ms, codec) comes before it in the released order.
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE photos ADD COLUMN content_id TEXT"), // Apple content identifier
        // Byte offset of the MP4 appended to a motion photo; NULL when the file holds none.
        QStringLiteral("ALTER TABLE photos ADD COLUMN motion_offset INTEGER"),
        QStringLiteral("ALTER TABLE photos ADD COLUMN partner_id INTEGER REFERENCES photos(id) ON DELETE SET NULL"),
        // live-motion (the MOV of a Live Photo) | raw-original (the RAW of a RAW+JPEG pair); NULL for
        // the member the library shows. Every list of photos filters partner_role IS NULL.
        QStringLiteral("ALTER TABLE photos ADD COLUMN partner_role TEXT"),
        QStringLiteral("CREATE INDEX photos_content_id ON photos(content_id) WHERE content_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX photos_partner ON photos(partner_id) WHERE partner_id IS NOT NULL"),
        // The grid and the timeline leave secondary halves out and still walk one index.
        QStringLiteral("DROP INDEX photos_state_taken"),
        QStringLiteral("CREATE INDEX photos_state_taken ON photos(state, partner_role, taken_at)"),
        // Deleting one half unpairs the other: ON DELETE SET NULL clears only the id, and a role left
        // behind would hide the survivor forever.
        QStringLiteral("CREATE TRIGGER photos_unpair BEFORE DELETE ON photos BEGIN"
                       " UPDATE photos SET partner_id = NULL, partner_role = NULL WHERE partner_id = OLD.id;"
                       " END"),
        // A photo gone from disk (trashed, deleted outside) no longer hides its RAW or MOV: they show
        // on their own at once, not only after the next scan decides the pairs again.
        QStringLiteral("CREATE TRIGGER photos_unpair_missing AFTER UPDATE OF state ON photos"
                       " WHEN NEW.state = 'missing' BEGIN"
                       " UPDATE photos SET partner_id = NULL, partner_role = NULL WHERE partner_id = NEW.id;"
                       " END"),
    };
}

// Capture time from where a photo was taken (issue 13): the GPS fix time, where the offset came from,
// and the place's time zone. A photo whose position, time or offset changes (a rescan of an edited
// file) loses its GPS place, so the place and the offset are worked out again.
QStringList version7()
{
    return {
        QStringLiteral("ALTER TABLE photos ADD COLUMN gps_time TEXT"), // UTC, ISO 8601
        QStringLiteral("ALTER TABLE photos ADD COLUMN offset_source TEXT"), // exif|quicktime|utc|gps-time|location
        QStringLiteral("UPDATE photos SET offset_source = CASE taken_source WHEN 'quicktime-local' THEN 'quicktime'"
                       " WHEN 'quicktime-utc' THEN 'utc' ELSE 'exif' END WHERE taken_offset IS NOT NULL"),
        QStringLiteral("ALTER TABLE photo_places ADD COLUMN time_zone TEXT"), // IANA name
        QStringLiteral("CREATE TRIGGER photos_place_stale AFTER UPDATE OF gps_lat, gps_lon, taken_at, gps_time,"
                       " offset_source ON photos"
                       " WHEN OLD.gps_lat IS NOT NEW.gps_lat OR OLD.gps_lon IS NOT NEW.gps_lon"
                       " OR OLD.taken_at IS NOT NEW.taken_at OR OLD.gps_time IS NOT NEW.gps_time"
                       " OR OLD.offset_source IS NOT NEW.offset_source BEGIN"
                       " DELETE FROM photo_places WHERE photo_id = NEW.id AND source = 'gps';"
                       " END"),
    };
}

// Albums and marks (issue 14). An album with a query is a smart album (its photos are the query's
// results, never stored); parent_id nests albums as folders ("Travel / 2024 / Japan"). Marks live in
// their own table, owned by MarkStore, so photos keeps one writer; rows key on the photo id, which
// a rescan keeps and a move keeps (the scanner finds the moved file by its content hash).
QStringList version6()
{
    return {
        QStringLiteral("CREATE TABLE albums ("
                       " id INTEGER PRIMARY KEY,"
                       " parent_id INTEGER REFERENCES albums(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " description TEXT NOT NULL DEFAULT '',"
                       " cover_photo_id INTEGER REFERENCES photos(id) ON DELETE SET NULL,"
                       " position INTEGER NOT NULL DEFAULT 0," // manual order among its siblings
                       " query TEXT," // smart albums only
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX albums_name ON albums(COALESCE(parent_id, 0), name COLLATE NOCASE)"),
        QStringLiteral("CREATE TABLE album_photos ("
                       " album_id INTEGER NOT NULL REFERENCES albums(id) ON DELETE CASCADE,"
                       " photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL DEFAULT 0," // manual order inside the album
                       " PRIMARY KEY(album_id, photo_id))"),
        QStringLiteral("CREATE INDEX album_photos_photo ON album_photos(photo_id)"),
        QStringLiteral("CREATE TABLE photo_marks ("
                       " photo_id INTEGER PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,"
                       " favourite INTEGER NOT NULL DEFAULT 0,"
                       " rating INTEGER NOT NULL DEFAULT 0," // 0..5
                       " flag INTEGER NOT NULL DEFAULT 0," // 1 picked, -1 rejected
                       " hidden INTEGER NOT NULL DEFAULT 0)"),
        // The grid and the timeline leave hidden photos out through this small index.
        QStringLiteral("CREATE INDEX photo_marks_hidden ON photo_marks(photo_id) WHERE hidden = 1"),
    };
}

// People (issue 12): faces found by the face models, the people they are clustered into, and the
// user's verdicts. A face keeps its id when its photo is analysed again (matched by box), so names,
// moves and "not this person" verdicts survive rescans; faces follow their photo row through moves.
QStringList version5()
{
    return {
        QStringLiteral("CREATE TABLE people ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT," // the user's own, any script; NULL until named
                       " hidden INTEGER NOT NULL DEFAULT 0,"
                       " cover_face_id INTEGER," // a face of this person, chosen by the user or the clusterer
                       " reason TEXT," // "12 faces, closest pair 0.31, farthest 0.52"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX people_name ON people(name) WHERE name IS NOT NULL"),
        QStringLiteral("CREATE TABLE faces ("
                       " id INTEGER PRIMARY KEY,"
                       " photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,"
                       " model TEXT NOT NULL," // faceModelId of the analysis
                       " box_x REAL NOT NULL, box_y REAL NOT NULL, box_w REAL NOT NULL, box_h REAL NOT NULL,"
                       " keypoints BLOB," // 6 x (x, y) float32, normalised
                       " score REAL NOT NULL DEFAULT 0,"
                       " sharpness REAL NOT NULL DEFAULT 0,"
                       " descriptor BLOB," // 128 x fp16
                       " person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,"
                       " assigned TEXT," // auto | manual (manual faces are never moved by the clusterer)
                       " distance REAL," // to the nearest core face of its person when clustered
                       " neighbours INTEGER)"), // close faces when last counted; NULL: never counted
        QStringLiteral("CREATE INDEX faces_photo ON faces(photo_id)"),
        QStringLiteral("CREATE INDEX faces_person ON faces(person_id)"),
        // "Not this person": permanent per face and person, whatever the clusterer later finds.
        QStringLiteral("CREATE TABLE face_verdicts ("
                       " face_id INTEGER NOT NULL REFERENCES faces(id) ON DELETE CASCADE,"
                       " person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
                       " verdict TEXT NOT NULL," // not-this-person
                       " decided_at INTEGER NOT NULL,"
                       " PRIMARY KEY(face_id, person_id))"),
        // Which face models have analysed a photo, so a run resumes and a new model redoes faces.
        QStringLiteral("CREATE TABLE face_scans ("
                       " photo_id INTEGER PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,"
                       " model TEXT NOT NULL)"),
    };
}

// XMP and IPTC (issue 14): a photo's title and description, and the mtime of the .xmp sidecar when the
// scan last read it, so a sidecar another tool changed is read again; when marks last changed.
QStringList version8()
{
    return {
        QStringLiteral("ALTER TABLE photos ADD COLUMN title TEXT"),
        QStringLiteral("ALTER TABLE photos ADD COLUMN description TEXT"),
        QStringLiteral("ALTER TABLE photos ADD COLUMN xmp_mtime_ns INTEGER NOT NULL DEFAULT 0"),
        // When a photo's marks were last written: a sidecar's rating wins only when it is newer.
        QStringLiteral("ALTER TABLE photo_marks ADD COLUMN changed_ns INTEGER NOT NULL DEFAULT 0"),
    };
}

} // namespace

const std::vector<QStringList>& schemaMigrations()
{
    static const std::vector<QStringList> steps
        = { version1(), version2(), version3(), version4(), version5(), version6(), version7(), version8() };
    return steps;
}

} // namespace shoebox
