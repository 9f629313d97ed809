#pragma once
// `shoebox --screenshot FILE --view V`: shows one view of the loaded library, waits until it has
// settled (rows read, visible thumbnails painted, no job running), saves the window as a PNG.
// UI thread only.

#include <QString>

namespace shoebox {

class MainWindow;

class ScreenshotRunner {
public:
    // Returns the process exit code: 0 when the PNG was written.
    static int run(MainWindow& window, const QString& view, const QString& file, int timeoutMs = 30000);
    static bool isKnownView(const QString& view);
    // Processes events until the window is settled, or the time is up. Returns whether it settled.
    static bool waitUntilSettled(MainWindow& window, int timeoutMs);
};

} // namespace shoebox
