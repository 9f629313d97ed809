#include "shell/mainwindow.h"

#include "background.h"

#include "backup/backupcontroller.h"
#include "duplicates/duplicatesdialog.h"
#include "pages/gridpage.h"
#include "pages/infopanel.h"
#include "pages/tagbrowserpage.h"
#include "pages/timelinepage.h"
#include "pages/viewerpage.h"
#include "people/peoplepage.h"
#include "places/placespage.h"
#include "search/similarsearch.h"
#include "shell/aboutdialog.h"
#include "shell/appsettings.h"
#include "shell/exportcontroller.h"
#include "shell/icons.h"
#include "shell/importcontroller.h"
#include "shell/importprompts.h"
#include "shell/jobprogresswidget.h"
#include "shell/languagemanager.h"
#include "shell/mainwindowactions.h"
#include "shell/organizecontroller.h"
#include "shell/phototageditor.h"
#include "shell/preferencesdialog.h"
#include "shell/searchbar.h"
#include "shell/sidebar.h"
#include "thumbnailview/photogridview.h"
#include "thumbnailview/photolistmodel.h"
#include "thumbnailview/thumbnailloader.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace shoebox {

MainWindow::MainWindow(QString libraryPath, LanguageManager* languages, QWidget* parent)
    : QMainWindow(parent)
    , m_library(std::move(libraryPath))
    , m_languages(languages)
    , m_loader(new ThumbnailLoader(this))
    , m_gridModel(new PhotoListModel(this))
    , m_timelineModel(new PhotoListModel(this))
    , m_import(new ImportController(m_library, this))
    , m_sidebar(new Sidebar(this))
    , m_pages(new QStackedWidget(this))
    , m_grid(new GridPage(m_gridModel, m_loader, this))
    , m_timeline(new TimelinePage(m_timelineModel, m_loader, this))
    , m_viewer(new ViewerPage(this))
    , m_tags(new TagBrowserPage(this))
    , m_places(new PlacesPage(this))
    , m_people(new PeoplePage(this))
    , m_search(new SearchBar(this))
    , m_info(new InfoPanel(this))
    , m_progress(new JobProgressWidget(this))
    , m_status(new QLabel(this))
    , m_splitter(new QSplitter(this))
    , m_actions(new MainWindowActions(this))
    , m_tagEditor(std::make_unique<PhotoTagEditor>(m_library, this, [this](qint64 shownId) {
        m_tags->reload();
        m_info->showPhoto(shownId);
    }))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icons::app());
    setAcceptDrops(true);
    resize(1280, 800);
    m_loader->setLibrary(m_library);
    m_info->setLibrary(m_library);
    m_info->setLanguage(m_languages->language());
    m_tags->setLibrary(m_library);
    m_tags->setLanguage(m_languages->language());
    m_places->setLibrary(m_library);
    m_places->setLanguage(m_languages->language());
    m_people->setLibrary(m_library);
    m_search->setLibrary(m_library);
    m_search->setLanguage(m_languages->language());

    buildLayout();
    buildMenus();
    connectGrid(m_grid->view(), m_gridModel);
    connectGrid(m_timeline->view(), m_timelineModel);
    connectPages();
    connectImport();
    // after connectPages: its album keeps the sidebar's selection
    new ExportController(this, new OrganizeController(this, m_sidebar));
    new BackupController(this, m_library);
    connectPeople();
    connect(m_languages, &LanguageManager::languageChanged, this, &MainWindow::onLanguageChanged);

    retranslate();
    reloadLibrary();
    showView(View::Grid);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout()
{
    auto* toolbar = addToolBar(QStringLiteral("search"));
    toolbar->setObjectName(QStringLiteral("searchToolBar"));
    toolbar->setMovable(false);
    auto* spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_search);

    m_pages->addWidget(m_grid);
    m_pages->addWidget(m_timeline);
    m_pages->addWidget(m_viewer);
    m_pages->addWidget(m_tags);
    m_pages->addWidget(m_places);
    m_pages->addWidget(m_people);
    m_sidebar->setMinimumWidth(180);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->addWidget(m_info);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({ 210, 790, 280 });
    setCentralWidget(m_splitter);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::connectPages()
{
    connect(m_sidebar, &Sidebar::entryActivated, this, [this](Sidebar::Entry entry, qint64 folderId) {
        switch (entry) {
        case Sidebar::Entry::AllPhotos:
            setGridScope(0);
            showView(View::Grid);
            break;
        case Sidebar::Entry::Folder:
            setGridScope(folderId);
            showView(View::Grid);
            break;
        case Sidebar::Entry::Timeline:
            showView(View::Timeline);
            break;
        case Sidebar::Entry::Tags:
            showView(View::Tags);
            break;
        case Sidebar::Entry::Places:
            showView(View::Places);
            break;
        case Sidebar::Entry::People:
            showView(View::People);
            break;
        }
    });
    connect(m_grid, &GridPage::chooseFoldersRequested, this, &MainWindow::chooseFolders);
    connect(m_viewer, &ViewerPage::closeRequested, this, [this] { showView(m_viewBeforeViewer); });
    connect(m_viewer, &ViewerPage::currentPhotoChanged, m_info, &InfoPanel::showPhoto);

    connect(m_tags, &TagBrowserPage::tagActivated, this,
        [this](qint64, const QString& name) { m_search->showAndSearch(QStringLiteral("tag:\"%1\"").arg(name)); });
    connect(m_places, &PlacesPage::searchRequested, m_search, &SearchBar::showAndSearch);
    connect(m_places, &PlacesPage::placeSet, this, [this](bool, const QString& message, const QVector<qint64>& ids) {
        m_status->setText(message);
        m_info->showPhoto(ids.value(0));
    });
    connect(m_places, &PlacesPage::photosRequested, this,
        [this](const QString& label, const QVector<qint64>& ids) { showSearchResults(Filter::Search, label, ids); });
    connect(m_search, &SearchBar::resultsReady, this,
        [this](const QString& query, const QVector<qint64>& ids) { showSearchResults(Filter::Search, query, ids); });
    connect(m_search, &SearchBar::cleared, this, &MainWindow::clearSearch);
    connect(m_search, &SearchBar::imageDropped, this, [this](const QString& file) { findSimilar(0, file); });
}

