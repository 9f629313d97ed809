#pragma once
// Wires the window to the Organizer: the Photo menu's mark actions and their keys (F favourite,
// 0-5 rating, P pick, X reject, U unflag, H hide or show), Edit > Undo, new album from the selection,
// Set as Album Cover, Remove from Album, and the sidebar's albums (open, drop photos on, rename, remove, reorder, their
// covers loaded off the UI thread). The marks apply to the
// selected photos of the grid or the timeline, or to the photo in the viewer. UI thread only.

#include "albums/albumstore.h"

#include <QObject>
#include <QVector>

class QAction;
class QMenu;

namespace shoebox {

class AlbumSection;
class MainWindow;
class Organizer;
class Sidebar;

class OrganizeController : public QObject {
    Q_OBJECT
public:
    OrganizeController(MainWindow* window, Sidebar* sidebar);

    Organizer* organizer() const { return m_organizer; }
    AlbumSection* albums() const { return m_albums; }
    QAction* undoAction() const { return m_undo; }
    // The photos the marks apply to now.
    QVector<qint64> targetPhotos() const;
    // Creates the album (a path such as "Travel / Japan") with the target photos in it; its id or 0.
    qint64 createAlbumFromSelection(const QString& path);
    void reloadAlbums();
    // The album on screen now (its search still in the search bar), or 0.
    qint64 shownAlbum() const;
    QAction* setCoverAction() const { return m_setCover; }
    QAction* removeFromAlbumAction() const { return m_removeFromAlbum; }

private:
    void buildActions();
    void buildAlbumActions(); // New Album from Selection, Set as Album Cover, Remove from Album
    void retranslate();
    void onChanged(const QVector<qint64>& ids);
    void report(bool ok, const QString& error);
    void askNewAlbum(qint64 parentId);
    void askRename(qint64 albumId);
    void askDescription(qint64 albumId);
    void moveAlbum(qint64 albumId, int delta);
    void loadCovers(const QList<AlbumRecord>& albums);
    void setCoverFromSelection();
    bool eventFilter(QObject* watched, QEvent* event) override;

    MainWindow* m_window;
    Organizer* m_organizer;
    AlbumSection* m_albums;
    QMenu* m_menu = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_favourite = nullptr;
    QList<QAction*> m_ratings;
    QAction* m_pick = nullptr;
    QAction* m_reject = nullptr;
    QAction* m_unflag = nullptr;
    QAction* m_hide = nullptr;
    QAction* m_newAlbum = nullptr;
    QAction* m_setCover = nullptr;
    QAction* m_removeFromAlbum = nullptr;
    int m_coverGeneration = 0; // the latest cover load; older ones are dropped
    QString m_albumQuery; // the search this controller started for an album, to keep it selected
    qint64 m_albumShown = 0;
};

} // namespace shoebox
