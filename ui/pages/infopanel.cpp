#include "pages/infopanel.h"

#include "places/placemapwidget.h"
#include "places/placenames.h"
#include "places/placestore.h"

#include "albums/albumstore.h"
#include "catalog/photostore.h"
#include "tags/tagstore.h"

#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTextDocument>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace shoebox {

namespace {

QString row(const QString& label, const QString& value)
{
    if (value.isEmpty())
        return {};
    return QStringLiteral("<tr><td style='color:#888888;padding-right:8px'>%1</td>"
                          "<td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString heading(const QString& title)
{
    return QStringLiteral("<h4 style='margin-top:12px;margin-bottom:4px'>%1</h4>").arg(title.toHtmlEscaped());
}

QString exposureText(double seconds)
{
    if (seconds <= 0)
        return {};
    if (seconds >= 1)
        return QStringLiteral("%1 s").arg(seconds, 0, 'g', 3);
    return QStringLiteral("1/%1 s").arg(std::lround(1.0 / seconds));
}

// The wall time in its own zone when the offset is known, so the locale prints "UTC+09:00" rather
// than this computer's zone.
QDateTime withOffset(const PhotoMetadata& m)
{
    if (!m.utcOffsetMinutes)
        return m.takenAt;
    return QDateTime(m.takenAt.date(), m.takenAt.time(), QTimeZone(*m.utcOffsetMinutes * 60));
}

} // namespace

InfoPanel::InfoPanel(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_map(new PlaceMapWidget(this))
{
    m_label->setObjectName(QStringLiteral("infoText"));
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setContentsMargins(10, 6, 10, 6);
    m_map->setObjectName(QStringLiteral("infoMap"));
    m_map->setMinimumSize(160, 120);
    m_map->setMaximumHeight(160);
    m_map->hide();
    auto* content = new QWidget(this);
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 6);
    column->addWidget(m_label);
    column->addWidget(m_map);
    column->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setMinimumWidth(220);
    render();
}

void InfoPanel::setLanguage(const QString& language)
{
    m_language = language;
    showPhoto(m_id);
}

PhotoInfo InfoPanel::loadBasic(const QString& libraryPath, qint64 photoId, const QString& language)
{
    PhotoInfo info;
    info.id = photoId;
    const PhotoStore store(libraryPath);
    info.record = store.photoById(photoId);
    info.partners = store.partnersOf(photoId);
    if (info.record && !info.record->contentHash.isEmpty()) {
        for (const PhotoRecord& r : store.photosWithContentHash(info.record->contentHash)) {
            if (r.id != photoId)
                info.exactCopies.append(r);
        }
    }
    // The panel never listed tags before: nothing filled them in.
    for (const PhotoTag& t : TagStore(libraryPath).tagsOfPhoto(photoId, language))
        info.tags.append({ t.name, t.confidence, t.manual });
    info.marks = MarkStore(libraryPath).marks(photoId);
    info.albums = AlbumStore(libraryPath).albumsOfPhoto(photoId);
    if (const auto place = PlaceStore(libraryPath).placeOf(photoId)) {
        const PlaceIndex* index = PlaceIndex::shared();
        info.place = index ? PlaceNames::label(*index, place->place, language) : place->place.country;
        info.placeIndex = index;
    }
    return info;
}

void InfoPanel::showPhoto(qint64 photoId)
{
    m_id = photoId;
    if (photoId <= 0 || m_library.isEmpty()) {
        m_info = PhotoInfo();
        render();
        return;
    }
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
    }
    auto* watcher = new QFutureWatcher<PhotoInfo>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<PhotoInfo>::finished, this, [this, watcher] {
        if (watcher != m_watcher)
            return;
        m_info = watcher->result();
        render();
    });
    watcher->setFuture(QtConcurrent::run([loader = m_loader, library = m_library, photoId, language = m_language] {
        PhotoInfo info = loader(library, photoId, language);
        return info;
    }));
}

QString InfoPanel::text() const
{
    QTextDocument doc;
    doc.setHtml(m_label->text());
    return doc.toPlainText();
}

void InfoPanel::render()
{
    m_label->setText(html());
    showMap();
}

void InfoPanel::showMap()
{
    const std::optional<GpsPosition> gps = m_info.record ? m_info.record->meta.gps : std::nullopt;
    if (!gps || !m_info.placeIndex) {
        m_map->hide();
        return;
    }
    // The outlines are built once, from the place data the loader already had in memory.
    if (m_mapIndex != m_info.placeIndex) {
        m_map->setIndex(m_info.placeIndex);
        m_mapIndex = m_info.placeIndex;
    }
    m_map->setPhotos({ GpsPhoto { m_info.id, gps->latitude, gps->longitude, {} } });
    m_map->centerOn(gps->latitude, gps->longitude, 48);
    m_map->show();
}

