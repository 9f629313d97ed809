// What the user sees of photos that belong together: one grid cell per Live Photo or RAW+JPEG pair,
// with its badge; the hidden halves stay out of counts, the timeline and search.
#include "catalog/photostore.h"
#include "media/pairingservice.h"
#include "pages/infopanel.h"
#include "search/searchengine.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"
#include "thumbnailview/photolistmodel.h"
#include "thumbnailview/thumbnaildelegate.h"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

namespace {

const QDateTime kTaken(QDate(2023, 5, 1), QTime(12, 0));

// The cell of row as the grid paints it (no thumbnail loader: the placeholder tile).
QImage paintedCell(const PhotoListModel& model, int row)
{
    ThumbnailDelegate delegate(nullptr);
    delegate.setThumbnailSize(96);
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), delegate.sizeHint(option, model.index(row)));
    QImage image(option.rect.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    delegate.paint(&painter, option, model.index(row));
    painter.end();
    return image;
}

} // namespace

class TestPairGrid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pairsShowAsOneCellWithTheirBadge()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        // Every half is decodable here (state ok), as it will be once HEIC, RAW and video decode:
        // only pairing keeps the secondary halves out of sight.
        PhotoFixture live(QStringLiteral("/roll/IMG_0001.JPG"));
        live.takenAt(kTaken).record().meta.contentId = QStringLiteral("AAAA-1");
        PhotoFixture motion(QStringLiteral("/roll/IMG_0001.MOV"));
        motion.format(QStringLiteral("mov")).takenAt(kTaken).record().meta.contentId = QStringLiteral("AAAA-1");
        const qint64 liveId = live.saveTo(lib);
        QVERIFY(motion.saveTo(lib) > 0);
        const qint64 pairId
            = PhotoFixture(QStringLiteral("/roll/DSC_0002.JPG")).takenAt(kTaken.addDays(-1)).saveTo(lib);
        QVERIFY(PhotoFixture(QStringLiteral("/roll/DSC_0002.NEF"))
                    .format(QStringLiteral("nef"))
                    .takenAt(kTaken.addDays(-1))
                    .saveTo(lib)
            > 0);
        const qint64 plainId = PhotoFixture(QStringLiteral("/roll/plain.jpg")).takenAt(kTaken.addDays(-2)).saveTo(lib);
        PhotoStore store(lib);
        QCOMPARE(store.count(PhotoQuery()), qint64(5));
        QCOMPARE(PairingService(lib).apply({}), 2);

        QCOMPARE(store.count(PhotoQuery()), qint64(3));
        qint64 inTimeline = 0;
        for (const TimelineBucket& b : store.timeline())
            inTimeline += b.count;
        QCOMPARE(inTimeline, qint64(3));
        QCOMPARE(SearchEngine(lib).search(QStringLiteral("IMG_0001")), (QVector<qint64> { liveId }));
        QCOMPARE(SearchEngine(lib).search(QStringLiteral("DSC_0002")), (QVector<qint64> { pairId }));

        PhotoListModel model;
        QSignalSpy loaded(&model, &PhotoListModel::loaded);
        model.setLibrary(lib);
        QVERIFY(loaded.wait());
        QCOMPARE(model.ids(), (QVector<qint64> { liveId, pairId, plainId }));
        model.record(0); // asks for the page
        QTRY_VERIFY(model.record(0) != nullptr);
        QCOMPARE(model.data(model.index(0), PhotoListModel::BadgeRole).toString(), QStringLiteral("Live"));
        QCOMPARE(model.data(model.index(1), PhotoListModel::BadgeRole).toString(), QStringLiteral("RAW"));
        QCOMPARE(model.data(model.index(2), PhotoListModel::BadgeRole).toString(), QString());

        // The badge is painted in the cell's corner; the plain photo's corner stays clear.
        const QImage badged = paintedCell(model, 0);
        const QImage plain = paintedCell(model, 2);
        const QRect corner(10, 10, 20, 8);
        int darker = 0;
        for (int y = corner.top(); y <= corner.bottom(); ++y)
            for (int x = corner.left(); x <= corner.right(); ++x)
                darker += qGray(badged.pixel(x, y)) + 40 < qGray(plain.pixel(x, y)) ? 1 : 0;
        QVERIFY2(darker > corner.width() * corner.height() / 4, qPrintable(QString::number(darker)));
    }

    void infoPanelListsTheRawOriginalAndTheMotionFile()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        PhotoFixture still(QStringLiteral("/roll/IMG_0003.JPG"));
        still.takenAt(kTaken).record().meta.contentId = QStringLiteral("BBBB-2");
        PhotoFixture motion(QStringLiteral("/roll/IMG_0003.MOV"));
        motion.format(QStringLiteral("mov")).takenAt(kTaken).record().meta.contentId = QStringLiteral("BBBB-2");
        const qint64 stillId = still.saveTo(lib);
        QVERIFY(motion.saveTo(lib) > 0);
        QVERIFY(PhotoFixture(QStringLiteral("/roll/IMG_0003.DNG")).format(QStringLiteral("dng")).saveTo(lib) > 0);
        QCOMPARE(PairingService(lib).apply({}), 2);

        InfoPanel panel;
        panel.setLibrary(lib);
        panel.showPhoto(stillId);
        QTRY_VERIFY(panel.text().contains(QStringLiteral("IMG_0003.JPG")));
        const QString text = panel.text();
        QVERIFY2(text.contains(QStringLiteral("RAW original")) && text.contains(QStringLiteral("/roll/IMG_0003.DNG")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Motion")) && text.contains(QStringLiteral("/roll/IMG_0003.MOV")),
            qPrintable(text));
    }
};

QTEST_MAIN(TestPairGrid)
#include "tst_pairgrid.moc"
