#include "duplicates/regionoutline.h"

#include "pages/imageview.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace shoebox {

RegionOutline::RegionOutline(ImageView* view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("regionOutline"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    resize(view->size());
    view->installEventFilter(this);
    connect(view, &ImageView::viewChanged, this, qOverload<>(&QWidget::update));
    connect(view, &ImageView::loaded, this, qOverload<>(&QWidget::update));
}

void RegionOutline::setRegion(const ContentRegion& region)
{
    m_region = region;
    setToolTip(isOutlined() ? tr("Compared: the picture inside the %1").arg(region.describe()) : QString());
    update();
}

QRectF RegionOutline::outlineRect() const
{
    if (!isOutlined() || m_view->image().isNull())
        return {};
    const QRectF r = m_view->imageRect();
    return { r.x() + m_region.left * r.width(), r.y() + m_region.top * r.height(), m_region.widthShare() * r.width(),
        m_region.heightShare() * r.height() };
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
    frame.addRect(m_view->imageRect().intersected(QRectF(rect())));
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

bool RegionOutline::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        resize(m_view->size());
    return QWidget::eventFilter(watched, event);
}

} // namespace shoebox
