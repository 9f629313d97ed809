#include "people/personstore.h"

#include "catalog/database.h"
#include "catalog/sqlcheck.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QVariant>

Q_DECLARE_LOGGING_CATEGORY(lcPeople)

namespace shoebox {

namespace {

// Counts only faces on photos the library shows, like every other list.
constexpr const char* kSelect
    = "SELECT pe.id, pe.name, pe.hidden, pe.cover_face_id, pe.reason,"
      " (SELECT COUNT(*) FROM faces f JOIN photos p ON p.id = f.photo_id WHERE f.person_id = pe.id"
      " AND p.state = 'ok') AS n,"
      " (SELECT COUNT(DISTINCT f.photo_id) FROM faces f JOIN photos p ON p.id = f.photo_id WHERE f.person_id = pe.id"
      " AND p.state = 'ok') FROM people pe";

bool write(QSqlQuery& q, QString* error)
{
    return execChecked(q, lcPeople, "cannot write people", error);
}

bool read(QSqlQuery& q, QString* error)
{
    return execChecked(q, lcPeople, "cannot read people", error);
}

Person readPerson(const QSqlQuery& q)
{
    Person p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.hidden = q.value(2).toBool();
    p.coverFaceId = q.value(3).toLongLong();
    p.reason = q.value(4).toString();
    p.faces = q.value(5).toLongLong();
    p.photos = q.value(6).toLongLong();
    return p;
}

} // namespace

PersonStore::PersonStore(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

qint64 PersonStore::create(const QString& name, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("INSERT INTO people(name, created_at) VALUES(?, ?)"));
    const QString n = name.simplified();
    q.addBindValue(n.isEmpty() ? QVariant() : QVariant(n));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    return write(q, error) ? q.lastInsertId().toLongLong() : 0;
}

bool PersonStore::rename(qint64 id, const QString& name, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE people SET name = ? WHERE id = ?"));
    const QString n = name.simplified();
    q.addBindValue(n.isEmpty() ? QVariant() : QVariant(n));
    q.addBindValue(id);
    if (!write(q, error))
        return false;
    if (q.numRowsAffected() == 0 && error)
        *error = QStringLiteral("no person %1").arg(id);
    return q.numRowsAffected() > 0;
}

bool PersonStore::setHidden(qint64 id, bool hidden, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE people SET hidden = ? WHERE id = ?"));
    q.addBindValue(hidden ? 1 : 0);
    q.addBindValue(id);
    return write(q, error);
}

bool PersonStore::setCover(qint64 id, qint64 faceId, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE people SET cover_face_id = ? WHERE id = ?"));
    q.addBindValue(faceId > 0 ? QVariant(faceId) : QVariant());
    q.addBindValue(id);
    return write(q, error);
}

bool PersonStore::setReason(qint64 id, const QString& reason, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE people SET reason = ? WHERE id = ?"));
    q.addBindValue(reason);
    q.addBindValue(id);
    return write(q, error);
}

bool PersonStore::remove(qint64 id, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("DELETE FROM people WHERE id = ?"));
    q.addBindValue(id);
    return write(q, error);
}

bool PersonStore::removeEmptyUnnamed(QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    return execChecked(q,
        QStringLiteral("DELETE FROM people WHERE name IS NULL AND NOT EXISTS"
                       " (SELECT 1 FROM faces f WHERE f.person_id = people.id)"),
        lcPeople, "cannot write people", error);
}

QList<Person> PersonStore::people(bool withHidden, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("%1 %2 ORDER BY pe.name IS NULL, pe.name COLLATE NOCASE, n DESC, pe.id")
                  .arg(QLatin1String(kSelect), withHidden ? QString() : QStringLiteral("WHERE pe.hidden = 0")));
    QList<Person> out;
    if (read(q, error))
        while (q.next())
            out << readPerson(q);
    return out;
}

Person PersonStore::person(qint64 id, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("%1 WHERE pe.id = ?").arg(QLatin1String(kSelect)));
    q.addBindValue(id);
    return read(q, error) && q.next() ? readPerson(q) : Person {};
}

QVector<qint64> PersonStore::peopleNamed(const QString& text, bool exact, QString* error) const
{
    // SQLite's LIKE and LOWER fold ASCII only; names are in any script, so Qt compares them.
    QSqlQuery q(Database::connection(m_path));
    QVector<qint64> out;
    const QString needle = text.simplified();
    if (needle.isEmpty()
        || !execChecked(q, QStringLiteral("SELECT id, name FROM people WHERE name IS NOT NULL"), lcPeople,
            "cannot read people", error))
        return out;
    while (q.next()) {
        const QString name = q.value(1).toString();
        const bool hit
            = exact ? name.compare(needle, Qt::CaseInsensitive) == 0 : name.contains(needle, Qt::CaseInsensitive);
        if (hit)
            out << q.value(0).toLongLong();
    }
    return out;
}

QVector<qint64> PersonStore::photosOf(qint64 id, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(
        QStringLiteral("SELECT DISTINCT p.id FROM faces f JOIN photos p ON p.id = f.photo_id WHERE f.person_id = ?"
                       " AND p.state = 'ok' AND p.partner_role IS NULL ORDER BY p.id"));
    q.addBindValue(id);
    QVector<qint64> out;
    if (read(q, error))
        while (q.next())
            out << q.value(0).toLongLong();
    return out;
}

} // namespace shoebox
