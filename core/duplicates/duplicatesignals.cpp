#include "duplicates/duplicatesignals.h"

#include "catalog/database.h"
#include "catalog/hashstore.h"
#include "catalog/sqlcheck.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/thumbaligner.h"
#include "image/imagedecoder.h"
#include "image/perceptualhasher.h"
#include "image/thumbnailcache.h"
#include "parallelfor.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFloat16>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <opencv2/imgproc.hpp>

Q_LOGGING_CATEGORY(lcDupSignals, "shoebox.core.duplicates")

namespace shoebox {

namespace {

qint64 wallTimeMs(const QString& text)
{
    // Capture times are camera wall time without a zone: read them as UTC so no DST gap shifts them.
    QDateTime t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"));
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return -1;
    return QDateTime(t.date(), t.time(), QTimeZone::utc()).toMSecsSinceEpoch();
}

QString folderPrefix(const QString& folder)
{
    QString f = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    if (!f.endsWith(QLatin1Char('/')))
        f += QLatin1Char('/');
    return f;
}

} // namespace

DuplicateSignals::DuplicateSignals(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

std::vector<float> DuplicateSignals::decodeHalfVector(const QByteArray& blob, int dim)
{
    if (dim <= 0 || qint64(blob.size()) != qint64(dim) * 2) // in 64 bits: a corrupt dim must not wrap
        return {};
    std::vector<float> out(static_cast<size_t>(dim));
    // qfloat16 has the IEEE half layout; the blob is little-endian like every supported host.
    qFloatFromFloat16(out.data(), reinterpret_cast<const qfloat16*>(blob.constData()), dim);
    return out;
}

void DuplicateSignals::applyHashes(PhotoSignals& p, const QMap<QString, QByteArray>& hashes)
{
    const QByteArray ph = hashes.value(QStringLiteral("phash"));
    p.hasPhash = ph.size() == 8;
    p.phash = PerceptualHasher::toU64(ph);
    p.variants = PerceptualHasher::variants(hashes.value(QStringLiteral("phash-variants")));
    p.gray = hashes.value(QStringLiteral("gray"));
    if (!ThumbAligner::isValid(p.gray))
        p.gray.clear();
    p.detail = p.gray.isEmpty() ? -1 : ThumbAligner::detail(p.gray);
    const QByteArray sh = hashes.value(QStringLiteral("sharpness"));
    p.sharpness = sh.size() == 4 ? PerceptualHasher::floatValue(sh) : -1.f;
    const QByteArray quality = hashes.value(QStringLiteral("jpeg-quality"));
    p.jpegQuality = quality.size() == 1 ? int(static_cast<unsigned char>(quality[0])) : 0;
    const RegionSignals region = ContentRegionDetector::decode(hashes.value(QStringLiteral("region")));
    p.region = region.region;
    p.hasInner = region.hasInner && ThumbAligner::isValid(region.gray);
    p.innerPhash = p.hasInner ? region.phash : 0;
    p.innerGray = p.hasInner ? region.gray : QByteArray();
    const QByteArray noise = hashes.value(QStringLiteral("noise"));
    p.noise = noise.size() == 4 ? PerceptualHasher::floatValue(noise) : -1.f;
}

PhotoSignals DuplicateSignals::fromImage(const cv::Mat& uprightBgr, const QString& path)
{
    PhotoSignals p;
    p.path = QFileInfo(path).absoluteFilePath();
    p.rawPath = QFile::encodeName(p.path);
    p.width = uprightBgr.cols;
    p.height = uprightBgr.rows;
    p.size = QFileInfo(path).size();
    applyHashes(p, PerceptualHasher::compute(uprightBgr));
    KeypointSet k = KeypointMatcher::decode(KeypointMatcher::compute(uprightBgr));
    if (!k.isEmpty())
        p.keypoints = std::make_shared<const KeypointSet>(std::move(k));
    return p;
}

namespace {

// Appends the photos in state 'ok' (under folder, when given) without their hashes. The secondary
// halves of pairs (a Live Photo's MOV, a pair's RAW) are left out: trashing one would break the pair,
// and a JPEG is never a duplicate of its own RAW; index maps id to
// position. False when the query fails.
bool readPhotos(
    QSqlDatabase& db, const QString& folder, QVector<PhotoSignals>& out, QHash<qint64, int>& index, QString* error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QString sql
        = QStringLiteral("SELECT id, display_path, path, content_hash, size, mtime_ns, width, height, format, taken_at,"
                         " taken_source, camera_make, camera_model FROM photos WHERE state = 'ok'"
                         " AND partner_role IS NULL");
    const QByteArray prefix = folder.isEmpty() ? QByteArray() : QFile::encodeName(folderPrefix(folder));
    if (!prefix.isEmpty())
        sql += QStringLiteral(" AND substr(path, 1, %1) = ?").arg(prefix.size());
    q.prepare(sql + QStringLiteral(" ORDER BY id"));
    if (!prefix.isEmpty())
        q.addBindValue(prefix);
    if (!execChecked(q, lcDupSignals, "cannot read photos")) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        PhotoSignals p;
        p.id = q.value(0).toLongLong();
        p.path = q.value(1).toString();
        p.rawPath = q.value(2).toByteArray();
        p.contentHash = q.value(3).toByteArray();
        p.size = q.value(4).toLongLong();
        p.mtimeNs = q.value(5).toLongLong();
        p.width = q.value(6).toInt();
        p.height = q.value(7).toInt();
        p.format = q.value(8).toString();
        const QString source = q.value(10).toString();
        p.takenAtMs = q.value(9).isNull() ? -1 : wallTimeMs(q.value(9).toString());
        p.takenFromExif = source.startsWith(QLatin1String("exif"));
        p.camera = QString(q.value(11).toString() + QLatin1Char(' ') + q.value(12).toString()).trimmed();
        p.hasExif = p.takenFromExif || !p.camera.isEmpty();
        index.insert(p.id, out.size());
        out << p;
    }
    return true;
}

// One pass over the hashes, grouped by photo (the primary key orders them by photo id).
void readHashes(QSqlDatabase& db, const QHash<qint64, int>& index, QVector<PhotoSignals>& out, QString* error)
{
    QSqlQuery h(db);
    h.setForwardOnly(true);
    // Keypoints stay on disk: loadKeypoints() reads them for the few photos whose pairs need them.
    if (execChecked(h,
            QStringLiteral("SELECT photo_id, kind, bits FROM hashes WHERE kind <> 'keypoints' ORDER BY photo_id"),
            lcDupSignals, "cannot read hashes", error)) {
        qint64 current = -1;
        QMap<QString, QByteArray> kinds;
        auto flush = [&]() {
            const auto it = index.constFind(current);
            if (it != index.constEnd())
                DuplicateSignals::applyHashes(out[*it], kinds);
            kinds.clear();
        };
        while (h.next()) {
            const qint64 id = h.value(0).toLongLong();
            if (id != current) {
                flush();
                current = id;
            }
            kinds.insert(h.value(1).toString(), h.value(2).toByteArray());
        }
        flush();
    }
}

// Embeddings of the most common model only: vectors of different models do not compare.
void readEmbeddings(QSqlDatabase& db, const QHash<qint64, int>& index, QVector<PhotoSignals>& out, QString* error)
{
    QSqlQuery m(db);
    QString model;
    if (execChecked(m, QStringLiteral("SELECT model FROM embeddings GROUP BY model ORDER BY COUNT(*) DESC LIMIT 1"),
            lcDupSignals, "cannot read embeddings", error)
        && m.next())
        model = m.value(0).toString();
    if (!model.isEmpty()) {
        QSqlQuery e(db);
        e.setForwardOnly(true);
        e.prepare(QStringLiteral("SELECT photo_id, dim, vector FROM embeddings WHERE model = ?"));
        e.addBindValue(model);
        if (execChecked(e, lcDupSignals, "cannot read embeddings", error))
            while (e.next()) {
                const auto it = index.constFind(e.value(0).toLongLong());
                if (it != index.constEnd())
                    out[*it].embedding
                        = DuplicateSignals::decodeHalfVector(e.value(2).toByteArray(), e.value(1).toInt());
            }
    }
}

} // namespace

QVector<PhotoSignals> DuplicateSignals::load(const QString& folder, QString* error) const
{
    QSqlDatabase db = Database::connection(m_path);
    QVector<PhotoSignals> out;
    QHash<qint64, int> index;
    if (!readPhotos(db, folder, out, index, error))
        return out;
    readHashes(db, index, out, error);
    readEmbeddings(db, index, out, error);
    return out;
}

cv::Mat DuplicateSignals::thumbnailFromDisk(const PhotoSignals& p)
{
    // The scan's own 256 px image is what the large thumbnail holds.
    const QImage thumb = ThumbnailCache::load(p.rawPath, p.mtimeNs / 1'000'000'000);
    if (!thumb.isNull()) {
        const QImage rgb = thumb.convertToFormat(QImage::Format_RGB888);
        cv::Mat view(
            rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()), size_t(rgb.bytesPerLine()));
        cv::Mat bgr;
        cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
        return bgr;
    }
    const DecodedImage img = ImageDecoder::decodeFile(p.rawPath, ThumbnailCache::Large);
    if (!img.error.isEmpty() || img.upright.empty())
        return {};
    return ThumbnailCache::scaled(img.upright, ThumbnailCache::Large);
}

QByteArray DuplicateSignals::keypointsFromDisk(const PhotoSignals& p)
{
    const cv::Mat bgr = thumbnailFromDisk(p);
    return bgr.empty() ? QByteArray() : KeypointMatcher::compute(bgr);
}

int DuplicateSignals::loadKeypoints(
    QVector<PhotoSignals>& photos, const QVector<int>& which, const std::atomic_bool* cancel) const
{
    constexpr int kChunk = 500; // ids per query, well below SQLite's bound-parameter limit
    QSqlDatabase db = Database::connection(m_path);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QSet<int> found;
    for (int start = 0; start < which.size(); start += kChunk) {
        const int n = std::min(kChunk, int(which.size()) - start);
        QHash<qint64, int> index;
        QStringList marks;
        for (int k = 0; k < n; ++k) {
            index.insert(photos[which[start + k]].id, which[start + k]);
            marks << QStringLiteral("?");
        }
        q.prepare(QStringLiteral("SELECT photo_id, bits FROM hashes WHERE kind = 'keypoints' AND photo_id IN (%1)")
                      .arg(marks.join(QLatin1Char(','))));
        for (int k = 0; k < n; ++k)
            q.addBindValue(photos[which[start + k]].id);
        if (!execChecked(q, lcDupSignals, "cannot read keypoints"))
            return 0;
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toLongLong());
            if (it == index.constEnd())
                continue;
            found.insert(*it);
            KeypointSet s = KeypointMatcher::decode(q.value(1).toByteArray());
            if (!s.isEmpty())
                photos[*it].keypoints = std::make_shared<const KeypointSet>(std::move(s));
        }
    }
    // The rest are computed once, in parallel, and kept for the next run.
    QVector<int> missing;
    for (int i : which)
        if (!found.contains(i) && photos[i].id > 0) // only catalogued photos have a row to keep them in
            missing << i;
    if (missing.isEmpty())
        return 0;
    QVector<QByteArray> computed(missing.size());
    QByteArray* out = computed.data(); // detached once, here: the workers write distinct slots
    const QVector<PhotoSignals>& in = photos;
    parallelFor(size_t(missing.size()), [&](size_t k) {
        if (!cancel || !cancel->load())
            out[k] = keypointsFromDisk(in[missing[qsizetype(k)]]);
    });
    QList<QPair<qint64, QByteArray>> keep;
    for (int k = 0; k < missing.size(); ++k) {
        if (computed[k].isEmpty())
            continue; // unreadable now (offline drive, removed file): nothing to remember
        keep.append({ photos[missing[k]].id, computed[k] });
        KeypointSet s = KeypointMatcher::decode(computed[k]);
        if (!s.isEmpty())
            photos[missing[k]].keypoints = std::make_shared<const KeypointSet>(std::move(s));
    }
    // Not kept (logged by the store): this run still uses them, a later one computes them again.
    HashStore(m_path).storeKind(QStringLiteral("keypoints"), keep);
    return int(missing.size());
}

} // namespace shoebox
