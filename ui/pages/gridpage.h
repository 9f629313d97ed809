#pragma once
// The library grid: photos of the whole library, one folder or a search result, newest first, with a
// title, a count and a zoom slider; the first-run invitation while the library is empty.
// UI thread only.

#include <QWidget>

class QLabel;
class QSlider;
class QStackedWidget;

namespace shoebox {

class EmptyLibraryWidget;
class PhotoGridView;
class PhotoListModel;
class ThumbnailLoader;

class GridPage : public QWidget {
    Q_OBJECT
public:
    GridPage(PhotoListModel* model, ThumbnailLoader* loader, QWidget* parent = nullptr);

    PhotoGridView* view() const { return m_view; }
    PhotoListModel* model() const { return m_model; }
    // Title for the scope shown ("All Photos", a folder, a search); set again after a language change.
    void setTitle(const QString& title);
    void zoomBy(int steps);
    // Whether the library has no photos at all (not just this scope).
    void setLibraryEmpty(bool empty);

Q_SIGNALS:
    void chooseFoldersRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateCount();
    void updateEmptyState();

    PhotoListModel* m_model;
    PhotoGridView* m_view;
    EmptyLibraryWidget* m_empty;
    QStackedWidget* m_stack;
    QLabel* m_title;
    QLabel* m_count;
    QSlider* m_zoom;
    bool m_libraryEmpty = false;
};

} // namespace shoebox
