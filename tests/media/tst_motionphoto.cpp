#include "media/motionclip.h"
#include "media/motionphoto.h"
#include "scan/photoprocessor.h"
#include "support/exiffixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

QByteArray be32(quint32 v)
{
    const char bytes[4] = { char(v >> 24), char(v >> 16), char(v >> 8), char(v) };
    return QByteArray(bytes, 4);
}

// An ISO BMFF file as a phone appends it: an ftyp box, then an mdat of payload bytes.
QByteArray fakeMp4(int payload)
{
    QByteArray mp4 = be32(24) + "ftypisom" + be32(0x200) + "isommp41";
    QByteArray data(payload, '\0');
    for (int i = 0; i < payload; ++i)
        data[i] = char((i * 7) % 251);
    return mp4 + be32(quint32(payload + 8)) + "mdat" + data;
}

QByteArray plainJpeg()
{
    std::vector<unsigned char> buf;
    cv::imencode(".jpg", markedImage(320, 240), buf);
    return QByteArray(reinterpret_cast<const char*>(buf.data()), int(buf.size()));
}

QByteArray withXmp(const QByteArray& jpeg, const QByteArray& description)
{
    const QByteArray xml = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                           "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        + description + "</rdf:RDF></x:xmpmeta>";
    return insertApp1(jpeg, QByteArray("http://ns.adobe.com/xap/1.0/\0", 29) + xml);
}

QByteArray microVideo(qint64 fromEnd)
{
    return "<rdf:Description xmlns:GCamera=\"http://ns.google.com/photos/1.0/camera/\" GCamera:MicroVideo=\"1\""
           " GCamera:MicroVideoVersion=\"1\" GCamera:MicroVideoOffset=\""
        + QByteArray::number(fromEnd) + "\"/>";
}

QByteArray containerDirectory(qint64 length)
{
    return "<rdf:Description xmlns:GCamera=\"http://ns.google.com/photos/1.0/camera/\""
           " xmlns:Container=\"http://ns.google.com/photos/1.0/container/\""
           " xmlns:Item=\"http://ns.google.com/photos/1.0/container/item/\" GCamera:MotionPhoto=\"1\">"
           "<Container:Directory><rdf:Seq>"
           "<rdf:li rdf:parseType=\"Resource\"><Container:Item Item:Mime=\"image/jpeg\" Item:Semantic=\"Primary\""
           " Item:Length=\"0\" Item:Padding=\"0\"/></rdf:li>"
           "<rdf:li rdf:parseType=\"Resource\"><Container:Item Item:Mime=\"video/mp4\" Item:Semantic=\"MotionPhoto\""
           " Item:Length=\""
        + QByteArray::number(length) + "\"/></rdf:li></rdf:Seq></Container:Directory></rdf:Description>";
}

} // namespace

