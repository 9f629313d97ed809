#include "duplicates/duplicateactions.h"

#include "catalog/photostore.h"
#include "duplicates/duplicatestore.h"
#include "duplicates/trashbin.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace shoebox {

int TrashResult::movedCount() const
{
    return int(std::count_if(
        moves.begin(), moves.end(), [this](const TrashMove& m) { return !dryRun && !m.failed() && !m.leftToCheck; }));
}

int TrashResult::leftToCheckCount() const
{
    return int(std::count_if(moves.begin(), moves.end(), [](const TrashMove& m) { return m.leftToCheck; }));
}

int TrashResult::failedCount() const
{
    return int(std::count_if(moves.begin(), moves.end(), [](const TrashMove& m) { return m.failed(); }));
}

QStringList TrashResult::errors() const
{
    QStringList out;
    for (const TrashMove& m : moves)
        if (m.failed())
            out << m.error;
    return out;
}

DuplicateActions::DuplicateActions(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

TrashResult DuplicateActions::trashOthers(const QList<DuplicateGroup>& groups, Mode mode, ToCheck toCheck)
{
    TrashResult result;
    result.dryRun = mode == Mode::DryRun;
    TrashBin bin(m_path); // a new bin starts a new batch: everything below is undone together
    const PhotoStore store(m_path);
    for (const DuplicateGroup& g : groups) {
        for (int i = 0; i < g.files.size(); ++i) {
            if (i == g.keeper)
                continue;
            TrashMove move;
            move.photoId = g.members.value(i);
            move.file = g.files[i];
            move.keep = g.files.value(g.keeper);
            move.leftToCheck = toCheck == ToCheck::Leave && g.toCheck.value(i);
            if (!result.dryRun && !move.leftToCheck) {
                // The catalog's record, not the group's copy: it has the path's exact bytes (names
                // that are not UTF-8) and is current if the library changed since the search.
                const auto record = store.photoById(move.photoId);
                if (!record) {
                    move.error = QStringLiteral("%1: no longer in the library").arg(move.file);
                } else if (const auto moved
                    = bin.moveToTrash(record->id, record->path, record->contentHash, &move.error)) {
                    move.trashPath = QFile::decodeName(moved->trashPath);
                }
            }
            result.moves << move;
        }
    }
    return result;
}

UndoResult DuplicateActions::undoLastTrash()
{
    UndoResult result;
    TrashBin bin(m_path);
    QString readError;
    const QList<TrashRecord> batch = bin.lastBatch(&readError);
    if (!readError.isEmpty())
        result.errors << readError;
    result.batchSize = int(batch.size());
    for (const TrashRecord& r : batch) {
        QString error;
        if (bin.restore(r, &error))
            ++result.restored;
        else
            result.errors << error;
    }
    return result;
}

bool DuplicateActions::setVerdict(const QList<QByteArray>& contentHashes, const QString& verdict)
{
    // Every pair, repeated hashes included: for "keep all" a pair of byte-identical copies becomes a
    // verdict of the file with itself; "not duplicates" skips them (identical bytes are duplicates).
    return DuplicateStore(m_path).setGroupVerdict(contentHashes, verdict);
}

VerdictResult DuplicateActions::setVerdict(const QStringList& files, const QString& verdict)
{
    VerdictResult result;
    const PhotoStore photos(m_path);
    QList<QByteArray> hashes;
    for (const QString& file : files) {
        const auto r = photos.photoByPath(QFile::encodeName(QFileInfo(file).absoluteFilePath()));
        if (!r || r->contentHash.isEmpty()) {
            result.status = VerdictResult::NotInLibrary;
            result.file = file;
            return result;
        }
        hashes << r->contentHash;
    }
    result.photos = int(hashes.size());
    if (hashes.size() < 2)
        result.status = VerdictResult::TooFewPhotos;
    else if (!setVerdict(hashes, verdict))
        result.status = VerdictResult::NotStored;
    return result;
}

bool DuplicateActions::forgetVerdict(const QList<QByteArray>& contentHashes)
{
    QList<QByteArray> unique;
    for (const QByteArray& h : contentHashes)
        if (!unique.contains(h))
            unique << h;
    DuplicateStore store(m_path);
    bool ok = true;
    // j from i: a file's verdict with itself ("keep all" of byte-identical copies) goes too.
    for (int i = 0; i < unique.size(); ++i)
        for (int j = i; j < unique.size(); ++j)
            ok = store.forget(unique[i], unique[j]) && ok;
    return ok;
}

} // namespace shoebox
