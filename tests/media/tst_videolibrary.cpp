// Videos end to end through the CLI, as a person's library would meet them: scanned with their kind,
// duration, codec, capture time and thumbnail; bad files listed with a reason; found by type:video;
// exact and near-duplicate copies grouped, different clips kept apart.
#include "support/videofixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using shoebox::test::VideoFixture;

namespace {

const QString kCli = QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli");

} // namespace

class TestVideoLibrary : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_videos;

    QJsonObject cli(const QStringList& args, int* code = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_tmp.filePath(QStringLiteral("cache")));
        p.setProcessEnvironment(env);
        p.start(kCli,
            QStringList {
                QStringLiteral("--library"), m_tmp.filePath(QStringLiteral("lib.db")), QStringLiteral("--json") }
                + args);
        p.waitForFinished(300000);
        if (code)
            *code = p.exitCode();
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

    QJsonObject photoNamed(const QJsonArray& photos, const QString& name)
    {
        for (const auto& v : photos)
            if (v.toObject().value(QStringLiteral("path")).toString().endsWith(QLatin1Char('/') + name))
                return v.toObject();
        return {};
    }

    bool copyTo(const QString& sample, const QString& name)
    {
        const QString from = VideoFixture::sample(sample);
        return !from.isEmpty() && QFile::copy(from, m_videos + QLatin1Char('/') + name);
    }

