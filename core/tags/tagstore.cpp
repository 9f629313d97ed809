#include "tags/tagstore.h"

#include "catalog/database.h"
#include "catalog/photostore.h"
#include "catalog/sqlcheck.h"
#include "catalog/transaction.h"
#include "people/facestore.h"
#include "tags/tagvocabulary.h"

#include <QDateTime>
#include <QFloat16>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

#include <cstring>

Q_LOGGING_CATEGORY(lcTagStore, "shoebox.core.tags")

namespace shoebox {

namespace {

bool run(QSqlQuery& q, QString* error)
{
    return execChecked(q, lcTagStore, "cannot write tags", error);
}

bool read(QSqlQuery& q, QString* error = nullptr)
{
    return execChecked(q, lcTagStore, "cannot read tags", error);
}

QString nameSql(const QString& tagColumn)
{
    // The tag's name in :lang, else English, else its key.
    return QStringLiteral("COALESCE((SELECT name FROM tag_names WHERE tag_id = %1 AND lang = :lang),"
                          " (SELECT name FROM tag_names WHERE tag_id = %1 AND lang = 'en'),"
                          " (SELECT key FROM tags WHERE id = %1))")
        .arg(tagColumn);
}

QString languageFor(const QString& lang)
{
    const QString l = TagVocabulary::builtin().matchLanguage(lang);
    return l.isEmpty() ? QStringLiteral("en") : l;
}

} // namespace

TagStore::TagStore(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

QByteArray TagStore::packEmbedding(const std::vector<float>& v)
{
    std::vector<qfloat16> h(v.size());
    qFloatToFloat16(h.data(), v.data(), qsizetype(v.size()));
    return QByteArray(reinterpret_cast<const char*>(h.data()), qsizetype(h.size() * sizeof(qfloat16)));
}

std::vector<float> TagStore::unpackEmbedding(const QByteArray& blob)
{
    std::vector<qfloat16> h(size_t(blob.size()) / sizeof(qfloat16));
    // An empty blob: no memcpy into a null vector's data (fuzz_storedsignals).
    std::copy_n(reinterpret_cast<const qfloat16*>(blob.constData()), h.size(), h.begin());
    std::vector<float> v(h.size());
    qFloatFromFloat16(v.data(), h.data(), qsizetype(h.size()));
    return v;
}

qint64 TagStore::ensureTag(const QString& key, QString* error, const QHash<QString, QString>& modelNames)
{
    QSqlDatabase db = Database::connection(m_path);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM tags WHERE key = ?"));
    q.addBindValue(key);
    if (!read(q, error))
        return 0;
    if (q.next())
        return q.value(0).toLongLong();
    q.prepare(QStringLiteral("INSERT INTO tags(key) VALUES(?)"));
    q.addBindValue(key);
    if (!run(q, error))
        return 0;
    const qint64 id = q.lastInsertId().toLongLong();
    const auto builtin = TagVocabulary::builtin().names(key);
    const auto& names = builtin.isEmpty() ? modelNames : builtin;
    remember(key, id);
    for (const QString& name : names)
        remember(name, id);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO tag_names(tag_id, lang, name) VALUES(?, ?, ?)"));
    for (auto it = names.begin(); it != names.end(); ++it) {
        q.addBindValue(id);
        q.addBindValue(it.key());
        q.addBindValue(it.value());
        if (!run(q, error))
            return 0;
    }
    return id;
}

bool TagStore::storeResults(
    const QString& modelId, const QList<TagResult>& results, QString* error, const QString& faceModelId)
{
    QSqlDatabase db = Database::connection(m_path);
    Transaction t(db, lcTagStore, "cannot store tags");
    if (!t.isActive()) {
        if (error)
            *error = t.error();
        return false;
    }
    PhotoStore photos(m_path); // owns photos.tagged_model; same connection, same transaction
    FaceStore faces(m_path); // owns faces and face_scans; the same
    QSqlQuery del(db), ins(db), emb(db), oldEmb(db);
    del.prepare(QStringLiteral("DELETE FROM photo_tags WHERE photo_id = ? AND source = 'auto'"));
    ins.prepare(
        QStringLiteral("INSERT INTO photo_tags(photo_id, tag_id, source, confidence, box_x, box_y, box_w, box_h,"
                       " model) VALUES(?, ?, 'auto', ?, ?, ?, ?, ?, ?)"));
    emb.prepare(QStringLiteral("INSERT OR REPLACE INTO embeddings(photo_id, model, dim, vector) VALUES(?, ?, ?, ?)"));
    oldEmb.prepare(QStringLiteral("DELETE FROM embeddings WHERE photo_id = ? AND model <> ?"));
    bool ok = true;
    for (const TagResult& r : results) {
        if (r.analysis.error.isEmpty()) {
            del.addBindValue(r.photoId);
            ok = ok && run(del, error);
            for (const Detection& d : r.analysis.detections) {
                const qint64 tag
                    = ensureTag(d.label.isEmpty() ? QString::number(d.classIndex) : d.label, error, d.names);
                ins.addBindValue(r.photoId);
                ins.addBindValue(tag);
                ins.addBindValue(double(d.score));
                ins.addBindValue(d.box.x());
                ins.addBindValue(d.box.y());
                ins.addBindValue(d.box.width());
                ins.addBindValue(d.box.height());
                ins.addBindValue(modelId);
                ok = ok && tag > 0 && run(ins, error);
            }
            if (!r.analysis.embedding.empty()) {
                emb.addBindValue(r.photoId);
                emb.addBindValue(modelId);
                emb.addBindValue(int(r.analysis.embedding.size()));
                emb.addBindValue(packEmbedding(r.analysis.embedding));
                ok = ok && run(emb, error);
                oldEmb.addBindValue(r.photoId);
                oldEmb.addBindValue(modelId);
                ok = ok && run(oldEmb, error);
            }
        }
        ok = ok && photos.markTagged(r.photoId, modelId, error);
        if (ok && !faceModelId.isEmpty()) {
            ok = (!r.analysis.error.isEmpty() || faces.replaceFaces(r.photoId, faceModelId, r.analysis.faces, error))
                && faces.markScanned(r.photoId, faceModelId, error);
        }
        if (!ok)
            break;
    }
    return ok && t.commit(error); // t rolls back when not committed
}

namespace {

// Photos still to analyse: not tagged by the model, or not face-analysed by the face models.
QString pendingCondition(const QString& faceModelId)
{
    QString c = QStringLiteral("state = 'ok' AND ((tagged_model IS NULL OR tagged_model <> :model)");
    if (!faceModelId.isEmpty())
        c += QStringLiteral(" OR NOT EXISTS (SELECT 1 FROM face_scans s WHERE s.photo_id = photos.id"
                            " AND s.model = :faces)");
    return c + QLatin1Char(')');
}

} // namespace

QList<PendingPhoto> TagStore::pendingPhotos(
    const QString& modelId, int limit, const QVector<qint64>& skip, const QString& faceModelId) const
{
    QSqlQuery q(Database::connection(m_path));
    QString sql = QStringLiteral("SELECT id, path, COALESCE(orientation, 1), COALESCE(width, 0), COALESCE(height, 0) "
                                 "FROM photos WHERE ")
        + pendingCondition(faceModelId);
    QStringList skipped;
    for (qint64 id : skip)
        skipped << QString::number(id);
    if (!skipped.isEmpty())
        sql += QStringLiteral(" AND id NOT IN (%1)").arg(skipped.join(QLatin1Char(',')));
    q.prepare(sql + QStringLiteral(" ORDER BY id LIMIT :limit"));
    q.bindValue(QStringLiteral(":model"), modelId);
    if (!faceModelId.isEmpty())
        q.bindValue(QStringLiteral(":faces"), faceModelId);
    q.bindValue(QStringLiteral(":limit"), limit);
    QList<PendingPhoto> out;
    if (!read(q))
        return out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toInt(), q.value(3).toInt(),
            q.value(4).toInt() });
    return out;
}

