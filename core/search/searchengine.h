#pragma once
// Finds photos from a typed query, for the CLI's search command and the GUI's search bar.
// A query is a list of terms that must all match (quotes group words):
//   dog / 狗 / Hund      a tag name in any language (or the tag's key)
//   2019 / 2019-05       capture year / year and month
//   camera:canon         camera make or model contains the text
//   Paris / 巴黎 / place:Bayern   a country, region or town of the library's places in any language
//                        (place: also takes ISO codes: place:FR, place:DE-BY)
//   type:video           videos (also type:photo, type:raw)
//   Alice / person:Alice people by the names the user gave them, in any script
//   tag:"hot dog"        only tags;  name:IMG_12  only file names
//   album:Japan          photos of the album (and the albums below it) named Japan, or at the path
//                        album:"Travel / 2024 / Japan"; a smart album gives its search's results
//   fav  rating:>=4 (=, >=, <=, >, <; rating:4 is =4)  picked  rejected  hidden   the user's marks
// Hidden photos are left out of every result unless the query has the term hidden.
// A bare word that is no tag name also matches file names and cameras containing it.
// Each instance uses the calling thread's own connection: create one per thread.

#include "albums/markstore.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

namespace shoebox {

struct SearchTerm {
    enum class Kind {
        Any,
        Tag,
        Name,
        Camera,
        Year,
        YearMonth,
        Type,
        Place,
        Album,
        Favourite,
        Rating,
        Picked,
        Rejected,
        Hidden,
        Person
    };
    Kind kind = Kind::Any;
    QString text;
    int year = 0;
    int month = 0;
    int rating = 0; // Rating: compared with op
    RatingCompare op = RatingCompare::Equal;
    bool operator==(const SearchTerm& o) const
    {
        return kind == o.kind && text == o.text && year == o.year && month == o.month && rating == o.rating
            && op == o.op;
    }
};

class SearchEngine {
public:
    explicit SearchEngine(QString libraryPath);

    // Splits a query into terms (pure; no database).
    static QList<SearchTerm> parse(const QString& query);
    // Ids of ok photos matching every term, newest capture first. An empty query matches nothing.
    // A database error is logged and set in *error (the ids are then what could be read).
    QVector<qint64> search(const QString& query, QString* error = nullptr) const;
    // Completions for the word being typed: tag names (in lang first, then any language) and
    // camera models that start with prefix, known to the library, best first.
    // The photos of an album in its manual order, then those of the albums below it; a smart
    // album's are its search's results. Hidden photos are left out.
    QVector<qint64> albumPhotos(qint64 albumId, QString* error = nullptr) const;
    QStringList complete(const QString& prefix, const QString& lang, int limit = 10) const;

private:
    QVector<qint64> match(const SearchTerm& term, QString* error) const;
    QVector<qint64> tagMatches(const QString& text, QString* error) const;
    QVector<qint64> markMatches(const SearchTerm& term, QString* error) const;
    QVector<qint64> albumMembers(qint64 albumId, QString* error) const;
    // Photos of the people named text (any script, case-insensitive); exactFirst prefers exact names.
    QVector<qint64> personMatches(const QString& text, bool exactFirst, QString* error) const;
    QString m_path;
    mutable int m_depth = 0; // smart albums inside smart albums: stops a query that names itself
};

} // namespace shoebox
