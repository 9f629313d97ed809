#include "thumbnailview/photolistmodel.h"

#include "background.h"

#include "tuning.h"

#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QMimeData>
#include <QUrl>

#include <algorithm>

Q_LOGGING_CATEGORY(lcModel, "shoebox.ui.model")

namespace shoebox {

namespace {

QString fileNameOf(const QString& displayPath)
{
    return displayPath.mid(displayPath.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace

PhotoListModel::PhotoListModel(QObject* parent)
    : QAbstractListModel(parent)
    , m_pool(std::make_unique<QThreadPool>())
    , m_details(tuning::kDetailCacheRecords)
{
    m_pool->setMaxThreadCount(1);
    m_pool->setExpiryTimeout(-1);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(tuning::kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_loading)
            m_mergePending = true;
        else
            startLoad(true);
    });
}

PhotoListModel::~PhotoListModel()
{
    // Results still queued for this model must not arrive after it is gone.
    ++m_generation;
    m_pool->clear();
    // Its one thread ends with the pool, and the catalog closes that thread's connection then.
    m_pool->waitForDone();
}

void PhotoListModel::setLibrary(const QString& libraryPath)
{
    m_library = libraryPath;
    reload();
}

void PhotoListModel::setFolder(qint64 folderId)
{
    if (folderId == m_folder)
        return;
    m_folder = folderId;
    reload();
}

void PhotoListModel::setIdFilter(std::optional<QSet<qint64>> ids)
{
    m_filter = std::move(ids);
    reload();
}

void PhotoListModel::reload()
{
    startLoad(false);
}

void PhotoListModel::refreshSoon()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void PhotoListModel::startLoad(bool merge)
{
    if (m_library.isEmpty())
        return;
    const int generation = ++m_generation;
    m_pendingPages.clear();
    m_loading = true;
    const QString library = m_library;
    const qint64 folder = m_folder;
    const std::optional<QSet<qint64>> filter = m_filter;
    runInBackground(
        this,
        [library, folder, filter, generation] {
            Snapshot s;
            s.generation = generation;
            const PhotoStore store(library);
            s.ids = store.photoIdsByDate(folder, filter.has_value()); // a filter decided on hidden photos itself
            if (filter) {
                s.ids.erase(
                    std::remove_if(s.ids.begin(), s.ids.end(), [&](qint64 id) { return !filter->contains(id); }),
                    s.ids.end());
            } else {
                s.buckets = store.timeline(folder);
            }
            return s;
        },
        [this, merge](const Snapshot& s) {
            if (s.generation != m_generation)
                return;
            applySnapshot(s, merge);
        },
        m_pool.get());
}

void PhotoListModel::applySnapshot(const Snapshot& s, bool merge)
{
    m_loading = false;
    if (!merge || !mergeInsertions(s.ids)) {
        beginResetModel();
        m_ids = s.ids;
        m_buckets = s.buckets;
        endResetModel();
    }
    m_buckets = s.buckets;
    Q_EMIT loaded();
    if (m_mergePending) {
        m_mergePending = false;
        startLoad(true);
    }
}

// Removes vanished rows and inserts new ones in place when the old order survives; returns false
// when the rows must be replaced wholesale.
bool PhotoListModel::mergeInsertions(const QVector<qint64>& fresh)
{
    const QSet<qint64> freshSet(fresh.cbegin(), fresh.cend());
    for (int row = m_ids.size() - 1; row >= 0; --row) {
        if (freshSet.contains(m_ids[row]))
            continue;
        int first = row;
        while (first > 0 && !freshSet.contains(m_ids[first - 1]))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_ids.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }
    int j = 0;
    for (qint64 id : fresh) {
        if (j < m_ids.size() && m_ids[j] == id)
            ++j;
    }
    if (j != m_ids.size())
        return false;
    int runs = 0;
    for (int i = 0; i < fresh.size(); ++i) {
        if (i < m_ids.size() && m_ids[i] == fresh[i])
            continue;
        int end = i;
        const qint64 next = i < m_ids.size() ? m_ids[i] : -1;
        while (end < fresh.size() && fresh[end] != next)
            ++end;
        if (++runs > 64)
            return false;
        beginInsertRows(QModelIndex(), i, end - 1);
        m_ids.insert(i, end - i, 0);
        std::copy(fresh.cbegin() + i, fresh.cbegin() + end, m_ids.begin() + i);
        endInsertRows();
        i = end - 1;
    }
    return true;
}

qint64 PhotoListModel::photoId(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids[row] : 0;
}

int PhotoListModel::rowOfId(qint64 id) const
{
    return int(m_ids.indexOf(id));
}

const PhotoRecord* PhotoListModel::record(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    if (const PhotoRecord* r = m_details.object(m_ids[row]))
        return r;
    requestPage(row / tuning::kDetailPageSize);
    return nullptr;
}

void PhotoListModel::requestPage(int page) const
{
    if (m_pendingPages.contains(page))
        return;
    m_pendingPages.insert(page);
    const int first = page * tuning::kDetailPageSize;
    const QVector<qint64> ids = m_ids.mid(first, tuning::kDetailPageSize);
    const QString library = m_library;
    const int generation = m_generation;
    auto* self = const_cast<PhotoListModel*>(this);
    runInBackground(
        self,
        [library, ids, page, generation] {
            Page p;
            p.generation = generation;
            p.page = page;
            const PhotoStore store(library);
            p.records.reserve(ids.size());
            for (qint64 id : ids) {
                if (auto r = store.photoById(id))
                    p.records.append(*r);
            }
            p.marks = MarkStore(library).marksOf(ids);
            return p;
        },
        [self](const Page& p) { self->applyPage(p); }, m_pool.get());
}

void PhotoListModel::applyPage(const Page& p)
{
    for (const PhotoRecord& r : p.records) {
        m_details.insert(r.id, new PhotoRecord(r));
        m_marks.remove(r.id);
    }
    m_marks.insert(p.marks);
    if (m_ids.isEmpty())
        return;
    int first = 0;
    int last = int(m_ids.size()) - 1;
    if (p.generation == m_generation) {
        m_pendingPages.remove(p.page);
        first = p.page * tuning::kDetailPageSize;
        last = std::min(last, first + tuning::kDetailPageSize - 1);
    }
    if (first > last)
        return;
    Q_EMIT dataChanged(index(first), index(last));
    Q_EMIT detailsArrived(first, last);
}

void PhotoListModel::refreshMarks(const QVector<qint64>& ids)
{
    // A few rows a user just changed: read on this thread, like the Organizer's write before it.
    const QHash<qint64, PhotoMarks> fresh = MarkStore(m_library).marksOf(ids);
    for (qint64 id : ids) {
        m_marks.remove(id);
        if (fresh.contains(id))
            m_marks.insert(id, fresh.value(id));
        if (const int row = rowOfId(id); row >= 0)
            Q_EMIT dataChanged(index(row), index(row), { FavouriteRole, RatingRole, FlagRole });
    }
}

Qt::ItemFlags PhotoListModel::flags(const QModelIndex& index) const
{
    return QAbstractListModel::flags(index) | (index.isValid() ? Qt::ItemIsDragEnabled : Qt::NoItemFlags);
}

QMimeData* PhotoListModel::mimeData(const QModelIndexList& indexes) const
{
    QByteArray ids;
    QVector<qint64> idList;
    for (const QModelIndex& i : indexes) {
        ids += QByteArray::number(photoId(i.row())) + '\n';
        idList.append(photoId(i.row()));
    }
    // Dropped on a file manager, the drag copies the originals (text/uri-list). Rows whose details
    // are not loaded yet (a large selection) are read in one query: a drag must carry every file.
    QList<QUrl> files;
    for (const PhotoRecord& r : PhotoStore(m_library).photosByIds(idList))
        if (!r.path.isEmpty())
            files.append(QUrl::fromLocalFile(QFile::decodeName(r.path)));
    auto* mime = new QMimeData;
    mime->setData(photoIdsMimeType(), ids);
    mime->setUrls(files);
    return mime;
}

int PhotoListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

QVariant PhotoListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size())
        return {};
    const int row = index.row();
    if (role == PhotoIdRole)
        return m_ids[row];
    const PhotoRecord* r = (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == DisplayPathRole
                               || role == TakenAtRole || role == DetailsLoadedRole || role == DurationRole
                               || role == IsVideoRole || role == BadgeRole || role == IsLiveRole)
        ? record(row)
        : nullptr;
    switch (role) {
    case FavouriteRole:
        return marksOf(row).favourite;
    case RatingRole:
        return marksOf(row).rating;
    case FlagRole:
        return int(marksOf(row).flag);
    case DetailsLoadedRole:
        return r != nullptr;
    case Qt::DisplayRole:
        return r ? fileNameOf(r->displayPath) : QString();
    case DisplayPathRole:
        return r ? r->displayPath : QString();
    case TakenAtRole:
        return r ? r->meta.takenAt : QDateTime();
    case IsVideoRole:
        return r && r->kind == MediaKind::Video;
    case DurationRole:
        return r && r->kind == MediaKind::Video ? r->meta.durationMs : qint64(0);
    case IsLiveRole:
        return r && (r->hasLiveMotion || r->motionOffset);
    case BadgeRole: {
        QStringList badges;
        if (r && (r->hasLiveMotion || r->motionOffset))
            badges << tr("Live");
        if (r && r->hasRawOriginal)
            badges << tr("RAW");
        return badges.join(QStringLiteral(" · "));
    }
    case Qt::ToolTipRole:
        if (!r)
            return {};
        if (!r->meta.takenAt.isValid())
            return fileNameOf(r->displayPath);
        return QString(
            fileNameOf(r->displayPath) + QLatin1Char('\n') + QLocale().toString(r->meta.takenAt, QLocale::ShortFormat));
    default:
        return {};
    }
}

} // namespace shoebox
