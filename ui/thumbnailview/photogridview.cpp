#include "thumbnailview/photogridview.h"

#include "thumbnailview/gridheaderpainter.h"
#include "thumbnailview/photolistmodel.h"
#include "thumbnailview/thumbnaildelegate.h"
#include "thumbnailview/thumbnailloader.h"
#include "tuning.h"

#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace shoebox {

PhotoGridView::PhotoGridView(ThumbnailLoader* loader, QWidget* parent)
    : QAbstractItemView(parent)
    , m_loader(loader)
    , m_delegate(new ThumbnailDelegate(loader, this))
    , m_thumb(tuning::kDefaultThumbnailSize)
{
    setItemDelegate(m_delegate);
    m_delegate->setThumbnailSize(m_thumb);
    setSelectionMode(ExtendedSelection);
    setSelectionBehavior(SelectItems);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setEditTriggers(NoEditTriggers);
    setDragDropMode(DragOnly); // photos dragged onto an album in the sidebar
    setMouseTracking(true);
    m_scheduleTimer.setSingleShot(true);
    m_scheduleTimer.setInterval(tuning::kScheduleDelayMs);
    connect(&m_scheduleTimer, &QTimer::timeout, this, &PhotoGridView::scheduleThumbnails);
    if (m_loader)
        connect(m_loader, &ThumbnailLoader::thumbnailReady, this, &PhotoGridView::onThumbnailReady);
}

