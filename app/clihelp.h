// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// shoebox-cli's help texts, man page and shell completions, all made from the commands' Help
// declarations (clicommand.h) and the tables below: one source, so they never drift apart.
// Main thread.

#include "clicommand.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QTextStream>

namespace shoebox::cli {

using HelpTable = QList<QPair<QString, QString>>;

HelpTable globalOptions();
HelpTable exitCodes();
HelpTable environment();

// `shoebox-cli --help`: usage, global options, every command's usage and summary.
void printOverview(QTextStream& s);
// `shoebox-cli help NAME` and `shoebox-cli NAME --help`.
void printCommandHelp(QTextStream& s, const Command& command);
// The roff source of shoebox-cli(1).
QString manPage();
// The option names ("--threads") of a help table's entries ("--threads N").
QStringList optionNames(const HelpTable& options);

} // namespace shoebox::cli
