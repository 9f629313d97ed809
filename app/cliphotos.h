#pragma once
// Turns the file arguments of a CLI command into catalogued photo ids (main thread).

#include "clicommand.h"

#include <QVector>

namespace shoebox::cli {

// The ids of files in the library, in argument order. False after printing which file is not in it.
bool photoIdsOf(Context& ctx, const QStringList& files, QVector<qint64>* ids);

} // namespace shoebox::cli
