#include "shell/organizecontroller.h"

#include "albums/albumstore.h"
#include "albums/organizer.h"
#include "background.h"
#include "pages/gridpage.h"
#include "pages/infopanel.h"
#include "pages/timelinepage.h"
#include "pages/viewerpage.h"
#include "search/albumcovers.h"
#include "search/searchengine.h"
#include "shell/albumsection.h"
#include "shell/importcontroller.h"
#include "shell/mainwindow.h"
#include "shell/searchbar.h"
#include "shell/sidebar.h"
#include "thumbnailview/photogridview.h"
#include "thumbnailview/photolistmodel.h"
#include "thumbnailview/thumbnailloader.h"

#include <QAction>
#include <QEvent>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace shoebox {

namespace {

// The menu bar's menu holding the action with this object name (the window's Edit, Tools, ...).
QMenu* menuWith(QMenuBar* bar, const QString& actionName)
{
    for (QAction* top : bar->actions())
        if (QMenu* menu = top->menu())
            for (const QAction* a : menu->actions())
                if (a->objectName() == actionName)
                    return menu;
    return nullptr;
}

} // namespace

OrganizeController::OrganizeController(MainWindow* window, Sidebar* sidebar)
    : QObject(window)
    , m_window(window)
    , m_organizer(new Organizer(window->libraryPath(), this))
    , m_albums(new AlbumSection(sidebar))
{
    setObjectName(QStringLiteral("organizeController"));
    buildActions();
    connect(m_organizer, &Organizer::changed, this, &OrganizeController::onChanged);
    connect(m_organizer, &Organizer::undoAvailable, this, [this] { retranslate(); });
    connect(m_albums, &AlbumSection::albumActivated, this, [this](qint64 id, const QString& path) {
        m_albumShown = id;
        m_albumQuery = QStringLiteral("album:\"%1\"").arg(path);
        m_window->searchBar()->showAndSearch(m_albumQuery);
    });
    connect(m_albums, &AlbumSection::hiddenActivated, this, [this] {
        m_albumShown = -1;
        m_albumQuery = QStringLiteral("hidden");
        m_window->searchBar()->showAndSearch(m_albumQuery);
    });
    // Showing results selects All Photos in the sidebar; the album that asked stays selected instead.
    connect(m_window->searchBar(), &SearchBar::resultsReady, this, [this](const QString& query) {
        if (query == m_albumQuery)
            m_albums->select(m_albumShown);
    });
    // Leaving an album for another sidebar entry leaves its search too (a typed search stays).
    connect(sidebar, &Sidebar::entryActivated, this, [this] {
        if (!m_albumQuery.isEmpty() && m_window->searchBar()->text() == m_albumQuery)
            m_window->searchBar()->showAndSearch(QString());
        m_albumQuery.clear();
    });
    connect(m_albums, &AlbumSection::photosDropped, this, [this](qint64 album, const QVector<qint64>& ids) {
        QString error;
        report(m_organizer->addToAlbum(album, ids, &error), error);
    });
    connect(m_albums, &AlbumSection::newAlbumRequested, this, &OrganizeController::askNewAlbum);
    connect(m_albums, &AlbumSection::renameRequested, this, &OrganizeController::askRename);
    connect(m_albums, &AlbumSection::describeRequested, this, &OrganizeController::askDescription);
    connect(m_albums, &AlbumSection::moveRequested, this, &OrganizeController::moveAlbum);
    connect(m_albums, &AlbumSection::removeRequested, this, [this](qint64 album) {
        const auto a = AlbumStore(m_window->libraryPath()).album(album);
        if (!a
            || QMessageBox::question(m_window, tr("Remove Album"),
                   tr("Remove the album \"%1\" and the albums inside it? The photos stay in the library.").arg(a->path))
                != QMessageBox::Yes)
            return;
        QString error;
        report(AlbumStore(m_window->libraryPath()).remove(album, &error), error);
        reloadAlbums();
    });
    // New photos can join smart albums: their counts, and the album on screen, follow a scan.
    connect(m_window->importController(), &ImportController::jobFinished, this, [this] {
        reloadAlbums();
        if (m_window->gridModel()->isFiltered() && m_window->searchBar()->text() == m_albumQuery)
            m_window->searchBar()->search(m_albumQuery);
    });
    window->installEventFilter(this);
    reloadAlbums();
    retranslate();
}

