#pragma once
// How long a test waits for a child process (shoebox-cli, ffmpeg): generous by default, and scaled
// by SHOEBOX_TEST_TIMEOUT_SCALE (e.g. 3 under sanitizers or on a loaded machine) so that a slow
// machine makes a test slower, never failed. Header-only.

#include <QString>
#include <QtGlobal>

namespace shoebox::test {

inline int scaledTimeoutMs(int ms)
{
    bool ok = false;
    const double scale = qEnvironmentVariable("SHOEBOX_TEST_TIMEOUT_SCALE").toDouble(&ok);
    const double scaled = ms * (ok && scale > 0 ? scale : 1.0);
    return scaled >= 2e9 ? 2'000'000'000 : int(scaled);
}

// A child process's time limit: ten minutes, scaled.
inline int processTimeoutMs()
{
    return scaledTimeoutMs(600'000);
}

} // namespace shoebox::test
