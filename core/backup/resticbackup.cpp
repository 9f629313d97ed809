#include "backup/resticbackup.h"

#include "backup/backupsource.h"
#include "backup/stagedrestore.h"
#include "catalog/catalogbackups.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryFile>

#include <algorithm>
#include <cstring>
#include <sys/stat.h>

namespace shoebox {

namespace {

QJsonObject object(const QByteArray& line)
{
    return QJsonDocument::fromJson(line).object();
}

IoFailure failureOf(const ResticResult& r)
{
    const QString text = r.errorText.toLower();
    if (text.contains(QLatin1String("no space left")))
        return IoFailure::Full;
    if (text.contains(QLatin1String("read-only file system")) || text.contains(QLatin1String("permission denied")))
        return IoFailure::ReadOnly;
    if (r.noRepository())
        return IoFailure::Gone;
    return IoFailure::Transient;
}

QString host()
{
    return QSysInfo::machineHostName();
}

// restic 0.14 writes a file it could not read as the Go error value: {"Op","Path","Err": errno}.
QString errorItem(const QJsonObject& o)
{
    const QJsonValue error = o.value(QLatin1String("error"));
    QString why = error.toString();
    if (error.isObject()) {
        const QJsonObject e = error.toObject();
        const int code = e.value(QLatin1String("Err")).toInt();
        why = code ? QString::fromLocal8Bit(std::strerror(code))
                   : QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact));
    }
    const QString item = o.value(QLatin1String("item")).toString();
    return item.isEmpty() ? why : QStringLiteral("%1: %2").arg(item, why);
}

QDateTime parseTime(QString text)
{
    // "2026-12-03T09:27:08.983233596Z": Qt reads at most milliseconds.
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{3})\\d*"));
    text.replace(fraction, QStringLiteral(".\\1"));
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

bool exists(const QByteArray& path)
{
    struct stat st;
    return ::stat(path.constData(), &st) == 0;
}

} // namespace

ResticBackup::ResticBackup(ResticTarget target)
    : m_repository(target.repository)
    , m_process(std::make_shared<ResticProcess>(std::move(target)))
{
}

void ResticBackup::cancel()
{
    m_process->cancel();
}

QString ResticBackup::libraryTag(const QString& libraryPath)
{
    const QByteArray path = QFileInfo(libraryPath).absoluteFilePath().toUtf8();
    return QStringLiteral("shoebox-library-")
        + QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha256).toHex().left(12));
}

QString ResticBackup::catalogFolder(const QString& libraryPath)
{
    return QFileInfo(libraryPath).absolutePath() + QStringLiteral("/restic-catalog");
}

static QString tags(const QString& libraryPath)
{
    return QStringLiteral("shoebox,") + ResticBackup::libraryTag(libraryPath);
}

bool ResticBackup::snapshots(const QString& libraryPath, QList<ResticSnapshot>* out, QString* error)
{
    QByteArray json;
    const ResticResult r = m_process->run(
        { QStringLiteral("snapshots"), QStringLiteral("--json"), QStringLiteral("--tag"), QStringLiteral("shoebox") },
        [&json](const QByteArray& line) { json += line; });
    const QString mine = libraryTag(libraryPath);
    m_noRepository = r.noRepository();
    if (!r.ok()) {
        *error = r.error;
        return false;
    }
    for (const QJsonValue& v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        ResticSnapshot s;
        s.id = o.value(QLatin1String("short_id")).toString();
        s.time = parseTime(o.value(QLatin1String("time")).toString());
        s.host = o.value(QLatin1String("hostname")).toString();
        for (const QJsonValue& p : o.value(QLatin1String("paths")).toArray())
            s.paths << p.toString();
        s.thisLibrary = o.value(QLatin1String("tags")).toArray().contains(mine);
        out->append(s);
    }
    std::sort(
        out->begin(), out->end(), [](const ResticSnapshot& a, const ResticSnapshot& b) { return a.time < b.time; });
    return true;
}

// This library's newest snapshot made on this computer; empty (and *error empty) when there is none.
QString ResticBackup::latestId(const QString& libraryPath, QString* error)
{
    QList<ResticSnapshot> all;
    if (!snapshots(libraryPath, &all, error))
        return {};
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        if (it->thisLibrary && it->host == host())
            return it->id;
    return {};
}

