#include "duplicates/duplicategrouplist.h"

#include "thumbnailview/thumbnailloader.h"

#include <QFileInfo>
#include <QPainter>

#include <algorithm>

namespace shoebox {

namespace {
constexpr int kKeeperRole = Qt::UserRole + 1;
constexpr int kHasThumbnailRole = Qt::UserRole + 2;

// The thumbnail centred on a square, so rows line up whatever the keeper's aspect.
QPixmap squareIcon(const QImage& image, int side)
{
    QPixmap out(side, side);
    out.fill(Qt::transparent);
    QPainter p(&out);
    const QImage scaled = image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    p.drawImage((side - scaled.width()) / 2, (side - scaled.height()) / 2, scaled);
    return out;
}
} // namespace

DuplicateGroupList::DuplicateGroupList(QWidget* parent)
    : QListWidget(parent)
    , m_loader(new ThumbnailLoader(this))
{
    setObjectName(QStringLiteral("duplicateGroups"));
    setIconSize(QSize(kThumbnailSize, kThumbnailSize));
    setUniformItemSizes(true);
    setSpacing(2);
    connect(m_loader, &ThumbnailLoader::thumbnailReady, this, [this](qint64 photoId, int) { showThumbnail(photoId); });
    connect(m_loader, &ThumbnailLoader::idle, this, &DuplicateGroupList::thumbnailsLoaded);
}

void DuplicateGroupList::setLibrary(const QString& libraryPath)
{
    m_loader->setLibrary(libraryPath);
}

QString DuplicateGroupList::title(const DuplicateGroup& group)
{
    const QString keeper = QFileInfo(group.files.value(group.keeper)).fileName();
    QString level;
    switch (group.level) {
    case DuplicateLevel::Exact:
        level = tr("identical");
        break;
    case DuplicateLevel::Near:
        level = tr("near duplicates");
        break;
    default:
        level = tr("similar");
        break;
    }
    const int toCheck = int(std::count(group.toCheck.begin(), group.toCheck.end(), true));
    QString out = tr("%n photo(s), %1", nullptr, int(group.members.size())).arg(level);
    if (toCheck > 0)
        out = tr("%1, %n to check", "a group's title: its photos and level, then how many to check", toCheck).arg(out);
    return out + QLatin1Char('\n') + tr("keep %1").arg(keeper);
}

QListWidgetItem* DuplicateGroupList::makeItem(const DuplicateGroup& group)
{
    auto* item = new QListWidgetItem(title(group));
    const qint64 keeper = group.members.value(group.keeper);
    item->setData(kKeeperRole, keeper);
    item->setToolTip(title(group) + QLatin1Char('\n') + group.files.value(group.keeper));
    // Until the thumbnail arrives, an empty square keeps the text where it will stay.
    QPixmap blank(kThumbnailSize, kThumbnailSize);
    blank.fill(Qt::transparent);
    item->setIcon(QIcon(blank));
    const QImage cached = m_loader->cached(keeper, kThumbnailSize);
    if (!cached.isNull()) {
        item->setIcon(QIcon(squareIcon(cached, kThumbnailSize)));
        item->setData(kHasThumbnailRole, true);
    }
    return item;
}

void DuplicateGroupList::setGroups(const QList<DuplicateGroup>& groups)
{
    clear();
    for (const DuplicateGroup& g : groups)
        addItem(makeItem(g));
    scheduleThumbnails();
}

void DuplicateGroupList::insertGroup(int row, const DuplicateGroup& group)
{
    insertItem(row, makeItem(group));
    scheduleThumbnails();
}

void DuplicateGroupList::removeGroup(int row)
{
    delete takeItem(row);
}

void DuplicateGroupList::retranslate(const QList<DuplicateGroup>& groups)
{
    for (int i = 0; i < count() && i < groups.size(); ++i)
        item(i)->setText(title(groups[i]));
}

void DuplicateGroupList::scheduleThumbnails()
{
    QVector<ThumbnailLoader::Request> requests;
    for (int i = 0; i < count(); ++i) {
        if (!item(i)->data(kHasThumbnailRole).toBool())
            requests.append({ item(i)->data(kKeeperRole).toLongLong(), i });
    }
    m_loader->schedule(requests, kThumbnailSize);
}

void DuplicateGroupList::showThumbnail(qint64 photoId)
{
    // Rows move when groups are resolved or come back, so the keeper's id finds them, not the row.
    const QImage image = m_loader->cached(photoId, kThumbnailSize);
    if (image.isNull())
        return;
    const QIcon icon(squareIcon(image, kThumbnailSize));
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem* it = item(i);
        if (it->data(kKeeperRole).toLongLong() == photoId) {
            it->setIcon(icon);
            it->setData(kHasThumbnailRole, true);
        }
    }
}

int DuplicateGroupList::thumbnailCount() const
{
    int n = 0;
    for (int i = 0; i < count(); ++i)
        n += item(i)->data(kHasThumbnailRole).toBool() ? 1 : 0;
    return n;
}

bool DuplicateGroupList::isLoadingThumbnails() const
{
    return !m_loader->isIdle();
}

} // namespace shoebox
