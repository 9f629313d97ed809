#include "search/searchengine.h"

#include "albums/albumstore.h"
#include "albums/markstore.h"
#include "catalog/database.h"
#include "catalog/sqlcheck.h"
#include "people/personstore.h"
#include "places/placestore.h"
#include "tags/tagstore.h"
#include "tags/tagvocabulary.h"

#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <optional>

Q_LOGGING_CATEGORY(lcSearch, "shoebox.core.search")

namespace shoebox {

namespace {

// Splits on spaces, keeping "quoted words" (also after a prefix: tag:"hot dog") together.
QStringList tokens(const QString& query)
{
    QStringList out;
    QString current;
    bool quoted = false;
    for (const QChar c : query) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c.isSpace() && !quoted) {
            if (!current.isEmpty())
                out << current;
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

QString likePattern(const QString& text)
{
    QString t = text;
    t.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    t.replace(QLatin1Char('%'), QLatin1String("\\%"));
    t.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + t + QLatin1Char('%');
}

QVector<qint64> ids(QSqlQuery& q, QString* error)
{
    QVector<qint64> out;
    if (execChecked(q, lcSearch, "cannot search the catalog", error))
        while (q.next())
            out << q.value(0).toLongLong();
    return out;
}

// type:video / type:photo / type:raw (plurals too) -> the kind the catalog stores; an unknown word
// gives a kind no photo has, so the query finds nothing instead of everything.
QString storedKind(const QString& word)
{
    static const QHash<QString, QString> kinds = { { QStringLiteral("photo"), QStringLiteral("photo") },
        { QStringLiteral("photos"), QStringLiteral("photo") }, { QStringLiteral("video"), QStringLiteral("video") },
        { QStringLiteral("videos"), QStringLiteral("video") }, { QStringLiteral("raw"), QStringLiteral("raw") },
        { QStringLiteral("raws"), QStringLiteral("raw") } };
    return kinds.value(word.toLower(), QStringLiteral("none"));
}

// fav, picked, rejected, hidden (bare or after is:), album:NAME and rating:>=4; nullopt for other terms.
std::optional<SearchTerm> markTerm(const QString& prefix, const QString& rest)
{
    static const QHash<QString, SearchTerm::Kind> words = { { QStringLiteral("fav"), SearchTerm::Kind::Favourite },
        { QStringLiteral("favs"), SearchTerm::Kind::Favourite },
        { QStringLiteral("favourite"), SearchTerm::Kind::Favourite },
        { QStringLiteral("favourites"), SearchTerm::Kind::Favourite },
        { QStringLiteral("favorite"), SearchTerm::Kind::Favourite },
        { QStringLiteral("favorites"), SearchTerm::Kind::Favourite },
        { QStringLiteral("picked"), SearchTerm::Kind::Picked },
        { QStringLiteral("rejected"), SearchTerm::Kind::Rejected },
        { QStringLiteral("hidden"), SearchTerm::Kind::Hidden } };
    static const QRegularExpression rating(QStringLiteral("^(>=|<=|=|>|<)?([0-5])$"));
    SearchTerm t;
    t.text = rest;
    if (prefix.isEmpty() || prefix == QLatin1String("is")) {
        if (!words.contains(rest.toLower()))
            return std::nullopt;
        t.kind = words.value(rest.toLower());
    } else if (prefix == QLatin1String("album")) {
        t.kind = SearchTerm::Kind::Album;
    } else if (prefix == QLatin1String("rating")) {
        const auto m = rating.match(rest);
        t.kind = SearchTerm::Kind::Rating;
        // A rating that is no 0..5 number finds nothing rather than everything.
        t.rating = m.hasMatch() ? m.captured(2).toInt() : -1;
        static const QHash<QString, RatingCompare> ops = { { QStringLiteral(">="), RatingCompare::GreaterOrEqual },
            { QStringLiteral("<="), RatingCompare::LessOrEqual }, { QStringLiteral(">"), RatingCompare::Greater },
            { QStringLiteral("<"), RatingCompare::Less } };
        t.op = ops.value(m.captured(1), RatingCompare::Equal);
    } else {
        return std::nullopt;
    }
    return t;
}

} // namespace

SearchEngine::SearchEngine(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

QList<SearchTerm> SearchEngine::parse(const QString& query)
{
    static const QRegularExpression year(QStringLiteral("^(1[89]\\d\\d|2[01]\\d\\d)$"));
    static const QRegularExpression yearMonth(QStringLiteral("^(1[89]\\d\\d|2[01]\\d\\d)[-/](0?[1-9]|1[0-2])$"));
    QList<SearchTerm> terms;
    for (const QString& token : tokens(query)) {
        SearchTerm t;
        const int colon = token.indexOf(QLatin1Char(':'));
        const QString prefix = colon > 0 ? token.left(colon).toLower() : QString();
        const QString rest = colon > 0 ? token.mid(colon + 1) : token;
        if (const auto mark = markTerm(prefix, rest)) {
            if (!mark->text.isEmpty())
                terms << *mark;
            continue;
        }
        if (prefix == QLatin1String("tag"))
            t.kind = SearchTerm::Kind::Tag;
        else if (prefix == QLatin1String("name") || prefix == QLatin1String("file"))
            t.kind = SearchTerm::Kind::Name;
        else if (prefix == QLatin1String("camera"))
            t.kind = SearchTerm::Kind::Camera;
        else if (prefix == QLatin1String("type") || prefix == QLatin1String("kind"))
            t.kind = SearchTerm::Kind::Type; // type:video | type:photo | type:raw
        else if (prefix == QLatin1String("place"))
            t.kind = SearchTerm::Kind::Place;
        else if (prefix == QLatin1String("person") || prefix == QLatin1String("people"))
            t.kind = SearchTerm::Kind::Person;
        else if (prefix == QLatin1String("year") || prefix == QLatin1String("date") || prefix.isEmpty()) {
            if (const auto m = yearMonth.match(rest); m.hasMatch()) {
                t.kind = SearchTerm::Kind::YearMonth;
                t.year = m.captured(1).toInt();
                t.month = m.captured(2).toInt();
            } else if (const auto y = year.match(rest); y.hasMatch()) {
                t.kind = SearchTerm::Kind::Year;
                t.year = rest.toInt();
            }
        }
        t.text = (t.kind == SearchTerm::Kind::Any && !prefix.isEmpty() && prefix != QLatin1String("year")
                     && prefix != QLatin1String("date"))
            ? token
            : rest;
        if (!t.text.isEmpty())
            terms << t;
    }
    return terms;
}

QVector<qint64> SearchEngine::tagMatches(const QString& text, QString* error) const
{
    const QString folded = text.simplified().toCaseFolded();
    QSet<qint64> tags;
    for (const auto& [id, name] : TagStore(m_path).tagNames(error))
        if (name.toCaseFolded() == folded)
            tags.insert(id);
    QSet<qint64> photos;
    TagStore store(m_path);
    for (qint64 tag : tags)
        for (qint64 p : store.photosWithTag(tag, error))
            photos.insert(p);
    return QVector<qint64>(photos.begin(), photos.end());
}

QVector<qint64> SearchEngine::personMatches(const QString& text, bool exactFirst, QString* error) const
{
    // person:Ann is Ann, not also Joanna, when an Ann exists; a plain word finds every name holding it.
    PersonStore people(m_path);
    QVector<qint64> who = exactFirst ? people.peopleNamed(text, true, error) : QVector<qint64>();
    if (who.isEmpty())
        who = people.peopleNamed(text, false, error);
    QSet<qint64> photos;
    for (qint64 person : who)
        for (qint64 p : people.photosOf(person, error))
            photos.insert(p);
    return QVector<qint64>(photos.begin(), photos.end());
}

QVector<qint64> SearchEngine::match(const SearchTerm& term, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    const QString base = QStringLiteral("SELECT id FROM photos WHERE state = 'ok' AND partner_role IS NULL AND ");
    switch (term.kind) {
    case SearchTerm::Kind::Tag:
        return tagMatches(term.text, error);
    case SearchTerm::Kind::Name:
        q.prepare(base + QStringLiteral("name LIKE ? ESCAPE '\\'"));
        q.addBindValue(likePattern(term.text));
        return ids(q, error);
    case SearchTerm::Kind::Camera:
        q.prepare(base + QStringLiteral("(camera_make LIKE ? ESCAPE '\\' OR camera_model LIKE ? ESCAPE '\\')"));
        q.addBindValue(likePattern(term.text));
        q.addBindValue(likePattern(term.text));
        return ids(q, error);
    case SearchTerm::Kind::Year:
        q.prepare(base + QStringLiteral("taken_at LIKE ?"));
        q.addBindValue(QStringLiteral("%1-%").arg(term.year, 4, 10, QLatin1Char('0')));
        return ids(q, error);
    case SearchTerm::Kind::YearMonth:
        q.prepare(base + QStringLiteral("taken_at LIKE ?"));
        q.addBindValue(
            QStringLiteral("%1-%2-%").arg(term.year, 4, 10, QLatin1Char('0')).arg(term.month, 2, 10, QLatin1Char('0')));
        return ids(q, error);
    case SearchTerm::Kind::Type:
        q.prepare(base + QStringLiteral("kind = ?"));
        q.addBindValue(storedKind(term.text));
        return ids(q, error);
    case SearchTerm::Kind::Place:
        return PlaceStore(m_path).photosAtPlaceNamed(term.text, true, error);
    case SearchTerm::Kind::Album: {
        QSet<qint64> all;
        for (qint64 album : AlbumStore(m_path).albumsNamed(term.text, error))
            for (qint64 id : albumMembers(album, error))
                all.insert(id);
        return QVector<qint64>(all.begin(), all.end());
    }
    case SearchTerm::Kind::Favourite:
    case SearchTerm::Kind::Rating:
    case SearchTerm::Kind::Picked:
    case SearchTerm::Kind::Rejected:
    case SearchTerm::Kind::Hidden:
        return markMatches(term, error);
    case SearchTerm::Kind::Person:
        return personMatches(term.text, true, error);
    case SearchTerm::Kind::Any:
        break;
    }
    QSet<qint64> all;
    for (qint64 id : personMatches(term.text, false, error))
        all.insert(id);
    for (qint64 id : tagMatches(term.text, error))
        all.insert(id);
    for (qint64 id : PlaceStore(m_path).photosAtPlaceNamed(term.text, false, error))
        all.insert(id);
    q.prepare(base
        + QStringLiteral("(name LIKE ? ESCAPE '\\' OR camera_make LIKE ? ESCAPE '\\'"
                         " OR camera_model LIKE ? ESCAPE '\\')"));
    for (int i = 0; i < 3; ++i)
        q.addBindValue(likePattern(term.text));
    for (qint64 id : ids(q, error))
        all.insert(id);
    return QVector<qint64>(all.begin(), all.end());
}

QVector<qint64> SearchEngine::search(const QString& query, QString* error) const
{
    QList<SearchTerm> terms = parse(query);
    // A multi-word tag or place name typed without quotes ("hot dog", "San Diego") is one term.
    if (terms.size() > 1 && !query.contains(QLatin1Char('"')) && !query.contains(QLatin1Char(':'))) {
        if (!tagMatches(query, error).isEmpty())
            terms = { SearchTerm { SearchTerm::Kind::Tag, query.simplified(), 0, 0 } };
        else if (!PlaceStore(m_path).photosAtPlaceNamed(query, false, error).isEmpty())
            terms = { SearchTerm { SearchTerm::Kind::Place, query.simplified(), 0, 0 } };
        else if (!personMatches(query, true, error).isEmpty())
            terms = { SearchTerm { SearchTerm::Kind::Person, query.simplified(), 0, 0 } };
    }
    if (terms.isEmpty())
        return {};
    const bool withHidden = std::any_of(
        terms.cbegin(), terms.cend(), [](const SearchTerm& t) { return t.kind == SearchTerm::Kind::Hidden; });
    QSet<qint64> result;
    for (int i = 0; i < terms.size(); ++i) {
        const QVector<qint64> m = match(terms[i], error);
        const QSet<qint64> set(m.begin(), m.end());
        result = i == 0 ? set : result.intersect(set);
        if (result.isEmpty())
            return {};
    }
    if (!withHidden) // hidden photos stay out unless asked for
        for (qint64 id : MarkStore(m_path).hidden(error))
            result.remove(id);
    if (result.isEmpty())
        return {};
    QStringList idText;
    for (qint64 id : result)
        idText << QString::number(id);
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT id FROM photos WHERE id IN (%1) ORDER BY taken_at IS NULL, taken_at DESC, id")
                  .arg(idText.join(QLatin1Char(','))));
    return ids(q, error);
}

QVector<qint64> SearchEngine::markMatches(const SearchTerm& term, QString* error) const
{
    const MarkStore marks(m_path);
    switch (term.kind) {
    case SearchTerm::Kind::Favourite:
        return marks.favourites(error);
    case SearchTerm::Kind::Rating:
        return term.rating < 0 ? QVector<qint64>() : marks.withRating(term.op, term.rating, error);
    case SearchTerm::Kind::Picked:
        return marks.withFlag(PickFlag::Picked, error);
    case SearchTerm::Kind::Rejected:
        return marks.withFlag(PickFlag::Rejected, error);
    default:
        return marks.hidden(error);
    }
}

QVector<qint64> SearchEngine::albumMembers(qint64 albumId, QString* error) const
{
    if (m_depth > 4) { // a smart album whose query names itself
        if (error)
            *error = QStringLiteral("a smart album refers to itself");
        return {};
    }
    ++m_depth;
    AlbumStore store(m_path);
    QVector<qint64> out;
    QSet<qint64> seen;
    for (qint64 album : store.withDescendants(albumId, error)) {
        const std::optional<AlbumRecord> a = store.album(album);
        const QVector<qint64> ids = !a ? QVector<qint64>()
            : a->isSmart()             ? search(a->query, error)
                                       : store.photosOf(album, error);
        for (qint64 id : ids)
            if (!seen.contains(id)) {
                seen.insert(id);
                out << id;
            }
    }
    --m_depth;
    return out;
}

QVector<qint64> SearchEngine::albumPhotos(qint64 albumId, QString* error) const
{
    QVector<qint64> out = albumMembers(albumId, error);
    const QVector<qint64> hidden = MarkStore(m_path).hidden(error);
    const QSet<qint64> hiddenSet(hidden.begin(), hidden.end());
    out.erase(std::remove_if(out.begin(), out.end(), [&](qint64 id) { return hiddenSet.contains(id); }), out.end());
    return out;
}

QStringList SearchEngine::complete(const QString& prefix, const QString& lang, int limit) const
{
    const QString p = prefix.simplified().toCaseFolded();
    if (p.isEmpty())
        return {};
    TagStore store(m_path);
    QStringList preferred, others;
    for (const TagCount& t : store.tagCounts(lang)) // most used first, in the user's language
        if (t.name.toCaseFolded().startsWith(p))
            preferred << t.name;
    QSet<qint64> used;
    for (const TagCount& t : store.tagCounts(lang))
        used.insert(t.tagId);
    for (const auto& [id, name] : store.tagNames())
        if (used.contains(id) && name.toCaseFolded().startsWith(p) && !preferred.contains(name)
            && !others.contains(name))
            others << name;
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT DISTINCT camera_model FROM photos WHERE state = 'ok' AND partner_role IS NULL AND "
                             "camera_model LIKE ? ESCAPE '\\'"
                             " ORDER BY camera_model"));
    q.addBindValue(likePattern(prefix.simplified()).mid(1));
    if (execChecked(q, lcSearch, "cannot read cameras"))
        while (q.next())
            others << QStringLiteral("camera:\"%1\"").arg(q.value(0).toString());
    std::sort(others.begin(), others.end());
    return (preferred + others).mid(0, limit);
}

} // namespace shoebox