void MainWindow::buildMenus()
{
    connect(m_actions->addFolder, &QAction::triggered, this, &MainWindow::chooseFolders);
    connect(m_actions->importCopy, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import Photos"));
        if (dir.isEmpty())
            return;
        // An explicit import copies, whatever the drop preference says.
        const auto saved = AppSettings::importMode();
        AppSettings::setImportMode(AppSettings::ImportMode::CopyByDate);
        m_import->import({ dir });
        AppSettings::setImportMode(saved);
    });
    connect(m_actions->rescan, &QAction::triggered, this, [this] { m_import->scanInPlace(m_folderPaths); });
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->selectAll, &QAction::triggered, this, [this] {
        if (m_view == View::Grid)
            m_grid->view()->selectAll();
        else if (m_view == View::Timeline)
            m_timeline->view()->selectAll();
    });
    connect(m_actions->preferences, &QAction::triggered, this, &MainWindow::openPreferences);
    connect(m_actions->showAll, &QAction::triggered, this, [this] {
        setGridScope(0);
        showView(View::Grid);
    });
    connect(m_actions->showTimeline, &QAction::triggered, this, [this] { showView(View::Timeline); });
    connect(m_actions->showTags, &QAction::triggered, this, [this] { showView(View::Tags); });
    connect(m_actions->zoomIn, &QAction::triggered, this, [this] { m_grid->zoomBy(1); });
    connect(m_actions->zoomOut, &QAction::triggered, this, [this] { m_grid->zoomBy(-1); });
    connect(m_actions->toggleInfo, &QAction::toggled, m_info, &QWidget::setVisible);
    connect(m_actions->findDuplicates, &QAction::triggered, this, &MainWindow::openDuplicates);
    connect(m_actions->about, &QAction::triggered, this, [this] { AboutDialog(this).exec(); });
}

void MainWindow::connectGrid(PhotoGridView* view, PhotoListModel* model)
{
    connect(view, &QAbstractItemView::activated, this,
        [this, model](const QModelIndex& index) { openViewer(model, index.row()); });
    connect(
        view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this, model](const QModelIndex& current) {
            if (current.isValid())
                m_info->showPhoto(model->photoId(current.row()));
        });
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this,
        [this, view, model](const QPoint& pos) { showPhotoMenu(view, model, pos); });
}