void ResticBackup::handleBackupLine(const QByteArray& line, BackupReport* report)
{
    const QJsonObject o = object(line);
    const QString type = o.value(QLatin1String("message_type")).toString();
    if (type == QLatin1String("status") && m_progress) {
        BackupProgress p;
        p.files = o.value(QLatin1String("files_done")).toInteger();
        p.totalFiles = o.value(QLatin1String("total_files")).toInteger();
        p.bytes = o.value(QLatin1String("bytes_done")).toInteger();
        p.totalBytes = o.value(QLatin1String("total_bytes")).toInteger();
        p.current = o.value(QLatin1String("current_files")).toArray().at(0).toString();
        m_progress(p);
    } else if (type == QLatin1String("error")) {
        report->skipped << errorItem(o);
    } else if (type == QLatin1String("summary")) {
        SnapshotInfo& s = report->snapshot;
        s.id = o.value(QLatin1String("snapshot_id")).toString();
        s.files = o.value(QLatin1String("total_files_processed")).toInteger();
        s.bytes = o.value(QLatin1String("total_bytes_processed")).toInteger();
        s.added = o.value(QLatin1String("files_new")).toInteger();
        s.newObjects = s.added + o.value(QLatin1String("files_changed")).toInteger();
        s.newBytes = o.value(QLatin1String("data_added")).toInteger();
        s.tree = false;
    }
}

// The library's folders (new photos in them come along; restic finds unchanged files by their
// stamps), each once; a photo outside every folder on its own. A folder not there is said.
static QList<QByteArray> roots(const QList<SourceFile>& files, BackupReport* report)
{
    QList<QByteArray> roots;
    QSet<QByteArray> seen;
    for (const SourceFile& f : files) {
        const QByteArray root = f.folderPath.isEmpty() ? f.path : f.folderPath;
        if (seen.contains(root))
            continue;
        seen.insert(root);
        if (exists(root))
            roots << root;
        else if (f.folderPath.isEmpty())
            report->skipped << QStringLiteral("%1: missing").arg(QFile::decodeName(root));
        else
            report->warnings << QStringLiteral(
                "%1 is not there (a drive not plugged in?): its photos are not in this snapshot")
                                    .arg(QFile::decodeName(root));
    }
    return roots;
}

// The snapshot the last run made, when it went to this repository: the next run's parent, so that
// a run needs no listing first (each restic command opens the repository's key, ~0.5 s).
static QString rememberedParent(const QString& file, const QString& repository)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    return lines.size() >= 2 && lines.at(0) == repository ? lines.at(1) : QString();
}

ResticResult ResticBackup::snapshot(
    const QString& list, const QString& libraryPath, const QString& parent, const QDateTime& when, BackupReport* report)
{
    QStringList args { QStringLiteral("backup"), QStringLiteral("--json"), QStringLiteral("--files-from-raw"), list,
        QStringLiteral("--tag"), tags(libraryPath), QStringLiteral("--host"), host() };
    if (!parent.isEmpty())
        args << QStringLiteral("--parent") << parent;
    if (when.isValid())
        args << QStringLiteral("--time") << when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    ResticResult r = m_process->run(args, [this, report](const QByteArray& line) { handleBackupLine(line, report); });
    // restic 0.14 writes the files it could not read to standard error (as JSON with --json).
    const int before = int(report->skipped.size());
    for (const QString& line : r.errorText.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1Char('{')))
            handleBackupLine(line.toUtf8(), report);
    if (r.exitCode == 3 && report->skipped.size() == before)
        report->skipped << QStringLiteral("restic: at least one file could not be read");
    return r;
}

