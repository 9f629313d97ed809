#include "backup/resticprocess.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <csignal>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace shoebox {

namespace {

constexpr int kPollMs = 100;
constexpr int kGraceMs = 15000; // after Ctrl+C, restic has this long to remove its lock
constexpr qsizetype kErrorTail = 64 * 1024;

void takeLines(QByteArray* buffer, const std::function<void(const QByteArray&)>& onLine, bool all)
{
    qsizetype start = 0;
    for (qsizetype nl; (nl = buffer->indexOf('\n', start)) >= 0; start = nl + 1) {
        if (onLine && nl > start)
            onLine(buffer->mid(start, nl - start));
    }
    buffer->remove(0, start);
    if (all && !buffer->isEmpty()) {
        if (onLine)
            onLine(*buffer);
        buffer->clear();
    }
}

QString lastReason(const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it)
        if (it->startsWith(QLatin1String("Fatal: ")))
            return it->mid(7).trimmed();
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace

bool ResticResult::noRepository() const
{
    return exitCode != 0 && errorText.contains(QLatin1String("Is there a repository at the following location?"));
}

ResticProcess::ResticProcess(ResticTarget target)
    : m_target(std::move(target))
{
}

ResticResult ResticProcess::run(const QStringList& args, const std::function<void(const QByteArray&)>& onLine)
{
    ResticResult result;
    if (m_cancel.load()) {
        result.cancelled = true;
        result.error = QStringLiteral("cancelled");
        return result;
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), m_target.repository);
    if (!m_target.passwordFile.isEmpty()) {
        env.remove(QStringLiteral("RESTIC_PASSWORD"));
        env.remove(QStringLiteral("RESTIC_PASSWORD_COMMAND"));
        env.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), m_target.passwordFile);
    }
    process.setProcessEnvironment(env);
#ifdef __linux__
    // Should Shoebox die (kill -9, a crash), restic gets Ctrl+C: it stops, removes its lock, and
    // makes no snapshot, instead of running on unseen. (This thread waits for it, so it outlives it.)
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGINT); });
#endif
    process.start(m_target.program, args);
    if (!process.waitForStarted()) {
        result.error = process.error() == QProcess::FailedToStart
            ? QStringLiteral("restic is not installed (%1 was not found; on Debian: apt install restic)")
                  .arg(m_target.program)
            : process.errorString();
        return result;
    }
    process.closeWriteChannel(); // restic must not wait for a password on standard input
    QByteArray out, err;
    bool interrupted = false;
    qint64 waited = 0;
    while (!process.waitForFinished(kPollMs)) {
        out += process.readAllStandardOutput();
        err += process.readAllStandardError();
        takeLines(&out, onLine, false);
        if (m_cancel.load() && !interrupted) {
            // Never kill(0, ...): a process already gone has pid 0, and that would signal our group.
            if (const qint64 pid = process.processId(); pid > 0)
                ::kill(pid_t(pid), SIGINT);
            interrupted = true;
        }
        if (interrupted && (waited += kPollMs) > kGraceMs)
            process.kill();
    }
    out += process.readAllStandardOutput();
    err += process.readAllStandardError();
    takeLines(&out, onLine, true);
    result.errorText = QString::fromUtf8(err.right(kErrorTail));
    result.cancelled = interrupted;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (result.exitCode != 0)
        result.error = interrupted  ? QStringLiteral("cancelled")
            : result.exitCode == -1 ? QStringLiteral("restic stopped unexpectedly")
                                    : lastReason(result.errorText);
    if (result.exitCode != 0 && result.error.isEmpty())
        result.error = QStringLiteral("restic failed (exit code %1)").arg(result.exitCode);
    return result;
}

} // namespace shoebox
