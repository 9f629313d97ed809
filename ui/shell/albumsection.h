#pragma once
// The sidebar's albums: an "Albums" group holding the album tree (smart albums too) and a "Hidden"
// entry in the library group. Each album shows its cover photo as its icon. It takes photos dropped
// onto an album and asks for album changes through its context menu; the OrganizeController and the
// ExportController do the work. UI thread only.

#include "albums/albumstore.h"

#include <QHash>
#include <QIcon>
#include <QImage>
#include <QObject>
#include <QVector>

class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace shoebox {

class AlbumSection : public QObject {
    Q_OBJECT
public:
    explicit AlbumSection(QTreeWidget* sidebar);
    void setAlbums(const QList<AlbumRecord>& albums, const QHash<qint64, qint64>& smartCounts);
    // Marks the album's entry (or Hidden, id -1) as the current one without emitting anything.
    void select(qint64 albumId);
    QTreeWidgetItem* itemOf(qint64 albumId) const; // -1: Hidden
    // The albums' covers (album id -> photo) and those photos' thumbnails; albums left out show
    // their kind's icon.
    void setCovers(const QHash<qint64, qint64>& covers, const QHash<qint64, QImage>& thumbnails);
    qint64 coverOf(qint64 albumId) const; // the photo its icon shows, 0: none
    // The context menu of an entry (nullptr for the library's own entries), parented to parent.
    QMenu* menuFor(QTreeWidgetItem* item, QWidget* parent);
    void retranslate();

Q_SIGNALS:
    void albumActivated(qint64 albumId, const QString& path);
    void hiddenActivated();
    void photosDropped(qint64 albumId, const QVector<qint64>& photoIds);
    void newAlbumRequested(qint64 parentId);
    void renameRequested(qint64 albumId);
    void describeRequested(qint64 albumId);
    void removeRequested(qint64 albumId);
    void moveRequested(qint64 albumId, int delta); // -1 up, +1 down among its siblings
    void exportRequested(qint64 albumId);
    void coversShown();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    qint64 albumAt(const QPoint& viewportPos, bool* smart = nullptr) const;
    void showMenu(const QPoint& pos);
    void applyCover(QTreeWidgetItem* item, bool smart);

    QTreeWidget* m_tree;
    QTreeWidgetItem* m_group;
    QTreeWidgetItem* m_hidden;
    struct Cover {
        qint64 photoId = 0;
        QIcon icon;
    };
    QHash<qint64, Cover> m_covers; // by album, kept across setAlbums so icons do not flicker
};

} // namespace shoebox
