#include "thumbnailview/thumbnaildelegate.h"

#include "thumbnailview/photolistmodel.h"
#include "thumbnailview/thumbnailloader.h"
#include "tuning.h"

#include <QPainter>
#include <QPainterPath>

namespace shoebox {

ThumbnailDelegate::ThumbnailDelegate(ThumbnailLoader* loader, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_loader(loader)
{
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const
{
    const int cell = m_size + 2 * tuning::kCellSpacing;
    return { cell, cell };
}

// A small label in the cell's top-left corner: the photo moves (Live) or has its RAW original.
void ThumbnailDelegate::paintBadge(
    QPainter* painter, const QStyleOptionViewItem& option, const QRect& box, const QString& text) const
{
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.8);
    font.setBold(true);
    const QFontMetrics fm(font);
    const QRect label(box.left() + 4, box.top() + 4, fm.horizontalAdvance(text) + 8, fm.height() + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 150));
    painter->drawRoundedRect(label, 3, 3);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(label, Qt::AlignCenter, text);
}

void ThumbnailDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const qint64 id = index.data(PhotoListModel::PhotoIdRole).toLongLong();
    const QRect box = option.rect.adjusted(
        tuning::kCellSpacing, tuning::kCellSpacing, -tuning::kCellSpacing, -tuning::kCellSpacing);
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (selected) {
        QColor highlight = option.palette.color(QPalette::Highlight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(highlight);
        painter->drawRoundedRect(option.rect.adjusted(2, 2, -2, -2), 6, 6);
    }
    const QImage image = m_loader ? m_loader->cached(id, m_size) : QImage();
    if (!image.isNull()) {
        QSize s = image.size().scaled(box.size(), Qt::KeepAspectRatio);
        if (image.width() <= box.width() && image.height() <= box.height())
            s = image.size();
        const QRect target(
            box.center().x() - s.width() / 2 + 1, box.center().y() - s.height() / 2 + 1, s.width(), s.height());
        painter->drawImage(target, image);
    } else {
        // Placeholder: a quiet tile; a failed load gets a diagonal so it reads as "broken", not "loading".
        QColor base = option.palette.color(QPalette::Base).darker(108);
        painter->setPen(Qt::NoPen);
        painter->setBrush(base);
        const QRect tile = box.adjusted(box.width() / 10, box.height() / 10, -box.width() / 10, -box.height() / 10);
        painter->drawRoundedRect(tile, 4, 4);
        if (m_loader && m_loader->hasResult(id, m_size)) {
            painter->setPen(QPen(option.palette.color(QPalette::Mid), 2));
            painter->drawLine(tile.topLeft(), tile.bottomRight());
        }
    }
    if (const QString badge = index.data(PhotoListModel::BadgeRole).toString(); !badge.isEmpty())
        paintBadge(painter, option, box, badge);
    if (option.state & QStyle::State_HasFocus) {
        QPen pen(option.palette.color(QPalette::Highlight), 2);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(option.rect.adjusted(2, 2, -2, -2), 6, 6);
    }
    painter->restore();
}

} // namespace shoebox
