#pragma once
// The timeline: every photo in month sections under year headings (with counts), photos without a
// capture time in their own section at the end, and a scrubber beside the grid. UI thread only.

#include "catalog/photostore.h"
#include "thumbnailview/photogridview.h"

#include <QWidget>

namespace shoebox {

class PhotoListModel;
class ThumbnailLoader;
class TimelineScrubber;

class TimelinePage : public QWidget {
    Q_OBJECT
public:
    TimelinePage(PhotoListModel* model, ThumbnailLoader* loader, QWidget* parent = nullptr);

    PhotoGridView* view() const { return m_view; }
    TimelineScrubber* scrubber() const { return m_scrubber; }
    // Scrolls the grid to a month (index into the model's buckets).
    void showBucket(int bucket);

    static QVector<GridSection> sectionsFor(const QList<TimelineBucket>& buckets);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildSections();

    PhotoListModel* m_model;
    PhotoGridView* m_view;
    TimelineScrubber* m_scrubber;
};

} // namespace shoebox
