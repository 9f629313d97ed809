#pragma once
// What a person does with groups of duplicates, for the Find Duplicates dialog and `shoebox-cli
// duplicates` alike: move the others of a group to the trash (or only list them: a dry run), undo the
// last batch of moves, remember "keep all" or "not duplicates" for a group and forget it again. Each
// action returns a plain value the front ends present; none of them prints or shows anything.
// One instance per thread (TrashBin, DuplicateStore and PhotoStore use the calling thread's catalog
// connection); calls block, so the GUI makes them on a worker thread.

#include "duplicates/duplicatetypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace shoebox {

// One file of a group that is not its keeper: where it went, or why it stayed.
struct TrashMove {
    qint64 photoId = 0;
    QString file; // as the group shows it (absolute)
    QString keep; // the group's keeper, which stays where it is
    QString trashPath; // where the trash put it; empty on a dry run or when it did not move
    QString error; // why it did not move; empty when it moved (or, on a dry run, would)
    // Left where it is: the group marks it to check (DuplicateGroup::toCheck) and the caller did not
    // ask for those to move.
    bool leftToCheck = false;

    bool failed() const { return !error.isEmpty(); }
};

struct TrashResult {
    bool dryRun = false;
    QList<TrashMove> moves; // group by group, member order, keepers left out

    int movedCount() const;
    int leftToCheckCount() const;
    int failedCount() const;
    QStringList errors() const;
};

struct UndoResult {
    int batchSize = 0; // moves of the last batch still in the trash; 0: nothing to undo
    int restored = 0;
    QStringList errors; // one line per file that stayed in the trash (or the trash log's read error)
};

// The outcome of a verdict given by file names (the CLI's form).
struct VerdictResult {
    enum Status { Stored, NotInLibrary, TooFewPhotos, NotStored };
    Status status = Stored;
    QString file; // NotInLibrary: the file as given
    int photos = 0; // how many photos the verdict covers

    bool ok() const { return status == Stored; }
};

class DuplicateActions {
public:
    enum class Mode { Trash, DryRun };
    // What becomes of members a group marks to check: left where they are (a batch over groups nobody
    // looked at), or moved like the others (a person looked at the group and chose).
    enum class ToCheck { Leave, Move };

    explicit DuplicateActions(QString libraryPath);

    // Moves every member of each group except group.keeper to the trash, all in one undo batch; a
    // member that cannot move gets its own error and the others still move. A dry run moves nothing.
    // Members the group marks to check stay unless toCheck is Move.
    TrashResult trashOthers(
        const QList<DuplicateGroup>& groups, Mode mode = Mode::Trash, ToCheck toCheck = ToCheck::Leave);
    // Puts the files of the most recent batch still in the trash back where they were.
    UndoResult undoLastTrash();
    // Remembers verdict (DuplicateStore::kKeepAll or kNotDuplicates) for every pair of the group's
    // photos; byte-identical copies are kept together by "keep all". False when nothing was stored.
    bool setVerdict(const QList<QByteArray>& contentHashes, const QString& verdict);
    // The same for files of the library, named by path (relative to the working folder or absolute).
    VerdictResult setVerdict(const QStringList& files, const QString& verdict);
    // Forgets every verdict between the group's photos, so the group is proposed again.
    bool forgetVerdict(const QList<QByteArray>& contentHashes);

private:
    QString m_path;
};

} // namespace shoebox
