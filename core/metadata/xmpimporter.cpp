#include "metadata/xmpimporter.h"

#include "albums/markstore.h"
#include "catalog/database.h"
#include "catalog/transaction.h"
#include "people/facestore.h"
#include "people/peopletunables.h"
#include "people/personstore.h"
#include "tags/tagstore.h"

#include <QHash>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMetadata, "shoebox.core.metadata", QtInfoMsg)

namespace shoebox {

namespace {

double overlap(const QRectF& a, const QRectF& b)
{
    const QRectF i = a.intersected(b);
    const double inter = i.width() * i.height();
    const double uni = a.width() * a.height() + b.width() * b.height() - inter;
    return uni > 0 ? inter / uni : 0;
}

QString ratingText(const PhotoMarks& m)
{
    const QString flag = m.flag == PickFlag::Rejected ? QStringLiteral(", rejected")
        : m.flag == PickFlag::Picked                  ? QStringLiteral(", picked")
                                                      : QString();
    return QStringLiteral("rating %1").arg(m.rating) + flag;
}

// The marks after the XMP's rating: -1 rejects, 0..5 rates (and lifts a rejection).
PhotoMarks withRating(PhotoMarks m, const XmpData& xmp)
{
    const int rating = *xmp.rating;
    if (rating < 0) {
        m.flag = PickFlag::Rejected;
        return m;
    }
    m.rating = rating;
    m.flag = xmp.picked ? PickFlag::Picked : m.flag == PickFlag::Rejected ? PickFlag::None : m.flag;
    return m;
}

} // namespace

XmpImporter::XmpImporter(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

bool XmpImporter::applyFaces(const XmpImport& item, QStringList* notes, QString* error)
{
    if (item.xmp.regions.isEmpty())
        return true;
    FaceStore faces(m_path);
    PersonStore people(m_path);
    QList<StoredFace> existing = faces.facesOfPhoto(item.photoId, error);
    for (const XmpRegion& region : item.xmp.regions) {
        const QVector<qint64> named = people.peopleNamed(region.name, true, error);
        const qint64 person = named.isEmpty() ? people.create(region.name, error) : named.first();
        if (person == 0)
            return false;
        const StoredFace* match = nullptr;
        double best = tunables::people::kSameFaceOverlap;
        for (const StoredFace& f : existing) {
            if (const double o = overlap(f.box, region.box); o >= best) {
                best = o;
                match = &f;
            }
        }
        if (!match) {
            const qint64 id = faces.addNamedFace(item.photoId, faceModel(), region.box, person, error);
            if (id == 0)
                return false;
            existing.append(faces.face(id));
            continue;
        }
        if (match->personId == person)
            continue;
        if (match->manual && match->personId > 0) { // the user's own decision stands
            notes->append(item.displayPath
                + QStringLiteral(": XMP names a face \"%1\", the catalog another person; kept the catalog's")
                      .arg(region.name));
            continue;
        }
        if (!faces.setPerson(match->id, person, true, -1, error))
            return false;
    }
    return true;
}

bool XmpImporter::apply(const QList<XmpImport>& items, QStringList* notes, QString* error)
{
    QStringList own;
    notes = notes ? notes : &own;
    const qsizetype firstNote = notes->size();
    if (items.isEmpty())
        return true;
    QSqlDatabase db = Database::connection(m_path);
    {
        Transaction t(db, lcMetadata, "cannot store XMP keywords and faces");
        if (!t.isActive()) {
            if (error)
                *error = t.error();
            return false;
        }
        TagStore tags(m_path);
        for (const XmpImport& item : items) {
            for (const QStringList& k : item.xmp.keywords)
                if (!tags.addManualTag(item.photoId, XmpData::tagName(k), error))
                    return false;
            if (!applyFaces(item, notes, error))
                return false;
        }
        if (!t.commit(error))
            return false;
    }
    MarkStore marks(m_path);
    QVector<qint64> ids;
    for (const XmpImport& item : items)
        if (item.xmp.rating)
            ids.append(item.photoId);
    const QHash<qint64, PhotoMarks> before = marks.marksOf(ids, error);
    QHash<qint64, PhotoMarks> after;
    for (const XmpImport& item : items) {
        if (!item.xmp.rating)
            continue;
        const PhotoMarks old = before.value(item.photoId);
        const PhotoMarks now = withRating(old, item.xmp);
        if (now == old)
            continue;
        const bool catalogRated = old.rating != 0 || old.flag != PickFlag::None;
        if (catalogRated && old.changedNs > item.changedNs) {
            notes->append(item.displayPath
                + QStringLiteral(": %1 in the catalog (newer), %2 in its XMP; kept the catalog's")
                      .arg(ratingText(old), ratingText(now)));
            continue;
        }
        if (catalogRated)
            notes->append(item.displayPath
                + QStringLiteral(": %1 in the catalog, %2 in its newer XMP; kept the XMP's")
                      .arg(ratingText(old), ratingText(now)));
        after.insert(item.photoId, now);
    }
    for (qsizetype i = firstNote; i < notes->size(); ++i)
        qCInfo(lcMetadata).noquote() << notes->at(i);
    return after.isEmpty() || marks.setMarks(after, error);
}

} // namespace shoebox
