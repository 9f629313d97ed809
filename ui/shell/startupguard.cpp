// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/startupguard.h"

#include <QSettings>

namespace shoebox {

namespace {
const QString kPending = QStringLiteral("startup/unfinishedStarts");
} // namespace

StartupGuard::StartupGuard()
{
    QSettings settings;
    m_failed = settings.value(kPending, 0).toInt();
    settings.setValue(kPending, m_failed + 1);
    settings.sync(); // on disk before anything that could crash
}

void StartupGuard::started()
{
    QSettings settings;
    settings.setValue(kPending, 0);
    settings.sync();
    m_failed = 0;
}

} // namespace shoebox
