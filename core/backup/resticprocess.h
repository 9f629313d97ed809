#pragma once
// Runs Debian's restic (0.14) for the restic destination: one command at a time, blocking, its
// standard output handed over a line at a time (with --json restic writes one JSON object per line),
// its standard error kept for the one-line reason. The repository and the password file go through
// restic's own environment variables (RESTIC_REPOSITORY, RESTIC_PASSWORD_FILE), never on a command
// line other users can read. cancel() stops restic as Ctrl+C would (it removes its lock). Any thread;
// needs no event loop.

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace shoebox {

struct ResticTarget {
    // A folder, or any repository restic takes: sftp:host:/srv/restic, rest:https://..., s3:...
    QString repository;
    // Empty: restic's own RESTIC_PASSWORD_FILE, RESTIC_PASSWORD or RESTIC_PASSWORD_COMMAND.
    QString passwordFile;
    QString program = QStringLiteral("restic");
};

struct ResticResult {
    int exitCode = -1; // -1: restic did not start, or crashed
    QString error; // one line: why restic did not start, or its last "Fatal:" line
    QString errorText; // everything restic wrote to standard error (its tail)
    bool cancelled = false;
    bool ok() const { return exitCode == 0 && !cancelled; }
    // restic found no repository at the location (it says "Is there a repository at ...?").
    bool noRepository() const;
};

class ResticProcess {
public:
    explicit ResticProcess(ResticTarget target);
    // Runs `restic ARGS`; each line of its standard output goes to onLine as it arrives.
    ResticResult run(const QStringList& args, const std::function<void(const QByteArray&)>& onLine = {});
    void cancel() { m_cancel.store(true); }
    bool cancelled() const { return m_cancel.load(); }

private:
    ResticTarget m_target;
    std::atomic<bool> m_cancel { false };
};

} // namespace shoebox
