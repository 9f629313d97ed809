// The map as a user handles it: bubbles that keep their photos while the map is dragged, a bubble
// showing a photo's thumbnail, and the info panel's small map of where a photo was taken.

#include "pages/infopanel.h"
#include "places/placeassigner.h"
#include "places/placemapwidget.h"
#include "places/placepickerdialog.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"
#include "thumbnailview/thumbnailloader.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// Each bubble's photos, sorted, in a canonical order: what a user sees grouped together.
QList<QVector<qint64>> groups(const PlaceMapWidget& map)
{
    QList<QVector<qint64>> out;
    for (PlaceMapWidget::Bubble b : map.bubbles()) {
        std::sort(b.photos.begin(), b.photos.end());
        out.append(b.photos);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestPlaceMap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void bubblesKeepTheirPhotosWhilePanning_data()
    {
        QTest::addColumn<double>("dLat");
        QTest::addColumn<double>("dLon");
        QTest::newRow("a little east") << 0.0 << 0.7;
        QTest::newRow("a little north") << 0.4 << 0.0;
        QTest::newRow("diagonally") << -0.3 << -0.5;
    }

    void bubblesKeepTheirPhotosWhilePanning()
    {
        QFETCH(double, dLat);
        QFETCH(double, dLon);
        PlaceMapWidget map;
        map.resize(800, 500);
        QList<GpsPhoto> photos;
        for (int i = 0; i < 60; ++i) // a line of photos across Europe, one every 0.2 degrees
            photos.append({ i + 1, 46.0 + 0.05 * i, 2.0 + 0.2 * i, {} });
        map.setPhotos(photos);
        map.centerOn(47, 8, 6);
        const auto before = groups(map);
        QVERIFY(before.size() > 3);
        map.centerOn(47 + dLat, 8 + dLon, 6);
        QCOMPARE(groups(map), before);
    }

    void aBubbleShowsAThumbnail()
    {
        ThumbnailLoader loader;
        loader.setLibrary(QStringLiteral("unused"));
        loader.setSource([](const QString&, qint64, int size) {
            QImage red(size, size, QImage::Format_RGB32);
            red.fill(Qt::red);
            return red;
        });
        PlaceMapWidget map;
        map.resize(600, 400);
        map.setThumbnailLoader(&loader);
        map.setPhotos({ GpsPhoto { 7, 35.68, 139.69, {} } });
        map.centerOn(35.68, 139.69, 16);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QTRY_VERIFY(loader.hasResult(7, 96));
        const QPoint centre = map.bubbles().first().center.toPoint();
        QTRY_COMPARE(map.grab().toImage().pixelColor(centre - QPoint(0, 4)), QColor(Qt::red));
    }

    void pickingOnTheMapNamesThePlace_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("label"); // empty: at sea, nothing to accept
        QTest::newRow("Kyoto, in English") << 35.0116 << 135.7681 << "en"
                                           << "Kyoto";
        QTest::newRow("Munich, in German") << 48.1374 << 11.5755 << "de"
                                           << "München";
        QTest::newRow("the open Atlantic") << 0.0 << -30.0 << "en"
                                           << "";
    }

    void pickingOnTheMapNamesThePlace()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(QString, lang);
        QFETCH(QString, label);
        PlacePickerDialog picker(lang);
        picker.show();
        QTRY_VERIFY_WITH_TIMEOUT(!picker.isLoading(), 20000);
        picker.map()->centerOn(lat, lon, 16);
        QTest::mouseClick(picker.map(), Qt::LeftButton, {}, picker.map()->widgetPoint(lat, lon).toPoint());
        const QString shown = picker.findChild<QLabel*>(QStringLiteral("pickedPlace"))->text();
        const bool accepted = picker.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
        QCOMPARE(accepted, !label.isEmpty());
        if (!label.isEmpty()) {
            QVERIFY2(shown.contains(label), qPrintable(shown));
            QVERIFY(picker.place().found && !picker.place().atSea);
        }
    }

    void infoPanelShowsWhereAPhotoWasTaken()
    {
        TestLibrary lib;
        QVERIFY2(lib.isOpen(), qPrintable(lib.error()));
        const qint64 kyoto = PhotoFixture(QStringLiteral("/p/kyoto.jpg")).gps(35.0116, 135.7681).saveTo(lib.path());
        const qint64 indoors = PhotoFixture(QStringLiteral("/p/indoors.jpg")).saveTo(lib.path());
        const PlaceAssignment a = PlaceAssigner::assignPending(lib.path(), false, nullptr);
        QVERIFY2(a.error.isEmpty() && a.unavailable.isEmpty(), qPrintable(a.error + a.unavailable));
        InfoPanel panel;
        panel.resize(300, 700);
        panel.setLibrary(lib.path());
        panel.show();
        panel.showPhoto(kyoto);
        QTRY_VERIFY(panel.text().contains(QStringLiteral("Kyoto")));
        QVERIFY(panel.map()->isVisible());
        QCOMPARE(panel.map()->bubbles().size(), 1);
        panel.showPhoto(indoors);
        QTRY_VERIFY(panel.text().contains(QStringLiteral("indoors.jpg")));
        QVERIFY(!panel.map()->isVisible());
    }
};

QTEST_MAIN(TestPlaceMap)
#include "tst_placemap.moc"
