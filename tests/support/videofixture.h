#pragma once
// Small video files made by the ffmpeg command-line tool for the tests (fixtures are generated,
// never committed). Used on the test's own thread.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace shoebox::test {

class VideoFixture {
public:
    // Whether the ffmpeg tool can be run; tests SKIP with skipReason() when not.
    static bool available();
    static QString skipReason();
    // Runs "ffmpeg -y -v error ARGS... OUTPUT"; false with *error (ffmpeg's last lines) on failure.
    static bool make(const QString& output, const QStringList& args, QString* error = nullptr);
    // A clip of `seconds` of the lavfi source (e.g. "testsrc2", "mandelbrot"), h264 in MP4/MOV.
    static bool clip(const QString& output, const QString& source, double seconds, int width = 320, int height = 240,
        const QStringList& extra = {}, QString* error = nullptr);
    // The motion half of a Live Photo as an iPhone writes it: a short QuickTime movie carrying Apple's
    // content identifier (omitted when empty) and creation date ("2023-05-01T11:00:00+0200").
    static bool liveMov(
        const QString& output, const QByteArray& contentId, const QByteArray& creationDate, QString* error = nullptr);
    // The real sample clips extracted by scripts/fetch-test-photos.sh ("mov.mov", "mp4.mp4", "3gp.3gp");
    // empty when the test data is missing.
    static QString sample(const QString& name);
};

} // namespace shoebox::test
