#pragma once
// Reads and writes people in the catalog: the sole writer of the table people (issue 12). Each
// instance uses the calling thread's own connection: create one per thread, never share it.

#include <QList>
#include <QString>
#include <QVector>

namespace shoebox {

struct Person {
    qint64 id = 0;
    QString name; // empty until the user names them
    bool hidden = false;
    qint64 coverFaceId = 0;
    QString reason; // why these faces are one person, in numbers
    qint64 faces = 0;
    qint64 photos = 0;
};

class PersonStore {
public:
    explicit PersonStore(QString libraryPath);

    qint64 create(const QString& name = {}, QString* error = nullptr); // 0 on error
    bool rename(qint64 id, const QString& name, QString* error = nullptr); // empty: unnamed again
    bool setHidden(qint64 id, bool hidden, QString* error = nullptr);
    bool setCover(qint64 id, qint64 faceId, QString* error = nullptr);
    bool setReason(qint64 id, const QString& reason, QString* error = nullptr);
    bool remove(qint64 id, QString* error = nullptr);
    // People without faces left (after merges, moves and re-clustering) are removed unless named.
    bool removeEmptyUnnamed(QString* error = nullptr);

    // Named people first (by name), then unnamed ones, largest first. Hidden ones only when asked.
    QList<Person> people(bool withHidden = false, QString* error = nullptr) const;
    Person person(qint64 id, QString* error = nullptr) const;
    // People whose name contains text (exact: equals it), case-insensitive in any script.
    QVector<qint64> peopleNamed(const QString& text, bool exact, QString* error = nullptr) const;
    // Ok photos (shown members of pairs) with a face of this person, by id.
    QVector<qint64> photosOf(qint64 id, QString* error = nullptr) const;

private:
    QString m_path;
};

} // namespace shoebox
