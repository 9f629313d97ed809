// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Crash-safe start: counts starts that never reached a running window (a crash while restoring the last
// view, say). After two such starts in a row the app offers to start without restoring. The count lives
// in QSettings, so it survives the crash. UI thread only.

#include <QString>

namespace shoebox {

class StartupGuard {
public:
    // Records that a start begins; failedStarts() is what came before.
    StartupGuard();
    // Starts in a row that began and never called started().
    int failedStarts() const { return m_failed; }
    // Offer a safe start: the last two starts failed.
    bool shouldOfferSafeStart() const { return m_failed >= 2; }
    // The window runs: this start did not fail.
    void started();

private:
    int m_failed = 0;
};

} // namespace shoebox
