#include "shell/albumsection.h"

#include "shell/icons.h"
#include "thumbnailview/photolistmodel.h"

#include <QDragMoveEvent>
#include <QDropEvent>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPixmap>
#include <QTreeWidget>

#include <memory>

namespace shoebox {

namespace {
// Roles of our own items; the Sidebar ignores items without its entry role.
constexpr int kAlbumRole = Qt::UserRole + 20; // album id, or -1 for Hidden
constexpr int kSmartRole = Qt::UserRole + 21;
constexpr int kPathRole = Qt::UserRole + 22;
constexpr int kSidebarIcon = 32; // the cover's side in pixels before the view scales it

// The middle square of a thumbnail: covers line up whatever the photo's shape.
QIcon squareIcon(const QImage& image)
{
    const int side = qMin(image.width(), image.height());
    const QImage square = image.copy((image.width() - side) / 2, (image.height() - side) / 2, side, side);
    return QIcon(
        QPixmap::fromImage(square.scaled(kSidebarIcon, kSidebarIcon, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)));
}

QVector<qint64> idsIn(const QMimeData* mime)
{
    QVector<qint64> ids;
    for (const QByteArray& line : mime->data(PhotoListModel::photoIdsMimeType()).split('\n'))
        if (const qint64 id = line.trimmed().toLongLong(); id > 0)
            ids << id;
    return ids;
}
} // namespace

AlbumSection::AlbumSection(QTreeWidget* sidebar)
    : QObject(sidebar)
    , m_tree(sidebar)
    , m_group(new QTreeWidgetItem(sidebar))
    , m_hidden(new QTreeWidgetItem(sidebar->topLevelItem(0)))
{
    setObjectName(QStringLiteral("albumSection"));
    m_group->setFlags(Qt::ItemIsEnabled);
    QFont f = m_tree->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    m_group->setFont(0, f);
    m_hidden->setData(0, kAlbumRole, -1);
    m_hidden->setIcon(0, icons::photos());
    // After the folders, so the library group stays first.
    m_tree->addTopLevelItem(m_tree->takeTopLevelItem(m_tree->indexOfTopLevelItem(m_group)));
    m_tree->viewport()->installEventFilter(this);
    m_tree->viewport()->setAcceptDrops(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &AlbumSection::showMenu);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!item || !item->data(0, kAlbumRole).isValid())
            return;
        const qint64 id = item->data(0, kAlbumRole).toLongLong();
        if (id < 0)
            Q_EMIT hiddenActivated();
        else
            Q_EMIT albumActivated(id, item->data(0, kPathRole).toString());
    });
    retranslate();
}

void AlbumSection::retranslate()
{
    m_group->setText(0, tr("ALBUMS"));
    m_hidden->setText(0, tr("Hidden"));
    m_hidden->setToolTip(0, tr("Photos you hid: not in All Photos, the timeline or searches"));
}

void AlbumSection::setAlbums(const QList<AlbumRecord>& albums, const QHash<qint64, qint64>& smartCounts)
{
    const QSignalBlocker blocker(m_tree);
    const QTreeWidgetItem* current = m_tree->currentItem();
    const qint64 currentId
        = current && current->data(0, kAlbumRole).isValid() ? current->data(0, kAlbumRole).toLongLong() : 0;
    qDeleteAll(m_group->takeChildren());
    QHash<qint64, QTreeWidgetItem*> items;
    const QLocale locale;
    for (const AlbumRecord& a : albums) { // parents come before their children
        auto* item = new QTreeWidgetItem(items.value(a.parentId, m_group));
        item->setData(0, kAlbumRole, a.id);
        item->setData(0, kSmartRole, a.isSmart());
        item->setData(0, kPathRole, a.path);
        item->setText(0, a.name);
        applyCover(item, a.isSmart());
        item->setToolTip(0, a.isSmart() ? tr("Smart album: %1").arg(a.query) : a.description);
        item->setText(1, locale.toString(a.isSmart() ? smartCounts.value(a.id) : a.photoCount));
        items.insert(a.id, item);
        if (a.id == currentId)
            m_tree->setCurrentItem(item);
    }
    m_group->setHidden(false);
    m_group->setExpanded(true);
    for (QTreeWidgetItem* item : items)
        item->setExpanded(true);
}

void AlbumSection::applyCover(QTreeWidgetItem* item, bool smart)
{
    const auto cover = m_covers.constFind(item->data(0, kAlbumRole).toLongLong());
    const bool shown = cover != m_covers.cend() && !cover->icon.isNull();
    item->setIcon(0, shown ? cover->icon : smart ? icons::search() : icons::folder());
}

