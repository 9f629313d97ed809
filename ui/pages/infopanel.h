#pragma once
// The information panel beside the grid and the viewer: file details, capture details (EXIF), tags
// with their confidence, the files paired with it (RAW original, Live Photo motion) and other copies
// of the same photo. Reads the catalog off the UI thread.
// UI thread only.

#include "albums/markstore.h"
#include "catalog/photo.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

class QLabel;

namespace shoebox {

class PlaceIndex;
class PlaceMapWidget;

struct PhotoInfo {
    qint64 id = 0;
    std::optional<PhotoRecord> record;
    QList<PhotoRecord> exactCopies; // other files with the same bytes
    QList<PhotoRecord> partners; // its Live Photo MOV and its RAW original, when paired
    struct Tag {
        QString name;
        double confidence = 0; // 0..1; 1 for manual tags
        bool manual = false;
    };
    QList<Tag> tags;
    QString place; // "Town, Region, Country" in the panel's language; empty when none
    const PlaceIndex* placeIndex = nullptr; // the loaded place data, for the small map; null when none
    PhotoMarks marks;
    QStringList albums; // paths of the albums holding it
};

class InfoPanel : public QWidget {
    Q_OBJECT
public:
    // Fills a PhotoInfo on a worker thread (each call may use its own catalog connection).
    using Loader = std::function<PhotoInfo(const QString& libraryPath, qint64 photoId, const QString& language)>;

    explicit InfoPanel(QWidget* parent = nullptr);
    void setLibrary(const QString& libraryPath) { m_library = libraryPath; }
    void setLanguage(const QString& language);
    void setLoader(Loader loader) { m_loader = std::move(loader); }
    void showPhoto(qint64 photoId);
    qint64 photoId() const { return m_id; }
    QString text() const; // what the panel shows, as plain text (for tests)
    // The small map of where the photo was taken (hidden for photos without GPS).
    PlaceMapWidget* map() const { return m_map; }

    static PhotoInfo loadBasic(const QString& libraryPath, qint64 photoId, const QString& language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    QString html() const;
    QString tagsAndCopiesHtml() const;
    QString marksHtml() const;

    QString m_library;
    QString m_language = QStringLiteral("en");
    Loader m_loader = &InfoPanel::loadBasic;
    qint64 m_id = 0;
    PhotoInfo m_info;
    QFutureWatcher<PhotoInfo>* m_watcher = nullptr;
    void showMap();

    QLabel* m_label;
    PlaceMapWidget* m_map;
    const PlaceIndex* m_mapIndex = nullptr; // whose outlines the map has
};

} // namespace shoebox