QString InfoPanel::html() const
{
    if (!m_info.record)
        return QStringLiteral("<p style='color:#888888'>%1</p>")
            .arg(tr("Select a photo to see its details.").toHtmlEscaped());
    const PhotoRecord& r = *m_info.record;
    const PhotoMetadata& m = r.meta;
    const QLocale locale;
    const QFileInfo file(r.displayPath);
    QString html = QStringLiteral("<b>%1</b>").arg(file.fileName().toHtmlEscaped()) + marksHtml();

    html += heading(tr("File")) + QStringLiteral("<table>");
    html += row(tr("Folder"), file.path());
    html += row(tr("Size"), locale.formattedDataSize(r.size));
    html += row(tr("Format"), r.format.toUpper());
    if (r.kind == MediaKind::Video) {
        html
            += row(tr("Duration"), m.durationMs > 0 ? tr("%1 s").arg(m.durationMs / 1000.0, 0, 'f', 1) : tr("unknown"));
        html += row(tr("Codec"), m.codec);
    }
    if (m.width > 0)
        html += row(tr("Pixels"),
            QStringLiteral("%1 × %2 (%3 MP)")
                .arg(m.width)
                .arg(m.height)
                .arg(locale.toString(m.width * double(m.height) / 1e6, 'f', 1)));
    for (const PhotoRecord& p : m_info.partners)
        html += row(p.partnerRole == PartnerRole::RawOriginal ? tr("RAW original") : tr("Motion"), p.displayPath);
    if (r.motionOffset)
        html += row(tr("Motion"), tr("clip embedded in this file (motion photo)"));
    if (r.state == PhotoState::Ok)
        html += row(tr("Note"), r.error); // e.g. motion photo markers that point at no clip
    html += QStringLiteral("</table>");

    html += heading(tr("Capture")) + QStringLiteral("<table>");
    if (m.takenAt.isValid()) {
        QString when = locale.toString(withOffset(m), QLocale::LongFormat);
        if (m.takenSource == QLatin1String("file"))
            when += QLatin1Char(' ') + tr("(file time)");
        if (m.offsetSource == QLatin1String("location"))
            when += QLatin1Char(' ') + tr("(time zone from the place)");
        else if (m.offsetSource == QLatin1String("gps-time"))
            when += QLatin1Char(' ') + tr("(time zone from the GPS clock)");
        html += row(tr("Taken"), when);
    } else {
        html += row(tr("Taken"), tr("unknown"));
    }
    html += row(tr("Camera"), QString(m.cameraMake + QLatin1Char(' ') + m.cameraModel).trimmed());
    html += row(tr("Lens"), m.lens);
    if (m.exposureTime)
        html += row(tr("Exposure"), exposureText(*m.exposureTime));
    if (m.fNumber)
        html += row(tr("Aperture"), QStringLiteral("f/%1").arg(*m.fNumber, 0, 'g', 3));
    if (m.iso)
        html += row(tr("ISO"), QString::number(*m.iso));
    if (m.focalLength)
        html += row(tr("Focal length"), QStringLiteral("%1 mm").arg(*m.focalLength, 0, 'g', 4));
    html += row(tr("Place"), m_info.place);
    if (m.gps)
        html += row(tr("Location"),
            QStringLiteral("%1, %2").arg(
                locale.toString(m.gps->latitude, 'f', 5), locale.toString(m.gps->longitude, 'f', 5)));
    html += QStringLiteral("</table>");

    return html + tagsAndCopiesHtml();
}

// Stars (filled and empty), the heart, the flag, hidden and the albums, under the file name.
QString InfoPanel::marksHtml() const
{
    const PhotoMarks& m = m_info.marks;
    QString line = QStringLiteral("<span style='color:#e0a800;font-size:large'>%1</span><span style='color:#999999;"
                                  "font-size:large'>%2</span>")
                       .arg(QString(m.rating, QChar(0x2605)), QString(5 - m.rating, QChar(0x2606)));
    QStringList words;
    if (m.favourite)
        words << QStringLiteral("<span style='color:#eb405a'>\u2665</span> ") + tr("Favourite");
    if (m.flag != PickFlag::None)
        words << (m.flag == PickFlag::Picked ? tr("Picked") : tr("Rejected"));
    if (m.hidden)
        words << tr("Hidden");
    if (!m_info.albums.isEmpty())
        words << tr("In %1").arg(m_info.albums.join(QStringLiteral(", ")).toHtmlEscaped());
    return QStringLiteral("<br>") + line
        + (words.isEmpty() ? QString() : QStringLiteral("<br>") + words.join(QStringLiteral(" · ")));
}

// The photo's tags and its identical copies elsewhere in the library.
QString InfoPanel::tagsAndCopiesHtml() const
{
    const QLocale locale;
    QString html;
    html += heading(tr("Tags"));
    if (m_info.tags.isEmpty()) {
        html += QStringLiteral("<p style='color:#888888'>%1</p>").arg(tr("No tags yet.").toHtmlEscaped());
    } else {
        html += QStringLiteral("<table>");
        for (const PhotoInfo::Tag& t : m_info.tags)
            html += row(
                t.name, t.manual ? tr("added by you") : locale.toString(qRound(t.confidence * 100)) + QLatin1Char('%'));
        html += QStringLiteral("</table>");
    }

    html += heading(tr("Duplicates"));
    if (m_info.exactCopies.isEmpty()) {
        html += QStringLiteral("<p style='color:#888888'>%1</p>")
                    .arg(tr("No other copy of this file in the library.").toHtmlEscaped());
    } else {
        html += QStringLiteral("<p>%1</p><ul style='margin-left:-20px'>")
                    .arg(tr("Identical copies:", nullptr, int(m_info.exactCopies.size())).toHtmlEscaped());
        for (const PhotoRecord& copy : m_info.exactCopies)
            html += QStringLiteral("<li>%1</li>").arg(copy.displayPath.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    return html;
}

void InfoPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(event);
}

} // namespace shoebox
