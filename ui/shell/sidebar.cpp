#include "shell/sidebar.h"

#include "shell/icons.h"

#include <QDir>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>

namespace shoebox {

namespace {
constexpr int kEntryRole = Qt::UserRole + 1;
constexpr int kFolderRole = Qt::UserRole + 2;
} // namespace

Sidebar::Sidebar(QWidget* parent)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(2);
    setRootIsDecorated(false);
    setIndentation(12);
    setFrameShape(QFrame::NoFrame);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto makeGroup = [this] {
        auto* item = new QTreeWidgetItem(this);
        item->setFlags(Qt::ItemIsEnabled);
        QFont f = font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 0.9);
        item->setFont(0, f);
        item->setExpanded(true);
        return item;
    };
    auto makeEntry = [](QTreeWidgetItem* parent, Entry entry, const QIcon& icon) {
        auto* item = new QTreeWidgetItem(parent);
        item->setData(0, kEntryRole, int(entry));
        item->setIcon(0, icon);
        return item;
    };
    m_library = makeGroup();
    m_all = makeEntry(m_library, Entry::AllPhotos, icons::photos());
    m_timeline = makeEntry(m_library, Entry::Timeline, icons::timeline());
    m_tags = makeEntry(m_library, Entry::Tags, icons::tag());
    m_places = makeEntry(m_library, Entry::Places, icons::place());
    m_people = makeEntry(m_library, Entry::People, icons::people());
    m_folders = makeGroup();
    expandAll();
    retranslate();
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!item || !item->data(0, kEntryRole).isValid())
            return;
        Q_EMIT entryActivated(Entry(item->data(0, kEntryRole).toInt()), item->data(0, kFolderRole).toLongLong());
    });
}

void Sidebar::setFolders(const QList<FolderRecord>& folders, qint64 totalPhotos)
{
    const QTreeWidgetItem* current = currentItem();
    const qint64 currentFolder = current ? current->data(0, kFolderRole).toLongLong() : 0;
    const QSignalBlocker blocker(this);
    m_total = totalPhotos;
    qDeleteAll(m_folders->takeChildren());
    const QLocale locale;
    for (const FolderRecord& f : folders) {
        auto* item = new QTreeWidgetItem(m_folders);
        item->setData(0, kEntryRole, int(Entry::Folder));
        item->setData(0, kFolderRole, f.id);
        item->setIcon(0, icons::folder());
        item->setText(0, QDir(f.displayPath).dirName());
        item->setToolTip(0, QDir::toNativeSeparators(f.displayPath));
        item->setText(1, locale.toString(f.photoCount));
        if (f.id == currentFolder)
            setCurrentItem(item);
    }
    m_folders->setHidden(folders.isEmpty());
    m_all->setText(1, locale.toString(m_total));
}

QTreeWidgetItem* Sidebar::itemFor(Entry entry, qint64 folderId) const
{
    switch (entry) {
    case Entry::AllPhotos:
        return m_all;
    case Entry::Timeline:
        return m_timeline;
    case Entry::Tags:
        return m_tags;
    case Entry::Places:
        return m_places;
    case Entry::People:
        return m_people;
    case Entry::Folder:
        for (int i = 0; i < m_folders->childCount(); ++i) {
            if (m_folders->child(i)->data(0, kFolderRole).toLongLong() == folderId)
                return m_folders->child(i);
        }
    }
    return nullptr;
}

void Sidebar::select(Entry entry, qint64 folderId)
{
    if (QTreeWidgetItem* item = itemFor(entry, folderId)) {
        const QSignalBlocker blocker(this);
        setCurrentItem(item);
    }
}

void Sidebar::retranslate()
{
    m_library->setText(0, tr("LIBRARY"));
    m_all->setText(0, tr("All Photos"));
    m_timeline->setText(0, tr("Timeline"));
    m_tags->setText(0, tr("Tags"));
    m_places->setText(0, tr("Places"));
    m_people->setText(0, tr("People"));
    m_folders->setText(0, tr("FOLDERS"));
}

void Sidebar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTreeWidget::changeEvent(event);
}

} // namespace shoebox
