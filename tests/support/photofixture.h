#pragma once
// The one builder of synthetic catalog rows for the tests: photos saved straight into a library,
// without files or a scan.

#include "catalog/photo.h"

#include <QMap>

class QRandomGenerator;

namespace shoebox {
class PhotoStore;
}

namespace shoebox::test {

// A synthetic photo record built fluently, then saved:
//   PhotoFixture(QStringLiteral("/p/a.jpg")).takenAt(when).camera(QStringLiteral("Pixel 6")).saveTo(library);
// Defaults: a JPEG of 1000 bytes whose content hash is the MD5 of its path (unique per path).
// Used on the test's own thread.
class PhotoFixture {
public:
    explicit PhotoFixture(const QString& path);

    // A capture time from the camera ("exif"); an invalid time leaves the photo undated.
    PhotoFixture& takenAt(const QDateTime& when);
    PhotoFixture& camera(const QString& model, const QString& make = QString());
    PhotoFixture& bytes(qint64 size);
    // Photos built with the same content tag have the same bytes (an exact duplicate).
    PhotoFixture& content(const QByteArray& tag);
    PhotoFixture& pixels(int width, int height);
    PhotoFixture& gps(double latitude, double longitude);
    PhotoFixture& format(const QString& format);
    PhotoFixture& state(PhotoState state);
    PhotoFixture& hash(const QString& kind, const QByteArray& bits);
    PhotoFixture& hashes(const QMap<QString, QByteArray>& kinds);

    // For the rare field without a setter.
    PhotoRecord& record() { return m_record; }
    const PhotoRecord& record() const { return m_record; }

    // The new photo's id, or 0 when the store refused it.
    qint64 saveTo(const QString& library) const;
    qint64 saveTo(PhotoStore& store) const;

private:
    PhotoRecord m_record;
    QMap<QString, QByteArray> m_hashes;
};

// Photo i of a large synthetic library: "/synthetic/IMG_<i>.jpg" of 1000 + i bytes, 400x300, undated.
PhotoFixture numberedPhoto(int i);
// Photo i of a lifetime's library for the benchmarks: "/photos/<i / 1000>/IMG_<i>.jpg", 3 MB + i bytes,
// 4000x3000, taken at a moment drawn from rng over 30 years from 1995 (2% undated), with a drawn pHash.
PhotoFixture lifetimePhoto(int i, QRandomGenerator& rng);

} // namespace shoebox::test
