#pragma once
// A uniform thumbnail grid for very large lists (a million rows): layout, hit testing and painting
// are computed from the cell size, never per item. Optional sections (timeline months) start on a
// new grid row under a header; the header of the section at the top stays pinned while scrolling.
// Asks the ThumbnailLoader only for rows in and near the viewport, nearest first. UI thread only.

#include <QAbstractItemView>
#include <QTimer>
#include <QVector>

namespace shoebox {

class ThumbnailLoader;
class ThumbnailDelegate;

struct GridSection {
    QString title; // "July 2019"; empty for a plain grid
    QString yearTitle; // set on the first month of a year: "2019 · 1,234 photos"
    QString countText; // "56 photos"
    int first = 0; // first row
    int count = 0;
};

class PhotoGridView : public QAbstractItemView {
    Q_OBJECT
public:
    explicit PhotoGridView(ThumbnailLoader* loader, QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    void setThumbnailSize(int size);
    int thumbnailSize() const { return m_thumb; }
    // Sections must cover the rows in order; anything else falls back to one plain section.
    void setSections(const QVector<GridSection>& sections);
    int sectionCount() const { return int(m_layout.size()); }
    int sectionOfRow(int row) const;
    int topSection() const;
    void scrollToSection(int section);
    // Rows wanted on screen, nearest the viewport first, the visible ones before the prefetched.
    QVector<int> wantedRows() const;
    int columnCount() const { return m_columns; }

    QRect visualRect(const QModelIndex& index) const override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint& point) const override;

Q_SIGNALS:
    void topSectionChanged(int section);
    void zoomRequested(int steps);

protected:
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override { return 0; }
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex&) const override { return false; }
    void setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags flags) override;
    QRegion visualRegionForSelection(const QItemSelection& selection) const override;
    void updateGeometries() override;
    void paintEvent(QPaintEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct Placed {
        GridSection section;
        int y = 0; // content coordinates of the header's top
        int header = 0; // header height
        int rows = 0; // grid rows
    };
    void relayout();
    int cellSize() const;
    QRect contentRect(int row) const;
    int sectionAtY(int y) const;
    void paintHeader(QPainter& p, const Placed& s, int top, bool pinned) const;
    void scheduleThumbnails();
    void onThumbnailReady(qint64 photoId, int row);
    void emitTopSectionIfChanged();
    QModelIndex step(int row, int dRows) const;

    ThumbnailLoader* m_loader;
    ThumbnailDelegate* m_delegate;
    QVector<GridSection> m_sections;
    QVector<Placed> m_layout;
    int m_thumb;
    int m_columns = 1;
    int m_left = 0;
    int m_total = 0;
    int m_lastTop = -1;
    QTimer m_scheduleTimer;
};

} // namespace shoebox