void OrganizeController::buildActions()
{
    auto make = [this](const QKeySequence& key, const char* name, auto slot) {
        auto* a = new QAction(m_window);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        // Grid and timeline only: the viewer keeps 0 and 1 for its zoom.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_window->gridPage()->addAction(a);
        m_window->timelinePage()->addAction(a);
        connect(a, &QAction::triggered, this, [this, slot] {
            QString error;
            const bool ok = slot(targetPhotos(), &error);
            report(ok, error);
        });
        return a;
    };
    Organizer* o = m_organizer;
    m_favourite = make(QKeySequence(Qt::Key_F), "markFavourite",
        [o](const QVector<qint64>& ids, QString* e) { return o->toggleFavourite(ids, e); });
    for (int stars = 0; stars <= 5; ++stars)
        m_ratings << make(QKeySequence(Qt::Key_0 + stars), "rate",
            [o, stars](const QVector<qint64>& ids, QString* e) { return o->setRating(ids, stars, e); });
    m_pick = make(QKeySequence(Qt::Key_P), "markPick",
        [o](const QVector<qint64>& ids, QString* e) { return o->setFlag(ids, PickFlag::Picked, e); });
    m_reject = make(QKeySequence(Qt::Key_X), "markReject",
        [o](const QVector<qint64>& ids, QString* e) { return o->setFlag(ids, PickFlag::Rejected, e); });
    m_unflag = make(QKeySequence(Qt::Key_U), "markUnflag",
        [o](const QVector<qint64>& ids, QString* e) { return o->setFlag(ids, PickFlag::None, e); });
    const QString library = m_window->libraryPath();
    m_hide = make(QKeySequence(Qt::Key_H), "markHidden", [o, library](const QVector<qint64>& ids, QString* e) {
        // Hides, or shows again when every chosen photo is hidden already (in the Hidden view).
        const QHash<qint64, PhotoMarks> marks = MarkStore(library).marksOf(ids);
        bool allHidden = !ids.isEmpty();
        for (qint64 id : ids)
            allHidden = allHidden && marks.value(id).hidden;
        return o->setHidden(ids, !allHidden, e);
    });
    for (QAction* a : { m_favourite, m_pick, m_reject, m_unflag, m_hide })
        m_window->viewerPage()->addAction(a); // letters do not clash with the viewer's keys
    buildAlbumActions();
    m_undo = new QAction(m_window);
    m_undo->setObjectName(QStringLiteral("undoMarks"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_window->addAction(m_undo);
    connect(m_undo, &QAction::triggered, this, [this] {
        QString error;
        report(m_organizer->undo(&error), error);
    });

    QMenuBar* bar = m_window->menuBar();
    if (QMenu* edit = menuWith(bar, QStringLiteral("selectAll"))) {
        QAction* first = edit->actions().value(0);
        edit->insertAction(first, m_undo);
        edit->insertSeparator(first);
    }
    m_menu = new QMenu(m_window);
    m_menu->addAction(m_favourite);
    m_menu->addActions(m_ratings);
    m_menu->addSeparator();
    m_menu->addActions({ m_pick, m_reject, m_unflag });
    m_menu->addSeparator();
    m_menu->addActions({ m_hide, m_newAlbum, m_setCover, m_removeFromAlbum });
    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        m_setCover->setEnabled(shownAlbum() > 0);
        m_removeFromAlbum->setEnabled(shownAlbum() > 0);
    });
    QMenu* tools = menuWith(bar, QStringLiteral("findDuplicates"));
    bar->insertMenu(tools ? tools->menuAction() : nullptr, m_menu);
}

