// HEIC, AVIF and camera RAW end to end through shoebox-cli: what a user sees after a scan (format,
// true size, capture date, an upright thumbnail) and a one-line reason for a RAW this LibRaw lacks.

#include "image/rawdecoder.h"
#include "image/thumbnailcache.h"
#include "support/dngfixture.h"
#include "support/exiffixture.h"
#include "support/heiffixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

const QString kCli = QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli");
const QString kAvifSample = QStringLiteral(SHOEBOX_TEST_DATA "/mimetype/avif.avif");

cv::Mat toMat(const QImage& image)
{
    const QImage bgr = image.convertToFormat(QImage::Format_BGR888);
    return cv::Mat(bgr.height(), bgr.width(), CV_8UC3, const_cast<uchar*>(bgr.bits()), size_t(bgr.bytesPerLine()))
        .clone();
}

} // namespace

class TestCliFormats : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_lib, m_photos;
    QMap<QString, QJsonObject> m_listed; // file name -> its `list --all --json` entry

    QJsonObject cli(const QStringList& args, int* code = nullptr)
    {
        QProcess p;
        p.start(kCli, QStringList { QStringLiteral("--library"), m_lib, QStringLiteral("--json") } + args);
        p.waitForFinished(300000);
        if (code)
            *code = p.exitCode();
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

private Q_SLOTS:
    // One library for the class: the fixtures are scanned once, every slot reads what came out.
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // No QStandardPaths test mode here: the test must find the thumbnails where the CLI (a normal
        // process) wrote them. Both see only these temporary homes instead.
        for (const char* home : { "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME" })
            qputenv(home, QFile::encodeName(m_tmp.filePath(QString::fromLatin1(home))));
        m_lib = m_tmp.filePath(QStringLiteral("lib.db"));
        m_photos = m_tmp.filePath(QStringLiteral("roll"));
        QVERIFY(QDir().mkpath(m_photos));
        QString error;
        const QByteArray iphone = iphoneStyleHeic(&error);
        QVERIFY2(!iphone.isEmpty(), qPrintable(error));
        QVERIFY(writeFile(m_photos + QStringLiteral("/IMG_0001.HEIC"), iphone));
        HeifFields av1;
        av1.avif = true;
        QVERIFY(writeFile(m_photos + QStringLiteral("/plain.avif"), encodeHeif(bandedImage(640, 480), av1, &error)));
        // A portrait DNG: the sensor frame is landscape, Orientation 6 turns it.
        cv::Mat stored;
        cv::rotate(bandedImage(480, 640), stored, cv::ROTATE_90_COUNTERCLOCKWISE);
        DngFields dng;
        dng.orientation = 6;
        QVERIFY(writeDng(m_photos + QStringLiteral("/DSC_0002.DNG"), stored, dng, &error));
        QVERIFY(
            writeFile(m_photos + QStringLiteral("/DSC_0003.NEF"), tiffNamingCamera("NIKON CORPORATION", "NIKON Z 9")));
        int expected = 3;
        if (QFile::exists(kAvifSample) && QFile::copy(kAvifSample, m_photos + QStringLiteral("/sample.avif")))
            ++expected;

        int code = -1;
        const QJsonObject scan = cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), m_photos }, &code);
        QCOMPARE(code, 0);
        QCOMPARE(scan.value(QStringLiteral("added")).toInt(), expected);
        const QJsonObject list = cli({ QStringLiteral("list"), QStringLiteral("--all") });
        for (const QJsonValue& v : list.value(QStringLiteral("photos")).toArray())
            m_listed.insert(QFileInfo(v.toObject().value(QStringLiteral("path")).toString()).fileName(), v.toObject());
        QCOMPARE(m_listed.size(), expected + 1);
    }

    void listShowsFormatTrueSizeAndDate_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("takenAt"); // empty: dated from the file time
        QTest::newRow("iPhone HEIC") << "IMG_0001.HEIC"
                                     << "heic" << 480 << 640 << "2023-08-15T18:30:05.000";
        QTest::newRow("AVIF") << "plain.avif"
                              << "avif" << 640 << 480 << "";
        QTest::newRow("DNG") << "DSC_0002.DNG"
                             << "dng" << 480 << 640 << "2021-05-06T07:08:09.000";
        QTest::newRow("real AVIF sample") << "sample.avif"
                                          << "avif" << 320 << 180 << "";
    }
    void listShowsFormatTrueSizeAndDate()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, takenAt);
        if (file == QLatin1String("sample.avif") && !QFile::exists(kAvifSample))
            QSKIP("mimetype samples not extracted (scripts/fetch-test-photos.sh)");
        const QJsonObject o = m_listed.value(file);
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
        QCOMPARE(o.value(QStringLiteral("format")).toString(), format);
        QCOMPARE(o.value(QStringLiteral("width")).toInt(), width);
        QCOMPARE(o.value(QStringLiteral("height")).toInt(), height);
        if (!takenAt.isEmpty())
            QCOMPARE(o.value(QStringLiteral("taken_at")).toString(), takenAt);
    }

    // The thumbnail a user sees in the grid is upright: the band on top, once.
    void thumbnailsAreUprightOnce_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("iPhone HEIC (irot + EXIF 6)") << "IMG_0001.HEIC";
        QTest::newRow("AVIF") << "plain.avif";
        QTest::newRow("DNG (Orientation 6)") << "DSC_0002.DNG";
    }
    void thumbnailsAreUprightOnce()
    {
        QFETCH(QString, file);
        const QByteArray path = QFile::encodeName(m_photos + QLatin1Char('/') + file);
        const qint64 mtime = QFileInfo(QFile::decodeName(path)).lastModified().toSecsSinceEpoch();
        QVERIFY(ThumbnailCache::isValid(path, mtime));
        const QImage thumb = ThumbnailCache::load(path, mtime);
        QVERIFY(!thumb.isNull());
        QCOMPARE(bandSide(toMat(thumb)), QStringLiteral("top"));
    }

    void infoShowsHeifExifAndRawCamera()
    {
        const QJsonObject heic = cli({ QStringLiteral("info"), m_photos + QStringLiteral("/IMG_0001.HEIC") });
        QCOMPARE(heic.value(QStringLiteral("camera_model")).toString(), QStringLiteral("iPhone 14"));
        QCOMPARE(heic.value(QStringLiteral("utc_offset_minutes")).toInt(), 120);
        QVERIFY(
            qAbs(heic.value(QStringLiteral("gps")).toObject().value(QStringLiteral("latitude")).toDouble() - 48.8584)
            < 1e-3);
        QCOMPARE(heic.value(QStringLiteral("orientation")).toInt(), 1); // already turned by irot
        const QJsonObject dng = cli({ QStringLiteral("info"), m_photos + QStringLiteral("/DSC_0002.DNG") });
        QCOMPARE(dng.value(QStringLiteral("camera_make")).toString(), QStringLiteral("Shoebox"));
        QCOMPARE(dng.value(QStringLiteral("orientation")).toInt(), 6);
    }

    void rawFromNewerCameraIsListedWithItsName()
    {
        const QJsonObject o = m_listed.value(QStringLiteral("DSC_0003.NEF"));
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("unsupported"));
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("nef"));
        QCOMPARE(o.value(QStringLiteral("error")).toString(),
            QStringLiteral("unsupported RAW: Nikon Z 9 is newer than this LibRaw %1").arg(RawDecoder::libRawVersion()));
    }
};

QTEST_GUILESS_MAIN(TestCliFormats)
#include "tst_cliformats.moc"
