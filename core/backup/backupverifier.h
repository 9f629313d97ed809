#pragma once
// Re-reads a destination's objects and checks each against its content hash, all of them or a
// random sample, within a time budget; reports missing and damaged ones by the file names the
// snapshots give them, and records damaged ones in damaged.txt so that the next backup rewrites them
// from the library. run() blocks: call it on a worker thread; cancel() from any thread.

#include "backup/backupio.h"

#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>

namespace shoebox {

struct VerifyOptions {
    QString destination;
    double samplePercent = 100; // 100: every object
    int budgetSeconds = 0; // 0: no limit
};

struct VerifyProblem {
    QString file; // the photo's path in the newest snapshot that has it
    QString snapshot;
    QString hash; // hex
    bool missing = false; // else damaged
};

struct VerifyReport {
    IoFailure failure = IoFailure::None;
    QString error;
    int snapshots = 0;
    qint64 objects = 0; // distinct objects the snapshots refer to
    qint64 checked = 0;
    qint64 bytesChecked = 0;
    bool budgetExhausted = false;
    QList<VerifyProblem> problems;
    QStringList snapshotProblems; // a damaged manifest or a missing catalog copy
    bool ok() const { return failure == IoFailure::None && problems.isEmpty() && snapshotProblems.isEmpty(); }
};

class BackupVerifier {
public:
    explicit BackupVerifier(VerifyOptions options);
    void setProgressHandler(std::function<void(qint64 checked, qint64 total)> handler)
    {
        m_progress = std::move(handler);
    }
    void cancel() { m_cancel.store(true); }
    VerifyReport run();

private:
    VerifyOptions m_options;
    std::function<void(qint64, qint64)> m_progress;
    std::atomic<bool> m_cancel { false };
};

} // namespace shoebox
