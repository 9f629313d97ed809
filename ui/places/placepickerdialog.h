#pragma once
// "Pick on Map…": the user clicks where the selected photos were taken; the dialog names the place
// (town, region, country in the user's language) by the same rules as GPS photos, and on OK the
// caller stores it as the photos' manual place. Place data loads off the UI thread. UI thread only.

#include "places/reversegeocoder.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace shoebox {

class PlaceMapWidget;

class PlacePickerDialog : public QDialog {
    Q_OBJECT
public:
    explicit PlacePickerDialog(const QString& language, QWidget* parent = nullptr);

    PlaceMatch place() const { return m_place; }
    PlaceMapWidget* map() const { return m_map; }
    bool isLoading() const { return !m_index; }
    // The point the user picked (also what a click on the map does).
    void pick(double lat, double lon);

private:
    QString m_language;
    const PlaceIndex* m_index = nullptr;
    PlaceMatch m_place;
    PlaceMapWidget* m_map;
    QLabel* m_label;
    QDialogButtonBox* m_buttons;
};

} // namespace shoebox
