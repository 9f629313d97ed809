#include "places/placepickerdialog.h"

#include "background.h"
#include "places/placemapwidget.h"
#include "places/placenames.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace shoebox {

PlacePickerDialog::PlacePickerDialog(const QString& language, QWidget* parent)
    : QDialog(parent)
    , m_language(language)
    , m_map(new PlaceMapWidget(this))
    , m_label(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("placePicker"));
    setWindowTitle(tr("Pick on Map"));
    m_label->setObjectName(QStringLiteral("pickedPlace"));
    m_label->setText(tr("Loading the map…"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_map, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_buttons);
    resize(760, 480);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_map, &PlaceMapWidget::pointClicked, this, &PlacePickerDialog::pick);
    runInBackground(
        this, [] { return PlaceIndex::shared(); },
        [this](const PlaceIndex* index) {
            m_index = index;
            m_map->setIndex(index);
            m_label->setText(index ? tr("Click where the photos were taken; drag to pan, scroll to zoom.")
                                   : tr("No place data is installed."));
        });
}

void PlacePickerDialog::pick(double lat, double lon)
{
    if (!m_index)
        return;
    m_place = ReverseGeocoder(*m_index).lookup(lat, lon);
    // The picked point as a marker (id 0: no photo).
    m_map->setPhotos({ GpsPhoto { 0, lat, lon, {} } });
    const bool named = m_place.found && !m_place.atSea;
    m_label->setText(named ? PlaceNames::label(*m_index, m_place, m_language) : tr("At sea: pick a place on land."));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(named);
}

} // namespace shoebox
