// SPDX-License-Identifier: GPL-3.0-or-later
// shoebox-cli export --to DIR end to end: originals copied byte for byte, resized JPEGs at the asked
// long side, --no-location leaves GPS out, the catalog's marks go into the copies' XMP, an album
// exports what it shows, and the originals' checksums never change.

#include "image/exifreader.h"
#include "metadata/xmpreader.h"
#include "support/clirunner.h"
#include "support/exiffixture.h"
#include "support/temporaryhome.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestCliExport : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_lib;
    QString m_photos;
    QMap<QString, QByteArray> m_originals; // name -> bytes before any export

    CliResult cli(const QStringList& args)
    {
        return runCli(m_lib, args, shoebox::test::temporaryHome(m_tmp->path()), m_photos);
    }
    QString out(const QString& name) const { return m_tmp->filePath(QStringLiteral("out/") + name); }
    static QByteArray bytesOf(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static PhotoMetadata exifOf(const QByteArray& jpeg)
    {
        PhotoMetadata meta;
        ExifReader::read(
            reinterpret_cast<const unsigned char*>(jpeg.constData()), size_t(jpeg.size()), ImageFormat::Jpeg, meta);
        return meta;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // wide.jpg (400x300, with GPS) and tall.jpg (150x200), scanned.
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_photos = m_tmp->filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(m_photos));
        ExifFields gps;
        gps.latitude = 35.6586;
        gps.longitude = 139.7454;
        m_originals = { { QStringLiteral("wide.jpg"), jpegWithExif(markedImage(400, 300), gps) },
            { QStringLiteral("tall.jpg"), jpegWithExif(markedImage(150, 200), {}) } };
        for (auto it = m_originals.cbegin(); it != m_originals.cend(); ++it)
            QVERIFY(writeFile(m_photos + QLatin1Char('/') + it.key(), it.value()));
        QVERIFY(exifOf(m_originals.value(QStringLiteral("wide.jpg"))).gps.has_value());
        m_lib = m_tmp->filePath(QStringLiteral("lib.db"));
        const CliResult r = cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), m_photos });
        QVERIFY2(r.code == 0, r.err.constData());
    }

    // Whatever was exported, the originals are the bytes they were.
    void cleanup()
    {
        for (auto it = m_originals.cbegin(); it != m_originals.cend(); ++it)
            QVERIFY2(bytesOf(m_photos + QLatin1Char('/') + it.key()) == it.value(), qPrintable(it.key()));
        m_tmp.reset();
    }

    void originalsAreCopiedByteForByte()
    {
        const CliResult r = cli({ "--json", "export", "--to", m_tmp->filePath("out"), "wide.jpg", "tall.jpg" });
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value("files").toArray().size(), 2);
        QCOMPARE(bytesOf(out("wide.jpg")), m_originals.value("wide.jpg"));
        QCOMPARE(bytesOf(out("tall.jpg")), m_originals.value("tall.jpg"));
        // Again: the names already there are kept, the new copies get " (2)".
        QCOMPARE(cli({ "export", "--to", m_tmp->filePath("out"), "tall.jpg" }).code, 0);
        QCOMPARE(bytesOf(out("tall (2).jpg")), m_originals.value("tall.jpg"));
    }

    void resizedJpegsHaveTheAskedLongSide_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("longSide");
        QTest::addColumn<QSize>("size");
        QTest::newRow("wide, smaller") << "wide.jpg" << 100 << QSize(100, 75);
        QTest::newRow("tall, smaller") << "tall.jpg" << 80 << QSize(60, 80);
        QTest::newRow("never enlarged") << "tall.jpg" << 1000 << QSize(150, 200);
    }

    void resizedJpegsHaveTheAskedLongSide()
    {
        QFETCH(QString, file);
        QFETCH(int, longSide);
        QFETCH(QSize, size);
        const CliResult r = cli({ "export", "--to", m_tmp->filePath("out"), "--resize", QString::number(longSide),
            "--quality", "80", file });
        QVERIFY2(r.code == 0, r.err.constData());
        const cv::Mat copy = cv::imread(out(file).toStdString());
        QVERIFY(!copy.empty());
        QCOMPARE(QSize(copy.cols, copy.rows), size);
    }

    void noLocationLeavesGpsOut_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("hasGps");
        QTest::newRow("original kept") << QStringList {} << true;
        QTest::newRow("original, no location") << QStringList { "--no-location" } << false;
        QTest::newRow("resized kept") << QStringList { "--resize", "100" } << true;
        QTest::newRow("resized, no location") << QStringList { "--resize", "100", "--no-location" } << false;
    }

    void noLocationLeavesGpsOut()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, hasGps);
        const CliResult r
            = cli(QStringList { "export", "--to", m_tmp->filePath("out") } + options + QStringList { "wide.jpg" });
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray copy = bytesOf(out("wide.jpg"));
        QVERIFY(!copy.isEmpty());
        QCOMPARE(exifOf(copy).gps.has_value(), hasGps);
        const XmpData xmp
            = XmpReader::readEmbedded(reinterpret_cast<const unsigned char*>(copy.constData()), size_t(copy.size()), 1);
        QVERIFY(hasGps || !xmp.gps);
    }

    void marksTravelInTheCopiesXmp()
    {
        QCOMPARE(cli({ "rate", "tall.jpg", "4" }).code, 0);
        QCOMPARE(cli({ "export", "--to", m_tmp->filePath("out"), "tall.jpg" }).code, 0);
        const QByteArray copy = bytesOf(out("tall.jpg"));
        const XmpData xmp
            = XmpReader::readEmbedded(reinterpret_cast<const unsigned char*>(copy.constData()), size_t(copy.size()), 1);
        QCOMPARE(xmp.rating, std::optional<int>(4));
        QCOMPARE(cli({ "export", "--no-metadata", "--to", m_tmp->filePath("out2"), "tall.jpg" }).code, 0);
        QCOMPARE(bytesOf(m_tmp->filePath("out2/tall.jpg")), m_originals.value("tall.jpg"));
    }

    void anAlbumExportsWhatItShows()
    {
        QCOMPARE(cli({ "album", "create", "Trip / Day 1" }).code, 0);
        QCOMPARE(cli({ "album", "add", "Trip / Day 1", "wide.jpg" }).code, 0);
        const CliResult r = cli({ "--json", "export", "--to", m_tmp->filePath("out"), "--album", "Trip" });
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value("files").toArray().size(), 1);
        QVERIFY(QFile::exists(out("wide.jpg")));
        QCOMPARE(cli({ "export", "--to", m_tmp->filePath("out"), "--album", "Mars" }).code, 1);
    }

    void badArgumentsFailWithAReason_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("no folder") << QStringList { "export", "wide.jpg" } << 2;
        QTest::newRow("nothing to export") << QStringList { "export", "--to", "x" } << 2;
        QTest::newRow("tiny size") << QStringList { "export", "--to", "x", "--resize", "4", "wide.jpg" } << 2;
        QTest::newRow("bad quality") << QStringList { "export", "--to", "x", "--quality", "0", "wide.jpg" } << 2;
        QTest::newRow("file not in library") << QStringList { "export", "--to", "x", "nope.jpg" } << 1;
    }

    void badArgumentsFailWithAReason()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const QString wrong = wrongRefusal(cli(args), code);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
