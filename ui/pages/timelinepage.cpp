#include "pages/timelinepage.h"

#include "pages/timelinescrubber.h"
#include "shell/appsettings.h"
#include "thumbnailview/photolistmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>

namespace shoebox {

TimelinePage::TimelinePage(PhotoListModel* model, ThumbnailLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new PhotoGridView(loader, this))
    , m_scrubber(new TimelineScrubber(this))
{
    m_view->setObjectName(QStringLiteral("timelineGrid"));
    m_scrubber->setObjectName(QStringLiteral("timelineScrubber"));
    m_view->setModel(model);
    m_view->setThumbnailSize(AppSettings::thumbnailSize());
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_scrubber);
    connect(model, &PhotoListModel::loaded, this, &TimelinePage::rebuildSections);
    connect(m_scrubber, &TimelineScrubber::bucketActivated, this, &TimelinePage::showBucket);
    connect(m_view, &PhotoGridView::topSectionChanged, m_scrubber, &TimelineScrubber::setCurrentBucket);
    connect(m_view, &PhotoGridView::zoomRequested, this,
        [this](int steps) { m_view->setThumbnailSize(m_view->thumbnailSize() + 16 * steps); });
}

void TimelinePage::showBucket(int bucket)
{
    m_view->scrollToSection(bucket);
    m_scrubber->setCurrentBucket(bucket);
}

QVector<GridSection> TimelinePage::sectionsFor(const QList<TimelineBucket>& buckets)
{
    // Photo counts per year, for the year headings.
    QHash<int, qint64> perYear;
    for (const TimelineBucket& b : buckets)
        perYear[b.year] += b.count;
    QVector<GridSection> sections;
    sections.reserve(buckets.size());
    const QLocale locale;
    int year = -1;
    for (const TimelineBucket& b : buckets) {
        GridSection s;
        s.first = int(b.firstIndex);
        s.count = int(b.count);
        s.title = TimelineScrubber::bucketName(b);
        s.countText = tr("%Ln photo(s)", nullptr, int(b.count));
        if (b.year != year && b.year != 0)
            s.yearTitle = QString::number(b.year) + QStringLiteral("  ·  ")
                + tr("%Ln photo(s)", nullptr, int(perYear.value(b.year)));
        year = b.year;
        sections.append(s);
    }
    return sections;
}

void TimelinePage::rebuildSections()
{
    m_view->setSections(sectionsFor(m_model->buckets()));
    m_scrubber->setBuckets(m_model->buckets());
    m_scrubber->setCurrentBucket(m_view->topSection());
}

void TimelinePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuildSections();
    QWidget::changeEvent(event);
}

} // namespace shoebox
