// VideoMatcher on frame-hash sequences: built by hand (offsets, blanks, thresholds) and computed from
// re-encoded, resized and trimmed copies of a real clip made with ffmpeg, against different clips.
#include "duplicates/videomatcher.h"
#include "media/videoframes.h"
#include "support/videofixture.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;
using shoebox::test::VideoFixture;

namespace {

// n frames spread over durationMs, each with a random-looking hash from seed + i.
FrameHashSequence sequence(qint64 durationMs, int n, quint32 seed, qint64 startMs = 0, qint64 spanMs = -1)
{
    FrameHashSequence s;
    s.durationMs = durationMs;
    const qint64 span = spanMs < 0 ? durationMs : spanMs;
    for (int i = 0; i < n; ++i) {
        QRandomGenerator g(seed + quint32(i));
        s.frames.push_back({ startMs + span * (2 * i + 1) / (2 * n), g.generate64() });
    }
    return s;
}

FrameHashSequence flipBits(FrameHashSequence s, int bits)
{
    for (auto& f : s.frames)
        for (int b = 0; b < bits; ++b)
            f.hash ^= uint64_t(1) << (b * 7 % 64);
    return s;
}

FrameHashSequence ofFile(const QString& path)
{
    QString error;
    const QByteArray bytes = VideoFrames::hashSequenceOfFile(QFile::encodeName(path), &error);
    if (bytes.isEmpty())
        qWarning() << path << error;
    return FrameHashSequence::decode(bytes).value_or(FrameHashSequence());
}

} // namespace

class TestVideoMatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void identicalSequencesMatchWithAReason()
    {
        const FrameHashSequence a = sequence(61000, 10, 7);
        FrameHashSequence b = flipBits(a, 3);
        b.durationMs = 60900;
        const VideoMatch m = VideoMatcher::compare(a, b);
        QVERIFY(m.same);
        QCOMPARE(m.matched, 10);
        QCOMPARE(m.reason, QStringLiteral("10 of 10 frames within 3 bits, durations 61.0 s vs 60.9 s"));
    }

    void tooManyDifferingBitsStayApart()
    {
        const FrameHashSequence a = sequence(30000, 10, 7);
        const VideoMatch m = VideoMatcher::compare(a, flipBits(a, VideoMatcher::kMaxFrameBits + 2));
        QVERIFY(!m.same);
        QCOMPARE(m.matched, 0);
    }

    void unrelatedSequencesStayApart()
    {
        const VideoMatch m = VideoMatcher::compare(sequence(30000, 10, 7), sequence(30000, 10, 1000));
        QVERIFY(!m.same);
        QVERIFY(m.reason.startsWith(QStringLiteral("0 of 10 frames")));
    }

    void trimmedCopyMatchesAtAnOffset()
    {
        // The copy is the 20 s from 10 s on of a 40 s clip: its frames are those of the original 10 s
        // later; the original's other frames are unrelated pictures.
        const FrameHashSequence trimmed = sequence(20000, 10, 100);
        FrameHashSequence original = sequence(40000, 10, 9000);
        for (const auto& f : trimmed.frames)
            original.frames.push_back({ f.ms + 10000, f.hash ^ 0x3 });
        std::sort(
            original.frames.begin(), original.frames.end(), [](const auto& x, const auto& y) { return x.ms < y.ms; });
        const VideoMatch m = VideoMatcher::compare(trimmed, original);
        QVERIFY(m.same);
        QCOMPARE(m.matched, 10);
        QCOMPARE(m.offsetMs, qint64(10000));
        QVERIFY2(m.reason.endsWith(QStringLiteral("offset 10.0 s")), qPrintable(m.reason));
    }

    void refusesTooFewFramesAndVeryDifferentDurations_data()
    {
        QTest::addColumn<int>("framesB");
        QTest::addColumn<qint64>("durationB");
        QTest::newRow("two informative frames") << 2 << qint64(30000);
        QTest::newRow("a third of the length") << 10 << qint64(10000);
    }
    void refusesTooFewFramesAndVeryDifferentDurations()
    {
        QFETCH(int, framesB);
        QFETCH(qint64, durationB);
        const FrameHashSequence a = sequence(30000, 10, 7);
        FrameHashSequence b = a;
        b.frames.resize(size_t(framesB));
        b.durationMs = durationB;
        const VideoMatch m = VideoMatcher::compare(a, b);
        QVERIFY(!m.same);
        QVERIFY(!m.reason.isEmpty());
    }

    void copiesOfARealClipMatchAndOtherClipsDoNot_data()
    {
        QTest::addColumn<QString>("copy"); // what to make from the sample, or another clip
        QTest::addColumn<bool>("same");
        QTest::newRow("re-encoded") << "reencode" << true;
        QTest::newRow("resized") << "resize" << true;
        QTest::newRow("trimmed start") << "trimstart" << true;
        QTest::newRow("trimmed end") << "trimend" << true;
        QTest::newRow("another real encoding (mov)") << "mov" << true;
        QTest::newRow("mandelbrot") << "mandelbrot" << false;
        QTest::newRow("testsrc2") << "testsrc2" << false;
        QTest::newRow("life") << "life" << false;
    }
    void copiesOfARealClipMatchAndOtherClipsDoNot()
    {
        QFETCH(QString, copy);
        QFETCH(bool, same);
        if (!VideoFixture::available())
            QSKIP(qPrintable(VideoFixture::skipReason()));
        const QString original = VideoFixture::sample(QStringLiteral("mp4.mp4"));
        if (original.isEmpty())
            QSKIP("the mimetype samples are missing: run scripts/fetch-test-photos.sh");
        QTemporaryDir dir;
        const QString out = dir.filePath(copy + QStringLiteral(".mp4"));
        const QString x264 = QStringLiteral("-c:v libx264 -preset ultrafast -pix_fmt yuv420p -an");
        QStringList args;
        if (copy == QLatin1String("reencode"))
            args = QStringLiteral("-i %1 -crf 40 %2").arg(original, x264).split(QLatin1Char(' '));
        else if (copy == QLatin1String("resize"))
            args = QStringLiteral("-i %1 -vf scale=280:160 %2").arg(original, x264).split(QLatin1Char(' '));
        else if (copy == QLatin1String("trimstart"))
            args = QStringLiteral("-ss 1.2 -i %1 %2").arg(original, x264).split(QLatin1Char(' '));
        else if (copy == QLatin1String("trimend"))
            args = QStringLiteral("-i %1 -t 4.3 %2").arg(original, x264).split(QLatin1Char(' '));
        else if (copy != QLatin1String("mov"))
            args = QStringLiteral("-f lavfi -i %1=size=560x320:rate=25 -t 5.5 %2")
                       .arg(copy, x264)
                       .split(QLatin1Char(' '));
        QString error;
        QString other = out;
        if (copy == QLatin1String("mov"))
            other = VideoFixture::sample(QStringLiteral("mov.mov"));
        else
            QVERIFY2(VideoFixture::make(out, args, &error), qPrintable(error));
        const FrameHashSequence a = ofFile(original);
        const FrameHashSequence b = ofFile(other);
        QCOMPARE(int(a.frames.size()), VideoFrames::kSequenceLength);
        const VideoMatch m = VideoMatcher::compare(a, b);
        QVERIFY2(m.same == same, qPrintable(m.reason));
        QVERIFY(!m.reason.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVideoMatcher)
#include "tst_videomatcher.moc"
