#pragma once
// The Places view: the library's places as a tree (countries, regions, towns with photo counts, in
// the chosen language) beside a map of the photos drawn by Shoebox. Activating a place or clicking a
// bubble asks the window to show those photos. Place data and counts load off the UI thread.
// UI thread only.

#include "places/placetree.h"
#include "places/reversegeocoder.h"

#include <QWidget>

class QLabel;
class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace shoebox {

class PlaceMapWidget;
class ThumbnailLoader;

class PlacesPage : public QWidget {
    Q_OBJECT
public:
    explicit PlacesPage(QWidget* parent = nullptr);

    void setLibrary(const QString& libraryPath);
    void setLanguage(const QString& language);
    void reload();
    bool isLoading() const;
    QTreeWidget* tree() const { return m_tree; }
    PlaceMapWidget* map() const { return m_map; }
    // Adds "Set Place…" and "Clear Place" for these photos to a photo's context menu.
    void addPlaceMenu(QMenu* menu, const QVector<qint64>& photoIds);
    // Sets a place typed by the user (a town, region or country in any language) on the photos, off
    // the UI thread; placeSet reports the outcome. An empty name clears their manual place.
    void setPlace(const QVector<qint64>& photoIds, const QString& name);
    // Sets a place picked on the map as the photos' manual place, off the UI thread.
    void setPlace(const QVector<qint64>& photoIds, const PlaceMatch& place);

Q_SIGNALS:
    // A search the window should run to show a place's photos ("place:FR", "place:\"Paris\"").
    void searchRequested(const QString& query);
    // Photos picked on the map, with a label for them.
    void photosRequested(const QString& label, const QVector<qint64>& photoIds);
    void loaded();
    // message: what was set, or why not (for the status bar).
    void placeSet(bool ok, const QString& message, const QVector<qint64>& photoIds);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Loaded;
    void present(const Loaded& data);
    void addNodes(QTreeWidgetItem* parent, const QList<PlaceNode>& nodes);
    void retranslate();

    QString m_library;
    QString m_language = QStringLiteral("en");
    bool m_loading = false;
    bool m_reloadAgain = false;
    QLabel* m_title;
    QLabel* m_hint;
    QTreeWidget* m_tree;
    PlaceMapWidget* m_map;
    ThumbnailLoader* m_thumbs; // the map's bubble thumbnails, apart from the grid's queue
};

} // namespace shoebox
