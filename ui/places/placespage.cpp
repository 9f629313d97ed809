#include "places/placespage.h"

#include "background.h"
#include "places/placeassigner.h"
#include "places/placelookup.h"
#include "places/placemapwidget.h"
#include "places/placenames.h"
#include "places/placepickerdialog.h"
#include "thumbnailview/thumbnailloader.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace shoebox {

namespace {
constexpr int kQueryRole = Qt::UserRole + 1;
}

struct PlacesPage::Loaded {
    const PlaceIndex* index = nullptr;
    QString unavailable;
    QList<PlaceNode> tree;
    QList<GpsPhoto> positions;
};

bool PlacesPage::isLoading() const
{
    return m_loading || (m_map->isVisible() && m_map->isDrawingLand());
}

void PlacesPage::setLibrary(const QString& libraryPath)
{
    m_library = libraryPath;
    m_thumbs->setLibrary(libraryPath);
}

PlacesPage::PlacesPage(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_map(new PlaceMapWidget(this))
    , m_thumbs(new ThumbnailLoader(this))
{
    setObjectName(QStringLiteral("placesPage"));
    m_map->setThumbnailLoader(m_thumbs);
    m_tree->setObjectName(QStringLiteral("placeTree"));
    m_tree->setColumnCount(2);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_hint->setEnabled(false);
    m_hint->setWordWrap(true);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(8);
    header->addWidget(m_hint, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_map);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 260, 640 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_tree, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem* item) { Q_EMIT searchRequested(item->data(0, kQueryRole).toString()); });
    connect(m_map, &PlaceMapWidget::bubbleClicked, this, [this](const QVector<qint64>& ids, double lat, double lon) {
        Q_EMIT photosRequested(
            tr("%n photo(s) near %1, %2", nullptr, int(ids.size())).arg(lat, 0, 'f', 3).arg(lon, 0, 'f', 3), ids);
    });
    retranslate();
}

void PlacesPage::setLanguage(const QString& language)
{
    if (language == m_language)
        return;
    m_language = language;
    reload();
}

void PlacesPage::reload()
{
    if (m_library.isEmpty())
        return;
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    const QString library = m_library, lang = m_language;
    runInBackground(
        this,
        [library, lang] {
            Loaded data;
            // Photos scanned before place data was installed get their places now.
            const PlaceAssignment assigned = PlaceAssigner::assignPending(library, false);
            data.index = PlaceIndex::shared(&data.unavailable);
            PlaceStore store(library);
            data.tree = PlaceTree::build(store.counts(), data.index, lang);
            data.positions = store.positions();
            if (data.unavailable.isEmpty())
                data.unavailable = assigned.error;
            return data;
        },
        [this](const Loaded& data) {
            m_loading = false;
            present(data);
            if (std::exchange(m_reloadAgain, false))
                reload();
            Q_EMIT loaded();
        });
}

void PlacesPage::present(const Loaded& data)
{
    m_tree->clear();
    addNodes(m_tree->invisibleRootItem(), data.tree);
    m_tree->expandToDepth(0);
    m_map->setIndex(data.index);
    m_map->setPhotos(data.positions);
    if (!data.unavailable.isEmpty())
        m_hint->setText(data.unavailable);
    else if (data.positions.isEmpty())
        m_hint->setText(tr("No photo of the library has a GPS position. Photos taken with location "
                           "services on appear here, by country, region and town."));
    else
        m_hint->setText(tr("%n geotagged photo(s). Double-click a place or click a bubble to see its photos.", nullptr,
            int(data.positions.size())));
}

void PlacesPage::addNodes(QTreeWidgetItem* parent, const QList<PlaceNode>& nodes)
{
    for (const PlaceNode& n : nodes) {
        auto* item = new QTreeWidgetItem(parent, { n.name, QLocale().toString(n.photos) });
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        QString query;
        switch (n.kind) {
        case PlaceNode::Kind::Country:
            query = QStringLiteral("place:") + n.country;
            break;
        case PlaceNode::Kind::Sea:
            query = QStringLiteral("place:sea");
            break;
        default:
            query = QStringLiteral("place:\"%1\"").arg(n.name);
            break;
        }
        item->setData(0, kQueryRole, query);
        addNodes(item, n.children);
    }
}

void PlacesPage::addPlaceMenu(QMenu* menu, const QVector<qint64>& photoIds)
{
    menu->addAction(tr("Set Place…"), this, [this, photoIds] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Set Place"), tr("Town, region or country (in any language):"), QLineEdit::Normal, QString(), &ok);
        if (ok && !name.trimmed().isEmpty())
            setPlace(photoIds, name.trimmed());
    });
    menu->addAction(tr("Pick Place on Map…"), this, [this, photoIds] {
        PlacePickerDialog picker(m_language, this);
        if (picker.exec() == QDialog::Accepted)
            setPlace(photoIds, picker.place());
    });
    menu->addAction(tr("Clear Place"), this, [this, photoIds] { setPlace(photoIds, QString()); });
}

void PlacesPage::setPlace(const QVector<qint64>& photoIds, const PlaceMatch& place)
{
    const QString library = m_library, lang = m_language;
    runInBackground(
        this,
        [library, lang, photoIds, place] {
            QString error;
            const PlaceIndex* index = PlaceIndex::shared(&error);
            if (!index || !PlaceStore(library).setManualPlace(photoIds, place, &error))
                return qMakePair(false, error);
            return qMakePair(true, PlaceNames::label(*index, place, lang));
        },
        [this, photoIds](const QPair<bool, QString>& result) {
            Q_EMIT placeSet(result.first, result.second, photoIds);
            reload();
        });
}

void PlacesPage::setPlace(const QVector<qint64>& photoIds, const QString& name)
{
    const QString library = m_library, lang = m_language;
    runInBackground(
        this,
        [library, lang, photoIds, name] {
            QString error;
            PlaceMatch place;
            const PlaceIndex* index = PlaceIndex::shared(&error);
            if (!name.isEmpty()) {
                if (!index)
                    return qMakePair(false, error);
                place = PlaceLookup::byName(*index, name);
                if (!place.found)
                    return qMakePair(false, tr("No place is called “%1”.").arg(name));
            }
            if (!PlaceStore(library).setManualPlace(photoIds, place, &error))
                return qMakePair(false, error);
            if (name.isEmpty()) // back to what the GPS says, where there is one
                PlaceAssigner::assignPending(library, true);
            return qMakePair(true, name.isEmpty() ? tr("Place cleared.") : PlaceNames::label(*index, place, lang));
        },
        [this, photoIds](const QPair<bool, QString>& result) {
            Q_EMIT placeSet(result.first, result.second, photoIds);
            reload();
        });
}

void PlacesPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PlacesPage::retranslate()
{
    m_title->setText(tr("Places"));
    m_tree->setHeaderLabels({ tr("Place"), tr("Photos") });
}

} // namespace shoebox
