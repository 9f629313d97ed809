#include "metadata/xmpreader.h"
#include "metadata/xmpwriter.h"
#include "support/xmpfixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

QByteArray encoded(const char* ext)
{
    cv::Mat m(120, 160, CV_8UC3, cv::Scalar(30, 90, 150));
    std::vector<unsigned char> buf;
    cv::imencode(ext, m, buf);
    return QByteArray(reinterpret_cast<const char*>(buf.data()), int(buf.size()));
}

XmpData embedded(const QByteArray& bytes, int orientation = 1)
{
    return XmpReader::readEmbedded(
        reinterpret_cast<const unsigned char*>(bytes.constData()), size_t(bytes.size()), orientation);
}

QStringList names(const XmpData& x)
{
    QStringList out;
    for (const QStringList& k : x.keywords)
        out << XmpData::tagName(k);
    return out;
}

} // namespace

Q_DECLARE_METATYPE(shoebox::test::XmpTool)

class TestXmpReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsSidecarsAsOtherToolsWriteThem_data()
    {
        QTest::addColumn<XmpTool>("tool");
        QTest::addColumn<QStringList>("keywords");
        QTest::addColumn<int>("rating");
        QTest::addColumn<bool>("picked");
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("regions");
        QTest::newRow("digiKam") << XmpTool::DigiKam
                                 << QStringList { QStringLiteral("People/Alice"), QStringLiteral("Holidays/Beach") }
                                 << 3 << true << QString() << 1;
        // darktable's "darktable|format|jpg" bookkeeping is not a keyword; -1 is rejected.
        QTest::newRow("darktable") << XmpTool::Darktable << QStringList { QStringLiteral("Places/Japan/Tokyo") } << -1
                                   << false << QString() << 0;
        // Lightroom's flattened parents (Japan, Places, Tokyo) fold into the path; "night" stays.
        QTest::newRow("Lightroom") << XmpTool::Lightroom
                                   << QStringList { QStringLiteral("Places/Japan/Tokyo"), QStringLiteral("night") } << 5
                                   << false << QStringLiteral("Shibuya at night") << 1;
    }
    void readsSidecarsAsOtherToolsWriteThem()
    {
        QFETCH(XmpTool, tool);
        QFETCH(QStringList, keywords);
        QFETCH(int, rating);
        QFETCH(bool, picked);
        QFETCH(QString, title);
        QFETCH(int, regions);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("IMG_0001.jpg.xmp"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(sidecarPacket(tool));
        f.close();
        const XmpData x = XmpReader::readSidecar(QFile::encodeName(path), 1);
        QVERIFY2(x.problem.isEmpty(), qPrintable(x.problem));
        QCOMPARE(names(x), keywords);
        QCOMPARE(x.rating.value_or(99), rating);
        QCOMPARE(x.picked, picked);
        QCOMPARE(x.title, title);
        QCOMPARE(x.regions.size(), regions);
        if (regions) {
            QCOMPARE(x.regions[0].name, QStringLiteral("Alice"));
            QVERIFY(qAbs(x.regions[0].box.x() - 0.4) < 1e-6 && qAbs(x.regions[0].box.y() - 0.25) < 1e-6);
            QVERIFY(qAbs(x.regions[0].box.width() - 0.2) < 1e-6 && qAbs(x.regions[0].box.height() - 0.3) < 1e-6);
        }
    }

    void lightroomPositionFillsGps()
    {
        const XmpData x = XmpReader::readPacket(sidecarPacket(XmpTool::Lightroom).toStdString(), 1);
        QVERIFY(x.gps);
        QVERIFY(qAbs(x.gps->latitude - (35 + 39.5 / 60)) < 1e-9);
        QVERIFY(qAbs(x.gps->longitude - 139.7) < 1e-9);
    }

    // A region on the stored pixels of a photo turned a quarter (EXIF 6) lands where it shows upright.
    void regionsFollowTheOrientation_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<QRectF>("upright");
        QTest::newRow("1 as stored") << 1 << QRectF(0.4, 0.25, 0.2, 0.3);
        QTest::newRow("3 half turn") << 3 << QRectF(0.4, 0.45, 0.2, 0.3);
        QTest::newRow("6 quarter right") << 6 << QRectF(0.45, 0.4, 0.3, 0.2);
        QTest::newRow("8 quarter left") << 8 << QRectF(0.25, 0.4, 0.3, 0.2);
    }
    void regionsFollowTheOrientation()
    {
        QFETCH(int, orientation);
        QFETCH(QRectF, upright);
        const XmpData x = XmpReader::readPacket(sidecarPacket(XmpTool::DigiKam).toStdString(), orientation);
        QCOMPARE(x.regions.size(), 1);
        const QRectF b = x.regions[0].box;
        QVERIFY2(qAbs(b.x() - upright.x()) < 1e-6 && qAbs(b.y() - upright.y()) < 1e-6
                && qAbs(b.width() - upright.width()) < 1e-6 && qAbs(b.height() - upright.height()) < 1e-6,
            qPrintable(QStringLiteral("%1,%2 %3x%4").arg(b.x()).arg(b.y()).arg(b.width()).arg(b.height())));
    }

    void readsEmbeddedXmp_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray packet = xmpPacket("xmp:Rating=\"4\"",
            subjectBag({ QStringLiteral("Strand"), QStringLiteral("Möwe") })
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Am Meer</rdf:li></rdf:Alt>"
                  "</dc:description>\n");
        QTest::newRow("jpeg") << jpegWithXmp(encoded(".jpg"), packet);
        QTest::newRow("png") << pngWithXmp(encoded(".png"), packet);
    }
    void readsEmbeddedXmp()
    {
        QFETCH(QByteArray, bytes);
        const XmpData x = embedded(bytes);
        QVERIFY2(x.problem.isEmpty(), qPrintable(x.problem));
        QCOMPARE(names(x), (QStringList { QStringLiteral("Strand"), QStringLiteral("Möwe") }));
        QCOMPARE(x.rating.value_or(0), 4);
        QCOMPARE(x.description, QStringLiteral("Am Meer"));
    }

    void readsIptcKeywords()
    {
        const XmpData x = embedded(jpegWithIptcKeywords(
            encoded(".jpg"), { QStringLiteral("Kirschblüte"), QStringLiteral("Kyoto"), QStringLiteral("AC/DC") }));
        QVERIFY2(x.problem.isEmpty(), qPrintable(x.problem));
        QCOMPARE(x.keywords.size(), 3);
        QCOMPARE(x.keywords[0], QStringList { QStringLiteral("Kirschblüte") });
        QCOMPARE(x.keywords[2], QStringList { QStringLiteral("AC/DC") }); // flat: IPTC has no hierarchy
    }

    void photoWithoutMetadataReadsEmpty()
    {
        const XmpData x = embedded(encoded(".jpg"));
        QVERIFY(x.isEmpty());
        QVERIFY(x.problem.isEmpty());
        QVERIFY(embedded(QByteArrayLiteral("not an image at all")).isEmpty());
    }

    // Bad XMP never crashes and never throws: one line says what was wrong.
    void badXmpGivesAOneLineReason_data()
    {
        QTest::addColumn<QByteArray>("packet");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not xml") << QByteArray("this is not XML at all <<<") << QStringLiteral("sidecar");
        QTest::newRow("cut short") << sidecarPacket(XmpTool::Lightroom).left(400) << QStringLiteral("sidecar");
        QTest::newRow("binary") << QByteArray(300, '\xff') << QStringLiteral("sidecar");
        QTest::newRow("rating 9") << xmpPacket("xmp:Rating=\"9\"") << QStringLiteral("xmp:Rating");
    }
    void badXmpGivesAOneLineReason()
    {
        QFETCH(QByteArray, packet);
        QFETCH(QString, reason);
        const XmpData x = XmpReader::readPacket(packet.toStdString(), 1);
        QVERIFY2(x.problem.startsWith(reason), qPrintable(x.problem));
        QVERIFY(!x.problem.contains(QLatin1Char('\n')));
        QVERIFY(!x.rating);
        // The same bytes embedded in a JPEG: the photo still reads, the XMP is noted or skipped.
        const XmpData e = embedded(jpegWithXmp(encoded(".jpg"), packet));
        QVERIFY(!e.rating);
    }

    // What the writer puts in a sidecar reads back the same, and other tools' fields survive it.
    void writtenPacketReadsBackAndKeepsOtherFields()
    {
        XmpData d;
        d.addKeyword({ QStringLiteral("Places"), QStringLiteral("Japan"), QStringLiteral("Tokyo") });
        d.addKeyword({ QStringLiteral("night") });
        d.rating = 2;
        d.title = QStringLiteral("Ginza");
        d.regions.append({ QStringLiteral("Bob"), QRectF(0.1, 0.2, 0.3, 0.4) });
        std::string out;
        QString error;
        QVERIFY2(
            XmpWriter::packet(sidecarPacket(XmpTool::Darktable).toStdString(), d, 6, &out, &error), qPrintable(error));
        const QString text = QString::fromStdString(out);
        QVERIFY(text.contains(QStringLiteral("darktable:history_end"))); // darktable's own field kept
        QVERIFY(text.contains(QStringLiteral("Places|Japan|Tokyo")));
        QVERIFY(text.contains(QStringLiteral("Places/Japan/Tokyo")));
        const XmpData back = XmpReader::readPacket(out, 6);
        QCOMPARE(names(back), names(d));
        QCOMPARE(back.rating.value_or(0), 2);
        QCOMPARE(back.title, d.title);
        QCOMPARE(back.regions.size(), 1);
        QVERIFY(qAbs(back.regions[0].box.x() - 0.1) < 1e-5 && qAbs(back.regions[0].box.height() - 0.4) < 1e-5);
    }
};

QTEST_GUILESS_MAIN(TestXmpReader)
#include "tst_xmpreader.moc"
