// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/imageoverlay.h"

#include "pages/imageview.h"

#include <QEvent>

namespace shoebox {

ImageOverlay::ImageOverlay(ImageView* view)
    : QWidget(view)
    , m_view(view)
{
    // Clicks go to the view (panning); a subclass that wants some picks them out in its filter.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    resize(view->size());
    view->installEventFilter(this);
    connect(view, &ImageView::viewChanged, this, qOverload<>(&QWidget::update));
    connect(view, &ImageView::loaded, this, qOverload<>(&QWidget::update));
}

QRectF ImageOverlay::toView(const QRectF& normalised) const
{
    const QRectF r = m_view->imageRect();
    return { r.x() + normalised.x() * r.width(), r.y() + normalised.y() * r.height(), normalised.width() * r.width(),
        normalised.height() * r.height() };
}

bool ImageOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        resize(m_view->size());
    return QWidget::eventFilter(watched, event);
}

} // namespace shoebox