QList<PendingPhoto> TagStore::photoSources(const QVector<qint64>& ids) const
{
    QList<PendingPhoto> out;
    if (ids.isEmpty())
        return out;
    QStringList list;
    for (qint64 id : ids)
        list << QString::number(id); // numbers only: safe to inline
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT id, path, COALESCE(orientation, 1), COALESCE(width, 0), COALESCE(height, 0) "
                             "FROM photos WHERE id IN (%1)")
                  .arg(list.join(QLatin1Char(','))));
    if (!read(q))
        return out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toInt(), q.value(3).toInt(),
            q.value(4).toInt() });
    return out;
}

qint64 TagStore::pendingCount(const QString& modelId, const QString& faceModelId) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM photos WHERE ") + pendingCondition(faceModelId));
    q.bindValue(QStringLiteral(":model"), modelId);
    if (!faceModelId.isEmpty())
        q.bindValue(QStringLiteral(":faces"), faceModelId);
    return read(q) && q.next() ? q.value(0).toLongLong() : 0;
}

bool TagStore::addManualTag(qint64 photoId, const QString& name, QString* error)
{
    const QString text = name.simplified();
    if (text.isEmpty()) {
        if (error)
            *error = QStringLiteral("a tag needs a name");
        return false;
    }
    // A known name in any language (vocabulary or the user's own) reuses that tag.
    qint64 tag = 0;
    const QStringList keys = TagVocabulary::builtin().keysForName(text);
    if (!keys.isEmpty())
        tag = ensureTag(keys.first());
    if (!tag)
        tag = tagNamed(text, error);
    if (!tag)
        tag = ensureTag(text, error);
    if (!tag) {
        m_byName.reset(); // a failed write may be rolled back: read the names again next time
        return false;
    }
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT 1 FROM photo_tags WHERE photo_id = ? AND tag_id = ? AND source = 'manual'"));
    q.addBindValue(photoId);
    q.addBindValue(tag);
    if (!read(q, error))
        return false;
    if (q.next())
        return true;
    q.prepare(QStringLiteral("INSERT INTO photo_tags(photo_id, tag_id, source, confidence) VALUES(?, ?, 'manual', 1)"));
    q.addBindValue(photoId);
    q.addBindValue(tag);
    return run(q, error);
}