void MainWindow::showPhotoMenu(PhotoGridView* view, PhotoListModel* model, const QPoint& pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    menu.addAction(tr("Open"), this, [this, model, row = index.row()] { openViewer(model, row); });
    menu.addAction(tr("Show Information"), this, [this, model, row = index.row()] {
        m_actions->toggleInfo->setChecked(true);
        m_info->showPhoto(model->photoId(row));
    });
    const qint64 id = model->photoId(index.row());
    menu.addAction(tr("Find Similar"), this, [this, id] { findSimilar(id, QString()); });
    menu.addSeparator();
    // Tags go to every selected photo when the click was on the selection, else to this photo.
    QVector<qint64> ids;
    if (view->selectionModel()->isSelected(index)) {
        for (const QModelIndex& selected : view->selectionModel()->selectedIndexes())
            ids.append(model->photoId(selected.row()));
    }
    if (ids.isEmpty())
        ids.append(id);
    m_tagEditor->addTagMenu(&menu, id, ids, m_languages->language());
    m_places->addPlaceMenu(&menu, ids);
    menu.exec(view->viewport()->mapToGlobal(pos));
}

void MainWindow::openViewer(PhotoListModel* model, int row)
{
    if (m_view != View::Viewer)
        m_viewBeforeViewer = m_view;
    showView(View::Viewer);
    m_viewer->open(model, row);
}

void MainWindow::showView(View view)
{
    m_view = view;
    switch (view) {
    case View::Grid:
        m_pages->setCurrentWidget(m_grid);
        m_sidebar->select(m_folder ? Sidebar::Entry::Folder : Sidebar::Entry::AllPhotos, m_folder);
        break;
    case View::Timeline:
        m_pages->setCurrentWidget(m_timeline);
        m_sidebar->select(Sidebar::Entry::Timeline);
        break;
    case View::Tags:
        m_pages->setCurrentWidget(m_tags);
        m_tags->reload();
        m_sidebar->select(Sidebar::Entry::Tags);
        break;
    case View::Places:
        m_pages->setCurrentWidget(m_places);
        m_places->reload();
        m_sidebar->select(Sidebar::Entry::Places);
        break;
    case View::People:
        m_pages->setCurrentWidget(m_people);
        m_people->reload();
        m_sidebar->select(Sidebar::Entry::People);
        break;
    case View::Viewer:
        m_pages->setCurrentWidget(m_viewer);
        break;
    }
}

void MainWindow::setGridScope(qint64 folderId)
{
    m_folder = folderId;
    m_gridModel->setFolder(folderId);
    retranslate();
}

void MainWindow::reloadLibrary()
{
    m_gridModel->setLibrary(m_library);
    m_timelineModel->setLibrary(m_library);
    refreshFolders();
}

void MainWindow::refreshFolders()
{
    if (m_foldersLoading)
        return;
    m_foldersLoading = true;
    const QString library = m_library;
    runInBackground(
        this,
        [library] {
            const PhotoStore store(library);
            const auto folders = store.folders();
            const qint64 total = store.count(PhotoQuery());
            return qMakePair(folders, total);
        },
        [this](const QPair<QList<FolderRecord>, qint64>& result) { showFolders(result.first, result.second); });
}

void MainWindow::showFolders(const QList<FolderRecord>& folders, qint64 total)
{
    m_foldersLoading = false;
    m_totalPhotos = total;
    m_sidebar->setFolders(folders, total);
    m_folderNames.clear();
    for (const FolderRecord& f : folders)
        m_folderNames.insert(f.id, QFileInfo(f.displayPath).fileName());
    m_folderPaths.clear();
    for (const FolderRecord& f : folders)
        m_folderPaths.append(QFile::decodeName(f.path));
    retranslate();
    m_grid->setLibraryEmpty(total == 0 && folders.isEmpty());
}