private Q_SLOTS:
    // One library for all slots: made once here, each slot looks at another side of it.
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!VideoFixture::available())
            QSKIP(qPrintable(VideoFixture::skipReason()));
        if (VideoFixture::sample(QStringLiteral("mp4.mp4")).isEmpty())
            QSKIP("the mimetype samples are missing: run scripts/fetch-test-photos.sh");
        m_videos = m_tmp.filePath(QStringLiteral("videos"));
        QVERIFY(QDir().mkpath(m_videos));
        QVERIFY(copyTo(QStringLiteral("mp4.mp4"), QStringLiteral("lego.mp4")));
        QVERIFY(copyTo(QStringLiteral("mp4.mp4"), QStringLiteral("lego-copy.mp4"))); // same bytes
        QVERIFY(copyTo(QStringLiteral("mov.mov"), QStringLiteral("lego-other-encoding.mov")));
        QVERIFY(copyTo(QStringLiteral("mov.mov"), QStringLiteral("really-a-mov.jpg"))); // wrong extension
        QVERIFY(copyTo(QStringLiteral("3gp.3gp"), QStringLiteral("phone.3gp")));
        QString error;
        const QString lego = VideoFixture::sample(QStringLiteral("mp4.mp4"));
        QVERIFY2(VideoFixture::make(m_videos + QStringLiteral("/lego-small.mp4"),
                     { QStringLiteral("-i"), lego, QStringLiteral("-vf"), QStringLiteral("scale=280:160"),
                         QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                         QStringLiteral("ultrafast"), QStringLiteral("-crf"), QStringLiteral("35") },
                     &error),
            qPrintable(error));
        QVERIFY2(
            VideoFixture::clip(m_videos + QStringLiteral("/fractal.mp4"), QStringLiteral("mandelbrot"), 5, 320, 240,
                { QStringLiteral("-metadata"), QStringLiteral("creation_time=2022-08-14T09:10:11Z") }, &error),
            qPrintable(error));
        QVERIFY2(VideoFixture::make(m_videos + QStringLiteral("/sound-only.mp4"),
                     { QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                         QStringLiteral("sine=duration=1") },
                     &error),
            qPrintable(error));
        QFile truncated(m_videos + QStringLiteral("/cut.mov"));
        QFile whole(lego);
        QVERIFY(truncated.open(QIODevice::WriteOnly) && whole.open(QIODevice::ReadOnly));
        truncated.write(whole.read(whole.size() / 3));
        truncated.close();
        QFile(m_videos + QStringLiteral("/empty.mp4")).open(QIODevice::WriteOnly);
        int code = -1;
        const QJsonObject scan = cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), m_videos }, &code);
        QCOMPARE(code, 0);
        QCOMPARE(scan.value(QStringLiteral("found")).toInt(), 10);
        QCOMPARE(scan.value(QStringLiteral("added")).toInt(), 7);
        QCOMPARE(scan.value(QStringLiteral("failed")).toInt(), 3); // no video stream, truncated, empty
    }

    void videosAreListedWithKindDurationAndCodec_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<int>("seconds");
        QTest::newRow("mp4") << "lego.mp4"
                             << "mp4"
                             << "h264" << 6;
        QTest::newRow("mov") << "lego-other-encoding.mov"
                             << "mov"
                             << "h264" << 6;
        QTest::newRow("mov named .jpg") << "really-a-mov.jpg"
                                        << "mov"
                                        << "h264" << 6;
        QTest::newRow("3gp") << "phone.3gp"
                             << "3gp"
                             << "h263" << 6;
        QTest::newRow("generated") << "fractal.mp4"
                                   << "mp4"
                                   << "h264" << 5;
    }
    void videosAreListedWithKindDurationAndCodec()
    {
        QFETCH(QString, name);
        QFETCH(QString, format);
        QFETCH(QString, codec);
        QFETCH(int, seconds);
        const QJsonObject list = cli({ QStringLiteral("list") });
        const QJsonObject v = photoNamed(list.value(QStringLiteral("photos")).toArray(), name);
        QVERIFY2(!v.isEmpty(), qPrintable(name));
        QCOMPARE(v.value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
        QCOMPARE(v.value(QStringLiteral("kind")).toString(), QStringLiteral("video"));
        QCOMPARE(v.value(QStringLiteral("format")).toString(), format);
        QCOMPARE(v.value(QStringLiteral("codec")).toString(), codec);
        QCOMPARE(qRound(v.value(QStringLiteral("duration_ms")).toDouble() / 1000), seconds);
        QVERIFY(v.value(QStringLiteral("width")).toInt() > 0);
    }

    void infoShowsTheVideoFields()
    {
        const QJsonObject info = cli({ QStringLiteral("info"), m_videos + QStringLiteral("/lego.mp4") });
        QCOMPARE(info.value(QStringLiteral("kind")).toString(), QStringLiteral("video"));
        QCOMPARE(info.value(QStringLiteral("codec")).toString(), QStringLiteral("h264"));
        QCOMPARE(info.value(QStringLiteral("taken_source")).toString(), QStringLiteral("quicktime-utc"));
        QVERIFY(info.value(QStringLiteral("hashes")).toObject().contains(QStringLiteral("phash")));
        const QJsonObject fractal = cli({ QStringLiteral("info"), m_videos + QStringLiteral("/fractal.mp4") });
        QCOMPARE(QDateTime::fromString(fractal.value(QStringLiteral("taken_at")).toString(), Qt::ISODateWithMs)
                     .toUTC()
                     .toString(Qt::ISODate),
            QStringLiteral("2022-08-14T09:10:11Z"));
    }

    void badVideosAreListedWithAReason_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no video stream") << "sound-only.mp4"
                                         << "no video stream";
        QTest::newRow("truncated") << "cut.mov"
                                   << "video";
        QTest::newRow("zero bytes") << "empty.mp4"
                                    << "empty file";
    }
    void badVideosAreListedWithAReason()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        const QJsonObject list = cli({ QStringLiteral("list"), QStringLiteral("--all") });
        const QJsonObject v = photoNamed(list.value(QStringLiteral("photos")).toArray(), name);
        QVERIFY2(!v.isEmpty(), qPrintable(name));
        QCOMPARE(v.value(QStringLiteral("state")).toString(), QStringLiteral("error"));
        const QString error = v.value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void typeVideoFindsTheVideos()
    {
        const QJsonObject videos = cli({ QStringLiteral("search"), QStringLiteral("type:video") });
        QCOMPARE(videos.value(QStringLiteral("photos")).toArray().size(), 7);
        const QJsonObject photos = cli({ QStringLiteral("search"), QStringLiteral("type:photo") });
        QCOMPARE(photos.value(QStringLiteral("photos")).toArray().size(), 0);
        const QJsonObject fractal = cli({ QStringLiteral("search"), QStringLiteral("type:videos fractal") });
        QCOMPARE(fractal.value(QStringLiteral("photos")).toArray().size(), 1);
    }

    void duplicatesGroupCopiesAndKeepOtherClipsApart()
    {
        const QJsonObject exact
            = cli({ QStringLiteral("duplicates"), QStringLiteral("--level"), QStringLiteral("exact") });
        const QJsonArray exactGroups = exact.value(QStringLiteral("groups")).toArray();
        QCOMPARE(exactGroups.size(), 2); // lego.mp4 + lego-copy.mp4, lego-other-encoding.mov + really-a-mov.jpg
        const QJsonObject near
            = cli({ QStringLiteral("duplicates"), QStringLiteral("--level"), QStringLiteral("near") });
        const QJsonArray groups = near.value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.size(), 1);
        const QJsonObject g = groups.first().toObject();
        QStringList files;
        for (const auto& f : g.value(QStringLiteral("files")).toArray())
            files << QFileInfo(f.toString()).fileName();
        files.sort();
        QVERIFY2(!files.contains(QStringLiteral("fractal.mp4")), qPrintable(files.join(QLatin1Char(' '))));
        for (const char* n :
            { "lego.mp4", "lego-copy.mp4", "lego-other-encoding.mov", "really-a-mov.jpg", "lego-small.mp4" })
            QVERIFY2(files.contains(QLatin1String(n)), qPrintable(files.join(QLatin1Char(' '))));
        const QString reasons = g.value(QStringLiteral("reasons")).toVariant().toStringList().join(QLatin1Char('|'));
        QVERIFY2(reasons.contains(QStringLiteral("frames within")), qPrintable(reasons));
        QVERIFY2(reasons.contains(QStringLiteral("same bytes")), qPrintable(reasons));
    }
};

QTEST_GUILESS_MAIN(TestVideoLibrary)
#include "tst_videolibrary.moc"