bool TagStore::removeTag(qint64 photoId, qint64 tagId, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("DELETE FROM photo_tags WHERE photo_id = ? AND tag_id = ?"));
    q.addBindValue(photoId);
    q.addBindValue(tagId);
    return run(q, error);
}

bool TagStore::renameTag(qint64 tagId, const QString& lang, const QString& name, QString* error)
{
    const QString text = name.simplified();
    if (text.isEmpty()) {
        if (error)
            *error = QStringLiteral("a tag needs a name");
        return false;
    }
    m_byName.reset(); // the old name no longer names the tag
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO tag_names(tag_id, lang, name) VALUES(?, ?, ?)"));
    q.addBindValue(tagId);
    q.addBindValue(languageFor(lang));
    q.addBindValue(text);
    return run(q, error);
}

QList<TagCount> TagStore::tagCounts(const QString& lang, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT t.id, t.key, %1, COUNT(DISTINCT pt.photo_id) AS n FROM tags t"
                             " JOIN photo_tags pt ON pt.tag_id = t.id JOIN photos p ON p.id = pt.photo_id"
                             " WHERE p.state = 'ok' AND p.partner_role IS NULL GROUP BY t.id ORDER BY n DESC, t.key")
                  .arg(nameSql(QStringLiteral("t.id"))));
    q.bindValue(QStringLiteral(":lang"), languageFor(lang));
    QList<TagCount> out;
    if (!read(q, error))
        return out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong() });
    return out;
}

QList<PhotoTag> TagStore::tagsOfPhoto(qint64 photoId, const QString& lang) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT pt.tag_id, t.key, %1, pt.source, pt.confidence, pt.box_x, pt.box_y, pt.box_w,"
                             " pt.box_h, pt.model FROM photo_tags pt JOIN tags t ON t.id = pt.tag_id"
                             " WHERE pt.photo_id = :photo ORDER BY pt.source DESC, pt.confidence DESC")
                  .arg(nameSql(QStringLiteral("pt.tag_id"))));
    q.bindValue(QStringLiteral(":lang"), languageFor(lang));
    q.bindValue(QStringLiteral(":photo"), photoId);
    QList<PhotoTag> out;
    if (!read(q))
        return out;
    while (q.next()) {
        PhotoTag t;
        t.tagId = q.value(0).toLongLong();
        t.key = q.value(1).toString();
        t.name = q.value(2).toString();
        t.manual = q.value(3).toString() == QLatin1String("manual");
        t.confidence = q.value(4).toDouble();
        if (!q.value(5).isNull())
            t.box = QRectF(q.value(5).toDouble(), q.value(6).toDouble(), q.value(7).toDouble(), q.value(8).toDouble());
        t.model = q.value(9).toString();
        out << t;
    }
    return out;
}

QVector<qint64> TagStore::photosWithTag(qint64 tagId, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(
        QStringLiteral("SELECT DISTINCT pt.photo_id FROM photo_tags pt JOIN photos p ON p.id = pt.photo_id"
                       " WHERE pt.tag_id = ? AND p.state = 'ok' AND p.partner_role IS NULL ORDER BY pt.photo_id"));
    q.addBindValue(tagId);
    QVector<qint64> out;
    if (read(q, error))
        while (q.next())
            out << q.value(0).toLongLong();
    return out;
}

void TagStore::remember(const QString& name, qint64 tagId)
{
    const QString folded = name.toCaseFolded();
    if (m_byName && !m_byName->contains(folded)) // the first (lowest id) tag of a name keeps it
        m_byName->insert(folded, tagId);
}

qint64 TagStore::tagNamed(const QString& text, QString* error)
{
    if (!m_byName) {
        QSqlQuery q(Database::connection(m_path));
        // Lowest id first: the first tag of a name shared by several keeps winning.
        if (!execChecked(q,
                QStringLiteral("SELECT tag_id, name FROM tag_names UNION SELECT id, key FROM tags ORDER BY 1, 2"),
                lcTagStore, "cannot read tags", error))
            return 0;
        m_byName.emplace();
        while (q.next())
            remember(q.value(1).toString(), q.value(0).toLongLong());
    }
    return m_byName->value(text.toCaseFolded());
}

QList<QPair<qint64, QString>> TagStore::tagNames(QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    QList<QPair<qint64, QString>> out;
    if (execChecked(q, QStringLiteral("SELECT tag_id, name FROM tag_names UNION SELECT id, key FROM tags"), lcTagStore,
            "cannot read tags", error))
        while (q.next())
            out.append({ q.value(0).toLongLong(), q.value(1).toString() });
    return out;
}

std::vector<float> TagStore::embedding(qint64 photoId, const QString& modelId) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT vector FROM embeddings WHERE photo_id = ? AND model = ?"));
    q.addBindValue(photoId);
    q.addBindValue(modelId);
    if (read(q) && q.next())
        return unpackEmbedding(q.value(0).toByteArray());
    return {};
}

} // namespace shoebox
