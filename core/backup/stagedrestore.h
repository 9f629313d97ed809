#pragma once
// Moves what a restore wrote into a staging folder into its place under the target folder, never over
// a different file: an identical file already there counts as restored ("already there"), a different
// one gets the restored copy beside it as "name (restored).jpg". The staging folder must be on the
// target's file system (each file is renamed, not copied) and is removed at the end. Raw bytes
// throughout, so names that are not UTF-8 survive. Any thread.

#include "backup/backuprestorer.h"

#include <QByteArray>

namespace shoebox {

class StagedRestore {
public:
    // Places every file under staging at target + its path below staging; counts into report.
    static void place(const QByteArray& staging, const QByteArray& target, RestoreReport* report);
};

} // namespace shoebox
