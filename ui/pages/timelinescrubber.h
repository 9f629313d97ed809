#pragma once
// The timeline's scrubber: a strip whose height stands for every photo, newest at the top. Each month
// owns the share of the strip its photos have, so the month under the pointer is found exactly
// (photo index under the pointer, then the month containing it) even with a million photos.
// Hovering names the month; clicking or dragging jumps there. UI thread only.

#include "catalog/photostore.h"

#include <QList>
#include <QWidget>

namespace shoebox {

class TimelineScrubber : public QWidget {
    Q_OBJECT
public:
    explicit TimelineScrubber(QWidget* parent = nullptr);

    void setBuckets(const QList<TimelineBucket>& buckets);
    // The month at a y coordinate of this widget; -1 without photos.
    int bucketAt(int y) const;
    // The y coordinate where a month starts.
    int yOfBucket(int bucket) const;
    void setCurrentBucket(int bucket);
    int currentBucket() const { return m_current; }
    static QString bucketName(const TimelineBucket& bucket);

    QSize sizeHint() const override { return { 88, 200 }; }

Q_SIGNALS:
    void bucketActivated(int bucket);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    int trackTop() const { return 8; }
    int trackHeight() const { return std::max(1, height() - 16); }

    QList<TimelineBucket> m_buckets;
    qint64 m_total = 0;
    int m_current = -1;
    int m_hover = -1;
    int m_hoverY = 0;
    bool m_dragging = false;
};

} // namespace shoebox