bool MainWindow::isSettled() const
{
    return !m_gridModel->isLoading() && !m_timelineModel->isLoading() && m_loader->isIdle() && !m_import->isBusy()
        && !m_foldersLoading && m_totalPhotos >= 0 && !m_tags->isLoading() && !m_places->isLoading()
        && !m_people->isLoading() && !m_search->isBusy() && !m_similarRunning
        && (!m_duplicates || !m_duplicates->isBusy());
}

void MainWindow::chooseFolders()
{
    QFileDialog dialog(this, tr("Choose Folders with Photos"));
    dialog.setFileMode(QFileDialog::Directory);
    dialog.setOption(QFileDialog::ShowDirsOnly);
    if (dialog.exec() == QDialog::Accepted)
        m_import->import(dialog.selectedFiles());
}

void MainWindow::openPreferences()
{
    PreferencesDialog dialog(m_library, m_languages, this);
    connect(&dialog, &PreferencesDialog::foldersAdded, m_import, &ImportController::scanInPlace);
    dialog.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!ImportController::localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = ImportController::localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // Let the drop finish before a first-time question opens its own event loop.
    QMetaObject::invokeMethod(
        this, [this, paths] { m_import->import(paths); }, Qt::QueuedConnection);
}

QString MainWindow::filterTitle() const
{
    if (m_filterKind == Filter::Search)
        return tr("Search: %1").arg(m_filterSubject);
    return tr("Similar to %1").arg(m_filterSubject.isEmpty() ? tr("this photo") : m_filterSubject);
}

void MainWindow::showSearchResults(Filter kind, const QString& subject, const QVector<qint64>& ids)
{
    m_filterKind = kind;
    m_filterSubject = subject;
    m_gridModel->setIdFilter(QSet<qint64>(ids.begin(), ids.end()));
    retranslate();
    showView(View::Grid);
}

void MainWindow::clearSearch()
{
    if (!m_gridModel->isFiltered())
        return;
    m_gridModel->setIdFilter(std::nullopt);
    retranslate();
}

void MainWindow::findSimilar(qint64 photoId, const QString& file)
{
    m_similarRunning = true;
    m_status->setText(tr("Looking for similar photos…"));
    const QString library = m_library;
    runInBackground(
        this,
        [library, photoId, file] {
            const SimilarSearchResult result = SimilarSearch(library).run(photoId, file, 60);
            QVector<qint64> ids;
            if (photoId > 0)
                ids.append(photoId); // the photo itself leads, so people see what was compared
            // The grid shows them by date, not by rank: the merely alike would bury the same scene.
            for (const SimilarMatch& m : result.sameScene())
                ids.append(m.id);
            return qMakePair(result.ok() ? ids : QVector<qint64>(), result.error);
        },
        [this, file, photoId](const QPair<QVector<qint64>, QString>& result) {
            m_similarRunning = false;
            const auto& [ids, error] = result;
            if (!error.isEmpty()) {
                m_status->setText(error);
                return;
            }
            const QString name = file.isEmpty() ? QString() : QFileInfo(file).fileName();
            m_status->setText(tr("%n similar photo(s).", nullptr, int(ids.size() - (photoId > 0 ? 1 : 0))));
            showSearchResults(Filter::Similar, name, ids);
        });
}

DuplicatesDialog* MainWindow::openDuplicates()
{
    if (!m_duplicates) {
        m_duplicates = new DuplicatesDialog(m_library, m_folderPaths, this);
        m_duplicates->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_duplicates, &DuplicatesDialog::libraryChanged, this, [this] {
            m_gridModel->reload();
            m_timelineModel->reload();
            refreshFolders();
        });
    }
    m_duplicates->show();
    m_duplicates->raise();
    return m_duplicates;
}

void MainWindow::onLanguageChanged(const QString& code)
{
    m_info->setLanguage(code);
    m_tags->setLanguage(code);
    m_places->setLanguage(code);
    m_search->setLanguage(code);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Shoebox"));
    m_actions->retranslate();
    if (m_gridModel->isFiltered())
        m_grid->setTitle(filterTitle());
    else
        m_grid->setTitle(
            m_folder != 0 && m_folderNames.contains(m_folder) ? m_folderNames.value(m_folder) : tr("All Photos"));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_import->cancel();
    QMainWindow::closeEvent(event);
}

} // namespace shoebox
