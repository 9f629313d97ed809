#pragma once
// Runs the built shoebox-cli for CLI tests: one library, extra environment variables (XDG folders
// pointed into the test's temporary folder), an optional working folder. Header-only: it uses the
// SHOEBOX_BINARY_DIR each test target defines. The wait is generous and scaled by
// SHOEBOX_TEST_TIMEOUT_SCALE (testtimeout.h); a run that still overstays is killed and reported.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

#include "support/testtimeout.h"

namespace shoebox::test {

struct CliResult {
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline CliResult runCli(const QString& library, const QStringList& args, const QMap<QString, QString>& env = {},
    const QString& workingDirectory = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli"),
        QStringList { QStringLiteral("--library"), library } + args);
    if (!p.waitForFinished(processTimeoutMs())) {
        p.kill();
        p.waitForFinished();
        return { -1, p.readAllStandardOutput(),
            p.readAllStandardError() + "\nshoebox-cli did not finish within the test's time limit" };
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

// What is wrong with r as the refusal of bad arguments: exit code `code` and a reason of exactly one
// line on stderr. Empty when r is such a refusal.
inline QString wrongRefusal(const CliResult& r, int code)
{
    const QByteArray reason = r.err.trimmed();
    if (r.code != code)
        return QStringLiteral("exit code %1, expected %2: %3").arg(r.code).arg(code).arg(QString::fromUtf8(reason));
    if (reason.isEmpty())
        return QStringLiteral("no reason on stderr");
    if (reason.contains('\n'))
        return QStringLiteral("a reason of more than one line: ") + QString::fromUtf8(reason);
    return {};
}

} // namespace shoebox::test
