// VideoProbe and VideoFrames on real sample clips and on fixtures made with ffmpeg: the fields a
// scan records, rotation turned upright, UTC versus Apple local capture times, and bad input.
#include "media/videoframes.h"
#include "media/videoinput.h"
#include "media/videoprobe.h"
#include "support/videofixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <tuple>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace shoebox;
using shoebox::test::VideoFixture;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Which half of a picture is white: "top", "right", "bottom" or "left" (or "none").
QString whiteSide(const cv::Mat& grey)
{
    const int w = grey.cols, h = grey.rows;
    const std::pair<const char*, cv::Rect> halves[]
        = { { "top", cv::Rect(0, 0, w, h / 2) }, { "right", cv::Rect(w / 2, 0, w / 2, h) },
              { "bottom", cv::Rect(0, h / 2, w, h / 2) }, { "left", cv::Rect(0, 0, w / 2, h) } };
    for (const auto& [name, rect] : halves)
        if (cv::mean(grey(rect))[0] > 240)
            return QString::fromLatin1(name);
    return QStringLiteral("none");
}

// Overwrites little-endian 32-bit fields of an AVI's header chunks: {chunk tag, offset in its body, value}.
QByteArray patchedAvi(QByteArray avi, const QList<std::tuple<QByteArray, int, quint32>>& fields)
{
    for (const auto& [tag, offset, value] : fields) {
        const qsizetype at = avi.indexOf(tag);
        if (at < 0 || at + 8 + offset + 4 > avi.size())
            return {};
        for (int i = 0; i < 4; ++i)
            avi[at + 8 + offset + i] = char((value >> (8 * i)) & 0xff);
    }
    return avi;
}

} // namespace

