#include "catalog/photostore.h"
#include "media/motionclip.h"
#include "media/pairingservice.h"
#include "scan/scanner.h"
#include "support/exiffixture.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"
#include "support/videofixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

namespace {

const QByteArray kLiveId("1A2B3C4D-5E6F-4A1B-8C2D-3E4F5A6B7C8D");

QByteArray appleJpeg(const QByteArray& contentId, const QByteArray& taken)
{
    ExifFields f;
    f.make = "Apple";
    f.model = "iPhone 12";
    f.dateTimeOriginal = taken;
    f.offsetOriginal = "+02:00";
    if (!contentId.isEmpty())
        f.makerNote = appleMakerNote(contentId);
    return jpegWithExif(markedImage(320, 240), f);
}

PhotoRecord at(const PhotoStore& store, const QString& path)
{
    return store.photoByPath(QFile::encodeName(path)).value_or(PhotoRecord());
}

ScanSummary scan(const QString& library, const QString& folder)
{
    Scanner scanner(library);
    scanner.setWriteThumbnails(false);
    return scanner.scan({ QFile::encodeName(folder) });
}

} // namespace

class TestPairScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The RAW's decodability is not pairing's business: a RAW the scan cannot read pairs by name.
    void scanPairsRawWithJpegAndKeepsThePairOnRescan()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString dir = library.filePath(QStringLiteral("camera"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(dir + QStringLiteral("/DSC_0100.JPG"), appleJpeg({}, "2023:05:01 12:00:00")));
        QVERIFY(writeFile(dir + QStringLiteral("/dsc_0100.nef"), QByteArray("not really a NEF")));
        QVERIFY(writeFile(dir + QStringLiteral("/DSC_0101.JPG"), appleJpeg({}, "2023:05:01 12:01:00")));
        const QStringList errors = scan(library.path(), dir).errors;
        QVERIFY2(errors.filter(QStringLiteral("cannot pair")).isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        PhotoStore store(library.path());
        const PhotoRecord jpeg = at(store, dir + QStringLiteral("/DSC_0100.JPG"));
        PhotoRecord raw = at(store, dir + QStringLiteral("/dsc_0100.nef"));
        QVERIFY(jpeg.id > 0);
        QCOMPARE(raw.partnerId, jpeg.id);
        QCOMPARE(partnerRoleName(raw.partnerRole), QStringLiteral("raw-original"));
        QVERIFY(jpeg.hasRawOriginal);
        QCOMPARE(at(store, dir + QStringLiteral("/DSC_0101.JPG")).hasRawOriginal, false);
        QCOMPARE(store.partnersOf(jpeg.id).size(), 1);

        scan(library.path(), dir);
        raw = at(store, dir + QStringLiteral("/dsc_0100.nef"));
        QCOMPARE(raw.partnerId, jpeg.id);

        // Deleting the JPEG unpairs its RAW.
        QVERIFY(QFile::remove(dir + QStringLiteral("/DSC_0100.JPG")));
        scan(library.path(), dir);
        raw = at(store, dir + QStringLiteral("/dsc_0100.nef"));
        QCOMPARE(raw.partnerId, qint64(0));
        QCOMPARE(raw.partnerRole, PartnerRole::None);
    }

    // Trashing the JPEG of a pair (state missing) shows its RAW at once, without waiting for a scan.
    void missingStillReleasesItsRaw()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const qint64 jpeg = PhotoFixture(QStringLiteral("/roll/IMG_0009.JPG")).saveTo(library.path());
        const qint64 raw
            = PhotoFixture(QStringLiteral("/roll/IMG_0009.CR3")).format(QStringLiteral("cr3")).saveTo(library.path());
        QCOMPARE(PairingService(library.path()).apply({}), 1);
        PhotoStore store(library.path());
        QCOMPARE(store.photoIdsByDate(), QVector<qint64> { jpeg });
        QVERIFY(store.setState({ jpeg }, PhotoState::Missing, QStringLiteral("moved to the trash")));
        QCOMPARE(store.photoIdsByDate(), QVector<qint64> { raw });
        QCOMPARE(store.photoById(raw)->partnerRole, PartnerRole::None);
    }

    void scanPairsLivePhotoStillAndMov_data()
    {
        QTest::addColumn<QByteArray>("stillId");
        QTest::addColumn<QByteArray>("movId");
        QTest::addColumn<QByteArray>("movTime");
        QTest::addColumn<bool>("paired");
        QTest::newRow("same content identifier")
            << kLiveId << kLiveId << QByteArray("2023-05-01T11:00:00+0200") << true;
        QTest::newRow("no identifiers, 1 s apart")
            << QByteArray() << QByteArray() << QByteArray("2023-05-01T12:00:01+0200") << true;
        QTest::newRow("no identifiers, an hour apart")
            << QByteArray() << QByteArray() << QByteArray("2023-05-01T13:00:00+0200") << false;
        QTest::newRow("other identifier") << kLiveId << QByteArray("99999999-0000-4000-8000-000000000000")
                                          << QByteArray("2023-05-01T12:00:00+0200") << false;
    }

    void scanPairsLivePhotoStillAndMov()
    {
        QFETCH(QByteArray, stillId);
        QFETCH(QByteArray, movId);
        QFETCH(QByteArray, movTime);
        QFETCH(bool, paired);
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString dir = library.filePath(QStringLiteral("iphone"));
        QVERIFY(QDir().mkpath(dir));
        const QString movPath = dir + QStringLiteral("/IMG_0001.MOV");
        if (!VideoFixture::available())
            QSKIP(qPrintable(VideoFixture::skipReason()));
        QString why;
        QVERIFY2(VideoFixture::liveMov(movPath, movId, movTime, &why), qPrintable(why));
        QVERIFY(writeFile(dir + QStringLiteral("/IMG_0001.JPG"), appleJpeg(stillId, "2023:05:01 12:00:00")));
        scan(library.path(), dir);
        PhotoStore store(library.path());
        const PhotoRecord still = at(store, dir + QStringLiteral("/IMG_0001.JPG"));
        const PhotoRecord mov = at(store, movPath);
        QCOMPARE(still.meta.contentId, QString::fromLatin1(stillId));
        QCOMPARE(mov.meta.contentId, QString::fromLatin1(movId));
        QCOMPARE(mov.partnerId, paired ? still.id : qint64(0));
        QCOMPARE(still.hasLiveMotion, paired);
        const QList<PhotoRecord> partners = store.partnersOf(still.id);
        QCOMPARE(MotionClip::isLive(still, partners), paired);
        if (paired)
            QCOMPARE(MotionClip::playablePath(still, partners), movPath);
        // A paired MOV never shows as an item of its own; an unpaired one is a video like any other.
        bool movShown = false;
        for (const PhotoRecord& r : store.photos(PhotoQuery()))
            movShown = movShown || r.displayPath == movPath;
        QCOMPARE(movShown, !paired);
        QCOMPARE(mov.kind, MediaKind::Video);
    }
};

QTEST_GUILESS_MAIN(TestPairScan)
#include "tst_pairscan.moc"
