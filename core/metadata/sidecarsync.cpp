#include "metadata/sidecarsync.h"

#include "albums/markstore.h"
#include "catalog/photostore.h"
#include "metadata/sidecarfinder.h"
#include "metadata/xmpimporter.h"
#include "metadata/xmpreader.h"
#include "metadata/xmpwriter.h"
#include "people/facestore.h"
#include "people/personstore.h"
#include "tags/tagstore.h"

#include <QLoggingCategory>
#include <QSettings>

#include <sys/stat.h>

Q_DECLARE_LOGGING_CATEGORY(lcMetadata)

namespace shoebox {

namespace {

const QString kPreference = QStringLiteral("metadata/writeSidecars");

qint64 mtimeOf(const QByteArray& path)
{
    struct stat st { };
    return ::stat(path.constData(), &st) == 0 ? qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec : 0;
}

} // namespace

SidecarSync::SidecarSync(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

bool SidecarSync::enabled()
{
    return QSettings().value(kPreference, false).toBool();
}

void SidecarSync::setEnabled(bool on)
{
    QSettings().setValue(kPreference, on);
}

XmpData SidecarSync::fromCatalog(qint64 photoId, QString* error) const
{
    XmpData out;
    const std::optional<PhotoRecord> photo = PhotoStore(m_path).photoById(photoId);
    if (!photo) {
        if (error)
            *error = QStringLiteral("no photo %1 in the catalog").arg(photoId);
        return out;
    }
    out.title = photo->meta.title;
    out.description = photo->meta.description;
    // Automatic tags are the models' guesses, not the user's keywords: only manual ones travel.
    for (const PhotoTag& t : TagStore(m_path).tagsOfPhoto(photoId, QStringLiteral("en")))
        if (t.manual)
            out.addKeyword(XmpData::pathOf(t.name));
    const PhotoMarks marks = MarkStore(m_path).marks(photoId, error);
    if (marks.flag == PickFlag::Rejected)
        out.rating = -1;
    else if (marks.rating > 0 || marks.flag == PickFlag::Picked)
        out.rating = marks.rating;
    out.picked = marks.flag == PickFlag::Picked;
    PersonStore people(m_path);
    for (const StoredFace& f : FaceStore(m_path).facesOfPhoto(photoId, error)) {
        const QString name = f.personId > 0 ? people.person(f.personId).name : QString();
        if (!name.isEmpty())
            out.regions.append({ name, f.box });
    }
    return out;
}

bool SidecarSync::mergeChanged(
    const PhotoRecord& photo, qint64 sidecarMtime, const QByteArray& sidecar, SidecarReport& report)
{
    const XmpData theirs = XmpReader::readSidecar(sidecar, photo.meta.orientation);
    if (!theirs.problem.isEmpty()) {
        report.errors.append(photo.displayPath + QStringLiteral(": ") + theirs.problem);
        return false;
    }
    QString why;
    if (!XmpImporter(m_path).apply({ { photo.id, photo.displayPath, theirs, sidecarMtime } }, &report.notes, &why)) {
        report.errors.append(photo.displayPath + QStringLiteral(": ") + why);
        return false;
    }
    ++report.merged;
    return true;
}

SidecarReport SidecarSync::write(const QVector<qint64>& ids)
{
    SidecarReport report;
    PhotoStore photos(m_path);
    for (qint64 id : ids) {
        const std::optional<PhotoRecord> photo = photos.photoById(id);
        if (!photo || photo->state == PhotoState::Missing) {
            report.errors.append((photo ? photo->displayPath : QString::number(id))
                + QStringLiteral(": the photo is not where the catalog says; no sidecar written"));
            continue;
        }
        const SidecarFile existing = SidecarFinder::find(photo->path);
        // Another tool wrote the sidecar after Shoebox last read it: take its changes in first.
        if (!existing.path.isEmpty() && existing.mtimeNs != photo->sidecarMtimeNs
            && !mergeChanged(*photo, existing.mtimeNs, existing.path, report))
            continue;
        QString why;
        const XmpData data = fromCatalog(id, &why);
        if (why.isEmpty() && data.isEmpty() && existing.path.isEmpty())
            continue; // nothing to say: no empty sidecar beside every photo
        const QByteArray target = existing.path.isEmpty() ? SidecarFinder::newSidecarPath(photo->path) : existing.path;
        if (!why.isEmpty() || !XmpWriter::writeSidecar(target, data, photo->meta.orientation, &why)
            || !photos.setSidecarMtime(id, mtimeOf(target), &why)) {
            report.errors.append(photo->displayPath + QStringLiteral(": ") + why);
            continue;
        }
        ++report.written;
    }
    for (const QString& e : report.errors)
        qCWarning(lcMetadata).noquote() << e;
    return report;
}

} // namespace shoebox