void OrganizeController::buildAlbumActions()
{
    m_newAlbum = new QAction(m_window);
    m_newAlbum->setObjectName(QStringLiteral("newAlbumFromSelection"));
    m_newAlbum->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_window->addAction(m_newAlbum);
    connect(m_newAlbum, &QAction::triggered, this, [this] { askNewAlbum(-1); });
    m_setCover = new QAction(m_window);
    m_setCover->setObjectName(QStringLiteral("setAlbumCover"));
    connect(m_setCover, &QAction::triggered, this, &OrganizeController::setCoverFromSelection);
    m_removeFromAlbum = new QAction(m_window);
    m_removeFromAlbum->setObjectName(QStringLiteral("removeFromAlbum"));
    connect(m_removeFromAlbum, &QAction::triggered, this, [this] {
        const std::optional<AlbumRecord> album = AlbumStore(m_window->libraryPath()).album(shownAlbum());
        QString error = tr("Open an album to take photos out of it.");
        if (album && album->isSmart())
            error = tr("A smart album holds what its search finds: change the photos or the search instead.");
        else if (album)
            error.clear();
        report(album && error.isEmpty() && m_organizer->removeFromAlbum(album->id, targetPhotos(), &error), error);
    });
}

void OrganizeController::retranslate()
{
    m_menu->setTitle(tr("&Photo"));
    m_favourite->setText(tr("&Favourite"));
    for (int stars = 0; stars < m_ratings.size(); ++stars)
        m_ratings[stars]->setText(stars == 0 ? tr("No Rating") : tr("Rate %n Star(s)", nullptr, stars));
    m_pick->setText(tr("&Pick"));
    m_reject->setText(tr("&Reject"));
    m_unflag->setText(tr("&Unflag"));
    m_hide->setText(tr("&Hide or Show"));
    m_newAlbum->setText(tr("&New Album from Selection…"));
    m_setCover->setText(tr("Set as Album &Cover"));
    m_removeFromAlbum->setText(tr("Remove from &Album"));
    m_undo->setEnabled(m_organizer->canUndo());
    m_undo->setText(m_organizer->canUndo() ? tr("&Undo %1").arg(m_organizer->undoText()) : tr("&Undo"));
    m_albums->retranslate();
}

bool OrganizeController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

QVector<qint64> OrganizeController::targetPhotos() const
{
    if (m_window->currentView() == MainWindow::View::Viewer)
        return { m_window->viewerPage()->photoId() };
    const bool timeline = m_window->currentView() == MainWindow::View::Timeline;
    const PhotoGridView* view = timeline ? m_window->timelinePage()->view() : m_window->gridPage()->view();
    QModelIndexList rows = view->selectionModel()->selectedIndexes();
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows << view->currentIndex();
    QVector<qint64> ids;
    for (const QModelIndex& i : rows)
        ids << i.data(PhotoListModel::PhotoIdRole).toLongLong();
    return ids;
}

void OrganizeController::onChanged(const QVector<qint64>& ids)
{
    for (PhotoListModel* model : { m_window->gridModel(), m_window->timelineModel() }) {
        model->refreshMarks(ids);
        model->refreshSoon(); // a photo hidden or shown leaves or joins the rows
    }
    SearchBar* search = m_window->searchBar();
    if (m_window->gridModel()->isFiltered() && !search->text().trimmed().isEmpty())
        search->search(search->text()); // a result that depends on marks or albums follows them
    m_window->infoPanel()->showPhoto(m_window->infoPanel()->photoId());
    reloadAlbums();
}

void OrganizeController::report(bool ok, const QString& error)
{
    if (!ok)
        m_window->statusBar()->showMessage(error, 8000);
}

void OrganizeController::reloadAlbums()
{
    const QString library = m_window->libraryPath();
    const QList<AlbumRecord> all = AlbumStore(library).albums();
    QHash<qint64, qint64> smart;
    const SearchEngine engine(library);
    for (const AlbumRecord& a : all)
        if (a.isSmart())
            smart.insert(a.id, engine.albumPhotos(a.id).size());
    m_albums->setAlbums(all, smart);
    loadCovers(all);
}

