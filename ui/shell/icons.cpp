#include "shell/icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <functional>

namespace shoebox::icons {

namespace {

using Painter = std::function<void(QPainter&, double)>; // draws into a unit square scaled by size

QIcon paint(const Painter& draw)
{
    QIcon icon;
    for (int size : { 16, 24, 32, 48, 64 }) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        draw(p, size);
        icon.addPixmap(pm);
    }
    return icon;
}

const QColor kInk(0x4a, 0x55, 0x68);
const QColor kAccent(0xd9, 0x7b, 0x2b);

QPen ink(double s)
{
    return QPen(kInk, std::max(1.2, s / 14), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

void drawBox(QPainter& p, double s)
{
    // A cardboard shoebox with a photo sticking out: the app's mark.
    const QRectF photo(s * 0.24, s * 0.10, s * 0.52, s * 0.42);
    p.setPen(QPen(QColor(0x33, 0x33, 0x33), std::max(1.0, s / 40)));
    p.setBrush(Qt::white);
    p.save();
    p.translate(photo.center());
    p.rotate(-8);
    p.translate(-photo.center());
    p.drawRect(photo);
    p.fillRect(photo.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.10), QColor(0x6f, 0xa8, 0xdc));
    QPainterPath hill;
    hill.moveTo(photo.left() + s * 0.04, photo.bottom() - s * 0.10);
    hill.lineTo(photo.center().x() - s * 0.05, photo.top() + s * 0.16);
    hill.lineTo(photo.right() - s * 0.04, photo.bottom() - s * 0.10);
    p.fillPath(hill, QColor(0x5d, 0x9c, 0x59));
    p.restore();
    p.setPen(QPen(QColor(0x8a, 0x5a, 0x2b), std::max(1.0, s / 40)));
    p.setBrush(kAccent);
    p.drawRoundedRect(QRectF(s * 0.08, s * 0.44, s * 0.84, s * 0.48), s * 0.05, s * 0.05);
    p.setBrush(kAccent.darker(115));
    p.drawRoundedRect(QRectF(s * 0.04, s * 0.38, s * 0.92, s * 0.14), s * 0.04, s * 0.04);
    p.fillRect(QRectF(s * 0.40, s * 0.60, s * 0.20, s * 0.08), kAccent.lighter(130));
}

} // namespace

QPixmap appPixmap(int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    drawBox(p, size);
    return pm;
}

QIcon app()
{
    return paint(drawBox);
}

QIcon photos()
{
    return paint([](QPainter& p, double s) {
        p.setPen(ink(s));
        p.setBrush(Qt::NoBrush);
        for (int i = 0; i < 4; ++i)
            p.drawRoundedRect(QRectF(s * (0.12 + 0.42 * (i % 2)), s * (0.12 + 0.42 * (i / 2)), s * 0.32, s * 0.32),
                s * 0.05, s * 0.05);
    });
}

QIcon timeline()
{
    return paint([](QPainter& p, double s) {
        p.setPen(ink(s));
        p.drawLine(QPointF(s * 0.25, s * 0.12), QPointF(s * 0.25, s * 0.88));
        for (int i = 0; i < 3; ++i) {
            const double y = s * (0.22 + 0.28 * i);
            p.setBrush(i == 0 ? kAccent : kInk);
            p.drawEllipse(QPointF(s * 0.25, y), s * 0.07, s * 0.07);
            p.drawLine(QPointF(s * 0.42, y), QPointF(s * 0.86, y));
        }
    });
}

QIcon tag()
{
    return paint([](QPainter& p, double s) {
        QPainterPath path;
        path.moveTo(s * 0.12, s * 0.14);
        path.lineTo(s * 0.50, s * 0.14);
        path.lineTo(s * 0.88, s * 0.52);
        path.lineTo(s * 0.52, s * 0.88);
        path.lineTo(s * 0.12, s * 0.50);
        path.closeSubpath();
        p.setPen(ink(s));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setBrush(kInk);
        p.drawEllipse(QPointF(s * 0.32, s * 0.33), s * 0.06, s * 0.06);
    });
}

QIcon people()
{
    return paint([](QPainter& p, double s) {
        // A head and shoulders.
        p.setPen(ink(s));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(s * 0.50, s * 0.32), s * 0.17, s * 0.17);
        QPainterPath shoulders;
        shoulders.moveTo(s * 0.16, s * 0.90);
        shoulders.cubicTo(s * 0.16, s * 0.62, s * 0.84, s * 0.62, s * 0.84, s * 0.90);
        p.drawPath(shoulders);
    });
}

QIcon place()
{
    return paint([](QPainter& p, double s) {
        // A map pin: a circle narrowing to a point, with a hole.
        QPainterPath path;
        path.moveTo(s * 0.50, s * 0.92);
        path.cubicTo(s * 0.30, s * 0.62, s * 0.18, s * 0.50, s * 0.18, s * 0.38);
        path.arcTo(QRectF(s * 0.18, s * 0.06, s * 0.64, s * 0.64), 180, -180);
        path.cubicTo(s * 0.82, s * 0.50, s * 0.70, s * 0.62, s * 0.50, s * 0.92);
        p.setPen(ink(s));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.drawEllipse(QPointF(s * 0.50, s * 0.38), s * 0.11, s * 0.11);
    });
}

QIcon folder()
{
    return paint([](QPainter& p, double s) {
        QPainterPath path;
        path.moveTo(s * 0.08, s * 0.24);
        path.lineTo(s * 0.38, s * 0.24);
        path.lineTo(s * 0.46, s * 0.34);
        path.lineTo(s * 0.92, s * 0.34);
        path.lineTo(s * 0.92, s * 0.82);
        path.lineTo(s * 0.08, s * 0.82);
        path.closeSubpath();
        p.setPen(ink(s));
        p.setBrush(QColor(0xf0, 0xc8, 0x6a));
        p.drawPath(path);
    });
}

QIcon back()
{
    return paint([](QPainter& p, double s) {
        p.setPen(ink(s));
        p.drawLine(QPointF(s * 0.20, s * 0.5), QPointF(s * 0.82, s * 0.5));
        p.drawLine(QPointF(s * 0.20, s * 0.5), QPointF(s * 0.44, s * 0.26));
        p.drawLine(QPointF(s * 0.20, s * 0.5), QPointF(s * 0.44, s * 0.74));
    });
}

QIcon duplicates()
{
    return paint([](QPainter& p, double s) {
        p.setPen(ink(s));
        p.setBrush(Qt::white);
        p.drawRoundedRect(QRectF(s * 0.30, s * 0.10, s * 0.56, s * 0.56), s * 0.06, s * 0.06);
        p.drawRoundedRect(QRectF(s * 0.14, s * 0.32, s * 0.56, s * 0.56), s * 0.06, s * 0.06);
    });
}

QIcon search()
{
    return paint([](QPainter& p, double s) {
        p.setPen(ink(s));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(s * 0.42, s * 0.42), s * 0.26, s * 0.26);
        p.drawLine(QPointF(s * 0.62, s * 0.62), QPointF(s * 0.88, s * 0.88));
    });
}

} // namespace shoebox::icons