BackupReport ResticBackup::backUp(const QString& libraryPath, const RetentionPolicy& retention, const QDateTime& when)
{
    BackupReport report;
    const auto fail = [&report](IoFailure failure, const QString& error) {
        report.failure = failure;
        report.error = error;
        return report;
    };
    const auto cancelled = [&report] {
        report.cancelled = true;
        report.error = QStringLiteral("cancelled; no snapshot was made");
        return report;
    };
    QList<SourceFile> files;
    QString error;
    if (!BackupSource::files(libraryPath, &files, &error))
        return fail(IoFailure::Source, error);
    QList<QByteArray> paths = roots(files, &report);
    const QStringList missing = report.skipped;
    // The catalog first, as the folder destination does: a consistent copy while the app runs.
    const QString catalog = catalogFolder(libraryPath);
    if (!QDir().mkpath(catalog)
        || !CatalogBackups::copyTo(libraryPath, catalog + QStringLiteral("/catalog.db"), &error))
        return fail(IoFailure::Source, error.isEmpty() ? QStringLiteral("cannot write %1").arg(catalog) : error);
    paths << QFile::encodeName(catalog);
    QTemporaryFile list;
    if (!list.open())
        return fail(IoFailure::Transient, list.errorString());
    for (const QByteArray& path : paths)
        list.write(path + '\0');
    list.flush();

    // Beside the catalog copy, not in it: it is not part of the snapshot.
    const QString state = QFileInfo(libraryPath).absolutePath() + QStringLiteral("/restic-parent");
    const auto made = [&report](const ResticResult& r) {
        // Exit code 3: the snapshot was made, some files could not be read (listed as errors).
        return (r.exitCode == 0 || r.exitCode == 3) && !report.snapshot.id.isEmpty();
    };
    ResticResult r = snapshot(list.fileName(), libraryPath, rememberedParent(state, m_repository), when, &report);
    if (!r.cancelled && !made(r)) {
        // No repository there yet, or the remembered parent is gone: ask restic, then once more.
        const QString parent = latestId(libraryPath, &error);
        if (!error.isEmpty() && !m_noRepository)
            return m_process->cancelled() ? cancelled() : fail(IoFailure::Gone, error);
        if (m_noRepository) {
            const ResticResult init = m_process->run({ QStringLiteral("init") });
            if (!init.ok())
                return fail(
                    failureOf(init), QStringLiteral("cannot make a restic repository there: %1").arg(init.error));
        }
        report.skipped = missing; // not what the failed try said
        report.snapshot = {};
        r = snapshot(list.fileName(), libraryPath, parent, when, &report);
    }
    if (r.cancelled)
        return cancelled();
    if (!made(r))
        return fail(failureOf(r), r.error.isEmpty() ? QStringLiteral("restic made no snapshot") : r.error);
    report.snapshot.created = when.isValid() ? when.toUTC() : QDateTime::currentDateTimeUtc();
    // Only saves the next run a listing: a failure to write it costs nothing else.
    static_cast<void>(
        BackupIo::writeAtomically(state, (m_repository + QLatin1Char('\n') + report.snapshot.id).toUtf8()));
    applyRetention(libraryPath, retention, &report);
    return report;
}

// Runs a command that needs the repository to itself (forget, check); a lock left by a run that was
// killed before restic could remove it is removed (restic unlock removes only locks whose process is
// gone from this computer, or older than 30 minutes) and the command tried once more.
ResticResult ResticBackup::runExclusive(const QStringList& args, const std::function<void(const QByteArray&)>& onLine)
{
    ResticResult r = m_process->run(args, onLine);
    if (r.ok() || r.cancelled || !r.errorText.contains(QLatin1String("is already locked")))
        return r;
    m_process->run({ QStringLiteral("unlock") });
    return m_process->run(args, onLine);
}

void ResticBackup::applyRetention(const QString& libraryPath, const RetentionPolicy& retention, BackupReport* report)
{
    QByteArray json;
    const ResticResult r = runExclusive(
        { QStringLiteral("forget"), QStringLiteral("--json"), QStringLiteral("--tag"), tags(libraryPath),
            QStringLiteral("--host"), host(), QStringLiteral("--group-by"), QStringLiteral("host,tags"),
            QStringLiteral("--keep-last"), QStringLiteral("1"), QStringLiteral("--keep-daily"),
            QString::number(retention.daily), QStringLiteral("--keep-weekly"), QString::number(retention.weekly),
            QStringLiteral("--keep-monthly"), QString::number(retention.monthly), QStringLiteral("--prune") },
        [&json](const QByteArray& line) {
            if (json.isEmpty() && line.startsWith('['))
                json = line; // the groups; prune's report follows as text (with "[0:00] ..." progress)
        });
    if (!r.ok()) {
        report->warnings << QStringLiteral("retention not applied: %1").arg(r.error);
        return;
    }
    for (const QJsonValue& group : QJsonDocument::fromJson(json).array())
        report->removedSnapshots += int(group.toObject().value(QLatin1String("remove")).toArray().size());
}

