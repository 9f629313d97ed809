#pragma once
// shoebox-cli backup ... --restic REPO: the backup command against a restic repository (cli_restic.cpp).

#include "clicommand.h"

namespace shoebox::cli {

// ctx.args: what follows "backup", --restic taken out: [list | verify | restore] and their options.
int runRestic(Context& ctx, const QString& repository);

} // namespace shoebox::cli
