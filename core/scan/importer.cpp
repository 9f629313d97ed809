#include "scan/importer.h"

#include "catalog/photostore.h"
#include "image/exifreader.h"
#include "image/imageprobe.h"
#include "scan/filewalker.h"
#include "scan/photoprocessor.h"
#include "tunables.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcImport, "shoebox.core.import")

namespace shoebox {

namespace {

// A name in folder that does not exist yet: "name.jpg", else "name-2.jpg", "name-3.jpg", ...
QString freeName(const QDir& folder, const QString& fileName)
{
    const QFileInfo info(fileName);
    const QString base = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    QString candidate = fileName;
    for (int n = 2; folder.exists(candidate); ++n)
        candidate = QStringLiteral("%1-%2%3").arg(base).arg(n).arg(suffix);
    return folder.filePath(candidate);
}

} // namespace

Importer::Importer(QString libraryPath, QString destinationRoot)
    : m_library(std::move(libraryPath))
    , m_root(QDir::cleanPath(QDir(destinationRoot).absolutePath()))
{
}

QString Importer::folderFor(const QString& root, const QDateTime& takenAt)
{
    if (!takenAt.isValid())
        return root + QStringLiteral("/Undated");
    const QDate d = takenAt.date();
    return QStringLiteral("%1/%2/%3")
        .arg(root)
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(d.month(), 2, 10, QLatin1Char('0'));
}

ImportOutcome Importer::run(const QList<QByteArray>& roots, const Progress& progress)
{
    ImportOutcome out;
    const WalkResult walk = FileWalker::walk(roots, &m_cancel);
    out.failed = walk.problems;
    const int total = int(walk.files.size());
    int done = 0;
    const QByteArray rootBytes = QFile::encodeName(m_root) + '/';
    for (const FileEntry& file : walk.files) {
        if (m_cancel.load()) {
            out.cancelled = true;
            break;
        }
        if (file.path.startsWith(rootBytes)) {
            out.alreadyInFolder.append(QFile::decodeName(file.path));
        } else {
            const QString reason = importOne(file.path, out);
            if (!reason.isEmpty())
                out.failed.append(QFile::decodeName(file.path) + QStringLiteral(": ") + reason);
        }
        if (progress)
            progress(++done, total);
    }
    return out;
}

QString Importer::importOne(const QByteArray& source, ImportOutcome& out)
{
    const QString sourceName = QFile::decodeName(source);
    QFile in(sourceName);
    if (!in.open(QIODevice::ReadOnly))
        return in.errorString();
    if (in.size() > tunables::kMaxFileBytes)
        return QStringLiteral("file is over the size limit");
    const QByteArray bytes = in.readAll();
    const QDateTime mtime = in.fileTime(QFileDevice::FileModificationTime);
    in.close();
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const QByteArray hash = PhotoProcessor::contentHash(data, size_t(bytes.size()));

    if (const QString copied = m_copiedByHash.value(hash); !copied.isEmpty()) {
        out.duplicates.append({ sourceName, copied });
        return {};
    }
    // Unknown is not "no duplicate": without the catalog the file is not copied, and says why.
    QString why;
    const QList<PhotoRecord> same = PhotoStore(m_library).photosWithContentHash(hash, &why);
    if (!why.isEmpty())
        return why;
    for (const PhotoRecord& r : same) {
        if (QFile::exists(QFile::decodeName(r.path))) {
            out.duplicates.append({ sourceName, QFile::decodeName(r.path) });
            return {};
        }
    }

    PhotoMetadata meta;
    ExifReader::read(data, size_t(bytes.size()), probeImage(data, size_t(bytes.size())).format, meta);
    // Without EXIF the file time is the best date there is, as the scanner does; never 1970.
    QDateTime taken = meta.takenAt;
    if (!taken.isValid() && mtime.isValid() && mtime.toSecsSinceEpoch() > 0)
        taken = mtime.toLocalTime();
    const QDir folder(folderFor(m_root, taken));
    if (!QDir().mkpath(folder.path()))
        return QStringLiteral("cannot create folder %1").arg(folder.path());
    const QString target = freeName(folder, QFileInfo(sourceName).fileName());
    QSaveFile outFile(target);
    if (!outFile.open(QIODevice::WriteOnly) || outFile.write(bytes) != bytes.size() || !outFile.commit())
        return QStringLiteral("cannot write %1: %2").arg(target, outFile.errorString());
    QFile written(target);
    if (written.open(QIODevice::ReadWrite))
        written.setFileTime(mtime, QFileDevice::FileModificationTime);
    m_copiedByHash.insert(hash, target);
    out.copied.append(target);
    qCDebug(lcImport) << "copied" << sourceName << "to" << target;
    return {};
}

} // namespace shoebox