void PhotoGridView::setModel(QAbstractItemModel* model)
{
    QAbstractItemView::setModel(model);
    if (!model)
        return;
    auto changed = [this] {
        relayout();
        viewport()->update();
        m_scheduleTimer.start();
    };
    connect(model, &QAbstractItemModel::modelReset, this, changed);
    connect(model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(model, &QAbstractItemModel::layoutChanged, this, changed);
    changed();
}

void PhotoGridView::setThumbnailSize(int size)
{
    size = std::clamp(size, tuning::kMinThumbnailSize, tuning::kMaxThumbnailSize);
    if (size == m_thumb)
        return;
    // Keep the photo at the top of the viewport where it is while the cells grow or shrink.
    const QModelIndex anchor = indexAt(QPoint(m_left + cellSize() / 2, cellSize() / 2));
    m_thumb = size;
    m_delegate->setThumbnailSize(size);
    relayout();
    if (anchor.isValid())
        scrollTo(anchor, PositionAtTop);
    viewport()->update();
    m_scheduleTimer.start();
}

void PhotoGridView::setSections(const QVector<GridSection>& sections)
{
    m_sections = sections;
    relayout();
    viewport()->update();
}

int PhotoGridView::cellSize() const
{
    return m_thumb + 2 * tuning::kCellSpacing;
}

void PhotoGridView::relayout()
{
    const int rowCount = model() ? model()->rowCount(rootIndex()) : 0;
    const int cell = cellSize();
    m_columns = std::max(1, viewport()->width() / cell);
    m_left = std::max(0, (viewport()->width() - m_columns * cell) / 2);

    QVector<GridSection> sections = m_sections;
    int covered = 0;
    for (const GridSection& s : sections) {
        if (s.first != covered || s.count <= 0) {
            covered = -1;
            break;
        }
        covered += s.count;
    }
    if (covered != rowCount) {
        sections.clear();
        if (rowCount > 0)
            sections.append(GridSection { QString(), QString(), QString(), 0, rowCount });
    }
    m_layout.clear();
    m_layout.reserve(sections.size());
    int y = 0;
    for (const GridSection& s : sections) {
        Placed p;
        p.section = s;
        p.y = y;
        p.header = s.title.isEmpty() ? 0
            : s.yearTitle.isEmpty()  ? tuning::kMonthHeaderHeight
                                     : tuning::kYearHeaderHeight;
        p.rows = (s.count + m_columns - 1) / m_columns;
        y += p.header + p.rows * cell;
        m_layout.append(p);
    }
    m_total = y;
    verticalScrollBar()->setRange(0, std::max(0, m_total - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(std::max(1, cell / 3));
}

void PhotoGridView::updateGeometries()
{
    relayout();
    QAbstractItemView::updateGeometries();
    m_scheduleTimer.start();
}

int PhotoGridView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

int PhotoGridView::sectionOfRow(int row) const
{
    auto it = std::upper_bound(
        m_layout.cbegin(), m_layout.cend(), row, [](int r, const Placed& p) { return r < p.section.first; });
    return it == m_layout.cbegin() ? -1 : int(it - m_layout.cbegin()) - 1;
}

int PhotoGridView::sectionAtY(int y) const
{
    auto it = std::upper_bound(m_layout.cbegin(), m_layout.cend(), y, [](int v, const Placed& p) { return v < p.y; });
    return it == m_layout.cbegin() ? (m_layout.isEmpty() ? -1 : 0) : int(it - m_layout.cbegin()) - 1;
}

int PhotoGridView::topSection() const
{
    return sectionAtY(verticalOffset());
}

void PhotoGridView::scrollToSection(int section)
{
    if (section < 0 || section >= m_layout.size())
        return;
    verticalScrollBar()->setValue(m_layout[section].y);
    emitTopSectionIfChanged();
}

QRect PhotoGridView::contentRect(int row) const
{
    const int s = sectionOfRow(row);
    if (s < 0)
        return {};
    const Placed& p = m_layout[s];
    const int i = row - p.section.first;
    if (i >= p.section.count)
        return {};
    const int cell = cellSize();
    return { m_left + (i % m_columns) * cell, p.y + p.header + (i / m_columns) * cell, cell, cell };
}

QRect PhotoGridView::visualRect(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    return contentRect(index.row()).translated(0, -verticalOffset());
}

QModelIndex PhotoGridView::indexAt(const QPoint& point) const
{
    if (!model())
        return {};
    const int y = point.y() + verticalOffset();
    const int s = sectionAtY(y);
    if (s < 0)
        return {};
    const Placed& p = m_layout[s];
    const int cell = cellSize();
    const int inside = y - p.y - p.header;
    const int x = point.x() - m_left;
    if (inside < 0 || x < 0 || x >= m_columns * cell)
        return {};
    const int i = (inside / cell) * m_columns + x / cell;
    if (i >= p.section.count)
        return {};
    return model()->index(p.section.first + i, 0, rootIndex());
}

void PhotoGridView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    const QRect r = contentRect(index.row());
    const int s = sectionOfRow(index.row());
    // A row right under its header scrolls so that the header shows too.
    const int top = (s >= 0 && r.top() - m_layout[s].header == m_layout[s].y) ? m_layout[s].y : r.top();
    const int height = viewport()->height();
    int value = verticalOffset();
    switch (hint) {
    case PositionAtTop:
        value = top;
        break;
    case PositionAtBottom:
        value = r.bottom() - height;
        break;
    case PositionAtCenter:
        value = r.center().y() - height / 2;
        break;
    case EnsureVisible:
        if (top < value)
            value = top;
        else if (r.bottom() > value + height)
            value = r.bottom() + 1 - height;
        break;
    }
    verticalScrollBar()->setValue(value);
}

QModelIndex PhotoGridView::step(int row, int dRows) const
{
    // Moves whole grid rows, keeping the column, across section boundaries.
    int s = sectionOfRow(row);
    if (s < 0)
        return {};
    int i = row - m_layout[s].section.first;
    int col = i % m_columns;
    int r = i / m_columns + dRows;
    while (r < 0 && s > 0) {
        --s;
        r += m_layout[s].rows;
    }
    while (r >= m_layout[s].rows && s + 1 < m_layout.size()) {
        r -= m_layout[s].rows;
        ++s;
    }
    r = std::clamp(r, 0, m_layout[s].rows - 1);
    i = std::min(r * m_columns + col, m_layout[s].section.count - 1);
    return model()->index(m_layout[s].section.first + i, 0, rootIndex());
}

QModelIndex PhotoGridView::moveCursor(CursorAction action, Qt::KeyboardModifiers)
{
    if (!model() || model()->rowCount(rootIndex()) == 0)
        return {};
    const int last = model()->rowCount(rootIndex()) - 1;
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return model()->index(0, 0, rootIndex());
    const int row = current.row();
    const int pageRows = std::max(1, viewport()->height() / cellSize());
    switch (action) {
    case MoveLeft:
    case MovePrevious:
        return model()->index(std::max(0, row - 1), 0, rootIndex());
    case MoveRight:
    case MoveNext:
        return model()->index(std::min(last, row + 1), 0, rootIndex());
    case MoveUp:
        return step(row, -1);
    case MoveDown:
        return step(row, 1);
    case MovePageUp:
        return step(row, -pageRows);
    case MovePageDown:
        return step(row, pageRows);
    case MoveHome:
        return model()->index(0, 0, rootIndex());
    case MoveEnd:
        return model()->index(last, 0, rootIndex());
    }
    return current;
}

void PhotoGridView::setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags flags)
{
    if (!model() || !selectionModel())
        return;
    const QRect area = rect.normalized().translated(0, verticalOffset());
    const int cell = cellSize();
    const int c0 = std::clamp((area.left() - m_left) / cell, 0, m_columns - 1);
    const int c1 = std::clamp((area.right() - m_left) / cell, 0, m_columns - 1);
    QItemSelection selection;
    for (int s = std::max(0, sectionAtY(area.top())); s < m_layout.size() && m_layout[s].y <= area.bottom(); ++s) {
        const Placed& p = m_layout[s];
        const int top = p.y + p.header;
        const int r0 = std::max(0, (area.top() - top) / cell);
        const int r1 = std::min(p.rows - 1, (area.bottom() - top) / cell);
        for (int r = r0; r <= r1 && area.bottom() >= top; ++r) {
            const int first = r * m_columns + c0;
            const int last = std::min(r * m_columns + c1, p.section.count - 1);
            if (first <= last)
                selection.select(model()->index(p.section.first + first, 0, rootIndex()),
                    model()->index(p.section.first + last, 0, rootIndex()));
        }
    }
    selectionModel()->select(selection, flags);
}

QRegion PhotoGridView::visualRegionForSelection(const QItemSelection& selection) const
{
    // Only what can be on screen matters for repainting; huge ranges are clipped to the viewport.
    const QModelIndex top = indexAt(QPoint(m_left + 1, 1));
    const int firstVisible = top.isValid() ? top.row() : 0;
    const int lastVisible = firstVisible + (viewport()->height() / cellSize() + 2) * m_columns;
    QRegion region;
    for (const QItemSelectionRange& range : selection) {
        const int from = std::max(range.top(), firstVisible - m_columns);
        const int to = std::min(range.bottom(), lastVisible);
        for (int row = from; row <= to; ++row)
            region += contentRect(row).translated(0, -verticalOffset());
    }
    return region;
}

QVector<int> PhotoGridView::wantedRows() const
{
    QVector<int> rows;
    if (m_layout.isEmpty())
        return rows;
    const int cell = cellSize();
    const int viewTop = verticalOffset();
    const int viewBottom = viewTop + viewport()->height();
    const int margin = int(viewport()->height() * tuning::kPrefetchViewports);
    struct Wanted {
        int distance;
        int row;
    };
    QVector<Wanted> wanted;
    for (int s = std::max(0, sectionAtY(viewTop - margin)); s < m_layout.size(); ++s) {
        const Placed& p = m_layout[s];
        if (p.y > viewBottom + margin)
            break;
        for (int r = 0; r < p.rows; ++r) {
            const int y0 = p.y + p.header + r * cell;
            if (y0 + cell < viewTop - margin)
                continue;
            if (y0 > viewBottom + margin)
                break;
            const int distance = y0 + cell <= viewTop ? viewTop - (y0 + cell) : y0 >= viewBottom ? y0 - viewBottom : 0;
            for (int c = 0; c < m_columns; ++c) {
                const int i = r * m_columns + c;
                if (i >= p.section.count)
                    break;
                wanted.append({ distance, p.section.first + i });
            }
        }
    }
    std::stable_sort(
        wanted.begin(), wanted.end(), [](const Wanted& a, const Wanted& b) { return a.distance < b.distance; });
    rows.reserve(wanted.size());
    for (const Wanted& w : wanted)
        rows.append(w.row);
    return rows;
}

void PhotoGridView::scheduleThumbnails()
{
    // Views share one loader and a schedule replaces the queue: only the view on screen may schedule.
    if (!m_loader || !model() || !isVisible())
        return;
    const QVector<int> rows = wantedRows();
    QVector<ThumbnailLoader::Request> requests;
    requests.reserve(rows.size());
    for (int row : rows) {
        const qint64 id = model()->index(row, 0, rootIndex()).data(PhotoListModel::PhotoIdRole).toLongLong();
        if (id > 0)
            requests.append({ id, row });
    }
    m_loader->schedule(requests, ThumbnailDelegate::pixelSize(m_thumb, devicePixelRatioF()));
}

void PhotoGridView::onThumbnailReady(qint64 photoId, int row)
{
    if (!model() || row < 0 || row >= model()->rowCount(rootIndex()))
        return;
    const QModelIndex index = model()->index(row, 0, rootIndex());
    if (index.data(PhotoListModel::PhotoIdRole).toLongLong() == photoId)
        viewport()->update(visualRect(index));
}

void PhotoGridView::showEvent(QShowEvent* event)
{
    QAbstractItemView::showEvent(event);
    m_scheduleTimer.start();
}

void PhotoGridView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx);
    // Pinned headers make a blit-scroll wrong at the top edge; repaint the viewport instead.
    Q_UNUSED(dy);
    viewport()->update();
    m_scheduleTimer.start();
    emitTopSectionIfChanged();
}