VerifyReport ResticBackup::verify(double samplePercent)
{
    VerifyReport report;
    QStringList args { QStringLiteral("check") };
    if (samplePercent >= 100)
        args << QStringLiteral("--read-data");
    else
        args << QStringLiteral("--read-data-subset=%1%").arg(QString::number(samplePercent, 'f', 2));
    QStringList lines;
    const ResticResult r = runExclusive(args, [&lines](const QByteArray& line) { lines << QString::fromUtf8(line); });
    for (const QString& line : lines + r.errorText.split(QLatin1Char('\n'))) {
        const QString l = line.trimmed();
        if (l.isEmpty() || l.startsWith(QLatin1String("Fatal:")) || l.contains(QLatin1String("no errors were found")))
            continue;
        if (l.contains(QLatin1String("error"), Qt::CaseInsensitive) || l.contains(QLatin1String("does not match"))
            || l.contains(QLatin1String("damaged"), Qt::CaseInsensitive))
            report.snapshotProblems << l;
    }
    if (r.ok() || !report.snapshotProblems.isEmpty())
        return report;
    if (!r.cancelled && r.errorText.contains(QLatin1String("repository contains errors"))) {
        report.snapshotProblems << r.error;
    } else {
        report.failure = r.cancelled ? IoFailure::Transient : failureOf(r);
        report.error = r.error;
    }
    return report;
}

RestoreReport ResticBackup::restore(
    const QString& libraryPath, const QString& snapshotId, const QString& targetDir, const QStringList& paths)
{
    RestoreReport report;
    QList<ResticSnapshot> all;
    QString error;
    if (!snapshots(libraryPath, &all, &error)) {
        report.failure = IoFailure::Gone;
        report.error = error;
        return report;
    }
    // The one asked for; else this library's newest; else (a new computer, a new library) the newest.
    auto found = std::find_if(all.crbegin(), all.crend(), [&snapshotId](const ResticSnapshot& s) {
        return snapshotId.isEmpty() ? s.thisLibrary : s.id.startsWith(snapshotId);
    });
    if (found == all.crend() && snapshotId.isEmpty())
        found = all.crbegin();
    if (found == all.crend()) {
        report.failure = IoFailure::Gone;
        report.error = snapshotId.isEmpty()
            ? QStringLiteral("the repository holds no Shoebox snapshot")
            : QStringLiteral("no Shoebox snapshot %1 in the repository").arg(snapshotId);
        return report;
    }
    report.snapshotId = found->id;
    const QString target = QFileInfo(targetDir).absoluteFilePath();
    // Staged inside the target, so that placing each file is a rename on one file system.
    const QString staging = target + QStringLiteral("/.shoebox-restore-%1").arg(QCoreApplication::applicationPid());
    if (!QDir().mkpath(staging)) {
        report.failure = IoFailure::ReadOnly;
        report.error = QStringLiteral("cannot write to %1").arg(target);
        return report;
    }
    QStringList args { QStringLiteral("restore"), found->id, QStringLiteral("--target"), staging,
        QStringLiteral("--verify") };
    for (const QString& p : paths)
        args << QStringLiteral("--include") << QFileInfo(p).absoluteFilePath();
    const ResticResult r = m_process->run(args);
    // A file restic could not restore or verify (a damaged pack) is named in an "ignoring error for
    // PATH: REASON" line; its staged copy may be partial and is removed, the others are placed.
    const QString prefix = QStringLiteral("ignoring error for ");
    for (const QString& line : r.errorText.split(QLatin1Char('\n'))) {
        if (!line.startsWith(prefix))
            continue;
        const QString rest = line.mid(prefix.size());
        const qsizetype colon = rest.indexOf(QLatin1String(": "));
        const QString path = rest.left(colon);
        QFile::remove(staging + path);
        report.problems << rest;
    }
    if (r.cancelled || (!r.ok() && report.problems.isEmpty())) {
        QDir(staging).removeRecursively();
        report.failure = r.cancelled ? IoFailure::Transient : failureOf(r);
        report.error = r.error;
        return report;
    }
    StagedRestore::place(QFile::encodeName(staging), QFile::encodeName(target), &report);
    for (const QString& p : found->paths)
        if (p.endsWith(QLatin1String("/restic-catalog")) && QFile::exists(target + p + QStringLiteral("/catalog.db")))
            report.catalogFile = target + p + QStringLiteral("/catalog.db");
    return report;
}

} // namespace shoebox
