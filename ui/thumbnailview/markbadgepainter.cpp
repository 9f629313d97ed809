#include "thumbnailview/markbadgepainter.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace shoebox {

namespace {

// A heart drawn as a path, so it needs no emoji font (offscreen and minimal desktops lack one).
QPainterPath heart(const QRectF& r)
{
    QPainterPath p;
    const double w = r.width(), h = r.height();
    p.moveTo(r.left() + w / 2, r.top() + h * 0.95);
    p.cubicTo(r.left() - w * 0.1, r.top() + h * 0.45, r.left() + w * 0.15, r.top() - h * 0.1, r.left() + w / 2,
        r.top() + h * 0.25);
    p.cubicTo(r.left() + w * 0.85, r.top() - h * 0.1, r.left() + w * 1.1, r.top() + h * 0.45, r.left() + w / 2,
        r.top() + h * 0.95);
    return p;
}

void backdrop(QPainter* painter, const QRect& r)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 150));
    painter->drawRoundedRect(r, 3, 3);
}

} // namespace

void MarkBadgePainter::paint(
    QPainter* painter, const QRect& box, const QFont& font, bool favourite, int rating, int flag)
{
    QFont small = font;
    small.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.8));
    small.setBold(true);
    const QFontMetrics fm(small);
    const int h = fm.height() + 2;
    int right = box.right() - 4;
    if (favourite) {
        const QRect r(right - h, box.top() + 4, h, h);
        backdrop(painter, r);
        painter->setBrush(QColor(235, 64, 90));
        painter->drawPath(heart(QRectF(r).adjusted(2, 2.5, -2, -1.5)));
        right = r.left() - 3;
    }
    if (flag != 0) {
        const QRect r(right - h, box.top() + 4, h, h);
        backdrop(painter, r);
        painter->setFont(small);
        painter->setPen(flag > 0 ? QColor(120, 220, 120) : QColor(255, 110, 100));
        painter->drawText(r, Qt::AlignCenter, flag > 0 ? QStringLiteral("\u2713") : QStringLiteral("\u2715"));
    }
    if (rating > 0) {
        const QString stars = QString(rating, QChar(0x2605));
        const QRect r(box.left() + 4, box.bottom() - h - 3, fm.horizontalAdvance(stars) + 8, h);
        backdrop(painter, r);
        painter->setFont(small);
        painter->setPen(QColor(255, 204, 64));
        painter->drawText(r, Qt::AlignCenter, stars);
    }
}

} // namespace shoebox