void PhotoGridView::emitTopSectionIfChanged()
{
    const int top = topSection();
    if (top != m_lastTop) {
        m_lastTop = top;
        Q_EMIT topSectionChanged(top);
    }
}

void PhotoGridView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            Q_EMIT zoomRequested(steps);
        event->accept();
        return;
    }
    QAbstractItemView::wheelEvent(event);
}

void PhotoGridView::paintHeader(QPainter& p, const Placed& s, int top, bool pinned) const
{
    const QRect band(0, top, viewport()->width(), s.header);
    GridHeaderPainter::paint(p, s.section, band, m_left + tuning::kCellSpacing, font(), palette(), pinned);
}

void PhotoGridView::paintEvent(QPaintEvent* event)
{
    QPainter p(viewport());
    p.fillRect(event->rect(), palette().color(QPalette::Base));
    if (!model() || m_layout.isEmpty())
        return;
    const int offset = verticalOffset();
    const QRect exposed = event->rect().translated(0, offset);
    const int cell = cellSize();
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QModelIndex current = currentIndex();
    QItemSelectionModel* selection = selectionModel();
    for (int s = std::max(0, sectionAtY(exposed.top())); s < m_layout.size(); ++s) {
        const Placed& placed = m_layout[s];
        if (placed.y > exposed.bottom())
            break;
        if (placed.header > 0 && placed.y + placed.header >= exposed.top())
            paintHeader(p, placed, placed.y - offset, false);
        const int gridTop = placed.y + placed.header;
        const int r0 = std::max(0, (exposed.top() - gridTop) / cell);
        const int r1 = std::min(placed.rows - 1, (exposed.bottom() - gridTop) / cell);
        for (int r = r0; r <= r1; ++r) {
            for (int c = 0; c < m_columns; ++c) {
                const int i = r * m_columns + c;
                if (i >= placed.section.count)
                    break;
                const QModelIndex index = model()->index(placed.section.first + i, 0, rootIndex());
                option.rect = QRect(m_left + c * cell, gridTop + r * cell - offset, cell, cell);
                option.state = QStyle::State_Enabled;
                if (selection && selection->isSelected(index))
                    option.state |= QStyle::State_Selected;
                if (index == current && hasFocus())
                    option.state |= QStyle::State_HasFocus;
                itemDelegate()->paint(&p, option, index);
            }
        }
    }
    const int top = topSection();
    if (top >= 0 && m_layout[top].header > 0 && m_layout[top].y < offset)
        paintHeader(p, m_layout[top], 0, true);
}

} // namespace shoebox
