#pragma once
// Reads and writes the marks a user puts on photos (table photo_marks: favourite, rating 0-5, pick or
// reject flag, hidden), the one writer of that table. Marks key on the photo id, which rescans and
// moves keep. Each instance uses the calling thread's own connection: create one per thread.

#include <QHash>
#include <QString>
#include <QVector>

namespace shoebox {

enum class PickFlag { None = 0, Picked = 1, Rejected = -1 };

struct PhotoMarks {
    bool favourite = false;
    int rating = 0; // 0 (unrated) .. 5
    PickFlag flag = PickFlag::None;
    bool hidden = false;
    // When these marks were last written (ns since the epoch; 0: unknown). Not part of ==: it tells
    // which side is newer when an XMP sidecar disagrees.
    qint64 changedNs = 0;

    bool isEmpty() const { return !favourite && rating == 0 && flag == PickFlag::None && !hidden; }
    bool operator==(const PhotoMarks& o) const
    {
        return favourite == o.favourite && rating == o.rating && flag == o.flag && hidden == o.hidden;
    }
};

// How rating:OP N compares (rating:>=4).
enum class RatingCompare { Equal, Less, LessOrEqual, Greater, GreaterOrEqual };

class MarkStore {
public:
    explicit MarkStore(QString libraryPath);

    // Reads return what they could read; a database error is logged and set in *error when given.
    PhotoMarks marks(qint64 photoId, QString* error = nullptr) const;
    // Marks of the photos that have any (photos without marks are left out).
    QHash<qint64, PhotoMarks> marksOf(const QVector<qint64>& ids, QString* error = nullptr) const;
    // Writes every photo's marks in one transaction; empty marks delete the photo's row. A rating
    // outside 0..5 is refused (nothing written).
    bool setMarks(const QHash<qint64, PhotoMarks>& marks, QString* error = nullptr);

    // Ok, shown photos (secondary halves of pairs left out) with the mark, lowest id first. Unrated
    // photos have rating 0, so rating:<=2 finds them too.
    QVector<qint64> favourites(QString* error = nullptr) const;
    QVector<qint64> withRating(RatingCompare op, int rating, QString* error = nullptr) const;
    QVector<qint64> withFlag(PickFlag flag, QString* error = nullptr) const;
    QVector<qint64> hidden(QString* error = nullptr) const;

private:
    QVector<qint64> photosWhere(const QString& condition, QString* error) const;
    QString m_path;
};

} // namespace shoebox