class TestVideoProbe : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        if (!VideoFixture::available())
            QSKIP(qPrintable(VideoFixture::skipReason()));
        QVERIFY(m_dir.isValid());
    }

    void probesRealSamples_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<QString>("utc"); // creation_time, empty when the file has none (or a zero date)
        QTest::newRow("mov") << "mov.mov"
                             << "h264" << 560 << 320 << qint64(5599) << QString();
        QTest::newRow("mp4") << "mp4.mp4"
                             << "h264" << 560 << 320 << qint64(5568) << "2010-03-20T21:29:11Z";
        QTest::newRow("3gp, 1970 zero date") << "3gp.3gp"
                                             << "h263" << 352 << 288 << qint64(5534) << QString();
    }
    void probesRealSamples()
    {
        QFETCH(QString, name);
        QFETCH(QString, codec);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(qint64, durationMs);
        QFETCH(QString, utc);
        const QString path = VideoFixture::sample(name);
        if (path.isEmpty())
            QSKIP("the mimetype samples are missing: run scripts/fetch-test-photos.sh");
        const QByteArray bytes = readAll(path);
        VideoInput input;
        QVERIFY2(input.openMemory(reinterpret_cast<const uchar*>(bytes.constData()), size_t(bytes.size())),
            qPrintable(input.error()));
        const VideoInfo info = VideoProbe::probe(input);
        QCOMPARE(info.codec, codec);
        QCOMPARE(info.uprightWidth(), width);
        QCOMPARE(info.uprightHeight(), height);
        QVERIFY2(std::abs(info.durationMs - durationMs) <= 50, qPrintable(QString::number(info.durationMs)));
        if (utc.isEmpty()) {
            QVERIFY(!info.takenAt.isValid());
        } else {
            QCOMPARE(info.takenAt.toUTC(), QDateTime::fromString(utc, Qt::ISODate));
            QCOMPARE(info.takenSource, QStringLiteral("quicktime-utc"));
        }
        const cv::Mat frame = VideoFrames::representative(input, info, 256);
        QCOMPARE(frame.cols, 256);
        QCOMPARE(frame.type(), CV_8UC3);
        QVERIFY(!VideoFrames::isBlank(frame));
    }

    void rotatedVideoComesOutUpright_data()
    {
        QTest::addColumn<int>("rotate");
        QTest::newRow("0") << 0;
        QTest::newRow("90") << 90;
        QTest::newRow("180") << 180;
        QTest::newRow("270") << 270;
    }
    void rotatedVideoComesOutUpright()
    {
        QFETCH(int, rotate);
        // A landscape clip whose top half is white and bottom half black, then tagged with a rotation.
        const QString plain = m_dir.filePath(QStringLiteral("plain.mp4"));
        const QString rotated = m_dir.filePath(QStringLiteral("rot%1.mp4").arg(rotate));
        QString error;
        QVERIFY2(
            VideoFixture::make(plain,
                { QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("color=white:size=320x240:rate=10,drawbox=x=0:y=120:w=320:h=120:color=black:t=fill"),
                    QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                    QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p") },
                &error),
            qPrintable(error));
        QVERIFY2(VideoFixture::make(rotated,
                     { QStringLiteral("-i"), plain, QStringLiteral("-c"), QStringLiteral("copy"),
                         QStringLiteral("-metadata:s:v:0"), QStringLiteral("rotate=%1").arg(rotate) },
                     &error),
            qPrintable(error));
        VideoInput input;
        QVERIFY2(input.openFile(QFile::encodeName(rotated)), qPrintable(input.error()));
        const VideoInfo info = VideoProbe::probe(input);
        const bool portrait = rotate % 180 != 0;
        QCOMPARE(info.rotation % 180 != 0, portrait);
        QCOMPARE(info.uprightWidth(), portrait ? 240 : 320);
        const cv::Mat frame = VideoFrames::representative(input, info, 320);
        QCOMPARE(frame.cols, portrait ? 240 : 320);
        QCOMPARE(frame.rows, portrait ? 320 : 240);
        // Upright as players show it: the white half lies where ffmpeg's own autorotation puts it.
        const QString reference = m_dir.filePath(QStringLiteral("upright%1.png").arg(rotate));
        QVERIFY2(VideoFixture::make(reference,
                     { QStringLiteral("-i"), rotated, QStringLiteral("-frames:v"), QStringLiteral("1") }, &error),
            qPrintable(error));
        cv::Mat grey, expected = cv::imread(reference.toStdString(), cv::IMREAD_GRAYSCALE);
        QCOMPARE(expected.cols, frame.cols);
        cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
        QVERIFY2(whiteSide(grey) == whiteSide(expected),
            qPrintable(QStringLiteral("ours %1, ffmpeg %2").arg(whiteSide(grey), whiteSide(expected))));
    }

    void appleLocalTimeWinsOverUtc()
    {
        const QString path = m_dir.filePath(QStringLiteral("iphone.mov"));
        QString error;
        QVERIFY2(VideoFixture::clip(path, QStringLiteral("testsrc2"), 1, 320, 240,
                     { QStringLiteral("-movflags"), QStringLiteral("use_metadata_tags"), QStringLiteral("-metadata"),
                         QStringLiteral("creation_time=2023-06-01T12:05:09Z"), QStringLiteral("-metadata"),
                         QStringLiteral("com.apple.quicktime.creationdate=2023-06-01T14:05:09+0200"),
                         QStringLiteral("-metadata"),
                         QStringLiteral("com.apple.quicktime.location.ISO6709=+48.8577+002.2950+035.000/"),
                         QStringLiteral("-metadata"),
                         QStringLiteral("com.apple.quicktime.content.identifier=5E3F2D9C-7A40-4F2B-9C1A-ABCDEF012345"),
                         QStringLiteral("-metadata"), QStringLiteral("com.apple.quicktime.make=Apple"),
                         QStringLiteral("-metadata"), QStringLiteral("com.apple.quicktime.model=iPhone 12") },
                     &error),
            qPrintable(error));
        VideoInput input;
        QVERIFY2(input.openFile(QFile::encodeName(path)), qPrintable(input.error()));
        const VideoInfo info = VideoProbe::probe(input);
        QCOMPARE(info.container.contains(QStringLiteral("mov")), true);
        QCOMPARE(info.takenSource, QStringLiteral("quicktime-local"));
        QCOMPARE(info.takenAt, QDateTime(QDate(2023, 6, 1), QTime(14, 5, 9)));
        QCOMPARE(info.utcOffsetMinutes.value_or(-1), 120);
        QVERIFY(info.gps.has_value());
        QCOMPARE(info.gps->latitude, 48.8577);
        QCOMPARE(info.gps->longitude, 2.2950);
        QCOMPARE(info.gps->altitude.value_or(0), 35.0);
        QCOMPARE(info.contentIdentifier, QStringLiteral("5E3F2D9C-7A40-4F2B-9C1A-ABCDEF012345"));
        QCOMPARE(info.make, QStringLiteral("Apple"));
        QCOMPARE(info.model, QStringLiteral("iPhone 12"));
    }

    void utcCreationTimeIsTheSameInstant()
    {
        const QString path = m_dir.filePath(QStringLiteral("utc.mp4"));
        QString error;
        QVERIFY2(VideoFixture::clip(path, QStringLiteral("testsrc2"), 1, 320, 240,
                     { QStringLiteral("-metadata"), QStringLiteral("creation_time=2021-12-31T23:30:00Z") }, &error),
            qPrintable(error));
        VideoInput input;
        QVERIFY2(input.openFile(QFile::encodeName(path)), qPrintable(input.error()));
        const VideoInfo info = VideoProbe::probe(input);
        QCOMPARE(info.takenSource, QStringLiteral("quicktime-utc"));
        QCOMPARE(info.takenAt.toUTC(), QDateTime(QDate(2021, 12, 31), QTime(23, 30), QTimeZone::utc()));
        QCOMPARE(info.utcOffsetMinutes.value_or(-9999), info.takenAt.offsetFromUtc() / 60);
    }

    void parsesIso6709_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::newRow("apple") << "+37.3349-122.0090+030.000/" << true << 37.3349 << -122.009;
        QTest::newRow("no altitude") << "-33.8568+151.2153/" << true << -33.8568 << 151.2153;
        QTest::newRow("no slash") << "+48.8577+002.2950" << true << 48.8577 << 2.295;
        QTest::newRow("latitude out of range") << "+98.0000+002.0000/" << false << 0.0 << 0.0;
        QTest::newRow("garbage") << "somewhere" << false << 0.0 << 0.0;
        QTest::newRow("empty") << "" << false << 0.0 << 0.0;
    }
    void parsesIso6709()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(double, lat);
        QFETCH(double, lon);
        const auto p = VideoProbe::parseIso6709(text);
        QCOMPARE(p.has_value(), valid);
        if (valid) {
            QCOMPARE(p->latitude, lat);
            QCOMPARE(p->longitude, lon);
        }
    }

    void parsesAppleDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("wall");
        QTest::addColumn<int>("offset");
        QTest::newRow("plus") << "2023-06-01T14:05:09+0200" << true << "2023-06-01T14:05:09" << 120;
        QTest::newRow("minus, colon") << "2019-11-03T01:30:00-07:00" << true << "2019-11-03T01:30:00" << -420;
        QTest::newRow("Z") << "2020-02-29T23:59:59Z" << true << "2020-02-29T23:59:59" << 0;
        QTest::newRow("no offset") << "2020-02-29T23:59:59" << false << "" << 0;
        QTest::newRow("bad day") << "2021-02-30T10:00:00+0100" << false << "" << 0;
    }
    void parsesAppleDates()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, wall);
        QFETCH(int, offset);
        QDateTime when;
        int minutes = 0;
        QCOMPARE(VideoProbe::parseAppleDate(text, &when, &minutes), valid);
        if (valid) {
            QCOMPARE(when, QDateTime::fromString(wall, Qt::ISODate));
            QCOMPARE(minutes, offset);
        }
    }

    void badInputGivesAReason_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zero bytes") << "empty"
                                    << "empty file";
        QTest::newRow("truncated before the index") << "truncated"
                                                    << "not a readable video";
        QTest::newRow("audio only") << "audio"
                                    << "no video stream";
        QTest::newRow("random bytes") << "noise"
                                      << "not a readable video";
        // Uncompressed AVI: the header alone decides the frame size and the duration.
        QTest::newRow("header claims 30000x4000 frames") << "huge"
                                                         << "absurd video frame size 30000x4000";
        QTest::newRow("header claims 11 days") << "endless"
                                               << "absurd video duration (277 hours)";
    }
    void badInputGivesAReason()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QByteArray bytes;
        QString error;
        if (kind == QLatin1String("truncated")) {
            // moov at the end (ffmpeg's default): the first half has no index at all.
            const QString path = m_dir.filePath(QStringLiteral("whole.mp4"));
            QVERIFY2(VideoFixture::clip(path, QStringLiteral("testsrc2"), 2, 320, 240, {}, &error), qPrintable(error));
            bytes = readAll(path);
            bytes.truncate(bytes.size() / 2);
        } else if (kind == QLatin1String("audio")) {
            const QString path = m_dir.filePath(QStringLiteral("sound.m4a"));
            QVERIFY2(VideoFixture::make(path,
                         { QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                             QStringLiteral("sine=frequency=440:duration=1") },
                         &error),
                qPrintable(error));
            bytes = readAll(path);
        } else if (kind == QLatin1String("huge") || kind == QLatin1String("endless")) {
            const QString path = m_dir.filePath(QStringLiteral("raw.avi"));
            QVERIFY2(VideoFixture::make(path,
                         { QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                             QStringLiteral("color=c=red:s=16x16:d=0.2"), QStringLiteral("-c:v"),
                             QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"), QStringLiteral("bgr24") },
                         &error),
                qPrintable(error));
            // avih and strf widths/heights; or strh scale 1, rate 1, length 1,000,000 frames (1e6 s).
            bytes = kind == QLatin1String("huge")
                ? patchedAvi(readAll(path),
                    { { "avih", 32, 30000 }, { "avih", 36, 4000 }, { "strf", 4, 30000 }, { "strf", 8, 4000 } })
                : patchedAvi(readAll(path), { { "strh", 20, 1 }, { "strh", 24, 1 }, { "strh", 32, 1000000 } });
            QVERIFY(!bytes.isEmpty());
        } else if (kind == QLatin1String("noise")) {
            bytes = QByteArray("\0\0\0\x18"
                               "ftypisom",
                        12)
                + QByteArray(5000, '\x5a');
        }
        VideoInput input;
        QVERIFY(!input.openMemory(reinterpret_cast<const uchar*>(bytes.constData()), size_t(bytes.size())));
        QVERIFY2(input.error().contains(reason), qPrintable(input.error()));
        QVERIFY(!input.error().contains(QLatin1Char('\n')));
    }

    void truncatedDataAfterTheIndexFailsWithoutCrashing()
    {
        // faststart puts the index first: the file opens, but the frames are gone.
        const QString path = m_dir.filePath(QStringLiteral("fast.mp4"));
        QString error;
        QVERIFY2(VideoFixture::clip(path, QStringLiteral("testsrc2"), 2, 320, 240,
                     { QStringLiteral("-movflags"), QStringLiteral("+faststart") }, &error),
            qPrintable(error));
        QByteArray bytes = readAll(path);
        bytes.truncate(bytes.size() / 10);
        VideoInput input;
        if (!input.openMemory(reinterpret_cast<const uchar*>(bytes.constData()), size_t(bytes.size()))) {
            QVERIFY(!input.error().isEmpty());
            return;
        }
        const VideoInfo info = VideoProbe::probe(input);
        QString why;
        const cv::Mat frame = VideoFrames::representative(input, info, 128, &why);
        QVERIFY2(!frame.empty() || !why.isEmpty(), "an empty frame needs a reason");
        const FrameHashSequence seq = VideoFrames::hashSequence(input, info, &why);
        QVERIFY(seq.frames.size() <= size_t(VideoFrames::kSequenceLength));
    }

    void frameHashSequenceRoundTrips()
    {
        const QString path = m_dir.filePath(QStringLiteral("seq.mp4"));
        QString error;
        QVERIFY2(VideoFixture::clip(path, QStringLiteral("testsrc2"), 4, 320, 240, {}, &error), qPrintable(error));
        const QByteArray bytes = VideoFrames::hashSequenceOfFile(QFile::encodeName(path), &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        const auto seq = FrameHashSequence::decode(bytes);
        QVERIFY(seq.has_value());
        QCOMPARE(int(seq->frames.size()), VideoFrames::kSequenceLength);
        QVERIFY(std::abs(seq->durationMs - 4000) <= 100);
        // At 5 %, 15 %, ... 95 % of the duration, in order.
        for (int i = 0; i < VideoFrames::kSequenceLength; ++i)
            QVERIFY2(std::abs(seq->frames[size_t(i)].ms - (400 * i + 200)) <= 100,
                qPrintable(QString::number(seq->frames[size_t(i)].ms)));
        QCOMPARE(seq->encode(), bytes);
        QVERIFY(!FrameHashSequence::decode(bytes.left(bytes.size() - 3)).has_value());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestVideoProbe)
#include "tst_videoprobe.moc"
