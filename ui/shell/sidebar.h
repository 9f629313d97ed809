#pragma once
// The navigation column: the library views (All Photos, Timeline, Tags, Places, People) and the indexed folders with
// their photo counts. UI thread only.

#include "catalog/photostore.h"

#include <QTreeWidget>

namespace shoebox {

class Sidebar : public QTreeWidget {
    Q_OBJECT
public:
    enum class Entry { AllPhotos, Timeline, Tags, Places, People, Folder };

    explicit Sidebar(QWidget* parent = nullptr);
    void setFolders(const QList<FolderRecord>& folders, qint64 totalPhotos);
    void select(Entry entry, qint64 folderId = 0);

Q_SIGNALS:
    void entryActivated(shoebox::Sidebar::Entry entry, qint64 folderId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QTreeWidgetItem* itemFor(Entry entry, qint64 folderId) const;

    QTreeWidgetItem* m_library;
    QTreeWidgetItem* m_all;
    QTreeWidgetItem* m_timeline;
    QTreeWidgetItem* m_tags;
    QTreeWidgetItem* m_places;
    QTreeWidgetItem* m_people;
    QTreeWidgetItem* m_folders;
    qint64 m_total = 0;
};

} // namespace shoebox