void OrganizeController::loadCovers(const QList<AlbumRecord>& albums)
{
    struct Covers {
        QHash<qint64, qint64> photos; // by album
        QHash<qint64, QImage> thumbnails; // by photo
    };
    const int generation = ++m_coverGeneration;
    runInBackground(
        this,
        [library = m_window->libraryPath(), albums] {
            Covers out;
            out.photos = AlbumCovers(library).coversOf(albums);
            for (qint64 photo : std::as_const(out.photos))
                if (!out.thumbnails.contains(photo))
                    out.thumbnails.insert(photo, ThumbnailLoader::loadFromCatalog(library, photo, 96));
            return out;
        },
        [this, generation](const Covers& covers) {
            if (generation == m_coverGeneration) // a later reload has its own, newer covers coming
                m_albums->setCovers(covers.photos, covers.thumbnails);
        });
}

qint64 OrganizeController::shownAlbum() const
{
    const bool showing
        = m_albumShown > 0 && m_window->gridModel()->isFiltered() && m_window->searchBar()->text() == m_albumQuery;
    return showing ? m_albumShown : 0;
}

void OrganizeController::setCoverFromSelection()
{
    const qint64 album = shownAlbum();
    const QVector<qint64> photos = targetPhotos();
    if (album <= 0 || photos.isEmpty()) {
        report(false, tr("Open an album and select the photo that should stand for it."));
        return;
    }
    QString error;
    report(AlbumStore(m_window->libraryPath()).setCover(album, photos.first(), &error), error);
    reloadAlbums();
}

qint64 OrganizeController::createAlbumFromSelection(const QString& path)
{
    QString error;
    const qint64 id = AlbumStore(m_window->libraryPath()).createAlbum(path, &error);
    const bool ok = id > 0 && m_organizer->addToAlbum(id, targetPhotos(), &error);
    report(ok, error);
    reloadAlbums();
    return ok ? id : 0;
}

void OrganizeController::askNewAlbum(qint64 parentId)
{
    // parentId -1: from the selection (a top-level path); 0 or an album: an empty album inside it.
    const auto parent = parentId > 0 ? AlbumStore(m_window->libraryPath()).album(parentId) : std::nullopt;
    const QString prefix = parent ? parent->path + QStringLiteral(" / ") : QString();
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("New Album"),
        tr("Album name (use / for albums inside albums, e.g. Travel / 2024 / Japan):"), QLineEdit::Normal, prefix, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (parentId < 0) {
        createAlbumFromSelection(name);
        return;
    }
    QString error;
    report(AlbumStore(m_window->libraryPath()).createAlbum(name, &error) > 0, error);
    reloadAlbums();
}

void OrganizeController::askRename(qint64 albumId)
{
    AlbumStore store(m_window->libraryPath());
    const auto album = store.album(albumId);
    bool ok = false;
    const QString name = album
        ? QInputDialog::getText(m_window, tr("Rename Album"), tr("New name:"), QLineEdit::Normal, album->name, &ok)
        : QString();
    if (!ok)
        return;
    QString error;
    report(store.rename(albumId, name, &error), error);
    reloadAlbums();
}

void OrganizeController::askDescription(qint64 albumId)
{
    AlbumStore store(m_window->libraryPath());
    const auto album = store.album(albumId);
    bool ok = false;
    const QString text = album ? QInputDialog::getMultiLineText(m_window, tr("Album Description"),
                             tr("Description of \"%1\":").arg(album->path), album->description, &ok)
                               : QString();
    if (!ok)
        return;
    QString error;
    report(store.setDescription(albumId, text.trimmed(), &error), error);
    reloadAlbums(); // the description is the album's tooltip
}

void OrganizeController::moveAlbum(qint64 albumId, int delta)
{
    AlbumStore store(m_window->libraryPath());
    const auto album = store.album(albumId);
    if (!album)
        return;
    int index = 0; // the album's index among its siblings
    for (const AlbumRecord& a : store.albums())
        if (a.parentId == album->parentId && a.id != albumId && a.position < album->position)
            ++index;
    QString error;
    report(store.move(albumId, album->parentId, qMax(0, index + delta), &error), error);
    reloadAlbums();
}

} // namespace shoebox