class TestMotionPhoto : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void findsTheEmbeddedClip_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<qint64>("offset"); // -1: no clip
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("problem"); // a word the note must contain; empty: no note
        const QByteArray jpeg = plainJpeg();
        const QByteArray mp4 = fakeMp4(3000);
        const qint64 n = mp4.size();
        const QByteArray google = withXmp(jpeg, microVideo(n));
        QTest::newRow("Google MicroVideoOffset")
            << google + mp4 << qint64(google.size()) << QStringLiteral("microvideo") << QString();
        const QByteArray element = withXmp(jpeg,
            "<rdf:Description xmlns:GCamera=\"http://ns.google.com/photos/1.0/camera/\"><GCamera:MicroVideoOffset>"
                + QByteArray::number(n) + "</GCamera:MicroVideoOffset></rdf:Description>");
        QTest::newRow("MicroVideoOffset as an element")
            << element + mp4 << qint64(element.size()) << QStringLiteral("microvideo") << QString();
        const QByteArray container = withXmp(jpeg, containerDirectory(n));
        QTest::newRow("Container:Directory")
            << container + mp4 << qint64(container.size()) << QStringLiteral("container") << QString();
        const QByteArray samsung = jpeg + "MotionPhoto_Data";
        QTest::newRow("Samsung trailer") << samsung + mp4 + "SEFH" << qint64(samsung.size())
                                         << QStringLiteral("samsung") << QString();
        QTest::newRow("no markers: ftyp after the EOI")
            << jpeg + mp4 << qint64(jpeg.size()) << QStringLiteral("ftyp-search") << QString();
        const QByteArray outside = withXmp(jpeg, microVideo(100'000'000));
        QTest::newRow("offset outside the file")
            << outside + mp4 << qint64(-1) << QStringLiteral("microvideo") << QStringLiteral("outside");
        const QByteArray wrong = withXmp(jpeg, microVideo(n - 10));
        QTest::newRow("offset at no MP4")
            << wrong + mp4 << qint64(-1) << QStringLiteral("microvideo") << QStringLiteral("no MP4");
        const QByteArray noLength = withXmp(jpeg, containerDirectory(0));
        QTest::newRow("container item without length")
            << noLength + mp4 << qint64(noLength.size()) << QStringLiteral("ftyp-search") << QString();
        QTest::newRow("plain JPEG") << jpeg << qint64(-1) << QString() << QString();
        QTest::newRow("JPEG with trailing bytes")
            << jpeg + QByteArray(5000, 'x') << qint64(-1) << QString() << QString();
        QTest::newRow("truncated JPEG") << jpeg.left(jpeg.size() / 2) << qint64(-1) << QString() << QString();
        QTest::newRow("not a JPEG") << mp4 << qint64(-1) << QString() << QString();
    }

    void findsTheEmbeddedClip()
    {
        QFETCH(QByteArray, file);
        QFETCH(qint64, offset);
        QFETCH(QString, source);
        QFETCH(QString, problem);
        const MotionPhotoInfo info
            = MotionPhoto::detect(reinterpret_cast<const unsigned char*>(file.constData()), size_t(file.size()));
        QCOMPARE(info.offset.value_or(-1), offset);
        QCOMPARE(info.source, source);
        if (problem.isEmpty())
            QVERIFY2(info.problem.isEmpty(), qPrintable(info.problem));
        else
            QVERIFY2(info.problem.contains(problem), qPrintable(info.problem));
    }

    // A clip larger than the JPEG probe's tail window must not make the photo look truncated, and the
    // extracted clip is byte for byte the appended one while the original stays untouched.
    void scannedMotionPhotoIsOkAndItsClipExtracts()
    {
        QTemporaryDir dir;
        const QByteArray mp4 = fakeMp4(300'000);
        const QByteArray head = withXmp(plainJpeg(), microVideo(mp4.size()));
        const QString path = dir.filePath(QStringLiteral("PXL_20230501_100000000.MP.jpg"));
        const QByteArray file = head + mp4;
        QVERIFY(writeFile(path, file));
        const QByteArray before = QCryptographicHash::hash(file, QCryptographicHash::Sha256);
        FileEntry entry;
        entry.path = QFile::encodeName(path);
        ProcessOptions options;
        options.thumbnails = false;
        const ProcessedPhoto p = PhotoProcessor::process(entry, options);
        QCOMPARE(photoStateName(p.record.state), QStringLiteral("ok"));
        QCOMPARE(p.record.motionOffset.value_or(-1), qint64(head.size()));
        QVERIFY(MotionClip::isLive(p.record, {}));
        QString error;
        const QString clip = MotionClip::playablePath(p.record, {}, dir.filePath(QStringLiteral("cache")), &error);
        QVERIFY2(!clip.isEmpty(), qPrintable(error));
        QFile extracted(clip);
        QVERIFY(extracted.open(QIODevice::ReadOnly));
        QCOMPARE(extracted.readAll(), mp4);
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(original.readAll(), QCryptographicHash::Sha256), before);
    }

    void badOffsetKeepsANoteAndANormalPhoto()
    {
        QTemporaryDir dir;
        const QByteArray mp4 = fakeMp4(300'000); // past the JPEG probe's tail window
        const QString path = dir.filePath(QStringLiteral("broken.MP.jpg"));
        QVERIFY(writeFile(path, withXmp(plainJpeg(), microVideo(50'000'000)) + mp4));
        FileEntry entry;
        entry.path = QFile::encodeName(path);
        ProcessOptions options;
        options.thumbnails = false;
        const ProcessedPhoto p = PhotoProcessor::process(entry, options);
        QCOMPARE(photoStateName(p.record.state), QStringLiteral("ok"));
        QVERIFY(!p.record.motionOffset);
        QVERIFY2(p.record.error.contains(QStringLiteral("outside the file")), qPrintable(p.record.error));
        QVERIFY(!MotionClip::isLive(p.record, {}));
        QString error;
        QVERIFY(MotionClip::playablePath(p.record, {}, dir.path(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMotionPhoto)
#include "tst_motionphoto.moc"
