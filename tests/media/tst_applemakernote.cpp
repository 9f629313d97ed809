#include "image/exifreader.h"
#include "image/imageprobe.h"
#include "media/applemakernote.h"
#include "support/exiffixture.h"

#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

namespace {

const QByteArray kId("6F9E1A5A-2B8C-4D3E-9F10-1A2B3C4D5E6F");

QByteArray patched(QByteArray note, int at, const QByteArray& bytes)
{
    note.replace(at, int(bytes.size()), bytes);
    return note;
}

} // namespace

class TestAppleMakerNote : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsContentIdentifier_data()
    {
        QTest::addColumn<QByteArray>("note");
        QTest::addColumn<QString>("expected");
        const QByteArray note = appleMakerNote(kId);
        // Entry 2 (tag 0x0011) starts at 14 + 2 + 12 = 28: tag, type, count, offset.
        QTest::newRow("iPhone note") << note << QString::fromLatin1(kId);
        QTest::newRow("entry count larger than the note")
            << patched(note, 14, QByteArray("\xff\xff", 2)) << QString::fromLatin1(kId);
        QTest::newRow("value offset outside the note")
            << patched(note, 36, QByteArray("\x7f\xff\xff\xf0", 4)) << QString();
        QTest::newRow("value longer than the note")
            << patched(note, 32, QByteArray("\x00\x01\x00\x00", 4)) << QString();
        QTest::newRow("no identifier tag") << patched(note, 28, QByteArray("\x00\x12", 2)) << QString();
        QTest::newRow("identifier not ASCII") << patched(note, 30, QByteArray("\x00\x07", 2)) << QString();
        QTest::newRow("truncated inside the IFD") << note.left(34) << QString();
        QTest::newRow("Canon note") << QByteArray("Canon\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 20) << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }

    void readsContentIdentifier()
    {
        QFETCH(QByteArray, note);
        QFETCH(QString, expected);
        const auto* bytes = reinterpret_cast<const unsigned char*>(note.constData());
        QCOMPARE(AppleMakerNote::contentIdentifier(bytes, size_t(note.size())), expected);
    }

    void exifReaderGivesTheLivePhotoIdentifier_data()
    {
        QTest::addColumn<QByteArray>("makerNote");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Apple") << appleMakerNote(kId) << QString::fromLatin1(kId);
        QTest::newRow("none") << QByteArray() << QString();
        QTest::newRow("other maker") << QByteArray("Nikon\0\x02\x10\0\0MM\0*\0\0\0\x08\0\0", 20) << QString();
    }

    void exifReaderGivesTheLivePhotoIdentifier()
    {
        QFETCH(QByteArray, makerNote);
        QFETCH(QString, expected);
        ExifFields f;
        f.make = "Apple";
        f.model = "iPhone 12";
        f.dateTimeOriginal = "2023:05:01 10:00:00";
        f.makerNote = makerNote;
        const QByteArray jpeg = jpegWithExif(markedImage(64, 48), f);
        PhotoMetadata meta;
        QVERIFY(ExifReader::read(
            reinterpret_cast<const unsigned char*>(jpeg.constData()), size_t(jpeg.size()), ImageFormat::Jpeg, meta));
        QCOMPARE(meta.contentId, expected);
        QCOMPARE(meta.cameraModel, QStringLiteral("iPhone 12"));
    }
};

QTEST_GUILESS_MAIN(TestAppleMakerNote)
#include "tst_applemakernote.moc"
