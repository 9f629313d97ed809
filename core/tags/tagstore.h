#pragma once
// Reads and writes tags in the catalog (tables tags, tag_names, photo_tags) and the photos' global
// embeddings. Automatic tags are replaced as a whole when a photo is tagged again (by a newer model
// too); manual tags are never touched by the tagger. Each instance uses the calling thread's own
// connection: create one per thread, never share it.

#include "tags/imageanalyzer.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>
#include <QVector>

#include <optional>
#include <vector>

namespace shoebox {

struct TagCount {
    qint64 tagId = 0;
    QString key;
    QString name; // in the requested language (fallback English, then the key)
    qint64 photos = 0;
};

struct PhotoTag {
    qint64 tagId = 0;
    QString key;
    QString name;
    bool manual = false;
    double confidence = 0; // 1 for manual tags
    QRectF box; // normalised; null for manual tags
    QString model;
};

// One analysed photo, as the tagging job stores it.
struct TagResult {
    qint64 photoId = 0;
    Analysis analysis;
};

struct PendingPhoto {
    qint64 id = 0;
    QByteArray path;
    int orientation = 1;
    int width = 0, height = 0; // upright size of the original (0 when unknown)
};

class TagStore {
public:
    explicit TagStore(QString libraryPath);

    // The tag with this key, created with its vocabulary names when new. 0 (and *error) on error.
    // names: the label's own names by language (a user's classifier), used when the built-in
    // vocabulary does not know the key.
    qint64 ensureTag(const QString& key, QString* error = nullptr, const QHash<QString, QString>& names = {});
    // In one transaction: replaces each photo's auto tags and embedding with the result and records
    // modelId in photos.tagged_model. A failed analysis keeps the old tags but is marked done too.
    // With faceModelId, the faces of each analysis are stored too (FaceStore) and the photo is recorded
    // as face-analysed by those models.
    bool storeResults(const QString& modelId, const QList<TagResult>& results, QString* error = nullptr,
        const QString& faceModelId = {});

    // Ok photos not yet tagged by modelId (or, with faceModelId, not yet face-analysed by it), lowest id
    // first, excluding ids in skip.
    QList<PendingPhoto> pendingPhotos(
        const QString& modelId, int limit, const QVector<qint64>& skip = {}, const QString& faceModelId = {}) const;
    qint64 pendingCount(const QString& modelId, const QString& faceModelId = {}) const;
    // Path, orientation and size of these photos (those the catalog has), for decoding them again.
    QList<PendingPhoto> photoSources(const QVector<qint64>& ids) const;

    // Manual tags. name may be any language's name of a known tag, else it becomes a new tag.
    bool addManualTag(qint64 photoId, const QString& name, QString* error = nullptr);
    // Removes every row of the tag from the photo (manual and auto), e.g. a wrong automatic tag.
    bool removeTag(qint64 photoId, qint64 tagId, QString* error = nullptr);
    // Sets the tag's name in one language (a user's own wording wins over the vocabulary).
    bool renameTag(qint64 tagId, const QString& lang, const QString& name, QString* error = nullptr);

    // Reads return what they could read; a database error is logged and set in *error when given.
    QList<TagCount> tagCounts(const QString& lang, QString* error = nullptr) const;
    QList<PhotoTag> tagsOfPhoto(qint64 photoId, const QString& lang) const;
    QVector<qint64> photosWithTag(qint64 tagId, QString* error = nullptr) const;
    // All names and keys of tags in use: (tag id, name) pairs for search and completion.
    QList<QPair<qint64, QString>> tagNames(QString* error = nullptr) const;
    std::vector<float> embedding(qint64 photoId, const QString& modelId) const;

    static QByteArray packEmbedding(const std::vector<float>& v); // fp16, little endian
    static std::vector<float> unpackEmbedding(const QByteArray& blob);

private:
    // The tag of a user's name or key (any language, case-insensitive), or 0.
    qint64 tagNamed(const QString& text, QString* error);
    void remember(const QString& name, qint64 tagId);

    QString m_path;
    // Case-folded names and keys -> tag id, read once per instance on the first manual tag: a scan
    // that imports thousands of keywords reads the names once, not once per keyword. Tags this
    // instance creates are added; another writer's new tags are found again by ensureTag's key lookup.
    std::optional<QHash<QString, qint64>> m_byName;
};

} // namespace shoebox
