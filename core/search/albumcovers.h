// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which photo stands for an album (its icon in the sidebar): the cover the user chose, while it is
// still one of the photos the album shows, else the album's first photo (for a smart album, its
// search's first result; for an album holding only albums, the first photo below it). Hidden photos
// never stand for an album. Uses the calling thread's connection: any thread, one instance each.

#include "albums/albumstore.h"

#include <QHash>
#include <QList>
#include <QString>

namespace shoebox {

class AlbumCovers {
public:
    explicit AlbumCovers(QString libraryPath);

    // The cover of one album, or 0 when it shows no photo.
    qint64 coverOf(const AlbumRecord& album, QString* error = nullptr) const;
    // album id -> cover photo, for the albums that show a photo.
    QHash<qint64, qint64> coversOf(const QList<AlbumRecord>& albums, QString* error = nullptr) const;

private:
    QString m_path;
};

} // namespace shoebox
