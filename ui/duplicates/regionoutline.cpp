#include "duplicates/regionoutline.h"

#include "pages/imageview.h"

#include <QPainter>
#include <QPainterPath>

namespace shoebox {

RegionOutline::RegionOutline(ImageView* view)
    : ImageOverlay(view)
{
    setObjectName(QStringLiteral("regionOutline"));
}

void RegionOutline::setRegion(const ContentRegion& region)
{
    m_region = region;
    setToolTip(isOutlined() ? tr("Compared: the picture inside the %1").arg(region.describe()) : QString());
    update();
}

QRectF RegionOutline::outlineRect() const
{
    if (!isOutlined() || view()->image().isNull())
        return {};
    return toView(QRectF(m_region.left, m_region.top, m_region.widthShare(), m_region.heightShare()));
}

void RegionOutline::paintEvent(QPaintEvent*)
{
    const QRectF inside = outlineRect();
    if (inside.isEmpty())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // The frame is dimmed so the eye goes to what was compared; a dark pen under a light dashed one
    // keeps the outline visible on white borders and black screen bars alike.
    QPainterPath frame;
    frame.addRect(view()->imageRect().intersected(QRectF(rect())));
    frame.addRect(inside);
    frame.setFillRule(Qt::OddEvenFill);
    p.fillPath(frame, QColor(0, 0, 0, 90));
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0, 0, 0, 200), 3));
    p.drawRect(inside);
    QPen dashed(QColor(255, 214, 0), 2, Qt::DashLine);
    p.setPen(dashed);
    p.drawRect(inside);
}

} // namespace shoebox
