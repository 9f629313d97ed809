#include "media/pairingservice.h"

#include "catalog/photostore.h"
#include "media/pairfinder.h"

#include <QHash>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPairing, "shoebox.core.media", QtInfoMsg)

namespace shoebox {

namespace {

QByteArray directoryOf(const QByteArray& path)
{
    return path.left(path.lastIndexOf('/'));
}

} // namespace

PairingService::PairingService(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

int PairingService::apply(const QList<qint64>& folderIds, QString* error)
{
    PhotoStore store(m_path);
    QList<PhotoRecord> all;
    for (qint64 folder : folderIds.isEmpty() ? QList<qint64> { 0 } : folderIds) {
        PhotoQuery q;
        q.folderId = folder;
        q.includeProblems = true;
        q.includeSecondary = true;
        all += store.photos(q);
    }
    QHash<QByteArray, QList<PhotoRecord>> byDirectory;
    for (const PhotoRecord& r : std::as_const(all))
        byDirectory[directoryOf(r.path)].append(r);
    QHash<qint64, PairLink> wanted;
    for (const QList<PhotoRecord>& records : std::as_const(byDirectory))
        for (const PairLink& link : PairFinder::find(records))
            wanted.insert(link.secondaryId, link);
    QString why;
    if (!store.begin(&why)) {
        if (error)
            *error = why;
        return -1;
    }
    int changed = 0;
    for (const PhotoRecord& r : std::as_const(all)) {
        const PairLink link = wanted.value(r.id);
        if (r.partnerId == link.primaryId && r.partnerRole == link.role)
            continue;
        if (!store.setPartner(r.id, link.primaryId, link.role, &why)) {
            store.rollback();
            if (error)
                *error = why;
            return -1;
        }
        ++changed;
    }
    if (!store.commit(&why)) {
        if (error)
            *error = why;
        return -1;
    }
    qCDebug(lcPairing) << wanted.size() << "pairs," << changed << "links changed";
    return int(wanted.size());
}

} // namespace shoebox
