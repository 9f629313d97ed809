#pragma once
// The side-by-side compare of one duplicate group: each member's picture (zoom and pan follow each
// other), its pixels, file size, format, capture date, camera (EXIF) and sharpness with the values
// that differ highlighted and the best one marked, a Keep choice with the engine's keeper preselected,
// and the reasons the engine gave. Every member is shown: a group wider than the strip scrolls. When
// the engine compared part of a picture (inside a frame, a padded square's band:
// DuplicateGroup::compared), that part is outlined. Member details are read
// off the UI thread. UI thread only.

#include "catalog/photo.h"
#include "duplicates/duplicatetypes.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QScrollArea;

namespace shoebox {

class ImageView;
class RegionOutline;

struct CompareMember {
    PhotoRecord record;
    float sharpness = -1.f;
};

class DuplicateCompare : public QWidget {
    Q_OBJECT
public:
    explicit DuplicateCompare(QWidget* parent = nullptr);
    ~DuplicateCompare() override;

    void setLibrary(const QString& libraryPath) { m_library = libraryPath; }
    void setGroup(const DuplicateGroup& group);
    void clear();
    // Index into the group's members of the photo to keep.
    int keeper() const;
    void setKeeper(int member);
    const QList<ImageView*>& views() const { return m_views; }
    // One per view, in the same order; outlined where the engine compared the inside of a frame.
    const QList<RegionOutline*>& outlines() const { return m_outlines; }
    QScrollArea* strip() const { return m_scroll; }
    QString reasonsText() const;
    bool isLoading() const { return m_watcher != nullptr; }
    // Attribute rows ("size", "format", ...) whose values differ between members.
    QStringList differences() const { return m_differences; }

    static QList<CompareMember> load(const QString& libraryPath, const QVector<qint64>& ids);

Q_SIGNALS:
    void keeperChanged(int member);

private:
    void showMembers(const QList<CompareMember>& members);
    void addPicture(int column, const CompareMember& member, const QList<CompareMember>& members);
    void showReasons();
    void addRow(int row, const QString& key, const QString& label, const QStringList& values, const QList<int>& best);
    void followView(ImageView* source);

    QString m_library;
    DuplicateGroup m_group;
    QList<ImageView*> m_views;
    QList<RegionOutline*> m_outlines;
    QList<QWidget*> m_cells;
    QStringList m_differences;
    QScrollArea* m_scroll;
    QWidget* m_strip;
    QGridLayout* m_grid;
    QButtonGroup* m_keep;
    QLabel* m_reasons;
    QFutureWatcher<QList<CompareMember>>* m_watcher = nullptr;
    bool m_syncing = false;
};

} // namespace shoebox
