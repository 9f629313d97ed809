#pragma once
// The Shoebox window: sidebar, pages (grid, timeline, tags, viewer), information panel, search and
// the background-job strip. It wires components together; each page and panel lives in its own class.
// Dropping files or folders anywhere on the window imports them. UI thread only.

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <QVector>

#include <memory>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace shoebox {

struct FolderRecord;
class GridPage;
class ImportController;
class InfoPanel;
class JobProgressWidget;
class LanguageManager;
class PhotoListModel;
class Sidebar;
class ThumbnailLoader;
class TimelinePage;
class ViewerPage;
class MainWindowActions;
class PhotoTagEditor;
class DuplicatesDialog;
class SearchBar;
class TagBrowserPage;
class PlacesPage;
class PeoplePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class View { Grid, Timeline, Tags, Places, People, Viewer };

    MainWindow(QString libraryPath, LanguageManager* languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showView(View view);
    View currentView() const { return m_view; }
    // True when nothing is loading: models read, visible thumbnails delivered, no job running.
    bool isSettled() const;

    QString libraryPath() const { return m_library; }
    GridPage* gridPage() const { return m_grid; }
    TimelinePage* timelinePage() const { return m_timeline; }
    TagBrowserPage* tagPage() const { return m_tags; }
    PlacesPage* placesPage() const { return m_places; }
    PeoplePage* peoplePage() const { return m_people; }
    SearchBar* searchBar() const { return m_search; }
    // Opens (or raises) the Find Duplicates dialog; it stays open beside the window.
    DuplicatesDialog* openDuplicates();
    // Shows the library's photos that look like this photo (photoId > 0) or this outside file.
    void findSimilar(qint64 photoId, const QString& file);
    ViewerPage* viewerPage() const { return m_viewer; }
    InfoPanel* infoPanel() const { return m_info; }
    ImportController* importController() const { return m_import; }
    JobProgressWidget* jobProgress() const { return m_progress; }
    PhotoListModel* gridModel() const { return m_gridModel; }
    PhotoListModel* timelineModel() const { return m_timelineModel; }
    void openPreferences();

public Q_SLOTS:
    void chooseFolders();
    void reloadLibrary();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildLayout();
    void buildMenus();
    void connectPages();
    void connectImport();
    void connectPeople(); // in mainwindowimport.cpp, with connectImport
    void retranslate();
    void connectGrid(class PhotoGridView* view, PhotoListModel* model);
    void openViewer(PhotoListModel* model, int row);
    void showPhotoMenu(class PhotoGridView* view, PhotoListModel* model, const QPoint& pos);
    void refreshFolders();
    void showFolders(const QList<FolderRecord>& folders, qint64 total);
    void setGridScope(qint64 folderId);
    void onLanguageChanged(const QString& code);
    // kind: what the filter is, so its title follows a language switch.
    enum class Filter { Search, Similar };
    void showSearchResults(Filter kind, const QString& subject, const QVector<qint64>& ids);
    QString filterTitle() const;
    void clearSearch();

    QString m_library;
    LanguageManager* m_languages;
    View m_view = View::Grid;
    View m_viewBeforeViewer = View::Grid;
    qint64 m_folder = 0;
    qint64 m_totalPhotos = -1;
    ThumbnailLoader* m_loader;
    PhotoListModel* m_gridModel;
    PhotoListModel* m_timelineModel;
    ImportController* m_import;
    Sidebar* m_sidebar;
    QStackedWidget* m_pages;
    GridPage* m_grid;
    TimelinePage* m_timeline;
    ViewerPage* m_viewer;
    TagBrowserPage* m_tags;
    PlacesPage* m_places;
    PeoplePage* m_people;
    SearchBar* m_search;
    QPointer<DuplicatesDialog> m_duplicates;
    Filter m_filterKind = Filter::Search;
    QString m_filterSubject; // the query, or the file name of the photo compared
    bool m_similarRunning = false;
    InfoPanel* m_info;
    JobProgressWidget* m_progress;
    QLabel* m_status;
    QSplitter* m_splitter;
    bool m_foldersLoading = false;
    QHash<qint64, QString> m_folderNames;
    QStringList m_folderPaths;
    MainWindowActions* m_actions;
    std::unique_ptr<PhotoTagEditor> m_tagEditor; // after m_tags and m_info, which its callback uses
};

} // namespace shoebox