void AlbumSection::setCovers(const QHash<qint64, qint64>& covers, const QHash<qint64, QImage>& thumbnails)
{
    m_covers.clear();
    for (auto it = covers.cbegin(); it != covers.cend(); ++it) {
        const QImage image = thumbnails.value(it.value());
        m_covers.insert(it.key(), { it.value(), image.isNull() ? QIcon() : squareIcon(image) });
    }
    QList<QTreeWidgetItem*> stack { m_group };
    while (!stack.isEmpty()) {
        QTreeWidgetItem* item = stack.takeLast();
        if (item != m_group)
            applyCover(item, item->data(0, kSmartRole).toBool());
        for (int i = 0; i < item->childCount(); ++i)
            stack << item->child(i);
    }
    Q_EMIT coversShown();
}

qint64 AlbumSection::coverOf(qint64 albumId) const
{
    return m_covers.value(albumId).photoId;
}

QTreeWidgetItem* AlbumSection::itemOf(qint64 albumId) const
{
    if (albumId < 0)
        return m_hidden;
    QList<QTreeWidgetItem*> stack { m_group };
    while (!stack.isEmpty()) {
        QTreeWidgetItem* item = stack.takeLast();
        if (item != m_group && item->data(0, kAlbumRole).toLongLong() == albumId)
            return item;
        for (int i = 0; i < item->childCount(); ++i)
            stack << item->child(i);
    }
    return nullptr;
}

void AlbumSection::select(qint64 albumId)
{
    if (QTreeWidgetItem* item = itemOf(albumId)) {
        const QSignalBlocker blocker(m_tree);
        m_tree->setCurrentItem(item);
    }
}

qint64 AlbumSection::albumAt(const QPoint& viewportPos, bool* smart) const
{
    const QTreeWidgetItem* item = m_tree->itemAt(viewportPos);
    if (!item || !item->data(0, kAlbumRole).isValid())
        return 0;
    if (smart)
        *smart = item->data(0, kSmartRole).toBool();
    return item->data(0, kAlbumRole).toLongLong();
}

bool AlbumSection::eventFilter(QObject* watched, QEvent* event)
{
    // The type first: the viewport also gets events while the tree is being destroyed, when calling
    // m_tree->viewport() would be undefined (UBSan, tst_organizewindow under scripts/test.sh --sanitize).
    const QEvent::Type type = event->type();
    if ((type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        || watched != m_tree->viewport())
        return QObject::eventFilter(watched, event);
    auto* drop = static_cast<QDropEvent*>(event);
    if (!drop->mimeData()->hasFormat(PhotoListModel::photoIdsMimeType()))
        return QObject::eventFilter(watched, event);
    bool smart = false;
    const qint64 album = albumAt(drop->position().toPoint(), &smart);
    // Enter is accepted anywhere so that moves over the tree follow; only a plain album takes photos.
    const bool fits = album > 0 && !smart;
    if (type == QEvent::DragEnter || fits)
        drop->acceptProposedAction();
    else
        drop->ignore();
    if (type == QEvent::Drop && fits)
        Q_EMIT photosDropped(album, idsIn(drop->mimeData()));
    return true;
}

QMenu* AlbumSection::menuFor(QTreeWidgetItem* item, QWidget* parent)
{
    const qint64 album = item && item->data(0, kAlbumRole).isValid() ? item->data(0, kAlbumRole).toLongLong() : 0;
    if (album < 0 || (album == 0 && item != m_group))
        return nullptr; // the Sidebar's own entries, Hidden
    auto* menu = new QMenu(parent);
    auto add = [this, menu](const QString& text, const char* name, auto signal) {
        QAction* a = menu->addAction(text, this, signal);
        a->setObjectName(QLatin1String(name));
    };
    add(album > 0 ? tr("New Album Inside…") : tr("New Album…"), "newAlbum",
        [this, album] { Q_EMIT newAlbumRequested(album); });
    if (album > 0) {
        add(tr("Export Album…"), "exportAlbum", [this, album] { Q_EMIT exportRequested(album); });
        menu->addSeparator();
        add(tr("Rename…"), "renameAlbum", [this, album] { Q_EMIT renameRequested(album); });
        add(tr("Description…"), "describeAlbum", [this, album] { Q_EMIT describeRequested(album); });
        add(tr("Move Up"), "moveAlbumUp", [this, album] { Q_EMIT moveRequested(album, -1); });
        add(tr("Move Down"), "moveAlbumDown", [this, album] { Q_EMIT moveRequested(album, 1); });
        menu->addSeparator();
        add(tr("Remove Album"), "removeAlbum", [this, album] { Q_EMIT removeRequested(album); });
    }
    return menu;
}

void AlbumSection::showMenu(const QPoint& pos)
{
    const std::unique_ptr<QMenu> menu(menuFor(m_tree->itemAt(pos), m_tree));
    if (menu)
        menu->exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace shoebox
