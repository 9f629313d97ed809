#pragma once
// Paints one grid cell: the thumbnail from the loader's cache (never loading on the UI thread),
// a placeholder while it loads or when it cannot be read, the Live/RAW badge and the selection.
// UI thread only.

#include <QStyledItemDelegate>

namespace shoebox {

class ThumbnailLoader;

class ThumbnailDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ThumbnailDelegate(ThumbnailLoader* loader, QObject* parent = nullptr);
    void setThumbnailSize(int size) { m_size = size; }
    int thumbnailSize() const { return m_size; }
    // The thumbnail's size in device pixels for a screen's device pixel ratio.
    static int pixelSize(int size, qreal devicePixelRatio) { return qRound(size * devicePixelRatio); }
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    void paintBadge(QPainter* painter, const QStyleOptionViewItem& option, const QRect& box, const QString& text) const;

    ThumbnailLoader* m_loader;
    int m_size = 160;
};

} // namespace shoebox
