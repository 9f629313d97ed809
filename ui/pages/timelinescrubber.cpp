#include "pages/timelinescrubber.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace shoebox {

TimelineScrubber::TimelineScrubber(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setCursor(Qt::PointingHandCursor);
    setMinimumWidth(64);
}

void TimelineScrubber::setBuckets(const QList<TimelineBucket>& buckets)
{
    m_buckets = buckets;
    m_total = 0;
    for (const TimelineBucket& b : buckets)
        m_total = std::max(m_total, b.firstIndex + b.count);
    m_current = std::min(m_current, int(m_buckets.size()) - 1);
    m_hover = -1;
    update();
}

int TimelineScrubber::bucketAt(int y) const
{
    if (m_buckets.isEmpty() || m_total <= 0)
        return -1;
    const double t = std::clamp(double(y - trackTop()) / trackHeight(), 0.0, 1.0);
    const qint64 index = std::min<qint64>(m_total - 1, qint64(t * double(m_total)));
    auto it = std::upper_bound(m_buckets.cbegin(), m_buckets.cend(), index,
        [](qint64 i, const TimelineBucket& b) { return i < b.firstIndex; });
    return std::max(0, int(it - m_buckets.cbegin()) - 1);
}

int TimelineScrubber::yOfBucket(int bucket) const
{
    if (bucket < 0 || bucket >= m_buckets.size() || m_total <= 0)
        return trackTop();
    // Ceiling so that bucketAt(yOfBucket(b)) is b itself whenever b owns at least a pixel.
    const double start = double(m_buckets[bucket].firstIndex) / double(m_total) * trackHeight();
    return trackTop() + int(std::ceil(start));
}

void TimelineScrubber::setCurrentBucket(int bucket)
{
    if (bucket == m_current)
        return;
    m_current = bucket;
    update();
}

QString TimelineScrubber::bucketName(const TimelineBucket& bucket)
{
    if (bucket.year == 0)
        return tr("No capture date");
    const QLocale locale;
    return locale.standaloneMonthName(bucket.month, QLocale::LongFormat) + QLatin1Char(' ')
        + QString::number(bucket.year);
}

void TimelineScrubber::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    p.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::WindowText);
    QColor faint = text;
    faint.setAlpha(70);
    p.setPen(QPen(faint, 1));
    p.drawLine(width() - 10, trackTop(), width() - 10, trackTop() + trackHeight());
    // Year labels where each year begins, skipping labels that would overlap the previous one.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p.setFont(small);
    const int lineHeight = fontMetrics().height();
    int lastLabelY = -1000;
    int year = -1;
    for (int i = 0; i < m_buckets.size(); ++i) {
        const TimelineBucket& b = m_buckets[i];
        const int y = yOfBucket(i);
        p.setPen(QPen(faint, 1));
        p.drawLine(width() - 14, y, width() - 10, y);
        if (b.year == year)
            continue;
        year = b.year;
        if (y - lastLabelY < lineHeight)
            continue;
        lastLabelY = y;
        p.setPen(text);
        const QString label = b.year == 0 ? QStringLiteral("—") : QString::number(b.year);
        p.drawText(QRect(2, y - 2, width() - 20, lineHeight), Qt::AlignRight | Qt::AlignTop, label);
    }
    if (m_current >= 0 && m_current < m_buckets.size()) {
        const int y0 = yOfBucket(m_current);
        const int y1 = m_current + 1 < m_buckets.size() ? yOfBucket(m_current + 1) : trackTop() + trackHeight();
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::Highlight));
        p.drawRoundedRect(QRect(width() - 13, y0, 6, std::max(3, y1 - y0)), 2, 2);
    }
    if (m_hover >= 0 && m_hover < m_buckets.size()) {
        const TimelineBucket& b = m_buckets[m_hover];
        const QString name = b.year == 0
            ? bucketName(b)
            : QLocale().standaloneMonthName(b.month, QLocale::ShortFormat) + QLatin1Char(' ') + QString::number(b.year);
        const int w = std::min(width() - 4, p.fontMetrics().horizontalAdvance(name) + 10);
        const QRect box(
            width() - 12 - w, std::clamp(m_hoverY - lineHeight, 0, height() - lineHeight - 4), w, lineHeight + 4);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::ToolTipBase));
        p.drawRoundedRect(box, 4, 4);
        p.setPen(palette().color(QPalette::ToolTipText));
        p.drawText(box, Qt::AlignCenter, p.fontMetrics().elidedText(name, Qt::ElideRight, w - 4));
    }
}

void TimelineScrubber::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragging = true;
    const int b = bucketAt(event->position().toPoint().y());
    if (b >= 0)
        Q_EMIT bucketActivated(b);
}

void TimelineScrubber::mouseMoveEvent(QMouseEvent* event)
{
    const int y = event->position().toPoint().y();
    const int b = bucketAt(y);
    m_hoverY = y;
    if (b != m_hover || m_dragging)
        update();
    m_hover = b;
    if (m_dragging && b >= 0 && b != m_current)
        Q_EMIT bucketActivated(b);
}

void TimelineScrubber::mouseReleaseEvent(QMouseEvent*)
{
    m_dragging = false;
}

void TimelineScrubber::leaveEvent(QEvent*)
{
    m_hover = -1;
    update();
}

} // namespace shoebox
