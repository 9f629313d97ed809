// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/albumcovers.h"

#include "search/searchengine.h"

namespace shoebox {

AlbumCovers::AlbumCovers(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

qint64 AlbumCovers::coverOf(const AlbumRecord& album, QString* error) const
{
    // The album's photos as its view shows them: a chosen cover that left the album, or was hidden,
    // gives way to the first photo instead of showing something the album no longer holds.
    const QVector<qint64> photos = SearchEngine(m_path).albumPhotos(album.id, error);
    if (album.coverPhotoId > 0 && photos.contains(album.coverPhotoId))
        return album.coverPhotoId;
    return photos.isEmpty() ? 0 : photos.first();
}

QHash<qint64, qint64> AlbumCovers::coversOf(const QList<AlbumRecord>& albums, QString* error) const
{
    QHash<qint64, qint64> out;
    for (const AlbumRecord& a : albums)
        if (const qint64 cover = coverOf(a, error); cover > 0)
            out.insert(a.id, cover);
    return out;
}

} // namespace shoebox
