#include "people/peopleservice.h"

#include "catalog/database.h"
#include "catalog/transaction.h"
#include "people/personstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>

#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcPeople)

namespace shoebox {

namespace {

constexpr int kReasonSample = 300; // faces compared for a person's reason (pairs grow quadratically)

float distance(const std::vector<float>& a, const std::vector<float>& b)
{
    double s = 0;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        const double d = double(a[i]) - double(b[i]);
        s += d * d;
    }
    return float(std::sqrt(s));
}

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

PeopleService::PeopleService(QString libraryPath, ClusterParams params)
    : m_path(std::move(libraryPath))
    , m_params(params)
{
}

bool PeopleService::isClusterable(const StoredFace& face)
{
    return face.descriptor.size() == size_t(ClusterInput::kDim) && face.pixels >= tunables::people::kMinFacePixels
        && face.sharpness >= tunables::people::kMinSharpness;
}

QString PeopleService::reasonFor(const std::vector<const std::vector<float>*>& descriptors)
{
    const size_t n = descriptors.size();
    if (n < 2)
        return QStringLiteral("%1 face").arg(n);
    const size_t step = n > size_t(kReasonSample) ? n / size_t(kReasonSample) + 1 : 1;
    float closest = -1, farthest = 0;
    for (size_t i = 0; i < n; i += step) {
        for (size_t j = i + step; j < n; j += step) {
            const float d = distance(*descriptors[i], *descriptors[j]);
            closest = closest < 0 ? d : std::min(closest, d);
            farthest = std::max(farthest, d);
        }
    }
    return QStringLiteral("%1 faces, closest pair %2, farthest %3")
        .arg(n)
        .arg(QString::number(double(closest), 'f', 2), QString::number(double(farthest), 'f', 2));
}

bool PeopleService::refreshPeople(const QSet<qint64>& people, QString* error)
{
    FaceStore faces(m_path);
    PersonStore store(m_path);
    for (qint64 person : people) {
        const QVector<qint64> ids = faces.facesOfPerson(person, error);
        std::vector<StoredFace> loaded;
        const qsizetype step = ids.size() > kReasonSample ? ids.size() / kReasonSample + 1 : 1;
        for (qsizetype i = 0; i < ids.size(); i += step)
            loaded.push_back(faces.face(ids[i], true));
        std::vector<const std::vector<float>*> d;
        qint64 cover = 0;
        double best = -1;
        for (const StoredFace& f : loaded) {
            if (!f.descriptor.empty())
                d.push_back(&f.descriptor);
            const double quality = double(f.score) * f.pixels;
            if (quality > best) {
                best = quality;
                cover = f.id;
            }
        }
        QString reason = reasonFor(d);
        if (step > 1) // sampled: say how many faces there really are
            reason.replace(0, reason.indexOf(QLatin1Char(' ')), QString::number(ids.size()));
        if (!store.setReason(person, reason, error) || !store.setCover(person, cover, error))
            return false;
    }
    return store.removeEmptyUnnamed(error);
}

bool PeopleService::applyOutcome(const ClusterOutcome& outcome, QSet<qint64>& touched, QString* error)
{
    FaceStore faces(m_path);
    PersonStore people(m_path);
    std::vector<qint64> created(size_t(outcome.newPeople));
    for (qint64& id : created) {
        id = people.create({}, error);
        if (id == 0)
            return false;
    }
    for (const FaceAssignment& a : outcome.assignments) {
        const qint64 person = a.personId > 0 ? a.personId : created[size_t(a.newPerson)];
        if (!faces.setPerson(a.faceId, person, false, double(a.distance), error))
            return false;
        touched.insert(person);
    }
    QList<QPair<qint64, int>> counts;
    for (const auto& [face, n] : outcome.neighbourCounts)
        counts.append({ face, n });
    return faces.setNeighbourCounts(counts, error);
}

ClusterReport PeopleService::cluster()
{
    ClusterReport report;
    QElapsedTimer timer;
    timer.start();
    FaceStore faces(m_path);
    const QList<StoredFace> all = faces.allFaces(true, &report.error);
    const QHash<qint64, QVector<qint64>> verdicts = faces.verdicts(&report.error);
    if (!report.error.isEmpty())
        return report;
    ClusterInput input;
    for (const StoredFace& f : all) {
        report.faces += f.descriptor.empty() ? 0 : 1;
        if (!isClusterable(f))
            continue;
        const QVector<qint64> no = verdicts.value(f.id);
        input.faces.push_back({ f.id, f.photoId, f.personId, f.neighbours, std::vector<qint64>(no.begin(), no.end()) });
        input.descriptors.insert(input.descriptors.end(), f.descriptor.begin(), f.descriptor.end());
    }
    report.clusterable = int(input.faces.size());
    const ClusterOutcome outcome = FaceClusterer(m_params).cluster(input);
    report.placed = int(outcome.assignments.size());
    report.newPeople = outcome.newPeople;
    report.queried = outcome.queried;
    report.exact = outcome.exact;
    Transaction t(Database::connection(m_path), lcPeople, "cannot store people");
    QSet<qint64> touched;
    if (!t.isActive())
        report.error = t.error();
    else if (applyOutcome(outcome, touched, &report.error) && refreshPeople(touched, &report.error))
        t.commit(&report.error);
    report.seconds = timer.elapsed() / 1000.0;
    return report;
}

ClusterReport PeopleService::recluster()
{
    ClusterReport report;
    {
        Transaction t(Database::connection(m_path), lcPeople, "cannot release faces");
        FaceStore faces(m_path);
        bool ok = t.isActive();
        // Named people keep every face: a name is the user's word that this cluster is right.
        for (const Person& p : PersonStore(m_path).people(true, &report.error))
            ok = ok && (!p.name.isEmpty() || faces.releaseAutoFaces(p.id, &report.error));
        ok = ok && PersonStore(m_path).removeEmptyUnnamed(&report.error);
        if (!ok || !t.commit(&report.error))
            return report;
    }
    return cluster();
}

bool PeopleService::rename(qint64 personId, const QString& name, QString* error)
{
    return PersonStore(m_path).rename(personId, name, error);
}

bool PeopleService::merge(qint64 from, qint64 into, QString* error)
{
    if (from == into)
        return fail(error, QStringLiteral("a person cannot be merged into themselves"));
    PersonStore people(m_path);
    const Person a = people.person(from, error), b = people.person(into, error);
    if (a.id == 0 || b.id == 0)
        return fail(error, QStringLiteral("no person %1").arg(a.id == 0 ? from : into));
    Transaction t(Database::connection(m_path), lcPeople, "cannot merge people");
    FaceStore faces(m_path);
    bool ok = t.isActive() && faces.moveVerdicts(from, into, error) && faces.moveAllFaces(from, into, error);
    if (ok && b.name.isEmpty() && !a.name.isEmpty())
        ok = people.rename(into, a.name, error);
    ok = ok && people.remove(from, error) && refreshPeople({ into }, error);
    return ok && t.commit(error);
}

bool PeopleService::moveFace(qint64 faceId, qint64 personId, QString* error)
{
    FaceStore faces(m_path);
    const StoredFace f = faces.face(faceId);
    if (f.id == 0)
        return fail(error, QStringLiteral("no face %1").arg(faceId));
    if (PersonStore(m_path).person(personId, error).id == 0)
        return fail(error, QStringLiteral("no person %1").arg(personId));
    Transaction t(Database::connection(m_path), lcPeople, "cannot move a face");
    QSet<qint64> touched { personId };
    if (f.personId > 0)
        touched.insert(f.personId);
    const bool ok = t.isActive() && faces.setPerson(faceId, personId, true, -1, error) && refreshPeople(touched, error);
    return ok && t.commit(error);
}

bool PeopleService::rejectFace(qint64 faceId, QString* error)
{
    FaceStore faces(m_path);
    const StoredFace f = faces.face(faceId);
    if (f.id == 0 || f.personId == 0)
        return fail(error, QStringLiteral("face %1 belongs to nobody").arg(faceId));
    Transaction t(Database::connection(m_path), lcPeople, "cannot reject a face");
    const bool ok = t.isActive() && faces.addVerdict(faceId, f.personId, error)
        && faces.setPerson(faceId, 0, false, -1, error) && refreshPeople({ f.personId }, error);
    return ok && t.commit(error);
}

qint64 PeopleService::splitFace(qint64 faceId, QString* error)
{
    FaceStore faces(m_path);
    const StoredFace f = faces.face(faceId);
    if (f.id == 0)
        return fail(error, QStringLiteral("no face %1").arg(faceId)), 0;
    Transaction t(Database::connection(m_path), lcPeople, "cannot split a face");
    const qint64 person = t.isActive() ? PersonStore(m_path).create({}, error) : 0;
    QSet<qint64> touched { person };
    if (f.personId > 0)
        touched.insert(f.personId);
    const bool ok = person > 0 && faces.setPerson(faceId, person, true, -1, error) && refreshPeople(touched, error);
    return ok && t.commit(error) ? person : 0;
}

qint64 PeopleService::nameFace(qint64 faceId, const QString& name, QString* error)
{
    if (name.simplified().isEmpty())
        return fail(error, QStringLiteral("a person needs a name")), 0;
    PersonStore people(m_path);
    const StoredFace f = FaceStore(m_path).face(faceId);
    if (f.id == 0)
        return fail(error, QStringLiteral("no face %1").arg(faceId)), 0;
    const QVector<qint64> named = people.peopleNamed(name, true, error);
    if (!named.isEmpty())
        return moveFace(faceId, named.first(), error) ? named.first() : 0;
    // An unnamed person gets the name (the whole cluster is named at once); a named one is someone else.
    if (f.personId > 0 && people.person(f.personId).name.isEmpty())
        return rename(f.personId, name, error) ? f.personId : 0;
    const qint64 person = people.create(name, error);
    return person > 0 && moveFace(faceId, person, error) ? person : 0;
}

bool PeopleService::setHidden(qint64 personId, bool hidden, QString* error)
{
    return PersonStore(m_path).setHidden(personId, hidden, error);
}

} // namespace shoebox
