#include "thumbnailview/thumbnaildelegate.h"

#include "thumbnailview/markbadgepainter.h"
#include "thumbnailview/photolistmodel.h"
#include "thumbnailview/thumbnailloader.h"
#include "tuning.h"

#include <algorithm>

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPolygon>

namespace shoebox {

namespace {

// "0:07", "12:40", "1:02:03": how long a video runs, as video players write it.
QString durationText(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// A play triangle and the duration in the bottom-right corner of a video's thumbnail.
void paintDurationBadge(QPainter* painter, const QRect& thumb, qint64 ms, const QFont& font)
{
    QFont small = font;
    small.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.85));
    painter->setFont(small);
    const QString text = durationText(ms);
    const QFontMetrics fm(small);
    const int h = fm.height() + 2, tri = h / 2;
    const QRect badge(thumb.right() - fm.horizontalAdvance(text) - tri - 12, thumb.bottom() - h - 3,
        fm.horizontalAdvance(text) + tri + 9, h);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 160));
    painter->drawRoundedRect(badge, 3, 3);
    painter->setBrush(Qt::white);
    const int x = badge.left() + 4, y = badge.center().y();
    painter->drawPolygon(QPolygon({ QPoint(x, y - tri / 2), QPoint(x, y + tri / 2), QPoint(x + tri - 1, y) }));
    painter->setPen(Qt::white);
    painter->drawText(badge.adjusted(tri + 5, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
}

} // namespace

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
    // On a High-DPI screen the loader made the thumbnail in device pixels (PhotoGridView asks for them).
    const qreal dpr = painter->device()->devicePixelRatioF();
    const int pixels = pixelSize(m_size, dpr);
    QImage image = m_loader ? m_loader->cached(id, pixels) : QImage();
    image.setDevicePixelRatio(dpr);
    QRect marks = box; // the marks sit on the picture's corners once it is there
    if (!image.isNull()) {
        const QSize logical = image.deviceIndependentSize().toSize();
        QSize s = logical.scaled(box.size(), Qt::KeepAspectRatio);
        if (logical.width() <= box.width() && logical.height() <= box.height())
            s = logical;
        const QRect target(
            box.center().x() - s.width() / 2 + 1, box.center().y() - s.height() / 2 + 1, s.width(), s.height());
        painter->drawImage(target, image);
        marks = target;
        if (const qint64 ms = index.data(PhotoListModel::DurationRole).toLongLong(); ms > 0)
            paintDurationBadge(painter, target, ms, option.font);
    } else {
        // Placeholder: a quiet tile; a failed load gets a diagonal so it reads as "broken", not "loading".
        QColor base = option.palette.color(QPalette::Base).darker(108);
        painter->setPen(Qt::NoPen);
        painter->setBrush(base);
        const QRect tile = box.adjusted(box.width() / 10, box.height() / 10, -box.width() / 10, -box.height() / 10);
        painter->drawRoundedRect(tile, 4, 4);
        if (m_loader && m_loader->hasResult(id, pixels)) {
            painter->setPen(QPen(option.palette.color(QPalette::Mid), 2));
            painter->drawLine(tile.topLeft(), tile.bottomRight());
        }
    }
    if (const QString badge = index.data(PhotoListModel::BadgeRole).toString(); !badge.isEmpty())
        paintBadge(painter, option, box, badge);
    MarkBadgePainter::paint(painter, marks, option.font, index.data(PhotoListModel::FavouriteRole).toBool(),
        index.data(PhotoListModel::RatingRole).toInt(), index.data(PhotoListModel::FlagRole).toInt());
    if (option.state & QStyle::State_HasFocus) {
        QPen pen(option.palette.color(QPalette::Highlight), 2);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(option.rect.adjusted(2, 2, -2, -2), 6, 6);
    }
    painter->restore();
}

} // namespace shoebox
